// Runs a Pulumi program in-process under the mock runtime and records everything the engine
// would have been asked to do. The plan command, the tests and the benchmark share it, so
// "what does this stack register" has one answer.
import * as pulumi from "@pulumi/pulumi";

/** A value the program marked secret; its plain value is kept only for leak checks. */
export class SecretValue {
  constructor(readonly value: unknown) {}
}

/** A value that is not known until the resource it comes from exists. */
export const UNKNOWN = Symbol("unknown");

/** One RegisterResource (or ReadResource) request, decoded. */
export interface RegisteredResource {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly id: string;
  readonly custom: boolean;
  readonly read: boolean;
  readonly parent: string;
  readonly inputs: Record<string, unknown>;
  readonly protect: boolean;
  readonly packageRef: string;
  /** Former identities: a URN, or a name under a parent URN. */
  readonly aliases: readonly { readonly urn?: string; readonly name?: string; readonly parentUrn?: string }[];
  /** URNs this resource waits for (explicit dependsOn and every input's source). */
  readonly dependencies: readonly string[];
}

export interface RegisteredPackage {
  readonly name: string;
  readonly version: string;
  readonly downloadUrl: string;
  readonly parameterization?: { readonly name: string; readonly version: string; readonly base64Value: string };
}

export interface RecordedInvoke {
  readonly token: string;
  readonly args: Record<string, unknown>;
  readonly packageRef: string;
}

export interface MockRun {
  readonly resources: RegisteredResource[];
  readonly packages: RegisteredPackage[];
  readonly invokes: RecordedInvoke[];
  /** The stack outputs as registered on the root stack resource, secrets as SecretValue. */
  readonly stackOutputs: Record<string, unknown>;
  /** What the program threw, if it failed; what it registered before that is still listed. */
  readonly error?: unknown;
}

/** What a mock answers for a resource: the id and the outputs a real provider would add. */
export type MockBehaviour = (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown>;

export interface MockRunOptions {
  readonly project: string;
  readonly stack: string;
  /** Full config keys (`tfc-layers:layers`) to raw string values, as the CLI passes them. */
  readonly config: Readonly<Record<string, string>>;
  readonly secretKeys?: readonly string[];
  /** Extra outputs per resource type token. */
  readonly outputsByType?: Readonly<Record<string, MockBehaviour>>;
  /**
   * Whether errors raised during the run keep their stack traces (default true). The runtime
   * takes a stack trace for every promise it creates, and under ts-node each one is
   * source-mapped: turning them off makes large runs about three times faster and linear.
   */
  readonly stackTraces?: boolean;
  /** Answers per invoke token; an invoke with no answer fails loudly. */
  readonly invokeResults?: Readonly<Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>>>;
}

/** The id a mocked resource gets: readable in a plan, stable across runs. */
export function mockId(resourceName: string): string {
  return `id(${resourceName})`;
}

/** Decodes a property as the engine received it: secrets, unknowns and resource references. */
export function decodeProperty(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(decodeProperty);
  }
  if (value === pulumi.runtime.unknownValue) {
    return UNKNOWN;
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  const record = value as Record<string, unknown>;
  const sig = record[pulumi.runtime.specialSigKey];
  if (sig === pulumi.runtime.specialSecretSig) {
    return new SecretValue(decodeProperty(record.value));
  }
  if (sig === pulumi.runtime.specialResourceSig) {
    return record.id !== undefined ? decodeProperty(record.id) : record.urn;
  }
  if (sig === pulumi.runtime.specialOutputValueSig) {
    const inner = "value" in record ? decodeProperty(record.value) : UNKNOWN;
    return record.secret ? new SecretValue(inner) : inner;
  }
  const decoded: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(record)) {
    decoded[key] = decodeProperty(inner);
  }
  return decoded;
}

type Callback = (err: unknown, response?: unknown) => void;
// The mock monitor's RPC surface, as far as this recorder needs it.
interface MonitorMethods {
  registerResource(req: any, cb: Callback): void;
  readResource(req: any, cb: Callback): void;
  registerPackage(req: any, cb: Callback): void;
  invoke(req: any, cb: Callback): void;
  registerResourceOutputs(req: any, cb: Callback): void;
}

function structToObject(struct: any): Record<string, unknown> {
  return struct ? (decodeProperty(struct.toJavaScript()) as Record<string, unknown>) : {};
}

function dependencyUrns(req: any): string[] {
  const urns = new Set<string>(req.getDependenciesList());
  req.getPropertydependenciesMap().forEach((deps: any) => {
    for (const urn of deps.getUrnsList()) urns.add(urn);
  });
  return [...urns].sort();
}

let queue: Promise<unknown> = Promise.resolve();

// A program that throws rejects promises inside the runtime (the stack's outputs) that nobody
// awaits; those rejections carry the error we already report, so they are not news.
const reportedErrors = new WeakSet<object>();
let rejectionFilterInstalled = false;
function alreadyReported(error: unknown): void {
  if (error === null || typeof error !== "object") return;
  reportedErrors.add(error);
  if (!rejectionFilterInstalled) {
    rejectionFilterInstalled = true;
    process.on("unhandledRejection", (reason) => {
      if (reason !== null && typeof reason === "object" && reportedErrors.has(reason)) return;
      throw reason;
    });
  }
}

/**
 * Runs `program` as a stack under mocks and returns what it registered. Runs are serialised:
 * the Pulumi runtime keeps one global deployment per process.
 */
export function runUnderMocks(program: () => unknown, options: MockRunOptions): Promise<MockRun> {
  const run = queue.then(() => runOnce(program, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runOnce(program: () => unknown, options: MockRunOptions): Promise<MockRun> {
  const resources: RegisteredResource[] = [];
  const packages: RegisteredPackage[] = [];
  const invokes: RecordedInvoke[] = [];
  let stackOutputs: Record<string, unknown> = {};

  pulumi.runtime.setAllConfig({ ...options.config }, [...(options.secretKeys ?? [])]);

  const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
      const id = mockId(args.name);
      const extra = options.outputsByType?.[args.type]?.(args) ?? {};
      return { id, state: { ...args.inputs, ...extra } };
    },
    call(args) {
      const answer = options.invokeResults?.[args.token];
      if (!answer) {
        throw new Error(`no mock answer for invoke ${args.token}`);
      }
      return answer(args.inputs);
    },
  };
  await pulumi.runtime.setMocks(mocks, options.project, options.stack, false);

  const monitor = pulumi.runtime.getMonitor() as unknown as MonitorMethods;
  const original = {
    registerResource: monitor.registerResource.bind(monitor),
    readResource: monitor.readResource.bind(monitor),
    registerPackage: monitor.registerPackage.bind(monitor),
    invoke: monitor.invoke.bind(monitor),
    registerResourceOutputs: monitor.registerResourceOutputs.bind(monitor),
  };
  monitor.registerResource = (req, cb) =>
    original.registerResource(req, (err, resp: any) => {
      if (!err) {
        resources.push({
          type: req.getType(),
          name: req.getName(),
          urn: resp.getUrn(),
          id: resp.getId(),
          custom: req.getCustom(),
          read: false,
          parent: req.getParent(),
          inputs: structToObject(req.getObject()),
          protect: req.getProtect() === true,
          packageRef: req.getPackageref(),
          aliases: req.getAliasesList().map((a: any) => {
            if (a.getUrn()) return { urn: a.getUrn() };
            const spec = a.getSpec();
            return { name: spec.getName() || undefined, parentUrn: spec.getParenturn() || undefined };
          }),
          dependencies: dependencyUrns(req),
        });
      }
      cb(err, resp);
    });
  monitor.readResource = (req, cb) =>
    original.readResource(req, (err, resp: any) => {
      if (!err) {
        resources.push({
          type: req.getType(),
          name: req.getName(),
          urn: resp.getUrn(),
          id: req.getId(),
          custom: true,
          read: true,
          parent: req.getParent(),
          inputs: structToObject(req.getProperties()),
          protect: false,
          packageRef: req.getPackageref(),
          aliases: [],
          dependencies: [...req.getDependenciesList()].sort(),
        });
      }
      cb(err, resp);
    });
  monitor.registerPackage = (req, cb) => {
    const params = req.getParameterization();
    packages.push({
      name: req.getName(),
      version: req.getVersion(),
      downloadUrl: req.getDownloadUrl(),
      parameterization: params
        ? {
            name: params.getName(),
            version: params.getVersion(),
            base64Value: Buffer.from(params.getValue_asU8()).toString("base64"),
          }
        : undefined,
    });
    original.registerPackage(req, cb);
  };
  monitor.invoke = (req, cb) => {
    invokes.push({ token: req.getTok(), args: structToObject(req.getArgs()), packageRef: req.getPackageref() });
    original.invoke(req, cb);
  };
  monitor.registerResourceOutputs = (req, cb) => {
    if (req.getUrn().split("::")[2] === "pulumi:pulumi:Stack") {
      stackOutputs = structToObject(req.getOutputs());
    }
    original.registerResourceOutputs(req, cb);
  };

  let error: unknown;
  const stackTraceLimit = Error.stackTraceLimit;
  if (options.stackTraces === false) Error.stackTraceLimit = 0;
  try {
    await pulumi.runtime.runInPulumiStack(async () => program());
  } catch (err) {
    error = err;
    alreadyReported(err);
  } finally {
    // Let every registration still in flight land before the next run replaces the monitor.
    await pulumi.runtime.disconnect();
    Error.stackTraceLimit = stackTraceLimit;
  }
  return { resources, packages, invokes, stackOutputs, error };
}

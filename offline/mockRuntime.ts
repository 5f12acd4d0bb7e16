// Runs a Pulumi program in-process under the mock runtime and records everything the engine
// would have been asked to do. The plan command, the tests and the benchmark share it, so
// "what does this stack register" has one answer.
import * as pulumi from "@pulumi/pulumi";
import {
  isStackUrn,
  mockId,
  type ProgramRun,
  type RecordedInvoke,
  type RegisteredPackage,
  type RegisteredResource,
  readResource,
  recordedInvoke,
  registeredPackage,
  registeredResource,
  structToObject,
} from "./registrations";

/** What a program registered under mocks. */
export type MockRun = ProgramRun;

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
   * Whether the run keeps stack traces (default true). The runtime takes one for every promise
   * it creates, and one per resource for its source position, and under ts-node every frame is
   * source-mapped. Turning them off makes large runs about three times faster and linear, and
   * a fifth faster again at 1,000 workspaces without the per-resource ones: under mocks nothing
   * reads a source position, and an error shows its message alone.
   */
  readonly stackTraces?: boolean;
  /** Answers per invoke token; an invoke with no answer fails loudly. */
  readonly invokeResults?: Readonly<Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>>>;
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
      if (!err) resources.push(registeredResource(req, resp.getUrn(), resp.getId()));
      cb(err, resp);
    });
  monitor.readResource = (req, cb) =>
    original.readResource(req, (err, resp: any) => {
      if (!err) resources.push(readResource(req, resp.getUrn()));
      cb(err, resp);
    });
  monitor.registerPackage = (req, cb) => {
    packages.push(registeredPackage(req));
    original.registerPackage(req, cb);
  };
  monitor.invoke = (req, cb) => {
    invokes.push(recordedInvoke(req));
    original.invoke(req, cb);
  };
  monitor.registerResourceOutputs = (req, cb) => {
    if (isStackUrn(req.getUrn())) stackOutputs = structToObject(req.getOutputs());
    original.registerResourceOutputs(req, cb);
  };

  let error: unknown;
  const stackTraceLimit = Error.stackTraceLimit;
  const prepareStackTrace = Error.prepareStackTrace;
  if (options.stackTraces === false) {
    Error.stackTraceLimit = 0;
    // The runtime lifts the limit for its per-resource trace (Resource.callsites); with no
    // frames to format, a resource has no source position and nothing is source-mapped.
    Error.prepareStackTrace = (error: Error) => String(error);
  }
  try {
    await pulumi.runtime.runInPulumiStack(async () => program());
  } catch (err) {
    error = err;
    alreadyReported(err);
  } finally {
    // Let every registration still in flight land before the next run replaces the monitor.
    await pulumi.runtime.disconnect();
    Error.stackTraceLimit = stackTraceLimit;
    Error.prepareStackTrace = prepareStackTrace;
  }
  return { resources, packages, invokes, stackOutputs, error };
}

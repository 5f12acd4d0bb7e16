// A stand-in for the Pulumi engine: the ResourceMonitor and Engine gRPC services a program
// talks to under `pulumi preview` and `pulumi up`, served on loopback. It answers as the engine
// of pulumi/pulumi v3.248.0 does where a program can tell (features, URNs, ids unknown in
// preview, the engine's refusal of duplicate URNs and aliases), records every request in the
// same terms as the mock runtime, and provisions nothing.
// Engine rules followed: pkg/resource/deploy/source_eval.go (supportsFeatureID),
// deployment.go (generateURN), step_generator.go (generateURN, getOldResource, collapseAliasToUrn),
// sdk/go/common/diag/errors.go (messages).
import { randomUUID } from "node:crypto";
import * as grpc from "@grpc/grpc-js";
import type { MockBehaviour } from "./mockRuntime";
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

const resourceGrpc = require("@pulumi/pulumi/proto/resource_grpc_pb");
const resourcePb = require("@pulumi/pulumi/proto/resource_pb");
const engineGrpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
const providerPb = require("@pulumi/pulumi/proto/provider_pb");
const enginePb = require("@pulumi/pulumi/proto/engine_pb");
const { Empty } = require("google-protobuf/google/protobuf/empty_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");

/** Features the v3.248.0 engine reports (source_eval.go supportsFeatureID). */
const ENGINE_FEATURES = [
  "secrets",
  "resourceReferences",
  "outputValues",
  "aliasSpecs",
  "replacementTrigger",
  "deletedWith",
  "replaceWith",
  "transforms",
  "invokeTransforms",
  "parameterization",
  "resourceHooks",
  "errorHooks",
  "sendsOptionsToHooks",
];

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

export interface EngineLog {
  readonly severity: "debug" | "info" | "warning" | "error";
  readonly message: string;
  readonly urn: string;
}

export interface StandInEngineOptions {
  readonly project: string;
  readonly stack: string;
  /** Whether this is a preview: ids and computed outputs are then unknown. */
  readonly preview: boolean;
  /** Outputs a provider would add, per type token (on `up` only). */
  readonly outputsByType?: Readonly<Record<string, MockBehaviour>>;
  /** URNs of the stack's existing resources, so that aliases can match them as the engine's do. */
  readonly olds?: readonly string[];
  /**
   * What a provider's data sources answer, per invoke token; one that throws answers with a
   * failure, as a provider that cannot find what it is asked for does. Other tokens are refused.
   */
  readonly invokeResults?: Readonly<Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>>>;
}

/** What the stand-in engine saw, beyond what a mock run records. */
export interface EngineRecord extends ProgramRun {
  readonly logs: EngineLog[];
  /** Existing resources each new resource took over through an alias: old URN to new URN. */
  readonly aliased: ReadonlyMap<string, string>;
  /** Whether the program signalled that it finished (SignalAndWaitForShutdown). */
  readonly shutdownSignalled: boolean;
  /** The package references handed out, one per RegisterPackage. */
  readonly packageRefs: readonly string[];
}

const SEVERITIES = ["debug", "info", "warning", "error"] as const;

type Call = { request: any };
type Callback = (err: grpc.ServiceError | null, response?: unknown) => void;

/** The engine's qualified type of a URN: the part after the project. */
function qualifiedType(urn: string): string {
  return urn.split("::")[2] ?? "";
}

export class StandInEngine {
  private readonly server = new grpc.Server();
  private readonly resources: RegisteredResource[] = [];
  private readonly packages: RegisteredPackage[] = [];
  private readonly invokes: RecordedInvoke[] = [];
  private readonly logs: EngineLog[] = [];
  private readonly urns = new Set<string>();
  private readonly aliased = new Map<string, string>();
  private readonly olds: ReadonlySet<string>;
  private readonly packageRefs: string[] = [];
  private stackOutputs: Record<string, unknown> = {};
  private rootUrn = "";
  private shutdownSignalled = false;

  constructor(private readonly options: StandInEngineOptions) {
    this.olds = new Set(options.olds ?? []);
    this.server.addService(resourceGrpc.ResourceMonitorService, {
      supportsFeature: (call: Call, cb: Callback) => {
        const response = new resourcePb.SupportsFeatureResponse();
        response.setHassupport(ENGINE_FEATURES.includes(call.request.getId()));
        cb(null, response);
      },
      registerResource: (call: Call, cb: Callback) => this.registerResource(call.request, cb),
      readResource: (call: Call, cb: Callback) => {
        const urn = this.urnFor(call.request.getParent(), call.request.getType(), call.request.getName());
        this.resources.push(readResource(call.request, urn));
        const response = new resourcePb.ReadResourceResponse();
        response.setUrn(urn);
        response.setProperties(call.request.getProperties());
        cb(null, response);
      },
      registerResourceOutputs: (call: Call, cb: Callback) => {
        if (isStackUrn(call.request.getUrn())) this.stackOutputs = structToObject(call.request.getOutputs());
        cb(null, new Empty());
      },
      registerPackage: (call: Call, cb: Callback) => {
        this.packages.push(registeredPackage(call.request));
        const response = new resourcePb.RegisterPackageResponse();
        this.packageRefs.push(randomUUID());
        response.setRef(this.packageRefs[this.packageRefs.length - 1]);
        cb(null, response);
      },
      invoke: (call: Call, cb: Callback) => {
        const invoke = recordedInvoke(call.request);
        this.invokes.push(invoke);
        const answer = this.options.invokeResults?.[invoke.token];
        if (!answer) {
          cb({ code: grpc.status.UNIMPLEMENTED, details: "the stand-in engine runs no provider" } as grpc.ServiceError);
          return;
        }
        const response = new providerPb.InvokeResponse();
        try {
          response.setReturn(Struct.fromJavaScript(answer(invoke.args)));
        } catch (err) {
          const failure = new providerPb.CheckFailure();
          failure.setReason(err instanceof Error ? err.message : String(err));
          response.setFailuresList([failure]);
        }
        cb(null, response);
      },
      signalAndWaitForShutdown: (_call: Call, cb: Callback) => {
        this.shutdownSignalled = true;
        cb(null, new Empty());
      },
    });
    this.server.addService(engineGrpc.EngineService, {
      log: (call: Call, cb: Callback) => {
        const req = call.request;
        this.logs.push({ severity: SEVERITIES[req.getSeverity()], message: req.getMessage(), urn: req.getUrn() });
        cb(null, new Empty());
      },
      getRootResource: (_call: Call, cb: Callback) => {
        const response = new enginePb.GetRootResourceResponse();
        response.setUrn(this.rootUrn);
        cb(null, response);
      },
      setRootResource: (call: Call, cb: Callback) => {
        this.rootUrn = call.request.getUrn();
        cb(null, new enginePb.SetRootResourceResponse());
      },
    });
  }

  /** Starts serving on a free loopback port; returns its address. */
  start(): Promise<string> {
    return new Promise((resolve, reject) =>
      this.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) =>
        err ? reject(err) : resolve(`127.0.0.1:${port}`),
      ),
    );
  }

  stop(): void {
    this.server.forceShutdown();
  }

  record(): EngineRecord {
    return {
      resources: this.resources,
      packages: this.packages,
      invokes: this.invokes,
      stackOutputs: this.stackOutputs,
      logs: this.logs,
      aliased: this.aliased,
      shutdownSignalled: this.shutdownSignalled,
      packageRefs: this.packageRefs,
    };
  }

  /** deployment.go generateURN: the parent's qualified type joins in, unless it is the stack. */
  private urnFor(parent: string, type: string, name: string): string {
    const parentType = parent && qualifiedType(parent) !== ROOT_STACK_TYPE ? `${qualifiedType(parent)}$` : "";
    return `urn:pulumi:${this.options.stack}::${this.options.project}::${parentType}${type}::${name}`;
  }

  /** step_generator.go collapseAliasToUrn: an alias spec's missing parts are the resource's own. */
  private aliasUrn(alias: any, name: string, type: string, parent: string): string {
    if (alias.getUrn()) return alias.getUrn();
    const spec = alias.getSpec();
    const aliasParent = spec.getNoparent() ? "" : spec.getParenturn() || parent;
    return this.urnFor(aliasParent, spec.getType() || type, spec.getName() || name);
  }

  private refuse(urn: string, message: string, cb: Callback): void {
    this.logs.push({ severity: "error", message, urn });
    cb({ code: grpc.status.INVALID_ARGUMENT, details: message } as grpc.ServiceError);
  }

  /**
   * Claims `urn`, and the old resource an alias matches, as the engine's step generator does
   * (generateURN, getOldResource); returns the engine's message when the claim conflicts.
   */
  private claim(urn: string, req: any): string | undefined {
    const [type, name, parent] = [req.getType(), req.getName(), req.getParent()];
    if (this.urns.has(urn)) return `Duplicate resource URN '${urn}'; try giving it a unique name`;
    const claimedBy = this.aliased.get(urn);
    if (claimedBy !== undefined) {
      return `Duplicate resource URN '${urn}' conflicting with alias on resource with URN '${claimedBy}'`;
    }
    this.urns.add(urn);
    // The URN first, then the aliases; the first that names an old resource wins.
    const candidates = [urn, ...req.getAliasesList().map((a: any) => this.aliasUrn(a, name, type, parent))];
    const match = candidates.find((candidate) => this.olds.has(candidate));
    if (match === undefined || match === urn) return undefined;
    const previous = this.urns.has(match) ? urn : this.aliased.get(match);
    if (previous !== undefined) {
      return `Duplicate resource alias '${match}' applied to resource with URN '${urn}' conflicting with resource with URN '${previous}'`;
    }
    this.aliased.set(match, urn);
    return undefined;
  }

  private registerResource(req: any, cb: Callback): void {
    const [type, name] = [req.getType(), req.getName()];
    const urn = this.urnFor(req.getParent(), type, name);
    const conflict = this.claim(urn, req);
    if (conflict !== undefined) {
      this.refuse(urn, conflict, cb);
      return;
    }
    const custom = req.getCustom();
    const id = custom && !this.options.preview ? mockId(name) : "";
    this.resources.push(registeredResource(req, urn, id));
    const inputs = req.getObject()?.toJavaScript() ?? {};
    const extra =
      custom && !this.options.preview
        ? (this.options.outputsByType?.[type]?.({ type, name, inputs: structToObject(req.getObject()), custom, id }) ??
          {})
        : {};
    const response = new resourcePb.RegisterResourceResponse();
    response.setUrn(urn);
    response.setId(id);
    response.setObject(Struct.fromJavaScript(custom ? { ...inputs, ...extra } : {}));
    cb(null, response);
  }
}

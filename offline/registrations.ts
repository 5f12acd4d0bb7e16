// What a Pulumi program asked the engine to do, decoded from the ResourceMonitor's requests.
// Shared by the in-process mock runtime and the gRPC stand-in engine of the language-host run,
// so both describe a run in the same terms and can be compared.
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

export interface ProgramRun {
  readonly resources: RegisteredResource[];
  readonly packages: RegisteredPackage[];
  readonly invokes: RecordedInvoke[];
  /** The stack outputs as registered on the root stack resource, secrets as SecretValue. */
  readonly stackOutputs: Record<string, unknown>;
  /** What the program threw, if it failed; what it registered before that is still listed. */
  readonly error?: unknown;
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

/** The id a stand-in provider gives a resource: readable in a plan, stable across runs. */
export function mockId(resourceName: string): string {
  return `id(${resourceName})`;
}

/** A protobuf Struct as plain values, decoded. */
export function structToObject(struct: any): Record<string, unknown> {
  return struct ? (decodeProperty(struct.toJavaScript()) as Record<string, unknown>) : {};
}

function dependencyUrns(req: any): string[] {
  const urns = new Set<string>(req.getDependenciesList());
  req.getPropertydependenciesMap().forEach((deps: any) => {
    for (const urn of deps.getUrnsList()) urns.add(urn);
  });
  return [...urns].sort();
}

/** A RegisterResourceRequest, decoded; `urn` and `id` are the engine's answer. */
export function registeredResource(req: any, urn: string, id: string): RegisteredResource {
  return {
    type: req.getType(),
    name: req.getName(),
    urn,
    id,
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
  };
}

/** A ReadResourceRequest, decoded; `urn` is the engine's answer. */
export function readResource(req: any, urn: string): RegisteredResource {
  return {
    type: req.getType(),
    name: req.getName(),
    urn,
    id: req.getId(),
    custom: true,
    read: true,
    parent: req.getParent(),
    inputs: structToObject(req.getProperties()),
    protect: false,
    packageRef: req.getPackageref(),
    aliases: [],
    dependencies: [...req.getDependenciesList()].sort(),
  };
}

/** A RegisterPackageRequest, decoded. */
export function registeredPackage(req: any): RegisteredPackage {
  const params = req.getParameterization();
  return {
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
  };
}

/** An invoke request, decoded. */
export function recordedInvoke(req: any): RecordedInvoke {
  return { token: req.getTok(), args: structToObject(req.getArgs()), packageRef: req.getPackageref() };
}

/** Whether a RegisterResourceOutputs request is the root stack's (its outputs are the stack outputs). */
export function isStackUrn(urn: string): boolean {
  return urn.split("::")[2]?.split("$").pop() === "pulumi:pulumi:Stack";
}

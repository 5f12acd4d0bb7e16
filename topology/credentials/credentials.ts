// The rules of credential sets: which sets each workspace takes, the variables each dynamic set
// gives it (placeholders filled in), the variable sets that carry them, and the workload-identity
// subjects each role must trust. Pure: checked before any resource is registered.
//
// A dynamic set whose values use {layer}, {workspace} or a cell's placeholders gives different
// values to different workspaces; one variable set holds one value per variable, so such a set
// becomes one variable set per layer, cell or workspace, each attached only where it applies.
import type { Cell } from "../cells/cellsConfig";
import { StackConfigError, show } from "../errors";
import { checkAzureFederatedCredentials } from "./cloudLimits";
import {
  CLOUD_FIELDS,
  type Cloud,
  CREDENTIAL_KEYS,
  type CredentialsConfig,
  type DynamicSetConfig,
} from "./credentialsConfig";

export type RunPhase = "plan" | "apply";
export const RUN_PHASES: readonly RunPhase[] = ["plan", "apply"];

/** A workspace as the credential rules see it. */
export interface CredentialWorkspace {
  readonly key: string;
  /** Its TFC name. */
  readonly name: string;
  /** As written in the stack file. */
  readonly workspace: string;
  readonly layer: string;
  readonly cell?: Cell;
  /** Its TFC name before a rename (renamedFrom). */
  readonly previous?: { readonly name: string };
}

export interface PlainVariable {
  readonly key: string;
  readonly value: string;
}

/** One variable set the program creates for a named set. */
export interface CredentialVariableSet {
  readonly set: string;
  readonly kind: "dynamic" | "static";
  /** Pulumi name of its component: `credentials/<set>`, then the layer, cell or workspace it is for. */
  readonly resourceName: string;
  /** Its Pulumi name before its workspace was renamed (a set per workspace), kept as an alias. */
  readonly formerResourceName?: string;
  /** Its TFC name: `<project>/<stack>/credentials/<set>[/...]`, unique per deployment. */
  readonly tfcName: string;
  /** Dynamic: the variables, all plain. Static: only the names (the values are secret). */
  readonly variables: readonly PlainVariable[];
  readonly secretNames: readonly string[];
  /** Keys of the workspaces it is attached to, sorted. */
  readonly workspaces: readonly string[];
  /** Attached once to the project (the stack owns it and every workspace takes this set). */
  readonly onProject: boolean;
  /** Whether its values beat the workspaces' own variables: always for a dynamic set; a static set may say not. */
  readonly priority: boolean;
}

/** An identity a cloud must let TFC runs assume, with the workspaces and phases that use it. */
export interface TrustedIdentity {
  readonly cloud: Cloud;
  readonly set: string;
  /** The role ARN, client id, service account email (or workload provider) or Vault role. */
  readonly identity: string;
  readonly audience: string;
  /** By TFC workspace name, sorted: the phases in which runs of it use this identity. */
  readonly uses: readonly { readonly workspace: string; readonly phases: readonly RunPhase[] }[];
  /** `organization:<org>:project:<project>:workspace:<ws>:run_phase:<phase>`, one per use and phase. */
  readonly subjects: readonly string[];
}

export interface CredentialsPlan {
  readonly variableSets: readonly CredentialVariableSet[];
  /** Set names by workspace key. */
  readonly setsByWorkspace: ReadonlyMap<string, readonly string[]>;
  readonly trusted: readonly TrustedIdentity[];
}

/** What each cloud's variables are called, and its default audience. */
const PREFIX: Record<Cloud, string> = { aws: "TFC_AWS", azure: "TFC_AZURE", gcp: "TFC_GCP", vault: "TFC_VAULT" };
export const DEFAULT_AUDIENCE: Record<Cloud, string> = {
  aws: "aws.workload.identity",
  azure: "api://AzureADTokenExchange",
  gcp: "",
  vault: "vault.workload.identity",
};
/** The field that holds each phase's identity, per cloud: run, plan, apply. */
const IDENTITY_FIELDS: Record<Cloud, readonly [string, string, string]> = {
  aws: ["runRole", "planRole", "applyRole"],
  azure: ["runClientId", "planClientId", "applyClientId"],
  gcp: ["runServiceAccountEmail", "planServiceAccountEmail", "applyServiceAccountEmail"],
  vault: ["runRole", "planRole", "applyRole"],
};
/** Each field's variable; the identity fields' are built from PREFIX. */
const VARIABLE_OF: Record<Cloud, Record<string, string>> = {
  aws: {
    runRole: "TFC_AWS_RUN_ROLE_ARN",
    planRole: "TFC_AWS_PLAN_ROLE_ARN",
    applyRole: "TFC_AWS_APPLY_ROLE_ARN",
    audience: "TFC_AWS_WORKLOAD_IDENTITY_AUDIENCE",
  },
  azure: {
    runClientId: "TFC_AZURE_RUN_CLIENT_ID",
    planClientId: "TFC_AZURE_PLAN_CLIENT_ID",
    applyClientId: "TFC_AZURE_APPLY_CLIENT_ID",
    audience: "TFC_AZURE_WORKLOAD_IDENTITY_AUDIENCE",
    subscriptionId: "ARM_SUBSCRIPTION_ID",
    tenantId: "ARM_TENANT_ID",
  },
  gcp: {
    workloadProviderName: "TFC_GCP_WORKLOAD_PROVIDER_NAME",
    projectNumber: "TFC_GCP_PROJECT_NUMBER",
    workloadPoolId: "TFC_GCP_WORKLOAD_POOL_ID",
    workloadProviderId: "TFC_GCP_WORKLOAD_PROVIDER_ID",
    principalType: "TFC_GCP_PRINCIPAL_TYPE",
    runServiceAccountEmail: "TFC_GCP_RUN_SERVICE_ACCOUNT_EMAIL",
    planServiceAccountEmail: "TFC_GCP_PLAN_SERVICE_ACCOUNT_EMAIL",
    applyServiceAccountEmail: "TFC_GCP_APPLY_SERVICE_ACCOUNT_EMAIL",
    audience: "TFC_GCP_WORKLOAD_IDENTITY_AUDIENCE",
  },
  vault: {
    address: "TFC_VAULT_ADDR",
    runRole: "TFC_VAULT_RUN_ROLE",
    planRole: "TFC_VAULT_PLAN_ROLE",
    applyRole: "TFC_VAULT_APPLY_ROLE",
    namespace: "TFC_VAULT_NAMESPACE",
    authPath: "TFC_VAULT_AUTH_PATH",
    audience: "TFC_VAULT_WORKLOAD_IDENTITY_AUDIENCE",
    encodedCacert: "TFC_VAULT_ENCODED_CACERT",
  },
};

const AWS_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const GCP_PRINCIPAL_TYPES = ["service_account", "workload_pool"];

const fail = (message: string): never => {
  throw new StackConfigError(message);
};

/** Refuses a dynamic set that misses what its cloud needs (before placeholders are filled in). */
function checkRequired(set: DynamicSetConfig): void {
  for (const [cloud, fields] of Object.entries(set.clouds) as [Cloud, Record<string, string>][]) {
    const where = `${CREDENTIAL_KEYS.credentials}.${set.name}.${cloud}`;
    const [run, plan, apply] = IDENTITY_FIELDS[cloud];
    const needsIdentity = cloud !== "gcp" || (fields.principalType ?? "service_account") === "service_account";
    if (cloud === "gcp") {
      if (fields.principalType !== undefined && !GCP_PRINCIPAL_TYPES.includes(fields.principalType)) {
        fail(
          `${where}.principalType ${show(fields.principalType)} is not one TFC takes: use service_account or workload_pool`,
        );
      }
      const parts = [fields.projectNumber, fields.workloadPoolId, fields.workloadProviderId];
      const someParts = parts.some((p) => p !== undefined);
      if (fields.workloadProviderName === undefined && parts.some((p) => p === undefined)) {
        fail(
          `${where} has no workload provider: give workloadProviderName (projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>)${someParts ? ", or all of projectNumber, workloadPoolId and workloadProviderId" : ""}`,
        );
      }
      if (fields.workloadProviderName !== undefined && someParts) {
        fail(`${where} gives workloadProviderName and its parts: give one or the other`);
      }
      if (!needsIdentity && (fields[run] ?? fields[plan] ?? fields[apply]) !== undefined) {
        fail(`${where} gives service accounts with principalType workload_pool: drop them, or use service_account`);
      }
    }
    if (cloud === "vault" && fields.address === undefined) {
      fail(`${where} has no address: give the Vault address, e.g. address: https://vault.example.com:8200`);
    }
    if (needsIdentity && fields[run] === undefined && (fields[plan] === undefined || fields[apply] === undefined)) {
      const what = { aws: "role", azure: "client id", gcp: "service account", vault: "role" }[cloud];
      fail(
        `${where} has no ${what} for ${fields[plan] === undefined && fields[apply] === undefined ? "its runs" : fields[plan] === undefined ? "plans" : "applies"}: give ${run}, or both ${plan} and ${apply}`,
      );
    }
  }
}

const PLACEHOLDER = /\{([^}]*)\}/g;

/** Fills in a value's placeholders for one workspace, or refuses one that has no value there. */
function fillIn(
  value: string,
  where: string,
  ws: CredentialWorkspace,
  environment: string,
  cellNames: ReadonlySet<string>,
): string {
  return value.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === "layer") return ws.layer;
    if (name === "workspace") return ws.workspace;
    if (name === "environment") return environment;
    if (name === "cell") {
      return (
        ws.cell?.name ??
        fail(
          `${where} ${show(value)} uses {cell}, but workspace ${show(ws.workspace)} of layer ${show(ws.layer)} is in no cell: use the set only in cell layers, or drop {cell}`,
        )
      );
    }
    const cellValue = ws.cell?.values[name];
    if (cellValue !== undefined) return String(cellValue);
    const why =
      cellNames.size === 0
        ? "the stack has no cells"
        : ws.cell === undefined
          ? `workspace ${show(ws.workspace)} of layer ${show(ws.layer)} is in no cell`
          : `cell ${show(ws.cell.name)} has no value ${show(name)}`;
    return fail(
      `${where} ${show(value)} uses ${whole}, which has no value: ${why}; use {layer}, {workspace}, {environment}, {cell} or a value every cell of the layer gives`,
    );
  });
}

/** What a value depends on besides the environment: which of layer, cell and workspace tell its instances apart. */
function dependsOn(values: readonly string[]): { layer: boolean; cell: boolean; workspace: boolean } {
  const names = values.flatMap((v) => [...v.matchAll(PLACEHOLDER)].map((m) => m[1]));
  const workspace = names.includes("workspace");
  return {
    workspace,
    layer: !workspace && names.includes("layer"),
    cell: !workspace && names.some((n) => !["layer", "workspace", "environment"].includes(n)),
  };
}

/** The variables a dynamic set gives one workspace, in a stable order. */
function dynamicVariables(
  set: DynamicSetConfig,
  ws: CredentialWorkspace,
  environment: string,
  cellNames: ReadonlySet<string>,
): PlainVariable[] {
  const variables: PlainVariable[] = [];
  for (const [cloud, fields] of Object.entries(set.clouds) as [Cloud, Record<string, string>][]) {
    variables.push({ key: `${PREFIX[cloud]}_PROVIDER_AUTH`, value: "true" });
    for (const field of CLOUD_FIELDS[cloud]) {
      const written = fields[field];
      if (written === undefined) continue;
      const where = `${CREDENTIAL_KEYS.credentials}.${set.name}.${cloud}.${field}`;
      const value = fillIn(written, where, ws, environment, cellNames);
      if (cloud === "aws" && field !== "audience" && !AWS_ROLE_ARN.test(value)) {
        fail(
          `${where} ${show(value)}${value !== written ? ` (from ${show(written)})` : ""} is not an IAM role ARN: write it like arn:aws:iam::123456789012:role/network-plan`,
        );
      }
      variables.push({ key: VARIABLE_OF[cloud][field], value });
    }
  }
  return variables;
}

export interface CredentialsInput {
  readonly config: CredentialsConfig;
  /** The layers' own choices (undefined: the stack's default), by layer name. */
  readonly layerSets: ReadonlyMap<string, readonly string[] | undefined>;
  /** Variable names of the legacy shared set (tfc-layers:sharedCredentials), when it exists. */
  readonly sharedNames?: readonly string[];
  /** Whether each layer takes the legacy shared set. */
  readonly takesShared: (layer: string) => boolean;
  readonly workspaces: readonly CredentialWorkspace[];
  readonly cells: readonly Cell[];
  readonly environment: string;
  readonly organization: string;
  /** The project's name for the subjects; undefined when the project is given by id. */
  readonly projectName?: string;
  /** Whether the stack owns the project its workspaces are in (a set may attach to it). */
  readonly ownsProject: boolean;
  /** `<project>/<stack>`: what makes the variable sets' TFC names unique per deployment. */
  readonly deployment: string;
}

/** The placeholder of the project when the stack gives it by id: the subject needs its name. */
export const PROJECT_BY_ID = "<name of the project>";

/** Validates the credential sets and derives their variable sets and trusted identities. */
export function planCredentials(input: CredentialsInput): CredentialsPlan {
  const { config } = input;
  const dynamic = new Map(config.dynamic.map((s) => [s.name, s]));
  const statics = new Map(config.static.map((s) => [s.name, s]));
  for (const name of dynamic.keys()) {
    if (statics.has(name)) {
      fail(
        `${CREDENTIAL_KEYS.credentials} and ${CREDENTIAL_KEYS.staticCredentials} both have the set ${show(name)}: a layer names a set by name; rename one`,
      );
    }
  }
  const known = [...dynamic.keys(), ...statics.keys()];
  const unknown = (key: string, name: string) =>
    fail(
      `${key} names the credential set ${show(name)}, which does not exist: ${known.length ? `use one of ${known.join(", ")}` : `define it in ${CREDENTIAL_KEYS.credentials} or ${CREDENTIAL_KEYS.staticCredentials}`}`,
    );
  for (const name of config.defaults ?? [])
    if (!dynamic.has(name) && !statics.has(name)) unknown(CREDENTIAL_KEYS.defaultCredentials, name);
  const setsOfLayer = new Map<string, readonly string[]>();
  for (const [layer, own] of input.layerSets) {
    for (const name of own ?? [])
      if (!dynamic.has(name) && !statics.has(name))
        unknown(`tfc-layers:layers (layer ${show(layer)}).credentials`, name);
    setsOfLayer.set(layer, own ?? config.defaults ?? []);
  }
  const used = new Set([...setsOfLayer.values()].flat());
  for (const name of known) {
    if (!used.has(name)) {
      const key = dynamic.has(name) ? CREDENTIAL_KEYS.credentials : CREDENTIAL_KEYS.staticCredentials;
      fail(
        `${key}.${name} is used by no layer: name it in a layer's credentials or in ${CREDENTIAL_KEYS.defaultCredentials}, or remove it`,
      );
    }
  }
  for (const set of dynamic.values()) checkRequired(set);

  const cellNames = new Set(input.cells.map((c) => c.name));
  const setsByWorkspace = new Map<string, string[]>();
  // Variable sets by resource name, built up workspace by workspace.
  const groups = new Map<
    string,
    {
      set: string;
      kind: "dynamic" | "static";
      suffix: string[];
      former?: string;
      variables: PlainVariable[];
      secretNames: string[];
      workspaces: string[];
    }
  >();
  const identities = new Map<
    string,
    { cloud: Cloud; set: string; identity: string; audience: string; uses: Map<string, Set<RunPhase>> }
  >();
  for (const ws of input.workspaces) {
    const sets = [...new Set(setsOfLayer.get(ws.layer) ?? [])];
    setsByWorkspace.set(ws.key, sets);
    // One variable from two sources is a silent override whichever wins: refuse it.
    const from = new Map<string, string>(
      (input.takesShared(ws.layer) ? (input.sharedNames ?? []) : []).map((n) => [n, "tfc-layers:sharedCredentials"]),
    );
    for (const name of sets) {
      const set = dynamic.get(name);
      const variables = set ? dynamicVariables(set, ws, input.environment, cellNames) : [];
      const secretNames = set ? [] : [...statics.get(name)!.variables];
      for (const key of [...variables.map((v) => v.key), ...secretNames]) {
        const other = from.get(key);
        if (other !== undefined) {
          fail(
            `tfc-layers:layers (layer ${show(ws.layer)}).credentials takes ${key} from ${other} and from the set ${show(name)}: one would silently override the other; give the layer one source of each variable`,
          );
        }
        from.set(key, `the set ${show(name)}`);
      }
      const by = set
        ? dependsOn(Object.values(set.clouds).flatMap((c) => Object.values(c ?? {})))
        : { layer: false, cell: false, workspace: false };
      const suffix = by.workspace ? [ws.name] : [...(by.layer ? [ws.layer] : []), ...(by.cell ? [ws.cell!.name] : [])];
      const resourceName = ["credentials", name, ...suffix].join("/");
      const former = by.workspace && ws.previous ? ["credentials", name, ws.previous.name].join("/") : undefined;
      const group = groups.get(resourceName) ?? {
        set: name,
        kind: set ? "dynamic" : "static",
        suffix,
        ...(former ? { former } : {}),
        variables,
        secretNames,
        workspaces: [],
      };
      group.workspaces.push(ws.key);
      groups.set(resourceName, group);
      if (!set) continue;
      for (const [cloud, fields] of Object.entries(set.clouds) as [Cloud, Record<string, string>][]) {
        const [run, plan, apply] = IDENTITY_FIELDS[cloud];
        const filled = (field: string) => variables.find((v) => v.key === VARIABLE_OF[cloud][field])?.value;
        const fallback =
          cloud === "gcp" && fields.principalType === "workload_pool"
            ? fields.workloadProviderName
              ? filled("workloadProviderName")
              : [filled("projectNumber"), filled("workloadPoolId"), filled("workloadProviderId")].join("/")
            : undefined;
        const audience = filled("audience") ?? DEFAULT_AUDIENCE[cloud];
        for (const [phase, field] of [
          ["plan", plan],
          ["apply", apply],
        ] as const) {
          const identity = filled(field) ?? filled(run) ?? fallback!;
          const id = `${cloud} ${identity} ${audience}`;
          const entry = identities.get(id) ?? { cloud, set: name, identity, audience, uses: new Map() };
          entry.uses.set(ws.name, (entry.uses.get(ws.name) ?? new Set()).add(phase));
          identities.set(id, entry);
        }
      }
    }
  }
  const project = input.projectName ?? PROJECT_BY_ID;
  const everyWorkspace = input.workspaces.length;
  const variableSets = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([resourceName, g]) => ({
      set: g.set,
      kind: g.kind,
      resourceName,
      ...(g.former ? { formerResourceName: g.former } : {}),
      tfcName: [input.deployment, "credentials", g.set, ...g.suffix].join("/"),
      variables: g.variables,
      secretNames: g.secretNames,
      workspaces: [...g.workspaces].sort(),
      onProject: input.ownsProject && g.workspaces.length === everyWorkspace,
      priority: g.kind === "dynamic" || statics.get(g.set)!.priority,
    }));
  const trusted = [...identities.values()]
    .sort((a, b) => a.cloud.localeCompare(b.cloud) || a.identity.localeCompare(b.identity))
    .map((e) => {
      const uses = [...e.uses.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([workspace, phases]) => ({ workspace, phases: RUN_PHASES.filter((p) => phases.has(p)) }));
      return {
        cloud: e.cloud,
        set: e.set,
        identity: e.identity,
        audience: e.audience,
        uses,
        subjects: uses.flatMap((u) =>
          u.phases.map((p) => workloadSubject(input.organization, project, u.workspace, p)),
        ),
      };
    });
  checkAzureFederatedCredentials(trusted);
  return { variableSets, setsByWorkspace, trusted };
}

/** The `sub` claim of a run's workload identity token (names, not ids). */
export function workloadSubject(
  organization: string,
  project: string,
  workspace: string,
  phase: RunPhase | "*",
): string {
  return `organization:${organization}:project:${project}:workspace:${workspace}:run_phase:${phase}`;
}

// Reads the flat stack config (what the Pulumi CLI hands the program: full keys to raw
// strings, structured values as JSON) into validated settings. Pure: the program, the plan
// command, the tests and the benchmark all go through it.
import { z } from "zod";
import { readTeams, type TeamConfig } from "./access/accessConfig";
import { readAdopted } from "./adoption/adoptedConfig";
import { layerAutoApplyFields, readAutoApplyRunTrigger } from "./autoApply/autoApplyConfig";
import { type Cell, layerCellFields, readCells, readWorkspaceName, workspaceCellFields } from "./cells/cellsConfig";
import {
  type LayerSourceConfig,
  layerSourceFields,
  readSource,
  type StackSourceConfig,
  type WorkspaceSourceConfig,
  workspaceEntrySchema,
} from "./codeSourceConfig";
import { type FieldShape, LAYER_FIELD_SHAPES, WORKSPACE_ENTRY_SHAPE, WORKSPACE_FIELD_SHAPES } from "./configReference";
import {
  closest,
  expectedType,
  parseJson,
  pathText,
  plainTextSecret,
  readBoolean,
  scalarValue,
  secretVariableNames,
  TFC_NAME,
  valueAt,
} from "./configValues";
import { type LayerContractConfig, layerContractFields } from "./contractConfig";
import { type CredentialsConfig, layerCredentialFields, readCredentials } from "./credentials/credentialsConfig";
import { StackConfigError, show } from "./errors";
import { type ExternalLayerConfig, readExternal, readExternalConsumers } from "./external/externalConfig";
import { DEFAULT_HOSTNAME, KEYS, OFFLINE_SECRET, PROJECT, PROVIDER, PROVIDER_KEYS } from "./keys";
import { type LifecycleConfig, readLifecycle } from "./lifecycle/lifecycleConfig";
import { type NotificationConfig, readNotifications } from "./notifications/notificationsConfig";
import { type RenamesConfig, readRenames } from "./renames/renamesConfig";

export type ExecutionMode = "remote" | "agent" | "local";

/** One layer as the user writes it in the stack file. */
export interface LayerConfig {
  readonly name: string;
  readonly workspaces: readonly string[];
  readonly dependsOn: readonly string[];
  readonly executionMode: ExecutionMode;
  readonly agentPoolId?: string;
  /** false opts the layer out of the shared-credentials variable set. */
  readonly sharedCredentials: boolean;
  /** Workspace key to its former key (`old` or `<old layer>/<old>`), kept as a Pulumi alias. */
  readonly renamedFrom: Readonly<Record<string, string>>;
  /** Where the layer's code lives, its Terraform version and tags. */
  readonly source: LayerSourceConfig;
  /** The outputs its workspaces publish and what it reads from its upstreams. */
  readonly contract: LayerContractConfig;
  /** `all` or some cells: the layer's workspaces are stamped once per cell. Undefined: global. */
  readonly cells?: "all" | readonly string[];
  /** A workspace's own upstreams (workspaces as written), narrower than its layer's, by workspace. */
  readonly upstreams: Readonly<Record<string, readonly string[]>>;
  /** A workspace's own TFC name over the template's, by workspace. */
  readonly tfcNames: Readonly<Record<string, string>>;
  /** The layer's own autoApply over the stack's; undefined: the stack's. */
  readonly autoApply?: boolean;
  /** The layer's own autoApplyRunTrigger; undefined: see layerFlags in autoApply/autoApply.ts. */
  readonly autoApplyRunTrigger?: boolean;
  /** The credential sets it takes; undefined: tfc-layers:defaultCredentials. */
  readonly credentials?: readonly string[];
  /** The layer's own health assessments (drift detection) over the stack's; undefined: the stack's. */
  readonly healthAssessments?: boolean;
}

/** The validated stack settings; graph rules are checked by buildTopology. */
export interface StackSettings {
  readonly organization: string;
  /** The TFC or Terraform Enterprise host (tfe:hostname): where generated remote-state reads go. */
  readonly hostname: string;
  readonly environment: string;
  readonly autoApply: boolean;
  /** Whether runs queued by run triggers apply by themselves; undefined: as autoApply. */
  readonly autoApplyRunTrigger?: boolean;
  /** Whether a layer may auto-apply in a stack that waits for approval. */
  readonly allowLayerAutoApply: boolean;
  /** tfc-layers:protect: true unless the stack sets it false. */
  readonly protect: boolean;
  /** tfc-layers:healthAssessments: whether TFC checks the workspaces for drift (false unless set). */
  readonly healthAssessments: boolean;
  readonly layers: readonly LayerConfig[];
  /** Team access per layer (tfc-layers:teams). */
  readonly teams: readonly TeamConfig[];
  /** Named credential sets and the stack's default (tfc-layers:credentials and friends). */
  readonly credentials: CredentialsConfig;
  /** Workspaces (as written) the program took over in place: no lifecycle run for them. */
  readonly adopted: readonly string[];
  /** Who is told when a cascade stops (tfc-layers:notifications). */
  readonly notifications: readonly NotificationConfig[];
  /** Names of the shared credentials (their values stay secret and are read elsewhere). */
  readonly credentialNames?: readonly string[];
  readonly approvalWebhook: boolean;
  readonly source: StackSourceConfig;
  /** Ordered bootstrap and teardown, when the stack opts in. */
  readonly lifecycle?: LifecycleConfig;
  /** The regions or accounts cell layers are stamped into (none: every layer is global). */
  readonly cells: readonly Cell[];
  /** The workspace-name template, when the stack has its own convention. */
  readonly workspaceName?: string;
  /** How the stack named its workspaces before a rename of many at once (tfc-layers:renamedFrom). */
  readonly renames: RenamesConfig;
  /** Upstream layers this stack follows but does not own. */
  readonly external: readonly ExternalLayerConfig[];
  /** Workspaces of other stacks that read this stack's workspaces' state, by workspace. */
  readonly externalConsumers: Readonly<Record<string, readonly string[]>>;
  /** The Pulumi project and stack: together they name one deployment of the program. */
  readonly deployment: Deployment;
}

/** One deployment of the program: its Pulumi project and stack (unique together in a Pulumi organization). */
export interface Deployment {
  readonly project: string;
  readonly stack: string;
}

export { ENV_VAR_NAME, plainTextSecret } from "./configValues";
/** Letters, digits, "-" and "_": what TFC accepts in workspace and organization names. */
export const NAME = TFC_NAME;
const NAME_RULE = 'use only letters, digits, "-" and "_"';

export const tfcName = z.string().regex(NAME, { error: NAME_RULE }).min(1, { error: "must not be empty" });

export const layerSchema = z.strictObject({
  name: tfcName,
  // Each entry is a name or {name, directory, terraformVersion}: checked one by one below.
  workspaces: z.array(z.unknown()).min(1, { error: "must list at least one workspace" }),
  dependsOn: z.array(z.string()).optional(),
  executionMode: z.enum(["remote", "agent", "local"]).optional(),
  agentPoolId: z.string().min(1, { error: "must not be empty" }).optional(),
  sharedCredentials: z.boolean().optional(),
  ...layerAutoApplyFields,
  healthAssessments: z.boolean().optional(),
  ...layerCredentialFields,
  renamedFrom: z.record(z.string(), z.string()).optional(),
  ...layerSourceFields,
  ...layerContractFields,
  ...layerCellFields,
});
const LAYER_KEYS = Object.keys(layerSchema.shape);
export const workspaceObjectSchema = workspaceEntrySchema.extend({ name: tfcName, ...workspaceCellFields });
const WORKSPACE_KEYS = Object.keys(workspaceObjectSchema.shape);

const layersSchema = z.array(layerSchema).min(1, { error: "must list at least one layer" });

const READ_KEYS: readonly string[] = Object.values(KEYS);

function readName(key: string, value: string | undefined, what: string, example: string): string {
  const raw = scalarValue(key, value, example);
  if (raw === undefined || raw.trim() === "") {
    throw new StackConfigError(`${key} is not set: run \`pulumi config set ${key} <${what}>\``);
  }
  if (!NAME.test(raw)) {
    throw new StackConfigError(`${key} ${show(raw)} has characters TFC refuses: ${NAME_RULE}`);
  }
  return raw;
}

/** The field a problem is in (a layer's, or a workspace entry's), what it takes, and whether the problem is deeper. */
function fieldAt(path: readonly PropertyKey[]): { field: string; owner: string; shape: FieldShape; nested: boolean } {
  if (path[1] === "workspaces" && typeof path[2] === "number") {
    if (path.length === 3) return { field: "workspaces", owner: "layer", shape: WORKSPACE_ENTRY_SHAPE, nested: false };
    const field = String(path[3]) as keyof typeof WORKSPACE_FIELD_SHAPES;
    return { field, owner: "workspace entry", shape: WORKSPACE_FIELD_SHAPES[field], nested: path.length > 4 };
  }
  const field = String(path[1]) as keyof typeof LAYER_FIELD_SHAPES;
  return { field, owner: "layer", shape: LAYER_FIELD_SHAPES[field], nested: path.length > 2 };
}

const LAYERS_FIX = "write it as a YAML list of {name, workspaces, dependsOn}";

/** One line for the first problem zod found in the layers list: the field, the value and what to write. */
function layersProblem(raw: unknown, issue: z.core.$ZodIssue): string {
  const key = KEYS.layers;
  const where = `${key}${pathText(issue.path)}`;
  const layer = typeof issue.path[0] === "number" ? valueAt(raw, [issue.path[0], "name"]) : undefined;
  const ofLayer = typeof layer === "string" ? ` (layer ${show(layer)})` : "";
  const value = valueAt(raw, issue.path);
  if (issue.code === "unrecognized_keys") {
    const [unknown] = issue.keys;
    const [what, known] = issue.path.includes("workspaces") ? ["a workspace", WORKSPACE_KEYS] : ["a layer", LAYER_KEYS];
    const guess = closest(unknown, known);
    const hint = guess ? `did you mean ${show(guess)}?` : `${what} takes only ${known.join(", ")}`;
    return `${where}${ofLayer} has the unknown key ${show(unknown)}: ${hint}`;
  }
  if (issue.code === "invalid_type" && issue.path.length === 0) {
    return `${key} must be a list of layers, got ${show(value)}: ${LAYERS_FIX}`;
  }
  if (issue.code === "invalid_type" && issue.path.length === 1) {
    return `${where} must be a layer like {name: network, workspaces: [network-a]}, got ${show(value)}`;
  }
  if (issue.path.length < 2) return `${where} ${issue.message}, got ${show(value)}: ${LAYERS_FIX}`;
  const { field, owner, shape, nested } = fieldAt(issue.path);
  const write = nested ? `write ${field} as ${shape.write}` : `write ${shape.write}`;
  switch (issue.code) {
    case "invalid_type":
    case "invalid_union":
      if (value === undefined) {
        const last = issue.path[issue.path.length - 1];
        return nested
          ? `${where}${ofLayer} is missing: ${write}`
          : `${where}${ofLayer} is missing: every ${owner} needs ${show(last)}: ${write}`;
      }
      if (nested && issue.code === "invalid_type") {
        return `${where}${ofLayer} must be ${expectedType(issue.expected)}, got ${show(value)}: ${write}`;
      }
      return `${where}${ofLayer} must be ${shape.shape}, got ${show(value)}: ${write}`;
    case "invalid_value":
      return `${where}${ofLayer} must be one of ${issue.values.join(", ")}, got ${show(value)}`;
    case "invalid_format": {
      const named = issue.path[issue.path.length - 1] === "name" ? "" : ofLayer;
      return `${where}${named} ${show(value)} has characters TFC refuses: ${issue.message}`;
    }
    case "too_small":
      return `${where}${ofLayer} ${issue.message}, got ${show(value)}: ${write}`;
    default:
      return `${where}${ofLayer} ${show(value)}: ${issue.message}`;
  }
}

function readLayers(raw: string | undefined): LayerConfig[] {
  const key = KEYS.layers;
  if (raw === undefined || raw.trim() === "") {
    throw new StackConfigError(
      `${key} is not set: list the layers in the stack file, e.g. [{name: network, workspaces: [network-a]}]`,
    );
  }
  const parsed = parseJson(key, raw, "a list of layers", "write it as a YAML list of {name, workspaces, dependsOn}");
  const result = layersSchema.safeParse(parsed);
  if (!result.success) {
    throw new StackConfigError(layersProblem(parsed, result.error.issues[0]));
  }
  return result.data.map((layer, index) => {
    const names: string[] = [];
    const overrides: Record<string, WorkspaceSourceConfig> = {};
    const upstreams: Record<string, string[]> = {};
    const tfcNames: Record<string, string> = {};
    layer.workspaces.forEach((entry, position) => {
      const at = [index, "workspaces", position];
      const checked = typeof entry === "string" ? tfcName.safeParse(entry) : workspaceObjectSchema.safeParse(entry);
      if (!checked.success) {
        const [issue] = checked.error.issues;
        throw new StackConfigError(layersProblem(parsed, { ...issue, path: [...at, ...issue.path] }));
      }
      if (typeof checked.data === "string") {
        names.push(checked.data);
      } else {
        const { name, upstreams: narrowed, tfcName, ...own } = checked.data;
        if (tfcName !== undefined) tfcNames[name] = tfcName;
        names.push(name);
        overrides[name] = own;
        if (narrowed !== undefined) upstreams[name] = narrowed;
      }
    });
    return {
      name: layer.name,
      workspaces: names,
      dependsOn: layer.dependsOn ?? [],
      executionMode: layer.executionMode ?? "remote",
      agentPoolId: layer.agentPoolId,
      sharedCredentials: layer.sharedCredentials ?? true,
      renamedFrom: layer.renamedFrom ?? {},
      source: {
        ...(layer.vcs ? { vcs: layer.vcs } : {}),
        directory: layer.directory,
        terraformVersion: layer.terraformVersion,
        tags: layer.tags ?? {},
        workspaces: overrides,
      },
      contract: { outputs: layer.outputs, reads: layer.reads },
      ...(layer.cells !== undefined ? { cells: layer.cells } : {}),
      upstreams,
      tfcNames,
      ...(layer.autoApply !== undefined ? { autoApply: layer.autoApply } : {}),
      ...(layer.healthAssessments !== undefined ? { healthAssessments: layer.healthAssessments } : {}),
      ...(layer.autoApplyRunTrigger !== undefined ? { autoApplyRunTrigger: layer.autoApplyRunTrigger } : {}),
      ...(layer.credentials !== undefined
        ? { credentials: typeof layer.credentials === "string" ? [layer.credentials] : layer.credentials }
        : {}),
    };
  });
}

function readCredentialNames(raw: string | undefined, isSecret: boolean): string[] | undefined {
  const key = KEYS.sharedCredentials;
  if (raw === undefined) {
    return undefined;
  }
  const setCommand = `pulumi config set --secret --path '${key}.<NAME>' <value>`;
  if (!isSecret) {
    throw plainTextSecret(key, setCommand);
  }
  const parsed = parseJson(key, raw, "a map of variable name to value", `set each entry with \`${setCommand}\``);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new StackConfigError(`${key} must be a map of variable name to value: set each entry with \`${setCommand}\``);
  }
  return secretVariableNames(key, parsed as Record<string, unknown>, setCommand);
}

function readWebhook(raw: string | undefined, isSecret: boolean): boolean {
  const key = KEYS.approvalWebhookUrl;
  if (raw === undefined) {
    return false;
  }
  if (!isSecret) {
    throw plainTextSecret(key, `pulumi config set --secret ${key} https://...`);
  }
  if (raw !== OFFLINE_SECRET && !raw.startsWith("https://")) {
    // The URL is secret: show only its scheme.
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(raw)?.[0] ?? "no scheme";
    throw new StackConfigError(
      `${key} must be an https:// URL, got one with ${show(scheme)}: run \`pulumi config set --secret ${key} https://...\``,
    );
  }
  return true;
}

/** A host name with an optional port, as the provider and the remote backend take it (no scheme, no path). */
const HOSTNAME = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?$/;

function readHostname(value: string | undefined): string {
  const raw = scalarValue(KEYS.hostname, value, "tfe.example.com");
  if (raw === undefined || raw === "") return DEFAULT_HOSTNAME;
  if (!HOSTNAME.test(raw)) {
    throw new StackConfigError(
      `${KEYS.hostname} ${show(raw)} is not a host name: give the host alone, e.g. \`pulumi config set tfe:hostname tfe.example.com\``,
    );
  }
  return raw;
}

/** The provider's keys this program reads too: a near miss of one of them is a typo. */
const READ_PROVIDER_KEYS = READ_KEYS.filter((key) => key.startsWith(`${PROVIDER}:`));

function rejectUnknownKeys(config: Readonly<Record<string, string>>): void {
  for (const key of Object.keys(config).sort()) {
    if (key.startsWith(`${PROJECT}:`) && !READ_KEYS.includes(key)) {
      const guess = closest(key, READ_KEYS);
      const hint = guess ? `did you mean ${guess}?` : `known keys: ${READ_KEYS.join(", ")}`;
      throw new StackConfigError(`${key} is not a key this program reads: ${hint}`);
    }
    // Other provider keys (tfe:token) are the provider's own: only near misses of ours are refused.
    if (key.startsWith(`${PROVIDER}:`) && !PROVIDER_KEYS.includes(key)) {
      const guess = closest(key, READ_PROVIDER_KEYS);
      if (guess) throw new StackConfigError(`${key} is not a key of the ${PROVIDER} provider: did you mean ${guess}?`);
    }
  }
}

/** The provider's token: whoever reads the stack file must never read it. */
const PROVIDER_TOKEN = "tfe:token";

/** Refuses tfe:token written in plain text, like every other secret. */
function rejectPlainTextToken(config: Readonly<Record<string, string>>, isSecret: (key: string) => boolean): void {
  if (config[PROVIDER_TOKEN] !== undefined && !isSecret(PROVIDER_TOKEN)) {
    throw new StackConfigError(
      `${PROVIDER_TOKEN} is written in the stack file in plain text: remove it, revoke the token, and run \`pulumi config set --secret ${PROVIDER_TOKEN} <token>\` (or export TFE_TOKEN) so it is never committed`,
    );
  }
}

/** tfc-layers:autoApplyRunTrigger when the stack sets it. */
function runTriggerAutoApply(raw: string | undefined): { autoApplyRunTrigger?: boolean } {
  const value = readAutoApplyRunTrigger(raw);
  return value === undefined ? {} : { autoApplyRunTrigger: value };
}

/**
 * Validates the stack config. `isSecret` tells whether the CLI marked a key as secret
 * (encrypted in the stack file). Throws one StackConfigError naming the key, the value and
 * the fix; never echoes a secret value.
 */
export function readStackConfig(
  config: Readonly<Record<string, string>>,
  isSecret: (key: string) => boolean,
  deployment?: Deployment,
): StackSettings {
  rejectUnknownKeys(config);
  rejectPlainTextToken(config, isSecret);
  const environment = readName(KEYS.environment, config[KEYS.environment], "environment", "dev");
  return {
    deployment: deployment ?? { project: PROJECT, stack: environment },
    organization: readName(KEYS.organization, config[KEYS.organization], "organization", "acme"),
    hostname: readHostname(config[KEYS.hostname]),
    environment,
    autoApply: readBoolean(KEYS.autoApply, config[KEYS.autoApply]) ?? false,
    ...runTriggerAutoApply(config[KEYS.autoApplyRunTrigger]),
    allowLayerAutoApply: readBoolean(KEYS.allowLayerAutoApply, config[KEYS.allowLayerAutoApply]) ?? false,
    protect: readBoolean(KEYS.protect, config[KEYS.protect]) ?? true,
    healthAssessments: readBoolean(KEYS.healthAssessments, config[KEYS.healthAssessments]) ?? false,
    layers: readLayers(config[KEYS.layers]),
    credentialNames: readCredentialNames(config[KEYS.sharedCredentials], isSecret(KEYS.sharedCredentials)),
    approvalWebhook: readWebhook(config[KEYS.approvalWebhookUrl], isSecret(KEYS.approvalWebhookUrl)),
    source: readSource(config),
    lifecycle: readLifecycle(config[KEYS.lifecycle]),
    cells: readCells(config[KEYS.cells]),
    workspaceName: readWorkspaceName(config[KEYS.workspaceName]),
    renames: readRenames(config[KEYS.renamedFrom]),
    external: readExternal(config[KEYS.external]),
    externalConsumers: readExternalConsumers(config[KEYS.externalConsumers]),
    teams: readTeams(config[KEYS.teams]),
    credentials: readCredentials(config, isSecret),
    adopted: readAdopted(config[KEYS.adopted]),
    notifications: readNotifications(config[KEYS.notifications], isSecret(KEYS.notifications)),
  };
}

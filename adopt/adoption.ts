// From an organization to the three things adoption writes: the stack file that reproduces it,
// the import file that hands its objects to Pulumi, and the convergence report of what the first
// `pulumi up` changes. The program itself runs offline to tell what it will register, so every
// name and parent in the import file is the program's own.
import { stringify } from "yaml";
import type { ProgramRun, RegisteredResource } from "../offline/registrations";
import { mockId } from "../offline/registrations";
import { runStack } from "../offline/runStack";
import { type StackFile, stackFromValues, topologyOf } from "../offline/stackFile";
import { buildReview, type ReviewDocument } from "../review/document";
import { behaviourFlags, settingFlags } from "../topology/adoption/behaviour";
import { type Adoption, AdoptionError, type AdoptOptions, inferStack } from "../topology/adoption/infer";
import type { Organization } from "../topology/adoption/organization";
import { STATIC_PRIORITY_FIELD } from "../topology/credentials/credentialsConfig";
import { StackConfigError } from "../topology/errors";
import { PROJECT } from "../topology/keys";
import type { Topology } from "../topology/topology";

/** One entry of `pulumi import --file` (pulumi v3.248.0 pkg/cmd/pulumi/operations/import.go, importSpec). */
export interface ImportSpec {
  readonly type: string;
  /** Unique in the file: what `parent` refers to. */
  readonly name: string;
  /** The resource's Pulumi name. */
  readonly logicalName: string;
  readonly id?: string;
  readonly parent?: string;
  readonly component?: boolean;
}

export interface ImportFile {
  readonly resources: ImportSpec[];
}

export interface AdoptionResult {
  readonly adoption: Adoption;
  readonly stackFileText: string;
  readonly importFile: ImportFile;
  readonly review: ReviewDocument;
  /** What the program will create because the organization has nothing to adopt for it. */
  readonly created: string[];
}

/** What a secret placeholder says in the stack file until the user sets the value. */
export const UNSET_SECRET = "set with the pulumi config set --secret line adopt printed";

const T = {
  workspace: "tfe:index/workspace:Workspace",
  settings: "tfe:index/workspaceSettings:WorkspaceSettings",
  trigger: "tfe:index/runTrigger:RunTrigger",
  variableSet: "tfe:index/variableSet:VariableSet",
  variable: "tfe:index/variable:Variable",
  attachment: "tfe:index/workspaceVariableSet:WorkspaceVariableSet",
  projectAttachment: "tfe:index/projectVariableSet:ProjectVariableSet",
  teamAccess: "tfe:index/teamAccess:TeamAccess",
};

/** A static set's variables: every field but its priority. */
const secretsOf = (set: Record<string, unknown>) => Object.keys(set).filter((k) => k !== STATIC_PRIORITY_FIELD);

/** The stack file: what was inferred and the secrets to set, as comments, then the config. */
function stackFileText(adoption: Adoption): string {
  const comment = (lines: string[]) => lines.map((l) => `# ${l}`).join("\n");
  const config = structuredClone(adoption.config);
  const sets = config["tfc-layers:staticCredentials"] as Record<string, Record<string, unknown>> | undefined;
  for (const set of Object.values(sets ?? {})) for (const key of secretsOf(set)) set[key] = { secure: UNSET_SECRET };
  return [
    "# yaml-language-server: $schema=./stack.schema.json",
    "# Written by npm run adopt. What it inferred:",
    comment(adoption.inferred.map((l) => `- ${l}`)),
    ...(adoption.secretLines.length
      ? [
          "# Secret values are never read: set each one before pulumi preview:",
          comment(adoption.secretLines.map((l) => `  ${l}`)),
        ]
      : []),
    stringify({ config }).trimEnd(),
    "",
  ].join("\n");
}

/** The organization's objects by what the program's resources are named after. */
function indexOrganization(org: Organization, adoption: Adoption, topology: Topology) {
  const wsByName = new Map(org.workspaces.map((w) => [w.name, w]));
  const nameOfId = new Map(org.workspaces.map((w) => [w.id, w.name]));
  const setByName = new Map(
    org.variableSets.filter((s) => adoption.setOf.has(s.id)).map((s) => [adoption.setOf.get(s.id)!, s]),
  );
  const trigger = (up: string, down: string) =>
    org.runTriggers.find(
      (t) => nameOfId.get(t.workspaceId) === down && (nameOfId.get(t.sourceId) ?? t.sourceName) === up,
    );
  return { wsByName, nameOfId, setByName, trigger, topology };
}

/** The id the provider's importer takes for a registered resource, or undefined when nothing is adopted for it. */
function importId(
  r: RegisteredResource,
  org: Organization,
  index: ReturnType<typeof indexOrganization>,
): string | undefined {
  const { wsByName, setByName, trigger } = index;
  const wsOf = (id: unknown) => /^id\((.*)\)$/.exec(String(id))?.[1];
  switch (r.type) {
    case T.workspace:
      return wsByName.get(String(r.inputs.name))?.id;
    case T.settings:
      return wsByName.get(wsOf(r.inputs.workspaceId) ?? "")?.id;
    case T.trigger: {
      const [up, down] = r.name.split("->");
      return trigger(up, down)?.id;
    }
    case T.variableSet:
      return setByName.get(r.name.split("/")[1])?.id;
    case T.variable: {
      const set = setByName.get(r.name.split("/")[1]);
      const v = set?.variables.find((x) => x.key === r.inputs.key);
      return set && v ? `${org.name}/${set.id}/${v.id}` : undefined;
    }
    case T.attachment: {
      const set = setByName.get(r.name.split("/")[1]);
      const ws = wsByName.get(wsOf(r.inputs.workspaceId) ?? "");
      return set && ws && set.workspaceIds.includes(ws.id) ? `${org.name}/${ws.name}/${set.name}` : undefined;
    }
    case T.projectAttachment: {
      const set = setByName.get(r.name.split("/")[1]);
      const project = String(r.inputs.projectId);
      return set?.projectIds.includes(project) ? `${org.name}/${project}/${set.name}` : undefined;
    }
    case T.teamAccess: {
      const [team, wsName] = r.name.split("@");
      const ws = wsByName.get(wsName);
      const grant = org.teamAccess.find((t) => (t.teamName ?? t.teamId) === team && t.workspaceId === ws?.id);
      return grant && ws ? `${org.name}/${ws.name}/${grant.id}` : undefined;
    }
    default:
      return undefined;
  }
}

/** A registered resource as the organization has it now: its current values where adoption reads them. */
function asItIsNow(
  r: RegisteredResource,
  org: Organization,
  index: ReturnType<typeof indexOrganization>,
): RegisteredResource {
  const now = currentValues(r, org, index);
  // Only what the program sets: an input it leaves unset keeps the organization's value.
  const kept = Object.fromEntries(Object.entries(now.inputs).filter(([key]) => key in r.inputs));
  return { ...now, inputs: kept };
}

function currentValues(
  r: RegisteredResource,
  org: Organization,
  index: ReturnType<typeof indexOrganization>,
): RegisteredResource {
  const { wsByName, nameOfId, setByName } = index;
  const idOf = (id: string) => (nameOfId.has(id) ? mockId(nameOfId.get(id)!) : id);
  if (r.type === T.workspace) {
    const w = wsByName.get(String(r.inputs.name))!;
    return {
      ...r,
      inputs: {
        ...r.inputs,
        description: w.description,
        autoApply: w.autoApply,
        autoApplyRunTrigger: w.autoApplyRunTrigger,
        queueAllRuns: w.queueAllRuns,
        workingDirectory: w.workingDirectory,
        terraformVersion: w.terraformVersion,
        tags: w.tags,
        projectId: w.projectId,
        fileTriggersEnabled: w.fileTriggersEnabled,
        triggerPatterns: w.triggerPatterns,
      },
    };
  }
  if (r.type === T.settings) {
    const w = wsByName.get(/^id\((.*)\)$/.exec(String(r.inputs.workspaceId))![1])!;
    return {
      ...r,
      inputs: {
        ...r.inputs,
        executionMode: w.executionMode,
        agentPoolId: w.agentPoolId,
        globalRemoteState: w.globalRemoteState,
        assessmentsEnabled: w.assessmentsEnabled,
        remoteStateConsumerIds: w.remoteStateConsumerIds.map(idOf).sort(),
      },
    };
  }
  if (r.type === T.variableSet) {
    const s = setByName.get(r.name.split("/")[1])!;
    return {
      ...r,
      inputs: { ...r.inputs, name: s.name, description: s.description, global: s.global, priority: s.priority },
    };
  }
  if (r.type === T.variable) {
    const v = setByName.get(r.name.split("/")[1])!.variables.find((x) => x.key === r.inputs.key)!;
    return { ...r, inputs: { ...r.inputs, category: v.category, sensitive: v.sensitive } };
  }
  if (r.type === T.teamAccess) {
    const [team, wsName] = r.name.split("@");
    const g = org.teamAccess.find(
      (t) => (t.teamName ?? t.teamId) === team && t.workspaceId === wsByName.get(wsName)!.id,
    )!;
    const { access: _a, permissions: _p, ...rest } = r.inputs;
    return { ...r, inputs: { ...rest, ...(g.permissions ? { permissions: [g.permissions] } : { access: g.access }) } };
  }
  return r;
}

/** The stack file values with every secret placeholder decryptable, so the program registers the credential sets. */
export function adoptedStackFile(stack: string, config: Record<string, unknown>): StackFile {
  const values = structuredClone(config);
  const sets = values["tfc-layers:staticCredentials"] as Record<string, Record<string, unknown>> | undefined;
  for (const set of Object.values(sets ?? {})) for (const key of secretsOf(set)) set[key] = { secure: UNSET_SECRET };
  return stackFromValues(stack, values, () => UNSET_SECRET);
}

/** Adopts an organization: throws an AdoptionError, one line, before anything is written. */
export async function adopt(org: Organization, options: AdoptOptions): Promise<AdoptionResult> {
  const adoption = inferStack(org, options);
  const stackFile = adoptedStackFile(options.stack, adoption.config);
  let topology: Topology;
  try {
    topology = topologyOf(stackFile);
  } catch (err) {
    if (err instanceof StackConfigError)
      throw new AdoptionError(`the program would refuse the stack file adopt infers: ${err.message}`);
    throw err;
  }
  checkTriggers(org, topology);
  const run = await runStack(stackFile, { stackTraces: false });
  if (run.error) throw new AdoptionError(`the program failed on the adopted stack: ${(run.error as Error).message}`);
  const index = indexOrganization(org, adoption, topology);
  const resources = run.resources.filter((r) => r.type !== "pulumi:pulumi:Stack");
  const handle = new Map(resources.map((r) => [r.urn, `${r.type}::${r.name}`]));
  const specs: ImportSpec[] = [];
  const created: string[] = [];
  const before: RegisteredResource[] = [];
  for (const r of resources) {
    const parent = handle.get(r.parent);
    if (!r.custom) {
      specs.push({
        type: r.type,
        name: handle.get(r.urn)!,
        logicalName: r.name,
        ...(parent ? { parent } : {}),
        component: true,
      });
      before.push(r);
      continue;
    }
    const id = importId(r, org, index);
    if (id === undefined) {
      created.push(`${r.type} ${r.name}`);
      continue;
    }
    specs.push({ type: r.type, name: handle.get(r.urn)!, logicalName: r.name, id, ...(parent ? { parent } : {}) });
    before.push(asItIsNow(r, org, index));
  }
  const beforeRun: ProgramRun = { ...run, resources: before };
  const review = buildReview(
    options.stack,
    { label: "the organization now", topology, run: beforeRun },
    { label: "the first pulumi up", topology, run },
    [],
    [],
    [...narrowedReads(org, topology), ...behaviourChanges(org, adoption, topology)],
  );
  const replaced = review.destructive.find((c) => c.kind === "replace");
  if (replaced) {
    throw new AdoptionError(
      `adopting ${replaced.name} (${replaced.type}) would replace it: ${"because" in replaced ? replaced.because.join(", ") : "an input it cannot change in place"} differs; change it in TFC first or leave the object out`,
    );
  }
  return { adoption, stackFileText: stackFileText(adoption), importFile: { resources: specs }, review, created };
}

/**
 * Refuses a stack whose run triggers are not exactly the organization's: a trigger more queues
 * runs nobody asked for, one fewer stops a cascade (and would stay in TFC, unmanaged).
 */
function checkTriggers(org: Organization, topology: Topology): void {
  const nameOfId = new Map(org.workspaces.map((w) => [w.id, w.name]));
  const now = org.runTriggers
    .filter((t) => nameOfId.has(t.workspaceId))
    .map((t) => `${nameOfId.get(t.sourceId) ?? t.sourceName} -> ${nameOfId.get(t.workspaceId)}`);
  const name = (key: string) => topology.workspaceByKey.get(key)!.name;
  const after = [
    ...topology.triggers.map((t) => `${name(t.upstream)} -> ${name(t.downstream)}`),
    ...topology.externalTriggers.map((t) => `${t.upstream} -> ${name(t.downstream)}`),
  ];
  const missing = now.filter((t) => !after.includes(t));
  const extra = after.filter((t) => !now.includes(t));
  if (missing.length || extra.length) {
    throw new AdoptionError(
      `the inferred layers do not reproduce the run triggers (${[...missing.map((t) => `missing ${t}`), ...extra.map((t) => `extra ${t}`)].join(", ")}): give a mapping with --layers <file> ({"<workspace>": "<layer>"})`,
    );
  }
}

/**
 * Who waits for approval, who has health assessments, which sets yield to workspace variables, and
 * the settings the provider resets, where the stack file cannot keep them.
 */
function behaviourChanges(org: Organization, adoption: Adoption, topology: Topology): string[] {
  const byName = new Map(org.workspaces.map((w) => [w.name, w]));
  const workspaces = topology.workspaces.flatMap((w) => {
    const now = byName.get(w.name);
    return now ? [{ name: w.name, layer: w.layer, now, after: w }] : [];
  });
  const sets = org.variableSets.flatMap((s) => {
    const planned = topology.credentialSets.variableSets.find((v) => v.set === adoption.setOf.get(s.id));
    return planned ? [{ name: s.name, now: s.priority, after: planned.priority }] : [];
  });
  return [...behaviourFlags(workspaces, sets), ...settingFlags(workspaces)];
}

/** Readers that lose access to a state they can read now: their next run fails if their code reads it. */
function narrowedReads(org: Organization, topology: Topology): string[] {
  const byName = new Map(org.workspaces.map((w) => [w.name, w]));
  const nameOfId = new Map(org.workspaces.map((w) => [w.id, w.name]));
  return topology.workspaces.flatMap((w) => {
    const now = byName.get(w.name);
    if (!now) return [];
    const after = new Set(w.consumers.map((k) => topology.workspaceByKey.get(k)!.name));
    const readers = now.globalRemoteState
      ? org.workspaces.map((x) => x.name).filter((n) => n !== w.name)
      : now.remoteStateConsumerIds.map((id) => nameOfId.get(id) ?? id);
    const lost = readers.filter((r) => !after.has(r));
    return lost.length
      ? [
          `Flagged: ${lost.join(", ")} can read ${w.name}'s state now and no longer after adoption (${now.globalRemoteState ? "global remote state is replaced by explicit consumers" : "not a direct dependent"}): if their code reads it, their next run fails`,
        ]
      : [];
  });
}

export { AdoptionError, PROJECT };

// Hazardous updates in place: changes `pulumi up` carries out without deleting anything, that
// still break the next cascade unless something is done first (the code moved, the clouds'
// trust applied, the generated files committed), or that take away a safeguard (protection,
// approval, a workspace's own variables winning). Found by comparing the two sides' registered
// resources (a workspace is the same resource through its aliases, whatever its name) and their
// topologies. Only for a stack on both sides: a new stack has nothing in place to break.
import { isDeepStrictEqual } from "node:util";
import { type ContractFile, ContractFileConflict, contractFiles } from "../hcl/contractFiles";
import type { RegisteredResource } from "../offline/registrations";
import { approversOf } from "../topology/access/access";
import type { Topology } from "../topology/topology";
import { currentInputs, plain, type ResourceMatch } from "./resourceDiff";
import { APPLY_TRUST_FIRST, newTrustSubjects } from "./security";

/** Stable names for tools, in the order the review lists them: what breaks runs first. */
export const HAZARD_KINDS = [
  "moved-code",
  "trust-subjects",
  "contract-files",
  "overriding-variable-set",
  "stops-waiting",
  "unprotected",
] as const;
export type HazardKind = (typeof HAZARD_KINDS)[number];

export interface Hazard {
  readonly kind: HazardKind;
  /** What it is about: a workspace (its TFC name now), an identity, or a generated file. */
  readonly subject: string;
  readonly change: string;
  /** What to do before `pulumi up`. */
  readonly first: string;
  /** The whole list the change speaks of (new subjects, variable names), for tools. */
  readonly items?: readonly string[];
}

const WORKSPACE = "tfe:index/workspace:Workspace";
const VARIABLE_SET = "tfe:index/variableSet:VariableSet";
const VARIABLE = "tfe:index/variable:Variable";
const WORKSPACE_SET = "tfe:index/workspaceVariableSet:WorkspaceVariableSet";
const PROJECT_SET = "tfe:index/projectVariableSet:ProjectVariableSet";

type Inputs = Record<string, unknown>;
interface Kept {
  readonly now: RegisteredResource;
  readonly old: RegisteredResource;
  /** Both sides' inputs as plain values, the old one's ids as they are now. */
  readonly was: Inputs;
  readonly is: Inputs;
}

const show = (value: unknown) => (value === undefined ? "(unset)" : JSON.stringify(value));

function keptOfType(match: ResourceMatch, type: string): Kept[] {
  return match.after.flatMap((now) => {
    const old = match.matched.get(now);
    if (!old || now.type !== type) return [];
    return [{ now, old, was: plain(currentInputs(match, old)) as Inputs, is: plain(now.inputs) as Inputs }];
  });
}

const nameOf = (w: Kept) => String(w.is.name ?? w.now.name);
const vcs = (inputs: Inputs) => (inputs.vcsRepo ?? {}) as { identifier?: string; branch?: string };

/** A kept workspace whose Terraform must now be elsewhere: its directory, repository or branch, or the paths that start its runs. */
function movedCode(workspaces: readonly Kept[]): Hazard[] {
  return workspaces.flatMap((w): Hazard[] => {
    const [a, b] = [vcs(w.was), vcs(w.is)];
    const moved = [
      w.was.workingDirectory !== w.is.workingDirectory
        ? `working directory ${show(w.was.workingDirectory)} -> ${show(w.is.workingDirectory)}`
        : "",
      a.identifier !== b.identifier ? `repository ${show(a.identifier)} -> ${show(b.identifier)}` : "",
      a.branch !== b.branch ? `branch ${show(a.branch)} -> ${show(b.branch)}` : "",
    ].filter(Boolean);
    const patterns = !isDeepStrictEqual(w.was.triggerPatterns, w.is.triggerPatterns)
      ? [`file triggers ${show(w.was.triggerPatterns)} -> ${show(w.is.triggerPatterns)}`]
      : [];
    if (moved.length + patterns.length === 0) return [];
    const where = `${show(w.is.workingDirectory ?? "")}${b.identifier ? ` in ${b.identifier}` : ""}${b.branch ? ` on ${b.branch}` : ""}`;
    return [
      {
        kind: "moved-code",
        subject: nameOf(w),
        change: `kept in place, but its code is looked for elsewhere: ${[...moved, ...patterns].join("; ")}`,
        first: moved.length
          ? `move the code first (its Terraform to ${where}, merged before pulumi up): its next run plans that directory and finds no Terraform otherwise`
          : "move the code first (under the new file triggers): commits elsewhere no longer queue its runs",
      },
    ];
  });
}

/** Identities whose runs present subjects the clouds' deployed trust does not name. */
function trustSubjects(before: Topology, after: Topology): Hazard[] {
  return [...newTrustSubjects(before, after)].map(([identity, subjects]) => ({
    kind: "trust-subjects",
    subject: identity,
    change: `the runs that assume it present ${subjects.length === 1 ? "a subject" : `${subjects.length} subjects`} its deployed trust does not name (${subjects[0]}${subjects.length > 1 ? ", ..." : ""}): every such run fails to assume it`,
    first: APPLY_TRUST_FIRST,
    items: subjects,
  }));
}

/** The generated contract files, or the refusal npm run scaffold would give. */
function filesOf(t: Topology): ContractFile[] | string {
  try {
    return contractFiles(t);
  } catch (err) {
    if (err instanceof ContractFileConflict) return err.message;
    throw err;
  }
}

/**
 * Files npm run scaffold writes that differ between the sides, one hazard per workspace
 * directory: the repository holds the old side's. A file no longer generated matters only where
 * a workspace still plans (a moved directory takes its files along, and shows at its new place).
 */
function contractFileChanges(before: Topology, after: Topology): Hazard[] {
  const [was, now] = [filesOf(before), filesOf(after)];
  if (typeof now === "string") {
    return [
      {
        kind: "contract-files",
        subject: "contract files",
        change: `npm run scaffold refuses the new side: ${now}`,
        first: "fix the stack file, then run npm run scaffold and commit the new files",
      },
    ];
  }
  const old = new Map((typeof was === "string" ? [] : was).map((f) => [f.path, f.content]));
  const directoryOf = (t: Topology, f: ContractFile) => t.workspaceByKey.get(f.workspaces[0])!.source.directory;
  const byDirectory = new Map<string, { workspaces: Set<string>; anew: string[]; changed: string[]; gone: string[] }>();
  const entry = (directory: string) => {
    const e = byDirectory.get(directory) ?? { workspaces: new Set(), anew: [], changed: [], gone: [] };
    byDirectory.set(directory, e);
    return e;
  };
  for (const f of now) {
    const previous = old.get(f.path);
    if (previous === f.content) continue;
    const e = entry(directoryOf(after, f));
    for (const k of f.workspaces) e.workspaces.add(after.workspaceByKey.get(k)!.name);
    (previous === undefined ? e.anew : e.changed).push(f.path);
  }
  const planned = new Set(after.workspaces.map((w) => w.source.directory));
  const current = new Set(now.map((f) => f.path));
  for (const f of typeof was === "string" ? [] : was) {
    const directory = directoryOf(before, f);
    if (current.has(f.path) || !planned.has(directory)) continue;
    const e = entry(directory);
    for (const w of after.workspaces.filter((x) => x.source.directory === directory)) e.workspaces.add(w.name);
    e.gone.push(f.path);
  }
  return [...byDirectory].map(([directory, e]) => {
    const parts = [
      e.anew.length ? `generated anew: ${e.anew.join(", ")}` : "",
      e.changed.length ? `generated differently: ${e.changed.join(", ")}` : "",
      e.gone.length ? `no longer generated, and still in a planned directory: ${e.gone.join(", ")}` : "",
    ].filter(Boolean);
    return {
      kind: "contract-files",
      subject: directory === "" ? "(the repository root)" : directory,
      change: `the contract files of ${[...e.workspaces].join(", ")} change: ${parts.join("; ")}`,
      first: `run npm run scaffold and commit the new files first${e.gone.length ? ` (and delete ${e.gone.join(", ")}: scaffold removes no file)` : ""}`,
      items: [...e.anew, ...e.changed, ...e.gone],
    };
  });
}

/**
 * Variable sets with priority that start applying to a workspace that was already there: a
 * set's priority turned on, or a priority set newly attached to it or its project. Their values
 * then win over the workspace's own variables of the same names.
 */
function overridingSets(match: ResourceMatch): Hazard[] {
  const byId = new Map(match.after.map((r) => [r.id, r]));
  const keptWorkspaces = new Set(keptOfType(match, WORKSPACE).map((w) => w.now.id));
  const priorityNow = (setId: unknown) => byId.get(String(setId))?.inputs.priority === true;
  const turnedOn = new Set(
    keptOfType(match, VARIABLE_SET)
      .filter((s) => s.was.priority !== true && s.is.priority === true)
      .map((s) => s.now.id),
  );
  // Attachments for the same pair in the old run, under whatever name: not new.
  const pairOf = (i: Inputs) => JSON.stringify([plain(i.variableSetId), plain(i.workspaceId ?? i.projectId)]);
  const pairsBefore = new Set(
    match.before
      .filter((r) => r.type === WORKSPACE_SET || r.type === PROJECT_SET)
      .map((r) => pairOf(currentInputs(match, r))),
  );
  const isNew = (r: RegisteredResource) => !match.matched.has(r) && !pairsBefore.has(pairOf(r.inputs));
  const found = new Map<string, { set: RegisteredResource; workspace: RegisteredResource; why: string }>();
  const note = (setId: unknown, workspaceId: unknown, why: string) => {
    const [set, workspace] = [byId.get(String(setId)), byId.get(String(workspaceId))];
    if (!set || !workspace || !keptWorkspaces.has(workspace.id)) return;
    const key = `${set.id}\0${workspace.id}`;
    if (!found.has(key)) found.set(key, { set, workspace, why });
  };
  for (const r of match.after) {
    if (r.type !== WORKSPACE_SET && r.type !== PROJECT_SET) continue;
    const { variableSetId } = r.inputs;
    if (!priorityNow(variableSetId)) continue;
    const why = turnedOn.has(String(variableSetId))
      ? "its priority turns on"
      : isNew(r)
        ? `it is newly attached to the ${r.type === PROJECT_SET ? "project" : "workspace"}`
        : undefined;
    if (why === undefined) continue;
    const workspaces =
      r.type === WORKSPACE_SET
        ? [r.inputs.workspaceId]
        : match.after.filter((w) => w.type === WORKSPACE && w.inputs.projectId === r.inputs.projectId).map((w) => w.id);
    for (const w of workspaces) note(variableSetId, w, why);
  }
  const keysBySet = new Map<string, string[]>();
  for (const v of match.after) {
    if (v.type !== VARIABLE || !found.size) continue;
    const setId = String(v.inputs.variableSetId);
    keysBySet.set(setId, [...(keysBySet.get(setId) ?? []), String(v.inputs.key)]);
  }
  return [...found.values()].map(({ set, workspace, why }) => {
    const keys = [...(keysBySet.get(set.id) ?? [])].sort();
    return {
      kind: "overriding-variable-set",
      subject: String(workspace.inputs.name ?? workspace.name),
      change: `variable set ${String(set.inputs.name ?? set.name)} has priority and ${why}: its ${keys.join(", ") || "variables"} now override the workspace's own variables of the same names`,
      first:
        "check the workspace's own variables of those names first (set by hand, or by its code's tooling): from this pulumi up the set's values win",
      items: keys,
    };
  });
}

/** Kept workspaces whose VCS runs or trigger-queued runs waited for approval and now apply by themselves. */
function stopsWaiting(workspaces: readonly Kept[], before: Topology): Hazard[] {
  const byName = new Map(before.workspaces.map((x) => [x.name, x]));
  return workspaces.flatMap((w): Hazard[] => {
    const runs = [
      w.was.autoApply !== true && w.is.autoApply === true ? "its VCS and API runs" : "",
      w.was.autoApplyRunTrigger !== true && w.is.autoApplyRunTrigger === true
        ? "the runs its upstreams' applies queue"
        : "",
    ].filter(Boolean);
    if (runs.length === 0) return [];
    const node = byName.get(String(w.was.name));
    const approvers = node ? approversOf(before.access, node.key) : [];
    return [
      {
        kind: "stops-waiting",
        subject: nameOf(w),
        change: `${runs.join(" and ")} no longer wait for approval: they apply by themselves${approvers.length ? ` (${approvers.join(", ")} approved them)` : ""}`,
        first: "make sure no apply needs a look first: from this pulumi up nobody approves them",
      },
    ];
  });
}

/** Kept workspaces registered with protect before and not now: pulumi up and destroy may delete them. */
function protectionRemoved(workspaces: readonly Kept[]): Hazard[] {
  return workspaces
    .filter((w) => w.old.protect && !w.now.protect)
    .map((w) => ({
      kind: "unprotected",
      subject: nameOf(w),
      change:
        "no longer protected: the next pulumi up or pulumi destroy that drops it deletes its state and run history",
      first: "make sure that is meant (tfc-layers:protect: true keeps the protection)",
    }));
}

/** The hazards of a change to a stack on both sides; none for a stack added or removed. */
export function findHazards(match: ResourceMatch, before?: Topology, after?: Topology): Hazard[] {
  if (!before || !after) return [];
  const workspaces = keptOfType(match, WORKSPACE);
  const hazards = [
    ...movedCode(workspaces),
    ...trustSubjects(before, after),
    ...contractFileChanges(before, after),
    ...overridingSets(match),
    ...stopsWaiting(workspaces, before),
    ...protectionRemoved(workspaces),
  ];
  return hazards.sort((a, b) => HAZARD_KINDS.indexOf(a.kind) - HAZARD_KINDS.indexOf(b.kind));
}

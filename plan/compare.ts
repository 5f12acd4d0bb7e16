// Where two stacks of the project differ on purpose or by accident (dev follows main, prod a
// release branch): the settings a reviewer compares, per stack and per workspace.
import type { ProjectPlacement } from "../topology/codeSource";
import type { Topology, WorkspaceNode } from "../topology/topology";

export interface Difference {
  /** What differs: a stack setting, or `<workspace key>.<setting>`. */
  readonly what: string;
  readonly here: string;
  readonly there: string;
}

const text = (value: unknown) =>
  value === undefined ? "(none)" : typeof value === "string" ? value : JSON.stringify(value);

const projectText = (p: ProjectPlacement | undefined) =>
  p === undefined ? undefined : "create" in p ? `${p.create} (created by the stack)` : `${p.id} (existing)`;

/** The cells the stack's workspaces are stamped into, with their values. */
const cellsText = (t: Topology) => {
  const cells = new Map(t.workspaces.flatMap((w) => (w.cell ? [[w.cell.name, w.cell.values] as const] : [])));
  return cells.size ? Object.fromEntries(cells) : undefined;
};

const lifecycleText = (t: Topology) =>
  t.lifecycle
    ? `applyOnCreate ${t.lifecycle.applyOnCreate}, destroyOnDelete ${t.lifecycle.destroyOnDelete}`
    : undefined;

/** Tags but the environment's own, which differs by design. */
const ownTags = (w: WorkspaceNode) =>
  Object.fromEntries(Object.entries(w.source.tags).filter(([k]) => k !== "environment"));

const publishes = (t: Topology, key: string) =>
  t.contractByWorkspace?.get(key)?.publishes.map((o) => `${o.name}: ${o.typeText}`);

const reads = (t: Topology, key: string) =>
  t.contractByWorkspace
    ?.get(key)
    ?.reads.map((r) => `${r.upstream}: ${r.outputs.map((o) => `${o.name} (${o.typeText})`).join(", ")}`);

/** The differences between stack `here` and stack `there`, stack settings first, then workspaces by key. */
export function compareStacks(here: Topology, there: Topology): Difference[] {
  const differences: Difference[] = [];
  const compare = (what: string, a: unknown, b: unknown) => {
    if (text(a) !== text(b)) differences.push({ what, here: text(a), there: text(b) });
  };
  compare("organization", here.organization, there.organization);
  compare("autoApply", here.autoApply, there.autoApply);
  compare("autoApplyRunTrigger", here.autoApplyRunTrigger, there.autoApplyRunTrigger);
  compare("repository", here.vcs?.repository, there.vcs?.repository);
  compare("branch", here.vcs?.branch, there.vcs?.branch);
  compare("project", projectText(here.project), projectText(there.project));
  compare("hostname", here.hostname, there.hostname);
  compare("protect", here.protect, there.protect);
  compare("lifecycle", lifecycleText(here), lifecycleText(there));
  compare("sharedCredentials", here.credentialNames, there.credentialNames);
  compare("cells", cellsText(here), cellsText(there));
  const keys = [...new Set([...here.workspaceByKey.keys(), ...there.workspaceByKey.keys()])].sort();
  for (const key of keys) {
    const a = here.workspaceByKey.get(key);
    const b = there.workspaceByKey.get(key);
    if (!a || !b) {
      differences.push({
        what: key,
        here: a ? `in layer ${a.layer}` : "(absent)",
        there: b ? `in layer ${b.layer}` : "(absent)",
      });
      continue;
    }
    compare(`${key}.layer`, a.layer, b.layer);
    compare(`${key}.directory`, a.source.directory, b.source.directory);
    compare(`${key}.terraformVersion`, a.source.terraformVersion, b.source.terraformVersion);
    compare(`${key}.executionMode`, a.executionMode, b.executionMode);
    // What the code in a directory both stacks share relies on: who it reads and what it publishes.
    compare(`${key}.dependsOn`, a.upstreams, b.upstreams);
    compare(`${key}.sharedCredentials`, a.sharedCredentials, b.sharedCredentials);
    compare(`${key}.tags`, ownTags(a), ownTags(b));
    compare(`${key}.outputs`, publishes(here, key), publishes(there, key));
    compare(`${key}.reads`, reads(here, key), reads(there, key));
    compare(`${key}.retiring`, a.retiring, b.retiring);
  }
  return differences;
}

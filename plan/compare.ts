// Where two stacks of the project differ on purpose or by accident (dev follows main, prod a
// release branch): the settings a reviewer compares, per stack and per workspace.
import type { ProjectPlacement } from "../topology/codeSource";
import type { Topology } from "../topology/topology";

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

/** The differences between stack `here` and stack `there`, stack settings first, then workspaces by key. */
export function compareStacks(here: Topology, there: Topology): Difference[] {
  const differences: Difference[] = [];
  const compare = (what: string, a: unknown, b: unknown) => {
    if (text(a) !== text(b)) differences.push({ what, here: text(a), there: text(b) });
  };
  compare("organization", here.organization, there.organization);
  compare("autoApply", here.autoApply, there.autoApply);
  compare("repository", here.vcs?.repository, there.vcs?.repository);
  compare("branch", here.vcs?.branch, there.vcs?.branch);
  compare("project", projectText(here.project), projectText(there.project));
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
  }
  return differences;
}

// Changes that `pulumi up` cannot carry out safely in one step, found by comparing two topologies
// of a stack, each with the two steps that do it safely. Pulumi deletes resources only at the end
// of an update, in the old state's dependency order, after every create and update: a removed
// workspace's destroy run starts after its upstreams' settings stopped sharing state with it,
// and a lifecycle switched off deletes every run (each a destroy run) while the triggers stay.
import type { Topology } from "../topology/topology";
import { renamedWorkspaces } from "./topologyDiff";

const LIFECYCLE = "tfc-layers:lifecycle";

/** What a reviewer must know before `pulumi up`, one sentence each. */
export function unsafeSteps(before: Topology | undefined, after: Topology | undefined): string[] {
  if (!before?.lifecycle?.destroyOnDelete || !after) return [];
  const renamed = renamedWorkspaces(after);
  const current = (name: string) => renamed.get(name) ?? name;
  const staying = new Set(after.workspaces.map((w) => w.name));
  const withRuns = before.workspaces.filter((w) => !w.retiring);
  const notes: string[] = [];
  if (!after.lifecycle) {
    const runs = withRuns.filter((w) => staying.has(current(w.name))).length;
    if (runs > 0) {
      notes.push(
        `${LIFECYCLE} is removed while destroyOnDelete is on: each of the ${runs} runs of workspaces that stay is deleted with a destroy run of everything its workspace manages, and the run triggers stay and fire into dependents being destroyed. Switch it off in two steps: set destroyOnDelete: false (keep applyOnCreate: true), pulumi up, then remove the key.`,
      );
    }
  }
  const nameOf = (t: Topology, key: string) => t.workspaceByKey.get(key)!.name;
  for (const w of withRuns) {
    if (staying.has(current(w.name))) continue;
    const grantors = before.workspaces
      .filter((u) => u.consumers.includes(w.key) && staying.has(current(u.name)))
      .map((u) => current(u.name));
    if (grantors.length === 0) continue;
    notes.push(
      `${w.name} is removed with its destroy run, which starts only at the end of pulumi up, after ${grantors.join(", ")} stopped sharing state with it: its destroy plan fails at the read. Remove it in two steps: list it in ${LIFECYCLE}.retiring and pulumi up (its destroy run goes while its access stays), then remove it.`,
    );
  }
  for (const w of after.workspaces.filter((x) => x.retiring)) {
    const was = before.workspaces.find((x) => current(x.name) === w.name);
    if (was?.retiring) continue;
    const approval = after.lifecycle?.manualConfirm ? " (it waits for approval in TFC)" : "";
    notes.push(
      `${nameOf(after, w.key)} is retiring: this pulumi up deletes its triggers and its run, whose destroy run destroys everything it manages${approval}, while its state access, variables and credentials stay. Once that run has finished, remove it from layers and from ${LIFECYCLE}.retiring.`,
    );
  }
  return notes;
}

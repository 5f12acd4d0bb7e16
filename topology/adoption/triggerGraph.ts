// The run-trigger graph of the selected workspaces: who triggers whom, which triggers come from
// outside the selection, and the cycles TFC lets exist but a stack refuses.
import type { Organization, OrgWorkspace } from "./organization";
import { refuse } from "./refusal";

export interface TriggerGraph {
  /** The selected workspaces by TFC id. */
  readonly byId: ReadonlyMap<string, OrgWorkspace>;
  /** Each selected workspace's trigger sources (ids, inside the selection or not). */
  readonly upstreamsOf: ReadonlyMap<string, readonly string[]>;
  /** External source workspace id -> its name ("" where the source does not name it). */
  readonly external: ReadonlyMap<string, string>;
  /** A workspace's TFC name, else its id. */
  readonly name: (id: string) => string;
}

/** The cycle through `upstreamsOf`, as names in the direction the triggers fire, or undefined. */
export function findCycle(
  ids: readonly string[],
  upstreamsOf: (id: string) => readonly string[],
  name: (id: string) => string,
) {
  const state = new Map<string, 1 | 2>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 2) return undefined;
    // The path follows "depends on"; shown the way the triggers fire.
    if (state.get(id) === 1) return [...path.slice(path.indexOf(id)), id].map(name).reverse();
    state.set(id, 1);
    path.push(id);
    for (const u of upstreamsOf(id)) {
      const found = visit(u);
      if (found) return found;
    }
    path.pop();
    state.set(id, 2);
    return undefined;
  };
  for (const id of ids) {
    const found = visit(id);
    if (found) return found;
  }
  return undefined;
}

/** The graph of the selection's run triggers; refuses an empty selection and a cycle. */
export function readTriggerGraph(org: Organization): TriggerGraph {
  const byId = new Map(org.workspaces.map((w) => [w.id, w]));
  if (org.workspaces.length === 0) refuse("the selection holds no workspace: widen --workspaces or --project");
  const upstreamsOf = new Map<string, string[]>(org.workspaces.map((w) => [w.id, []]));
  const external = new Map<string, string>();
  for (const t of org.runTriggers) {
    if (!byId.has(t.workspaceId)) continue; // a trigger into a workspace outside the selection is not ours
    upstreamsOf.get(t.workspaceId)!.push(t.sourceId);
    if (!byId.has(t.sourceId)) external.set(t.sourceId, t.sourceName ?? "");
  }
  const name = (id: string) => byId.get(id)?.name ?? id;
  const cycle = findCycle(
    org.workspaces.map((w) => w.id),
    (id) => (upstreamsOf.get(id) ?? []).filter((u) => byId.has(u)),
    name,
  );
  if (cycle) {
    refuse(
      `the existing run triggers form a cycle, ${cycle.join(" -> ")} (TFC let it exist): delete one of its triggers in TFC, then adopt`,
    );
  }
  return { byId, upstreamsOf, external, name };
}

/** The line about external upstreams (one layer for all of them); refuses sources it cannot name. */
export function describeExternalUpstreams(graph: TriggerGraph): string[] {
  const { external } = graph;
  if (external.size === 0) return [];
  const unnamed = [...external.keys()].filter((id) => external.get(id) === "");
  if (unnamed.length) {
    refuse(
      `run triggers come from ${unnamed.join(", ")}, which the source holds no workspace for: add those workspaces to the state, or adopt from the API, which names them`,
    );
  }
  return [
    `external upstreams: ${[...external.values()].join(", ")} (outside the selection) as the external layer upstream`,
  ];
}

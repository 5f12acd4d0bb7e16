// Layers inferred from the names (up to the first "-") or the --layers mapping, and their
// dependencies from the run triggers. A trigger inside one layer, or layers in a cycle, is refused.
import type { Organization, OrgWorkspace } from "./organization";
import { refuse } from "./refusal";
import { findCycle, type TriggerGraph } from "./triggerGraph";

export interface LayerGrouping {
  /** Layer name by workspace id. */
  readonly layerOf: ReadonlyMap<string, string>;
  /** The workspaces of each layer, in the selection's order. */
  readonly groups: ReadonlyMap<string, readonly OrgWorkspace[]>;
  /** The layers a layer's workspaces are triggered by, inside the selection, sorted. */
  readonly layerDeps: (layer: string) => string[];
  /** What was inferred, one line. */
  readonly note: string;
}

function checkGivenLayers(org: Organization, given: Readonly<Record<string, string>> | undefined) {
  for (const named of Object.keys(given ?? {})) {
    if (!org.workspaces.some((w) => w.name === named)) {
      refuse(`--layers names ${named}, which is not a workspace of the selection: use the workspaces' TFC names`);
    }
  }
}

function checkNoTriggerInsideALayer(org: Organization, graph: TriggerGraph, layerOf: ReadonlyMap<string, string>) {
  for (const w of org.workspaces) {
    for (const u of graph.upstreamsOf.get(w.id)!) {
      if (graph.byId.has(u) && layerOf.get(u) === layerOf.get(w.id)) {
        refuse(
          `workspaces ${graph.name(u)} and ${w.name} would both be in layer ${layerOf.get(w.id)} though a run trigger links them: give them different layers with --layers <file> ({"${w.name}": "<layer>"})`,
        );
      }
    }
  }
}

export function groupIntoLayers(
  org: Organization,
  graph: TriggerGraph,
  given: Readonly<Record<string, string>> | undefined,
): LayerGrouping {
  checkGivenLayers(org, given);
  // The --layers mapping, else the name up to its first "-" (network-a: network).
  const layerOf = new Map(org.workspaces.map((w) => [w.id, given?.[w.name] ?? w.name.split("-")[0]]));
  const groups = new Map<string, OrgWorkspace[]>();
  for (const w of org.workspaces) groups.set(layerOf.get(w.id)!, [...(groups.get(layerOf.get(w.id)!) ?? []), w]);
  checkNoTriggerInsideALayer(org, graph, layerOf);
  const layerDeps = (layer: string) =>
    [
      ...new Set(
        groups.get(layer)!.flatMap((w) =>
          graph.upstreamsOf
            .get(w.id)!
            .filter((u) => graph.byId.has(u))
            .map((u) => layerOf.get(u)!),
        ),
      ),
    ].sort();
  const layerCycle = findCycle([...groups.keys()], layerDeps, (l) => l);
  if (layerCycle) {
    refuse(
      `the layers inferred from the names depend on each other in a cycle, ${layerCycle.join(" -> ")}: give a mapping with --layers <file> ({"<workspace>": "<layer>"})`,
    );
  }
  const listed = [...groups].map(([layer, members]) => `${layer} (${members.map((w) => w.name).join(", ")})`);
  const note = `layers from the names (up to the first "-")${given ? " and --layers" : ""}, dependsOn from the run triggers: ${listed.join(", ")}`;
  return { layerOf, groups, layerDeps, note };
}

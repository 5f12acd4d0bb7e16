// Each layer as the stack file writes it: its workspaces (one entry per workspace as written, a
// cell workspace standing for all its cells), dependencies, cells, execution mode and its own
// approval choices. A layer whose workspaces cannot share one entry is refused.
import type { LayerGrouping } from "./layerGrouping";
import type { Naming } from "./naming";
import type { OrgWorkspace } from "./organization";
import { refuse, uniform } from "./refusal";
import type { SharedSettings } from "./sharedSettings";
import type { TriggerGraph } from "./triggerGraph";

export interface InferredSoFar {
  readonly all: readonly OrgWorkspace[];
  readonly graph: TriggerGraph;
  readonly grouping: LayerGrouping;
  readonly naming: Naming;
  readonly settings: SharedSettings;
}

/** A layer entry of `tfc-layers:layers`, before its credentials are known. */
export type LayerEntry = { readonly name: string } & Record<string, unknown>;

function checkOneExecutionMode(layer: string, members: readonly OrgWorkspace[]) {
  const mode = uniform(members.map((w) => w.executionMode));
  if (mode === undefined) {
    refuse(
      `layer ${layer} mixes execution modes (${members.map((w) => `${w.name}: ${w.executionMode}`).join(", ")}): give its workspaces different layers with --layers <file>`,
    );
  }
  return mode!;
}

/** The layer's cells, sorted; refuses a layer of cell and global workspaces. */
function cellsOfLayer(layer: string, members: readonly OrgWorkspace[], cellOf: ReadonlyMap<string, string>) {
  const celled = members.filter((w) => cellOf.has(w.id));
  if (celled.length && celled.length !== members.length) {
    refuse(
      `layer ${layer} has workspaces of cells (${celled.map((w) => w.name).join(", ")}) and global ones (${members
        .filter((w) => !cellOf.has(w.id))
        .map((w) => w.name)
        .join(", ")}): give them different layers with --layers <file>`,
    );
  }
  return [...new Set(celled.map((w) => cellOf.get(w.id)!))].sort();
}

/** The stamps of one workspace (one per cell) must agree on what one entry says once. */
function checkStampsAgree(key: string, stamps: readonly OrgWorkspace[]) {
  const differing = (what: string, of: (m: OrgWorkspace) => unknown) => {
    if (uniform(stamps.map(of)) === undefined && stamps.length > 1) {
      refuse(
        `workspace ${key} has a different ${what} in each cell (${stamps.map((m) => `${m.name}: ${JSON.stringify(of(m) ?? null)}`).join(", ")}): give them one in TFC first`,
      );
    }
  };
  differing("working directory", (m) => m.workingDirectory);
  differing("Terraform version", (m) => m.terraformVersion);
}

/** One workspace entry: its key alone where the layer's defaults give everything. */
function workspaceEntry(so: InferredSoFar, layer: string, w: OrgWorkspace, members: readonly OrgWorkspace[]) {
  const { graph, grouping, naming, settings } = so;
  const keyOf = naming.keyOf;
  const key = keyOf.get(w.id)!;
  const stamps = members.filter((m) => keyOf.get(m.id) === key);
  checkStampsAgree(key, stamps);
  // As written, over every cell: what its layer's dependencies give, unless narrower.
  const deps = grouping.layerDeps(layer);
  const externalHere = externalSourcesOf(graph, members);
  const own = [
    ...new Set(stamps.flatMap((m) => graph.upstreamsOf.get(m.id)!.map((u) => keyOf.get(u) ?? graph.external.get(u)!))),
  ].sort();
  const depWorkspaces = so.all.filter((d) => deps.includes(grouping.layerOf.get(d.id)!)).map((d) => d.id);
  const wide = [
    ...new Set([...depWorkspaces.map((u) => keyOf.get(u)!), ...externalHere.map((u) => graph.external.get(u)!)]),
  ];
  const narrowed = own.length !== wide.length;
  const directory = w.workingDirectory === "" ? "." : w.workingDirectory;
  const entry: Record<string, unknown> = {
    name: key,
    ...(naming.templated ? {} : { tfcName: w.name }),
    ...(directory !== `${layer}/${key}` ? { directory } : {}),
    ...(settings.version === undefined && w.terraformVersion ? { terraformVersion: w.terraformVersion } : {}),
    ...(narrowed ? { upstreams: own } : {}),
  };
  return Object.keys(entry).length === 1 ? key : entry;
}

/** The trigger sources of a layer's workspaces that lie outside the selection. */
function externalSourcesOf(graph: TriggerGraph, members: readonly OrgWorkspace[]) {
  return [...new Set(members.flatMap((w) => graph.upstreamsOf.get(w.id)!.filter((u) => !graph.byId.has(u))))];
}

function layerEntry(so: InferredSoFar, layer: string): LayerEntry {
  const { grouping, naming, settings } = so;
  const members = grouping.groups.get(layer)!;
  const deps = grouping.layerDeps(layer);
  const externalHere = externalSourcesOf(so.graph, members);
  const mode = checkOneExecutionMode(layer, members);
  const layerCells = cellsOfLayer(layer, members, naming.cellOf);
  const written = [...new Map(members.map((w) => [naming.keyOf.get(w.id)!, w])).values()];
  return {
    name: layer,
    workspaces: written.map((w) => workspaceEntry(so, layer, w, members)),
    ...(deps.length || externalHere.length
      ? { dependsOn: [...deps, ...(externalHere.length ? ["upstream"] : [])] }
      : {}),
    ...(layerCells.length ? { cells: layerCells.length === naming.cellNames.length ? "all" : layerCells } : {}),
    ...settings.autoApply.layers.get(layer),
    ...(settings.healthAssessments.layers.has(layer)
      ? { healthAssessments: settings.healthAssessments.layers.get(layer) }
      : {}),
    ...(mode !== "remote" ? { executionMode: mode } : {}),
    ...(mode === "agent" ? { agentPoolId: uniform(members.map((w) => w.agentPoolId)) } : {}),
  };
}

/** The layers in dependency order, as `tfc-layers:layers` writes them. */
export function layerEntries(so: InferredSoFar, order: readonly string[]): LayerEntry[] {
  return order.map((layer) => layerEntry(so, layer));
}

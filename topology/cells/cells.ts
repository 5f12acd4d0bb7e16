// The rules of cells: the same layers stamped once per region or account. A cell layer's
// workspace exists once per cell of its layer; a global layer's once. Wiring, per workspace:
// cell layer -> cell layer within the same cell only, global -> cell layer to every cell (fan-out),
// cell layer -> global from every cell (fan-in). A workspace entry may narrow its upstreams to some
// of its layer's upstream workspaces, never widen them. Pure: checked before any resource.
import { StackConfigError, show } from "../errors";
import { externalKey, isExternal } from "../external/external";
import { KEYS, MAX_TRIGGER_SOURCES } from "../keys";
import type { LayerConfig } from "../stackConfig";
import { CELL_KEYS, type Cell } from "./cellsConfig";

/** One workspace as it will exist: a stack-file workspace, in one cell or global. */
export interface StampedWorkspace {
  /** Unique in the stack: the workspace as written, or `<workspace>@<cell>` ("@" is in no TFC name). */
  readonly key: string;
  /** The workspace as written in the stack file. */
  readonly workspace: string;
  readonly layer: string;
  readonly cell?: Cell;
  /** Keys of the stamped workspaces whose applies queue a run here and whose state it reads. */
  readonly upstreams: readonly string[];
}

/** The workspace as written in the stack file, from a stamped key. */
export const writtenName = (key: string) => key.split("@")[0];

/** The key of a workspace in a cell, or of a global one. */
export const stampedKey = (workspace: string, cell?: string) =>
  cell === undefined ? workspace : `${workspace}@${cell}`;

const VALUE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CELL_NAME = /^[A-Za-z0-9_-]+$/;

function checkCells(cells: readonly Cell[]): void {
  const seen = new Map<string, string>();
  cells.forEach((cell, i) => {
    const where = `${CELL_KEYS.cells}[${i}]`;
    if (!CELL_NAME.test(cell.name)) {
      throw new StackConfigError(
        `${where}.name ${show(cell.name)} has characters TFC refuses: use only letters, digits, "-" and "_"`,
      );
    }
    const other = seen.get(cell.name.toLowerCase());
    if (other !== undefined) {
      const same = other === cell.name;
      throw new StackConfigError(
        `${where}.name ${show(cell.name)} ${same ? "is listed twice" : `differs from ${show(other)} only in case, which TFC names ignore`}: give each cell its own name`,
      );
    }
    seen.set(cell.name.toLowerCase(), cell.name);
    for (const name of Object.keys(cell.values)) {
      if (!VALUE_NAME.test(name)) {
        throw new StackConfigError(
          `${where}.values ${show(name)} is not a name Terraform code can read as an attribute: use letters, digits and "_", not starting with a digit`,
        );
      }
    }
  });
}

/** The cells of each layer, checked: undefined for a global layer. */
function cellsOfLayers(layers: readonly LayerConfig[], cells: readonly Cell[]): Map<string, Cell[] | undefined> {
  const byName = new Map(cells.map((c) => [c.name, c]));
  const result = new Map<string, Cell[] | undefined>();
  for (const layer of layers) {
    const where = `${KEYS.layers}: layer ${show(layer.name)} cells`;
    if (layer.cells === undefined) {
      result.set(layer.name, undefined);
      continue;
    }
    if (cells.length === 0) {
      throw new StackConfigError(
        `${where}: the stack has no ${CELL_KEYS.cells}; list them, e.g. [{name: eu}, {name: us}], or drop cells`,
      );
    }
    if (layer.cells === "all") {
      result.set(layer.name, [...cells]);
      continue;
    }
    if (layer.cells.length === 0) throw new StackConfigError(`${where} is empty: write all, or list some cells`);
    const own: Cell[] = [];
    for (const name of layer.cells) {
      const cell = byName.get(name);
      if (cell === undefined) {
        throw new StackConfigError(
          `${where} names ${show(name)}, which is not a cell: cells are ${cells.map((c) => show(c.name)).join(", ")}`,
        );
      }
      if (own.includes(cell)) throw new StackConfigError(`${where} lists ${show(name)} twice: list it once`);
      own.push(cell);
    }
    result.set(layer.name, own);
  }
  return result;
}

/** Stamps every layer's workspaces into its cells and wires each to its upstreams. */
export function stampCells(
  layers: readonly LayerConfig[],
  cells: readonly Cell[],
  external: ReadonlyMap<string, readonly string[]> = new Map(),
): StampedWorkspace[] {
  checkCells(cells);
  const cellsOf = cellsOfLayers(layers, cells);
  const layerByName = new Map(layers.map((l) => [l.name, l]));
  for (const layer of layers) {
    const own = cellsOf.get(layer.name);
    for (const dependency of layer.dependsOn.filter((d) => !external.has(d))) {
      const theirs = cellsOf.get(dependency);
      const missing = own && theirs ? own.find((c) => !theirs.includes(c)) : undefined;
      if (missing !== undefined) {
        throw new StackConfigError(
          `${KEYS.layers}: layer ${show(layer.name)} runs in cell ${show(missing.name)}, but layer ${show(dependency)} it depends on does not: add ${show(missing.name)} to the cells of ${show(dependency)}, or remove it from ${show(layer.name)}'s`,
        );
      }
    }
  }
  // The keys a workspace in `cell` (undefined: global) reads from layer `dependency`.
  const upstreamKeys = (dependency: string, cell: Cell | undefined): string[] => {
    // An external layer is global: every workspace of it, by its exact TFC name.
    const outside = external.get(dependency);
    if (outside) return outside.map(externalKey);
    const theirs = cellsOf.get(dependency);
    const workspaces = layerByName.get(dependency)!.workspaces;
    if (theirs === undefined) return workspaces.map((w) => stampedKey(w));
    const inCells = cell === undefined ? theirs : [cell];
    return inCells.flatMap((c) => workspaces.map((w) => stampedKey(w, c.name)));
  };
  const stamped: StampedWorkspace[] = [];
  for (const layer of layers) {
    const upstreamNames = new Set(layer.dependsOn.flatMap((d) => external.get(d) ?? layerByName.get(d)!.workspaces));
    for (const workspace of layer.workspaces) {
      const narrowed = layer.upstreams[workspace];
      for (const name of narrowed ?? []) {
        if (!upstreamNames.has(name)) {
          throw new StackConfigError(
            `${KEYS.layers}: layer ${show(layer.name)} workspace ${show(workspace)} upstreams names ${show(name)}, which is not a workspace of a layer in its dependsOn: upstreams only narrow the layer's`,
          );
        }
      }
      const keep = (key: string) =>
        narrowed === undefined || narrowed.includes(isExternal(key) ? key.slice("external:".length) : writtenName(key));
      for (const cell of cellsOf.get(layer.name) ?? [undefined]) {
        const upstreams = layer.dependsOn
          .flatMap((d) => upstreamKeys(d, cell))
          .filter(keep)
          .sort();
        stamped.push({
          key: stampedKey(workspace, cell?.name),
          workspace,
          layer: layer.name,
          ...(cell ? { cell } : {}),
          upstreams,
        });
      }
    }
  }
  return stamped;
}

/** Refuses a workspace with more trigger sources than TFC takes, saying what to do. */
export function checkSourceLimit(stamped: readonly StampedWorkspace[], nameOf: (key: string) => string): void {
  const byKey = new Map(stamped.map((s) => [s.key, s]));
  for (const w of stamped) {
    if (w.upstreams.length <= MAX_TRIGGER_SOURCES) continue;
    const fromCells = w.cell === undefined && w.upstreams.some((u) => byKey.get(u)?.cell !== undefined);
    const layers = [...new Set(w.upstreams.map((u) => byKey.get(u)?.layer ?? "external"))].sort().join(", ");
    const fix = fromCells
      ? "fewer cells per global workspace (narrow its upstreams), or a relay workspace per group of cells"
      : "split the upstream layers, depend on fewer, or narrow the workspace's upstreams";
    throw new StackConfigError(
      `${KEYS.layers}: workspace ${show(nameOf(w.key))} (layer ${show(w.layer)}) would have ${w.upstreams.length} source workspaces from layers ${layers}${fromCells ? " across cells" : ""}: TFC allows ${MAX_TRIGGER_SOURCES}; ${fix}`,
    );
  }
}

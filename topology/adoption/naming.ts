// The names: the default template where every name ends in -<stack>, else each name kept as its
// tfcName; cells from siblings named <workspace>-<cell>; each workspace's key as the stack writes it.
import type { OrgWorkspace } from "./organization";

export interface Naming {
  /** Whether the default template {workspace}-{cell}-{environment} gives every name. */
  readonly templated: boolean;
  /** The cells found, sorted. */
  readonly cellNames: readonly string[];
  /** Cell by workspace id, for the workspaces of a cell. */
  readonly cellOf: ReadonlyMap<string, string>;
  /** Workspace key as written in the stack file, by workspace id. */
  readonly keyOf: ReadonlyMap<string, string>;
  /** What was inferred, one line each. */
  readonly notes: string[];
}

/** The part of a name before its last "-", if any. */
const baseOf = (r: string) => (r.includes("-") ? r.slice(0, r.lastIndexOf("-")) : undefined);

/** Cells: workspaces named <workspace>-<cell> beside siblings of other cells (network-eu, network-us). */
function findCells(workspaces: readonly OrgWorkspace[], rest: ReadonlyMap<string, string>, templated: boolean) {
  const siblings = new Map<string, string[]>();
  for (const r of rest.values()) {
    const base = baseOf(r);
    if (base !== undefined) siblings.set(base, [...(siblings.get(base) ?? []), r.slice(base.length + 1)]);
  }
  const cellNames = templated
    ? [...new Set([...siblings.values()].filter((cells) => cells.length > 1).flat())].sort()
    : [];
  const cellOf = new Map<string, string>();
  for (const w of workspaces) {
    const r = rest.get(w.id)!;
    const base = baseOf(r);
    if (base !== undefined && (siblings.get(base)?.length ?? 0) > 1 && cellNames.includes(r.slice(base.length + 1))) {
      cellOf.set(w.id, r.slice(base.length + 1));
    }
  }
  return { cellNames, cellOf };
}

export function inferNaming(workspaces: readonly OrgWorkspace[], stack: string): Naming {
  const suffix = `-${stack}`;
  const templated = workspaces.every((w) => w.name.endsWith(suffix) && w.name.length > suffix.length);
  const rest = new Map(workspaces.map((w) => [w.id, templated ? w.name.slice(0, -suffix.length) : w.name]));
  const { cellNames, cellOf } = findCells(workspaces, rest, templated);
  const keyOf = new Map(
    workspaces.map((w) => {
      const r = rest.get(w.id)!;
      const cell = cellOf.get(w.id);
      return [w.id, cell === undefined ? r : r.slice(0, -(cell.length + 1))];
    }),
  );
  const untemplated = workspaces.filter((w) => !w.name.endsWith(suffix)).map((w) => w.name);
  const notes = [
    templated
      ? `names: every workspace name ends in ${suffix}, so the default template {workspace}-{cell}-{environment} gives them`
      : `names: ${untemplated.join(", ")} do not end in ${suffix}, so no template gives them: each workspace keeps its TFC name as tfcName`,
    ...(cellNames.length
      ? [
          `cells ${cellNames.join(", ")}: workspaces named <workspace>-<cell>-${stack} beside the same workspace of another cell`,
        ]
      : []),
  ];
  return { templated, cellNames, cellOf, keyOf, notes };
}

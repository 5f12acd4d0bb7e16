// Which workspace of one side of a review is which of the other. A workspace is the one written
// in the stack file (its key, with its cell); a rename (renamedFrom, or anything else that sets
// `previous`) keeps it, so the old side's workspace named `previous.name` is the new side's.
// TFC names are only for showing: comparing by them turns a rename into one workspace losing
// everything and another gaining it.
import type { Topology } from "../topology/topology";

export interface WorkspaceIdentities {
  /** The identity of a workspace of the old side, by its key there. */
  readonly beforeKey: (key: string) => string;
  /** The identity of a workspace of the old side, by its TFC name there. */
  readonly beforeName: (name: string) => string | undefined;
  /** The identity of a workspace of the new side, by its TFC name. */
  readonly afterName: (name: string) => string | undefined;
  /** How to name a workspace: its TFC name now, or its last one when it is gone. */
  readonly shown: (identity: string) => string;
  /** Whether the workspace is on both sides. */
  readonly onBoth: (identity: string) => boolean;
}

export function workspaceIdentities(before: Topology | undefined, after: Topology | undefined): WorkspaceIdentities {
  // The new side's workspaces are their own keys; the old side's are found through renames first.
  const renamedTo = new Map(
    (after?.workspaces ?? []).flatMap((w) => (w.previous ? [[w.previous.name, w.key] as const] : [])),
  );
  const beforeKey = (key: string) => {
    const w = before?.workspaceByKey.get(key);
    return (w && renamedTo.get(w.name)) ?? key;
  };
  const beforeByName = new Map((before?.workspaces ?? []).map((w) => [w.name, beforeKey(w.key)]));
  const afterByName = new Map((after?.workspaces ?? []).map((w) => [w.name, w.key]));
  const shownName = new Map<string, string>();
  for (const w of before?.workspaces ?? []) shownName.set(beforeKey(w.key), w.name);
  for (const w of after?.workspaces ?? []) shownName.set(w.key, w.name);
  const onBefore = new Set(beforeByName.values());
  return {
    beforeKey,
    beforeName: (name) => beforeByName.get(name),
    afterName: (name) => afterByName.get(name),
    shown: (identity) => shownName.get(identity) ?? identity,
    onBoth: (identity) => onBefore.has(identity) && (after?.workspaceByKey.has(identity) ?? false),
  };
}

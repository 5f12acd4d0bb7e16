// Renames that pulumi up would carry out as a delete and a create: the same workspace (the same
// key in the stack file, the same cell) under another TFC name, without the renamedFrom that
// keeps it. TFC renames a workspace in place, so the review says which entry does that, instead
// of listing each workspace, and everything named after it, as an unrelated deletion.
import { RENAMES_KEY } from "../topology/renames/renamesConfig";
import type { Topology, WorkspaceNode } from "../topology/topology";

interface Rename {
  readonly was: WorkspaceNode;
  readonly now: WorkspaceNode;
}

/** Workspaces of one key whose TFC name changes without the alias to their former name. */
function renamesOutOfPlace(before: Topology, after: Topology): Rename[] {
  return after.workspaces.flatMap((now) => {
    const was = before.workspaceByKey.get(now.key);
    if (was === undefined || was.name === now.name || now.previous?.name === was.name) return [];
    return [{ was, now }];
  });
}

const pairs = (renames: readonly Rename[]) => renames.map((r) => `${r.was.name} -> ${r.now.name}`).join(", ");

/** One sentence per cause: what is re-created, and the entry that renames it in place instead. */
export function renamesNotInPlace(before: Topology | undefined, after: Topology | undefined): string[] {
  if (!before || !after) return [];
  const renames = renamesOutOfPlace(before, after);
  if (renames.length === 0) return [];
  const loses = "each is deleted with its state and run history and created anew (a first run, no state)";
  if (before.workspaceNameTemplate !== after.workspaceNameTemplate) {
    return [
      `The naming template changed from "${before.workspaceNameTemplate}" to "${after.workspaceNameTemplate}", which renames ${renames.length} workspaces (${pairs(renames)}): as written ${loses}. TFC renames them in place: add ${RENAMES_KEY}: {workspaceName: "${before.workspaceNameTemplate}"}.`,
    ];
  }
  return renames.map(({ was, now }) =>
    now.cell === undefined
      ? `${was.name} -> ${now.name} is a rename of workspace ${now.key}: as written it is deleted with its state and run history and created anew. TFC renames it in place: add ${RENAMES_KEY}: {tfcNames: {${now.key}: ${was.name}}}.`
      : `${was.name} -> ${now.name} is a rename of workspace ${now.key}: as written it is deleted with its state and run history and created anew. TFC renames it in place: give its former naming in ${RENAMES_KEY} (workspaceName, layers or cells).`,
  );
}

// The rename rules: from tfc-layers:renamedFrom and a layer's renamedFrom, the name each
// workspace had before and the parts of it (workspace as written, layer, cell) its directory was
// derived from. A workspace whose former name differs from its name is the same TFC workspace
// renamed in place (an alias keeps it and everything named after it); its code stays where it
// was. Everything is checked before any resource: a rename that names nothing, or a former name
// that another workspace has now, is one line.
import { TFC_NAME } from "../configValues";
import { StackConfigError, show } from "../errors";
import { RENAMES_KEY, type RenamesConfig } from "./renamesConfig";

/** What a workspace's name and directory were derived from before the rename (current ones when unchanged). */
export interface FormerParts {
  readonly workspace: string;
  readonly layer: string;
  readonly cell?: string;
}

/** The stack as the rename rules need it: its layers, with their workspaces as written and cells. */
export interface RenameScope {
  readonly layers: readonly {
    readonly name: string;
    readonly workspaces: readonly string[];
    readonly cells: boolean;
  }[];
  readonly cells: readonly string[];
}

const PLACEHOLDER = /\{(workspace|layer|cell|environment)\}/g;

const fail = (message: string): never => {
  throw new StackConfigError(`${RENAMES_KEY}.${message}`);
};

/** A map of current to former names: keys that exist now, former names that no longer do, one each. */
function checkMap(part: string, map: Readonly<Record<string, string>>, current: readonly string[], what: string) {
  const formerOf = new Map<string, string>();
  for (const [now, was] of Object.entries(map)) {
    const where = `${part}.${now}`;
    if (!current.includes(now)) {
      fail(`${part} names ${show(now)}, which is not a ${what} of the stack: key each entry by the ${what}'s new name`);
    }
    if (!TFC_NAME.test(was))
      fail(`${where} ${show(was)} must be the ${what}'s former name: ${'letters, digits, "-" and "_"'}`);
    if (current.includes(was)) {
      fail(`${where} ${show(was)} is still a ${what}: a rename keeps one of the two names only`);
    }
    const other = formerOf.get(was);
    if (other !== undefined) {
      fail(
        `${where}: ${show(other)} was ${show(was)} too; one ${what} becomes one ${what}, so keep one of the entries`,
      );
    }
    formerOf.set(was, now);
  }
}

/** Checks tfc-layers:renamedFrom against the stack. */
export function checkRenames(renames: RenamesConfig, scope: RenameScope): void {
  if (renames.workspaceName !== undefined) {
    const template = renames.workspaceName;
    if (!template.includes("{workspace}") || !/^[A-Za-z0-9_-]*$/.test(template.replace(PLACEHOLDER, ""))) {
      fail(
        `workspaceName ${show(template)} is not a naming template: write the tfc-layers:workspaceName the stack had, e.g. "{workspace}-{cell}-{environment}" (the default)`,
      );
    }
  }
  checkMap("cells", renames.cells, scope.cells, "cell");
  checkMap(
    "layers",
    renames.layers,
    scope.layers.map((l) => l.name),
    "layer",
  );
  const inCells = new Set(scope.layers.filter((l) => l.cells).flatMap((l) => l.workspaces));
  for (const [workspace, was] of Object.entries(renames.tfcNames)) {
    const where = `tfcNames.${workspace}`;
    if (!scope.layers.some((l) => l.workspaces.includes(workspace))) {
      fail(
        `tfcNames names ${show(workspace)}, which no layer has: key each entry by the workspace as written in tfc-layers:layers`,
      );
    }
    if (inCells.has(workspace)) {
      fail(
        `${where}: ${show(workspace)} is stamped per cell, and one former name cannot serve every cell; give the former template in workspaceName instead`,
      );
    }
    if (!TFC_NAME.test(was))
      fail(`${where} ${show(was)} must be the workspace's former TFC name: ${'letters, digits, "-" and "_"'}`);
  }
}

/** The parts a workspace's name and directory were derived from before the rename. */
export function formerParts(
  renames: RenamesConfig,
  renamedWorkspace: string | undefined,
  now: FormerParts,
): FormerParts {
  return {
    workspace: renamedWorkspace ?? now.workspace,
    layer: renames.layers[now.layer] ?? now.layer,
    ...(now.cell !== undefined ? { cell: renames.cells[now.cell] ?? now.cell } : {}),
  };
}

/** One workspace's name now and before (equal when it is not renamed). */
export interface NamePair {
  /** How the workspace reads in a message, e.g. "network-a" (layer "network"). */
  readonly what: string;
  readonly name: string;
  readonly former: string;
}

/**
 * Refuses former names that two workspaces share, or that another workspace has now (TFC ignores
 * case): one alias would claim two objects, or a workspace would take over another's.
 */
export function checkFormerNames(pairs: readonly NamePair[]): void {
  const current = new Map(pairs.map((p) => [p.name.toLowerCase(), p]));
  const formers = new Map<string, NamePair>();
  for (const pair of pairs) {
    if (pair.former === pair.name) continue;
    const key = pair.former.toLowerCase();
    const other = formers.get(key);
    if (other !== undefined) {
      throw new StackConfigError(
        `${RENAMES_KEY} gives ${other.what} and ${pair.what} one former name, ${show(pair.former)}: one workspace becomes one workspace; correct the former names`,
      );
    }
    formers.set(key, pair);
    const holder = current.get(key);
    if (holder !== undefined && holder !== pair) {
      throw new StackConfigError(
        `${RENAMES_KEY} gives ${pair.what} the former name ${show(pair.former)}, which ${holder.what} has now: names cannot be swapped in place; rename one of them in a separate pulumi up first`,
      );
    }
  }
}

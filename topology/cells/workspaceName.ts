// Workspace names from a template (`tfc-layers:workspaceName`), for organizations with their own
// convention (prod-use1-network). Checked before any resource: known placeholders only, the
// workspace and the environment in it, the cell too when the stack has cell layers, and no two
// workspaces of the stack with one TFC name, ignoring case as TFC does.
import { StackConfigError, show } from "../errors";
import { CELL_KEYS } from "./cellsConfig";

const PLACEHOLDERS = ["workspace", "layer", "cell", "environment"] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

/** The default: global workspaces `<workspace>-<environment>`, cell workspaces `<workspace>-<cell>-<environment>`. */
export const DEFAULT_WORKSPACE_NAME = "{workspace}-{cell}-{environment}";

const fail = (message: string): never => {
  throw new StackConfigError(`${CELL_KEYS.workspaceName} ${message}`);
};

/** Checks a template's placeholders and literal characters. */
export function checkTemplate(template: string, hasCells: boolean): void {
  for (const match of template.matchAll(/\{([^}]*)\}/g)) {
    if (!PLACEHOLDERS.includes(match[1] as Placeholder)) {
      fail(
        `${show(template)} has the unknown placeholder ${match[0]}: use ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}`,
      );
    }
  }
  const literal = template.replace(/\{(workspace|layer|cell|environment)\}/g, "");
  if (!/^[A-Za-z0-9_-]*$/.test(literal)) {
    fail(
      `${show(template)} has characters TFC refuses outside its placeholders: use only letters, digits, "-" and "_"`,
    );
  }
  if (!template.includes("{workspace}")) {
    fail(`${show(template)} leaves out {workspace}: every workspace of a layer would get one name`);
  }
  if (!template.includes("{environment}")) {
    fail(
      `${show(template)} leaves out {environment}: the stacks of every environment share the organization; put it in`,
    );
  }
  if (hasCells && !template.includes("{cell}")) {
    fail(
      `${show(template)} leaves out {cell} while layers are stamped per cell: every cell would get one name; put it in`,
    );
  }
}

export interface NameParts {
  readonly workspace: string;
  readonly layer: string;
  /** Undefined for a global workspace: `{cell}` goes, with the separator beside it. */
  readonly cell?: string;
  readonly environment: string;
}

/** The TFC name the template gives. */
export function renderName(template: string, parts: NameParts): string {
  const withoutCell =
    parts.cell === undefined
      ? template.replace(/\{cell\}[-_]|[-_]\{cell\}|\{cell\}/, "")
      : template.replaceAll("{cell}", parts.cell);
  return withoutCell
    .replaceAll("{workspace}", parts.workspace)
    .replaceAll("{layer}", parts.layer)
    .replaceAll("{environment}", parts.environment);
}

/** Refuses two workspaces that get one TFC name (TFC ignores case). */
export function checkDistinct(named: readonly { readonly what: string; readonly name: string }[]): void {
  const seen = new Map<string, string>();
  for (const { what, name } of named) {
    const other = seen.get(name.toLowerCase());
    if (other !== undefined) {
      fail(
        `gives ${other} and ${what} one TFC name, ${show(name)} (TFC ignores case): put the placeholders that tell them apart in the template, or rename one`,
      );
    }
    seen.set(name.toLowerCase(), what);
  }
}

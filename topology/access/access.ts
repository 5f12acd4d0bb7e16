// The rules of team access: which team gets what on which workspace, whether one project access
// can stand for a team's access to every workspace, and who can approve the runs that wait.
// Pure: checked before any resource is registered.
import { closest } from "../configValues";
import { StackConfigError, show } from "../errors";
import {
  type Access,
  type CustomPermissions,
  EVERY_LAYER,
  PERMISSION_VALUES,
  TEAM_ID,
  TEAMS_KEY,
  type TeamConfig,
} from "./accessConfig";

/** One team's access, as the program creates it. */
export interface TeamGrant {
  /** As written: a name (looked up at preview) or an id. */
  readonly team: string;
  readonly byId: boolean;
  /** Access by workspace key, in workspace order; workspaces of layers it has no entry for are absent. */
  readonly workspaces: readonly { readonly key: string; readonly access: Access }[];
  /**
   * One tfe_team_project_access instead of one tfe_team_access per workspace: the stack owns the
   * project, the team has the same access on every workspace in it, and the project has that
   * access exactly (project read and write are workspace read and write; custom carries the same
   * workspace permissions). Workspace plan and admin have no exact project level: admin's nearest,
   * maintain, also lets the team create and delete workspaces.
   */
  readonly project?: ProjectAccess;
}

export type ProjectAccess =
  | { readonly access: "read" | "write" }
  | { readonly access: "custom"; readonly permissions: CustomPermissions };

/** A workspace as the access rules see it. */
export interface AccessWorkspace {
  readonly key: string;
  readonly layer: string;
}

/** Refuses a layer key that names no layer of this stack. */
export function checkTeams(teams: readonly TeamConfig[], layers: readonly string[], external: readonly string[]): void {
  for (const { team, layers: byLayer } of teams) {
    for (const layer of Object.keys(byLayer)) {
      if (layer === EVERY_LAYER || layers.includes(layer)) continue;
      const where = `${TEAMS_KEY}.${team}.${layer}`;
      if (external.includes(layer)) {
        throw new StackConfigError(
          `${where}: ${show(layer)} is an external layer, whose workspaces this stack does not own: give access in the stack that owns them`,
        );
      }
      const guess = closest(layer, layers);
      throw new StackConfigError(
        `${where}: ${show(layer)} is not a layer of this stack: ${guess ? `did you mean ${show(guess)}?` : `use one of ${[EVERY_LAYER, ...layers].join(", ")}`}`,
      );
    }
  }
}

const same = (a: Access, b: Access) => JSON.stringify(a) === JSON.stringify(b);

/** Each team's access per workspace, and the project access where one stands for all of it. */
export function planAccess(
  teams: readonly TeamConfig[],
  workspaces: readonly AccessWorkspace[],
  ownsProject: boolean,
): TeamGrant[] {
  return teams.map(({ team, layers }) => {
    const granted = workspaces.flatMap((w) => {
      const access = layers[w.layer] ?? layers[EVERY_LAYER];
      return access === undefined ? [] : [{ key: w.key, access }];
    });
    const [first] = granted;
    const uniform =
      ownsProject &&
      first !== undefined &&
      granted.length === workspaces.length &&
      granted.every((g) => same(g.access, first.access));
    const project: ProjectAccess | undefined = !uniform
      ? undefined
      : typeof first.access === "object"
        ? { access: "custom", permissions: first.access }
        : first.access === "read" || first.access === "write"
          ? { access: first.access }
          : undefined;
    return { team, byId: TEAM_ID.test(team), workspaces: granted, ...(project ? { project } : {}) };
  });
}

/**
 * The permissions each level grants on a workspace (HCP Terraform's workspace permissions page):
 * what the review compares to tell a widened access from a narrowed one.
 */
const READ_PERMISSIONS = {
  runs: "read",
  variables: "read",
  stateVersions: "read",
  sentinelMocks: "none",
  workspaceLocking: false,
  runTasks: false,
  admin: false,
} as const;
const WRITE_PERMISSIONS = {
  ...READ_PERMISSIONS,
  runs: "apply",
  variables: "write",
  stateVersions: "write",
  sentinelMocks: "read",
  workspaceLocking: true,
} as const;
const LEVEL_PERMISSIONS: Record<string, CustomPermissions & { readonly admin: boolean }> = {
  read: READ_PERMISSIONS,
  plan: { ...READ_PERMISSIONS, runs: "plan" },
  write: WRITE_PERMISSIONS,
  admin: { ...WRITE_PERMISSIONS, runTasks: true, admin: true },
};
// The provider's values of each field, least first; admin on top of write.
const ORDER: Record<string, readonly unknown[]> = { ...PERMISSION_VALUES, admin: [false, true] };

function permissionsOf(access: Access): CustomPermissions & { readonly admin: boolean } {
  return typeof access === "string" ? LEVEL_PERMISSIONS[access] : { ...access, admin: false };
}

/** The permissions `after` grants that `before` did not (none: not widened); everything when there was none. */
export function widenedPermissions(before: Access | undefined, after: Access): string[] {
  const a = permissionsOf(after);
  if (before === undefined) return ["new access"];
  const b = permissionsOf(before);
  return Object.keys(ORDER).flatMap((field) => {
    const order = ORDER[field];
    const from = (b as unknown as Record<string, unknown>)[field];
    const to = (a as unknown as Record<string, unknown>)[field];
    return order.indexOf(to) > order.indexOf(from) ? [`${field} ${String(from)} -> ${String(to)}`] : [];
  });
}

/** Whether the access lets a team approve (apply) a run that waits: write, admin, or runs apply. */
export function canApprove(access: Access): boolean {
  return permissionsOf(access).runs === "apply";
}

/** The teams that can approve a workspace's waiting runs, besides the organization's owners. */
export function approversOf(grants: readonly TeamGrant[], key: string): string[] {
  return grants.filter((g) => g.workspaces.some((w) => w.key === key && canApprove(w.access))).map((g) => g.team);
}

/** An access as the plan shows it: the level, or the custom permissions field by field. */
export function accessText(access: Access): string {
  if (typeof access === "string") return access;
  return `custom (runs ${access.runs}, variables ${access.variables}, stateVersions ${access.stateVersions}, sentinelMocks ${access.sentinelMocks}, workspaceLocking ${access.workspaceLocking}, runTasks ${access.runTasks})`;
}

/**
 * Refuses a layer that auto-applies in a stack that waits for approval, unless the stack allows
 * it (`tfc-layers:allowLayerAutoApply`): prod stays gated by default.
 */
export function checkLayerAutoApply(
  stackAutoApply: boolean,
  allowed: boolean,
  layers: readonly { readonly name: string; readonly autoApply?: boolean }[],
): void {
  if (stackAutoApply || allowed) return;
  const layer = layers.find((l) => l.autoApply === true);
  if (layer) {
    throw new StackConfigError(
      `tfc-layers:layers (layer ${show(layer.name)}).autoApply true in a stack whose runs wait for approval: its runs would apply unreviewed; set tfc-layers:allowLayerAutoApply true if that is meant, or drop it`,
    );
  }
}

// The access part of the stack config: which teams may do what on which layer's workspaces
// (`tfc-layers:teams`). Teams are created outside the program; a team is named (looked up at
// preview) or given by id. The values are exactly the provider's (tfe_team_access v0.70.0).
// Rules in access.ts.
import { z } from "zod";
import { closest, TFC_NAME } from "../configValues";
import { StackConfigError, show } from "../errors";

export const TEAMS_KEY = "tfc-layers:teams";

/** The fixed access levels tfe_team_access takes (`custom` is what the provider sets itself). */
export const ACCESS_LEVELS = ["read", "plan", "write", "admin"] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** Custom permissions, every field of the provider's `permissions` block. */
export interface CustomPermissions {
  readonly runs: "read" | "plan" | "apply";
  readonly variables: "none" | "read" | "write";
  readonly stateVersions: "none" | "read-outputs" | "read" | "write";
  readonly sentinelMocks: "none" | "read";
  readonly workspaceLocking: boolean;
  readonly runTasks: boolean;
}

export type Access = AccessLevel | CustomPermissions;

/** Each field's values in the provider's order, and its least value (what an unset field gets). */
export const PERMISSION_VALUES = {
  runs: ["read", "plan", "apply"],
  variables: ["none", "read", "write"],
  stateVersions: ["none", "read-outputs", "read", "write"],
  sentinelMocks: ["none", "read"],
  workspaceLocking: [false, true],
  runTasks: [false, true],
} as const;
const PERMISSION_FIELDS = Object.keys(PERMISSION_VALUES) as (keyof CustomPermissions)[];

/** The layer key that covers every layer of the stack. */
export const EVERY_LAYER = "*";

export interface TeamConfig {
  /** As written: a team name, or a team id (`team-...`). */
  readonly team: string;
  /** Access by layer name, or EVERY_LAYER; a layer's own entry wins over EVERY_LAYER. */
  readonly layers: Readonly<Record<string, Access>>;
}

/** A team id as TFC gives them; anything else is a team name. */
export const TEAM_ID = /^team-[A-Za-z0-9]+$/;
/** What TFC accepts in a team name. */
const TEAM_NAME = TFC_NAME;

const EXAMPLE = "{release: {'*': write}, developers: {app: plan, network: read}}";
const CUSTOM_EXAMPLE = "{runs: plan, variables: read, stateVersions: read-outputs}";

/** The whole key as the stack file's editor sees it (for the JSON Schema). */
export const teamsFileSchema = z.record(
  z.string(),
  z.record(
    z.string(),
    z.union([
      z.enum(ACCESS_LEVELS),
      z.strictObject({
        runs: z.enum(PERMISSION_VALUES.runs).optional(),
        variables: z.enum(PERMISSION_VALUES.variables).optional(),
        stateVersions: z.enum(PERMISSION_VALUES.stateVersions).optional(),
        sentinelMocks: z.enum(PERMISSION_VALUES.sentinelMocks).optional(),
        workspaceLocking: z.boolean().optional(),
        runTasks: z.boolean().optional(),
      }),
    ]),
  ),
);

function readAccess(where: string, value: unknown): Access {
  if (typeof value === "string") {
    if ((ACCESS_LEVELS as readonly string[]).includes(value)) return value as AccessLevel;
    const hint =
      value === "custom"
        ? `write the permissions themselves, e.g. ${CUSTOM_EXAMPLE}`
        : `use one of ${ACCESS_LEVELS.join(", ")}, or custom permissions like ${CUSTOM_EXAMPLE}`;
    throw new StackConfigError(`${where} ${show(value)} is not an access level the provider takes: ${hint}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new StackConfigError(
      `${where} must be an access level (${ACCESS_LEVELS.join(", ")}) or custom permissions, got ${show(value)}: write it like ${EXAMPLE}`,
    );
  }
  const fields = value as Record<string, unknown>;
  if ("access" in fields) {
    throw new StackConfigError(
      `${where} gives the level ${show(fields.access)} beside custom permissions: the provider takes exactly one; write ${where} as the level alone or drop access`,
    );
  }
  const permissions: Record<string, unknown> = {};
  for (const [field, given] of Object.entries(fields)) {
    const allowed = PERMISSION_VALUES[field as keyof CustomPermissions] as readonly unknown[] | undefined;
    if (allowed === undefined) {
      const guess = closest(field, PERMISSION_FIELDS);
      throw new StackConfigError(
        `${where} has the unknown permission ${show(field)}: ${guess ? `did you mean ${show(guess)}?` : `custom permissions are ${PERMISSION_FIELDS.join(", ")}`}`,
      );
    }
    if (!allowed.includes(given)) {
      throw new StackConfigError(
        `${where}.${field} ${show(given)} is not a value the provider takes: use one of ${allowed.map((a) => String(a)).join(", ")}`,
      );
    }
    permissions[field] = given;
  }
  if (Object.keys(permissions).length === 0) {
    throw new StackConfigError(`${where} gives no permission: write it like ${CUSTOM_EXAMPLE}, or use a level`);
  }
  // The provider requires every field; one left out gets the least (as tfe_team_project_access documents).
  for (const field of PERMISSION_FIELDS) permissions[field] ??= PERMISSION_VALUES[field][0];
  return permissions as unknown as CustomPermissions;
}

/** Reads tfc-layers:teams; an empty list without it. */
export function readTeams(raw: string | undefined): TeamConfig[] {
  if (raw === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new StackConfigError(
      `${TEAMS_KEY} must be a map of team to layers, got ${show(raw)}: write it like ${EXAMPLE}`,
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new StackConfigError(
      `${TEAMS_KEY} must be a map of team to layers, got ${show(parsed)}: write it like ${EXAMPLE}`,
    );
  }
  return Object.entries(parsed as Record<string, unknown>).map(([team, layers]) => {
    const at = `${TEAMS_KEY}.${team}`;
    if (!TEAM_ID.test(team) && !TEAM_NAME.test(team)) {
      throw new StackConfigError(
        `${TEAMS_KEY} has the team ${show(team)}, which is neither a team name TFC accepts (letters, digits, "-", "_") nor a team id (team-...): give the team's name or id`,
      );
    }
    if (layers === null || typeof layers !== "object" || Array.isArray(layers) || Object.keys(layers).length === 0) {
      throw new StackConfigError(`${at} must map layers to access, got ${show(layers)}: write it like ${EXAMPLE}`);
    }
    return {
      team,
      layers: Object.fromEntries(
        Object.entries(layers as Record<string, unknown>).map(([layer, access]) => [
          layer,
          readAccess(`${at}.${layer}`, access),
        ]),
      ),
    };
  });
}

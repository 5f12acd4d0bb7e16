import * as pulumi from "@pulumi/pulumi";
import * as tfe from "@pulumi/tfe";
import type { TeamGrant } from "../topology/access/access";
import type { Access } from "../topology/access/accessConfig";
import { teamAccessName } from "../topology/names";
import type { FormerNames } from "./renames";

export interface TeamAccessArgs {
  readonly organization: string;
  readonly grants: readonly TeamGrant[];
  /** Workspace ids and TFC names by workspace key. */
  readonly workspaces: ReadonlyMap<string, { readonly id: pulumi.Input<string>; readonly name: string }>;
  /** Former TFC names of renamed workspaces: their team access stays. */
  readonly formerNames: FormerNames;
  /** The project the stack owns, when it does. */
  readonly projectId?: pulumi.Input<string>;
}

/** tfe_team_access takes a level or the permissions block, never both. */
function accessInputs(access: Access): Pick<tfe.TeamAccessArgs, "access" | "permissions"> {
  return typeof access === "string" ? { access } : { permissions: [{ ...access }] };
}

/**
 * Each team's access to the workspaces of the layers it is given, or once to the project. Teams
 * are created outside the program (the Free tier has only the owners team): a named team is
 * looked up at preview, so one that does not exist stops the preview there.
 */
export class TeamAccess extends pulumi.ComponentResource {
  constructor(name: string, args: TeamAccessArgs, opts?: pulumi.ComponentResourceOptions) {
    super("tfc-layers:components:TeamAccess", name, {}, opts);
    for (const grant of args.grants) {
      const teamId = grant.byId
        ? pulumi.output(grant.team)
        : tfe.getTeamOutput({ name: grant.team, organization: args.organization }, { parent: this }).id;
      if (grant.project !== undefined && args.projectId !== undefined) {
        const project = grant.project;
        new tfe.TeamProjectAccess(
          teamAccessName(grant.team, "project"),
          {
            teamId,
            projectId: args.projectId,
            access: project.access,
            // Custom carries the same workspace permissions and the least on the project itself.
            ...(project.access === "custom"
              ? {
                  projectAccesses: [{ settings: "read", teams: "none", variableSets: "none" }],
                  workspaceAccesses: [
                    {
                      runs: project.permissions.runs,
                      variables: project.permissions.variables,
                      stateVersions: project.permissions.stateVersions,
                      sentinelMocks: project.permissions.sentinelMocks,
                      locking: project.permissions.workspaceLocking,
                      runTasks: project.permissions.runTasks,
                      create: false,
                      move: false,
                      delete: false,
                    },
                  ],
                }
              : {}),
          },
          { parent: this },
        );
        continue;
      }
      for (const { key, access } of grant.workspaces) {
        const workspace = args.workspaces.get(key)!;
        const former = args.formerNames.get(workspace.name);
        new tfe.TeamAccess(
          teamAccessName(grant.team, workspace.name),
          { teamId, workspaceId: workspace.id, ...accessInputs(access) },
          { parent: this, aliases: former ? [{ name: teamAccessName(grant.team, former) }] : [] },
        );
      }
    }
    this.registerOutputs({});
  }
}

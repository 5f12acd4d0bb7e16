import * as pulumi from "@pulumi/pulumi";
import * as tfe from "@pulumi/tfe";
import { type FormerNames, renameAliases } from "./renames";

export interface SharedCredentialsArgs {
  readonly organization: string;
  /** TFC name of the variable set. */
  readonly variableSetName: string;
  /** Environment-variable names; known at preview time, so one variable per name. */
  readonly names: readonly string[];
  /** The values by name, as a secret. */
  readonly values: pulumi.Input<Record<string, string>>;
  /** Workspaces to attach the set to, by TFC workspace name (none when it goes to a project). */
  readonly workspaceIds: ReadonlyMap<string, pulumi.Input<string>>;
  /** Former TFC names of renamed workspaces: their attachments stay (deleting one detaches the set). */
  readonly formerNames: FormerNames;
  /** A project to attach the set to once, for all its workspaces. */
  readonly projectId?: pulumi.Input<string>;
}

/**
 * One variable set of sensitive environment variables, attached to each workspace given, or
 * once to their project.
 * Credentials reach runs only this way, never as outputs or plain variables.
 */
export class SharedCredentials extends pulumi.ComponentResource {
  readonly variableSetId: pulumi.Output<string>;

  constructor(name: string, args: SharedCredentialsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("tfc-layers:components:SharedCredentials", name, {}, opts);
    const variableSet = new tfe.VariableSet(
      `${name}-set`,
      {
        name: args.variableSetName,
        organization: args.organization,
        description: "Credentials shared with the layered workspaces, managed by tfc-layers.",
        global: false,
      },
      { parent: this },
    );
    const values = pulumi.secret(args.values);
    for (const key of args.names) {
      new tfe.Variable(
        `${name}-${key}`,
        {
          key,
          category: "env",
          sensitive: true,
          value: pulumi.secret(values.apply((all) => all[key])),
          variableSetId: variableSet.id,
        },
        { parent: this },
      );
    }
    for (const [workspaceName, workspaceId] of args.workspaceIds) {
      new tfe.WorkspaceVariableSet(
        `${name}-${workspaceName}`,
        { variableSetId: variableSet.id, workspaceId },
        { parent: this, aliases: renameAliases(name, workspaceName, args.formerNames) },
      );
    }
    if (args.projectId !== undefined) {
      new tfe.ProjectVariableSet(
        `${name}-project`,
        { variableSetId: variableSet.id, projectId: args.projectId },
        { parent: this },
      );
    }
    this.variableSetId = variableSet.id;
    this.registerOutputs({ variableSetId: this.variableSetId });
  }
}

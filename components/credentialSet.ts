import * as pulumi from "@pulumi/pulumi";
import * as tfe from "@pulumi/tfe";
import type { CredentialVariableSet } from "../topology/credentials/credentials";
import type { FormerNames } from "./renames";

export interface CredentialSetArgs {
  readonly organization: string;
  readonly plan: CredentialVariableSet;
  /** A static set's values by variable name, as a secret; read only for a static set. */
  readonly secretValues?: () => pulumi.Output<Record<string, string>>;
  /** The workspaces to attach it to, by TFC name (none when it goes to the project). */
  readonly workspaceIds: ReadonlyMap<string, pulumi.Input<string>>;
  readonly projectId?: pulumi.Input<string>;
  /** Former TFC names of renamed workspaces: their attachments stay. */
  readonly formerNames: FormerNames;
}

/**
 * One named credential set as one variable set, with priority so that no workspace variable or
 * other set can silently override it (unless a static set says otherwise: then a workspace's own
 * variables win, as they did before adoption), attached only where its layers' workspaces are. A dynamic
 * set's variables (role ARNs, client ids) are plain and readable; a static set's are sensitive.
 */
export class CredentialSet extends pulumi.ComponentResource {
  readonly variableSetId: pulumi.Output<string>;

  constructor(name: string, args: CredentialSetArgs, opts?: pulumi.ComponentResourceOptions) {
    const { plan } = args;
    // A set per workspace is named after it: a rename keeps the set and everything in it.
    const former = plan.formerResourceName;
    super("tfc-layers:components:CredentialSet", name, {}, { ...opts, aliases: former ? [{ name: former }] : [] });
    const kept = (child: string) => (former ? [{ name: `${former}/${child}` }] : []);
    const variableSet = new tfe.VariableSet(
      `${name}/set`,
      {
        name: plan.tfcName,
        organization: args.organization,
        description: `Credential set ${plan.set} (${plan.kind}), managed by tfc-layers.`,
        global: false,
        priority: plan.priority,
      },
      { parent: this, aliases: kept("set") },
    );
    for (const { key, value } of plan.variables) {
      new tfe.Variable(
        `${name}/${key}`,
        { key, value, category: "env", sensitive: false, variableSetId: variableSet.id },
        { parent: this, aliases: kept(key) },
      );
    }
    if (plan.secretNames.length > 0) {
      const values = pulumi.secret(args.secretValues!());
      for (const key of plan.secretNames) {
        new tfe.Variable(
          `${name}/${key}`,
          {
            key,
            category: "env",
            sensitive: true,
            value: pulumi.secret(values.apply((all) => all[key])),
            variableSetId: variableSet.id,
          },
          { parent: this, aliases: kept(key) },
        );
      }
    }
    for (const [workspaceName, workspaceId] of args.workspaceIds) {
      const formerWorkspace = args.formerNames.get(workspaceName);
      new tfe.WorkspaceVariableSet(
        `${name}/${workspaceName}`,
        { variableSetId: variableSet.id, workspaceId },
        { parent: this, aliases: formerWorkspace ? [{ name: `${former ?? name}/${formerWorkspace}` }] : [] },
      );
    }
    if (args.projectId !== undefined) {
      new tfe.ProjectVariableSet(
        `${name}/project`,
        { variableSetId: variableSet.id, projectId: args.projectId },
        { parent: this },
      );
    }
    this.variableSetId = variableSet.id;
    this.registerOutputs({ variableSetId: this.variableSetId });
  }
}

import * as pulumi from "@pulumi/pulumi";
import * as tfe from "@pulumi/tfe";
import { CONTRACT_VARIABLE, contractVariableValue, type UpstreamPlace } from "../hcl/expressions";
import { type FormerNames, renameAliases } from "./renames";

export interface ContractInputsArgs {
  /** Where the upstreams are: host (TFC or Terraform Enterprise), organization, environment. */
  readonly place: UpstreamPlace;
  /** The cells of each cell layer, by layer. */
  readonly cells: ReadonlyMap<string, readonly string[]>;
  /** The workspaces that read upstream state, by TFC name. */
  readonly workspaceIds: ReadonlyMap<string, pulumi.Input<string>>;
  /** The former TFC name of a renamed workspace, by its current name: its variable keeps its identity. */
  readonly formerNames: FormerNames;
}

/**
 * The Terraform variable the generated remote-state reads take their upstreams' names from: one
 * per reading workspace, so the same code reads network-a-dev in dev and network-a-prod in prod.
 */
export class ContractInputs extends pulumi.ComponentResource {
  /** The variable of each reading workspace, by TFC name. */
  readonly variables: ReadonlyMap<string, tfe.Variable>;

  constructor(name: string, args: ContractInputsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("tfc-layers:components:ContractInputs", name, {}, opts);
    const value = contractVariableValue(args.place, args.cells);
    const variables = new Map<string, tfe.Variable>();
    for (const [workspaceName, workspaceId] of args.workspaceIds) {
      variables.set(
        workspaceName,
        new tfe.Variable(
          `${name}-${workspaceName}`,
          {
            key: CONTRACT_VARIABLE,
            value,
            category: "terraform",
            hcl: true,
            sensitive: false,
            workspaceId,
            description: "Where this workspace's upstreams are: read by the remote-state blocks tfc-layers generates.",
          },
          { parent: this, aliases: renameAliases(name, workspaceName, args.formerNames) },
        ),
      );
    }
    this.variables = variables;
    this.registerOutputs({});
  }
}

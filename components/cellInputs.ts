import * as pulumi from "@pulumi/pulumi";
import * as tfe from "@pulumi/tfe";
import { CELL_VARIABLE, cellVariableValue } from "../hcl/expressions";
import type { Cell } from "../topology/cells/cellsConfig";
import { type FormerNames, renameAliases } from "./renames";

export interface CellInputsArgs {
  /** The cell of each workspace of a cell layer, with its id, by TFC name. */
  readonly workspaces: ReadonlyMap<string, { readonly id: pulumi.Input<string>; readonly cell: Cell }>;
  readonly formerNames: FormerNames;
}

/**
 * The Terraform variable that tells a cell workspace its cell (name and values), so one working
 * directory serves every cell: `var.tfc_cell.values.region`. Not sensitive: it names places.
 */
export class CellInputs extends pulumi.ComponentResource {
  /** The variable of each cell workspace, by TFC name. */
  readonly variables: ReadonlyMap<string, tfe.Variable>;

  constructor(name: string, args: CellInputsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("tfc-layers:components:CellInputs", name, {}, opts);
    const variables = new Map<string, tfe.Variable>();
    for (const [workspaceName, { id, cell }] of args.workspaces) {
      variables.set(
        workspaceName,
        new tfe.Variable(
          `${name}-${workspaceName}`,
          {
            key: CELL_VARIABLE,
            value: cellVariableValue(cell),
            category: "terraform",
            hcl: true,
            sensitive: false,
            workspaceId: id,
            description: "The cell this workspace serves, set by tfc-layers: its name and values.",
          },
          { parent: this, aliases: renameAliases(name, workspaceName, args.formerNames) },
        ),
      );
    }
    this.variables = variables;
    this.registerOutputs({});
  }
}

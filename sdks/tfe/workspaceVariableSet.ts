import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

/**
 * Attaches a variable set to a workspace.
 *
 * Terraform resource `tfe_workspace_variable_set`; token `tfe:index/workspaceVariableSet:WorkspaceVariableSet`.
 */
export class WorkspaceVariableSet extends pulumi.CustomResource {
    /**
     * Get an existing WorkspaceVariableSet resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param state Any extra arguments used during the lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, state?: WorkspaceVariableSetState, opts?: pulumi.CustomResourceOptions): WorkspaceVariableSet {
        return new WorkspaceVariableSet(name, <any>state, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "tfe:index/workspaceVariableSet:WorkspaceVariableSet";

    /**
     * Returns true if the given object is an instance of WorkspaceVariableSet. This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is WorkspaceVariableSet {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj["__pulumiType"] === WorkspaceVariableSet.__pulumiType;
    }

    /**
     * ID of the variable set. Changing it replaces the attachment.
     */
    declare public readonly variableSetId: pulumi.Output<string>;
    /**
     * ID of the workspace. Changing it replaces the attachment.
     */
    declare public readonly workspaceId: pulumi.Output<string>;

    /**
     * Create a WorkspaceVariableSet resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: WorkspaceVariableSetArgs, opts?: pulumi.CustomResourceOptions)
    constructor(name: string, argsOrState?: WorkspaceVariableSetArgs | WorkspaceVariableSetState, opts?: pulumi.CustomResourceOptions) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (opts.id) {
            const state = argsOrState as WorkspaceVariableSetState | undefined;
            resourceInputs["variableSetId"] = state ? state.variableSetId : undefined;
            resourceInputs["workspaceId"] = state ? state.workspaceId : undefined;
        } else {
            const args = argsOrState as WorkspaceVariableSetArgs | undefined;
            if ((!args || args.variableSetId === undefined) && !opts.urn) {
                throw new Error("Missing required property 'variableSetId'");
            }
            if ((!args || args.workspaceId === undefined) && !opts.urn) {
                throw new Error("Missing required property 'workspaceId'");
            }
            resourceInputs["variableSetId"] = args ? args.variableSetId : undefined;
            resourceInputs["workspaceId"] = args ? args.workspaceId : undefined;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(WorkspaceVariableSet.__pulumiType, name, resourceInputs, opts, false /*dependency*/, utilities.getPackage());
    }
}

/**
 * Input properties used for looking up and filtering WorkspaceVariableSet resources.
 */
export interface WorkspaceVariableSetState {
    /**
     * ID of the variable set. Changing it replaces the attachment.
     */
    variableSetId?: pulumi.Input<string>;
    /**
     * ID of the workspace. Changing it replaces the attachment.
     */
    workspaceId?: pulumi.Input<string>;
}

/**
 * The set of arguments for constructing a WorkspaceVariableSet resource.
 */
export interface WorkspaceVariableSetArgs {
    /**
     * ID of the variable set. Changing it replaces the attachment.
     */
    variableSetId: pulumi.Input<string>;
    /**
     * ID of the workspace. Changing it replaces the attachment.
     */
    workspaceId: pulumi.Input<string>;
}

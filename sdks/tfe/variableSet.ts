import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

/**
 * Creates, updates and destroys variable sets.
 *
 * Terraform resource `tfe_variable_set`; token `tfe:index/variableSet:VariableSet`.
 */
export class VariableSet extends pulumi.CustomResource {
    /**
     * Get an existing VariableSet resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param state Any extra arguments used during the lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, state?: VariableSetState, opts?: pulumi.CustomResourceOptions): VariableSet {
        return new VariableSet(name, <any>state, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "tfe:index/variableSet:VariableSet";

    /**
     * Returns true if the given object is an instance of VariableSet. This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is VariableSet {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj["__pulumiType"] === VariableSet.__pulumiType;
    }

    /**
     * Description of the variable set.
     */
    declare public readonly description: pulumi.Output<string | undefined>;
    /**
     * Whether the variable set applies to all workspaces in the organization. Defaults to false.
     */
    declare public readonly global: pulumi.Output<boolean | undefined>;
    /**
     * Name of the variable set.
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * Name of the organization. Changing it replaces the variable set.
     */
    declare public readonly organization: pulumi.Output<string>;
    /**
     * ID of the project that owns the variable set. Changing it replaces the variable set.
     */
    declare public readonly parentProjectId: pulumi.Output<string>;
    /**
     * Whether the values of this set override workspace variables. Defaults to false.
     */
    declare public readonly priority: pulumi.Output<boolean | undefined>;
    /**
     * IDs of the workspaces that use the variable set.
     *
     * @deprecated Use tfe.WorkspaceVariableSet instead.
     */
    declare public readonly workspaceIds: pulumi.Output<string[]>;

    /**
     * Create a VariableSet resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args?: VariableSetArgs, opts?: pulumi.CustomResourceOptions)
    constructor(name: string, argsOrState?: VariableSetArgs | VariableSetState, opts?: pulumi.CustomResourceOptions) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (opts.id) {
            const state = argsOrState as VariableSetState | undefined;
            resourceInputs["description"] = state ? state.description : undefined;
            resourceInputs["global"] = state ? state.global : undefined;
            resourceInputs["name"] = state ? state.name : undefined;
            resourceInputs["organization"] = state ? state.organization : undefined;
            resourceInputs["parentProjectId"] = state ? state.parentProjectId : undefined;
            resourceInputs["priority"] = state ? state.priority : undefined;
            resourceInputs["workspaceIds"] = state ? state.workspaceIds : undefined;
        } else {
            const args = argsOrState as VariableSetArgs | undefined;
            resourceInputs["description"] = args ? args.description : undefined;
            resourceInputs["global"] = args ? args.global : undefined;
            resourceInputs["name"] = args ? args.name : undefined;
            resourceInputs["organization"] = args ? args.organization : undefined;
            resourceInputs["parentProjectId"] = args ? args.parentProjectId : undefined;
            resourceInputs["priority"] = args ? args.priority : undefined;
            resourceInputs["workspaceIds"] = args ? args.workspaceIds : undefined;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(VariableSet.__pulumiType, name, resourceInputs, opts, false /*dependency*/, utilities.getPackage());
    }
}

/**
 * Input properties used for looking up and filtering VariableSet resources.
 */
export interface VariableSetState {
    /**
     * Description of the variable set.
     */
    description?: pulumi.Input<string>;
    /**
     * Whether the variable set applies to all workspaces in the organization. Defaults to false.
     */
    global?: pulumi.Input<boolean>;
    /**
     * Name of the variable set.
     */
    name?: pulumi.Input<string>;
    /**
     * Name of the organization. Changing it replaces the variable set.
     */
    organization?: pulumi.Input<string>;
    /**
     * ID of the project that owns the variable set. Changing it replaces the variable set.
     */
    parentProjectId?: pulumi.Input<string>;
    /**
     * Whether the values of this set override workspace variables. Defaults to false.
     */
    priority?: pulumi.Input<boolean>;
    /**
     * IDs of the workspaces that use the variable set.
     *
     * @deprecated Use tfe.WorkspaceVariableSet instead.
     */
    workspaceIds?: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * The set of arguments for constructing a VariableSet resource.
 */
export interface VariableSetArgs {
    /**
     * Description of the variable set.
     */
    description?: pulumi.Input<string>;
    /**
     * Whether the variable set applies to all workspaces in the organization. Defaults to false.
     */
    global?: pulumi.Input<boolean>;
    /**
     * Name of the variable set.
     */
    name?: pulumi.Input<string>;
    /**
     * Name of the organization. Changing it replaces the variable set.
     */
    organization?: pulumi.Input<string>;
    /**
     * ID of the project that owns the variable set. Changing it replaces the variable set.
     */
    parentProjectId?: pulumi.Input<string>;
    /**
     * Whether the values of this set override workspace variables. Defaults to false.
     */
    priority?: pulumi.Input<boolean>;
    /**
     * IDs of the workspaces that use the variable set.
     *
     * @deprecated Use tfe.WorkspaceVariableSet instead.
     */
    workspaceIds?: pulumi.Input<pulumi.Input<string>[]>;
}

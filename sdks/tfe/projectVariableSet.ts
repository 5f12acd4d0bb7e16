import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

/**
 * Attaches a variable set to a project.
 *
 * Terraform resource `tfe_project_variable_set`; token `tfe:index/projectVariableSet:ProjectVariableSet`.
 */
export class ProjectVariableSet extends pulumi.CustomResource {
    /**
     * Get an existing ProjectVariableSet resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param state Any extra arguments used during the lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, state?: ProjectVariableSetState, opts?: pulumi.CustomResourceOptions): ProjectVariableSet {
        return new ProjectVariableSet(name, <any>state, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "tfe:index/projectVariableSet:ProjectVariableSet";

    /**
     * Returns true if the given object is an instance of ProjectVariableSet. This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is ProjectVariableSet {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj["__pulumiType"] === ProjectVariableSet.__pulumiType;
    }

    /**
     * ID of the project. Changing it replaces the attachment.
     */
    declare public readonly projectId: pulumi.Output<string>;
    /**
     * ID of the variable set. Changing it replaces the attachment.
     */
    declare public readonly variableSetId: pulumi.Output<string>;

    /**
     * Create a ProjectVariableSet resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: ProjectVariableSetArgs, opts?: pulumi.CustomResourceOptions)
    constructor(name: string, argsOrState?: ProjectVariableSetArgs | ProjectVariableSetState, opts?: pulumi.CustomResourceOptions) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (opts.id) {
            const state = argsOrState as ProjectVariableSetState | undefined;
            resourceInputs["projectId"] = state ? state.projectId : undefined;
            resourceInputs["variableSetId"] = state ? state.variableSetId : undefined;
        } else {
            const args = argsOrState as ProjectVariableSetArgs | undefined;
            if ((!args || args.projectId === undefined) && !opts.urn) {
                throw new Error("Missing required property 'projectId'");
            }
            if ((!args || args.variableSetId === undefined) && !opts.urn) {
                throw new Error("Missing required property 'variableSetId'");
            }
            resourceInputs["projectId"] = args ? args.projectId : undefined;
            resourceInputs["variableSetId"] = args ? args.variableSetId : undefined;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(ProjectVariableSet.__pulumiType, name, resourceInputs, opts, false /*dependency*/, utilities.getPackage());
    }
}

/**
 * Input properties used for looking up and filtering ProjectVariableSet resources.
 */
export interface ProjectVariableSetState {
    /**
     * ID of the project. Changing it replaces the attachment.
     */
    projectId?: pulumi.Input<string>;
    /**
     * ID of the variable set. Changing it replaces the attachment.
     */
    variableSetId?: pulumi.Input<string>;
}

/**
 * The set of arguments for constructing a ProjectVariableSet resource.
 */
export interface ProjectVariableSetArgs {
    /**
     * ID of the project. Changing it replaces the attachment.
     */
    projectId: pulumi.Input<string>;
    /**
     * ID of the variable set. Changing it replaces the attachment.
     */
    variableSetId: pulumi.Input<string>;
}

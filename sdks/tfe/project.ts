import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

/**
 * Provides a project resource.
 *
 * Terraform resource `tfe_project`; token `tfe:index/project:Project`.
 */
export class Project extends pulumi.CustomResource {
    /**
     * Get an existing Project resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param state Any extra arguments used during the lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, state?: ProjectState, opts?: pulumi.CustomResourceOptions): Project {
        return new Project(name, <any>state, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "tfe:index/project:Project";

    /**
     * Returns true if the given object is an instance of Project. This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is Project {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj["__pulumiType"] === Project.__pulumiType;
    }

    /**
     * A description for the project.
     */
    declare public readonly description: pulumi.Output<string>;
    /**
     * Name of the project (3 to 40 characters).
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * Name of the organization. Changing it replaces the project.
     */
    declare public readonly organization: pulumi.Output<string>;
    /**
     * A map of key value tags for this project.
     */
    declare public readonly tags: pulumi.Output<{[key: string]: string}>;

    /**
     * Create a Project resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args?: ProjectArgs, opts?: pulumi.CustomResourceOptions)
    constructor(name: string, argsOrState?: ProjectArgs | ProjectState, opts?: pulumi.CustomResourceOptions) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (opts.id) {
            const state = argsOrState as ProjectState | undefined;
            resourceInputs["description"] = state ? state.description : undefined;
            resourceInputs["name"] = state ? state.name : undefined;
            resourceInputs["organization"] = state ? state.organization : undefined;
            resourceInputs["tags"] = state ? state.tags : undefined;
        } else {
            const args = argsOrState as ProjectArgs | undefined;
            resourceInputs["description"] = args ? args.description : undefined;
            resourceInputs["name"] = args ? args.name : undefined;
            resourceInputs["organization"] = args ? args.organization : undefined;
            resourceInputs["tags"] = args ? args.tags : undefined;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(Project.__pulumiType, name, resourceInputs, opts, false /*dependency*/, utilities.getPackage());
    }
}

/**
 * Input properties used for looking up and filtering Project resources.
 */
export interface ProjectState {
    /**
     * A description for the project.
     */
    description?: pulumi.Input<string>;
    /**
     * Name of the project (3 to 40 characters).
     */
    name?: pulumi.Input<string>;
    /**
     * Name of the organization. Changing it replaces the project.
     */
    organization?: pulumi.Input<string>;
    /**
     * A map of key value tags for this project.
     */
    tags?: pulumi.Input<{[key: string]: pulumi.Input<string>}>;
}

/**
 * The set of arguments for constructing a Project resource.
 */
export interface ProjectArgs {
    /**
     * A description for the project.
     */
    description?: pulumi.Input<string>;
    /**
     * Name of the project (3 to 40 characters).
     */
    name?: pulumi.Input<string>;
    /**
     * Name of the organization. Changing it replaces the project.
     */
    organization?: pulumi.Input<string>;
    /**
     * A map of key value tags for this project.
     */
    tags?: pulumi.Input<{[key: string]: pulumi.Input<string>}>;
}

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
import * as utilities from "./utilities";

/**
 * Queues an apply run when created and a destroy run when destroyed.
 *
 * Terraform resource `tfe_workspace_run`; token `tfe:index/workspaceRun:WorkspaceRun`.
 */
export class WorkspaceRun extends pulumi.CustomResource {
    /**
     * Get an existing WorkspaceRun resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param state Any extra arguments used during the lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, state?: WorkspaceRunState, opts?: pulumi.CustomResourceOptions): WorkspaceRun {
        return new WorkspaceRun(name, <any>state, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "tfe:index/workspaceRun:WorkspaceRun";

    /**
     * Returns true if the given object is an instance of WorkspaceRun. This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is WorkspaceRun {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj["__pulumiType"] === WorkspaceRun.__pulumiType;
    }

    /**
     * Settings for the run queued when the resource is created.
     */
    declare public readonly apply: pulumi.Output<outputs.WorkspaceRunApply | undefined>;
    /**
     * Settings for the destroy run queued when the resource is destroyed.
     */
    declare public readonly destroy: pulumi.Output<outputs.WorkspaceRunDestroy | undefined>;
    /**
     * ID of the workspace to execute the run in.
     */
    declare public readonly workspaceId: pulumi.Output<string>;

    /**
     * Create a WorkspaceRun resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: WorkspaceRunArgs, opts?: pulumi.CustomResourceOptions)
    constructor(name: string, argsOrState?: WorkspaceRunArgs | WorkspaceRunState, opts?: pulumi.CustomResourceOptions) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (opts.id) {
            const state = argsOrState as WorkspaceRunState | undefined;
            resourceInputs["apply"] = state ? state.apply : undefined;
            resourceInputs["destroy"] = state ? state.destroy : undefined;
            resourceInputs["workspaceId"] = state ? state.workspaceId : undefined;
        } else {
            const args = argsOrState as WorkspaceRunArgs | undefined;
            if ((!args || args.workspaceId === undefined) && !opts.urn) {
                throw new Error("Missing required property 'workspaceId'");
            }
            resourceInputs["apply"] = args ? args.apply : undefined;
            resourceInputs["destroy"] = args ? args.destroy : undefined;
            resourceInputs["workspaceId"] = args ? args.workspaceId : undefined;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(WorkspaceRun.__pulumiType, name, resourceInputs, opts, false /*dependency*/, utilities.getPackage());
    }
}

/**
 * Input properties used for looking up and filtering WorkspaceRun resources.
 */
export interface WorkspaceRunState {
    /**
     * Settings for the run queued when the resource is created.
     */
    apply?: pulumi.Input<inputs.WorkspaceRunApply>;
    /**
     * Settings for the destroy run queued when the resource is destroyed.
     */
    destroy?: pulumi.Input<inputs.WorkspaceRunDestroy>;
    /**
     * ID of the workspace to execute the run in.
     */
    workspaceId?: pulumi.Input<string>;
}

/**
 * The set of arguments for constructing a WorkspaceRun resource.
 */
export interface WorkspaceRunArgs {
    /**
     * Settings for the run queued when the resource is created.
     */
    apply?: pulumi.Input<inputs.WorkspaceRunApply>;
    /**
     * Settings for the destroy run queued when the resource is destroyed.
     */
    destroy?: pulumi.Input<inputs.WorkspaceRunDestroy>;
    /**
     * ID of the workspace to execute the run in.
     */
    workspaceId: pulumi.Input<string>;
}

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

/**
 * Provides a run trigger: a successful apply in the sourceable workspace queues a run in the workspace.
 *
 * Terraform resource `tfe_run_trigger`; token `tfe:index/runTrigger:RunTrigger`.
 */
export class RunTrigger extends pulumi.CustomResource {
    /**
     * Get an existing RunTrigger resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param state Any extra arguments used during the lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, state?: RunTriggerState, opts?: pulumi.CustomResourceOptions): RunTrigger {
        return new RunTrigger(name, <any>state, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "tfe:index/runTrigger:RunTrigger";

    /**
     * Returns true if the given object is an instance of RunTrigger. This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is RunTrigger {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj["__pulumiType"] === RunTrigger.__pulumiType;
    }

    /**
     * The ID of the source workspace (the upstream). Changing it replaces the trigger.
     */
    declare public readonly sourceableId: pulumi.Output<string>;
    /**
     * The ID of the workspace that owns the trigger, where runs queue (the downstream).
     */
    declare public readonly workspaceId: pulumi.Output<string>;

    /**
     * Create a RunTrigger resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: RunTriggerArgs, opts?: pulumi.CustomResourceOptions)
    constructor(name: string, argsOrState?: RunTriggerArgs | RunTriggerState, opts?: pulumi.CustomResourceOptions) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (opts.id) {
            const state = argsOrState as RunTriggerState | undefined;
            resourceInputs["sourceableId"] = state ? state.sourceableId : undefined;
            resourceInputs["workspaceId"] = state ? state.workspaceId : undefined;
        } else {
            const args = argsOrState as RunTriggerArgs | undefined;
            if ((!args || args.sourceableId === undefined) && !opts.urn) {
                throw new Error("Missing required property 'sourceableId'");
            }
            if ((!args || args.workspaceId === undefined) && !opts.urn) {
                throw new Error("Missing required property 'workspaceId'");
            }
            resourceInputs["sourceableId"] = args ? args.sourceableId : undefined;
            resourceInputs["workspaceId"] = args ? args.workspaceId : undefined;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(RunTrigger.__pulumiType, name, resourceInputs, opts, false /*dependency*/, utilities.getPackage());
    }
}

/**
 * Input properties used for looking up and filtering RunTrigger resources.
 */
export interface RunTriggerState {
    /**
     * The ID of the source workspace (the upstream). Changing it replaces the trigger.
     */
    sourceableId?: pulumi.Input<string>;
    /**
     * The ID of the workspace that owns the trigger, where runs queue (the downstream).
     */
    workspaceId?: pulumi.Input<string>;
}

/**
 * The set of arguments for constructing a RunTrigger resource.
 */
export interface RunTriggerArgs {
    /**
     * The ID of the source workspace (the upstream). Changing it replaces the trigger.
     */
    sourceableId: pulumi.Input<string>;
    /**
     * The ID of the workspace that owns the trigger, where runs queue (the downstream).
     */
    workspaceId: pulumi.Input<string>;
}

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
import * as utilities from "./utilities";

/**
 * Manages the settings of a workspace: execution mode, agent pool and remote-state sharing.
 *
 * Terraform resource `tfe_workspace_settings`; token `tfe:index/workspaceSettings:WorkspaceSettings`.
 */
export class WorkspaceSettings extends pulumi.CustomResource {
    /**
     * Get an existing WorkspaceSettings resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param state Any extra arguments used during the lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, state?: WorkspaceSettingsState, opts?: pulumi.CustomResourceOptions): WorkspaceSettings {
        return new WorkspaceSettings(name, <any>state, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "tfe:index/workspaceSettings:WorkspaceSettings";

    /**
     * Returns true if the given object is an instance of WorkspaceSettings. This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is WorkspaceSettings {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj["__pulumiType"] === WorkspaceSettings.__pulumiType;
    }

    /**
     * The ID of an agent pool to assign to the workspace; requires executionMode agent.
     */
    declare public readonly agentPoolId: pulumi.Output<string>;
    /**
     * Whether health assessments run for this workspace.
     */
    declare public readonly assessmentsEnabled: pulumi.Output<boolean>;
    /**
     * Whether to automatically apply changes when a Terraform plan is successful.
     */
    declare public readonly autoApply: pulumi.Output<boolean>;
    /**
     * A description for the workspace.
     */
    declare public readonly description: pulumi.Output<string>;
    /**
     * Which execution mode to use: remote, agent or local.
     */
    declare public readonly executionMode: pulumi.Output<string>;
    /**
     * Whether the workspace allows all workspaces in the organization to access its state data.
     */
    declare public readonly globalRemoteState: pulumi.Output<boolean>;
    /**
     * Which settings this resource overwrites instead of inheriting from the organization or project.
     */
    declare public readonly overwrites: pulumi.Output<outputs.WorkspaceSettingsOverwrite[]>;
    /**
     * The set of workspace IDs that can access this workspace's state; honoured only when globalRemoteState is false.
     */
    declare public readonly remoteStateConsumerIds: pulumi.Output<string[]>;
    /**
     * A map of key value tags for this workspace.
     */
    declare public readonly tags: pulumi.Output<{[key: string]: string}>;
    /**
     * ID of the workspace. Changing it replaces the settings.
     */
    declare public readonly workspaceId: pulumi.Output<string>;

    /**
     * Create a WorkspaceSettings resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: WorkspaceSettingsArgs, opts?: pulumi.CustomResourceOptions)
    constructor(name: string, argsOrState?: WorkspaceSettingsArgs | WorkspaceSettingsState, opts?: pulumi.CustomResourceOptions) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (opts.id) {
            const state = argsOrState as WorkspaceSettingsState | undefined;
            resourceInputs["agentPoolId"] = state ? state.agentPoolId : undefined;
            resourceInputs["assessmentsEnabled"] = state ? state.assessmentsEnabled : undefined;
            resourceInputs["autoApply"] = state ? state.autoApply : undefined;
            resourceInputs["description"] = state ? state.description : undefined;
            resourceInputs["executionMode"] = state ? state.executionMode : undefined;
            resourceInputs["globalRemoteState"] = state ? state.globalRemoteState : undefined;
            resourceInputs["overwrites"] = state ? state.overwrites : undefined;
            resourceInputs["remoteStateConsumerIds"] = state ? state.remoteStateConsumerIds : undefined;
            resourceInputs["tags"] = state ? state.tags : undefined;
            resourceInputs["workspaceId"] = state ? state.workspaceId : undefined;
        } else {
            const args = argsOrState as WorkspaceSettingsArgs | undefined;
            if ((!args || args.workspaceId === undefined) && !opts.urn) {
                throw new Error("Missing required property 'workspaceId'");
            }
            resourceInputs["agentPoolId"] = args ? args.agentPoolId : undefined;
            resourceInputs["assessmentsEnabled"] = args ? args.assessmentsEnabled : undefined;
            resourceInputs["autoApply"] = args ? args.autoApply : undefined;
            resourceInputs["description"] = args ? args.description : undefined;
            resourceInputs["executionMode"] = args ? args.executionMode : undefined;
            resourceInputs["globalRemoteState"] = args ? args.globalRemoteState : undefined;
            resourceInputs["remoteStateConsumerIds"] = args ? args.remoteStateConsumerIds : undefined;
            resourceInputs["tags"] = args ? args.tags : undefined;
            resourceInputs["workspaceId"] = args ? args.workspaceId : undefined;
            resourceInputs["overwrites"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(WorkspaceSettings.__pulumiType, name, resourceInputs, opts, false /*dependency*/, utilities.getPackage());
    }
}

/**
 * Input properties used for looking up and filtering WorkspaceSettings resources.
 */
export interface WorkspaceSettingsState {
    /**
     * The ID of an agent pool to assign to the workspace; requires executionMode agent.
     */
    agentPoolId?: pulumi.Input<string>;
    /**
     * Whether health assessments run for this workspace.
     */
    assessmentsEnabled?: pulumi.Input<boolean>;
    /**
     * Whether to automatically apply changes when a Terraform plan is successful.
     */
    autoApply?: pulumi.Input<boolean>;
    /**
     * A description for the workspace.
     */
    description?: pulumi.Input<string>;
    /**
     * Which execution mode to use: remote, agent or local.
     */
    executionMode?: pulumi.Input<string>;
    /**
     * Whether the workspace allows all workspaces in the organization to access its state data.
     */
    globalRemoteState?: pulumi.Input<boolean>;
    /**
     * Which settings this resource overwrites instead of inheriting from the organization or project.
     */
    overwrites?: pulumi.Input<pulumi.Input<inputs.WorkspaceSettingsOverwrite>[]>;
    /**
     * The set of workspace IDs that can access this workspace's state; honoured only when globalRemoteState is false.
     */
    remoteStateConsumerIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * A map of key value tags for this workspace.
     */
    tags?: pulumi.Input<{[key: string]: pulumi.Input<string>}>;
    /**
     * ID of the workspace. Changing it replaces the settings.
     */
    workspaceId?: pulumi.Input<string>;
}

/**
 * The set of arguments for constructing a WorkspaceSettings resource.
 */
export interface WorkspaceSettingsArgs {
    /**
     * The ID of an agent pool to assign to the workspace; requires executionMode agent.
     */
    agentPoolId?: pulumi.Input<string>;
    /**
     * Whether health assessments run for this workspace.
     */
    assessmentsEnabled?: pulumi.Input<boolean>;
    /**
     * Whether to automatically apply changes when a Terraform plan is successful.
     */
    autoApply?: pulumi.Input<boolean>;
    /**
     * A description for the workspace.
     */
    description?: pulumi.Input<string>;
    /**
     * Which execution mode to use: remote, agent or local.
     */
    executionMode?: pulumi.Input<string>;
    /**
     * Whether the workspace allows all workspaces in the organization to access its state data.
     */
    globalRemoteState?: pulumi.Input<boolean>;
    /**
     * The set of workspace IDs that can access this workspace's state; honoured only when globalRemoteState is false.
     */
    remoteStateConsumerIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * A map of key value tags for this workspace.
     */
    tags?: pulumi.Input<{[key: string]: pulumi.Input<string>}>;
    /**
     * ID of the workspace. Changing it replaces the settings.
     */
    workspaceId: pulumi.Input<string>;
}

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
import * as utilities from "./utilities";

/**
 * Provides a workspace resource.
 *
 * Terraform resource `tfe_workspace`; token `tfe:index/workspace:Workspace`.
 */
export class Workspace extends pulumi.CustomResource {
    /**
     * Get an existing Workspace resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param state Any extra arguments used during the lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, state?: WorkspaceState, opts?: pulumi.CustomResourceOptions): Workspace {
        return new Workspace(name, <any>state, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "tfe:index/workspace:Workspace";

    /**
     * Returns true if the given object is an instance of Workspace. This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is Workspace {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj["__pulumiType"] === Workspace.__pulumiType;
    }

    /**
     * The id of an agent pool to assign to the workspace.
     *
     * @deprecated Use tfe.WorkspaceSettings instead.
     */
    declare public readonly agentPoolId: pulumi.Output<string>;
    /**
     * Whether destroy plans can be queued on the workspace.
     */
    declare public readonly allowDestroyPlan: pulumi.Output<boolean | undefined>;
    /**
     * Whether health assessments (drift detection) run for this workspace.
     */
    declare public readonly assessmentsEnabled: pulumi.Output<boolean>;
    /**
     * Whether to automatically apply changes when a Terraform plan is successful.
     */
    declare public readonly autoApply: pulumi.Output<boolean>;
    /**
     * Whether runs queued by run triggers automatically apply, independent of autoApply. Defaults to false.
     */
    declare public readonly autoApplyRunTrigger: pulumi.Output<boolean | undefined>;
    /**
     * A description for the workspace.
     */
    declare public readonly description: pulumi.Output<string>;
    /**
     * The tags of the workspace, including those inherited from its project.
     */
    declare public readonly effectiveTags: pulumi.Output<{[key: string]: string}>;
    /**
     * Which execution mode to use: remote, local or agent.
     *
     * @deprecated Use tfe.WorkspaceSettings instead.
     */
    declare public readonly executionMode: pulumi.Output<string>;
    /**
     * Whether to filter runs based on the changed files in a VCS push.
     */
    declare public readonly fileTriggersEnabled: pulumi.Output<boolean | undefined>;
    /**
     * If true, the workspace is deleted even if it still manages resources. Defaults to false.
     */
    declare public readonly forceDelete: pulumi.Output<boolean | undefined>;
    /**
     * Whether the workspace allows all workspaces in the organization to access its state data.
     *
     * @deprecated Use tfe.WorkspaceSettings instead.
     */
    declare public readonly globalRemoteState: pulumi.Output<boolean>;
    /**
     * The URL to the browsable HTML overview of the workspace.
     */
    declare public readonly htmlUrl: pulumi.Output<string>;
    /**
     * Whether the workspace inherits its project's auto-destroy settings.
     */
    declare public readonly inheritsProjectAutoDestroy: pulumi.Output<boolean>;
    /**
     * Name of the workspace.
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * Whether to use remote execution mode.
     *
     * @deprecated Use tfe.WorkspaceSettings instead.
     */
    declare public readonly operations: pulumi.Output<boolean>;
    /**
     * Name of the organization. Changing it replaces the workspace.
     */
    declare public readonly organization: pulumi.Output<string>;
    /**
     * ID of the project where the workspace should be created.
     */
    declare public readonly projectId: pulumi.Output<string>;
    /**
     * Whether the workspace should start automatically performing runs immediately after its creation. Defaults to true.
     */
    declare public readonly queueAllRuns: pulumi.Output<boolean | undefined>;
    /**
     * The set of workspace IDs that can access this workspace's state.
     *
     * @deprecated Use tfe.WorkspaceSettings instead.
     */
    declare public readonly remoteStateConsumerIds: pulumi.Output<string[]>;
    /**
     * The number of resources managed by the workspace.
     */
    declare public readonly resourceCount: pulumi.Output<number>;
    /**
     * A friendly name for the application or client creating this workspace.
     */
    declare public readonly sourceName: pulumi.Output<string | undefined>;
    /**
     * A URL for the application or client creating this workspace.
     */
    declare public readonly sourceUrl: pulumi.Output<string | undefined>;
    /**
     * Whether this workspace allows speculative plans.
     */
    declare public readonly speculativeEnabled: pulumi.Output<boolean | undefined>;
    /**
     * A set of tag names for this workspace.
     */
    declare public readonly tagNames: pulumi.Output<string[]>;
    /**
     * A map of key value tags for this workspace.
     */
    declare public readonly tags: pulumi.Output<{[key: string]: string}>;
    /**
     * The version of Terraform to use for this workspace.
     */
    declare public readonly terraformVersion: pulumi.Output<string>;
    /**
     * List of glob patterns that describe the files TFC monitors for changes.
     */
    declare public readonly triggerPatterns: pulumi.Output<string[] | undefined>;
    /**
     * List of repository-root-relative paths which describe all locations to be tracked for changes.
     */
    declare public readonly triggerPrefixes: pulumi.Output<string[] | undefined>;
    /**
     * Settings for the workspace's VCS repository.
     */
    declare public readonly vcsRepo: pulumi.Output<outputs.WorkspaceVcsRepo | undefined>;
    /**
     * A relative path that Terraform will execute within.
     */
    declare public readonly workingDirectory: pulumi.Output<string | undefined>;

    /**
     * Create a Workspace resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args?: WorkspaceArgs, opts?: pulumi.CustomResourceOptions)
    constructor(name: string, argsOrState?: WorkspaceArgs | WorkspaceState, opts?: pulumi.CustomResourceOptions) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (opts.id) {
            const state = argsOrState as WorkspaceState | undefined;
            resourceInputs["agentPoolId"] = state ? state.agentPoolId : undefined;
            resourceInputs["allowDestroyPlan"] = state ? state.allowDestroyPlan : undefined;
            resourceInputs["assessmentsEnabled"] = state ? state.assessmentsEnabled : undefined;
            resourceInputs["autoApply"] = state ? state.autoApply : undefined;
            resourceInputs["autoApplyRunTrigger"] = state ? state.autoApplyRunTrigger : undefined;
            resourceInputs["description"] = state ? state.description : undefined;
            resourceInputs["effectiveTags"] = state ? state.effectiveTags : undefined;
            resourceInputs["executionMode"] = state ? state.executionMode : undefined;
            resourceInputs["fileTriggersEnabled"] = state ? state.fileTriggersEnabled : undefined;
            resourceInputs["forceDelete"] = state ? state.forceDelete : undefined;
            resourceInputs["globalRemoteState"] = state ? state.globalRemoteState : undefined;
            resourceInputs["htmlUrl"] = state ? state.htmlUrl : undefined;
            resourceInputs["inheritsProjectAutoDestroy"] = state ? state.inheritsProjectAutoDestroy : undefined;
            resourceInputs["name"] = state ? state.name : undefined;
            resourceInputs["operations"] = state ? state.operations : undefined;
            resourceInputs["organization"] = state ? state.organization : undefined;
            resourceInputs["projectId"] = state ? state.projectId : undefined;
            resourceInputs["queueAllRuns"] = state ? state.queueAllRuns : undefined;
            resourceInputs["remoteStateConsumerIds"] = state ? state.remoteStateConsumerIds : undefined;
            resourceInputs["resourceCount"] = state ? state.resourceCount : undefined;
            resourceInputs["sourceName"] = state ? state.sourceName : undefined;
            resourceInputs["sourceUrl"] = state ? state.sourceUrl : undefined;
            resourceInputs["speculativeEnabled"] = state ? state.speculativeEnabled : undefined;
            resourceInputs["tagNames"] = state ? state.tagNames : undefined;
            resourceInputs["tags"] = state ? state.tags : undefined;
            resourceInputs["terraformVersion"] = state ? state.terraformVersion : undefined;
            resourceInputs["triggerPatterns"] = state ? state.triggerPatterns : undefined;
            resourceInputs["triggerPrefixes"] = state ? state.triggerPrefixes : undefined;
            resourceInputs["vcsRepo"] = state ? state.vcsRepo : undefined;
            resourceInputs["workingDirectory"] = state ? state.workingDirectory : undefined;
        } else {
            const args = argsOrState as WorkspaceArgs | undefined;
            resourceInputs["agentPoolId"] = args ? args.agentPoolId : undefined;
            resourceInputs["allowDestroyPlan"] = args ? args.allowDestroyPlan : undefined;
            resourceInputs["assessmentsEnabled"] = args ? args.assessmentsEnabled : undefined;
            resourceInputs["autoApply"] = args ? args.autoApply : undefined;
            resourceInputs["autoApplyRunTrigger"] = args ? args.autoApplyRunTrigger : undefined;
            resourceInputs["description"] = args ? args.description : undefined;
            resourceInputs["executionMode"] = args ? args.executionMode : undefined;
            resourceInputs["fileTriggersEnabled"] = args ? args.fileTriggersEnabled : undefined;
            resourceInputs["forceDelete"] = args ? args.forceDelete : undefined;
            resourceInputs["globalRemoteState"] = args ? args.globalRemoteState : undefined;
            resourceInputs["name"] = args ? args.name : undefined;
            resourceInputs["operations"] = args ? args.operations : undefined;
            resourceInputs["organization"] = args ? args.organization : undefined;
            resourceInputs["projectId"] = args ? args.projectId : undefined;
            resourceInputs["queueAllRuns"] = args ? args.queueAllRuns : undefined;
            resourceInputs["remoteStateConsumerIds"] = args ? args.remoteStateConsumerIds : undefined;
            resourceInputs["sourceName"] = args ? args.sourceName : undefined;
            resourceInputs["sourceUrl"] = args ? args.sourceUrl : undefined;
            resourceInputs["speculativeEnabled"] = args ? args.speculativeEnabled : undefined;
            resourceInputs["tagNames"] = args ? args.tagNames : undefined;
            resourceInputs["tags"] = args ? args.tags : undefined;
            resourceInputs["terraformVersion"] = args ? args.terraformVersion : undefined;
            resourceInputs["triggerPatterns"] = args ? args.triggerPatterns : undefined;
            resourceInputs["triggerPrefixes"] = args ? args.triggerPrefixes : undefined;
            resourceInputs["vcsRepo"] = args ? args.vcsRepo : undefined;
            resourceInputs["workingDirectory"] = args ? args.workingDirectory : undefined;
            resourceInputs["effectiveTags"] = undefined /*out*/;
            resourceInputs["htmlUrl"] = undefined /*out*/;
            resourceInputs["inheritsProjectAutoDestroy"] = undefined /*out*/;
            resourceInputs["resourceCount"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(Workspace.__pulumiType, name, resourceInputs, opts, false /*dependency*/, utilities.getPackage());
    }
}

/**
 * Input properties used for looking up and filtering Workspace resources.
 */
export interface WorkspaceState {
    /**
     * The id of an agent pool to assign to the workspace.
     *
     * @deprecated Use tfe.WorkspaceSettings instead.
     */
    agentPoolId?: pulumi.Input<string>;
    /**
     * Whether destroy plans can be queued on the workspace.
     */
    allowDestroyPlan?: pulumi.Input<boolean>;
    /**
     * Whether health assessments (drift detection) run for this workspace.
     */
    assessmentsEnabled?: pulumi.Input<boolean>;
    /**
     * Whether to automatically apply changes when a Terraform plan is successful.
     */
    autoApply?: pulumi.Input<boolean>;
    /**
     * Whether runs queued by run triggers automatically apply, independent of autoApply. Defaults to false.
     */
    autoApplyRunTrigger?: pulumi.Input<boolean>;
    /**
     * A description for the workspace.
     */
    description?: pulumi.Input<string>;
    /**
     * The tags of the workspace, including those inherited from its project.
     */
    effectiveTags?: pulumi.Input<{[key: string]: pulumi.Input<string>}>;
    /**
     * Which execution mode to use: remote, local or agent.
     *
     * @deprecated Use tfe.WorkspaceSettings instead.
     */
    executionMode?: pulumi.Input<string>;
    /**
     * Whether to filter runs based on the changed files in a VCS push.
     */
    fileTriggersEnabled?: pulumi.Input<boolean>;
    /**
     * If true, the workspace is deleted even if it still manages resources. Defaults to false.
     */
    forceDelete?: pulumi.Input<boolean>;
    /**
     * Whether the workspace allows all workspaces in the organization to access its state data.
     *
     * @deprecated Use tfe.WorkspaceSettings instead.
     */
    globalRemoteState?: pulumi.Input<boolean>;
    /**
     * The URL to the browsable HTML overview of the workspace.
     */
    htmlUrl?: pulumi.Input<string>;
    /**
     * Whether the workspace inherits its project's auto-destroy settings.
     */
    inheritsProjectAutoDestroy?: pulumi.Input<boolean>;
    /**
     * Name of the workspace.
     */
    name?: pulumi.Input<string>;
    /**
     * Whether to use remote execution mode.
     *
     * @deprecated Use tfe.WorkspaceSettings instead.
     */
    operations?: pulumi.Input<boolean>;
    /**
     * Name of the organization. Changing it replaces the workspace.
     */
    organization?: pulumi.Input<string>;
    /**
     * ID of the project where the workspace should be created.
     */
    projectId?: pulumi.Input<string>;
    /**
     * Whether the workspace should start automatically performing runs immediately after its creation. Defaults to true.
     */
    queueAllRuns?: pulumi.Input<boolean>;
    /**
     * The set of workspace IDs that can access this workspace's state.
     *
     * @deprecated Use tfe.WorkspaceSettings instead.
     */
    remoteStateConsumerIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The number of resources managed by the workspace.
     */
    resourceCount?: pulumi.Input<number>;
    /**
     * A friendly name for the application or client creating this workspace.
     */
    sourceName?: pulumi.Input<string>;
    /**
     * A URL for the application or client creating this workspace.
     */
    sourceUrl?: pulumi.Input<string>;
    /**
     * Whether this workspace allows speculative plans.
     */
    speculativeEnabled?: pulumi.Input<boolean>;
    /**
     * A set of tag names for this workspace.
     */
    tagNames?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * A map of key value tags for this workspace.
     */
    tags?: pulumi.Input<{[key: string]: pulumi.Input<string>}>;
    /**
     * The version of Terraform to use for this workspace.
     */
    terraformVersion?: pulumi.Input<string>;
    /**
     * List of glob patterns that describe the files TFC monitors for changes.
     */
    triggerPatterns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * List of repository-root-relative paths which describe all locations to be tracked for changes.
     */
    triggerPrefixes?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Settings for the workspace's VCS repository.
     */
    vcsRepo?: pulumi.Input<inputs.WorkspaceVcsRepo>;
    /**
     * A relative path that Terraform will execute within.
     */
    workingDirectory?: pulumi.Input<string>;
}

/**
 * The set of arguments for constructing a Workspace resource.
 */
export interface WorkspaceArgs {
    /**
     * The id of an agent pool to assign to the workspace.
     *
     * @deprecated Use tfe.WorkspaceSettings instead.
     */
    agentPoolId?: pulumi.Input<string>;
    /**
     * Whether destroy plans can be queued on the workspace.
     */
    allowDestroyPlan?: pulumi.Input<boolean>;
    /**
     * Whether health assessments (drift detection) run for this workspace.
     */
    assessmentsEnabled?: pulumi.Input<boolean>;
    /**
     * Whether to automatically apply changes when a Terraform plan is successful.
     */
    autoApply?: pulumi.Input<boolean>;
    /**
     * Whether runs queued by run triggers automatically apply, independent of autoApply. Defaults to false.
     */
    autoApplyRunTrigger?: pulumi.Input<boolean>;
    /**
     * A description for the workspace.
     */
    description?: pulumi.Input<string>;
    /**
     * Which execution mode to use: remote, local or agent.
     *
     * @deprecated Use tfe.WorkspaceSettings instead.
     */
    executionMode?: pulumi.Input<string>;
    /**
     * Whether to filter runs based on the changed files in a VCS push.
     */
    fileTriggersEnabled?: pulumi.Input<boolean>;
    /**
     * If true, the workspace is deleted even if it still manages resources. Defaults to false.
     */
    forceDelete?: pulumi.Input<boolean>;
    /**
     * Whether the workspace allows all workspaces in the organization to access its state data.
     *
     * @deprecated Use tfe.WorkspaceSettings instead.
     */
    globalRemoteState?: pulumi.Input<boolean>;
    /**
     * Name of the workspace.
     */
    name?: pulumi.Input<string>;
    /**
     * Whether to use remote execution mode.
     *
     * @deprecated Use tfe.WorkspaceSettings instead.
     */
    operations?: pulumi.Input<boolean>;
    /**
     * Name of the organization. Changing it replaces the workspace.
     */
    organization?: pulumi.Input<string>;
    /**
     * ID of the project where the workspace should be created.
     */
    projectId?: pulumi.Input<string>;
    /**
     * Whether the workspace should start automatically performing runs immediately after its creation. Defaults to true.
     */
    queueAllRuns?: pulumi.Input<boolean>;
    /**
     * The set of workspace IDs that can access this workspace's state.
     *
     * @deprecated Use tfe.WorkspaceSettings instead.
     */
    remoteStateConsumerIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * A friendly name for the application or client creating this workspace.
     */
    sourceName?: pulumi.Input<string>;
    /**
     * A URL for the application or client creating this workspace.
     */
    sourceUrl?: pulumi.Input<string>;
    /**
     * Whether this workspace allows speculative plans.
     */
    speculativeEnabled?: pulumi.Input<boolean>;
    /**
     * A set of tag names for this workspace.
     */
    tagNames?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * A map of key value tags for this workspace.
     */
    tags?: pulumi.Input<{[key: string]: pulumi.Input<string>}>;
    /**
     * The version of Terraform to use for this workspace.
     */
    terraformVersion?: pulumi.Input<string>;
    /**
     * List of glob patterns that describe the files TFC monitors for changes.
     */
    triggerPatterns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * List of repository-root-relative paths which describe all locations to be tracked for changes.
     */
    triggerPrefixes?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Settings for the workspace's VCS repository.
     */
    vcsRepo?: pulumi.Input<inputs.WorkspaceVcsRepo>;
    /**
     * A relative path that Terraform will execute within.
     */
    workingDirectory?: pulumi.Input<string>;
}

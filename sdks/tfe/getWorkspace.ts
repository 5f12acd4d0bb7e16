import * as pulumi from "@pulumi/pulumi";
import * as outputs from "./types/output";
import * as utilities from "./utilities";

/**
 * Gets information about a workspace. Data source `tfe_workspace`.
 */
export function getWorkspace(args: GetWorkspaceArgs, opts?: pulumi.InvokeOptions): Promise<GetWorkspaceResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke(
        "tfe:index/getWorkspace:getWorkspace",
        {
            name: args.name,
            organization: args.organization,
        },
        opts,
        utilities.getPackage(),
    );
}

/** A collection of arguments for invoking getWorkspace. */
export interface GetWorkspaceArgs {
    /** Name of the workspace. */
    name: string;
    /** Name of the organization. */
    organization?: string;
}

/** A collection of values returned by getWorkspace. */
export interface GetWorkspaceResult {
    readonly allowDestroyPlan: boolean;
    readonly assessmentsEnabled: boolean;
    readonly autoApply: boolean;
    readonly autoApplyRunTrigger: boolean;
    readonly description: string;
    readonly executionMode: string;
    readonly fileTriggersEnabled: boolean;
    readonly globalRemoteState: boolean;
    readonly htmlUrl: string;
    /** The provider-assigned unique ID for this managed resource. */
    readonly id: string;
    readonly name: string;
    readonly organization: string;
    readonly projectId: string;
    readonly queueAllRuns: boolean;
    readonly remoteStateConsumerIds: string[];
    readonly resourceCount: number;
    readonly speculativeEnabled: boolean;
    readonly tagNames: string[];
    readonly terraformVersion: string;
    readonly triggerPatterns: string[];
    readonly triggerPrefixes: string[];
    readonly vcsRepos: outputs.WorkspaceVcsRepo[];
    readonly workingDirectory: string;
}

/**
 * Gets information about a workspace, as an Output. Data source `tfe_workspace`.
 */
export function getWorkspaceOutput(
    args: GetWorkspaceOutputArgs,
    opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetWorkspaceResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput(
        "tfe:index/getWorkspace:getWorkspace",
        {
            name: args.name,
            organization: args.organization,
        },
        opts,
        utilities.getPackage(),
    );
}

/** A collection of arguments for invoking getWorkspace. */
export interface GetWorkspaceOutputArgs {
    /** Name of the workspace. */
    name: pulumi.Input<string>;
    /** Name of the organization. */
    organization?: pulumi.Input<string>;
}

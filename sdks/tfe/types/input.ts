// Input types of the tfe SDK (hand-written subset; same names as the generated SDK).
import * as pulumi from "@pulumi/pulumi";

export interface WorkspaceVcsRepo {
    /** The repository branch that Terraform executes from. */
    branch?: pulumi.Input<string>;
    /** The installation id of the GitHub App; conflicts with oauthTokenId. */
    githubAppInstallationId?: pulumi.Input<string>;
    /** A reference to your VCS repository in the format `<organization>/<repository>`. */
    identifier: pulumi.Input<string>;
    /** Whether submodules should be fetched when cloning the VCS repository. */
    ingressSubmodules?: pulumi.Input<boolean>;
    /** The VCS connection's OAuth token id; conflicts with githubAppInstallationId. */
    oauthTokenId?: pulumi.Input<string>;
    /** A regular expression used to trigger a workspace run for matching git tags. */
    tagsRegex?: pulumi.Input<string>;
}

export interface WorkspaceSettingsOverwrite {
    agentPool?: pulumi.Input<boolean>;
    executionMode?: pulumi.Input<boolean>;
}

export interface WorkspaceRunApply {
    /** If true, a human must confirm the run in the TFC UI. */
    manualConfirm: pulumi.Input<boolean>;
    /** Whether to retry a failed run. */
    retry?: pulumi.Input<boolean>;
    /** How many times to retry. */
    retryAttempts?: pulumi.Input<number>;
    /** Maximum seconds between retries. */
    retryBackoffMax?: pulumi.Input<number>;
    /** Minimum seconds between retries. */
    retryBackoffMin?: pulumi.Input<number>;
    /** Whether to wait for the run to finish before the resource is considered created. */
    waitForRun?: pulumi.Input<boolean>;
}

export interface WorkspaceRunDestroy {
    /** If true, a human must confirm the run in the TFC UI. */
    manualConfirm: pulumi.Input<boolean>;
    /** Whether to retry a failed run. */
    retry?: pulumi.Input<boolean>;
    /** How many times to retry. */
    retryAttempts?: pulumi.Input<number>;
    /** Maximum seconds between retries. */
    retryBackoffMax?: pulumi.Input<number>;
    /** Minimum seconds between retries. */
    retryBackoffMin?: pulumi.Input<number>;
    /** Whether to wait for the run to finish before the resource is considered destroyed. */
    waitForRun?: pulumi.Input<boolean>;
}

export interface TeamAccessPermission {
    /** `read`, `plan` or `apply`. */
    runs: pulumi.Input<string>;
    /** Whether the team may manage run tasks. */
    runTasks: pulumi.Input<boolean>;
    /** `none` or `read`. */
    sentinelMocks: pulumi.Input<string>;
    /** `none`, `read-outputs`, `read` or `write`. */
    stateVersions: pulumi.Input<string>;
    /** `none`, `read` or `write`. */
    variables: pulumi.Input<string>;
    /** Whether the team may lock and unlock the workspace. */
    workspaceLocking: pulumi.Input<boolean>;
}

export interface TeamProjectAccessProjectAccess {
    /** `read`, `update` or `delete`. */
    settings?: pulumi.Input<string>;
    /** `none`, `read` or `manage`. */
    teams?: pulumi.Input<string>;
    /** `none`, `read` or `write`. */
    variableSets?: pulumi.Input<string>;
}

export interface TeamProjectAccessWorkspaceAccess {
    create?: pulumi.Input<boolean>;
    delete?: pulumi.Input<boolean>;
    locking?: pulumi.Input<boolean>;
    move?: pulumi.Input<boolean>;
    runTasks?: pulumi.Input<boolean>;
    /** `read`, `plan` or `apply`. */
    runs?: pulumi.Input<string>;
    /** `none` or `read`. */
    sentinelMocks?: pulumi.Input<string>;
    /** `none`, `read-outputs`, `read` or `write`. */
    stateVersions?: pulumi.Input<string>;
    /** `none`, `read` or `write`. */
    variables?: pulumi.Input<string>;
}

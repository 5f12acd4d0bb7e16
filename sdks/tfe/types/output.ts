// Output types of the tfe SDK (hand-written subset; same names as the generated SDK).

export interface WorkspaceVcsRepo {
    branch?: string;
    githubAppInstallationId?: string;
    identifier: string;
    ingressSubmodules?: boolean;
    oauthTokenId?: string;
    tagsRegex?: string;
}

export interface WorkspaceSettingsOverwrite {
    agentPool: boolean;
    executionMode: boolean;
}

export interface WorkspaceRunApply {
    manualConfirm: boolean;
    retry?: boolean;
    retryAttempts?: number;
    retryBackoffMax?: number;
    retryBackoffMin?: number;
    waitForRun?: boolean;
}

export interface WorkspaceRunDestroy {
    manualConfirm: boolean;
    retry?: boolean;
    retryAttempts?: number;
    retryBackoffMax?: number;
    retryBackoffMin?: number;
    waitForRun?: boolean;
}

export interface TeamAccessPermission {
    runs: string;
    runTasks: boolean;
    sentinelMocks: string;
    stateVersions: string;
    variables: string;
    workspaceLocking: boolean;
}

export interface TeamProjectAccessProjectAccess {
    settings: string;
    teams: string;
    variableSets: string;
}

export interface TeamProjectAccessWorkspaceAccess {
    create: boolean;
    delete: boolean;
    locking: boolean;
    move: boolean;
    runTasks: boolean;
    runs: string;
    sentinelMocks: string;
    stateVersions: string;
    variables: string;
}

// What adoption reads of an existing organization, from a Terraform state of the tfe provider or
// from the TFC API: one shape for both, holding ids and current values and never a sensitive value.

export interface OrgWorkspace {
  readonly id: string;
  readonly name: string;
  readonly projectId?: string;
  readonly description?: string;
  readonly autoApply: boolean;
  readonly autoApplyRunTrigger: boolean;
  readonly queueAllRuns: boolean;
  readonly executionMode: "remote" | "local" | "agent";
  readonly agentPoolId?: string;
  readonly globalRemoteState: boolean;
  /** Workspace ids allowed to read its state (when globalRemoteState is false). */
  readonly remoteStateConsumerIds: readonly string[];
  readonly workingDirectory: string;
  readonly terraformVersion?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly tagNames: readonly string[];
  readonly vcs?: {
    readonly identifier: string;
    readonly branch?: string;
    readonly oauthTokenId?: string;
    readonly githubAppInstallationId?: string;
    readonly ingressSubmodules?: boolean;
    /** Runs for tags that match, instead of file triggers. */
    readonly tagsRegex?: string;
  };
  readonly fileTriggersEnabled: boolean;
  readonly triggerPatterns: readonly string[];
  /** Whether a separate tfe_workspace_settings holds its execution mode and sharing (state only). */
  readonly hasSettings: boolean;
  /** Health assessments (drift detection, continuous validation). */
  readonly assessmentsEnabled: boolean;
  // What the program leaves to the provider, whose defaults (true, true, true, none) the first
  // update sends: adoption flags a workspace that has another value today.
  readonly speculativeEnabled: boolean;
  readonly allowDestroyPlan: boolean;
  readonly structuredRunOutputEnabled: boolean;
  readonly sshKeyId?: string;
}

export interface OrgRunTrigger {
  readonly id: string;
  /** The workspace where runs queue. */
  readonly workspaceId: string;
  /** The workspace whose applies queue them. */
  readonly sourceId: string;
  /** Its name, when the source tells (the API does; a state file holds only its id). */
  readonly sourceName?: string;
}

export interface OrgVariable {
  readonly id: string;
  readonly key: string;
  readonly category: "env" | "terraform";
  readonly sensitive: boolean;
  /** Only a non-sensitive value; a sensitive one is never read. */
  readonly value?: string;
}

export interface OrgVariableSet {
  readonly id: string;
  readonly name: string;
  readonly global: boolean;
  readonly priority: boolean;
  readonly description?: string;
  readonly variables: readonly OrgVariable[];
  readonly workspaceIds: readonly string[];
  readonly projectIds: readonly string[];
}

export interface OrgTeamAccess {
  readonly id: string;
  readonly teamId: string;
  /** The team's name when the source knows it (the API does; a state file need not). */
  readonly teamName?: string;
  readonly workspaceId: string;
  readonly access: string;
  readonly permissions?: Readonly<Record<string, string | boolean>>;
}

export interface OrgNotification {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly destinationType: string;
}

export interface Organization {
  readonly name: string;
  readonly workspaces: readonly OrgWorkspace[];
  readonly runTriggers: readonly OrgRunTrigger[];
  readonly variableSets: readonly OrgVariableSet[];
  readonly projects: readonly { readonly id: string; readonly name: string }[];
  readonly teamAccess: readonly OrgTeamAccess[];
  readonly notifications: readonly OrgNotification[];
}

// Which input changes make Pulumi replace a resource, and what deleting or replacing one loses.
// From hashicorp/terraform-provider-tfe v0.70.0: the attributes marked ForceNew (SDKv2) or
// RequiresReplace (plugin framework) in each resource's schema, by their Pulumi input names.

/** A change of `input` replaces the resource; `when` narrows it where the provider does (RequiresReplaceIf). */
export interface ReplacingInput {
  readonly input: string;
  readonly when?: (before: unknown, after: unknown, beforeInputs: Readonly<Record<string, unknown>>) => boolean;
  readonly note?: string;
}

const always = (...inputs: string[]): ReplacingInput[] => inputs.map((input) => ({ input }));

export const REPLACING_INPUTS: Readonly<Record<string, readonly ReplacingInput[]>> = {
  // resource_tfe_workspace.go: organization ForceNew.
  "tfe:index/workspace:Workspace": always("organization"),
  // resource_tfe_workspace_settings.go: workspace_id RequiresReplace.
  "tfe:index/workspaceSettings:WorkspaceSettings": always("workspaceId"),
  // resource_tfe_run_trigger.go: workspace_id, sourceable_id ForceNew.
  "tfe:index/runTrigger:RunTrigger": always("workspaceId", "sourceableId"),
  // resource_tfe_variable_set.go: organization, parent_project_id ForceNew.
  "tfe:index/variableSet:VariableSet": always("organization", "parentProjectId"),
  // resource_tfe_variable.go: category, workspace_id, variable_set_id RequiresReplace; key only
  // when the variable is sensitive; sensitive only from true to false.
  "tfe:index/variable:Variable": [
    ...always("category", "workspaceId", "variableSetId"),
    { input: "key", when: (_b, _a, inputs) => inputs.sensitive === true, note: "the key of a sensitive variable" },
    {
      input: "sensitive",
      when: (before, after) => before === true && after !== true,
      note: "sensitive to not sensitive",
    },
  ],
  // resource_tfe_workspace_variable_set.go / resource_tfe_project_variable_set.go: both ids ForceNew.
  "tfe:index/workspaceVariableSet:WorkspaceVariableSet": always("variableSetId", "workspaceId"),
  "tfe:index/projectVariableSet:ProjectVariableSet": always("variableSetId", "projectId"),
  // resource_tfe_project.go: organization RequiresReplace.
  "tfe:index/project:Project": always("organization"),
  // resource_tfe_notification_configuration.go: destination_type, workspace_id RequiresReplace.
  "tfe:index/notificationConfiguration:NotificationConfiguration": always("destinationType", "workspaceId"),
  // resource_tfe_workspace_run.go: workspace_id ForceNew.
  "tfe:index/workspaceRun:WorkspaceRun": always("workspaceId"),
  // The random provider replaces a password on any change of its arguments.
  "random:index/randomPassword:RandomPassword": always("length", "special", "upper", "lower", "numeric", "keepers"),
};

/** What deleting (or replacing) a resource of the type loses; undefined: nothing that is not recreated. */
export function loss(type: string, inputs: Readonly<Record<string, unknown>>): string | undefined {
  switch (type) {
    case "tfe:index/workspace:Workspace":
      return "the workspace's state, run history and any variables set on it by hand";
    case "tfe:index/workspaceRun:WorkspaceRun":
      return inputs.destroy !== undefined
        ? "a destroy run: Terraform destroys everything the workspace manages"
        : undefined;
    case "tfe:index/project:Project":
      return "the project (TFC refuses to delete it while it holds workspaces)";
    case "random:index/randomPassword:RandomPassword":
      return "the approval webhooks' HMAC key: receivers must take the new one";
    default:
      return undefined;
  }
}

/**
 * Resources TFC knows by a pair of objects, not by an id of their own: deleting one removes the
 * pair's link (the provider deletes an attachment by workspace and variable set). The inputs
 * that name the pair, and what a delete does when a resource for the same pair is created in
 * the same update (a new name for the same link).
 */
export const PAIRED: Readonly<Record<string, { readonly inputs: readonly string[]; readonly loses: string }>> = {
  "tfe:index/workspaceVariableSet:WorkspaceVariableSet": {
    inputs: ["workspaceId", "variableSetId"],
    loses:
      "the variable set on its workspace: the provider deletes the attachment by workspace and set, which the new one shares, so its runs lose the credentials until the next pulumi up",
  },
  "tfe:index/projectVariableSet:ProjectVariableSet": {
    inputs: ["projectId", "variableSetId"],
    loses:
      "the variable set on its project: the provider deletes the attachment by project and set, which the new one shares, so its workspaces lose the credentials until the next pulumi up",
  },
  "tfe:index/runTrigger:RunTrigger": {
    inputs: ["workspaceId", "sourceableId"],
    loses:
      "nothing lasting, but a second trigger for the same pair is created before this one is deleted: two runs per apply meanwhile, or a refusal that stops pulumi up half-way",
  },
};

// Reads an organization from a Terraform state of the tfe provider: state format 4 (what
// `terraform state pull` prints) or the JSON of `terraform show -json`. Sensitive values are
// never read: a sensitive variable keeps only its key.
import type {
  Organization,
  OrgTeamAccess,
  OrgVariable,
  OrgVariableSet,
  OrgWorkspace,
} from "../topology/adoption/organization";

/** A state the command cannot adopt from: one line saying why. */
export class StateFileError extends Error {}

type Attributes = Record<string, unknown>;
interface StateResource {
  readonly type: string;
  readonly attributes: Attributes;
}

const TFE_PROVIDER = /(^|\/)hashicorp\/tfe"?\]?$/;

function managedResources(state: unknown, file: string): StateResource[] {
  const root = state as Record<string, unknown>;
  const out: StateResource[] = [];
  let providers = new Set<string>();
  if (root?.version === 4 && Array.isArray(root.resources)) {
    for (const r of root.resources as Record<string, unknown>[]) {
      if (r.mode !== "managed") continue;
      providers.add(String(r.provider));
      if (!TFE_PROVIDER.test(String(r.provider))) continue;
      for (const i of (r.instances as Record<string, unknown>[]) ?? []) {
        out.push({ type: String(r.type), attributes: (i.attributes as Attributes) ?? {} });
      }
    }
  } else if (typeof root?.format_version === "string" && root.values !== undefined) {
    const walk = (module: Record<string, unknown> | undefined) => {
      for (const r of (module?.resources as Record<string, unknown>[]) ?? []) {
        if (r.mode !== "managed") continue;
        providers.add(String(r.provider_name));
        if (TFE_PROVIDER.test(String(r.provider_name)))
          out.push({ type: String(r.type), attributes: (r.values as Attributes) ?? {} });
      }
      for (const child of (module?.child_modules as Record<string, unknown>[]) ?? []) walk(child);
    };
    walk((root.values as Record<string, unknown>).root_module as Record<string, unknown>);
  } else {
    throw new StateFileError(
      `${file} is neither a state of format 4 (terraform state pull) nor the JSON of terraform show -json: give one of those`,
    );
  }
  if (out.length === 0) {
    providers = new Set([...providers].filter((p) => p !== "undefined"));
    throw new StateFileError(
      `${file} holds no resource of the tfe provider${providers.size ? ` (only of ${[...providers].sort().join(", ")})` : ""}: give the state of the Terraform that manages the workspaces`,
    );
  }
  return out;
}

const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
const bool = (v: unknown, fallback: boolean) => (typeof v === "boolean" ? v : fallback);
const block = (v: unknown) => (Array.isArray(v) ? (v[0] as Attributes | undefined) : (v as Attributes | undefined));

/** The organization a tfe state manages. */
export function organizationFromState(state: unknown, file: string): Organization {
  const resources = managedResources(state, file);
  const of = (type: string) => resources.filter((r) => r.type === type).map((r) => r.attributes);
  const settings = new Map(of("tfe_workspace_settings").map((s) => [String(s.workspace_id), s]));
  const organizations = new Set(
    [...of("tfe_workspace"), ...of("tfe_variable_set")].map((a) => str(a.organization)).filter(Boolean),
  );
  if (organizations.size > 1) {
    throw new StateFileError(
      `${file} manages workspaces of ${[...organizations].sort().join(" and ")}: everything lives in one organization; adopt them one organization at a time`,
    );
  }
  const workspaces: OrgWorkspace[] = of("tfe_workspace").map((a) => {
    const s = settings.get(String(a.id));
    const vcs = block(a.vcs_repo);
    return {
      id: String(a.id),
      name: String(a.name),
      ...(str(a.project_id) ? { projectId: str(a.project_id) } : {}),
      ...(str(a.description) ? { description: str(a.description) } : {}),
      autoApply: bool(a.auto_apply, false),
      autoApplyRunTrigger: bool(a.auto_apply_run_trigger, false),
      queueAllRuns: bool(a.queue_all_runs, true),
      executionMode: (str(s?.execution_mode) ?? str(a.execution_mode) ?? "remote") as OrgWorkspace["executionMode"],
      ...(str(s?.agent_pool_id ?? a.agent_pool_id) ? { agentPoolId: str(s?.agent_pool_id ?? a.agent_pool_id) } : {}),
      globalRemoteState: bool(s?.global_remote_state ?? a.global_remote_state, false),
      remoteStateConsumerIds: list(s?.remote_state_consumer_ids ?? a.remote_state_consumer_ids).sort(),
      workingDirectory: str(a.working_directory) ?? "",
      ...(str(a.terraform_version) ? { terraformVersion: str(a.terraform_version) } : {}),
      tags: (a.tags as Record<string, string>) ?? {},
      tagNames: list(a.tag_names),
      ...(vcs && str(vcs.identifier)
        ? {
            vcs: {
              identifier: String(vcs.identifier),
              ...(str(vcs.branch) ? { branch: str(vcs.branch) } : {}),
              ...(str(vcs.oauth_token_id) ? { oauthTokenId: str(vcs.oauth_token_id) } : {}),
              ...(str(vcs.github_app_installation_id)
                ? { githubAppInstallationId: str(vcs.github_app_installation_id) }
                : {}),
              ingressSubmodules: bool(vcs.ingress_submodules, false),
              ...(str(vcs.tags_regex) ? { tagsRegex: str(vcs.tags_regex) } : {}),
            },
          }
        : {}),
      fileTriggersEnabled: bool(a.file_triggers_enabled, true),
      triggerPatterns: list(a.trigger_patterns),
      hasSettings: s !== undefined,
      // Where the state predates an attribute, the provider's default.
      assessmentsEnabled: bool(s?.assessments_enabled ?? a.assessments_enabled, false),
      speculativeEnabled: bool(a.speculative_enabled, true),
      allowDestroyPlan: bool(a.allow_destroy_plan, true),
      structuredRunOutputEnabled: bool(a.structured_run_output_enabled, true),
      ...(str(a.ssh_key_id) ? { sshKeyId: str(a.ssh_key_id) } : {}),
    };
  });
  const variablesOf = (setId: string): OrgVariable[] =>
    of("tfe_variable")
      .filter((v) => v.variable_set_id === setId)
      .map((v) => {
        const sensitive = v.sensitive === true;
        return {
          id: String(v.id),
          key: String(v.key),
          category: v.category === "terraform" ? "terraform" : "env",
          sensitive,
          // Never read a sensitive value, even where the state holds it.
          ...(!sensitive && typeof v.value === "string" ? { value: v.value } : {}),
        };
      });
  const variableSets: OrgVariableSet[] = of("tfe_variable_set").map((a) => ({
    id: String(a.id),
    name: String(a.name),
    global: bool(a.global, false),
    priority: bool(a.priority, false),
    ...(str(a.description) ? { description: str(a.description) } : {}),
    variables: variablesOf(String(a.id)),
    workspaceIds: of("tfe_workspace_variable_set")
      .filter((x) => x.variable_set_id === a.id)
      .map((x) => String(x.workspace_id))
      .sort(),
    projectIds: of("tfe_project_variable_set")
      .filter((x) => x.variable_set_id === a.id)
      .map((x) => String(x.project_id))
      .sort(),
  }));
  const teamAccess: OrgTeamAccess[] = of("tfe_team_access").map((a) => {
    const p = block(a.permissions);
    return {
      id: String(a.id),
      teamId: String(a.team_id),
      workspaceId: String(a.workspace_id),
      access: str(a.access) ?? (p ? "custom" : "read"),
      ...(a.access === "custom" && p
        ? {
            permissions: {
              runs: String(p.runs),
              variables: String(p.variables),
              stateVersions: String(p.state_versions),
              sentinelMocks: String(p.sentinel_mocks),
              workspaceLocking: p.workspace_locking === true,
              runTasks: p.run_tasks === true,
            },
          }
        : {}),
    };
  });
  return {
    name: [...organizations][0] ?? "",
    workspaces,
    runTriggers: of("tfe_run_trigger").map((a) => ({
      id: String(a.id),
      workspaceId: String(a.workspace_id),
      sourceId: String(a.sourceable_id),
    })),
    variableSets,
    projects: of("tfe_project").map((a) => ({ id: String(a.id), name: String(a.name) })),
    teamAccess,
    notifications: of("tfe_notification_configuration").map((a) => ({
      id: String(a.id),
      workspaceId: String(a.workspace_id),
      name: String(a.name),
      destinationType: String(a.destination_type),
    })),
  };
}

// Reads an organization through the TFC API, read-only: the workspaces (of one project, or
// matching a name glob), their inbound run triggers, remote-state consumers, team access and
// notification configurations, the projects, and the variable sets attached to them with their
// variables (only the keys of sensitive ones: the API never returns their values).

import { type JsonApiResource, TfcApiError, type TfcClient } from "../tfcApi/client";
import type { Organization, OrgTeamAccess, OrgVariableSet, OrgWorkspace } from "../topology/adoption/organization";

export interface ApiSelection {
  readonly organization: string;
  /** A project's name: only its workspaces. */
  readonly project?: string;
  /** A glob on workspace names (`*` any run of characters, `?` one). */
  readonly workspaces?: string;
}

const rel = (r: JsonApiResource, name: string): string[] => {
  const data = r.relationships?.[name]?.data;
  return data == null ? [] : Array.isArray(data) ? data.map((d) => d.id) : [data.id];
};
const glob = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );

export async function organizationFromApi(client: TfcClient, selection: ApiSelection): Promise<Organization> {
  const org = encodeURIComponent(selection.organization);
  const projects = (await client.all(`/organizations/${org}/projects`)).data;
  let projectId: string | undefined;
  if (selection.project !== undefined) {
    projectId = projects.find((p) => p.attributes?.name === selection.project)?.id;
    if (!projectId) {
      throw new TfcApiError(
        `organization ${selection.organization} has no project ${JSON.stringify(selection.project)}: projects are ${projects.map((p) => String(p.attributes?.name)).join(", ") || "none"}`,
      );
    }
  }
  const matches = selection.workspaces ? glob(selection.workspaces) : undefined;
  const listed = (
    await client.all(`/organizations/${org}/workspaces`, projectId ? { "filter[project][id]": projectId } : {})
  ).data.filter((w) => !matches || matches.test(String(w.attributes?.name)));
  const workspaces: OrgWorkspace[] = [];
  const runTriggers: Organization["runTriggers"][number][] = [];
  const teamAccess: OrgTeamAccess[] = [];
  const notifications: Organization["notifications"][number][] = [];
  for (const w of listed) {
    const a = w.attributes ?? {};
    const global = a["global-remote-state"] === true;
    const consumers = global
      ? []
      : (await client.all(`/workspaces/${w.id}/relationships/remote-state-consumers`)).data.map((c) => c.id);
    const vcs = a["vcs-repo"] as Record<string, unknown> | null | undefined;
    workspaces.push({
      id: w.id,
      name: String(a.name),
      ...(rel(w, "project")[0] ? { projectId: rel(w, "project")[0] } : {}),
      ...(a.description ? { description: String(a.description) } : {}),
      autoApply: a["auto-apply"] === true,
      autoApplyRunTrigger: a["auto-apply-run-trigger"] === true,
      queueAllRuns: a["queue-all-runs"] === true,
      executionMode: (a["execution-mode"] as OrgWorkspace["executionMode"]) ?? "remote",
      ...(rel(w, "agent-pool")[0] ? { agentPoolId: rel(w, "agent-pool")[0] } : {}),
      globalRemoteState: global,
      remoteStateConsumerIds: consumers.sort(),
      workingDirectory: String(a["working-directory"] ?? ""),
      ...(a["terraform-version"] ? { terraformVersion: String(a["terraform-version"]) } : {}),
      tags: {},
      tagNames: (a["tag-names"] as string[]) ?? [],
      ...(vcs?.identifier
        ? {
            vcs: {
              identifier: String(vcs.identifier),
              ...(vcs.branch ? { branch: String(vcs.branch) } : {}),
              ...(vcs["oauth-token-id"] ? { oauthTokenId: String(vcs["oauth-token-id"]) } : {}),
              ...(vcs["github-app-installation-id"]
                ? { githubAppInstallationId: String(vcs["github-app-installation-id"]) }
                : {}),
              ingressSubmodules: vcs["ingress-submodules"] === true,
              ...(vcs["tags-regex"] ? { tagsRegex: String(vcs["tags-regex"]) } : {}),
            },
          }
        : {}),
      fileTriggersEnabled: a["file-triggers-enabled"] !== false,
      triggerPatterns: (a["trigger-patterns"] as string[]) ?? [],
      hasSettings: false,
      assessmentsEnabled: a["assessments-enabled"] === true,
      speculativeEnabled: a["speculative-enabled"] !== false,
      allowDestroyPlan: a["allow-destroy-plan"] !== false,
      structuredRunOutputEnabled: a["structured-run-output-enabled"] !== false,
      ...(rel(w, "ssh-key")[0] ? { sshKeyId: rel(w, "ssh-key")[0] } : {}),
    });
    for (const t of (await client.all(`/workspaces/${w.id}/run-triggers`, { "filter[run-trigger][type]": "inbound" }))
      .data) {
      runTriggers.push({
        id: t.id,
        workspaceId: w.id,
        sourceId: rel(t, "sourceable")[0],
        sourceName: String(t.attributes?.["sourceable-name"] ?? ""),
      });
    }
    const grants = await client.all("/team-workspaces", { "filter[workspace][id]": w.id, include: "team" });
    for (const g of grants.data) {
      const teamId = rel(g, "team")[0];
      const team = grants.included.find((t) => t.id === teamId);
      const ga = g.attributes ?? {};
      teamAccess.push({
        id: g.id,
        teamId,
        ...(team?.attributes?.name ? { teamName: String(team.attributes.name) } : {}),
        workspaceId: w.id,
        access: String(ga.access),
        ...(ga.access === "custom"
          ? {
              permissions: {
                runs: String(ga.runs),
                variables: String(ga.variables),
                stateVersions: String(ga["state-versions"]),
                sentinelMocks: String(ga["sentinel-mocks"]),
                workspaceLocking: ga["workspace-locking"] === true,
                runTasks: ga["run-tasks"] === true,
              },
            }
          : {}),
      });
    }
    for (const n of (await client.all(`/workspaces/${w.id}/notification-configurations`)).data) {
      notifications.push({
        id: n.id,
        workspaceId: w.id,
        name: String(n.attributes?.name),
        destinationType: String(n.attributes?.["destination-type"]),
      });
    }
  }
  const selected = new Set(workspaces.map((w) => w.id));
  const selectedProjects = new Set(workspaces.flatMap((w) => (w.projectId ? [w.projectId] : [])));
  const variableSets: OrgVariableSet[] = [];
  for (const v of (await client.all(`/organizations/${org}/varsets`)).data) {
    const workspaceIds = rel(v, "workspaces").filter((id) => selected.has(id));
    const projectIds = rel(v, "projects").filter((id) => selectedProjects.has(id));
    const global = v.attributes?.global === true;
    if (!global && workspaceIds.length === 0 && projectIds.length === 0) continue;
    const vars = global ? [] : (await client.all(`/varsets/${v.id}/relationships/vars`)).data;
    variableSets.push({
      id: v.id,
      name: String(v.attributes?.name),
      global,
      priority: v.attributes?.priority === true,
      ...(v.attributes?.description ? { description: String(v.attributes.description) } : {}),
      variables: vars.map((x) => {
        const sensitive = x.attributes?.sensitive === true;
        return {
          id: x.id,
          key: String(x.attributes?.key),
          category: x.attributes?.category === "terraform" ? "terraform" : "env",
          sensitive,
          ...(!sensitive && typeof x.attributes?.value === "string" ? { value: x.attributes.value } : {}),
        };
      }),
      workspaceIds: workspaceIds.sort(),
      projectIds: projectIds.sort(),
    });
  }
  return {
    name: selection.organization,
    workspaces,
    runTriggers,
    variableSets,
    projects: projects.map((p) => ({ id: p.id, name: String(p.attributes?.name) })),
    teamAccess,
    notifications,
  };
}

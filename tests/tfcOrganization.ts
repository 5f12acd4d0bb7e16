// A recorded organization for the TFC API double, in the API's JSON:API shapes: a platform project
// with network and app stamped per cell (eu, us), a global dns workspace, an iam workspace of
// another project upstream of the network, teams, a variable set and a notification.
import type { JsonApiResource } from "../tfcApi/client";
import type { RecordedOrganization } from "../tfcApi/double";

const ref = (type: string, id: string) => ({ data: { type, id } });
const refs = (type: string, ids: string[]) => ({ data: ids.map((id) => ({ type, id })) });
const pad = (s: string) => s.padEnd(16, "0").slice(0, 16);

export const PLATFORM = "prj-PLATFORM00000001";
const SHARED = "prj-SHARED0000000001";

/** A workspace as GET /organizations/:org/workspaces lists it. */
export function workspace(
  name: string,
  project: string,
  consumers: string[] = [],
  extra: Record<string, unknown> = {},
): JsonApiResource {
  return {
    id: wsId(name),
    type: "workspaces",
    attributes: {
      name,
      "auto-apply": false,
      "auto-apply-run-trigger": false,
      "queue-all-runs": false,
      "execution-mode": "remote",
      "global-remote-state": false,
      "working-directory": "",
      "terraform-version": "1.11.4",
      "file-triggers-enabled": true,
      "trigger-patterns": [],
      "tag-names": [],
      "vcs-repo": null,
      ...extra,
    },
    relationships: {
      project: ref("projects", project),
      "remote-state-consumers": refs("workspaces", consumers.map(wsId)),
    },
  };
}

export const wsId = (name: string) => `ws-${pad(name.replace(/[^A-Za-z0-9]/g, ""))}`;

export function trigger(up: string, down: string): JsonApiResource {
  return {
    id: `rt-${pad(`${up}${down}`.replace(/[^A-Za-z0-9]/g, ""))}`,
    type: "run-triggers",
    attributes: { "workspace-name": down, "sourceable-name": up, "created-at": "2026-01-01T00:00:00Z" },
    relationships: { workspace: ref("workspaces", wsId(down)), sourceable: ref("workspaces", wsId(up)) },
  };
}

export function recordedOrganization(): RecordedOrganization {
  const cellWorkspaces = ["network-eu-prod", "network-us-prod", "app-eu-prod", "app-us-prod"];
  const selected = [...cellWorkspaces, "dns-prod"];
  const teams: JsonApiResource[] = [
    { id: "team-RELEASE000000001", type: "teams", attributes: { name: "release" } },
    { id: "team-DEVELOPERS000001", type: "teams", attributes: { name: "developers" } },
  ];
  const grant = (team: JsonApiResource, ws: string, access: string): JsonApiResource => ({
    id: `tws-${pad(`${team.attributes!.name}${ws}`.replace(/[^A-Za-z0-9]/g, ""))}`,
    type: "team-workspaces",
    attributes: {
      access,
      runs: access === "write" ? "apply" : "plan",
      variables: "read",
      "state-versions": "read",
      "sentinel-mocks": "none",
      "workspace-locking": false,
      "run-tasks": false,
    },
    relationships: { team: ref("teams", team.id), workspace: ref("workspaces", wsId(ws)) },
  });
  return {
    name: "acme",
    projects: [
      { id: PLATFORM, type: "projects", attributes: { name: "platform" } },
      { id: SHARED, type: "projects", attributes: { name: "shared" } },
    ],
    workspaces: [
      workspace("network-eu-prod", PLATFORM, ["app-eu-prod"]),
      workspace("network-us-prod", PLATFORM, ["app-us-prod"]),
      workspace("app-eu-prod", PLATFORM),
      workspace("app-us-prod", PLATFORM),
      workspace("dns-prod", PLATFORM, ["app-eu-prod", "app-us-prod"]),
      workspace("iam-global", SHARED, [], { "global-remote-state": true }),
    ],
    runTriggers: [
      trigger("iam-global", "network-eu-prod"),
      trigger("iam-global", "network-us-prod"),
      trigger("network-eu-prod", "app-eu-prod"),
      trigger("network-us-prod", "app-us-prod"),
      trigger("dns-prod", "app-eu-prod"),
      trigger("dns-prod", "app-us-prod"),
    ],
    varsets: [
      {
        id: "varset-AWSPROD000000001",
        type: "varsets",
        attributes: { name: "aws-prod", global: false, priority: false, description: "" },
        relationships: { workspaces: refs("workspaces", selected.map(wsId)), projects: refs("projects", []) },
      },
    ],
    vars: [
      {
        id: "var-AWSKEY0000000001",
        type: "vars",
        attributes: { key: "AWS_ACCESS_KEY_ID", value: null, category: "env", sensitive: true },
        relationships: { configurable: ref("varsets", "varset-AWSPROD000000001") },
      },
    ],
    teams,
    teamWorkspaces: [
      ...selected.map((ws) => grant(teams[0], ws, "write")),
      grant(teams[1], "app-eu-prod", "plan"),
      grant(teams[1], "app-us-prod", "plan"),
    ],
    notifications: [
      {
        id: "nc-SLACK00000000001",
        type: "notification-configurations",
        attributes: { name: "alerts", "destination-type": "slack", enabled: true, triggers: ["run:errored"] },
        relationships: { subscribable: ref("workspaces", wsId("app-eu-prod")) },
      },
    ],
  };
}

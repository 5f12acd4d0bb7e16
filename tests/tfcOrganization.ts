// A recorded organization for the TFC API double, in the API's JSON:API shapes: a platform project
// with network and app stamped per cell (eu, us), a global dns workspace, an iam workspace of
// another project upstream of the network, teams, a variable set and a notification.
import type { JsonApiResource } from "../tfcApi/client";
import type { RecordedOrganization } from "../tfcApi/double";
import { pad, ref, refs, trigger, workspace, wsId } from "../tfcApi/recorded";

export { trigger, workspace, wsId };

export const PLATFORM = "prj-PLATFORM00000001";
const SHARED = "prj-SHARED0000000001";

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

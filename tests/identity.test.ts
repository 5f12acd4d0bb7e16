// Day-two changes that keep TFC objects keep their Pulumi identity, proven the way `pulumi up`
// would decide it: the program runs through the language host against the stand-in engine,
// first as it was (its URNs are the stack's state), then changed, with that state. Every URN
// of the second run must be an old one or take one over through an alias; every old one must
// be claimed. Nothing is created and nothing deleted for an object that stays.
import * as assert from "node:assert/strict";
import type { LanguageHostRun } from "../offline/languageHost";
import type { StackFile } from "../offline/stackFile";
import { CREDENTIALS, runAsHost, stackConfig, WEBHOOK_URL } from "./fixtures";

const up = (file: StackFile, olds?: readonly string[]): Promise<LanguageHostRun> =>
  runAsHost(file, { preview: false, typeCheck: false, olds });

/** What the engine would create and delete going from `before` (the state) to `after`. */
async function steps(before: StackFile, after: StackFile): Promise<{ creates: string[]; deletes: string[] }> {
  const first = await up(before);
  assert.equal(first.exitCode, 0, first.stderr);
  const olds = first.resources.map((r) => r.urn);
  const second = await up(after, olds);
  assert.equal(second.exitCode, 0, second.stderr);
  const urns = new Set(second.resources.map((r) => r.urn));
  const takenOver = new Set(second.aliased.values());
  const short = (urn: string) => urn.split("::").slice(2).join("::");
  return {
    creates: [...urns].filter((u) => !olds.includes(u) && !takenOver.has(u)).map(short),
    deletes: olds.filter((u) => !urns.has(u) && !second.aliased.has(u)).map(short),
  };
}

const LAYERS = (network: string, renamed: boolean) => [
  {
    name: "network",
    workspaces: [network, "network-x"],
    outputs: { vpc_id: "string" },
    ...(renamed ? { renamedFrom: { [network]: "network-a" } } : {}),
  },
  { name: "platform", workspaces: ["platform-b"], dependsOn: ["network"], reads: { network: ["vpc_id"] } },
  { name: "app", workspaces: ["app-c"], dependsOn: ["network", "platform"] },
];

/** A prod stack with everything that is named after a workspace: credentials, notifications, contract, lifecycle. */
const prod = (layers: unknown, project: unknown) =>
  stackConfig({
    environment: "prod",
    autoApply: false,
    credentials: CREDENTIALS,
    webhook: WEBHOOK_URL,
    layers,
    raw: {
      "tfc-layers:vcs": { repository: "acme/infra", oauthTokenId: "ot-abc" },
      "tfc-layers:project": project,
      "tfc-layers:lifecycle": { applyOnCreate: true, destroyOnDelete: true, destroyProtected: true },
      // Team access and credential sets are named after workspaces too; one set is per workspace.
      "tfc-layers:teams": { release: { "*": "write" }, developers: { network: "plan" } },
      "tfc-layers:credentials": {
        "network-aws": { aws: { runRole: "arn:aws:iam::111111111111:role/network" } },
        "own-vault": { vault: { address: "https://vault.example.com:8200", runRole: "tfc-{workspace}" } },
      },
      "tfc-layers:defaultCredentials": ["network-aws", "own-vault"],
    },
  });

describe("day-two changes keep their TFC objects (against the stand-in engine, with the old state)", function () {
  this.timeout(180_000);

  for (const [what, project] of [
    ["credentials attached per workspace (project given by id)", { id: "prj-AbCdEfGh12345678" }],
    ["credentials attached to the project the program owns", { name: "layers-prod" }],
  ] as const) {
    it(`a rename with renamedFrom creates and deletes nothing: ${what}`, async () => {
      const before = prod(LAYERS("network-a", false), project);
      const after = prod(LAYERS("network-core", true), project);
      assert.deepEqual(await steps(before, after), { creates: [], deletes: [] });
    });
  }

  it("a rename in a cell layer keeps every cell's workspace, settings, cell variable and triggers", async () => {
    const layers = (name: string, renamed: boolean) => [
      { name: "iam", workspaces: ["iam"] },
      {
        name: "network",
        workspaces: [name],
        cells: "all",
        dependsOn: ["iam"],
        ...(renamed ? { renamedFrom: { [name]: "vpc" } } : {}),
      },
    ];
    const cells = { "tfc-layers:cells": [{ name: "eu" }, { name: "us" }] };
    const before = stackConfig({ layers: layers("vpc", false), raw: cells });
    const after = stackConfig({ layers: layers("network-core", true), raw: cells });
    assert.deepEqual(await steps(before, after), { creates: [], deletes: [] });
  });

  it("without renamedFrom, the rename deletes the workspace and everything named after it", async () => {
    const project = { id: "prj-AbCdEfGh12345678" };
    const { creates, deletes } = await steps(
      prod(LAYERS("network-a", false), project),
      prod(LAYERS("network-core", false), project),
    );
    const types = (urns: string[]) => [...new Set(urns.map((u) => u.split("::")[0].split("$").pop()))].sort();
    const expected = [
      "tfc-layers:components:CredentialSet",
      "tfe:index/notificationConfiguration:NotificationConfiguration",
      "tfe:index/runTrigger:RunTrigger",
      "tfe:index/teamAccess:TeamAccess",
      "tfe:index/variable:Variable",
      "tfe:index/variableSet:VariableSet",
      "tfe:index/workspace:Workspace",
      "tfe:index/workspaceRun:WorkspaceRun",
      "tfe:index/workspaceSettings:WorkspaceSettings",
      "tfe:index/workspaceVariableSet:WorkspaceVariableSet",
    ];
    assert.deepEqual(types(creates), expected);
    assert.deepEqual(types(deletes), expected);
  });

  it("a naming template changed with the former one in renamedFrom renames every workspace in place", async () => {
    const template = (workspaceName?: string, former?: string) => ({
      ...(workspaceName ? { "tfc-layers:workspaceName": workspaceName } : {}),
      ...(former ? { "tfc-layers:renamedFrom": { workspaceName: former } } : {}),
      "tfc-layers:vcs": { repository: "acme/infra", oauthTokenId: "ot-abc" },
      "tfc-layers:lifecycle": { applyOnCreate: true, destroyOnDelete: true },
      "tfc-layers:protect": false,
    });
    const before = stackConfig({ raw: template() });
    const after = stackConfig({ raw: template("{environment}-{workspace}", "{workspace}-{cell}-{environment}") });
    assert.deepEqual(await steps(before, after), { creates: [], deletes: [] });
    // Without the former template, the same change deletes every workspace and creates it anew.
    const unsaid = await steps(before, stackConfig({ raw: template("{environment}-{workspace}") }));
    assert.ok(unsaid.deletes.some((u) => u.endsWith("Workspace::network-a-dev")));
    assert.ok(unsaid.creates.some((u) => u.endsWith("Workspace::dev-network-a")));
  });

  it("prod with cells and credentials per workspace: a cell renamed and the template changed keep everything", async () => {
    const layers = [
      { name: "iam", workspaces: ["iam"] },
      { name: "network", workspaces: ["network-a"], cells: "all", dependsOn: ["iam"], outputs: { vpc_id: "string" } },
      { name: "app", workspaces: ["app-c"], cells: "all", dependsOn: ["network"], reads: { network: ["vpc_id"] } },
    ];
    const cells = (us: string) => [
      { name: "eu", values: { region: "eu-west-1" } },
      { name: us, values: { region: "us-east-1" } },
    ];
    const before = prod(layers, { name: "layers-prod" });
    const after = prod(layers, { name: "layers-prod" });
    Object.assign(before.config, { "tfc-layers:cells": JSON.stringify(cells("us")) });
    Object.assign(after.config, {
      "tfc-layers:cells": JSON.stringify(cells("us-east")),
      "tfc-layers:workspaceName": "{environment}-{cell}-{workspace}",
      "tfc-layers:renamedFrom": JSON.stringify({
        workspaceName: "{workspace}-{cell}-{environment}",
        cells: { "us-east": "us" },
      }),
    });
    assert.deepEqual(await steps(before, after), { creates: [], deletes: [] });
  });

  it("an adopted workspace whose tfcName is removed follows the template in place", async () => {
    const layers = (tfcName: boolean) => [
      { name: "network", workspaces: [tfcName ? { name: "network-a", tfcName: "legacy-net" } : "network-a"] },
      { name: "platform", workspaces: ["platform-b"], dependsOn: ["network"] },
    ];
    const adopted = (renamed: boolean) => ({
      "tfc-layers:adopted": ["network-a", "platform-b"],
      "tfc-layers:vcs": { repository: "acme/infra", oauthTokenId: "ot-abc" },
      "tfc-layers:lifecycle": { applyOnCreate: true, destroyOnDelete: true },
      "tfc-layers:protect": false,
      ...(renamed ? { "tfc-layers:renamedFrom": { tfcNames: { "network-a": "legacy-net" } } } : {}),
    });
    const before = stackConfig({ layers: layers(true), raw: adopted(false) });
    const after = stackConfig({ layers: layers(false), raw: adopted(true) });
    assert.deepEqual(await steps(before, after), { creates: [], deletes: [] });
  });

  it("a layer renamed under a template with {layer} keeps its workspaces through renamedFrom.layers", async () => {
    const layers = (network: string) => [
      { name: network, workspaces: ["a"] },
      { name: "platform", workspaces: ["b"], dependsOn: [network] },
    ];
    const raw = (renamed: boolean) => ({
      "tfc-layers:workspaceName": "{layer}-{workspace}-{environment}",
      ...(renamed ? { "tfc-layers:renamedFrom": { layers: { core: "network" } } } : {}),
    });
    const before = stackConfig({ layers: layers("network"), raw: raw(false) });
    const after = stackConfig({ layers: layers("core"), raw: raw(true) });
    assert.deepEqual(await steps(before, after), { creates: [], deletes: [] });
  });

  it("a workspace moved to another layer keeps every URN without an alias", async () => {
    const layers = (moved: boolean) => [
      { name: "network", workspaces: moved ? ["network-a"] : ["network-a", "edge"] },
      { name: "platform", workspaces: moved ? ["platform-b", "edge"] : ["platform-b"], dependsOn: ["network"] },
    ];
    const before = stackConfig({ layers: layers(false) });
    const after = stackConfig({ layers: layers(true) });
    const { creates, deletes } = await steps(before, after);
    // Only the triggers change (network-a now feeds edge, edge no longer feeds platform-b).
    const trigger = (name: string) => `tfc-layers:components:Layer$tfe:index/runTrigger:RunTrigger::${name}`;
    assert.deepEqual(creates, [trigger("network-a-dev->edge-dev")]);
    assert.deepEqual(deletes, [trigger("edge-dev->platform-b-dev")]);
  });
});

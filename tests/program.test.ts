// The program end to end under mocks: the committed stacks and variations of them.
import * as assert from "node:assert/strict";
import type { MockRun } from "../offline/mockRuntime";
import type { RegisteredResource } from "../offline/registrations";
import { loadStackFile } from "../offline/stackFile";
import {
  CREDENTIALS,
  deploy,
  deployRejected,
  type LayerFixture,
  programResources,
  SEED_LAYERS,
  stackConfig,
  WEBHOOK_URL,
} from "./fixtures";
import { byName, ofType, SecretValue, secretInput } from "./mocks";

const T = {
  layer: "tfc-layers:components:Layer",
  workspace: "tfe:index/workspace:Workspace",
  settings: "tfe:index/workspaceSettings:WorkspaceSettings",
  trigger: "tfe:index/runTrigger:RunTrigger",
  variableSet: "tfe:index/variableSet:VariableSet",
  variable: "tfe:index/variable:Variable",
  attachment: "tfe:index/workspaceVariableSet:WorkspaceVariableSet",
  notification: "tfe:index/notificationConfiguration:NotificationConfiguration",
  password: "random:index/randomPassword:RandomPassword",
};

const ROOT = `${__dirname}/..`;

/** Workspace name for a mock id such as id(network-a-dev). */
const nameOfId = (id: unknown) => /^id\((.+)\)$/.exec(String(id))?.[1];

function edges(run: MockRun): string[] {
  return ofType(run, T.trigger)
    .map((t) => `${nameOfId(t.inputs.sourceableId)} -> ${nameOfId(t.inputs.workspaceId)}`)
    .sort();
}

function consumers(run: MockRun, workspace: string): string[] {
  const settings = byName(run, T.settings, `${workspace}-settings`);
  return (settings.inputs.remoteStateConsumerIds as string[]).map((id) => nameOfId(id)!).sort();
}

function parentName(run: MockRun, resource: RegisteredResource): string {
  return run.resources.find((r) => r.urn === resource.parent)!.name;
}

// Dev says tfc-layers:protect: false (it is torn down); prod leaves it at its default.
for (const [stack, autoApply, protect] of [
  ["dev", true, false],
  ["prod", false, true],
] as const) {
  describe(`committed stack ${stack}`, () => {
    let run: MockRun;
    before(async () => {
      run = await deploy(loadStackFile(ROOT, stack));
    });

    it("creates one Layer component per layer, with the layer's name", () => {
      assert.deepEqual(
        ofType(run, T.layer).map((l) => l.name),
        ["network", "platform", "app"],
      );
    });

    it("creates one workspace per configured workspace, named <workspace>-<environment>, in the organization", () => {
      const workspaces = ofType(run, T.workspace);
      assert.deepEqual(workspaces.map((w) => w.inputs.name).sort(), [
        `app-c-${stack}`,
        `network-a-${stack}`,
        `platform-b-${stack}`,
      ]);
      for (const ws of workspaces) {
        assert.equal(ws.name, ws.inputs.name, "logical name matches the TFC name");
        assert.equal(ws.inputs.organization, "acme");
        assert.equal(ws.inputs.forceDelete, undefined, "forceDelete is never set");
      }
    });

    it(`sets autoApply and autoApplyRunTrigger both to ${autoApply}`, () => {
      for (const ws of ofType(run, T.workspace)) {
        assert.equal(ws.inputs.autoApply, autoApply, `${ws.name}.autoApply`);
        assert.equal(ws.inputs.autoApplyRunTrigger, autoApply, `${ws.name}.autoApplyRunTrigger`);
      }
    });

    it(`${protect ? "protects" : "does not protect"} the workspaces from deletion`, () => {
      for (const ws of ofType(run, T.workspace)) {
        assert.equal(ws.protect, protect, ws.name);
      }
    });

    it("gives every workspace settings with remote execution and no global remote state", () => {
      const settings = ofType(run, T.settings);
      assert.equal(settings.length, 3);
      for (const s of settings) {
        assert.equal(s.inputs.executionMode, "remote");
        assert.equal(s.inputs.globalRemoteState, false);
        assert.equal(nameOfId(s.inputs.workspaceId), s.name.replace(/-settings$/, ""));
      }
    });

    it("links the three trigger edges of the seed", () => {
      assert.deepEqual(edges(run), [
        `network-a-${stack} -> app-c-${stack}`,
        `network-a-${stack} -> platform-b-${stack}`,
        `platform-b-${stack} -> app-c-${stack}`,
      ]);
    });

    it("shares state with exactly the direct dependents", () => {
      assert.deepEqual(consumers(run, `network-a-${stack}`), [`app-c-${stack}`, `platform-b-${stack}`]);
      assert.deepEqual(consumers(run, `platform-b-${stack}`), [`app-c-${stack}`]);
      assert.deepEqual(consumers(run, `app-c-${stack}`), []);
    });

    it("parents workspaces and settings to their layer, and triggers to the downstream layer", () => {
      for (const type of [T.workspace, T.settings]) {
        for (const r of ofType(run, type)) {
          assert.equal(parentName(run, r), r.name.split("-")[0], `${r.name} parent`);
        }
      }
      for (const t of ofType(run, T.trigger)) {
        assert.equal(parentName(run, t), nameOfId(t.inputs.workspaceId)!.split("-")[0], `${t.name} parent`);
      }
    });

    it("creates no shared credentials or approval webhook when none are configured", () => {
      // The committed stacks use named credential sets only (prod: dynamic AWS roles), and tell
      // the platform team by email what stops a cascade: no approval webhook.
      for (const set of ofType(run, T.variableSet)) assert.match(set.name, /^credentials\//);
      for (const n of ofType(run, T.notification))
        assert.match(n.name, new RegExp(`^notifications-${stack}/platform-team/`));
    });

    it("exports names, ids, URLs, edges and consumers", () => {
      const layers = run.stackOutputs.layers as Record<string, Record<string, Record<string, string>>>;
      assert.deepEqual(layers.network["network-a"], {
        name: `network-a-${stack}`,
        id: `id(network-a-${stack})`,
        url: `https://app.terraform.io/app/acme/workspaces/network-a-${stack}`,
      });
      assert.deepEqual(Object.keys(layers).sort(), ["app", "network", "platform"]);
      assert.deepEqual([...(run.stackOutputs.triggers as string[])].sort(), edges(run));
      assert.deepEqual(run.stackOutputs.remoteStateConsumers, {
        [`network-a-${stack}`]: [`app-c-${stack}`, `platform-b-${stack}`],
        [`platform-b-${stack}`]: [`app-c-${stack}`],
        [`app-c-${stack}`]: [],
      });
      assert.deepEqual(run.stackOutputs.runsQueuedPerApply, {
        [`network-a-${stack}`]: 3,
        [`platform-b-${stack}`]: 1,
        [`app-c-${stack}`]: 0,
      });
    });
  });
}

describe("stack outputs", () => {
  it("each workspace's url is its page on the stack's TFC host, as the provider's htmlUrl gives it", async () => {
    const run = await deploy(stackConfig({ raw: { "tfe:hostname": "tfe.example.com" } }));
    const layers = run.stackOutputs.layers as Record<string, Record<string, Record<string, string>>>;
    assert.equal(layers.network["network-a"].url, "https://tfe.example.com/app/acme/workspaces/network-a-dev");
    // The provider's html_url: the API host and the workspace's self-html link (its acceptance tests).
    const workspace = byName(run, T.workspace, "network-a-dev");
    const htmlUrl = `https://tfe.example.com/app/${workspace.inputs.organization}/workspaces/${workspace.inputs.name}`;
    assert.equal(layers.network["network-a"].url, htmlUrl);
  });
});

describe("shared credentials", () => {
  const layers: LayerFixture[] = [
    ...SEED_LAYERS,
    { name: "sandbox", workspaces: ["sandbox-d"], dependsOn: ["network"], sharedCredentials: false },
  ];
  let run: MockRun;
  before(async () => {
    run = await deploy(stackConfig({ layers, credentials: CREDENTIALS }));
  });

  it("creates one variable set named after the deployment, <project>/<stack>/shared-credentials", () => {
    const [set] = ofType(run, T.variableSet);
    assert.equal(ofType(run, T.variableSet).length, 1);
    assert.equal(set.inputs.name, "tfc-layers/dev/shared-credentials");
    assert.equal(set.inputs.organization, "acme");
    assert.equal(set.inputs.global, false);
  });

  it("creates one sensitive env variable per credential, its value a secret", () => {
    const variables = ofType(run, T.variable);
    assert.deepEqual(variables.map((v) => v.inputs.key).sort(), Object.keys(CREDENTIALS).sort());
    for (const v of variables) {
      assert.equal(v.inputs.category, "env");
      assert.equal(v.inputs.sensitive, true);
      assert.equal(v.inputs.variableSetId, "id(shared-credentials-dev-set)");
      assert.equal(v.inputs.workspaceId, undefined);
      assert.equal(secretInput(v, "value"), CREDENTIALS[v.inputs.key as keyof typeof CREDENTIALS]);
    }
  });

  it("attaches the set to every workspace except the layers that opt out", () => {
    const attached = ofType(run, T.attachment)
      .map((a) => nameOfId(a.inputs.workspaceId))
      .sort();
    assert.deepEqual(attached, ["app-c-dev", "network-a-dev", "platform-b-dev"]);
    for (const a of ofType(run, T.attachment)) {
      assert.equal(a.inputs.variableSetId, "id(shared-credentials-dev-set)");
    }
  });

  it("exports the variable set id", () => {
    assert.equal(run.stackOutputs.variableSetId, "id(shared-credentials-dev-set)");
  });
});

describe("approval notifications", () => {
  it("on a stack that does not auto-apply: one signed generic notification per workspace", async () => {
    const run = await deploy(stackConfig({ environment: "prod", autoApply: false, webhook: WEBHOOK_URL }));
    const notifications = ofType(run, T.notification);
    assert.deepEqual(notifications.map((n) => nameOfId(n.inputs.workspaceId)).sort(), [
      "app-c-prod",
      "network-a-prod",
      "platform-b-prod",
    ]);
    assert.equal(ofType(run, T.password).length, 1, "one HMAC key per stack");
    for (const n of notifications) {
      assert.equal(n.inputs.destinationType, "generic");
      assert.equal(n.inputs.enabled, true);
      assert.deepEqual(n.inputs.triggers, ["run:needs_attention", "run:errored"]);
      assert.equal(secretInput(n, "url"), WEBHOOK_URL);
      assert.equal(secretInput(n, "token"), "mock-generated-password");
    }
    assert.ok(run.stackOutputs.approvalHmacKey instanceof SecretValue, "the HMAC key is exported as a secret");
  });

  it("on a stack that auto-applies: none, since nothing waits for approval", async () => {
    const run = await deploy(stackConfig({ autoApply: true, webhook: WEBHOOK_URL }));
    assert.equal(ofType(run, T.notification).length, 0);
    assert.equal(ofType(run, T.password).length, 0);
    assert.equal(run.stackOutputs.approvalHmacKey, undefined);
  });
});

describe("graph shapes", () => {
  it("fan-out: one upstream triggers and shares state with each of three downstreams", async () => {
    const run = await deploy(
      stackConfig({
        layers: [
          { name: "network", workspaces: ["net"] },
          { name: "apps", workspaces: ["app-x", "app-y", "app-z"], dependsOn: ["network"] },
        ],
      }),
    );
    assert.deepEqual(edges(run), ["net-dev -> app-x-dev", "net-dev -> app-y-dev", "net-dev -> app-z-dev"]);
    assert.deepEqual(consumers(run, "net-dev"), ["app-x-dev", "app-y-dev", "app-z-dev"]);
    for (const app of ["app-x-dev", "app-y-dev", "app-z-dev"]) assert.deepEqual(consumers(run, app), []);
  });

  it("fan-in: three upstream layers each trigger the one downstream", async () => {
    const run = await deploy(
      stackConfig({
        layers: [
          { name: "dns", workspaces: ["dns"] },
          { name: "network", workspaces: ["net"] },
          { name: "iam", workspaces: ["iam"] },
          { name: "app", workspaces: ["app"], dependsOn: ["dns", "network", "iam"] },
        ],
      }),
    );
    assert.deepEqual(edges(run), ["dns-dev -> app-dev", "iam-dev -> app-dev", "net-dev -> app-dev"]);
    for (const up of ["dns-dev", "iam-dev", "net-dev"]) assert.deepEqual(consumers(run, up), ["app-dev"]);
  });

  it("local execution is allowed for a layer outside the trigger graph", async () => {
    const run = await deploy(
      stackConfig({
        layers: [...SEED_LAYERS, { name: "sandbox", workspaces: ["scratch"], executionMode: "local" }],
      }),
    );
    assert.equal(byName(run, T.settings, "scratch-dev-settings").inputs.executionMode, "local");
  });

  it("agent execution passes the agent pool to the settings", async () => {
    const run = await deploy(
      stackConfig({
        layers: [
          { name: "network", workspaces: ["net"] },
          { name: "app", workspaces: ["app"], dependsOn: ["network"], executionMode: "agent", agentPoolId: "apool-1" },
        ],
      }),
    );
    const settings = byName(run, T.settings, "app-dev-settings");
    assert.equal(settings.inputs.executionMode, "agent");
    assert.equal(settings.inputs.agentPoolId, "apool-1");
  });
});

describe("rejected graphs register nothing", () => {
  const cases: Array<[string, unknown, RegExp]> = [
    [
      "a dependency cycle, with its path",
      [
        { name: "network", workspaces: ["n"], dependsOn: ["platform"] },
        { name: "platform", workspaces: ["p"], dependsOn: ["network"] },
      ],
      /^tfc-layers:layers: dependency cycle network -> platform -> network/,
    ],
    [
      "an unknown layer in dependsOn",
      [
        { name: "network", workspaces: ["n"] },
        { name: "app", workspaces: ["a"], dependsOn: ["netwrok"] },
      ],
      /^tfc-layers:layers: layer "app" depends on "netwrok", which is not a layer: did you mean "network"\?$/,
    ],
    [
      "a layer depending on itself",
      [{ name: "network", workspaces: ["n"], dependsOn: ["network"] }],
      /^tfc-layers:layers: layer "network" depends on itself: remove "network" from its dependsOn$/,
    ],
    [
      "two layers with one name",
      [
        { name: "network", workspaces: ["n"] },
        { name: "network", workspaces: ["m"] },
      ],
      /^tfc-layers:layers: two layers are named "network": layer names must be unique$/,
    ],
    [
      "one workspace in two layers",
      [
        { name: "network", workspaces: ["shared"] },
        { name: "app", workspaces: ["shared"], dependsOn: ["network"] },
      ],
      /^tfc-layers:layers: workspace "shared" is listed in layers "network" and "app"/,
    ],
    [
      "more than 20 source workspaces",
      [
        { name: "many", workspaces: Array.from({ length: 21 }, (_, i) => `src-${i}`) },
        { name: "app", workspaces: ["a"], dependsOn: ["many"] },
      ],
      /would have 21 source workspaces from layers many: TFC allows 20/,
    ],
    [
      "agent execution without an agent pool",
      [{ name: "network", workspaces: ["n"], executionMode: "agent" }],
      /layer "network" has executionMode agent but no agentPoolId/,
    ],
    [
      "local execution for a trigger target",
      [
        { name: "network", workspaces: ["n"] },
        { name: "app", workspaces: ["a"], dependsOn: ["network"], executionMode: "local" },
      ],
      /layer "app" has executionMode local and dependsOn \["network"\]: runs queued by run triggers never execute in local mode/,
    ],
  ];
  for (const [what, layers, message] of cases) {
    it(what, async () => {
      const { message: got, run } = await deployRejected(stackConfig({ layers }));
      assert.match(got, message);
      assert.equal(got.includes("\n"), false, "one line");
      assert.deepEqual(programResources(run), []);
    });
  }

  it("exactly 20 sources is allowed", async () => {
    await deploy(
      stackConfig({
        layers: [
          { name: "many", workspaces: Array.from({ length: 20 }, (_, i) => `src-${i}`) },
          { name: "app", workspaces: ["a"], dependsOn: ["many"] },
        ],
      }),
    );
  });
});

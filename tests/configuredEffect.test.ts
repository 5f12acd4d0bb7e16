// What a stack configures takes effect, or is refused or reported: health assessments for the
// assessment triggers, an approval webhook where nothing waits, and releases by tag.
import * as assert from "node:assert/strict";
import { buildPlan } from "../plan/document";
import { renderText } from "../plan/text";
import { commitRuns, exampleCommits } from "../topology/commits";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology } from "../topology/topology";
import {
  deploy,
  type LayerFixture,
  refusalOf,
  SEED_LAYERS,
  type StackOptions,
  stackConfig,
  WEBHOOK_URL,
} from "./fixtures";
import { byName, ofType } from "./mocks";

const SETTINGS = "tfe:index/workspaceSettings:WorkspaceSettings";
const WORKSPACE = "tfe:index/workspace:Workspace";
const HEALTH = "tfc-layers:healthAssessments";
const DRIFT = [{ name: "drift", destination: "email", emails: ["ops@acme.example"], on: ["assessment:drifted"] }];
const VCS = { repository: "acme/infra", branch: "main", oauthTokenId: "ot-abc" };
const TAGS = "^v\\d+\\.\\d+\\.\\d+$";

const withLayer = (name: string, extra: Record<string, unknown>): LayerFixture[] =>
  SEED_LAYERS.map((l) => (l.name === name ? { ...l, ...extra } : l));

function topologyOf(options: StackOptions) {
  const file = stackConfig(options);
  return buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
}

async function planOf(options: StackOptions) {
  const file = stackConfig(options);
  return buildPlan(file.stack, topologyOf(options), await deploy(file));
}

describe("health assessments", () => {
  const assessed = async (options: StackOptions) => {
    const run = await deploy(stackConfig(options));
    return Object.fromEntries(ofType(run, SETTINGS).map((s) => [s.name, s.inputs.assessmentsEnabled]));
  };

  it("sets assessmentsEnabled on each workspace's settings: the layer's choice over the stack's, false unless set", async () => {
    assert.deepEqual(await assessed({}), {
      "network-a-dev-settings": false,
      "platform-b-dev-settings": false,
      "app-c-dev-settings": false,
    });
    assert.deepEqual(
      await assessed({ raw: { [HEALTH]: true }, layers: withLayer("network", { healthAssessments: false }) }),
      { "network-a-dev-settings": false, "platform-b-dev-settings": true, "app-c-dev-settings": true },
    );
    assert.deepEqual(await assessed({ layers: withLayer("app", { healthAssessments: true }) }), {
      "network-a-dev-settings": false,
      "platform-b-dev-settings": false,
      "app-c-dev-settings": true,
    });
  });

  it("never on the workspace itself: the provider sends the settings' value on every update", async () => {
    const run = await deploy(stackConfig({ raw: { [HEALTH]: true } }));
    for (const ws of ofType(run, WORKSPACE)) assert.equal(ws.inputs.assessmentsEnabled, undefined, ws.name);
  });

  it("refuses assessment triggers on a workspace without health assessments, and takes them with", () => {
    const notifications = { "tfc-layers:notifications": DRIFT };
    assert.equal(
      refusalOf(stackConfig({ raw: notifications })),
      'tfc-layers:notifications[0] ("drift").on "assessment:drifted" never fires on workspace "network-a-dev" (layer "network"): it has no health assessments; set tfc-layers:healthAssessments: true (or healthAssessments: true on layer "network"), or drop the assessment triggers',
    );
    assert.equal(refusalOf(stackConfig({ raw: { ...notifications, [HEALTH]: true } })), "accepted");
    assert.match(
      refusalOf(
        stackConfig({
          raw: { ...notifications, [HEALTH]: true },
          layers: withLayer("app", { healthAssessments: false }),
        }),
      ),
      /never fires on workspace "app-c-dev" \(layer "app"\)/,
    );
    // Run triggers alone need nothing.
    assert.equal(
      refusalOf(stackConfig({ raw: { "tfc-layers:notifications": [{ ...DRIFT[0], on: ["run:errored"] }] } })),
      "accepted",
    );
  });

  it("refuses them on a local layer, where TFC assesses nothing", () => {
    const layers: LayerFixture[] = [...SEED_LAYERS, { name: "scratch", workspaces: ["s"], executionMode: "local" }];
    assert.match(
      refusalOf(stackConfig({ layers, raw: { [HEALTH]: true } })),
      /layer "scratch" has executionMode local and health assessments on \(tfc-layers:healthAssessments: true\)/,
    );
    const off = layers.map((l) => (l.name === "scratch" ? { ...l, healthAssessments: false } : l));
    assert.equal(refusalOf(stackConfig({ layers: off, raw: { [HEALTH]: true } })), "accepted");
  });
});

describe("an approval webhook where nothing waits", () => {
  const unused = /tfc-layers:approvalWebhookUrl is set, but every run of this stack applies by itself/;

  it("sends nothing, and the plan's advice says so", async () => {
    const plan = await planOf({ autoApply: true, webhook: WEBHOOK_URL });
    assert.equal(
      JSON.stringify(plan.resources).includes("approval-requests"),
      false,
      "no approval notification is created",
    );
    assert.match(plan.advice[0], unused);
    assert.match(renderText(plan), /## Advice\n\n- tfc-layers:approvalWebhookUrl is set, but/);
  });

  it("says nothing where a run waits, even in one layer only", async () => {
    const waits = await planOf({
      autoApply: true,
      webhook: WEBHOOK_URL,
      layers: withLayer("app", { autoApply: false }),
    });
    assert.ok(JSON.stringify(waits.resources).includes("approval-requests"));
    assert.equal(
      waits.advice.some((a) => unused.test(a)),
      false,
    );
    const none = await planOf({ autoApply: true });
    assert.equal(
      none.advice.some((a) => unused.test(a)),
      false,
    );
  });
});

describe("releases by tag", () => {
  it("connects the workspaces with tagsRegex, no file triggers and no trigger patterns, the branch kept", async () => {
    const run = await deploy(stackConfig({ raw: { "tfc-layers:vcs": { ...VCS, tagsRegex: TAGS } } }));
    const ws = byName(run, WORKSPACE, "network-a-dev");
    assert.deepEqual(ws.inputs.vcsRepo, {
      identifier: "acme/infra",
      branch: "main",
      oauthTokenId: "ot-abc",
      ingressSubmodules: false,
      tagsRegex: TAGS,
    });
    assert.equal(ws.inputs.fileTriggersEnabled, false);
    assert.equal(ws.inputs.triggerPatterns, undefined);
  });

  it("a layer's own vcs releases by tag while the others follow commits", async () => {
    const layers = withLayer("app", { vcs: { ...VCS, tagsRegex: TAGS } });
    const run = await deploy(stackConfig({ layers, raw: { "tfc-layers:vcs": VCS } }));
    const app = byName(run, WORKSPACE, "app-c-dev");
    const network = byName(run, WORKSPACE, "network-a-dev");
    assert.equal((app.inputs.vcsRepo as Record<string, unknown>).tagsRegex, TAGS);
    assert.equal((network.inputs.vcsRepo as Record<string, unknown>).tagsRegex, undefined);
    assert.deepEqual(
      [network.inputs.fileTriggersEnabled, network.inputs.triggerPatterns],
      [true, ["/network/network-a/**/*"]],
    );
  });

  it("in the plan: a commit queues no VCS run where workspaces release by tag, a matching tag queues one in each", async () => {
    const layers = withLayer("app", { vcs: { ...VCS, tagsRegex: TAGS } });
    const topology = topologyOf({ layers, raw: { "tfc-layers:vcs": VCS } });
    const commits = exampleCommits(topology);
    assert.deepEqual(
      commits.map((c) => c.tag ?? c.touched.join()),
      ["network/network-a", "platform/platform-b", TAGS],
    );
    assert.deepEqual(commitRuns(topology, { repository: "acme/infra", touched: ["app/app-c"] }).vcsRuns, []);
    assert.deepEqual(commitRuns(topology, commits[2]).vcsRuns, ["app-c"]);
    const text = renderText(await planOf({ layers, raw: { "tfc-layers:vcs": VCS } }));
    assert.match(
      text,
      /A tag that matches \^v\\d\+\\\.\\d\+\\\.\\d\+\$ \(these workspaces release by tag; commits queue no runs there\):\n {2}VCS queues: {10}app-c-dev\n/,
    );
  });
});

// Ordered bootstrap and teardown, proven from what the program registers. The engine creates a
// resource only after everything it depends on, and deletes it before everything it depends
// on, so "X happens before Y" holds in every order the engine may choose exactly when one
// depends, directly or through others, on the other.

import * as assert from "node:assert/strict";
import { longestChain } from "../bench/bench";
import { generateLayers } from "../bench/generate";
import { CONTRACT_VARIABLE } from "../hcl/expressions";
import type { MockRun } from "../offline/mockRuntime";
import type { RegisteredResource } from "../offline/registrations";
import { loadStackFile, PROJECT_DIR } from "../offline/stackFile";
import { buildPlan } from "../plan/document";
import { renderText } from "../plan/text";
import { main as plan } from "../scripts/plan";
import { wallTime } from "../topology/lifecycle/lifecycle";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology } from "../topology/topology";
import { CREDENTIALS, deploy, type LayerFixture, SEED_LAYERS, type StackOptions, stackConfig } from "./fixtures";
import { ofType } from "./mocks";

const VCS = { repository: "acme/infra", oauthTokenId: "ot-abc" };
const LIFECYCLE = { applyOnCreate: true, destroyOnDelete: true };
const T = {
  workspace: "tfe:index/workspace:Workspace",
  settings: "tfe:index/workspaceSettings:WorkspaceSettings",
  trigger: "tfe:index/runTrigger:RunTrigger",
  run: "tfe:index/workspaceRun:WorkspaceRun",
  variable: "tfe:index/variable:Variable",
  attachment: "tfe:index/workspaceVariableSet:WorkspaceVariableSet",
  projectAttachment: "tfe:index/projectVariableSet:ProjectVariableSet",
};

/** A stack with the lifecycle; one that auto-applies lets Pulumi delete its workspaces, as dev does. */
const withLifecycle = (options: StackOptions = {}, lifecycle: object = LIFECYCLE) =>
  stackConfig({
    credentials: CREDENTIALS,
    ...options,
    raw: {
      "tfc-layers:vcs": VCS,
      "tfc-layers:lifecycle": lifecycle,
      ...(options.autoApply === false ? {} : { "tfc-layers:protect": false }),
      ...options.raw,
    },
  });

/** Whether `from` depends on `to`, directly or through other registered resources. */
function dependsOn(run: MockRun, from: RegisteredResource, to: RegisteredResource): boolean {
  const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
  const seen = new Set<string>();
  const stack = [...from.dependencies];
  while (stack.length) {
    const urn = stack.pop()!;
    if (urn === to.urn) return true;
    if (seen.has(urn)) continue;
    seen.add(urn);
    stack.push(...(byUrn.get(urn)?.dependencies ?? []));
  }
  return false;
}

/** The order the engine deletes in, as waves: a resource goes once nothing left depends on it. */
function deletionWaves(resources: readonly RegisteredResource[]): string[][] {
  const left = new Set(resources.map((r) => r.urn));
  const waves: string[][] = [];
  while (left.size) {
    const needed = new Set(resources.filter((r) => left.has(r.urn)).flatMap((r) => r.dependencies));
    const wave = [...left].filter((urn) => !needed.has(urn));
    assert.ok(wave.length > 0, "a dependency cycle");
    for (const urn of wave) left.delete(urn);
    waves.push(wave);
  }
  return waves;
}

/** Every ordering rule of the lifecycle, checked on one run of the program. */
function checkOrder(run: MockRun, withCredentials = true): void {
  const workspaceId = (r: RegisteredResource) => String(r.inputs.workspaceId);
  const byWorkspace = (type: string) => new Map(ofType(run, type).map((r) => [workspaceId(r), r]));
  const runs = byWorkspace(T.run);
  const settings = byWorkspace(T.settings);
  const workspaces = new Map(ofType(run, T.workspace).map((w) => [w.id, w]));
  const contractInputs = new Map(
    ofType(run, T.variable)
      .filter((v) => v.inputs.key === CONTRACT_VARIABLE)
      .map((v) => [workspaceId(v), v]),
  );
  const credentials = [
    ...ofType(run, T.variable).filter((v) => v.inputs.key !== CONTRACT_VARIABLE),
    ...ofType(run, T.attachment),
    ...ofType(run, T.projectAttachment),
  ];
  assert.equal(credentials.length > 0, withCredentials);
  assert.equal(runs.size, workspaces.size);
  const before = (a: RegisteredResource, b: RegisteredResource, rule: string) =>
    assert.ok(dependsOn(run, a, b), `${rule}: ${a.name} must depend on ${b.name}`);

  for (const [id, workspaceRun] of runs) {
    // Bootstrap after, teardown before: its settings and the credentials.
    before(workspaceRun, settings.get(id)!, "a first apply waits for the settings, which go after the destroy run");
    for (const c of credentials) before(workspaceRun, c, "a run waits for the credentials, which go after it");
    const input = contractInputs.get(id);
    if (input) before(workspaceRun, input, "a reading workspace's run waits for the variable naming its upstreams");
    // The workspace itself goes last.
    for (const own of [workspaceRun, settings.get(id)!]) before(own, workspaces.get(id)!, "the workspace goes last");
  }
  for (const s of ofType(run, T.settings)) {
    // A destroy run plans against its upstreams' state: it goes before the settings that grant it.
    for (const consumer of s.inputs.remoteStateConsumerIds as string[]) {
      const reader = runs.get(consumer);
      if (reader) before(reader, s, "a destroy run goes before the upstream settings that let it read state");
    }
  }
  for (const trigger of ofType(run, T.trigger)) {
    const up = runs.get(String(trigger.inputs.sourceableId))!;
    const down = runs.get(workspaceId(trigger))!;
    // Upstreams bootstrap first and are destroyed last.
    before(down, up, "the downstream's first apply waits for the upstream's; its destroy goes first");
    // A trigger appears after both first applies (no second first run) and goes before both destroys.
    before(trigger, up, "a trigger waits for its source's first apply and goes before its destroy run");
    before(trigger, down, "a trigger waits for its target's first apply and goes before its destroy run");
    for (const end of [up, down]) before(trigger, workspaces.get(workspaceId(end))!, "the workspace goes last");
  }
}

describe("lifecycle", () => {
  const shapes: Record<string, LayerFixture[]> = {
    "the committed layers (a diamond)": SEED_LAYERS,
    "fan-out": [
      { name: "network", workspaces: ["net"] },
      { name: "apps", workspaces: ["a", "b", "c"], dependsOn: ["network"] },
    ],
    "fan-in": [
      { name: "one", workspaces: ["x"] },
      { name: "two", workspaces: ["y"] },
      { name: "three", workspaces: ["z"] },
      { name: "app", workspaces: ["app"], dependsOn: ["one", "two", "three"] },
    ],
    "a generated topology of 40 workspaces": generateLayers(40).map((layer) => ({ ...layer })),
  };
  for (const [shape, layers] of Object.entries(shapes)) {
    it(`orders bootstrap and teardown: ${shape}`, async () => {
      checkOrder(await deploy(withLifecycle({ layers })));
    });
  }

  it("orders the committed dev stack, which turns the lifecycle on", async () => {
    const run = await deploy(loadStackFile(PROJECT_DIR, "dev"));
    assert.equal(ofType(run, T.run).length, 3);
    // platform-b and app-c read upstream state through the contract: each has its variable.
    assert.equal(ofType(run, T.variable).filter((v) => v.inputs.key === CONTRACT_VARIABLE).length, 2);
    checkOrder(run, false);
  });

  it("orders them too when the credentials attach to the project", async () => {
    const run = await deploy(withLifecycle({ raw: { "tfc-layers:project": { name: "layers-dev" } } }));
    assert.equal(ofType(run, T.projectAttachment).length, 1);
    checkOrder(run);
  });

  it("deletes dependents' destroy runs first, and the workspaces after everything of theirs", async () => {
    const run = await deploy(withLifecycle());
    const waves = deletionWaves(run.resources.filter((r) => r.custom));
    const waveOf = (type: string, name: string) =>
      waves.findIndex((w) => w.some((urn) => urn.endsWith(`${type}::${name}`)));
    const runWave = (ws: string) => waveOf(T.run, `lifecycle-dev-${ws}-dev`);
    assert.ok(runWave("app-c") < runWave("platform-b") && runWave("platform-b") < runWave("network-a"));
    assert.ok(waveOf(T.trigger, "network-a-dev->platform-b-dev") < runWave("app-c"));
    assert.ok(runWave("network-a") < waveOf(T.workspace, "network-a-dev"));
  });

  it("waits for approval on a stack that does not auto-apply, and passes the retry settings", async () => {
    const prod = await deploy(
      withLifecycle(
        { environment: "prod", autoApply: false },
        { ...LIFECYCLE, destroyProtected: true, retryAttempts: 5 },
      ),
    );
    for (const r of ofType(prod, T.run)) {
      for (const phase of ["apply", "destroy"]) {
        const settings = r.inputs[phase] as Record<string, unknown>;
        assert.equal(settings.manualConfirm, true);
        assert.equal(settings.waitForRun, true);
        assert.equal(settings.retryAttempts, 5);
        assert.equal(settings.retryBackoffMin, 1);
        assert.equal(settings.retryBackoffMax, 30);
      }
    }
    const dev = await deploy(withLifecycle({}, { applyOnCreate: true }));
    for (const r of ofType(dev, T.run)) {
      assert.equal((r.inputs.apply as Record<string, unknown>).manualConfirm, false);
      assert.equal(r.inputs.destroy, undefined, "no destroy run unless asked");
    }
  });

  it("is off unless the stack opts in: no runs, and triggers wait for nothing", async () => {
    const run = await deploy(stackConfig({ raw: { "tfc-layers:vcs": VCS } }));
    assert.equal(ofType(run, T.run).length, 0);
    for (const t of ofType(run, T.trigger)) {
      assert.ok(
        t.dependencies.every((urn) => urn.includes(T.workspace)),
        t.name,
      );
    }
  });

  it("adding a workspace to a running environment adds its first run only; the others stay the same", async () => {
    const runs = async (layers: LayerFixture[]) =>
      new Map(ofType(await deploy(withLifecycle({ layers })), T.run).map((r) => [r.urn, r.inputs]));
    const before = await runs(SEED_LAYERS);
    const grown = [...SEED_LAYERS.slice(0, 2), { ...SEED_LAYERS[2], workspaces: ["app-c", "app-d"] }];
    const after = await runs(grown);
    const added = [...after.keys()].filter((urn) => !before.has(urn));
    assert.deepEqual(
      added.map((urn) => urn.split("::").pop()),
      ["lifecycle-dev-app-d-dev"],
    );
    for (const [urn, inputs] of before) assert.deepEqual(after.get(urn), inputs, urn);
  });

  it("keeps the dependency chain at the layer depth plus a constant", async () => {
    const overDepth = new Set<number>();
    for (const layers of [
      SEED_LAYERS,
      generateLayers(12).map((l) => ({ ...l })),
      generateLayers(60).map((l) => ({ ...l })),
    ]) {
      const file = withLifecycle({ layers });
      const topology = buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
      const run = await deploy(file);
      overDepth.add(longestChain(run.resources.filter((r) => r.custom)) - topology.lifecycle!.bootstrapWaves.length);
    }
    // A workspace, its settings or credentials attachment, the runs wave by wave, then a trigger.
    assert.deepEqual([...overDepth], [3]);
  });

  it("bootstraps layer by layer: waves upstream first", () => {
    const file = withLifecycle();
    const topology = buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
    assert.deepEqual(topology.lifecycle?.bootstrapWaves, [["network-a"], ["platform-b"], ["app-c"]]);
  });
});

describe("removing workspaces with destroyOnDelete: retiring first, removing next", () => {
  const layers: LayerFixture[] = [
    { name: "network", workspaces: ["network-a"] },
    { name: "platform", workspaces: ["platform-b"], dependsOn: ["network"] },
    { name: "app", workspaces: ["app-c", "app-d"], dependsOn: ["network", "platform"] },
  ];
  const custom = (run: MockRun) => new Map(run.resources.filter((r) => r.custom).map((r) => [r.urn, r]));
  const removed = (before: MockRun, after: MockRun) =>
    [...custom(before).values()].filter((r) => !custom(after).has(r.urn));
  const short = (r: RegisteredResource) => r.urn.split("::").pop();

  for (const [what, retiring] of [
    ["one workspace", ["app-d"]],
    ["one layer", ["app-c", "app-d"]],
    ["a layer and the layer that depends on it", ["app-c", "app-d", "platform-b"]],
  ] as [string, string[]][]) {
    it(`${what}: the retiring step deletes only runs and triggers, in order, and takes no access away`, async () => {
      const before = await deploy(withLifecycle({ layers }));
      const after = await deploy(withLifecycle({ layers }, { ...LIFECYCLE, retiring }));
      const gone = removed(before, after);
      const retiringNames = new Set(retiring.map((k) => `${k}-dev`));
      const touches = (t: RegisteredResource) =>
        [t.inputs.workspaceId, t.inputs.sourceableId].some((id) => retiringNames.has(String(id).slice(3, -1)));
      assert.deepEqual(
        gone.map(short).sort(),
        [
          ...retiring.map((k) => `lifecycle-dev-${k}-dev`),
          ...ofType(before, T.trigger)
            .filter(touches)
            .map((t) => t.name),
        ].sort(),
      );
      // Nothing is created and nothing kept changes: the upstreams still share their state with
      // the retiring workspaces, whose variables and credentials stay, while their destroy runs go.
      for (const [urn, r] of custom(after)) assert.deepEqual(r.inputs, custom(before).get(urn)?.inputs, urn);
      // The engine deletes by the old state's dependencies: triggers first, then dependents' runs.
      const waves = deletionWaves(
        gone.map((r) => ({ ...r, dependencies: r.dependencies.filter((d) => gone.some((g) => g.urn === d)) })),
      );
      const waveOf = (name: string) => waves.findIndex((w) => w.some((urn) => urn.endsWith(`::${name}`)));
      for (const t of gone.filter((r) => r.type === T.trigger)) {
        for (const k of retiring) {
          if (touches(t) && t.dependencies.some((d) => d.endsWith(`lifecycle-dev-${k}-dev`))) {
            assert.ok(waveOf(t.name) < waveOf(`lifecycle-dev-${k}-dev`), `${t.name} goes before ${k}'s destroy run`);
          }
        }
      }
      if (retiring.includes("platform-b")) {
        assert.ok(waveOf("lifecycle-dev-app-c-dev") < waveOf("lifecycle-dev-platform-b-dev"));
      }

      // The next change removes them: no run is left to start a destroy run.
      const remaining = layers
        .map((l) => ({ ...l, workspaces: l.workspaces.filter((w) => !retiring.includes(w as string)) }))
        .filter((l) => l.workspaces.length > 0)
        .map((l) => ({
          ...l,
          dependsOn: l.dependsOn?.filter((d) => d !== "platform" || !retiring.includes("platform-b")),
        }));
      const next = await deploy(withLifecycle({ layers: remaining }));
      assert.deepEqual(
        removed(after, next).filter((r) => r.type === T.run),
        [],
      );
      assert.ok(removed(after, next).some((r) => r.type === T.workspace));
    });
  }

  it("refuses a retiring workspace whose dependents stay, one that is not there, and retiring without destroy runs", () => {
    const refusal = (lifecycle: object, stackLayers: LayerFixture[] = layers) => {
      const file = withLifecycle({ layers: stackLayers }, lifecycle);
      try {
        buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
      } catch (err) {
        return (err as Error).message;
      }
      return "accepted";
    };
    assert.equal(
      refusal({ ...LIFECYCLE, retiring: ["platform-b"] }),
      'tfc-layers:lifecycle: retiring "platform-b" while "app-c" depends on it: retire "app-c" too, or narrow its upstreams so it no longer reads it: write its entry in layers as {name: app-c, upstreams: [network-a]}',
    );
    // The fix the refusal names works as written: app-c stays, reading network-a only.
    const narrowed = layers.map((l) =>
      l.name === "app" ? { ...l, workspaces: [{ name: "app-c", upstreams: ["network-a"] }] } : l,
    );
    assert.equal(refusal({ ...LIFECYCLE, retiring: ["platform-b"] }, narrowed), "accepted");
    assert.match(
      refusal({ ...LIFECYCLE, retiring: ["app-x"] }),
      /^tfc-layers:lifecycle: retiring "app-x" is not a workspace/,
    );
    assert.match(refusal({ applyOnCreate: true, retiring: ["app-c"] }), /needs destroyOnDelete: true/);
    assert.match(refusal({ applyOnCreate: false, destroyOnDelete: false }), /both false, which deletes every run/);
    assert.equal(refusal({ applyOnCreate: true, destroyOnDelete: false }), "accepted");
  });
});

describe("lifecycle in the plan", () => {
  it("estimates a pass as its waves, each taking one run per `concurrency` workspaces", () => {
    const waves = [["a", "b", "c"], ["d"], ["e", "f"]];
    assert.deepEqual(wallTime(waves, 5, 1), { minutes: 30, longestChain: 3 });
    assert.deepEqual(wallTime(waves, 5, 2), { minutes: 20, longestChain: 3 });
    assert.deepEqual(wallTime(waves, 10, 3), { minutes: 30, longestChain: 3 });
  });

  it("shows dev's bootstrap and teardown waves and their time, with the flags' assumptions", async () => {
    const { code, out } = await plan(["dev", "--run-minutes", "10", "--concurrency", "2"]);
    assert.equal(code, 0, out);
    assert.ok(out.includes("Estimated with runs of 10 minutes, 2 at a time"));
    assert.ok(
      out.includes("each pass takes about 30 minutes over 3 waves (the longest chain: 3 runs one after another)."),
    );
    assert.match(
      out,
      /Bootstrap[^\n]*\n {2}wave 1 {2}network-a-dev\n {2}wave 2 {2}platform-b-dev\n {2}wave 3 {2}app-c-dev\n/,
    );
    assert.match(
      out,
      /Teardown[^\n]*\n {2}wave 1 {2}app-c-dev\n {2}wave 2 {2}platform-b-dev\n {2}wave 3 {2}network-a-dev\n/,
    );
    assert.equal((await plan(["prod"])).out.includes("## Lifecycle"), false);
    assert.match(
      out,
      /Removing a workspace that reads state takes two steps: list it in tfc-layers:lifecycle.retiring/,
    );
  });

  it("lists retiring workspaces as the destroy runs this update starts, dependents first; teardown leaves them out", async () => {
    const file = withLifecycle({}, { ...LIFECYCLE, retiring: ["platform-b", "app-c"] });
    const topology = buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
    assert.deepEqual(topology.lifecycle?.retiringWaves, [["app-c"], ["platform-b"]]);
    assert.deepEqual(topology.lifecycle?.bootstrapWaves, [["network-a"]]);
    const run = await deploy(file);
    assert.deepEqual(
      ofType(run, T.run).map((r) => r.name),
      ["lifecycle-dev-network-a-dev"],
    );
    assert.deepEqual(ofType(run, T.trigger), []);
    const text = renderText(buildPlan("dev", topology, run));
    assert.match(text, /Retiring[^\n]*\n {2}wave 1 {2}app-c-dev\n {2}wave 2 {2}platform-b-dev\n/);
  });
});

// The benchmark's own pieces (no timings here): the generated topologies are what the
// README says they are, and the chain measure counts what it claims.
import * as assert from "node:assert/strict";
import { baselineProgram } from "../bench/baseline";
import { flatPlan, longestChain } from "../bench/bench";
import { generateCellLayers, generatedConfig, generateLayers, generateRegionLayers } from "../bench/generate";
import { runUnderMocks } from "../offline/mockRuntime";
import type { RegisteredResource } from "../offline/registrations";
import { runStack } from "../offline/runStack";
import { KEYS, MAX_TRIGGER_SOURCES, PROJECT } from "../topology/keys";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology } from "../topology/topology";

describe("benchmark topologies", () => {
  for (const size of [10, 100, 1000]) {
    it(`${size} workspaces: valid, with fan-out, fan-in and at most ${MAX_TRIGGER_SOURCES} sources`, () => {
      const { config, secretKeys } = generatedConfig(generateLayers(size));
      const topology = buildTopology(readStackConfig(config, (k) => secretKeys.includes(k)));
      assert.equal(topology.workspaces.length, size);
      const maxSources = Math.max(...topology.workspaces.map((w) => w.upstreams.length));
      const maxConsumers = Math.max(...topology.workspaces.map((w) => w.consumers.length));
      assert.ok(maxSources > 1 && maxSources <= MAX_TRIGGER_SOURCES, `max sources ${maxSources}`);
      assert.ok(maxConsumers > 1, `max consumers ${maxConsumers}`);
      assert.deepEqual(topology.credentialNames, ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]);
      assert.equal(topology.notifyApprovals, true);
    });
  }
});

describe("the cells benchmark topology", () => {
  it("10 cells and a global layer on each side: about 500 workspaces, the same wiring as one layer per region", () => {
    const { layers, cells } = generateCellLayers(10);
    const withCells = generatedConfig(layers, { cells });
    const t = buildTopology(readStackConfig(withCells.config, (k) => withCells.secretKeys.includes(k)));
    const regional = generatedConfig(generateRegionLayers(10));
    const r = buildTopology(readStackConfig(regional.config, (k) => regional.secretKeys.includes(k)));
    assert.equal(t.workspaces.length, 480);
    assert.equal(Math.max(...t.workspaces.map((w) => w.upstreams.length)), MAX_TRIGGER_SOURCES);
    // The same TFC workspaces and the same edges, by TFC name, whichever way it is written.
    const edgeNames = (x: typeof t) =>
      x.triggers.map((e) => `${x.workspaceByKey.get(e.upstream)!.name}>${x.workspaceByKey.get(e.downstream)!.name}`);
    assert.deepEqual(new Set(t.workspaces.map((w) => w.name)), new Set(r.workspaces.map((w) => w.name)));
    assert.deepEqual(new Set(edgeNames(t)), new Set(edgeNames(r)));
  });
});

describe("the baseline", () => {
  it("registers the program's tfe resources, by type and count, at once or in the program's turns alike", async () => {
    const { config, secretKeys } = generatedConfig(generateLayers(100));
    const topology = buildTopology(readStackConfig(config, (k) => secretKeys.includes(k)));
    const plan = flatPlan(topology, config[KEYS.approvalWebhookUrl]);
    const run = (inTurns: boolean) =>
      runUnderMocks(baselineProgram(plan, { inTurns }), { project: PROJECT, stack: "b", config, secretKeys });
    const [atOnce, inTurns, program] = [
      await run(false),
      await run(true),
      await runStack({ stack: "b", config, secretKeys }),
    ];
    const shape = (r: typeof atOnce) =>
      r.resources
        .map((x) => ({ urn: x.urn, inputs: x.inputs, dependencies: [...x.dependencies].sort() }))
        .sort((a, b) => a.urn.localeCompare(b.urn));
    assert.deepEqual(shape(inTurns), shape(atOnce));
    const counts = (r: typeof atOnce) => {
      const byType = new Map<string, number>();
      for (const x of r.resources.filter((x) => x.type.startsWith("tfe:")))
        byType.set(x.type, (byType.get(x.type) ?? 0) + 1);
      return Object.fromEntries([...byType].sort());
    };
    assert.deepEqual(counts(atOnce), counts(program));
  });
});

describe("longestChain", () => {
  const resource = (urn: string, dependencies: string[]) => ({ urn, dependencies }) as unknown as RegisteredResource;

  it("counts the resources on the longest waits-for path", () => {
    assert.equal(
      longestChain([resource("a", []), resource("b", ["a"]), resource("c", ["b"]), resource("d", ["a"])]),
      3,
    );
    assert.equal(longestChain([resource("a", []), resource("b", [])]), 1);
  });

  it("ignores dependencies on resources it was not given", () => {
    assert.equal(longestChain([resource("b", ["elsewhere"])]), 1);
  });
});

// The cascade simulation, on topologies built through the same validation as the program.
import * as assert from "node:assert/strict";
import { CascadeSimulator, simulateCascade } from "../topology/cascade";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology, type Topology } from "../topology/topology";
import { type LayerFixture, SEED_LAYERS, stackConfig } from "./fixtures";

function topologyOf(layers: LayerFixture[], autoApply = true): Topology {
  const file = stackConfig({ layers, autoApply });
  return buildTopology(readStackConfig(file.config, () => false));
}

/** A compact, readable form of the waves: "wave: workspaces xN <- queuedBy [old: ...]". */
function describeWaves(topology: Topology, source: string): string[] {
  return simulateCascade(topology, source).waves.flatMap((w) =>
    w.groups.map(
      (g) =>
        `${w.wave}: ${g.workspaces.join(",")} x${g.runsEach} <- ${g.queuedBy.join(",")}` +
        (g.mayReadOldOutputsOf.length ? ` [old: ${g.mayReadOldOutputsOf.join(",")}]` : ""),
    ),
  );
}

describe("cascade simulation", () => {
  it("seed: a network apply runs platform once and app twice; the first app run may read platform's old outputs", () => {
    const topology = topologyOf(SEED_LAYERS);
    assert.deepEqual(describeWaves(topology, "network-a"), [
      "1: platform-b x1 <- network-a",
      "1: app-c x1 <- network-a [old: platform-b]",
      "2: app-c x1 <- platform-b",
    ]);
    const cascade = simulateCascade(topology, "network-a");
    assert.deepEqual(
      [...cascade.runsByWorkspace],
      [
        ["platform-b", 1n],
        ["app-c", 2n],
      ],
    );
    assert.equal(cascade.totalRuns, 3n);
    assert.equal(cascade.reachableWorkspaces, 2);
    assert.equal(cascade.extraRuns, 1n);
    assert.equal(cascade.waitsForApproval, false);
    for (const wave of cascade.waves) for (const g of wave.groups) assert.equal(g.outcome, "auto-apply");
  });

  it("pure fan-out: one wave, one run per downstream, nothing extra", () => {
    const topology = topologyOf([
      { name: "network", workspaces: ["net-1", "net-2"] },
      { name: "apps", workspaces: ["x", "y", "z"], dependsOn: ["network"] },
    ]);
    assert.deepEqual(describeWaves(topology, "net-1"), ["1: x,y,z x1 <- net-1"]);
    const cascade = simulateCascade(topology, "net-1");
    assert.equal(cascade.totalRuns, 3n);
    assert.equal(cascade.extraRuns, 0n);
  });

  it("fan-in from a layer of two: each upstream apply queues its own run", () => {
    const topology = topologyOf([
      { name: "base", workspaces: ["b"] },
      { name: "mid", workspaces: ["m1", "m2"], dependsOn: ["base"] },
      { name: "top", workspaces: ["t"], dependsOn: ["mid"] },
    ]);
    assert.deepEqual(describeWaves(topology, "b"), ["1: m1,m2 x1 <- b", "2: t x2 <- m1,m2 [old: m1,m2]"]);
    assert.equal(simulateCascade(topology, "b").extraRuns, 1n);
  });

  it("a diamond three layers deep multiplies runs along the paths", () => {
    const topology = topologyOf([
      { name: "root", workspaces: ["r"] },
      { name: "left", workspaces: ["l"], dependsOn: ["root"] },
      { name: "right", workspaces: ["rt"], dependsOn: ["root"] },
      { name: "join", workspaces: ["j"], dependsOn: ["left", "right"] },
      { name: "left2", workspaces: ["l2"], dependsOn: ["join"] },
      { name: "right2", workspaces: ["r2"], dependsOn: ["join"] },
      { name: "sink", workspaces: ["s"], dependsOn: ["left2", "right2"] },
    ]);
    const cascade = simulateCascade(topology, "r");
    assert.deepEqual(Object.fromEntries(cascade.runsByWorkspace), { l: 1n, rt: 1n, j: 2n, l2: 2n, r2: 2n, s: 4n });
    assert.equal(cascade.totalRuns, 12n);
    assert.equal(new CascadeSimulator(topology).totalRuns("r"), 12n);
    assert.equal(cascade.extraRuns, 6n);
    assert.deepEqual(
      cascade.waves.map((w) => w.wave),
      [1, 2, 3, 4],
    );
  });

  it("counts exactly past 2^53 on a deep chain of diamonds", () => {
    const layers: LayerFixture[] = [{ name: "d0", workspaces: ["d0"] }];
    const stages = 60;
    for (let i = 1; i <= stages; i++) {
      layers.push({ name: `a${i}`, workspaces: [`a${i}`], dependsOn: [`d${i - 1}`] });
      layers.push({ name: `b${i}`, workspaces: [`b${i}`], dependsOn: [`d${i - 1}`] });
      layers.push({ name: `d${i}`, workspaces: [`d${i}`], dependsOn: [`a${i}`, `b${i}`] });
    }
    const cascade = simulateCascade(topologyOf(layers), "d0");
    assert.equal(cascade.runsByWorkspace.get(`d${stages}`), 2n ** BigInt(stages));
    assert.ok(cascade.totalRuns > BigInt(Number.MAX_SAFE_INTEGER));
  });

  it("prod: every run queued by a trigger waits for approval", () => {
    const cascade = simulateCascade(topologyOf(SEED_LAYERS, false), "network-a");
    assert.equal(cascade.waitsForApproval, true);
    const outcomes = cascade.waves.flatMap((w) => w.groups.map((g) => g.outcome));
    assert.deepEqual(outcomes, ["wait-for-approval", "wait-for-approval", "wait-for-approval"]);
  });

  it("a workspace with no dependents sets off nothing", () => {
    const cascade = simulateCascade(topologyOf(SEED_LAYERS, false), "app-c");
    assert.deepEqual(cascade.waves, []);
    assert.equal(cascade.totalRuns, 0n);
    assert.equal(cascade.reachableWorkspaces, 0);
    assert.equal(cascade.waitsForApproval, false);
  });

  it("a source's sibling in its own layer is not reached", () => {
    const topology = topologyOf([
      { name: "network", workspaces: ["n1", "n2"] },
      { name: "app", workspaces: ["a"], dependsOn: ["network"] },
    ]);
    assert.deepEqual(describeWaves(topology, "n1"), ["1: a x1 <- n1"]);
  });

  it("the simulator gives the same answer as one-off simulation for every workspace", () => {
    const topology = topologyOf(SEED_LAYERS);
    const simulator = new CascadeSimulator(topology);
    for (const ws of topology.workspaces) {
      const cascade = simulateCascade(topology, ws.key);
      assert.deepEqual(simulator.simulate(ws.key), cascade);
      assert.equal(simulator.totalRuns(ws.key), cascade.totalRuns);
    }
  });
});

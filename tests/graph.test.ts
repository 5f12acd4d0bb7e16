// The graph helpers and the topology derivation, called directly.
import * as assert from "node:assert/strict";
import { dependencyOrder, findCycle } from "../topology/graph";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology } from "../topology/topology";
import { SEED_LAYERS, stackConfig } from "./fixtures";

const graph = (edges: Record<string, string[]>) => (n: string) => edges[n] ?? [];

describe("findCycle", () => {
  it("finds none in a diamond", () => {
    const g = graph({ app: ["platform", "network"], platform: ["network"] });
    assert.equal(findCycle(["app", "platform", "network"], g), undefined);
  });

  it("reports a 2-cycle as a closed path starting at its first name", () => {
    assert.deepEqual(findCycle(["b", "a"], graph({ a: ["b"], b: ["a"] })), ["a", "b", "a"]);
  });

  it("reports a 3-cycle reached from outside it, without the outside node", () => {
    const g = graph({ entry: ["x"], x: ["y"], y: ["z"], z: ["x"] });
    assert.deepEqual(findCycle(["entry", "x", "y", "z"], g), ["x", "y", "z", "x"]);
  });
});

describe("dependencyOrder", () => {
  it("puts dependencies first and breaks ties by name, whatever the input order", () => {
    const g = graph({ app: ["platform", "network"], platform: ["network"], dns: [] });
    const expected = ["dns", "network", "platform", "app"];
    assert.deepEqual(dependencyOrder(["app", "platform", "network", "dns"], g), expected);
    assert.deepEqual(dependencyOrder(["network", "dns", "app", "platform"], g), expected);
  });
});

describe("buildTopology", () => {
  const topologyOf = (options: Parameters<typeof stackConfig>[0] = {}) => {
    const file = stackConfig(options);
    return buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
  };

  it("derives triggers and least-privilege consumers for the seed", () => {
    const topology = topologyOf();
    assert.deepEqual(
      topology.triggers.map((t) => `${t.upstream}->${t.downstream}`),
      ["network-a->app-c", "network-a->platform-b", "platform-b->app-c"],
    );
    assert.deepEqual(topology.workspaceByKey.get("network-a")!.consumers, ["app-c", "platform-b"]);
    assert.deepEqual(topology.workspaceByKey.get("platform-b")!.consumers, ["app-c"]);
    assert.deepEqual(topology.workspaceByKey.get("app-c")!.consumers, []);
    assert.deepEqual(topology.workspaceByKey.get("app-c")!.upstreams, ["network-a", "platform-b"]);
  });

  it("consumers are direct dependents only: app reads platform, not network, when it does not depend on it", () => {
    const topology = topologyOf({
      layers: [
        { name: "network", workspaces: ["n"] },
        { name: "platform", workspaces: ["p"], dependsOn: ["network"] },
        { name: "app", workspaces: ["a"], dependsOn: ["platform"] },
      ],
    });
    assert.deepEqual(topology.workspaceByKey.get("n")!.consumers, ["p"]);
  });

  it("names workspaces <key>-<environment> and protects them unless tfc-layers:protect is false, auto-applying or not", () => {
    assert.equal(topologyOf({ environment: "staging" }).workspaces[0].name, "network-a-staging");
    assert.equal(topologyOf({ autoApply: true }).protect, true);
    assert.equal(topologyOf({ autoApply: false }).protect, true);
    assert.equal(topologyOf({ autoApply: true, raw: { "tfc-layers:protect": "true" } }).protect, true);
    assert.equal(topologyOf({ autoApply: true, raw: { "tfc-layers:protect": "false" } }).protect, false);
  });

  it("sends approval requests only when a webhook is set and runs wait for approval", () => {
    assert.equal(topologyOf({ autoApply: false, webhook: "https://h.example.com" }).notifyApprovals, true);
    assert.equal(topologyOf({ autoApply: true, webhook: "https://h.example.com" }).notifyApprovals, false);
    assert.equal(topologyOf({ autoApply: false }).notifyApprovals, false);
  });

  it("orders layers by dependency whatever the config order", () => {
    const reversed = topologyOf({ layers: [...SEED_LAYERS].reverse() });
    assert.deepEqual(
      reversed.layers.map((l) => l.name),
      ["network", "platform", "app"],
    );
  });
});

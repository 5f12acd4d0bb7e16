// The benchmark's own pieces (no timings here): the generated topologies are what the
// README says they are, and the chain measure counts what it claims.
import * as assert from "node:assert/strict";
import { longestChain } from "../bench/bench";
import { generatedConfig, generateLayers } from "../bench/generate";
import type { RegisteredResource } from "../offline/registrations";
import { MAX_TRIGGER_SOURCES } from "../topology/keys";
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

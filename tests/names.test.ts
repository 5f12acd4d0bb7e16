// Generated names are injective: two different things never share a Pulumi name, a TFC name
// or a Terraform label, for any legal config. Proven on generated adversarial names (built
// from fragments such as "-to-", "_" and digits that made the old names collide), through the
// topology for many configs and through the whole program for some, and with Terraform itself.
import * as assert from "node:assert/strict";
import type { MockRun } from "../offline/mockRuntime";
import { remoteStateReads } from "../plan/document";
import { StackConfigError } from "../topology/errors";
import { remoteStateLabel, settingsName, triggerName } from "../topology/names";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology, type Topology } from "../topology/topology";
import { deploy, type LayerFixture, seededRandom, stackConfig } from "./fixtures";
import { requireTerraform, validateTerraform } from "./terraform";

const FRAGMENTS = ["p", "q", "r", "-", "_", "to", "-to-", "dev", "1", "a", "_1", "-x"];
const ENVIRONMENTS = ["dev", "to-dev", "d-", "1"];

/**
 * A random legal config whose names are made to collide under naive joining. Even seeds build
 * the known collision around random names: upstream <x>-<env>-to-<y> with downstream <z>, and
 * upstream <x> with downstream <y>-<env>-to-<z>, which "<up>-to-<down>" names the same.
 */
function adversarialConfig(seed: number): { environment: string; layers: LayerFixture[] } {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const name = () =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(FRAGMENTS))
      .join("")
      .replace(/^$/, "p");
  const environment = pick(ENVIRONMENTS);
  if (seed % 2 === 0) {
    const [x, y, z] = [name(), name(), name()];
    return {
      environment,
      layers: [
        { name: "one", workspaces: [`${x}-${environment}-to-${y}`, x] },
        { name: "two", workspaces: [z, `${y}-${environment}-to-${z}`], dependsOn: ["one"] },
      ],
    };
  }
  const layerCount = 2 + Math.floor(random() * 3);
  const layers: LayerFixture[] = [];
  for (let i = 0; i < layerCount; i++) {
    const dependsOn = layers.filter(() => random() < 0.6).map((l) => l.name);
    layers.push({
      name: `layer${i}`,
      workspaces: Array.from({ length: 1 + Math.floor(random() * 3) }, name),
      ...(dependsOn.length ? { dependsOn } : {}),
    });
  }
  return { environment, layers };
}

/** The topology, or undefined when the config is one the program refuses (e.g. a duplicate). */
function topologyOf(config: { environment: string; layers: LayerFixture[] }): Topology | undefined {
  const file = stackConfig(config);
  try {
    return buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
  } catch (err) {
    if (err instanceof StackConfigError) return undefined;
    throw err;
  }
}

/** Records name -> identity and fails when one name would stand for two identities. */
class InjectivityCheck {
  private readonly seen = new Map<string, string>();
  constructor(private readonly what: string) {}
  add(name: string, identity: string): void {
    const before = this.seen.get(name);
    assert.ok(before === undefined || before === identity, `${this.what} ${name} is both ${before} and ${identity}`);
    this.seen.set(name, identity);
  }
  get size(): number {
    return this.seen.size;
  }
}

const HCL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

describe("generated names", () => {
  it("the trigger names that used to collide are now two resources", async () => {
    const run = await deploy(
      stackConfig({
        layers: [
          { name: "one", workspaces: ["p-dev-to-q", "p"] },
          { name: "two", workspaces: ["r", "q-dev-to-r"], dependsOn: ["one"] },
        ],
      }),
    );
    const triggers = run.resources.filter((r) => r.type === "tfe:index/runTrigger:RunTrigger").map((r) => r.name);
    assert.ok(triggers.includes("p-dev-to-q-dev->r-dev"));
    assert.ok(triggers.includes("p-dev->q-dev-to-r-dev"));
    assert.equal(new Set(triggers).size, 4);
  });

  it("are unique per kind and injective across 400 generated configs", () => {
    const triggers = new InjectivityCheck("trigger");
    const settings = new InjectivityCheck("settings");
    const labels = new InjectivityCheck("label");
    let accepted = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const topology = topologyOf(adversarialConfig(seed));
      if (!topology) continue;
      accepted++;
      const tfcNames = topology.workspaces.map((w) => w.name.toLowerCase());
      assert.equal(new Set(tfcNames).size, tfcNames.length, `seed ${seed}: TFC names (case-insensitive)`);
      const workspaces = new InjectivityCheck(`seed ${seed} workspace`);
      for (const w of topology.workspaces) {
        workspaces.add(w.name, w.key);
        settings.add(settingsName(w.name), w.name);
        labels.add(remoteStateLabel(w.key), w.key);
        assert.match(remoteStateLabel(w.key), HCL_IDENTIFIER);
      }
      const names = new Set(topology.triggers.map((t) => t.name));
      assert.equal(names.size, topology.triggers.length, `seed ${seed}: trigger names`);
      for (const t of topology.triggers) {
        const up: string = topology.workspaceByKey.get(t.upstream)!.name;
        const down: string = topology.workspaceByKey.get(t.downstream)!.name;
        assert.equal(t.name, triggerName(up, down));
        triggers.add(t.name, `${up} -> ${down}`);
      }
    }
    assert.ok(accepted > 300, `only ${accepted} generated configs were valid`);
    assert.ok(triggers.size > 1000, `only ${triggers.size} distinct triggers`);
  });

  it("the whole program registers no URN and no alias twice for generated configs", async () => {
    let checked = 0;
    for (let seed = 1; checked < 8; seed++) {
      const config = adversarialConfig(seed);
      if (!topologyOf(config)) continue;
      const run: MockRun = await deploy(stackConfig(config));
      const urns = run.resources.map((r) => r.urn);
      assert.equal(new Set(urns).size, urns.length, `seed ${seed}: duplicate URN`);
      const aliases = run.resources.flatMap((r) =>
        r.aliases.map((a) => `${r.type}|${a.parentUrn ?? r.parent}|${a.name}`),
      );
      assert.equal(new Set(aliases).size, aliases.length, `seed ${seed}: duplicate alias`);
      checked++;
    }
  });

  it("TFC names of up to 260 characters are accepted, 261 refused", () => {
    const layers = (key: string) => [{ name: "one", workspaces: [key] }];
    const key = "w".repeat(256); // with "-dev": 260
    assert.equal(topologyOf({ environment: "dev", layers: layers(key) })!.workspaces[0].name.length, 260);
    assert.equal(topologyOf({ environment: "dev", layers: layers(`${key}w`) }), undefined);
  });

  describe("remote-state labels", () => {
    it("keep a key that starts with a letter, and prefix any other with _", () => {
      assert.equal(remoteStateLabel("network-a"), "network-a");
      assert.equal(remoteStateLabel("network_a"), "network_a");
      assert.equal(remoteStateLabel("1net"), "_1net");
      assert.equal(remoteStateLabel("_1net"), "__1net");
      assert.equal(remoteStateLabel("-x"), "_-x");
    });

    it("terraform validate accepts every block of a downstream that reads tricky names", () => {
      const _version = requireTerraform();
      const upstreams = ["net-a", "net_a", "1net", "_1net", "-x", "_-x", "to", "a-to-b"];
      const topology = topologyOf({
        environment: "dev",
        layers: [
          { name: "up", workspaces: upstreams },
          { name: "down", workspaces: ["app"], dependsOn: ["up"] },
        ],
      })!;
      const reads = remoteStateReads(topology).find((r) => r.workspace === "app-dev")!.reads;
      assert.equal(reads.length, upstreams.length);
      const uses = upstreams.map(
        (key, i) => `output "read_${i}" {\n  value = data.terraform_remote_state.${remoteStateLabel(key)}.outputs\n}\n`,
      );
      const result = validateTerraform({ "main.tf": `${reads.map((r) => r.hcl).join("\n\n")}\n\n${uses.join("\n")}` });
      assert.deepEqual(result.errors, []);
      assert.equal(result.valid, true);
    });
  });
});

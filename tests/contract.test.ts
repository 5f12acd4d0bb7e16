// The contract between layers: what it derives, who may read whose state, what the program
// registers for it, and how the plan shows it. Refusals are in the invalid corpus.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { CONTRACT_VARIABLE } from "../hcl/expressions";
import { main as plan } from "../scripts/plan";
import { describeContractAdvice } from "../topology/advice";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology } from "../topology/topology";
import { deploy, type LayerFixture, SEED_LAYERS, type StackOptions, stackConfig } from "./fixtures";
import { byName, ofType, secretInput } from "./mocks";

const VARIABLE = "tfe:index/variable:Variable";
const SETTINGS = "tfe:index/workspaceSettings:WorkspaceSettings";

/** The seed layers with a contract: network publishes, platform reads it, app reads both. */
const CONTRACT_LAYERS: LayerFixture[] = [
  { name: "network", workspaces: ["net-a", "net-b"], outputs: { vpc_id: "string", subnet_ids: "list( string )" } },
  {
    name: "platform",
    workspaces: ["k8s"],
    dependsOn: ["network"],
    reads: { network: ["vpc_id", "subnet_ids"] },
    outputs: { cluster: "object({name = string, endpoint = string})", unused: "number" },
  },
  { name: "app", workspaces: ["web", "api"], dependsOn: ["network", "platform"], reads: { platform: ["cluster"] } },
];

function topologyOf(options: StackOptions) {
  const file = stackConfig(options);
  return buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
}

const withLayers = (change: (layers: LayerFixture[]) => void) => {
  const layers = structuredClone(CONTRACT_LAYERS);
  change(layers);
  return layers;
};

describe("contract", () => {
  it("is absent when no layer declares outputs or reads, and state goes to every direct dependent", () => {
    const topology = topologyOf({ layers: SEED_LAYERS });
    assert.equal(topology.contract, undefined);
    assert.equal(topology.contractByWorkspace, undefined);
    assert.deepEqual(topology.workspaceByKey.get("network-a")!.consumers, ["app-c", "platform-b"]);
  });

  it("derives each workspace's outputs (sorted, canonical types), reads and readers", () => {
    const topology = topologyOf({ layers: CONTRACT_LAYERS });
    const of = (key: string) => topology.contractByWorkspace!.get(key)!;
    assert.deepEqual(
      of("net-a").publishes.map((o) => [o.name, o.typeText]),
      [
        ["subnet_ids", "list(string)"],
        ["vpc_id", "string"],
      ],
    );
    assert.deepEqual(
      of("k8s").reads.map((r) => [r.upstream, r.outputs.map((o) => o.name)]),
      [
        ["net-a", ["subnet_ids", "vpc_id"]],
        ["net-b", ["subnet_ids", "vpc_id"]],
      ],
    );
    assert.deepEqual(
      of("k8s").publishes.map((o) => o.typeText),
      ["object({endpoint = string, name = string})", "number"],
    );
    assert.deepEqual(of("net-b").readers, [{ downstream: "k8s", outputs: ["subnet_ids", "vpc_id"] }]);
    assert.deepEqual(of("k8s").readers, [
      { downstream: "api", outputs: ["cluster"] },
      { downstream: "web", outputs: ["cluster"] },
    ]);
    assert.deepEqual(
      of("web").reads.map((r) => r.upstream),
      ["k8s"],
    );
  });

  it("shares a layer's state only with the dependents that read it, or that declare no reads", () => {
    const topology = topologyOf({ layers: CONTRACT_LAYERS });
    // app depends on network but reads only platform: no access to network's state.
    assert.deepEqual(topology.workspaceByKey.get("net-a")!.consumers, ["k8s"]);
    assert.deepEqual(topology.workspaceByKey.get("k8s")!.consumers, ["api", "web"]);
    // The triggers still follow dependsOn.
    assert.deepEqual(topology.workspaceByKey.get("web")!.upstreams, ["k8s", "net-a", "net-b"]);
    const undeclared = topologyOf({ layers: withLayers((l) => delete l[2].reads) });
    assert.deepEqual(undeclared.workspaceByKey.get("net-a")!.consumers, ["api", "k8s", "web"]);
  });

  it("the program grants state access as the contract says", async () => {
    const run = await deploy(stackConfig({ layers: CONTRACT_LAYERS }));
    const consumers = (name: string) => byName(run, SETTINGS, `${name}-settings`).inputs.remoteStateConsumerIds;
    assert.deepEqual(consumers("net-a-dev"), ["id(k8s-dev)"]);
    assert.deepEqual(consumers("k8s-dev"), ["id(api-dev)", "id(web-dev)"]);
  });

  it("sets the tfc_layers variable on exactly the workspaces that read upstream state", async () => {
    const run = await deploy(stackConfig({ layers: CONTRACT_LAYERS, environment: "stage" }));
    const variables = ofType(run, VARIABLE).filter((v) => v.inputs.key === CONTRACT_VARIABLE);
    assert.deepEqual(variables.map((v) => v.inputs.workspaceId).sort(), [
      "id(api-stage)",
      "id(k8s-stage)",
      "id(web-stage)",
    ]);
    for (const v of variables) {
      assert.equal(v.inputs.category, "terraform");
      assert.equal(v.inputs.hcl, true);
      assert.equal(v.inputs.sensitive, false);
      // The provider's SDK marks every variable value secret; this one holds no secret.
      assert.equal(
        secretInput(v, "value"),
        '{ hostname = "app.terraform.io", organization = "acme", environment = "stage" }',
      );
    }
    const none = await deploy(stackConfig({ layers: SEED_LAYERS }));
    assert.deepEqual(
      ofType(none, VARIABLE).filter((v) => v.inputs.key === CONTRACT_VARIABLE),
      [],
    );
  });

  it("lists in the stack outputs what each workspace publishes and reads", async () => {
    const run = await deploy(stackConfig({ layers: CONTRACT_LAYERS }));
    const contract = run.stackOutputs.contract as Record<string, { publishes: unknown; reads: unknown }>;
    assert.deepEqual(contract["net-a-dev"], { publishes: { subnet_ids: "list(string)", vpc_id: "string" }, reads: {} });
    assert.deepEqual(contract["web-dev"], { publishes: {}, reads: { "k8s-dev": ["cluster"] } });
    assert.deepEqual(contract["k8s-dev"].reads, {
      "net-a-dev": ["subnet_ids", "vpc_id"],
      "net-b-dev": ["subnet_ids", "vpc_id"],
    });
    const none = await deploy(stackConfig({ layers: SEED_LAYERS }));
    assert.equal("contract" in none.stackOutputs, false);
  });

  it("advises on outputs nobody reads, triggers that only order runs and reads left undeclared", () => {
    const advice = describeContractAdvice(topologyOf({ layers: CONTRACT_LAYERS }));
    // cluster is read by app; unused is not. app reads platform only, though it depends on network too.
    assert.deepEqual(
      advice.map((a) => a.slice(0, a.indexOf(":"))),
      [
        "platform declares the output unused, which no layer reads",
        "app depends on network but reads none of its outputs",
      ],
    );
    const undeclared = describeContractAdvice(topologyOf({ layers: withLayers((l) => delete l[2].reads) }));
    assert.ok(
      undeclared.some((a) =>
        a.startsWith("app declares no reads: it keeps read access to the state of network, platform"),
      ),
    );
    assert.deepEqual(describeContractAdvice(topologyOf({ layers: SEED_LAYERS })), []);
  });

  it("labels each trigger edge of the plan's graph with what flows along it, and lists readers per output in the cascade", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-contract-"));
    const config = {
      "tfe:organization": "acme",
      "tfc-layers:environment": "dev",
      "tfc-layers:layers": CONTRACT_LAYERS,
    };
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), stringify({ config }));
    const { code, out } = await plan(["dev", "--json"], dir);
    assert.equal(code, 0, out);
    const document = JSON.parse(out);
    const mermaid: string = document.graph.mermaid;
    const ids = Object.fromEntries([...mermaid.matchAll(/(W\d+)\["([^"]+)"\]/g)].map((m) => [m[2], m[1]]));
    assert.ok(mermaid.includes(`${ids["net-a-dev"]} -->|"subnet_ids, vpc_id"| ${ids["k8s-dev"]}`));
    assert.ok(mermaid.includes(`${ids["k8s-dev"]} -->|"cluster"| ${ids["web-dev"]}`));
    assert.ok(mermaid.includes(`${ids["net-a-dev"]} -.->|"orders only"| ${ids["web-dev"]}`));
    const fromNetwork = document.cascade.find((c: { source: string }) => c.source === "net-a-dev");
    assert.deepEqual(fromNetwork.outputsReadBy, { subnet_ids: ["k8s-dev"], vpc_id: ["k8s-dev"] });
    const fromPlatform = document.cascade.find((c: { source: string }) => c.source === "k8s-dev");
    assert.deepEqual(fromPlatform.outputsReadBy, { cluster: ["api-dev", "web-dev"] });
  });
});

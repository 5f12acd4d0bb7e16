// Cells: the same layers in several regions or accounts. Wiring within a cell, fan-out from global
// layers, fan-in into them; names from a template; each cell workspace told its cell; the limits.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CONTRACT_FILES, contractFiles } from "../hcl/contractFiles";
import { CELL_VARIABLE } from "../hcl/expressions";
import { loadStackFile, PROJECT_DIR, type StackFile, topologyOf as topologyOfFile } from "../offline/stackFile";
import { compareStacks } from "../plan/compare";
import { buildPlan, remoteStateReads } from "../plan/document";
import { main as plan } from "../scripts/plan";
import { CascadeSimulator } from "../topology/cascade";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology, type Topology } from "../topology/topology";
import { deploy, type LayerFixture, refusalOf as refusal, seededRandom, stackConfig } from "./fixtures";
import { ofType } from "./mocks";
import { requireTerraform, terraformTest, validateTerraform, writeTree } from "./terraform";

const CELLS = [
  { name: "eu", values: { region: "eu-west-1", account: "111111111111" } },
  { name: "us", values: { region: "us-east-1", account: "222222222222" } },
  { name: "ap", values: { region: "ap-southeast-2", primary: false, weight: 2 } },
];
const APPS = ["api", "web", "jobs", "auth", "billing", "search", "mail", "media"];
/** Three regions of network, platform and apps under a global IAM layer: 10 workspaces per region. */
const REGIONAL: LayerFixture[] = [
  { name: "iam", workspaces: ["iam"] },
  { name: "network", workspaces: ["vpc"], cells: "all", dependsOn: ["iam"] },
  { name: "platform", workspaces: ["eks"], cells: "all", dependsOn: ["network"] },
  { name: "app", workspaces: APPS, cells: "all", dependsOn: ["platform"] },
];

const file = (layers: unknown, raw: Record<string, unknown> = {}, cells: unknown = CELLS): StackFile =>
  stackConfig({ environment: "prod", autoApply: false, layers, raw: { "tfc-layers:cells": cells, ...raw } });
const topologyOf = (f: StackFile): Topology =>
  buildTopology(readStackConfig(f.config, (k) => f.secretKeys.includes(k)));
const edges = (t: Topology) =>
  t.triggers.map((e) => `${t.workspaceByKey.get(e.upstream)!.name} -> ${t.workspaceByKey.get(e.downstream)!.name}`);

describe("cells", () => {
  it("stamps a cell layer's workspaces once per cell, <workspace>-<cell>-<environment>; global ones once", () => {
    const t = topologyOf(file(REGIONAL));
    const names = t.workspaces.map((w) => w.name);
    assert.equal(names.length, 1 + 3 * 10);
    for (const n of ["iam-prod", "vpc-eu-prod", "vpc-us-prod", "vpc-ap-prod", "eks-eu-prod", "media-ap-prod"]) {
      assert.ok(names.includes(n), n);
    }
    assert.equal(t.workspaceByKey.get("vpc@eu")!.cell?.values.region, "eu-west-1");
    assert.equal(t.workspaceByKey.get("iam")!.cell, undefined);
  });

  it("wires within a cell, fans out from a global layer and fans in to one; state access follows the edges", () => {
    const layers = [...REGIONAL, { name: "dns", workspaces: ["dns"], dependsOn: ["platform"] }];
    const t = topologyOf(file(layers));
    const e = edges(t);
    assert.ok(e.includes("iam-prod -> vpc-eu-prod") && e.includes("iam-prod -> vpc-ap-prod"), "fan-out");
    assert.ok(e.includes("vpc-eu-prod -> eks-eu-prod"));
    assert.ok(!e.includes("vpc-eu-prod -> eks-us-prod"), "no edge across cells");
    assert.deepEqual(
      e.filter((x) => x.endsWith("-> dns-prod")).sort(),
      ["eks-ap-prod -> dns-prod", "eks-eu-prod -> dns-prod", "eks-us-prod -> dns-prod"],
      "fan-in from every cell",
    );
    assert.equal(e.length, 3 + 3 + 3 * 8 + 3);
    const consumers = (key: string) => t.workspaceByKey.get(key)!.consumers;
    assert.deepEqual(consumers("vpc@eu"), ["eks@eu"]);
    assert.deepEqual([...consumers("eks@us")].sort(), ["dns", ...APPS.map((a) => `${a}@us`)].sort());
  });

  it("one apply of the global workspace queues the ideal 30 runs; one layer per region would queue far more", () => {
    const cells = topologyOf(file(REGIONAL));
    const cascade = new CascadeSimulator(cells).simulate("iam");
    assert.equal(cascade.totalRuns, 30n);
    assert.equal(cascade.reachableWorkspaces, 30);
    assert.equal(cascade.waves.length, 3);
    // The same organization without cells: regional workspaces in shared layers, every one fed by every other region's.
    const flat: LayerFixture[] = [
      { name: "iam", workspaces: ["iam"] },
      { name: "network", workspaces: CELLS.map((c) => `vpc-${c.name}`), dependsOn: ["iam"] },
      { name: "platform", workspaces: CELLS.map((c) => `eks-${c.name}`), dependsOn: ["network"] },
      { name: "app", workspaces: CELLS.flatMap((c) => APPS.map((a) => `${a}-${c.name}`)), dependsOn: ["platform"] },
    ];
    const flatRuns = new CascadeSimulator(topologyOf(file(flat, {}, []))).simulate("iam").totalRuns;
    assert.equal(flatRuns, 3n + 3n * 3n + 24n * 9n);
  });

  it("the plan's cascade shows the 30 runs, and the graph the cells inside each layer", async () => {
    const f = file(REGIONAL);
    const plan = buildPlan("prod", topologyOf(f), await deploy(f));
    const iam = plan.cascade.find((c) => c.source === "iam-prod")!;
    assert.deepEqual([iam.totalRuns, iam.idealRuns, iam.extraRuns], [30, 30, 0]);
    assert.match(
      plan.graph.mermaid,
      /subgraph L1\["network"\]\n {4}subgraph L1C0\["ap"\]\n {6}W\d+\["vpc-ap-prod"\]\n {4}end/,
    );
  });

  it("a layer may run in some cells; a dependency missing from one of them is refused, naming the cell", () => {
    const some = [
      { name: "network", workspaces: ["vpc"], cells: ["eu", "us"] },
      { name: "app", workspaces: ["api"], cells: ["eu"], dependsOn: ["network"] },
    ];
    assert.deepEqual(
      topologyOf(file(some)).workspaces.map((w) => w.name),
      ["vpc-eu-prod", "vpc-us-prod", "api-eu-prod"],
    );
    const missing = [
      { ...some[0], cells: ["eu"] },
      { ...some[1], cells: ["eu", "us"] },
    ];
    assert.equal(
      refusal(file(missing)),
      'tfc-layers:layers: layer "app" runs in cell "us", but layer "network" it depends on does not: add "us" to the cells of "network", or remove it from "app"\'s',
    );
  });

  it("a workspace may narrow its upstreams to some of its layer's, never widen them", () => {
    const layers = [
      { name: "base", workspaces: ["vpc", "dns"], cells: "all" },
      { name: "app", workspaces: [{ name: "api", upstreams: ["vpc"] }, "web"], cells: "all", dependsOn: ["base"] },
    ];
    const t = topologyOf(file(layers));
    assert.deepEqual(t.workspaceByKey.get("api@eu")!.upstreams, ["vpc@eu"]);
    assert.deepEqual(t.workspaceByKey.get("web@eu")!.upstreams, ["dns@eu", "vpc@eu"]);
    assert.deepEqual(t.workspaceByKey.get("dns@eu")!.consumers, ["web@eu"], "state access narrows too");
    // The cascade follows the narrowed edges: an apply of dns reaches web only.
    assert.deepEqual([...new CascadeSimulator(t).simulate("dns@eu").runsByWorkspace.keys()], ["web@eu"]);
    const wider = [layers[0], { ...layers[1], workspaces: [{ name: "api", upstreams: ["iam"] }] }];
    assert.match(
      refusal(file(wider)),
      /workspace "api" upstreams names "iam", which is not a workspace of a layer in its dependsOn/,
    );
  });

  it("a fan-in over 20 sources from cells is refused with the count and what to do", () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `c${i}` }));
    const layers = [
      { name: "regional", workspaces: ["vpc"], cells: "all" },
      { name: "global", workspaces: ["hub"], dependsOn: ["regional"] },
    ];
    assert.equal(
      refusal(file(layers, {}, many)),
      'tfc-layers:layers: workspace "hub-prod" (layer "global") would have 21 source workspaces from layers regional across cells: TFC allows 20; fewer cells per global workspace (narrow its upstreams), or a relay workspace per group of cells',
    );
  });

  it("every cell workspace gets its cell as a Terraform variable (HCL, not sensitive); its first run waits for it", async () => {
    const f = file(REGIONAL.slice(0, 2), {
      "tfc-layers:vcs": { repository: "acme/infra", oauthTokenId: "ot-abc" },
      "tfc-layers:lifecycle": { applyOnCreate: true },
    });
    const run = await deploy(f);
    const variables = ofType(run, "tfe:index/variable:Variable").filter((v) => v.inputs.key === CELL_VARIABLE);
    assert.equal(variables.length, 3);
    const eu = variables.find((v) => v.inputs.workspaceId === "id(vpc-eu-prod)")!;
    assert.deepEqual([eu.inputs.category, eu.inputs.hcl, eu.inputs.sensitive], ["terraform", true, false]);
    const value = (eu.inputs.value as { value: string }).value;
    assert.equal(value, '{ name = "eu", values = { account = "111111111111", region = "eu-west-1" } }');
    const ap = (variables.find((v) => v.inputs.workspaceId === "id(vpc-ap-prod)")!.inputs.value as { value: string })
      .value;
    assert.equal(ap, '{ name = "ap", values = { primary = false, region = "ap-southeast-2", weight = 2 } }');
    // Terraform takes the value as the object it declares.
    const check = validateTerraform({
      "main.tf": `variable "tfc_cell" {\n  type = object({ name = string, values = map(any) })\n  default = ${ap}\n}\n`,
    });
    assert.equal(check.valid, true, JSON.stringify(check));
    for (const r of ofType(run, "tfe:index/workspaceRun:WorkspaceRun").filter((x) => x.name.includes("vpc-"))) {
      const own = variables.find((v) => v.inputs.workspaceId === r.inputs.workspaceId)!;
      assert.ok(r.dependencies.includes(own.urn), r.name);
    }
  });

  it("cell workspaces share their directory across cells unless the template says {cell}", () => {
    const vcs = { "tfc-layers:vcs": { repository: "acme/infra", oauthTokenId: "ot-abc" } };
    const shared = topologyOf(file(REGIONAL.slice(0, 2), vcs));
    assert.deepEqual(
      [...new Set(shared.workspaces.filter((w) => w.cell).map((w) => w.source.directory))],
      ["network/vpc"],
    );
    assert.equal(shared.workspaceByKey.get("vpc@eu")!.source.tags.cell, "eu");
    const own = topologyOf(file([REGIONAL[0], { ...REGIONAL[1], directory: "regions/{cell}/{layer}" }], vcs));
    assert.equal(own.workspaceByKey.get("vpc@us")!.source.directory, "regions/us/network");
    assert.deepEqual(own.workspaceByKey.get("vpc@us")!.source.triggerPatterns, ["/regions/us/network/**/*"]);
    assert.match(
      refusal(file([{ name: "iam", workspaces: ["iam"], directory: "{cell}/iam" }], vcs)),
      /has the unknown placeholder \{cell\}: use \{layer\} and \{workspace\} \(\{cell\} in a layer with cells\)/,
    );
  });

  it("the plan's remote-state blocks read the same cell; a global reader reads every cell with for_each", () => {
    const layers = [...REGIONAL.slice(0, 2), { name: "dns", workspaces: ["dns"], dependsOn: ["network"] }];
    const t = topologyOf(file(layers));
    const reads = remoteStateReads(t);
    const eu = reads.find((r) => r.workspace === "vpc-eu-prod")!;
    assert.match(eu.reads[0].hcl, /name = "iam-prod"/);
    const dns = reads.find((r) => r.workspace === "dns-prod")!;
    assert.equal(dns.reads.length, 1);
    assert.match(
      dns.reads[0].hcl,
      /for_each = \{\n {4}"ap" = "vpc-ap-prod"\n {4}"eu" = "vpc-eu-prod"\n {4}"us" = "vpc-us-prod"\n {2}\}/,
    );
    const check = validateTerraform({ "main.tf": dns.reads[0].hcl });
    assert.equal(check.valid, true, JSON.stringify(check));
  });

  describe("bad cells, one line each", () => {
    const cases: [string, unknown, unknown, RegExp][] = [
      [
        "an invalid cell name",
        [{ name: "eu west" }],
        REGIONAL.slice(0, 2),
        /^tfc-layers:cells\[0\]\.name "eu west" has characters TFC refuses/,
      ],
      [
        "a cell listed twice",
        [{ name: "eu" }, { name: "eu" }],
        REGIONAL.slice(0, 2),
        /^tfc-layers:cells\[1\]\.name "eu" is listed twice/,
      ],
      [
        "cells that differ only in case",
        [{ name: "eu" }, { name: "EU" }],
        REGIONAL.slice(0, 2),
        /differs from "eu" only in case/,
      ],
      [
        "values that are not scalars",
        [{ name: "eu", values: { region: ["a"] } }],
        REGIONAL.slice(0, 2),
        /^tfc-layers:cells\[0\]\.values\.region must be/,
      ],
      [
        "a value name Terraform cannot read",
        [{ name: "eu", values: { "1x": "a" } }],
        REGIONAL.slice(0, 2),
        /values "1x" is not a name Terraform code can read/,
      ],
      [
        "an unknown cell in a layer",
        CELLS,
        [{ name: "network", workspaces: ["vpc"], cells: ["mars"] }],
        /names "mars", which is not a cell: cells are "eu", "us", "ap"/,
      ],
      [
        "cells in a stack without cells",
        [],
        [{ name: "network", workspaces: ["vpc"], cells: "all" }],
        /the stack has no tfc-layers:cells/,
      ],
    ];
    for (const [what, cells, layers, expected] of cases) {
      it(what, () => assert.match(refusal(file(layers, {}, cells)), expected));
    }
  });

  describe("naming conventions (tfc-layers:workspaceName)", () => {
    it("names workspaces from the template; the variable set after the deployment (Pulumi project and stack)", () => {
      const t = topologyOf(file(REGIONAL, { "tfc-layers:workspaceName": "{environment}-{cell}-{workspace}" }));
      assert.ok(t.workspaces.some((w) => w.name === "prod-eu-vpc"));
      assert.ok(
        t.workspaces.some((w) => w.name === "prod-iam"),
        "a global workspace drops {cell} and its separator",
      );
      // Two deployments with one environment (two teams) in one organization: two variable sets.
      const f = file(REGIONAL);
      const setName = (project: string, stack: string) =>
        buildTopology(readStackConfig(f.config, (k) => f.secretKeys.includes(k), { project, stack }))
          .credentialsSetName;
      assert.equal(setName("tfc-layers", "team-a-prod"), "tfc-layers/team-a-prod/shared-credentials");
      assert.notEqual(setName("tfc-layers", "team-a-prod"), setName("tfc-layers", "team-b-prod"));
      // "/" is in no project or stack name, so the pair is told apart however the names are cut.
      assert.notEqual(setName("a-b", "c"), setName("a", "b-c"));
    });

    it("refuses unknown placeholders, and a template without {workspace}, {environment} or (with cells) {cell}", () => {
      const with_ = (template: string, cells: unknown = CELLS) =>
        refusal(file(REGIONAL.slice(0, 2), { "tfc-layers:workspaceName": template }, cells));
      assert.match(with_("{env}-{workspace}"), /has the unknown placeholder \{env\}/);
      assert.match(with_("{environment}-{cell}"), /leaves out \{workspace\}/);
      assert.match(with_("{cell}-{workspace}"), /leaves out \{environment\}/);
      assert.match(with_("{environment}-{workspace}"), /leaves out \{cell\} while layers are stamped per cell/);
      assert.equal(with_("{environment}-{workspace}", []).startsWith('tfc-layers:layers: layer "network" cells'), true);
      assert.match(with_("{environment}.{workspace}-{cell}"), /has characters TFC refuses outside its placeholders/);
    });

    it("refuses a template that gives two workspaces one TFC name, ignoring case", () => {
      const layers = [
        { name: "a", workspaces: ["x-eu"] },
        { name: "b", workspaces: ["X"], cells: ["eu"] },
      ];
      assert.match(
        refusal(file(layers, { "tfc-layers:workspaceName": "{workspace}-{cell}-{environment}" })),
        /^tfc-layers:workspaceName gives "x-eu" \(layer "a"\) and "X@eu" \(layer "b"\) one TFC name, "X-eu-prod"/,
      );
    });

    it("is injective across 300 generated stacks with adversarial names: TFC names, trigger names, resource names", async () => {
      const alphabet = ["a", "b", "-", "_", "A"];
      let accepted = 0;
      for (let seed = 1; seed <= 300; seed++) {
        const random = seededRandom(seed);
        const word = () =>
          Array.from(
            { length: 1 + Math.floor(random() * 3) },
            () => alphabet[Math.floor(random() * alphabet.length)],
          ).join("");
        const cells = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, word))].map((name) => ({
          name,
        }));
        const templates = [
          "{workspace}-{cell}-{environment}",
          "{environment}-{cell}-{workspace}",
          "{cell}{workspace}{environment}",
          "{layer}-{workspace}-{cell}-{environment}",
        ];
        const layers = [
          { name: "g", workspaces: [...new Set([word(), word()])] },
          { name: "c", workspaces: [...new Set([word(), word()])], cells: "all", dependsOn: ["g"] },
          { name: "h", workspaces: [word()], dependsOn: ["c"] },
        ];
        let t: Topology;
        try {
          t = topologyOf(file(layers, { "tfc-layers:workspaceName": templates[seed % templates.length] }, cells));
        } catch {
          continue;
        }
        accepted++;
        const lower = t.workspaces.map((w) => w.name.toLowerCase());
        assert.equal(new Set(lower).size, lower.length, `seed ${seed}: TFC names`);
        const triggers = t.triggers.map((e) => e.name);
        assert.equal(new Set(triggers).size, triggers.length, `seed ${seed}: trigger names`);
        if (seed % 30 === 0) {
          const run = await deploy(
            file(layers, { "tfc-layers:workspaceName": templates[seed % templates.length] }, cells),
          );
          const urns = run.resources.map((r) => r.urn);
          assert.equal(new Set(urns).size, urns.length, `seed ${seed}: URNs`);
        }
      }
      assert.ok(accepted > 100, `${accepted} accepted`);
    });
  });
});

describe("cells elsewhere", () => {
  it("--compare lists the cells when two stacks are stamped differently", () => {
    const a = topologyOf(file(REGIONAL));
    const b = topologyOf(file(REGIONAL, {}, CELLS.slice(0, 2)));
    const cells = compareStacks(a, b).find((d) => d.what === "cells")!;
    assert.match(cells.here, /"ap":\{"primary":false,"region":"ap-southeast-2"/);
    assert.doesNotMatch(cells.there, /"ap"/);
  });
});

describe("the committed regional example (examples/Pulumi.regional.yaml)", () => {
  it("its generated files pass terraform validate and test in every reading directory", function () {
    requireTerraform();
    this.timeout(120_000);
    const t = topologyOfFile(loadStackFile(path.join(PROJECT_DIR, "examples"), "regional"));
    const files = contractFiles(t);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-regional-"));
    writeTree(root, Object.fromEntries(files.map((f) => [f.path, f.content])));
    const readers = [
      ...new Set(files.filter((f) => f.path.endsWith(CONTRACT_FILES.reads)).map((f) => path.dirname(f.path))),
    ];
    assert.deepEqual(readers.sort(), ["app/api", "app/web", "edge/dns", "platform/eks"]);
    for (const dir of readers) {
      const report = terraformTest(path.join(root, dir));
      assert.equal(report.exitCode, 0, `${dir}: ${JSON.stringify(report.errors)}`);
      assert.ok(
        Object.values(report.runs).every((r) => r === "pass"),
        `${dir}: ${JSON.stringify(report.runs)}`,
      );
    }
  });

  it("plans offline: names by the convention, wiring within each region, the global layers on both sides", async () => {
    const { code, out } = await plan(["regional", "--dir", "examples"], PROJECT_DIR, PROJECT_DIR);
    assert.equal(code, 0, out);
    assert.match(out, /prod-iam applies successfully:\n {2}wave 1 {2}prod-euw1-vpc, prod-use1-vpc: 1 run each/);
    assert.match(
      out,
      /total: 12 runs for 9 reachable workspaces \(ideal 9, 3 extra from fan-in\): prod-dns runs 4 times/,
    );
    assert.match(out, /subgraph L1\["network"\]\n {4}subgraph L1C0\["euw1"\]\n {6}W1\["prod-euw1-vpc"\]/);
    assert.doesNotMatch(out, /prod-euw1-vpc -> prod-use1-eks|W1 --> W4/);
    assert.match(
      out,
      /key: "tfc_cell"\n\s+sensitive: false\n\s+value: "\{ name = \\"euw1\\", values = \{ account = \\"222222222222\\", region = \\"eu-west-1\\" \} \}"\n\s+workspaceId: "id\(prod-euw1-api\)"/,
    );
  });
});

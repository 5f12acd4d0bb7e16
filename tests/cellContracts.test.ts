// Contracts across cells, proven with terraform itself: a cell layer reads its own cell's upstream
// (named through tfc_cell), a global layer reads the workspace of every cell (for_each, keyed by
// cell in the locals). One directory serves every cell, so each cell gets the same files.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CONTRACT_FILES, contractFiles } from "../hcl/contractFiles";
import { CONTRACT_VARIABLE } from "../hcl/expressions";
import type { SecretValue } from "../offline/registrations";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology } from "../topology/topology";
import { deploy, stackConfig } from "./fixtures";
import { ofType } from "./mocks";
import {
  failingRunsApart,
  formatChanges,
  requireTerraform,
  terraformTest,
  validateDirectory,
  writeTree,
} from "./terraform";

// Cell names that are awkward as Terraform labels: they only ever appear as strings.
const CELLS = [{ name: "1-eu" }, { name: "us_2" }];
const LAYERS = [
  { name: "network", workspaces: ["vpc"], cells: "all", outputs: { vpc_id: "string" } },
  {
    name: "platform",
    workspaces: ["eks"],
    cells: "all",
    dependsOn: ["network"],
    reads: { network: ["vpc_id"] },
    outputs: { cluster: "object({name = string})" },
  },
  { name: "dns", workspaces: ["dns"], dependsOn: ["platform"], reads: { platform: ["cluster"] } },
];
const file = () => stackConfig({ environment: "prod", layers: LAYERS, raw: { "tfc-layers:cells": CELLS } });
const topology = () => {
  const f = file();
  return buildTopology(readStackConfig(f.config, (k) => f.secretKeys.includes(k)));
};

describe("contracts across cells", () => {
  it("each workspace reads the same cell's upstream; a global reader reads every cell's", () => {
    const t = topology();
    const reads = (key: string) => t.contractByWorkspace!.get(key)!.reads.map((r) => r.upstream);
    assert.deepEqual(reads("eks@1-eu"), ["vpc@1-eu"]);
    assert.deepEqual(reads("dns"), ["eks@1-eu", "eks@us_2"]);
    assert.deepEqual(t.workspaceByKey.get("vpc@us_2")!.consumers, ["eks@us_2"]);
  });

  it("the contract variable carries each cell layer's cells", async () => {
    const run = await deploy(file());
    const value = (
      ofType(run, "tfe:index/variable:Variable").find(
        (v) => v.inputs.key === CONTRACT_VARIABLE && v.inputs.workspaceId === "id(dns-prod)",
      )!.inputs.value as SecretValue
    ).value;
    assert.equal(
      value,
      '{ hostname = "app.terraform.io", organization = "acme", environment = "prod", cells = { network = ["1-eu", "us_2"], platform = ["1-eu", "us_2"] } }',
    );
  });

  it("one file per directory serves every cell; they pass terraform fmt, validate and test", function () {
    requireTerraform();
    this.timeout(120_000);
    const files = contractFiles(topology());
    assert.deepEqual(
      files.map((f) => [f.path, f.workspaces]),
      [
        ["network/vpc/contract_outputs.tf", ["vpc@1-eu", "vpc@us_2"]],
        ["platform/eks/contract_outputs.tf", ["eks@1-eu", "eks@us_2"]],
        ["platform/eks/contract_reads.tf", ["eks@1-eu", "eks@us_2"]],
        ["platform/eks/tests/contract_reads.tftest.hcl", ["eks@1-eu", "eks@us_2"]],
        ["dns/dns/contract_reads.tf", ["dns"]],
        ["dns/dns/tests/contract_reads.tftest.hcl", ["dns"]],
      ],
    );
    const byPath = (p: string) => files.find((f) => f.path === p)!.content;
    assert.match(
      byPath("platform/eks/contract_reads.tf"),
      /name = "vpc-\$\{var\.tfc_cell\.name\}-\$\{var\.tfc_layers\.environment\}"/,
    );
    assert.match(byPath("dns/dns/contract_reads.tf"), /for_each = toset\(var\.tfc_layers\.cells\["platform"\]\)/);
    assert.match(
      byPath("dns/dns/contract_reads.tf"),
      /for cell, state in data\.terraform_remote_state\.eks : cell => \{/,
    );
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-cells-tf-"));
    writeTree(root, Object.fromEntries(files.map((f) => [f.path, f.content])));
    assert.equal(formatChanges(root), "", "terraform fmt would change the generated files");
    for (const [dir, cases] of [
      ["platform/eks", [["vpc-test-test", "vpc_id", "string", "platform"]]],
      ["dns/dns", [["eks-test-test", "cluster", "object({name = string})", "dns"]]],
    ] as const) {
      const here = path.join(root, dir);
      assert.deepEqual(validateDirectory(here), { valid: true, errors: [] }, dir);
      const report = terraformTest(here);
      assert.equal(report.exitCode, 0, `${dir}: ${JSON.stringify(report.errors)}`);
      assert.deepEqual(
        Object.values(report.runs).sort(),
        ["pass", "pass", "pass"],
        `${dir}: ${JSON.stringify(report.runs)}`,
      );
      // Each failing case alone, without expect_failures: exactly our message.
      const apart = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-cells-apart-"));
      fs.cpSync(here, apart, { recursive: true });
      fs.rmSync(path.join(apart, "tests"), { recursive: true });
      writeTree(apart, failingRunsApart(fs.readFileSync(path.join(here, CONTRACT_FILES.test), "utf8")));
      const failures = terraformTest(apart);
      for (const [upstream, output, type, layer] of cases) {
        const message = `Workspace ${upstream} must publish the output ${output} as ${type} for the ${layer} layer: it is missing or has another type.`;
        for (const run of ["missing_1", "mistyped_1"]) {
          assert.deepEqual(
            failures.errors.filter((e) => e.run === run).map((e) => e.detail),
            [message],
            `${dir} ${run}`,
          );
        }
      }
    }
  });
});

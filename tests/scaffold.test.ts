// npm run scaffold: the Terraform that enforces the contract, proven with terraform itself
// (validate, fmt, test), with hostile names, and written without losing anyone's edits.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { CONTRACT_FILES, contractFiles } from "../hcl/contractFiles";
import { CONTRACT_VARIABLE } from "../hcl/expressions";
import { GENERATED_MARK, scaffold, stamped } from "../hcl/scaffold";
import type { SecretValue } from "../offline/registrations";
import { runStack } from "../offline/runStack";
import { loadStackFile, PROJECT_DIR, type StackFile, topologyOf } from "../offline/stackFile";
import { buildPlan, remoteStateReads } from "../plan/document";
import { renderText } from "../plan/text";
import { main } from "../scripts/scaffold";
import { remoteStateLabel } from "../topology/names";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology, type Topology } from "../topology/topology";
import { readDoc } from "./docs";
import { deploy, type LayerFixture, seededRandom, stackConfig } from "./fixtures";
import { ofType } from "./mocks";
import {
  failingRunsApart,
  formatChanges,
  requireTerraform,
  terraformTest,
  validateDirectory,
  writeTree,
} from "./terraform";

/** The stack file's values as written, to change one. */
const rawOf = (file: StackFile) =>
  (
    parse(fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${file.stack}.yaml`), "utf8")) as {
      config: Record<string, unknown>;
    }
  ).config;
/** A directory holding one main.tf. */
const writeDir = (dir: string, hcl: string) => {
  fs.writeFileSync(path.join(dir, "main.tf"), `${hcl}\n`);
  return dir;
};
const temp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `tfc-layers-${prefix}-`));
const topologyWith = (layers: LayerFixture[], raw?: Record<string, unknown>): Topology => {
  const file = stackConfig({ layers, raw });
  return buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
};
const committed = (stack: string) => contractFiles(topologyOf(loadStackFile(PROJECT_DIR, stack)));

/**
 * Runs terraform on every generated directory: fmt has nothing to change, validate passes, every
 * test run passes, and each failing case, run without expect_failures, stops with exactly one message that
 * names the upstream workspace (in the test's environment), the output, its type and the layer.
 */
function proveWithTerraform(topology: Topology): void {
  const files = contractFiles(topology);
  const root = temp("scaffold");
  writeTree(root, Object.fromEntries(files.map((f) => [f.path, f.content])));
  assert.equal(formatChanges(root), "", "terraform fmt would change the generated files");
  const done = new Set<string>();
  for (const ws of topology.workspaces) {
    const directory = ws.source.directory;
    if (done.has(directory) || !files.some((f) => f.workspaces.includes(ws.key))) continue;
    done.add(directory);
    const here = path.join(root, directory);
    assert.deepEqual(validateDirectory(here), { valid: true, errors: [] }, directory);
    const report = terraformTest(here);
    assert.equal(report.exitCode, 0, `${directory}: ${JSON.stringify(report.errors)}`);
    assert.ok(
      Object.values(report.runs).every((s) => s === "pass"),
      `${directory}: ${JSON.stringify(report.runs)}`,
    );
    const reads = topology.contractByWorkspace!.get(ws.key)!.reads;
    const cases = reads.flatMap((r) => r.outputs.map((o) => ({ upstream: r.upstream, output: o })));
    assert.equal(Object.keys(report.runs).length, cases.length === 0 ? 0 : 1 + 2 * cases.length, directory);
    if (cases.length === 0) continue;
    const apart = temp("apart");
    fs.cpSync(here, apart, { recursive: true });
    fs.rmSync(path.join(apart, "tests"), { recursive: true });
    writeTree(apart, failingRunsApart(fs.readFileSync(path.join(here, CONTRACT_FILES.test), "utf8")));
    const failures = terraformTest(apart);
    cases.forEach(({ upstream, output }, i) => {
      const message = `Workspace ${upstream}-test must publish the output ${output.name} as ${output.typeText} for the ${ws.layer} layer: it is missing or has another type.`;
      for (const run of [`missing_${i + 1}`, `mistyped_${i + 1}`]) {
        assert.equal(failures.runs[run], "error", `${directory} ${run} should fail`);
        assert.deepEqual(
          failures.errors.filter((e) => e.run === run).map((e) => e.detail),
          [message],
          `${directory} ${run}`,
        );
      }
    });
  }
}

describe("npm run scaffold", () => {
  describe("with terraform", function () {
    this.timeout(180_000);
    before(() => {
      requireTerraform();
    });

    it("the committed dev stack's files pass terraform fmt, validate and test, and each failure names upstream, output and type", () => {
      const files = committed("dev");
      assert.deepEqual(
        files.map((f) => f.path),
        [
          "network/network-a/contract_outputs.tf",
          "platform/platform-b/contract_outputs.tf",
          "platform/platform-b/contract_reads.tf",
          "platform/platform-b/tests/contract_reads.tftest.hcl",
          "app/app-c/contract_reads.tf",
          "app/app-c/tests/contract_reads.tftest.hcl",
        ],
      );
      proveWithTerraform(topologyOf(loadStackFile(PROJECT_DIR, "dev")));
    });

    it("an organization's naming convention: the reads name upstreams by tfc-layers:workspaceName (terraform test)", () => {
      const dev = rawOf(loadStackFile(PROJECT_DIR, "dev"));
      const topology = topologyOf(
        stackConfig({ raw: { ...dev, "tfc-layers:workspaceName": "{environment}-{layer}-{workspace}" } }),
      );
      const files = contractFiles(topology);
      const reads = files.find((f) => f.path === "platform/platform-b/contract_reads.tf")!.content;
      assert.match(reads, /name = "\$\{var\.tfc_layers\.environment\}-network-network-a"/);
      const root = temp("convention");
      writeTree(root, Object.fromEntries(files.map((f) => [f.path, f.content])));
      const report = terraformTest(path.join(root, "platform", "platform-b"));
      assert.equal(report.runs.declared_outputs_pass, "pass", JSON.stringify(report.errors));
      const failure = report.errors.find((e) => e.run === undefined || e.detail.includes("must publish"));
      assert.equal(failure, undefined, JSON.stringify(report.errors));
    });

    it("Terraform Enterprise: the host the program sets reaches each read's backend config (terraform test)", async () => {
      const file = loadStackFile(PROJECT_DIR, "dev");
      const tfe = stackConfig({ raw: { ...rawOf(file), "tfe:hostname": "tfe.example.com" } });
      const topology = topologyOf(tfe);
      const run = await deploy(tfe);
      const value = ofType(run, "tfe:index/variable:Variable").find((v) => v.inputs.key === CONTRACT_VARIABLE)!.inputs
        .value as SecretValue;
      assert.match(String(value.value), /^\{ hostname = "tfe\.example\.com", organization = "acme"/);
      const root = temp("tfe-host");
      const files = contractFiles(topology);
      writeTree(root, Object.fromEntries(files.map((f) => [f.path, f.content])));
      const here = path.join(root, "platform", "platform-b");
      // The workspace variable's value as the program sets it, and a check of what the backend gets.
      fs.writeFileSync(
        path.join(here, "tests", "host.tftest.hcl"),
        [
          `variables {\n  ${CONTRACT_VARIABLE} = ${value.value}\n}`,
          `override_data {\n  target = data.terraform_remote_state.network-a\n  values = { outputs = { vpc_id = "vpc-1", subnet_ids = ["s-1"] } }\n}`,
          'run "reads_from_the_host" {\n  command = plan\n  assert {\n    condition     = data.terraform_remote_state.network-a.config.hostname == "tfe.example.com"\n    error_message = "the read goes elsewhere"\n  }\n}',
          "",
        ].join("\n"),
      );
      fs.rmSync(path.join(here, "tests", CONTRACT_FILES.test.split("/").pop()!));
      const report = terraformTest(here);
      assert.deepEqual(report.runs, { reads_from_the_host: "pass" }, JSON.stringify(report.errors));
      // Without a contract, the plan's remote-state blocks carry the host, and Terraform takes them.
      const plain = topologyOf(stackConfig({ raw: { "tfe:hostname": "tfe.example.com" } }));
      const blocks = remoteStateReads(plain).flatMap((r) => r.reads.map((x) => x.hcl));
      assert.ok(blocks.length > 0 && blocks.every((b) => b.includes('hostname     = "tfe.example.com"')));
      const unique = [...new Set(blocks)].join("\n\n");
      assert.deepEqual(validateDirectory(writeDir(temp("blocks"), unique)), { valid: true, errors: [] });
    });

    it("hostile names and nested types pass too: keys that need a label prefix, outputs with dashes, every type form", () => {
      const layers: LayerFixture[] = [
        {
          name: "base",
          workspaces: ["1net", "_1net", "net-a", "net_a"],
          outputs: {
            "a-b": "string",
            _x: "number",
            "x-1": "map(list(object({a-b = number, ok = bool})))",
            t: "tuple([string, set(number), object({})])",
          },
        },
        {
          name: "top",
          workspaces: ["-x", "_-x"],
          dependsOn: ["base"],
          reads: { base: ["a-b", "_x", "x-1", "t"] },
          outputs: { "out-1": "bool" },
        },
        { name: "leaf", workspaces: ["leaf"], dependsOn: ["top", "base"], reads: { top: ["out-1"], base: ["t"] } },
      ];
      proveWithTerraform(topologyWith(layers));
    });
  });

  it("dev and prod get the same files: nothing in them depends on the environment", () => {
    assert.deepEqual(committed("prod"), committed("dev"));
    for (const f of committed("dev")) assert.doesNotMatch(f.content, /\bdev\b|acme/, f.path);
  });

  it("every label, local key and run name is unique in its file, for generated collision-prone names", () => {
    const random = seededRandom(12);
    const fragments = ["a", "-", "_", "1", "net", "a-b", "a_b", "_a", "-a"];
    const pick = () =>
      Array.from(
        { length: 1 + Math.floor(random() * 3) },
        () => fragments[Math.floor(random() * fragments.length)],
      ).join("");
    for (let i = 0; i < 150; i++) {
      const upstreamKeys = [...new Set(Array.from({ length: 5 }, pick))].filter((k) => /^[A-Za-z0-9_-]+$/.test(k));
      const outputs = Object.fromEntries(
        [...new Set(Array.from({ length: 4 }, () => `o${pick()}`))].map((name) => [name, "string"]),
      );
      const layers: LayerFixture[] = [
        { name: "up", workspaces: upstreamKeys, outputs },
        { name: "down", workspaces: ["down"], dependsOn: ["up"], reads: { up: Object.keys(outputs) } },
      ];
      const files = contractFiles(topologyWith(layers));
      const reads = files.find((f) => f.path.endsWith(CONTRACT_FILES.reads))!.content;
      const labels = [...reads.matchAll(/data "terraform_remote_state" "([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual([...labels].sort(), upstreamKeys.map(remoteStateLabel).sort());
      assert.equal(new Set(labels).size, upstreamKeys.length);
      const localKeys = [...reads.slice(reads.indexOf("\nlocals {")).matchAll(/^ {4}("[^"]+"|\S+) = \{$/gm)].map(
        (m) => m[1],
      );
      assert.equal(new Set(localKeys).size, upstreamKeys.length);
      const test = files.find((f) => f.path.endsWith(CONTRACT_FILES.test))!.content;
      const runs = [...test.matchAll(/^run "([^"]+)"/gm)].map((m) => m[1]);
      assert.equal(new Set(runs).size, runs.length);
      assert.equal(runs.length, 1 + 2 * upstreamKeys.length * Object.keys(outputs).length);
    }
  });

  it("refuses two workspaces that share a directory but need different files, and writes one file for identical ones", async () => {
    const allow = { "tfc-layers:allowSharedDirectories": true };
    // tools publishes nothing but plans app's directory: app needs reads files there, tools none.
    const conflictingLayers: LayerFixture[] = [
      { name: "network", workspaces: ["net"], outputs: { id: "string" } },
      { name: "tools", workspaces: ["tool"], dependsOn: ["network"], reads: { network: ["id"] }, directory: "app/app" },
      { name: "app", workspaces: ["app"], dependsOn: ["network", "tools"], reads: { network: ["id"] } },
    ];
    const conflicting = topologyWith(conflictingLayers, allow);
    const message =
      'workspaces "tool" and "app" share directory "app/app" but need different contract_reads.tf: give them their own directories';
    assert.throws(() => contractFiles(conflicting), { name: "Error", message });
    // The plan still plans, and says why there are no files.
    const run = await runStack(stackConfig({ layers: conflictingLayers, raw: allow }));
    const plan = buildPlan("dev", conflicting, run);
    assert.deepEqual(plan.contract, { files: [], problem: message });
    assert.ok(renderText(plan).includes(`No files can be generated: ${message}.`));
    const twins = topologyWith(
      [
        { name: "network", workspaces: ["net"], outputs: { id: "string" } },
        {
          name: "app",
          workspaces: ["blue", "green"],
          dependsOn: ["network"],
          reads: { network: ["id"] },
          directory: "app",
        },
      ],
      allow,
    );
    assert.deepEqual(
      contractFiles(twins)
        .filter((f) => f.path.startsWith("app/"))
        .map((f) => [f.path, f.workspaces]),
      [
        ["app/contract_reads.tf", ["blue", "green"]],
        ["app/tests/contract_reads.tftest.hcl", ["blue", "green"]],
      ],
    );
  });

  it("the contracts page's copy of platform's reads file and its sample output are what scaffold writes and says", () => {
    const readme = readDoc("contracts");
    const marker = "for platform (a test checks this copy):\n\n```hcl\n";
    const start = readme.indexOf(marker) + marker.length;
    assert.ok(start > marker.length, "the README shows the reads file");
    const copy = readme.slice(start, readme.indexOf("```\n", start));
    const reads = committed("dev").find((f) => f.path === "platform/platform-b/contract_reads.tf")!;
    assert.equal(copy, stamped(reads.content));
    const sampleStart = readme.indexOf("```text\nIn /tmp/scaffold-dev:\n") + "```text\n".length;
    const sample = readme.slice(sampleStart, readme.indexOf("```", sampleStart));
    const cwd = temp("cwd");
    const { out } = main(["dev", "--out", "scaffold-dev"], PROJECT_DIR, cwd);
    assert.equal(sample.replace("In /tmp/scaffold-dev:", "In scaffold-dev:"), out);
  });

  describe("writing files", () => {
    const file = (content: string) => [{ path: "network/a/contract_outputs.tf", content }];
    const target = (root: string) => path.join(root, "network", "a", "contract_outputs.tf");

    it("writes new files, leaves identical ones, updates untouched ones, keeps edited ones while the contract stands", () => {
      const root = temp("write");
      assert.deepEqual(scaffold(root, file("one\n")), [{ path: "network/a/contract_outputs.tf", outcome: "wrote" }]);
      assert.equal(fs.readFileSync(target(root), "utf8"), stamped("one\n"));
      assert.ok(stamped("one\n").startsWith(`${GENERATED_MARK}\n`));
      assert.equal(scaffold(root, file("one\n"))[0].outcome, "unchanged");
      assert.equal(scaffold(root, file("two\n"))[0].outcome, "updated");
      assert.equal(fs.readFileSync(target(root), "utf8"), stamped("two\n"));
      // The user fills in a value: the contract has not changed, so the file is theirs.
      const edited = stamped("two\n").replace("two", "two = filled in");
      fs.writeFileSync(target(root), edited);
      assert.equal(scaffold(root, file("two\n"))[0].outcome, "kept");
      assert.equal(scaffold(root, file("two\n"), { force: true })[0].outcome, "kept");
      assert.equal(fs.readFileSync(target(root), "utf8"), edited);
    });

    it("leaves an edited file behind a changed contract unless forced, and a dry run writes nothing", () => {
      const root = temp("write");
      scaffold(root, file("one\n"));
      const edited = `${fs.readFileSync(target(root), "utf8")}# mine\n`;
      fs.writeFileSync(target(root), edited);
      assert.equal(scaffold(root, file("two\n"))[0].outcome, "left");
      assert.equal(fs.readFileSync(target(root), "utf8"), edited);
      assert.equal(scaffold(root, file("two\n"), { force: true, dryRun: true })[0].outcome, "overwrote");
      assert.equal(fs.readFileSync(target(root), "utf8"), edited);
      assert.equal(scaffold(root, file("two\n"), { force: true })[0].outcome, "overwrote");
      assert.equal(fs.readFileSync(target(root), "utf8"), stamped("two\n"));
      // A file written by hand (no mark) is never taken for a generated one.
      fs.writeFileSync(target(root), "two\n");
      assert.equal(scaffold(root, file("two\n"))[0].outcome, "left");
      const fresh = temp("dry");
      assert.equal(scaffold(fresh, file("one\n"), { dryRun: true })[0].outcome, "wrote");
      assert.deepEqual(fs.readdirSync(fresh), []);
    });
  });

  describe("the command", () => {
    it("writes the committed dev stack's files under --out, relative to where it is run, and says what it did", () => {
      const cwd = temp("cwd");
      const first = main(["dev", "--out", "repo"], PROJECT_DIR, cwd);
      assert.equal(first.code, 0, first.out);
      const lines = first.out.trimEnd().split("\n");
      assert.equal(lines[0], "In repo:");
      assert.deepEqual(
        lines.slice(1, -2).map((l) => l.split(/\s+/)),
        committed("dev").map((f) => ["wrote", f.path]),
      );
      assert.equal(lines.at(-2), "changed 6 of 6 files; 0 unchanged; 0 kept as edited; 0 left behind the contract");
      // It says which stacks it checked the files against: prod releases from another branch.
      assert.equal(
        lines.at(-1),
        "Compared with no other stack; not with prod (it plans acme/infrastructure-example on release, this stack acme/infrastructure-example on main).",
      );
      for (const f of committed("dev")) {
        assert.equal(fs.readFileSync(path.join(cwd, "repo", f.path), "utf8"), stamped(f.content));
      }
      const again = main(["dev", "--out", "repo", "--dry-run"], PROJECT_DIR, cwd);
      assert.match(again.out, /^Dry run in repo:\n/);
      assert.match(again.out, /would change 0 of 6 files; 6 unchanged/);
    });

    it("refuses, naming the stack, the file and why, when another stack would generate a shared file differently", () => {
      const dir = temp("agree");
      fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
      const prod = parse(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.prod.yaml"), "utf8"));
      // Both plan the same branch: one directory, one code, so the files must agree.
      prod.config["tfc-layers:vcs"].branch = "main";
      fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.dev.yaml"), path.join(dir, "Pulumi.dev.yaml"));
      fs.writeFileSync(path.join(dir, "Pulumi.prod.yaml"), stringify(prod));
      const cwd = temp("cwd");
      assert.equal(main(["dev", "--out", "repo"], dir, cwd).code, 0, "the committed stacks agree");
      prod.config["tfc-layers:layers"][0].outputs.vpc_id = "number";
      fs.writeFileSync(path.join(dir, "Pulumi.prod.yaml"), stringify(prod));
      const before = fs.readFileSync(path.join(cwd, "repo", "network/network-a/contract_outputs.tf"), "utf8");
      const refused = main(["dev", "--out", "repo"], dir, cwd);
      assert.deepEqual(refused, {
        code: 1,
        out: 'error: stack prod plans the same code (acme/infrastructure-example on main) but would generate network/network-a/contract_outputs.tf differently (network-a.outputs is ["subnet_ids: list(string)","vpc_id: string"] here and ["subnet_ids: list(string)","vpc_id: number"] in prod): make the two stacks agree (npm run plan -- dev --compare prod), or give their workspaces different directories\nCompared with prod.\n',
      });
      assert.equal(main(["prod", "--out", "repo"], dir, cwd).code, 1, "and the other way round");
      assert.equal(fs.readFileSync(path.join(cwd, "repo", "network/network-a/contract_outputs.tf"), "utf8"), before);
    });

    it("lets a contract change in dev go first: a stack releasing from another branch is not compared, unless named", () => {
      const dir = temp("promote");
      fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
      fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.prod.yaml"), path.join(dir, "Pulumi.prod.yaml"));
      const dev = parse(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.dev.yaml"), "utf8"));
      dev.config["tfc-layers:layers"][0].outputs.vpc_cidr = "string";
      fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), stringify(dev));
      const cwd = temp("cwd");
      const promoted = main(["dev", "--out", "repo"], dir, cwd);
      assert.equal(promoted.code, 0, promoted.out);
      assert.match(
        fs.readFileSync(path.join(cwd, "repo", "network/network-a/contract_outputs.tf"), "utf8"),
        /vpc_cidr/,
      );
      assert.match(
        promoted.out,
        /Compared with no other stack; not with prod \(it plans acme\/infrastructure-example on release, this stack acme\/infrastructure-example on main\)\.\n$/,
      );
      // Named, prod is compared, whatever branch it plans.
      const named = main(["dev", "--out", "repo", "--compare", "prod"], dir, cwd);
      assert.equal(named.code, 1);
      assert.match(
        named.out,
        /^error: stack prod \(named with --compare\) but would generate network\/network-a\/contract_outputs\.tf differently/,
      );
      assert.match(named.out, /\nCompared with prod\.\n$/);
      assert.match(
        main(["dev", "--out", "repo", "--compare", "none"], dir, cwd).out,
        /Compared with no other stack; not with prod \(not named with --compare\)\./,
      );
      assert.deepEqual(main(["dev", "--compare", "stage"], dir, cwd), {
        code: 1,
        out: "error: --compare stage: no stack stage beside dev; name stacks of prod, or none\n",
      });
    });

    it("prints the usage for bad arguments, and one error line for a stack without a contract or with a bad one", () => {
      assert.equal(main([], PROJECT_DIR, temp("cwd")).code, 2);
      assert.equal(main(["dev", "--outt", "x"], PROJECT_DIR, temp("cwd")).code, 2);
      const dir = temp("stacks");
      const config = (layers: unknown) =>
        stringify({
          config: { "tfe:organization": "acme", "tfc-layers:environment": "dev", "tfc-layers:layers": layers },
        });
      fs.writeFileSync(path.join(dir, "Pulumi.plain.yaml"), config([{ name: "network", workspaces: ["net"] }]));
      fs.writeFileSync(
        path.join(dir, "Pulumi.bad.yaml"),
        config([
          { name: "network", workspaces: ["net"], outputs: { id: "string" } },
          { name: "app", workspaces: ["app"], dependsOn: ["network"], reads: { network: ["idd"] } },
        ]),
      );
      assert.deepEqual(main(["plain"], dir, temp("cwd")), {
        code: 1,
        out: "error: stack plain declares no contract and no dynamic credentials: give its layers outputs (and their dependents reads) to generate Terraform, or a set in tfc-layers:credentials for trust documents\n",
      });
      assert.deepEqual(main(["bad"], dir, temp("cwd")), {
        code: 1,
        out: 'error: tfc-layers:layers[1].reads.network (layer "app") reads "idd" from "network", which does not declare it: did you mean "id"?\n',
      });
    });
  });
});

// The offline plan command: golden output for the committed stacks, determinism, errors.
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { compareStacks } from "../plan/compare";
import { main } from "../scripts/plan";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology } from "../topology/topology";
import { CREDENTIALS, stackConfig } from "./fixtures";

const ROOT = path.join(__dirname, "..");
const GOLDEN = path.join(__dirname, "fixtures", "plan");
const REGENERATE = "regenerate with: npm run -s plan -- <stack> [--json] > tests/fixtures/plan/<stack>.<txt|json>";

function tempStackDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-plan-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("npm run plan", () => {
  for (const stack of ["dev", "prod"]) {
    it(`${stack}: text output matches the checked-in plan`, async () => {
      const { code, out } = await main([stack]);
      assert.equal(code, 0);
      assert.equal(out, fs.readFileSync(path.join(GOLDEN, `${stack}.txt`), "utf8"), REGENERATE);
    });

    it(`${stack}: --json output matches the checked-in plan`, async () => {
      const { code, out } = await main([stack, "--json"]);
      assert.equal(code, 0);
      assert.equal(out, fs.readFileSync(path.join(GOLDEN, `${stack}.json`), "utf8"), REGENERATE);
    });
  }

  it("prints the three sections, the Mermaid graph and, without a contract, the remote-state blocks", async () => {
    const committed = fs.readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8");
    const withoutContract = committed.replace(/^ {6}(outputs|reads):\n( {8}.*\n)+/gm, "");
    assert.doesNotMatch(withoutContract, /outputs:|reads:/);
    const { out } = await main(["dev"], tempStackDir({ "Pulumi.dev.yaml": withoutContract }));
    for (const heading of ["## Resources", "## Graph", "## Cascade", "## Reading upstream state", "## Advice"]) {
      assert.ok(out.includes(`\n${heading}\n`), heading);
    }
    assert.match(out, /```mermaid\nflowchart LR\n/);
    assert.match(out, /W0 --> W1/);
    assert.match(out, /data "terraform_remote_state" "platform-b" \{\n {2}backend = "remote"/);
    assert.doesNotMatch(out, /## Contract|tfc_layers/);
  });

  it("the README's sample of npm run plan -- dev is true: each of its lines is in the output, in order", async () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const marker = "```text\n";
    const start = readme.indexOf(marker, readme.indexOf("A shortened sample of `npm run plan -- dev`")) + marker.length;
    const sample = readme.slice(start, readme.indexOf("\n```", start)).split("\n");
    const lines = (await main(["dev"])).out.split("\n");
    let at = 0;
    for (const line of sample.filter((l) => l.trim() !== "...")) {
      const found = lines.indexOf(line, at);
      assert.ok(found >= 0, `README sample line not in the output (or out of order): ${line}`);
      at = found + 1;
    }
    assert.ok(sample.length > 10);
  });

  it("is deterministic: the same stack file gives byte-identical output", async () => {
    const first = await main(["dev", "--json"]);
    const second = await main(["dev", "--json"]);
    assert.equal(first.out, second.out);
  });

  it("does not depend on the order of layers, workspaces or dependsOn in the stack file", async () => {
    const shuffled = fs
      .readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8")
      .replace(
        / {4}- name: network\n {6}workspaces: \[network-a\]\n( {6}.*\n)+? {4}- name: platform/,
        "    - name: platform",
      )
      .replace("dependsOn: [network, platform]", "dependsOn: [platform, network]")
      .concat(
        "    - name: network\n      workspaces: [network-a]\n      outputs: {vpc_id: string, subnet_ids: list(string)}\n",
      );
    const dir = tempStackDir({ "Pulumi.dev.yaml": shuffled });
    assert.notEqual(shuffled, fs.readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8"));
    const { code, out } = await main(["dev", "--json"], dir);
    assert.equal(code, 0);
    assert.equal(out, fs.readFileSync(path.join(GOLDEN, "dev.json"), "utf8"));
  });

  it("a stack with encrypted credentials and webhook plans without decrypting them", async () => {
    const committed = fs.readFileSync(path.join(ROOT, "Pulumi.prod.yaml"), "utf8");
    const dir = tempStackDir({
      "Pulumi.prod.yaml": [
        committed.trimEnd(),
        "  tfc-layers:sharedCredentials:",
        "    AWS_ACCESS_KEY_ID:",
        "      secure: v1:bm9uY2U=:ZW5jcnlwdGVkLWtleS1pZA==",
        "  tfc-layers:approvalWebhookUrl:",
        "    secure: v1:bm9uY2U=:ZW5jcnlwdGVkLXVybA==",
        "",
      ].join("\n"),
    });
    const { code, out } = await main(["prod"], dir);
    assert.equal(code, 0, out);
    assert.match(
      out,
      /\+ tfe:index\/variable:Variable {2}shared-credentials-prod-AWS_ACCESS_KEY_ID\n(.*\n)*? +value: "\[secret\]"/,
    );
    // One approval webhook per workspace, beside the stack's own email destination.
    assert.equal((out.match(/name: "approval-requests"/g) ?? []).length, 3);
    assert.match(out, /url: "\[secret\]"/);
    assert.equal(out.includes("v1:"), false, "ciphertext is not printed either");
  });

  it("prod: every run set off by an apply waits for approval", async () => {
    const plan = JSON.parse((await main(["prod", "--json"])).out);
    const runs = plan.cascade.flatMap((c: { runs: { outcome: string }[] }) => c.runs);
    assert.ok(runs.length > 0);
    for (const run of runs) assert.equal(run.outcome, "wait-for-approval");
  });

  it("a broken stack file: status 1 and the program's one-line message", async () => {
    const dir = tempStackDir({
      "Pulumi.broken.yaml": [
        "config:",
        "  tfe:organization: acme",
        "  tfc-layers:environment: dev",
        "  tfc-layers:layers:",
        "    - name: network",
        "      workspaces: [n]",
        "      dependsOn: [app]",
        "    - name: app",
        "      workspaces: [a]",
        "      dependsOn: [network]",
        "",
      ].join("\n"),
    });
    const { code, out } = await main(["broken"], dir);
    assert.equal(code, 1);
    assert.equal(
      out,
      "error: tfc-layers:layers: dependency cycle app -> network -> app (each layer depends on the next): remove one of these dependsOn entries\n",
    );
  });

  it("--compare shows where dev and prod differ: approvals, branch, project, Terraform versions", async () => {
    const { code, out } = await main(["dev", "--compare", "prod"]);
    assert.equal(code, 0, out);
    const section = out.slice(out.indexOf("## Compared with prod"));
    assert.match(section, /- autoApply +dev: true {2}prod: false\n/);
    assert.match(section, /- branch +dev: main {2}prod: release\n/);
    assert.match(
      section,
      /- project +dev: layers-dev \(created by the stack\) {2}prod: layers-prod \(created by the stack\)\n/,
    );
    assert.match(section, /- network-a\.terraformVersion +dev: ~> 1\.11\.0 {2}prod: 1\.11\.4\n/);
    const json = JSON.parse((await main(["dev", "--compare", "dev", "--json"])).out);
    assert.deepEqual(json.comparison, { stack: "dev", differences: [] });
  });

  it("--compare shows what breaks code two stacks share: dependsOn, outputs, reads, credentials, tags, protect, lifecycle", () => {
    const layers = (variant: boolean) => [
      { name: "network", workspaces: ["network-a"], outputs: { vpc_id: variant ? "number" : "string" } },
      { name: "extra", workspaces: ["extra-x"], sharedCredentials: !variant, tags: { team: variant ? "b" : "a" } },
      {
        name: "app",
        workspaces: ["app-c"],
        dependsOn: variant ? ["network", "extra"] : ["network"],
        reads: { network: ["vpc_id"] },
      },
    ];
    const topology = (variant: boolean) => {
      const file = stackConfig({
        stack: variant ? "prod" : "dev",
        credentials: CREDENTIALS,
        layers: layers(variant),
        raw: {
          "tfc-layers:protect": variant,
          "tfc-layers:vcs": { repository: "acme/infra", oauthTokenId: "ot-abc" },
          ...(variant ? {} : { "tfc-layers:lifecycle": { applyOnCreate: true } }),
        },
      });
      return buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
    };
    const what = compareStacks(topology(false), topology(true)).map((d) => `${d.what}: ${d.here} | ${d.there}`);
    assert.deepEqual(what, [
      "protect: false | true",
      "lifecycle: applyOnCreate true, destroyOnDelete false | (none)",
      'app-c.dependsOn: ["network-a"] | ["extra-x","network-a"]',
      'app-c.reads: ["network-a: vpc_id (string)"] | ["network-a: vpc_id (number)"]',
      "extra-x.sharedCredentials: true | false",
      'extra-x.tags: {"layer":"extra","managed-by":"tfc-layers","team":"a"} | {"layer":"extra","managed-by":"tfc-layers","team":"b"}',
      'network-a.outputs: ["vpc_id: string"] | ["vpc_id: number"]',
    ]);
  });

  it("refuses unknown flags naming the flag, with the usage line", async () => {
    const { code, out } = await main(["dev", "--bogus"]);
    assert.equal(code, 2);
    assert.match(out, /^error: unknown flag --bogus: the flags are .*\nusage: npm run plan -- <stack>/);
  });

  it("an unknown stack lists the stacks that exist", async () => {
    const { code, out } = await main(["staging"]);
    assert.equal(code, 1);
    assert.equal(out, 'error: no stack "staging": there is no Pulumi.staging.yaml; stacks here: dev, prod\n');
  });

  it("as a process: exit status 1 and the message alone, no stack trace", async () => {
    const run = promisify(execFile);
    const failure = await run("npx", ["ts-node", "--transpile-only", "scripts/plan.ts", "staging"], { cwd: ROOT }).then(
      () => assert.fail("should exit non-zero"),
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    assert.equal(failure.code, 1);
    assert.equal(failure.stdout, "");
    assert.equal(
      failure.stderr,
      'error: no stack "staging": there is no Pulumi.staging.yaml; stacks here: dev, prod\n',
    );
  });
});

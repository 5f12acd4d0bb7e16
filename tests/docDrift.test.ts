// The contracts and development pages against the code: the commands and flags they show exist,
// the paths they name are there, the folders they lay out are the repository's, and the files and
// outputs they show are what scaffold, the program and terraform give now.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { contractFiles } from "../hcl/contractFiles";
import { stamped } from "../hcl/scaffold";
import { SecretValue } from "../offline/registrations";
import { runStack } from "../offline/runStack";
import { loadStackFile, PROJECT_DIR, topologyOf } from "../offline/stackFile";
import { main as plan } from "../scripts/plan";
import { main as scaffold } from "../scripts/scaffold";
import { readDoc } from "./docs";
import { type LayerFixture, stackConfig } from "./fixtures";
import { requireTerraform, writeTree } from "./terraform";

const PAGES = ["contracts", "development"] as const;
const temp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `tfc-layers-${prefix}-`));
const flagsIn = (text: string) => new Set([...text.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]));
const exists = (relative: string) => fs.existsSync(path.join(PROJECT_DIR, relative));

/** The body of the first fenced block of `lang` after `marker` on a page. */
function blockAfter(page: string, marker: string, lang: string): string {
  const at = page.indexOf(marker);
  assert.ok(at >= 0, `the page has "${marker}"`);
  const fence = new RegExp(`^( *)\`\`\`${lang}\\n`, "m");
  const found = fence.exec(page.slice(at));
  assert.ok(found, `a ${lang} block follows "${marker}"`);
  const indent = found[1];
  const start = at + found.index + found[0].length;
  const body = page.slice(start, page.indexOf(`\n${indent}\`\`\``, start) + 1);
  // A block inside a list item is indented: the file is the block without that indentation.
  return body
    .split("\n")
    .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
    .join("\n");
}

/** The dev stack's generated file at `file`, as scaffold writes it. */
function devFile(file: string): string {
  const found = contractFiles(topologyOf(loadStackFile(PROJECT_DIR, "dev"))).find((f) => f.path === file);
  assert.ok(found, `dev generates ${file}`);
  return stamped(found.content);
}

describe("the contracts and development pages match the code", () => {
  it("every npm run command they show is a script of package.json", () => {
    const scripts = Object.keys(
      (JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "package.json"), "utf8")) as { scripts: object }).scripts,
    );
    for (const page of PAGES) {
      const named = [...readDoc(page).matchAll(/npm run (?:-s )?([a-z](?:[a-z:]*[a-z])?)/g)].map((m) => m[1]);
      assert.ok(named.length > 2, `${page} shows npm run commands`);
      for (const script of named) assert.ok(scripts.includes(script), `${page}: npm run ${script} is not a script`);
    }
  });

  it("the scaffold usage on the contracts page shows exactly the command's flags, and the page uses no other", () => {
    const usage = scaffold([]);
    assert.equal(usage.code, 2);
    const flags = flagsIn(usage.out);
    const page = readDoc("contracts");
    const line = /^`npm run scaffold -- <stack> [^`]*`/m.exec(page);
    assert.ok(line, "the page shows scaffold's usage");
    assert.deepEqual([...flagsIn(line[0])].sort(), [...flags].sort());
    for (const flag of flagsIn(page)) assert.ok(flags.has(flag), `contracts: scaffold has no ${flag}`);
  });

  it("the plan flags the development page uses are the plan command's", async () => {
    const usage = await plan([]);
    assert.equal(usage.code, 2);
    const commands = [...readDoc("development").matchAll(/`npm run (?:-s )?plan -- [^`]*`/g)].map((m) => m[0]);
    const used = flagsIn(commands.join("\n"));
    assert.ok(used.has("--json"));
    for (const flag of used) assert.ok(flagsIn(usage.out).has(flag), `development: npm run plan has no ${flag}`);
  });

  it("the page's contract example is one the program takes: platform reads what network declares", () => {
    const layers = parse(blockAfter(readDoc("contracts"), "anything runs, and generates", "yaml")) as LayerFixture[];
    const topology = topologyOf(stackConfig({ layers }));
    const reads = topology.contractByWorkspace!.get("platform-b")!.reads;
    assert.deepEqual(
      reads.map((r) => [r.upstream, r.outputs.map((o) => o.name).sort()]),
      [["network-a", ["subnet_ids", "vpc_id"]]],
    );
  });

  it("the tfc_layers value the page shows is what the program sets on dev's reading workspaces", async () => {
    const shown = /`tfc_layers = (\{[^`]*\})`/.exec(readDoc("contracts"));
    assert.ok(shown, "the page shows the variable's value");
    const run = await runStack(loadStackFile(PROJECT_DIR, "dev"));
    const values = run.resources
      .filter((r) => r.type === "tfe:index/variable:Variable" && r.inputs.key === "tfc_layers")
      .map((r) => (r.inputs.value instanceof SecretValue ? r.inputs.value.value : r.inputs.value));
    assert.equal(values.length, 2, "platform-b-dev and app-c-dev read upstream state");
    for (const value of values) assert.equal(value, shown[1]);
  });

  it("the page's copy of network's outputs file is what scaffold writes", () => {
    const copy = blockAfter(readDoc("contracts"), "- `contract_outputs.tf` in each publishing directory", "hcl");
    assert.equal(copy, devFile("network/network-a/contract_outputs.tf"));
  });

  it("the failing read's sample names the line of platform's reads file that holds the check", () => {
    const sample = blockAfter(readDoc("contracts"), "real `terraform` 1.11 output", "text");
    const at = /on contract_reads\.tf line (\d+), [^\n]*\n +(\d+): ([^\n]*)/.exec(sample);
    assert.ok(at, sample);
    assert.equal(at[2], at[1]);
    const lines = devFile("platform/platform-b/contract_reads.tf").split("\n");
    assert.equal(lines[Number(at[1]) - 1], at[3]);
  });

  it("the failing read's sample is what terraform says when network-a-dev stops publishing vpc_id", function () {
    this.timeout(120_000);
    requireTerraform();
    const sample = blockAfter(readDoc("contracts"), "real `terraform` 1.11 output", "text");
    const dir = temp("drift");
    writeTree(dir, {
      "contract_reads.tf": devFile("platform/platform-b/contract_reads.tf"),
      // The dev environment, its upstream's state without vpc_id, no expect_failures: terraform's own message.
      "tests/vpc_id_gone.tftest.hcl": [
        'variables {\n  tfc_layers = { hostname = "app.terraform.io", organization = "acme", environment = "dev" }\n}',
        'run "vpc_id_gone" {\n  command = plan\n  override_data {\n    target = data.terraform_remote_state.network-a',
        '    values = { outputs = { subnet_ids = ["example"] } }\n  }\n}\n',
      ].join("\n"),
    });
    const env = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_INPUT: "0" };
    spawnSync("terraform", ["init", "-input=false", "-no-color"], { cwd: dir, env });
    const run = spawnSync("terraform", ["test", "-no-color"], { cwd: dir, env, encoding: "utf8" });
    assert.equal(run.status, 1, run.stdout);
    const said = run.stderr.slice(run.stderr.indexOf("Error: "));
    assert.equal(said.trim(), sample.trim());
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("scaffolding prod after dev leaves every contract file unchanged and adds only prod's trust documents", () => {
    const page = readDoc("contracts");
    assert.match(page, /`npm run scaffold -- prod` after dev leaves every one of them unchanged; it adds only\nprod's/);
    const cwd = temp("prod-after-dev");
    assert.equal(scaffold(["dev", "--out", "repo"], PROJECT_DIR, cwd).code, 0);
    const prod = scaffold(["prod", "--out", "repo"], PROJECT_DIR, cwd);
    assert.equal(prod.code, 0, prod.out);
    const reports = prod.out
      .split("\n")
      .slice(1)
      .map((l) => /^(\S+)\s+(\S+\/\S+)$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => [m[1], m[2]]);
    const contract = contractFiles(topologyOf(loadStackFile(PROJECT_DIR, "prod"))).map((f) => f.path);
    assert.deepEqual(
      reports.filter(([, file]) => contract.includes(file)),
      contract.map((file) => ["unchanged", file]),
    );
    const others = reports.filter(([, file]) => !contract.includes(file));
    assert.ok(others.length > 0, prod.out);
    for (const [outcome, file] of others) assert.ok(outcome === "wrote" && file.startsWith("trust/prod/"), file);
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  describe("the development page's folder layout", () => {
    const page = readDoc("development");
    const tree = blockAfter(page, "What you want to do: work on tfc-layers itself.", "").split("\n").filter(Boolean);
    /** Each line of the tree: its folder (the last unindented folder for an indented line), its first name, the rest. */
    const entries = (() => {
      let parent = "";
      return tree.map((line) => {
        const [first, ...rest] = line.trim().split(/\s+/);
        const indented = line.startsWith(" ");
        if (!indented) parent = first;
        return { parent: indented ? parent : "", first, rest: rest.join(" ") };
      });
    })();
    const topLevel = (dir: string) =>
      fs
        .readdirSync(path.join(PROJECT_DIR, dir))
        .filter((f) => !f.startsWith(".") && f !== "node_modules" && !(dir === "" && fs.statSync(f).isFile()));

    it("every folder and file it names is there, where it says", () => {
      assert.ok(entries.length > 30, "the layout is found");
      for (const { parent, first, rest } of entries) {
        const here = `${parent}${first}`;
        assert.ok(exists(here), `development: ${here} does not exist`);
        // Other files named on the line live in the line's folder, or beside its file.
        const folder = first.endsWith("/") ? here : parent;
        for (const m of rest.matchAll(/\b([a-zA-Z]+\.ts)\b/g)) {
          assert.ok(exists(`${folder}${m[1]}`), `development: ${folder}${m[1]} does not exist`);
        }
      }
    });

    it("it names every folder of the repository, and every entry of topology/ and offline/", () => {
      const named = new Set(entries.filter((e) => e.parent === "").map((e) => e.first.replace(/\/.*$/, "/")));
      for (const dir of topLevel("").filter((d) => fs.statSync(path.join(PROJECT_DIR, d)).isDirectory())) {
        assert.ok(named.has(`${dir}/`), `development: the layout does not name ${dir}/`);
      }
      for (const dir of ["topology/", "offline/"]) {
        const lines = entries.filter((e) => e.parent === dir).map((e) => `${e.first} ${e.rest}`);
        for (const entry of topLevel(dir)) {
          const name = fs.statSync(path.join(PROJECT_DIR, dir, entry)).isDirectory() ? `${entry}/` : entry;
          assert.ok(
            lines.some((l) => l.split(/[\s(),;]+/).includes(name)),
            `development: the layout does not name ${dir}${name}`,
          );
        }
      }
    });

    it("the components it lists are the components/ folder's components and deployTopology", () => {
      const line = entries.find((e) => e.first === "components/");
      assert.ok(line, "the layout has components/");
      const listed = line.rest.split(/,\s*/).sort();
      const code = fs
        .readdirSync(path.join(PROJECT_DIR, "components"))
        .map((f) => fs.readFileSync(path.join(PROJECT_DIR, "components", f), "utf8"));
      const components = code.flatMap((t) =>
        [...t.matchAll(/^export class (\w+) extends pulumi\.ComponentResource/gm)].map((m) => m[1]),
      );
      const deploy = code.flatMap((t) =>
        [...t.matchAll(/^export async function (deployTopology)\b/gm)].map((m) => m[1]),
      );
      assert.deepEqual(listed, [...components, ...deploy].sort());
    });
  });

  it("the development page's paths, BENCH_ONLY values and CI steps are the repository's", () => {
    const page = readDoc("development");
    const prose = page.slice(page.indexOf("\n```\n", page.indexOf("```\n")) + 4);
    const paths = [...prose.matchAll(/`(?:[^`]*[ >] )?((?:tests|bench|\.ci)\/[\w./-]+)`/g)].map((m) => m[1]);
    assert.ok(paths.length >= 5, `paths found: ${paths.join(", ")}`);
    for (const p of paths) assert.ok(exists(p), `development: ${p} does not exist`);
    assert.match(
      fs.readFileSync(path.join(PROJECT_DIR, "tests/review.test.ts"), "utf8"),
      /process\.env\.UPDATE_GOLDENS/,
    );
    const bench = fs.readFileSync(path.join(PROJECT_DIR, "bench/bench.ts"), "utf8");
    assert.deepEqual(
      [...new Set([...prose.matchAll(/BENCH_ONLY=(\w+)/g)].map((m) => m[1]))].sort(),
      [...bench.matchAll(/BENCH_ONLY === "(\w+)"/g)].map((m) => m[1]).sort(),
    );
    // CI: the steps the page lists, in its order, are .ci/run's.
    const ci = /CI runs `bash \.ci\/run`: ([\s\S]*?)\.\n/.exec(prose);
    assert.ok(ci, "the page says what CI runs");
    const steps = [...ci[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    assert.deepEqual(steps, ["terraform", "npm ci", "npm run lint", "npm test", "npm run plan -- dev"]);
    const run = fs.readFileSync(path.join(PROJECT_DIR, ".ci/run"), "utf8");
    const at = steps.map((s) => run.search(new RegExp(`^[^#\\n]*\\b${s.replace(/[-]/g, "\\-")}\\b`, "m")));
    assert.ok(
      at.every((i) => i >= 0),
      `.ci/run runs ${steps.join(", ")}: ${at}`,
    );
    assert.deepEqual(
      at,
      [...at].sort((x, y) => x - y),
      ".ci/run runs them in the page's order",
    );
    // npm test type-checks everything, as the page says.
    const scripts = (
      JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    assert.ok(page.includes("`npm test` type-checks everything (`tsc --noEmit`)"));
    assert.match(scripts.test, /npm run build/);
    assert.match(scripts.build, /tsc --noEmit/);
  });
});

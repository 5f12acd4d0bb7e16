// A newcomer's way from a clone to a reviewed plan of their own stack, by the README alone:
// its commands run as written, in a copy of this repository, with the edits its comments ask
// for made from the configuration reference's keys and fields.
import * as assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { DESTRUCTIVE_EXIT } from "../review/document";
import { readDoc } from "./docs";
import { copyOfRepository } from "./fixtures";

const SECTION = "### Plan and review your own stack";

/** The README's commands for one's own stack: its sh block under SECTION, line by line. */
function readmeSteps(): string[] {
  const readme = readDoc("README");
  const start = readme.indexOf("```sh\n", readme.indexOf(SECTION));
  assert.ok(readme.indexOf(SECTION) >= 0 && start > 0, `the README has a ${SECTION} section with an sh block`);
  const body = start + "```sh\n".length;
  return readme.slice(body, readme.indexOf("\n```", body)).split("\n");
}

/** The backquoted names in the first column of a table between `<!-- marker` and its end. */
function documentedNames(page: string, marker: string): Set<string> {
  const start = page.indexOf(`<!-- ${marker}:`);
  const table = page.slice(start, page.indexOf(`<!-- end of ${marker} -->`, start));
  return new Set([...table.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]));
}

/** Runs one line of the README in bash, as a newcomer's shell would, with a git identity. */
function shell(dir: string, line: string): { code: number; out: string } {
  const run = spawnSync("bash", ["-c", line], {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "n",
      GIT_AUTHOR_EMAIL: "n@example.com",
      GIT_COMMITTER_NAME: "n",
      GIT_COMMITTER_EMAIL: "n@example.com",
    },
  });
  return { code: run.status ?? -1, out: `${run.stdout}${run.stderr}` };
}

describe("a newcomer's own stack, from the README to a reviewed plan", function () {
  this.timeout(240_000);
  let repo: string;
  const results: { line: string; code: number; out: string }[] = [];
  const stackFile = () => path.join(repo, "Pulumi.mine.yaml");
  const edit = (change: (doc: ReturnType<typeof parseDocument>) => void) => {
    const doc = parseDocument(fs.readFileSync(stackFile(), "utf8"));
    change(doc);
    fs.writeFileSync(stackFile(), doc.toString());
  };

  before(() => {
    repo = copyOfRepository();
    for (const line of readmeSteps()) {
      if (line.startsWith("#")) {
        // The one edit between commands: "add a workspace to a layer".
        assert.match(line, /add a workspace to a layer/);
        edit((doc) => doc.addIn(["config", "tfc-layers:layers", 1, "workspaces"], "worker"));
        continue;
      }
      const result = shell(repo, line);
      results.push({ line, ...result });
      if (line.startsWith("cp ")) {
        // "then set your organization, environment and layers in it", with the reference's keys.
        assert.match(line, /set your organization, environment and layers/);
        edit((doc) => {
          doc.setIn(["config", "tfe:organization"], "example-org");
          doc.setIn(["config", "tfc-layers:environment"], "mine");
          doc.setIn(
            ["config", "tfc-layers:layers"],
            doc.createNode([
              { name: "base", workspaces: ["core"] },
              { name: "services", workspaces: ["web", "api"], dependsOn: ["base"] },
            ]),
          );
          doc.deleteIn(["config", "tfc-layers:project"]);
        });
      }
    }
  });

  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  it("every command runs as written and succeeds", () => {
    assert.deepEqual(
      results.map((r) => r.line.replace(/\s+#.*$/, "")),
      [
        "cp Pulumi.dev.yaml Pulumi.mine.yaml",
        "npm run plan -- mine",
        'git add Pulumi.mine.yaml && git commit -m "Stack mine"',
        "npm run plan -- mine --diff HEAD",
      ],
    );
    for (const r of results) assert.equal(r.code, 0, `${r.line}\n${r.out}`);
  });

  it("the plan is of the newcomer's stack: their organization, environment, workspaces and triggers", () => {
    const plan = results[1].out;
    assert.match(plan, /Offline plan for stack mine \(organization example-org, environment mine, runs auto-apply\)/);
    for (const name of ["core-mine", "web-mine", "api-mine", "core-mine->web-mine", "core-mine->api-mine"]) {
      assert.ok(plan.includes(name), `${name} in the plan`);
    }
    assert.equal(plan.includes("network-a"), false, "nothing of the dev stack's layers is left");
  });

  it("the review shows the change: the new workspace and its trigger added, nothing deleted", () => {
    const review = results[3].out;
    assert.match(review, /\+ .*worker-mine/);
    assert.ok(review.includes("core-mine->worker-mine"), review);
    assert.match(review, /\n5 to add, 1 to change, 0 to replace, 0 to delete\./, review);
  });

  it("a deletion in the review exits 3, and a refused stack file is one line naming the key and the fix", () => {
    execFileSync("git", ["-C", repo, "checkout", "-q", "Pulumi.mine.yaml"]);
    edit((doc) => doc.setIn(["config", "tfc-layers:layers", 1, "workspaces"], doc.createNode(["web"])));
    const deletion = shell(repo, "npm run -s plan -- mine --diff HEAD");
    assert.equal(deletion.code, DESTRUCTIVE_EXIT, deletion.out);
    assert.match(deletion.out, /api-mine/);
    edit((doc) => doc.setIn(["config", "tfc-layers:layers", 1, "dependsOn"], doc.createNode(["bsae"])));
    const refused = shell(repo, "npm run -s plan -- mine");
    assert.equal(refused.code, 1);
    const lines = refused.out.trim().split("\n");
    assert.equal(lines.length, 1, refused.out);
    assert.match(lines[0], /^error: tfc-layers:layers.*"bsae"/);
  });

  it("every key and layer field the newcomer's stack file uses is in the configuration reference", () => {
    execFileSync("git", ["-C", repo, "checkout", "-q", "Pulumi.mine.yaml"]);
    const page = readDoc("configuration");
    const keys = documentedNames(page, "keys");
    const fields = documentedNames(page, "layer fields");
    assert.ok(keys.size > 10 && fields.size > 5, "the reference's tables are found");
    const config = parseDocument(fs.readFileSync(stackFile(), "utf8")).toJS().config as Record<string, unknown>;
    for (const key of Object.keys(config)) assert.ok(keys.has(key), `${key} in the configuration reference`);
    for (const layer of config["tfc-layers:layers"] as Record<string, unknown>[]) {
      for (const field of Object.keys(layer)) assert.ok(fields.has(field), `layer field ${field} in the reference`);
    }
  });
});

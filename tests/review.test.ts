// npm run plan -- <stack> --diff <ref> | --diff-file <file>: what a change does, offline. Each
// kind of change has a pair of stack files built from the committed ones; goldens hold the three
// formats; the git path runs on a temporary repository.

import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { SecretValue } from "../offline/registrations";
import { PROJECT_DIR } from "../offline/stackFile";
import { DESTRUCTIVE_EXIT, HAZARD_EXIT, type ReviewDocument } from "../review/document";
import { diffResources } from "../review/resourceDiff";
import { exportProgram } from "../review/revisionTree";
import { main } from "../scripts/plan";
import { readDoc } from "./docs";
import { copyOfRepository, git } from "./fixtures";
import { type Config, committed, layer, registered, review, reviewJson } from "./reviewFixtures";

const GOLDEN = path.join(__dirname, "fixtures", "review");
const REGENERATE = "when the change is meant: UPDATE_GOLDENS=1 npx mocha tests/review.test.ts, then read the diff";

const resource = (type: string, name: string, inputs: Record<string, unknown>) => registered("dev", type, name, inputs);

const brief = (doc: ReviewDocument) => doc.resources.map((r) => `${r.kind} ${r.name}`);

/** The golden case: prod with a new workspace, a new upstream for app, a retyped output, a credential and a removed layer dependency. */
function goldenPair(): { before: Config; after: Config } {
  const before = committed("prod");
  const after = committed("prod");
  layer(after, "network").workspaces = ["network-a", "network-b"];
  layer(after, "network").outputs = { vpc_id: "string", subnet_ids: "list(object({id = string, zone = string}))" };
  after["tfc-layers:terraformVersion"] = "1.11.5";
  layer(after, "app").dependsOn = ["platform"];
  layer(after, "app").reads = { platform: ["cluster"] };
  return { before, after };
}

describe("npm run plan -- --diff / --diff-file", () => {
  for (const stack of ["dev", "prod"]) {
    it(`${stack}: the diff of a stack with itself is empty, in every format, exit 0`, async () => {
      const text = await review(stack, committed(stack), committed(stack));
      assert.deepEqual(text, {
        code: 0,
        out: `Review of stack ${stack}: before.yaml -> working tree (offline: no credentials, no network).\nno changes.\n`,
      });
      const { doc } = await reviewJson(stack, committed(stack), committed(stack));
      assert.equal(doc.empty, true);
      assert.deepEqual(doc.resources, []);
      const markdown = await review(stack, committed(stack), committed(stack), "--markdown");
      assert.match(markdown.out, /^### tfc-layers `\w+`: no changes\n/);
    });
  }

  it("lists resources added, removed and changed, with the changed inputs", async () => {
    const after = committed("dev");
    layer(after, "network").workspaces = ["network-a", "network-b"];
    after["tfc-layers:terraformVersion"] = "~> 1.12.0";
    const { code, doc } = await reviewJson("dev", committed("dev"), after);
    // Nothing destructive; the readers' generated contract files change (a hazard).
    assert.equal(code, HAZARD_EXIT);
    assert.deepEqual([...new Set(doc.hazards.map((h) => h.kind))], ["contract-files"]);
    assert.ok(brief(doc).includes("add network-b-dev"));
    assert.ok(brief(doc).includes("add network-b-dev->app-c-dev"));
    const version = doc.resources.find((r) => r.name === "app-c-dev")!;
    assert.equal(version.kind, "update");
    assert.deepEqual("changes" in version && version.changes, [
      { input: "terraformVersion", before: "~> 1.11.0", after: "~> 1.12.0" },
    ]);
    const removed = await reviewJson("dev", after, committed("dev"));
    assert.ok(brief(removed.doc).includes("delete network-b-dev"));
  });

  it("puts destructive changes first, says what they lose and whether they are protected, and exits 3", async () => {
    const after = committed("prod");
    after["tfe:organization"] = "acme-eu";
    const { code, out } = await review("prod", committed("prod"), after);
    assert.equal(code, DESTRUCTIVE_EXIT);
    const destructive = out.slice(out.indexOf("## Destructive changes"), out.indexOf("## Resources"));
    assert.ok(out.indexOf("## Destructive changes") < out.indexOf("## Resources"));
    assert.match(
      destructive,
      /- replace tfe:index\/workspace:Workspace network-a-prod \(organization\): loses the workspace's state, run history and any variables set on it by hand; protected: pulumi up stops here until `pulumi state unprotect`/,
    );
    // Replacing a workspace gives it a new id: what names it is replaced with it.
    assert.match(
      destructive,
      /replace tfe:index\/runTrigger:RunTrigger network-a-prod->platform-b-prod \(it belongs to \S+, which is replaced\)/,
    );
    const { doc } = await reviewJson("prod", committed("prod"), after);
    // The ones that lose something come first.
    const firstHarmless = doc.destructive.findIndex((c) => !c.loses);
    assert.ok(firstHarmless > 0 && doc.destructive.slice(firstHarmless).every((c) => !c.loses));
  });

  it("a rename with renamedFrom keeps the workspace (nothing destructive; its readers' contract files change: exit 4); without it, the workspace is deleted", async () => {
    const renamed = committed("dev");
    layer(renamed, "network").workspaces = ["network-core"];
    const kept = structuredClone(renamed);
    layer(kept, "network").renamedFrom = { "network-core": "network-a" };
    const safe = await reviewJson("dev", committed("dev"), kept);
    const workspace = safe.doc.resources.find((r) => r.name === "network-core-dev")!;
    assert.equal(workspace.kind, "update");
    assert.equal("renamedFrom" in workspace && workspace.renamedFrom, "network-a-dev");
    assert.ok(!safe.doc.destructive.some((c) => c.type === "tfe:index/workspace:Workspace"));
    // Everything named after it follows it: settings, triggers in and out, contract variable, run.
    // Its directory stays where its code is; the readers' generated reads name it anew.
    assert.equal(safe.code, HAZARD_EXIT);
    assert.ok(!safe.doc.hazards.some((h) => h.kind === "moved-code"));
    assert.ok(safe.doc.hazards.some((h) => h.kind === "contract-files"));
    assert.deepEqual(safe.doc.destructive, []);
    assert.deepEqual(
      safe.doc.resources.filter((r) => r.kind !== "update"),
      [],
    );
    for (const name of [
      "network-core-dev-settings",
      "network-core-dev->platform-b-dev",
      "network-core-dev->app-c-dev",
    ]) {
      assert.equal(safe.doc.resources.find((r) => r.name === name)?.kind, "update", name);
    }
    assert.deepEqual(safe.doc.triggersAdded, []);
    const lost = await reviewJson("dev", committed("dev"), renamed);
    assert.equal(lost.code, DESTRUCTIVE_EXIT);
    const deleted = lost.doc.destructive.find((c) => c.name === "network-a-dev")!;
    assert.equal(deleted.kind, "delete");
    assert.match(deleted.loses!, /state/);
  });

  it("a link deleted and created again under a new name for the same pair says what the delete takes with it", () => {
    const attachment = "tfe:index/workspaceVariableSet:WorkspaceVariableSet";
    const trigger = "tfe:index/runTrigger:RunTrigger";
    const pair = { workspaceId: "ws-1", variableSetId: "varset-1" };
    const changes = diffResources(
      [
        resource(attachment, "old-name", pair),
        resource(trigger, "a->b", { workspaceId: "ws-2", sourceableId: "ws-1" }),
      ],
      [
        resource(attachment, "new-name", pair),
        resource(trigger, "a-to-b", { workspaceId: "ws-2", sourceableId: "ws-1" }),
      ],
    );
    const deleted = (name: string) =>
      changes.find((c): c is Extract<typeof c, { kind: "delete" }> => c.kind === "delete" && c.name === name);
    assert.match(String(deleted("old-name")?.loses), /^the variable set on its workspace: .*lose the credentials/);
    assert.match(String(deleted("a->b")?.loses), /a second trigger for the same pair/);
    // Another pair: the delete takes nothing else with it.
    const other = diffResources(
      [resource(attachment, "old-name", pair)],
      [resource(attachment, "new-name", { ...pair, workspaceId: "ws-9" })],
    );
    assert.deepEqual(
      other.filter((c) => c.kind === "delete" && c.loses !== undefined),
      [],
    );
  });

  describe("changes that need two steps (dev has destroyOnDelete)", () => {
    const lifecycle = (config: Config) => config["tfc-layers:lifecycle"] as Record<string, unknown>;

    it("removing a workspace that reads state says to retire it first; retiring it, then removing it, says nothing more", async () => {
      const removed = committed("dev");
      removed["tfc-layers:layers"] = removed["tfc-layers:layers"].filter((l) => l.name !== "app");
      const direct = await reviewJson("dev", committed("dev"), removed);
      assert.equal(direct.code, DESTRUCTIVE_EXIT);
      assert.equal(direct.doc.steps.length, 1);
      assert.match(
        direct.doc.steps[0],
        /^app-c-dev is removed with its destroy run, .* after network-a-dev, platform-b-dev stopped sharing state with it/,
      );
      assert.match(direct.doc.steps[0], /list it in tfc-layers:lifecycle.retiring/);

      const retiring = committed("dev");
      lifecycle(retiring).retiring = ["app-c"];
      const first = await reviewJson("dev", committed("dev"), retiring);
      assert.equal(first.code, DESTRUCTIVE_EXIT);
      assert.equal(first.doc.steps.length, 1);
      assert.match(first.doc.steps[0], /^app-c-dev is retiring: this pulumi up deletes its triggers and its run/);
      assert.deepEqual(first.doc.destructive.map((c) => c.name).sort(), [
        "lifecycle-dev-app-c-dev",
        "network-a-dev->app-c-dev",
        "platform-b-dev->app-c-dev",
      ]);
      const second = await reviewJson("dev", retiring, removed);
      assert.deepEqual(second.doc.steps, []);
      assert.ok(!second.doc.destructive.some((c) => c.type === "tfe:index/workspaceRun:WorkspaceRun"));
    });

    it("removing the lifecycle key says to turn destroyOnDelete off first; doing so first says nothing", async () => {
      const off = committed("dev");
      delete off["tfc-layers:lifecycle"];
      const direct = await reviewJson("dev", committed("dev"), off);
      assert.equal(direct.doc.steps.length, 1);
      assert.match(direct.doc.steps[0], /each of the 3 runs of workspaces that stay is deleted with a destroy run/);
      const noDestroy = committed("dev");
      lifecycle(noDestroy).destroyOnDelete = false;
      const first = await reviewJson("dev", committed("dev"), noDestroy);
      assert.deepEqual(first.doc.steps, []);
      assert.equal(first.code, 0, "the runs are updated, nothing is deleted");
      assert.deepEqual((await reviewJson("dev", noDestroy, off)).doc.steps, []);
    });

    it("prints the steps first, in text and markdown", async () => {
      const off = committed("dev");
      delete off["tfc-layers:lifecycle"];
      const text = (await review("dev", committed("dev"), off)).out;
      assert.ok(text.indexOf("## Do this in two steps") < text.indexOf("## Destructive changes"), text);
      const md = (await review("dev", committed("dev"), off, "--markdown")).out;
      assert.ok(
        md.indexOf("#### Do this in two steps") > 0 &&
          md.indexOf("#### Do this in two steps") < md.indexOf("#### Destructive changes"),
      );
    });
  });

  it("follows the provider's conditional rules: a sensitive variable's new key replaces it, a plain one's updates it", () => {
    const variable = (name: string, inputs: Record<string, unknown>) =>
      resource("tfe:index/variable:Variable", name, inputs);
    const kinds = (before: Record<string, unknown>, after: Record<string, unknown>) =>
      diffResources([variable("v", before)], [variable("v", after)]).map((c) => c.kind);
    assert.deepEqual(kinds({ key: "A", sensitive: true }, { key: "B", sensitive: true }), ["replace"]);
    assert.deepEqual(kinds({ key: "A", sensitive: false }, { key: "B", sensitive: false }), ["update"]);
    assert.deepEqual(kinds({ key: "A", sensitive: true }, { key: "A", sensitive: false }), ["replace"]);
    assert.deepEqual(kinds({ key: "A", sensitive: false }, { key: "A", sensitive: true }), ["update"]);
    assert.deepEqual(kinds({ key: "A", category: "env" }, { key: "A", category: "terraform" }), ["replace"]);
    // A secret input is compared, and shown only as a secret.
    const [secret] = diffResources(
      [variable("v", { key: "A", value: new SecretValue("old-value-0001") })],
      [variable("v", { key: "A", value: new SecretValue("new-value-0002") })],
    );
    assert.deepEqual(secret, {
      type: "tfe:index/variable:Variable",
      name: "v",
      kind: "update",
      changes: [{ input: "value", before: "[secret]", after: "[secret]" }],
    });
  });

  it("shows a changed secret only as changed, never its value", async () => {
    const before = committed("prod");
    before["tfc-layers:sharedCredentials"] = { AWS_SECRET_ACCESS_KEY: { secure: "old-secret-value-0001" } };
    const after = structuredClone(before);
    after["tfc-layers:sharedCredentials"] = { AWS_SECRET_ACCESS_KEY: { secure: "new-secret-value-0002" } };
    for (const format of [[], ["--json"], ["--markdown"]]) {
      const { out } = await review("prod", before, after, ...format);
      assert.doesNotMatch(out, /secret-value-000/);
      assert.match(out, /tfc-layers:sharedCredentials\.AWS_SECRET_ACCESS_KEY/);
    }
    const { out } = await review("prod", before, after);
    assert.match(
      out,
      /## Secrets\n\ntfc-layers:sharedCredentials\.AWS_SECRET_ACCESS_KEY: set again \(its value changed, or was encrypted anew; values are never shown\)\n/,
    );
    const same = await reviewJson("prod", before, before);
    assert.equal(same.doc.empty, true);
    const added = structuredClone(after);
    added["tfc-layers:sharedCredentials"] = { AWS_SECRET_ACCESS_KEY: { secure: "x" }, TOKEN: { secure: "y" } };
    const { doc } = await reviewJson("prod", after, added);
    assert.deepEqual(doc.secrets, [
      { key: "tfc-layers:sharedCredentials.AWS_SECRET_ACCESS_KEY", change: "set again" },
      { key: "tfc-layers:sharedCredentials.TOKEN", change: "added" },
    ]);
  });

  it("lists trigger edges and state access added and removed, and state a workspace can no longer read", async () => {
    const after = committed("dev");
    layer(after, "app").dependsOn = ["platform"];
    layer(after, "app").reads = { platform: ["cluster"] };
    const { doc } = await reviewJson("dev", committed("dev"), after);
    assert.deepEqual(doc.triggersRemoved, [{ upstream: "network-a-dev", downstream: "app-c-dev" }]);
    assert.deepEqual(doc.grantsRemoved, [{ upstream: "network-a-dev", downstream: "app-c-dev" }]);
    assert.deepEqual(doc.lostReads, [{ upstream: "network-a-dev", downstream: "app-c-dev" }]);
    const back = await reviewJson("dev", after, committed("dev"));
    assert.deepEqual(back.doc.triggersAdded, [{ upstream: "network-a-dev", downstream: "app-c-dev" }]);
    assert.deepEqual(back.doc.grantsAdded, [{ upstream: "network-a-dev", downstream: "app-c-dev" }]);
    assert.deepEqual(back.doc.lostReads, []);
  });

  it("shows the cascade before and after: runs per apply, new fan-in duplicates and stale reads", async () => {
    const before = committed("dev");
    layer(before, "app").dependsOn = ["platform"];
    layer(before, "app").reads = { platform: ["cluster"] };
    const { doc } = await reviewJson("dev", before, committed("dev"));
    const network = doc.cascade.find((c) => c.source === "network-a-dev")!;
    assert.deepEqual([network.runsBefore, network.runsAfter, network.wavesBefore, network.wavesAfter], [2, 3, 2, 2]);
    assert.deepEqual(network.newDuplicates, ["app-c-dev"]);
    assert.deepEqual(network.newStaleReads, ["app-c-dev reads platform-b-dev"]);
  });

  it("with contracts: an output retyped or removed that a workspace reads", async () => {
    const after = committed("dev");
    layer(after, "network").outputs = { vpc_id: "number", subnet_ids: "list(string)" };
    const { doc } = await reviewJson("dev", committed("dev"), after);
    assert.deepEqual(doc.contract, [
      {
        workspace: "network-a-dev",
        output: "vpc_id",
        change: "retyped",
        typeBefore: "string",
        typeAfter: "number",
        readBy: ["platform-b-dev"],
      },
    ]);
    const removed = committed("dev");
    layer(removed, "network").outputs = { subnet_ids: "list(string)" };
    layer(removed, "platform").reads = { network: ["subnet_ids"] };
    const gone = await reviewJson("dev", committed("dev"), removed);
    assert.deepEqual(
      gone.doc.contract.map((c) => [c.output, c.change, c.readBy]),
      [["vpc_id", "removed", ["platform-b-dev"]]],
    );
  });

  for (const [format, flags] of [
    ["txt", []],
    ["md", ["--markdown"]],
    ["json", ["--json"]],
  ] as const) {
    it(`golden ${format}: a prod change with a new workspace, a dropped dependency and a retyped output`, async () => {
      const { before, after } = goldenPair();
      const { code, out } = await review("prod", before, after, ...flags);
      // Dropping app's dependency on network deletes a trigger: destructive, though nothing is lost.
      assert.equal(code, DESTRUCTIVE_EXIT);
      if (process.env.UPDATE_GOLDENS) fs.writeFileSync(path.join(GOLDEN, `prod.${format}`), out);
      assert.equal(out, fs.readFileSync(path.join(GOLDEN, `prod.${format}`), "utf8"), REGENERATE);
    });
  }

  it("the reviewing page's sample comment is the golden markdown review", () => {
    const readme = readDoc("reviewing");
    const marker = "this copy is what the command prints):\n\n````markdown\n";
    const start = readme.indexOf(marker) + marker.length;
    assert.ok(start > marker.length, "the README shows a sample comment");
    assert.equal(
      readme.slice(start, readme.indexOf("````", start)),
      fs.readFileSync(path.join(GOLDEN, "prod.md"), "utf8"),
    );
  });

  it("the markdown comment: summary line first, destructive changes before the folded details, the graph marks edges", async () => {
    const after = committed("prod");
    after["tfe:organization"] = "acme-eu";
    layer(after, "app").dependsOn = ["platform"];
    layer(after, "app").reads = { platform: ["cluster"] };
    layer(after, "network").workspaces = ["network-a", "network-b"];
    const { out } = await review("prod", committed("prod"), after, "--markdown");
    const lines = out.split("\n");
    assert.match(
      lines[0],
      /^### tfc-layers `prod`: \d+ to add, \d+ to change, \d+ to replace, \d+ to delete; \d+ destructive changes, \d+ hazards :warning:$/,
    );
    assert.ok(out.indexOf("#### Destructive changes") < out.indexOf("<details>"));
    assert.match(out, /<summary>Graph<\/summary>\n\n```mermaid\nflowchart LR\n/);
    assert.match(out, /W\d+ ==>\|"added"\| W\d+/);
    assert.match(out, /W\d+ -\.->\|"removed"\| W\d+/);
    assert.match(out, /linkStyle \d+ stroke:#2da44e/);
  });

  describe("--diff <git revision>", () => {
    let repo: string;
    before(() => {
      repo = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-git-"));
      git(repo, "init", "-q");
      fs.mkdirSync(path.join(repo, "infra"));
      fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(repo, "infra", "Pulumi.yaml"));
      fs.writeFileSync(path.join(repo, "infra", "Pulumi.dev.yaml"), stringify({ config: committed("dev") }));
      git(repo, "add", ".");
      git(repo, "commit", "-qm", "first");
      const after = committed("dev");
      layer(after, "network").workspaces = ["network-a", "network-b"];
      fs.writeFileSync(path.join(repo, "infra", "Pulumi.dev.yaml"), stringify({ config: after }));
    });

    it("compares the working tree with the stack file at the revision, read through git (nothing checked out)", async () => {
      const dir = path.join(repo, "infra");
      const { code, out } = await main(["dev", "--diff", "HEAD"], dir, dir);
      // A new upstream changes the readers' contract files: a hazard, nothing destructive.
      assert.equal(code, HAZARD_EXIT, out);
      assert.match(out, /^Review of stack dev: HEAD -> working tree/);
      assert.match(out, /\+ tfe:index\/workspace:Workspace {2}network-b-dev/);
      // Nothing was checked out: the working tree still has the change.
      assert.match(git(repo, "status", "--porcelain"), /M infra\/Pulumi.dev.yaml/);
    });

    it("a stack file that did not exist at the revision: everything is added", async () => {
      const dir = path.join(repo, "infra");
      fs.writeFileSync(
        path.join(dir, "Pulumi.stage.yaml"),
        stringify({ config: { ...committed("dev"), "tfc-layers:environment": "stage" } }),
      );
      const { code, out } = await main(["stage", "--diff", "HEAD", "--json"], dir, dir);
      assert.equal(code, 0);
      const doc = JSON.parse(out) as ReviewDocument;
      assert.ok(doc.resources.length > 0 && doc.resources.every((r) => r.kind === "add"));
    });

    it("an unknown revision is one error line, exit 1", async () => {
      const dir = path.join(repo, "infra");
      assert.deepEqual(await main(["dev", "--diff", "no-such-branch"], dir, dir), {
        code: 1,
        out: "error: --diff no-such-branch: git knows no such revision here; give a branch, tag or commit\n",
      });
      // Nor is an option passed through to git.
      assert.equal((await main(["dev", "--diff=--output=x"], dir, dir)).code, 1);
    });
  });

  describe("a change to the program alone, on a temporary copy of this repository", function () {
    this.timeout(120_000);
    let repo: string;
    before(() => {
      repo = copyOfRepository();
      const names = path.join(repo, "topology", "names.ts");
      fs.writeFileSync(names, fs.readFileSync(names, "utf8").replace("-settings`", "-config`"));
    });

    it("plans the revision with its own program: a renamed resource in the TypeScript deletes and creates it", async () => {
      const { code, out } = await main(["prod", "--diff", "HEAD", "--json"], repo, repo);
      assert.equal(code, DESTRUCTIVE_EXIT, out);
      const doc = JSON.parse(out) as ReviewDocument;
      assert.deepEqual([doc.programFiles, doc.ownPrograms], [["topology/names.ts"], true]);
      assert.ok(brief(doc).includes("delete network-a-prod-settings"), brief(doc).join("\n"));
      assert.ok(brief(doc).includes("add network-a-prod-config"));
      // The checkout is as it was: only the change itself shows.
      assert.equal(git(repo, "status", "--porcelain").trim(), "M topology/names.ts");
      const text = await main(["prod", "--diff", "HEAD"], repo, repo);
      assert.match(
        text.out,
        /Files besides stack files changed since HEAD \(each side planned with its own program\): topology\/names.ts/,
      );
    });

    it("reuses node_modules while the lockfile and the local SDK are the same, else installs in the exported tree", () => {
      const installs: string[] = [];
      const install = (dir: string) => {
        installs.push(dir);
      };
      const reused = exportProgram(repo, "HEAD", ["topology/names.ts"], install);
      assert.equal(
        fs.realpathSync(path.join(reused, "node_modules")),
        fs.realpathSync(path.join(PROJECT_DIR, "node_modules")),
      );
      assert.equal(fs.readFileSync(path.join(reused, "topology", "names.ts"), "utf8").includes("-config"), false);
      for (const changed of ["package-lock.json", "sdks/tfe/index.ts", "package.json"]) {
        const installed = exportProgram(repo, "HEAD", [changed], install);
        assert.equal(installs.pop(), installed, changed);
        assert.equal(fs.existsSync(path.join(installed, "node_modules")), false);
      }
    });

    it("a change to documentation alone plans both sides in this process, and says so", async () => {
      execFileSync("git", ["-C", repo, "stash", "-q"]);
      try {
        fs.appendFileSync(path.join(repo, "README.md"), "\nOne more line.\n");
        const { code, out } = await main(["prod", "--diff", "HEAD", "--json"], repo, repo);
        assert.equal(code, 0, out);
        const doc = JSON.parse(out) as ReviewDocument;
        assert.deepEqual([doc.programFiles, doc.ownPrograms, doc.empty], [["README.md"], false, true]);
        const text = (await main(["prod", "--diff", "HEAD"], repo, repo)).out;
        assert.match(
          text,
          /Files besides stack files changed since HEAD \(documentation only: both sides planned with this program\): README.md/,
        );
        assert.doesNotMatch(text, /each side planned with its own program/);
      } finally {
        execFileSync("git", ["-C", repo, "checkout", "-q", "README.md"]);
        execFileSync("git", ["-C", repo, "stash", "pop", "-q"]);
      }
    });
  });

  it("refuses flags that do not go together, with the usage (exit 2)", async () => {
    for (const argv of [
      ["dev", "--markdown"],
      ["dev", "--diff", "HEAD", "--diff-file", "x.yaml"],
      ["dev", "--diff", "HEAD", "--compare", "prod"],
      ["dev", "--diff", "HEAD", "--markdown", "--json"],
    ]) {
      assert.equal((await main(argv)).code, 2, argv.join(" "));
    }
  });
});

describe("the review treats access as security", () => {
  it("widened access, a new approver, a new set and a new role are flagged, listed before the resources", async () => {
    const before = committed("prod");
    const after = committed("prod");
    const teams = after["tfc-layers:teams"] as Record<string, Record<string, unknown>>;
    teams.developers.app = "write";
    teams.auditors = { network: "read" };
    (after["tfc-layers:credentials"] as Record<string, unknown>)["app-aws"] = {
      aws: { runRole: "arn:aws:iam::333333333333:role/app" },
    };
    layer(after, "app").credentials = "app-aws";
    const { doc } = await reviewJson("prod", before, after);
    const flagged = doc.security.filter((c) => c.flag).map((c) => `${c.flag} ${c.what} ${c.workspace}: ${c.change}`);
    assert.deepEqual(flagged, [
      // The new role's trust first: until it names app's runs, they cannot assume it.
      "apply trust first trust aws arn:aws:iam::333333333333:role/app: 2 new subjects its deployed trust does not name (see the hazards): run npm run scaffold and apply the new trust documents before pulumi up",
      "widened team access network-a-prod: auditors gets read",
      "widened team access app-c-prod: developers: plan -> write (runs plan -> apply, variables read -> write, stateVersions read -> write, sentinelMocks none -> read, workspaceLocking false -> true)",
      "new approver approvers app-c-prod: developers can now approve",
      "widened credential sets app-c-prod: takes app-aws",
      "widened identity app-c-prod: aws apply runs assume arn:aws:iam::333333333333:role/app instead of arn:aws:iam::222222222222:role/tfc-app-prod",
      "widened identity app-c-prod: aws plan runs assume arn:aws:iam::333333333333:role/app instead of arn:aws:iam::222222222222:role/tfc-app-prod",
    ]);
    assert.ok(doc.security.some((c) => c.change === "no longer takes workload-aws"));
    const { out } = await review("prod", before, after);
    assert.ok(out.indexOf("## Security") < out.indexOf("## Resources"), "security comes before ordinary changes");
    assert.match(out, /- \[new approver\] approvers, app-c-prod: developers can now approve/);
  });

  it("narrowing is listed without a flag; a layer that stops waiting is a hazard, not listed again here", async () => {
    const before = committed("prod");
    const after = committed("prod");
    (after["tfc-layers:teams"] as Record<string, Record<string, unknown>>).release = { "*": "plan" };
    after["tfc-layers:allowLayerAutoApply"] = true;
    layer(after, "network").autoApply = true;
    const { doc } = await reviewJson("prod", before, after);
    const lines = doc.security.map((c) => `${c.flag ?? "-"} ${c.workspace}: ${c.change}`);
    // One place for it: the approvers say nothing of network-a-prod, the hazard says who approved.
    assert.deepEqual(
      doc.security.filter((c) => c.what === "approvers" && c.workspace === "network-a-prod"),
      [],
    );
    assert.deepEqual(
      doc.hazards.filter((h) => h.kind === "stops-waiting").map((h) => [h.subject, h.change]),
      [
        [
          "network-a-prod",
          "its VCS and API runs and the runs its upstreams' applies queue no longer wait for approval: they apply by themselves (release approved them)",
        ],
      ],
    );
    assert.ok(lines.includes("- app-c-prod: release: write -> plan"), lines.join("\n"));
    assert.ok(
      lines.includes("- app-c-prod: release can no longer approve: only the organization's owners can"),
      lines.join("\n"),
    );
  });
});

// The GitHub workflow users copy: the review job needs no secret, runs the tests and posts the
// markdown review of every stack; its script really runs here; the preview job waits for secrets.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { parse } from "yaml";
import { PROJECT_DIR } from "../offline/stackFile";
import { copyOfRepository, git } from "./fixtures";

interface Step {
  id?: string;
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Job {
  steps: Step[];
  env?: Record<string, string>;
  needs?: string;
}

const text = fs.readFileSync(path.join(PROJECT_DIR, ".github", "workflows", "review.yml"), "utf8");
const workflow = parse(text) as {
  on: unknown;
  jobs: Record<string, Job>;
};

/** Runs a step's script as GitHub does (bash -eo pipefail), with RUNNER_TEMP and the step files. */
function runStep(step: Step, cwd: string, env: Record<string, string>, prepare?: (temp: string) => void) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-workflow-"));
  prepare?.(temp);
  const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run!], {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      RUNNER_TEMP: temp,
      GITHUB_STEP_SUMMARY: path.join(temp, "summary.md"),
      GITHUB_OUTPUT: path.join(temp, "output"),
      ...env,
    },
  });
  return { result, temp };
}

describe("the review workflow (.github/workflows/review.yml)", () => {
  const review = workflow.jobs.review;

  it("is a workflow GitHub accepts: its YAML and the published workflow schema (expressions are not checked)", () => {
    assert.deepEqual(validateWorkflow(text).errors, []);
    // The validator does catch what it claims to: a key a step does not take.
    assert.notDeepEqual(validateWorkflow(text.replace("id: diff", "idd: diff")).errors, []);
  });

  it("every run script is valid bash", () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      for (const step of job.steps.filter((s) => s.run !== undefined)) {
        const check = spawnSync("bash", ["-n", "-c", step.run!], { encoding: "utf8" });
        assert.equal(check.status, 0, `${name} / ${step.name ?? step.run}: ${check.stderr}`);
      }
    }
  });

  it("runs on pull requests; the review needs no secret and runs the README's test command", () => {
    assert.ok(JSON.stringify(workflow.on).includes("pull_request"));
    assert.doesNotMatch(JSON.stringify(review), /secrets\./);
    assert.ok(review.steps.some((s) => s.run === "npm ci"));
    assert.ok(review.steps.some((s) => s.run === "npm test"));
    assert.ok(
      review.steps.some((s) => s.uses?.startsWith("hashicorp/setup-terraform")),
      "the tests need terraform",
    );
  });

  it("its review script runs: every stack reviewed against the base as markdown, the verdict and the stacks in the outputs", function () {
    this.timeout(120_000);
    const { result, temp } = runStep(review.steps.find((s) => s.id === "diff")!, PROJECT_DIR, { BASE: "HEAD" });
    assert.equal(result.status, 0, result.stderr);
    const posted = fs.readFileSync(path.join(temp, "review.md"), "utf8");
    const stacks = fs.readdirSync(PROJECT_DIR).filter((f) => /^Pulumi\..+\.yaml$/.test(f));
    for (const file of stacks) {
      const stack = file.slice("Pulumi.".length, -".yaml".length);
      assert.match(posted, new RegExp(`^### tfc-layers \`${stack}\`: `, "m"));
    }
    assert.equal(fs.readFileSync(path.join(temp, "summary.md"), "utf8"), posted);
    const names = stacks.map((f) => f.slice("Pulumi.".length, -".yaml".length)).sort();
    assert.equal(
      fs.readFileSync(path.join(temp, "output"), "utf8"),
      `destructive=false\nhazards=false\nstacks=${JSON.stringify(names)}\n`,
    );
    // The comment's part: each stack's summary, without the folded details.
    const brief = fs.readFileSync(path.join(temp, "brief.md"), "utf8");
    assert.equal((brief.match(/^### tfc-layers /gm) ?? []).length, stacks.length);
    assert.doesNotMatch(brief, /<details>/);
  });

  it("reviews a stack file the change deletes: everything in it is deleted, destructive; preview skips it", function () {
    this.timeout(180_000);
    const repo = copyOfRepository();
    fs.copyFileSync(path.join(repo, "Pulumi.dev.yaml"), path.join(repo, "Pulumi.stage.yaml"));
    fs.writeFileSync(
      path.join(repo, "Pulumi.stage.yaml"),
      fs.readFileSync(path.join(repo, "Pulumi.stage.yaml"), "utf8").replace("environment: dev", "environment: stage"),
    );
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "a stage stack");
    fs.rmSync(path.join(repo, "Pulumi.stage.yaml"));
    const { result, temp } = runStep(review.steps.find((s) => s.id === "diff")!, repo, { BASE: "HEAD" });
    assert.equal(result.status, 0, result.stderr);
    const stage = fs.readFileSync(path.join(temp, "review-stage.md"), "utf8");
    assert.match(stage, /^### tfc-layers `stage`: 0 to add, 0 to change, 0 to replace, \d+ to delete/);
    assert.match(
      fs.readFileSync(path.join(temp, "output"), "utf8"),
      /^destructive=true\nhazards=false\nstacks=\["dev","prod"\]\n$/,
    );
    assert.match(fs.readFileSync(path.join(temp, "brief.md"), "utf8"), /#### Destructive changes/);
  });

  it("says when a change has hazards: exit 4 alone, or listed beside destructive changes (exit 3); the comment holds them", function () {
    this.timeout(180_000);
    const repo = copyOfRepository();
    const edit = (stack: string, from: string, to: string) => {
      const file = path.join(repo, `Pulumi.${stack}.yaml`);
      const text = fs.readFileSync(file, "utf8");
      assert.ok(text.includes(from), `${stack}: ${from}`);
      fs.writeFileSync(file, text.replace(from, to));
    };
    const diff = review.steps.find((s) => s.id === "diff")!;
    const outputs = () => {
      const { result, temp } = runStep(diff, repo, { BASE: "HEAD" });
      assert.equal(result.status, 0, result.stderr);
      return {
        output: fs.readFileSync(path.join(temp, "output"), "utf8"),
        brief: fs.readFileSync(path.join(temp, "brief.md"), "utf8"),
      };
    };
    // A renamed project changes every trust subject of prod: hazards, nothing destructive.
    edit("prod", "name: layers-prod", "name: platform-prod");
    const renamed = outputs();
    assert.match(renamed.output, /^destructive=false\nhazards=true\n/);
    assert.match(renamed.brief, /#### Hazards: do this before pulumi up\n\n- \*\*trust-subjects\*\*/);
    // Another organization replaces every workspace (exit 3) and changes the subjects too.
    edit("prod", "name: platform-prod", "name: layers-prod");
    edit("prod", "tfe:organization: acme", "tfe:organization: acme-eu");
    assert.match(outputs().output, /^destructive=true\nhazards=true\n/);
  });

  describe("posting the comment (gh stands in, on PATH)", () => {
    const post = review.steps.find((s) => s.name === "Post the review on the pull request")!;
    /** Runs the post step with a brief of `size` characters; gh fails when told to. */
    function posting(size: number, ghFails: boolean, headRepo = "acme/tfc-layers") {
      const bin = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-gh-"));
      const body = path.join(bin, "body.md");
      fs.writeFileSync(
        path.join(bin, "gh"),
        `#!/bin/bash\n${ghFails ? "exit 1\n" : ""}if [ "$1" = pr ]; then cp "$5" "${body}"; fi\n`,
        { mode: 0o755 },
      );
      const { result, temp } = runStep(
        post,
        PROJECT_DIR,
        {
          PATH: `${bin}:${process.env.PATH}`,
          PR: "7",
          GITHUB_REPOSITORY: "acme/tfc-layers",
          HEAD_REPO: headRepo,
          RUN_URL: "https://github.com/acme/tfc-layers/actions/runs/1",
        },
        (dir) => fs.writeFileSync(path.join(dir, "brief.md"), `### tfc-layers \`dev\`: summary\n${"x".repeat(size)}\n`),
      );
      return { result, posted: fs.existsSync(body) ? fs.readFileSync(body, "utf8") : undefined, temp };
    }

    it("a review of any size becomes one comment under GitHub's limit, pointing at the job summary", () => {
      for (const size of [100, 108_783]) {
        const { result, posted } = posting(size, false);
        assert.equal(result.status, 0, result.stderr);
        assert.ok(posted!.startsWith("<!-- tfc-layers review -->\n### tfc-layers `dev`: summary"));
        assert.ok(posted!.length <= 65_536, `${posted!.length} characters`);
        assert.match(
          posted!,
          /is in the \[job summary\]\(https:\/\/github.com\/acme\/tfc-layers\/actions\/runs\/1\)\.\n$/,
        );
        assert.equal(posted!.includes("Cut here"), size > 65_000);
      }
    });

    it("a failure to post fails the job, except on a fork's read-only token, where it warns", () => {
      const own = posting(100, true);
      assert.notEqual(own.result.status, 0);
      assert.match(own.result.stdout, /::error::The review could not be posted/);
      const fork = posting(100, true, "someone/tfc-layers");
      assert.equal(fork.result.status, 0, fork.result.stderr);
      assert.match(fork.result.stdout, /::warning::The review could not be posted \(a fork's token is read-only\)/);
    });
  });

  it("fails the destructive-changes check only when something is deleted or replaced and no label allows it", () => {
    const gate = workflow.jobs["destructive-changes"].steps[0];
    assert.match(gate.if!, /needs\.review\.outputs\.destructive == 'true'/);
    assert.match(gate.if!, /allow-destructive/);
    assert.match(gate.run!, /exit 1/);
  });

  it("fails the hazardous-changes check only when an update in place has hazards and no label allows it", () => {
    const job = workflow.jobs["hazardous-changes"];
    assert.equal(job.needs, "review");
    const [gate] = job.steps;
    assert.equal(
      gate.if,
      "needs.review.outputs.hazards == 'true' && !contains(github.event.pull_request.labels.*.name, 'allow-hazards')",
    );
    assert.match(gate.run!, /exit 1/);
    assert.match(text, /hazards: \$\{\{ steps\.diff\.outputs\.hazards \}\}/);
  });

  it("runs pulumi preview only where the TFC token and the backend token exist, for the stacks the review found", () => {
    const preview = workflow.jobs.preview as Job & { strategy: { matrix: { stack: string } } };
    assert.equal(preview.strategy.matrix.stack, `\${{ fromJSON(needs.review.outputs.stacks) }}`);
    assert.deepEqual(Object.keys(preview.env ?? {}).sort(), ["PULUMI_ACCESS_TOKEN", "TFE_TOKEN"]);
  });

  it("hands no organization token to unreviewed code: the preview waits for the tfc-preview environment's reviewers and reads with its token", () => {
    const preview = workflow.jobs.preview as Job & { environment?: string };
    assert.equal(preview.environment, "tfc-preview");
    assert.equal(preview.env?.TFE_TOKEN, `\${{ secrets.TFC_PREVIEW_TOKEN }}`);
    // No job, step or script of the workflow reads the organization's token.
    assert.doesNotMatch(text, /secrets\.TFE_TOKEN\b/);
    // Only the preview runs code with a TFC token at all.
    for (const [name, job] of Object.entries(workflow.jobs)) {
      if (name === "preview") continue;
      assert.doesNotMatch(JSON.stringify(job), /TFC_PREVIEW_TOKEN|TFE_TOKEN/, name);
    }
  });

  it("skips the preview steps without the tokens", () => {
    const preview = workflow.jobs.preview as Job;
    const [skip, ...rest] = preview.steps;
    assert.equal(skip.if, "env.TFE_TOKEN == '' || env.PULUMI_ACCESS_TOKEN == ''");
    for (const step of rest)
      assert.equal(step.if, "env.TFE_TOKEN != '' && env.PULUMI_ACCESS_TOKEN != ''", step.name ?? step.uses ?? step.run);
  });
});

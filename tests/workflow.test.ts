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

describe("the review workflow (.github/workflows/review.yml)", () => {
  const review = workflow.jobs.review;

  it("is a workflow GitHub accepts: its YAML and the published workflow schema (expressions are not checked)", () => {
    assert.deepEqual(validateWorkflow(text).errors, []);
    // The validator does catch what it claims to: a key a step does not take.
    assert.notDeepEqual(validateWorkflow(text.replace("continue-on-error: true", "continue-on-eror: true")).errors, []);
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

  it("its review script runs: every stack reviewed against the base as markdown, the verdict in the outputs", function () {
    this.timeout(120_000);
    const step = review.steps.find((s) => s.id === "diff")!;
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-workflow-"));
    const [summary, output] = [path.join(temp, "summary.md"), path.join(temp, "output")];
    // As GitHub runs a step: bash with -e and pipefail, against HEAD (the working tree as the change).
    const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run!], {
      cwd: PROJECT_DIR,
      encoding: "utf8",
      env: { ...process.env, BASE: "HEAD", RUNNER_TEMP: temp, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output },
    });
    assert.equal(result.status, 0, result.stderr);
    const posted = fs.readFileSync(path.join(temp, "review.md"), "utf8");
    const stacks = fs.readdirSync(PROJECT_DIR).filter((f) => /^Pulumi\..+\.yaml$/.test(f));
    for (const file of stacks) {
      const stack = file.slice("Pulumi.".length, -".yaml".length);
      assert.match(posted, new RegExp(`^### tfc-layers \`${stack}\`: `, "m"));
    }
    assert.equal(fs.readFileSync(summary, "utf8"), posted);
    assert.match(fs.readFileSync(output, "utf8"), /^destructive=(true|false)\n$/);
  });

  it("fails the destructive-changes check only when something is deleted or replaced and no label allows it", () => {
    const gate = workflow.jobs["destructive-changes"].steps[0];
    assert.match(gate.if!, /needs\.review\.outputs\.destructive == 'true'/);
    assert.match(gate.if!, /allow-destructive/);
    assert.match(gate.run!, /exit 1/);
  });

  it("runs pulumi preview only where the TFC token and the backend token exist", () => {
    const preview = workflow.jobs.preview;
    assert.deepEqual(Object.keys(preview.env ?? {}).sort(), ["PULUMI_ACCESS_TOKEN", "TFE_TOKEN"]);
    const [skip, ...rest] = preview.steps;
    assert.equal(skip.if, "env.TFE_TOKEN == '' || env.PULUMI_ACCESS_TOKEN == ''");
    for (const step of rest)
      assert.equal(step.if, "env.TFE_TOKEN != '' && env.PULUMI_ACCESS_TOKEN != ''", step.name ?? step.uses ?? step.run);
  });
});

// Runs the real `terraform` binary on generated files. Tests that need it fail, saying so, when
// it is not on PATH; `.ci/run` refuses to start without it.
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ENV = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_INPUT: "0" };

/** The `terraform` version on PATH, or undefined when there is none. */
export function terraformVersion(): string | undefined {
  const found = spawnSync("terraform", ["version", "-json"], { env: ENV, encoding: "utf8" });
  if (found.error || found.status !== 0) return undefined;
  return (JSON.parse(found.stdout) as { terraform_version: string }).terraform_version;
}

/**
 * The version of terraform on PATH, or a failure: a test that runs terraform must not pass, or
 * skip, where it cannot run (.ci/run installs it or refuses to go on).
 */
export function requireTerraform(): string {
  const version = terraformVersion();
  if (version === undefined) {
    throw new Error("terraform is not on PATH: this test runs it; install Terraform 1.11 (.ci/run requires it)");
  }
  return version;
}

export interface Validation {
  readonly valid: boolean;
  readonly errors: string[];
}

/** `terraform init -backend=false` and `terraform validate` on files (name to content). */
export function validateTerraform(files: Record<string, string>): Validation {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-tf-"));
  writeTree(dir, files);
  return validateDirectory(dir);
}

/** Writes files (paths relative to `root`, with "/") into `root`. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(root, ...name.split("/"));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
}

/** `terraform validate` on the files, without init (enough for configurations with no provider to install). */
export function validateWithoutInit(files: Record<string, string>): { valid: boolean; lines: number[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-tf-"));
  writeTree(dir, files);
  const result = spawnSync("terraform", ["validate", "-json", "-no-color"], { cwd: dir, env: ENV, encoding: "utf8" });
  const report = JSON.parse(result.stdout) as {
    valid: boolean;
    diagnostics: { range?: { start: { line: number } } }[];
  };
  return { valid: report.valid, lines: report.diagnostics.map((d) => d.range?.start.line ?? 0) };
}

export interface TestReport {
  /** Run name to its status: pass, fail, error, skip. */
  readonly runs: Record<string, string>;
  /** The error diagnostics, with the run they came from. */
  readonly errors: { run?: string; summary: string; detail: string }[];
  readonly exitCode: number | null;
}

/** `terraform init -backend=false` then `terraform validate` in a directory. */
export function validateDirectory(dir: string): Validation {
  execFileSync("terraform", ["init", "-backend=false", "-input=false", "-no-color"], {
    cwd: dir,
    env: ENV,
    stdio: "pipe",
  });
  const result = spawnSync("terraform", ["validate", "-json", "-no-color"], { cwd: dir, env: ENV, encoding: "utf8" });
  const report = JSON.parse(result.stdout) as { valid: boolean; diagnostics: { summary: string; detail?: string }[] };
  return { valid: report.valid, errors: report.diagnostics.map((d) => `${d.summary}: ${d.detail ?? ""}`) };
}

/** `terraform init` then `terraform test` in a directory that holds a configuration and its tests. */
export function terraformTest(dir: string): TestReport {
  execFileSync("terraform", ["init", "-input=false", "-no-color"], { cwd: dir, env: ENV, stdio: "pipe" });
  const result = spawnSync("terraform", ["test", "-json", "-no-color"], { cwd: dir, env: ENV, encoding: "utf8" });
  const runs: Record<string, string> = {};
  const errors: TestReport["errors"] = [];
  for (const line of result.stdout.split("\n").filter((l) => l.startsWith("{"))) {
    const event = JSON.parse(line) as {
      type: string;
      "@testrun"?: string;
      test_run?: { run: string; progress: string; status?: string };
      diagnostic?: { severity: string; summary: string; detail?: string };
    };
    if (event.type === "test_run" && event.test_run?.progress === "complete") {
      runs[event.test_run.run] = event.test_run.status ?? "";
    }
    if (event.type === "diagnostic" && event.diagnostic?.severity === "error") {
      errors.push({ run: event["@testrun"], summary: event.diagnostic.summary, detail: event.diagnostic.detail ?? "" });
    }
  }
  return { runs, errors, exitCode: result.status };
}

/**
 * The generated test file cut into one file per failing run, without expect_failures: each then
 * fails with its message (in one file, the runs after the first failure would be skipped).
 */
export function failingRunsApart(testFile: string): Record<string, string> {
  const [preamble, ...runs] = testFile.split(/\n(?=\n# [^\n]*\nrun ")/);
  return Object.fromEntries(
    runs.map((run) => {
      const name = /run "([^"]+)"/.exec(run)![1];
      return [`tests/${name}.tftest.hcl`, `${preamble}\n${run.replace(/\n {2}expect_failures = .*/, "")}\n`];
    }),
  );
}

/** `terraform fmt -recursive -check` in a folder: what it would change, or "" when nothing. */
export function formatChanges(dir: string): string {
  const fmt = spawnSync("terraform", ["fmt", "-recursive", "-check", "-diff", "."], {
    cwd: dir,
    env: ENV,
    encoding: "utf8",
  });
  return fmt.status === 0 ? "" : fmt.stdout || fmt.stderr;
}

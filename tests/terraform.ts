// Runs the real `terraform` binary on generated files. Tests that need it skip, saying so, when
// it is not on PATH; `.ci/run` refuses to start without it, so CI always runs them.
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

export interface Validation {
  readonly valid: boolean;
  readonly errors: string[];
}

/** `terraform init -backend=false` and `terraform validate` on files (name to content). */
export function validateTerraform(files: Record<string, string>): Validation {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-tf-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  execFileSync("terraform", ["init", "-backend=false", "-input=false", "-no-color"], {
    cwd: dir,
    env: ENV,
    stdio: "pipe",
  });
  const result = spawnSync("terraform", ["validate", "-json", "-no-color"], { cwd: dir, env: ENV, encoding: "utf8" });
  const report = JSON.parse(result.stdout) as { valid: boolean; diagnostics: { summary: string; detail?: string }[] };
  return { valid: report.valid, errors: report.diagnostics.map((d) => `${d.summary}: ${d.detail ?? ""}`) };
}

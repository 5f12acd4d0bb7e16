// Typed fixture builders: every test starts from the seed stack and changes one thing.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type LanguageHostRun, runThroughLanguageHost } from "../offline/languageHost";
import type { MockRun } from "../offline/mockRuntime";
import { providerInvokes, providerOutputs, runStack } from "../offline/runStack";
import { PROJECT_DIR, type StackFile, stackFromValues } from "../offline/stackFile";
import { PROJECT } from "../topology/keys";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology } from "../topology/topology";

export interface LayerFixture {
  name: string;
  /** Names, or objects that give a workspace its own directory, Terraform version or TFC name. */
  workspaces: (string | { name: string; directory?: string; terraformVersion?: string; tfcName?: string })[];
  dependsOn?: string[];
  [extra: string]: unknown;
}

export const SEED_LAYERS: LayerFixture[] = [
  { name: "network", workspaces: ["network-a"] },
  { name: "platform", workspaces: ["platform-b"], dependsOn: ["network"] },
  { name: "app", workspaces: ["app-c"], dependsOn: ["network", "platform"] },
];

export const CREDENTIALS = {
  AWS_ACCESS_KEY_ID: "AKIAEXAMPLEVALUE0001",
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI-example-secret-0002",
};
export const WEBHOOK_URL = "https://hooks.example.com/approvals/token-0003";

export interface StackOptions {
  stack?: string;
  environment?: string;
  autoApply?: boolean;
  layers?: unknown;
  credentials?: Record<string, string>;
  webhook?: string;
  /** Stack-file values to add or override (full keys), as they would be written in YAML. */
  raw?: Record<string, unknown>;
}

/** In fixtures a "ciphertext" is the plain value itself, so the CLI's decryption is the identity. */
const encrypt = (value: string) => ({ secure: value });
const decrypt = (ciphertext: string) => ciphertext;

/**
 * A stack config as the Pulumi CLI would pass it, built from stack-file values and put through
 * the CLI's own rules and defaults (so every valid fixture is one the CLI accepts); secrets are
 * encrypted, as `pulumi config set --secret` does.
 */
export function stackConfig(options: StackOptions = {}): StackFile {
  const values: Record<string, unknown> = {
    "tfe:organization": "acme",
    "tfc-layers:environment": options.environment ?? "dev",
    "tfc-layers:autoApply": options.autoApply ?? true,
    "tfc-layers:layers": options.layers ?? SEED_LAYERS,
  };
  if (options.credentials) {
    values["tfc-layers:sharedCredentials"] = Object.fromEntries(
      Object.entries(options.credentials).map(([k, v]) => [k, encrypt(v)]),
    );
  }
  if (options.webhook) values["tfc-layers:approvalWebhookUrl"] = encrypt(options.webhook);
  Object.assign(values, options.raw ?? {});
  const stack = options.stack ?? String(values["tfc-layers:environment"] ?? "dev");
  return stackFromValues(stack, values, decrypt);
}

/** Runs index.ts under mocks and fails the test if the program threw. */
export async function deploy(stackFile: StackFile): Promise<MockRun> {
  const run = await runStack(stackFile);
  if (run.error) {
    assert.fail(`program failed: ${run.error instanceof Error ? run.error.message : String(run.error)}`);
  }
  return run;
}

/** Runs index.ts under mocks, expecting it to refuse the config. */
export async function deployRejected(stackFile: StackFile): Promise<{ message: string; run: MockRun }> {
  const run = await runStack(stackFile);
  assert.ok(run.error instanceof Error, "the program should have refused this config");
  return { message: run.error.message, run };
}

/** Resources the program registered itself (the runtime's root stack is not one). */
export function programResources(run: MockRun) {
  return run.resources.filter((r) => r.type !== "pulumi:pulumi:Stack");
}

/** A small seeded generator of numbers in [0, 1), so a failing generated case can be reproduced. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A throwaway project folder with these files, using this project's installed packages. */
export function probeProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-probe-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  fs.symlinkSync(path.join(PROJECT_DIR, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

/** git with an author, for temporary repositories. */
export const git = (dir: string, ...args: string[]) =>
  execFileSync("git", ["-C", dir, ...args], {
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
  });

/** A git repository of this project's tracked files as they are now, one commit, with its node_modules. */
export function copyOfRepository(): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-copy-"));
  const tracked = git(PROJECT_DIR, "ls-files").split("\n");
  for (const file of tracked.filter((f) => f && fs.existsSync(path.join(PROJECT_DIR, f)))) {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.copyFileSync(path.join(PROJECT_DIR, file), path.join(repo, file));
  }
  fs.symlinkSync(path.join(PROJECT_DIR, "node_modules"), path.join(repo, "node_modules"));
  // The link is not a folder, so "node_modules/" would not ignore it.
  fs.appendFileSync(path.join(repo, ".gitignore"), "node_modules\n");
  git(repo, "init", "-q");
  git(repo, "add", ".");
  git(repo, "commit", "-qm", "base");
  return repo;
}

/** Runs the program as the CLI's language host does, against the stand-in engine. */
export function runAsHost(
  file: StackFile,
  options: {
    preview: boolean;
    typeCheck: boolean;
    olds?: readonly string[];
    invokeResults?: Parameters<typeof runThroughLanguageHost>[0]["invokeResults"];
  },
): Promise<LanguageHostRun> {
  return runThroughLanguageHost({
    projectDir: PROJECT_DIR,
    project: PROJECT,
    stack: file.stack,
    config: file.config,
    secretKeys: file.secretKeys,
    outputsByType: providerOutputs,
    invokeResults: providerInvokes,
    ...options,
  });
}

/** The message buildTopology refuses a stack with, or "accepted". */
export function refusalOf(file: StackFile): string {
  try {
    buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
  } catch (err) {
    return (err as Error).message;
  }
  return "accepted";
}

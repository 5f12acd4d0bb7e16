// Typed fixture builders: every test starts from the seed stack and changes one thing.
import * as assert from "node:assert/strict";
import type { MockRun } from "../offline/mockRuntime";
import { runStack } from "../offline/runStack";
import type { StackFile } from "../offline/stackFile";

export interface LayerFixture {
  name: string;
  workspaces: string[];
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
  /** Raw config entries to add or override (full keys, raw strings). */
  raw?: Record<string, string>;
  /** Keys to drop from the config. */
  without?: string[];
}

/** A stack config as the CLI would pass it; secrets are marked secret, as `--secret` does. */
export function stackConfig(options: StackOptions = {}): StackFile {
  const config: Record<string, string> = {
    "tfe:organization": "acme",
    "tfc-layers:environment": options.environment ?? "dev",
    "tfc-layers:autoApply": String(options.autoApply ?? true),
    "tfc-layers:layers": JSON.stringify(options.layers ?? SEED_LAYERS),
  };
  const secretKeys: string[] = [];
  if (options.credentials) {
    config["tfc-layers:sharedCredentials"] = JSON.stringify(options.credentials);
    secretKeys.push("tfc-layers:sharedCredentials");
  }
  if (options.webhook) {
    config["tfc-layers:approvalWebhookUrl"] = options.webhook;
    secretKeys.push("tfc-layers:approvalWebhookUrl");
  }
  Object.assign(config, options.raw ?? {});
  for (const key of options.without ?? []) delete config[key];
  return { stack: options.stack ?? config["tfc-layers:environment"] ?? "dev", config, secretKeys };
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

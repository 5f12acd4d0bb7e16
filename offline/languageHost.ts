// Runs the program the way `pulumi preview` and `pulumi up` do: the process the Node.js
// language host starts (`node @pulumi/pulumi/cmd/run`, with its arguments and environment, and
// TypeScript type-checked by the project's ts-node unless told otherwise), against the
// stand-in engine. Written from pulumi/pulumi v3.248.0,
// sdk/nodejs/cmd/pulumi-language-nodejs/main.go (constructArguments, constructConfig,
// constructConfigSecretKeys, execRuntime).
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import type { MockBehaviour } from "./mockRuntime";
import { type EngineRecord, StandInEngine } from "./standInEngine";

export interface LanguageHostOptions {
  /** The folder of Pulumi.yaml and package.json (the CLI's root and program directory). */
  readonly projectDir: string;
  readonly project: string;
  readonly stack: string;
  /** Full keys (`tfc-layers:layers`) to text, as the CLI hands them over after its checks. */
  readonly config: Readonly<Record<string, string>>;
  readonly secretKeys: readonly string[];
  /** `pulumi preview` (true) or `pulumi up` (false). */
  readonly preview: boolean;
  /**
   * Whether ts-node type-checks the program. Unset, Pulumi.yaml decides, as under the CLI (its
   * tsconfig's `noCheck`). true type-checks with tsconfig.json; false sets
   * PULUMI_NODEJS_TRANSPILE_ONLY=true.
   */
  readonly typeCheck?: boolean;
  /** Outputs a provider would add, per type token, on `up`. */
  readonly outputsByType?: Readonly<Record<string, MockBehaviour>>;
  /** URNs already in the stack's state, for alias matching. */
  readonly olds?: readonly string[];
  /** What the provider's data sources answer, per invoke token. */
  readonly invokeResults?: Readonly<Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>>>;
}

export interface LanguageHostRun extends EngineRecord {
  /** The program process's exit status: 0, or 32 after it logged an error for the user. */
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The language host's PULUMI_CONFIG: keys rewritten `<namespace>:config:<name>`. */
export function hostConfigVariable(config: Readonly<Record<string, string>>): string {
  const rewritten: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    const colon = key.indexOf(":");
    rewritten[`${key.slice(0, colon)}:config:${key.slice(colon + 1)}`] = value;
  }
  return JSON.stringify(rewritten);
}

/** The Node.js runtime options of Pulumi.yaml that the host turns into environment (parseOptions). */
export interface HostRuntimeOptions {
  /** Run TypeScript through ts-node (default true). */
  readonly typescript: boolean;
  /** The tsconfig file ts-node uses, and whose `noCheck` turns type-checking off. */
  readonly tsconfig?: string;
}

export function hostRuntimeOptions(projectDir: string): HostRuntimeOptions {
  const file = path.join(projectDir, "Pulumi.yaml");
  const project = fs.existsSync(file) ? parse(fs.readFileSync(file, "utf8")) : undefined;
  const options = project?.runtime?.options ?? {};
  return {
    typescript: options.typescript ?? true,
    ...(typeof options.tsconfig === "string" ? { tsconfig: options.tsconfig } : {}),
  };
}

/** The environment of this process without what would steer the program's runtime or ts-node. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("PULUMI_") && !k.startsWith("TS_NODE_")),
  );
}

/** Runs the program once as the CLI would, and returns what the stand-in engine recorded. */
export async function runThroughLanguageHost(options: LanguageHostOptions): Promise<LanguageHostRun> {
  const engine = new StandInEngine(options);
  const address = await engine.start();
  try {
    const runPath = require.resolve("@pulumi/pulumi/cmd/run", { paths: [options.projectDir] });
    const args = [
      runPath,
      ...["--monitor", address, "--engine", address],
      ...["--project", options.project, "--root-directory", options.projectDir],
      ...["--stack", options.stack, "--pwd", options.projectDir],
      ...(options.preview ? ["--dry-run"] : []),
      ...["--parallel", "16"],
      ".",
    ];
    const runtime = hostRuntimeOptions(options.projectDir);
    const env: NodeJS.ProcessEnv = {
      ...cleanEnvironment(),
      PULUMI_CONFIG: hostConfigVariable(options.config),
      PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(options.secretKeys),
      ...(runtime.typescript ? { PULUMI_NODEJS_TYPESCRIPT: "true" } : {}),
      // noCheck in the tsconfig turns checking off even when ts-node is told to check, so a
      // type-checked run uses the project's own tsconfig.json.
      ...(runtime.tsconfig && options.typeCheck !== true ? { PULUMI_NODEJS_TSCONFIG_PATH: runtime.tsconfig } : {}),
      ...(options.typeCheck !== undefined ? { PULUMI_NODEJS_TRANSPILE_ONLY: String(!options.typeCheck) } : {}),
    };
    const child = spawn(process.execPath, args, { cwd: options.projectDir, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code) => resolve(code ?? -1));
    });
    return { ...engine.record(), exitCode, stdout, stderr };
  } finally {
    engine.stop();
  }
}

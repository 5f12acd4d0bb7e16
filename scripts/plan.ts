// npm run plan -- <stack> [--json] [--compare <other stack>]: what the stack will create, its
// trigger graph and the run cascade, offline (Pulumi mocks, no credentials, no network).
import * as path from "node:path";
import { runStack } from "../offline/runStack";
import { loadStackFile, PROJECT_DIR, topologyOf } from "../offline/stackFile";
import { compareStacks } from "../plan/compare";
import { buildPlan, DEFAULT_PLAN_OPTIONS, type PlanDocument, type PlanOptions } from "../plan/document";
import { renderText } from "../plan/text";
import { plainTextSecret } from "../topology/stackConfig";
import { type CommandResult, finish, parseCommand, refusal, userFolder } from "./command";

/**
 * Plans `stack` from the stack files in `dir`; throws the CLI's error where `pulumi preview`
 * would stop before the program, else the program's StackConfigError on bad input.
 */
export async function planStack(
  dir: string,
  stack: string,
  compareWith?: string,
  options: PlanOptions = DEFAULT_PLAN_OPTIONS,
): Promise<PlanDocument> {
  const stackFile = loadStackFile(dir, stack);
  const topology = topologyOf(stackFile);
  // The program sees a key as secret when any part of it is; the file shows each entry.
  const [plain] = stackFile.plainTextSecrets ?? [];
  if (plain !== undefined) {
    throw plainTextSecret(plain, `pulumi config set --secret --path '${plain}' <value>`);
  }
  // The plan reports config errors by message only, so it spares the runtime's stack traces.
  const run = await runStack(stackFile, { stackTraces: false });
  if (run.error) throw run.error;
  const plan = buildPlan(stack, topology, run, options);
  if (compareWith === undefined) return plan;
  const other = topologyOf(loadStackFile(dir, compareWith));
  return { ...plan, comparison: { stack: compareWith, differences: compareStacks(topology, other) } };
}

const USAGE =
  "usage: npm run plan -- <stack> [--json] [--compare <other stack>] [--run-minutes <n, default 5>] [--concurrency <n, default 1>] [--dir=<folder with Pulumi.<stack>.yaml>]\n";

const FLAGS = {
  json: { type: "boolean" },
  dir: { type: "string" },
  compare: { type: "string" },
  "run-minutes": { type: "string" },
  concurrency: { type: "string" },
} as const;

export async function main(argv: readonly string[], dir = PROJECT_DIR, cwd = userFolder()): Promise<CommandResult> {
  const args = parseCommand(argv, FLAGS, USAGE);
  if (!args.ok) return args.usage;
  const { json, dir: dirFlag, compare } = args.values;
  const positive = (flag: string | undefined, fallback: number) => (flag === undefined ? fallback : Number(flag));
  const options = {
    runMinutes: positive(args.values["run-minutes"], DEFAULT_PLAN_OPTIONS.runMinutes),
    concurrency: positive(args.values.concurrency, DEFAULT_PLAN_OPTIONS.concurrency),
  };
  if (!Object.values(options).every((n) => Number.isInteger(n) && n > 0)) return { code: 2, out: USAGE };
  try {
    const plan = await planStack(dirFlag ? path.resolve(cwd, dirFlag) : dir, args.stack, compare, options);
    return { code: 0, out: json ? `${JSON.stringify(plan, null, 2)}\n` : renderText(plan) };
  } catch (err) {
    return refusal(err);
  }
}

if (require.main === module) finish(main(process.argv.slice(2)));

// npm run plan -- <stack> [--json] [--compare <other stack>]: what the stack will create, its
// trigger graph and the run cascade, offline (Pulumi mocks, no credentials, no network).
import * as path from "node:path";
import { planRun } from "../offline/planRun";
import { environmentsNote, loadStackFile, PROJECT_DIR, topologyOf } from "../offline/stackFile";
import { compareStacks } from "../plan/compare";
import { buildPlan, DEFAULT_PLAN_OPTIONS, type PlanDocument, type PlanOptions } from "../plan/document";
import { renderText } from "../plan/text";
import { DESTRUCTIVE_EXIT, HAZARD_EXIT, reviewExit } from "../review/document";
import { renderReviewMarkdown, renderReviewText } from "../review/render";
import { type Baseline, reviewStack } from "../review/review";
import { type CommandResult, checkFlags, finish, parseCommand, refusal, userFolder } from "./command";

/** Plans `stack` from the stack files in `dir` (see planRun for what it throws). */
export async function planStack(
  dir: string,
  stack: string,
  compareWith?: string,
  options: PlanOptions = DEFAULT_PLAN_OPTIONS,
): Promise<PlanDocument> {
  const { stackFile, topology, run } = await planRun(dir, stack);
  const note = environmentsNote(stackFile);
  const plan = { ...buildPlan(stack, topology, run, options), ...(note ? { notes: [note] } : {}) };
  if (compareWith === undefined) return plan;
  const other = topologyOf(loadStackFile(dir, compareWith));
  return { ...plan, comparison: { stack: compareWith, differences: compareStacks(topology, other) } };
}

const USAGE = [
  "usage: npm run plan -- <stack> [--json] [--compare <other stack>] [--run-minutes <n, default 5>] [--concurrency <n, default 1>] [--dir=<folder with Pulumi.<stack>.yaml>]",
  `       npm run plan -- <stack> --diff <git revision> | --diff-file <stack file> [--markdown | --json] [--dir=<folder>]  (exit ${DESTRUCTIVE_EXIT} when something would be deleted or replaced, else ${HAZARD_EXIT} when an update in place needs something done first)`,
  "",
].join("\n");

const FLAGS = {
  json: { type: "boolean" },
  dir: { type: "string" },
  compare: { type: "string" },
  "run-minutes": { type: "string" },
  concurrency: { type: "string" },
  diff: { type: "string" },
  "diff-file": { type: "string" },
  markdown: { type: "boolean" },
} as const;

/** The review of a change: its rendering, and exit 3 when it deletes or replaces something, else 4 with hazards. */
async function review(
  dir: string,
  stack: string,
  baseline: Baseline,
  format: "text" | "markdown" | "json",
): Promise<CommandResult> {
  const document = await reviewStack(dir, stack, baseline);
  const out =
    format === "json"
      ? `${JSON.stringify(document, null, 2)}\n`
      : format === "markdown"
        ? renderReviewMarkdown(document)
        : renderReviewText(document);
  return { code: reviewExit(document), out };
}

export async function main(argv: readonly string[], dir = PROJECT_DIR, cwd = userFolder()): Promise<CommandResult> {
  const args = parseCommand(argv, FLAGS, USAGE);
  if (!args.ok) return args.usage;
  const { json, dir: dirFlag, compare, diff, "diff-file": diffFile, markdown } = args.values;
  const reviewing = diff !== undefined || diffFile !== undefined;
  const count = (flag: string | undefined, fallback: number) => (flag === undefined ? fallback : Number(flag));
  const options = {
    runMinutes: count(args.values["run-minutes"], DEFAULT_PLAN_OPTIONS.runMinutes),
    concurrency: count(args.values.concurrency, DEFAULT_PLAN_OPTIONS.concurrency),
  };
  const notACount = (n: number) => !(Number.isInteger(n) && n > 0);
  const misused = checkFlags(
    [
      [diff !== undefined && diffFile !== undefined, "--diff and --diff-file together: review against one of them"],
      [
        reviewing && compare !== undefined,
        "--compare with --diff or --diff-file: --compare sets two stacks side by side, the others review a change; run them apart",
      ],
      [
        Boolean(markdown) && !reviewing,
        "--markdown renders a review: add --diff <git revision> or --diff-file <stack file>",
      ],
      [Boolean(markdown && json), "--markdown and --json together: choose one format"],
      [
        notACount(options.runMinutes),
        `--run-minutes takes a whole number above 0, got ${args.values["run-minutes"]}: write e.g. --run-minutes 5`,
      ],
      [
        notACount(options.concurrency),
        `--concurrency takes a whole number above 0, got ${args.values.concurrency}: write e.g. --concurrency 2`,
      ],
    ],
    USAGE,
  );
  if (misused) return misused;
  const stackDir = dirFlag ? path.resolve(cwd, dirFlag) : dir;
  try {
    if (reviewing) {
      const baseline: Baseline =
        diff !== undefined ? { ref: diff } : { file: path.resolve(cwd, diffFile!), label: diffFile! };
      return await review(stackDir, args.stack, baseline, json ? "json" : markdown ? "markdown" : "text");
    }
    const plan = await planStack(stackDir, args.stack, compare, options);
    return { code: 0, out: json ? `${JSON.stringify(plan, null, 2)}\n` : renderText(plan) };
  } catch (err) {
    return refusal(err);
  }
}

if (require.main === module) finish(main(process.argv.slice(2)));

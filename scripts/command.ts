// What the npm run commands share: one stack argument and flags (node:util parseArgs), the
// user's folder for relative paths, one error line for what the user got wrong, and the exit.
import { parseArgs } from "node:util";
import { PulumiCliError } from "../offline/cliConfig";
import { closest } from "../topology/configValues";
import { StackConfigError } from "../topology/errors";

export interface CommandResult {
  readonly code: number;
  readonly out: string;
}

type Flags = Record<string, { type: "string" | "boolean" }>;

/** Where relative paths start: npm runs scripts in the package folder, INIT_CWD is the user's. */
export const userFolder = () => process.env.INIT_CWD ?? process.cwd();

type Values<F extends Flags> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: F; strict: true }>
>["values"];

/** The one line naming what is wrong with the arguments: the flag, its closest known one, or the stack. */
export function argumentProblem(err: unknown, flags: Flags): string {
  const known = Object.keys(flags).map((name) => `--${name}`);
  const code = (err as { code?: string } | undefined)?.code;
  const flag = err instanceof Error ? /'(-[^' ]*)/.exec(err.message)?.[1] : undefined;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && flag) {
    const guess = closest(flag.replace(/^-+/, ""), Object.keys(flags));
    return `unknown flag ${flag}: ${guess ? `did you mean --${guess}?` : `the flags are ${known.join(", ")}`}`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag) {
    return flags[flag.replace(/^-+/, "")]?.type === "boolean"
      ? `${flag} takes no value: write ${flag} alone`
      : `${flag} needs a value: write ${flag} <value>`;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Exit 2: one line naming what is wrong with the arguments and what to write, then the usage. */
export const usageRefusal = (problem: string, usage: string): CommandResult => ({
  code: 2,
  out: `error: ${problem}\n${usage}`,
});

/** A rule over the flags given: when `broken`, its `problem` line says which flags and what to write. */
export type FlagRule = readonly [broken: boolean, problem: string];

/** The refusal of the first broken rule, else undefined. */
export function checkFlags(rules: readonly FlagRule[], usage: string): CommandResult | undefined {
  const broken = rules.find(([isBroken]) => isBroken);
  return broken ? usageRefusal(broken[1], usage) : undefined;
}

/** The stack and the flags, or one line naming the problem and the usage (exit 2) for anything else. */
export function parseCommand<F extends Flags>(
  argv: readonly string[],
  flags: F,
  usage: string,
): { ok: true; stack: string; values: Values<F> } | { ok: false; usage: CommandResult } {
  const refused = (problem: string) => ({ ok: false as const, usage: usageRefusal(problem, usage) });
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: F; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: flags, strict: true });
  } catch (err) {
    return refused(argumentProblem(err, flags));
  }
  const stacks = parsed.positionals;
  if (stacks.length === 0) return refused("name the stack, e.g. dev");
  if (stacks.length > 1) return refused(`name one stack, got ${stacks.join(", ")}`);
  return { ok: true, stack: stacks[0], values: parsed.values };
}

/** The one line a user sees for a mistake in their stack (or another refusal given), else rethrows. */
export function refusal(err: unknown, ...also: (new (...args: never[]) => Error)[]): CommandResult {
  const known = [StackConfigError, PulumiCliError, ...also];
  if (err instanceof Error && known.some((kind) => err instanceof kind)) {
    return { code: 1, out: `error: ${err.message}\n` };
  }
  throw err;
}

/** Exit statuses that mean the command failed: its output is an error or the usage. */
const FAILED = [1, 2];

/** Prints the result (stderr when it failed, else stdout: a status such as 3 is a verdict) and sets the exit status. */
export function finish(result: Promise<CommandResult> | CommandResult): void {
  Promise.resolve(result).then(
    ({ code, out }) => {
      (FAILED.includes(code) ? process.stderr : process.stdout).write(out);
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

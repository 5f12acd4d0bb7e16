// npm run plan -- <stack> [--json]: what the stack will create, its trigger graph and the run
// cascade, offline (Pulumi mocks, no credentials, no network).
import * as path from "node:path";
import { PulumiCliError } from "../offline/cliConfig";
import { runStack } from "../offline/runStack";
import { loadStackFile, PROJECT_DIR } from "../offline/stackFile";
import { buildPlan, type PlanDocument } from "../plan/document";
import { renderText } from "../plan/text";
import { StackConfigError } from "../topology/errors";
import { plainTextSecret, readStackConfig } from "../topology/stackConfig";
import { buildTopology } from "../topology/topology";

/**
 * Plans `stack` from the stack files in `dir`; throws the CLI's error where `pulumi preview`
 * would stop before the program, else the program's StackConfigError on bad input.
 */
export async function planStack(dir: string, stack: string): Promise<PlanDocument> {
  const stackFile = loadStackFile(dir, stack);
  const topology = buildTopology(readStackConfig(stackFile.config, (key) => stackFile.secretKeys.includes(key)));
  // The program sees a key as secret when any part of it is; the file shows each entry.
  const [plain] = stackFile.plainTextSecrets ?? [];
  if (plain !== undefined) {
    throw plainTextSecret(plain, `pulumi config set --secret --path '${plain}' <value>`);
  }
  // The plan reports config errors by message only, so it spares the runtime's stack traces.
  const run = await runStack(stackFile, { stackTraces: false });
  if (run.error) throw run.error;
  return buildPlan(stack, topology, run);
}

export async function main(argv: readonly string[], dir = PROJECT_DIR): Promise<{ code: number; out: string }> {
  const json = argv.includes("--json");
  const dirFlag = argv.find((a) => a.startsWith("--dir="));
  const stacks = argv.filter((a) => !a.startsWith("--"));
  if (stacks.length !== 1 || argv.some((a) => a.startsWith("--") && a !== "--json" && a !== dirFlag)) {
    return { code: 2, out: "usage: npm run plan -- <stack> [--json] [--dir=<folder with Pulumi.<stack>.yaml>]\n" };
  }
  try {
    const plan = await planStack(dirFlag ? path.resolve(dirFlag.slice("--dir=".length)) : dir, stacks[0]);
    return { code: 0, out: json ? `${JSON.stringify(plan, null, 2)}\n` : renderText(plan) };
  } catch (err) {
    if (err instanceof StackConfigError || err instanceof PulumiCliError) {
      return { code: 1, out: `error: ${err.message}\n` };
    }
    throw err;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    ({ code, out }) => {
      (code === 0 ? process.stdout : process.stderr).write(out);
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

// npm run scaffold -- <stack> [--out <dir>] [--force] [--dry-run]: writes the Terraform that
// enforces the stack's contract into folders laid out like the workspaces' working directories.
import * as path from "node:path";
import { parseArgs } from "node:util";
import { ContractFileConflict, contractFiles } from "../hcl/contractFiles";
import { describeReports, scaffold } from "../hcl/scaffold";
import { PulumiCliError } from "../offline/cliConfig";
import { loadStackFile, PROJECT_DIR, topologyOf } from "../offline/stackFile";
import { StackConfigError } from "../topology/errors";

const USAGE =
  "usage: npm run scaffold -- <stack> [--out <repository root, default: where npm runs>] [--force: replace edited files] [--dry-run: write nothing] [--dir=<folder with Pulumi.<stack>.yaml>]\n";

const parse = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      out: { type: "string" },
      force: { type: "boolean" },
      "dry-run": { type: "boolean" },
      dir: { type: "string" },
    },
  });

/** `cwd` is where relative paths start: npm runs scripts in the package, INIT_CWD is the user's. */
export function main(
  argv: readonly string[],
  dir = PROJECT_DIR,
  cwd = process.env.INIT_CWD ?? process.cwd(),
): { code: number; out: string } {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch {
    return { code: 2, out: USAGE };
  }
  if (args.positionals.length !== 1) return { code: 2, out: USAGE };
  const [stack] = args.positionals;
  const { out, force, "dry-run": dryRun, dir: dirFlag } = args.values;
  try {
    const topology = topologyOf(loadStackFile(dirFlag ? path.resolve(cwd, dirFlag) : dir, stack));
    const files = contractFiles(topology);
    if (files.length === 0) {
      return {
        code: 1,
        out: `error: stack ${stack} declares no contract: give its layers outputs (and their dependents reads) to generate Terraform\n`,
      };
    }
    const root = path.resolve(cwd, out ?? ".");
    const reports = scaffold(root, files, { force, dryRun });
    return { code: 0, out: `${dryRun ? "Dry run in" : "In"} ${out ?? "."}:\n${describeReports(reports, dryRun)}` };
  } catch (err) {
    if (err instanceof StackConfigError || err instanceof PulumiCliError || err instanceof ContractFileConflict) {
      return { code: 1, out: `error: ${err.message}\n` };
    }
    throw err;
  }
}

if (require.main === module) {
  const { code, out } = main(process.argv.slice(2));
  (code === 0 ? process.stdout : process.stderr).write(out);
  process.exitCode = code;
}

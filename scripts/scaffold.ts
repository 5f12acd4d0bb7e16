// npm run scaffold -- <stack> [--out <dir>] [--force] [--dry-run]: writes the Terraform that
// enforces the stack's contract into folders laid out like the workspaces' working directories.
import * as path from "node:path";
import { ContractFileConflict, contractFiles } from "../hcl/contractFiles";
import { describeReports, scaffold } from "../hcl/scaffold";
import { loadStackFile, PROJECT_DIR, topologyOf } from "../offline/stackFile";
import { type CommandResult, finish, parseCommand, refusal, userFolder } from "./command";

const USAGE =
  "usage: npm run scaffold -- <stack> [--out <repository root, default: where npm runs>] [--force: also replace edited files whose contract changed (edited files of an unchanged contract hold your values and are kept)] [--dry-run: write nothing] [--dir=<folder with Pulumi.<stack>.yaml>]\n";

const FLAGS = {
  out: { type: "string" },
  force: { type: "boolean" },
  "dry-run": { type: "boolean" },
  dir: { type: "string" },
} as const;

export function main(argv: readonly string[], dir = PROJECT_DIR, cwd = userFolder()): CommandResult {
  const args = parseCommand(argv, FLAGS, USAGE);
  if (!args.ok) return args.usage;
  const { stack } = args;
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
    return refusal(err, ContractFileConflict);
  }
}

if (require.main === module) finish(main(process.argv.slice(2)));

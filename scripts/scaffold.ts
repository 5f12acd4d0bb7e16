// npm run scaffold -- <stack> [--out <dir>] [--force] [--dry-run]: writes the Terraform that
// enforces the stack's contract into folders laid out like the workspaces' working directories.
import * as path from "node:path";
import { TrustDocumentTooLong } from "../cloudTrust/documentLimits";
import { TrustDocumentConflict, trustDocuments } from "../cloudTrust/trustDocuments";
import { type ContractFile, ContractFileConflict, contractFiles, firstDisagreement } from "../hcl/contractFiles";
import { describeReports, scaffold } from "../hcl/scaffold";
import { listStacks, loadStackFile, PROJECT_DIR, topologyOf } from "../offline/stackFile";
import { compareStacks } from "../plan/compare";
import { subjectProjectName } from "../topology/codeSource";
import type { Topology } from "../topology/topology";
import { type CommandResult, finish, parseCommand, refusal, userFolder } from "./command";

const USAGE =
  "usage: npm run scaffold -- <stack> [--out <repository root, default: where npm runs>] [--force: also replace edited files whose contract changed (edited files of an unchanged contract hold your values and are kept)] [--dry-run: write nothing] [--dir=<folder with Pulumi.<stack>.yaml>]\n";

const FLAGS = {
  out: { type: "string" },
  force: { type: "boolean" },
  "dry-run": { type: "boolean" },
  dir: { type: "string" },
} as const;

/**
 * The one line that says which other stack generates a file of this one differently, and why
 * (the settings --compare shows for the file's workspaces); undefined while the stacks agree.
 */
function disagreeingStack(dir: string, stack: string, topology: Topology, files: readonly ContractFile[]) {
  for (const other of listStacks(dir).filter((s) => s !== stack)) {
    let theirs: Topology;
    try {
      theirs = topologyOf(loadStackFile(dir, other));
    } catch {
      continue; // A stack that does not plan says so in its own plan.
    }
    const found = firstDisagreement(files, contractFiles(theirs));
    if (!found) continue;
    const keys = found.file.workspaces;
    const why = compareStacks(topology, theirs)
      // What the contract files are made of: what the file's workspaces publish, read and depend on.
      .filter((d) => keys.some((k) => ["outputs", "reads", "dependsOn"].some((s) => d.what === `${k}.${s}`)))
      .map((d) => `${d.what} is ${d.here} here and ${d.there} in ${other}`);
    return `stack ${other} plans the same directory but would generate ${found.file.path} differently (${why.join("; ") || "their contracts differ"}): make the two stacks agree (npm run plan -- ${stack} --compare ${other}), or give their workspaces different directories`;
  }
  return undefined;
}

export function main(argv: readonly string[], dir = PROJECT_DIR, cwd = userFolder()): CommandResult {
  const args = parseCommand(argv, FLAGS, USAGE);
  if (!args.ok) return args.usage;
  const { stack } = args;
  const { out, force, "dry-run": dryRun, dir: dirFlag } = args.values;
  try {
    const stackDir = dirFlag ? path.resolve(cwd, dirFlag) : dir;
    const topology = topologyOf(loadStackFile(stackDir, stack));
    const files = contractFiles(topology);
    const conflict = disagreeingStack(stackDir, stack, topology, files);
    if (conflict) return { code: 1, out: `error: ${conflict}\n` };
    const { trusted } = topology.credentialSets;
    const project = subjectProjectName(topology.project);
    if (trusted.length > 0 && project === undefined) {
      const id = topology.project && "id" in topology.project ? topology.project.id : "prj-...";
      return {
        code: 1,
        out: `error: stack ${stack} puts its workspaces in the existing project ${id}, and the trust documents name the project by its name (the subject claim holds names, not ids): give the existing project's name beside its id: tfc-layers:project: {id: ${id}, name: <its name in TFC>}\n`,
      };
    }
    const trust =
      project === undefined
        ? []
        : trustDocuments(stack, trusted, { hostname: topology.hostname, organization: topology.organization, project });
    if (files.length === 0 && trust.length === 0) {
      return {
        code: 1,
        out: `error: stack ${stack} declares no contract and no dynamic credentials: give its layers outputs (and their dependents reads) to generate Terraform, or a set in tfc-layers:credentials for trust documents\n`,
      };
    }
    const root = path.resolve(cwd, out ?? ".");
    const reports = scaffold(
      root,
      [...files, ...trust.map((t) => ({ path: t.path, content: t.content, stamp: false as const }))],
      {
        force,
        dryRun,
      },
    );
    const notes = trust.flatMap((t) => (t.note ? [`note: ${t.note}\n`] : []));
    return {
      code: 0,
      out: `${dryRun ? "Dry run in" : "In"} ${out ?? "."}:\n${describeReports(reports, dryRun)}${notes.join("")}`,
    };
  } catch (err) {
    return refusal(err, ContractFileConflict, TrustDocumentConflict, TrustDocumentTooLong);
  }
}

if (require.main === module) finish(main(process.argv.slice(2)));

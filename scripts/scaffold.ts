// npm run scaffold -- <stack> [--out <dir>] [--force] [--dry-run] [--compare <stacks>] [--dir <folder>]:
// writes the Terraform that enforces the stack's contract, and the trust documents of its dynamic
// credentials, into folders laid out like the workspaces' working directories.
import * as path from "node:path";
import { TrustDocumentTooLong } from "../cloudTrust/documentLimits";
import { TrustDocumentConflict, trustDocuments } from "../cloudTrust/trustDocuments";
import { type ContractFile, ContractFileConflict, contractFiles, firstDisagreement } from "../hcl/contractFiles";
import { describeReports, scaffold } from "../hcl/scaffold";
import { listStacks, loadStackFile, PROJECT_DIR, topologyOf } from "../offline/stackFile";
import { compareStacks } from "../plan/compare";
import { subjectProjectName } from "../topology/codeSource";
import { StackConfigError } from "../topology/errors";
import type { Topology } from "../topology/topology";
import { type CommandResult, finish, parseCommand, refusal, userFolder } from "./command";

const USAGE =
  "usage: npm run scaffold -- <stack> [--out <repository root, default: where npm runs>] [--force: also replace edited files whose contract changed (edited files of an unchanged contract hold your values and are kept)] [--dry-run: write nothing] [--compare <stack,...> or none: the stacks to check the files against, default those planning the same branch of the same repository] [--dir=<folder with Pulumi.<stack>.yaml>]\n";

const FLAGS = {
  out: { type: "string" },
  compare: { type: "string" },
  force: { type: "boolean" },
  "dry-run": { type: "boolean" },
  dir: { type: "string" },
} as const;

/** Where a file's code lives: the repository and branch its workspaces plan from ("" when CLI-driven). */
function codeOf(topology: Topology, keys: readonly string[]): string {
  const places = new Set(
    keys.map((k) => {
      const vcs = topology.workspaceByKey.get(k)?.source.vcs;
      return vcs ? `${vcs.repository} on ${vcs.branch ?? "its default branch"}` : "";
    }),
  );
  return [...places].sort().join(", ");
}

/** The other stacks scaffold compares with, those it leaves out and why, and the first that disagrees. */
interface Comparison {
  readonly compared: string[];
  readonly skipped: { readonly stack: string; readonly why: string }[];
  readonly conflict?: string;
}

/**
 * Compares this stack's files with those of the stacks that plan the same code: the same
 * directories on the same branch of the same repository (or the stacks named with --compare).
 * A stack on another branch is a promotion in progress (dev changes a contract before prod
 * follows), not a conflict: the branches hold different code.
 */
function compareWithStacks(
  dir: string,
  stack: string,
  topology: Topology,
  files: readonly ContractFile[],
  chosen: readonly string[] | undefined,
): Comparison {
  const others = listStacks(dir).filter((s) => s !== stack);
  for (const name of chosen ?? []) {
    if (!others.includes(name)) {
      throw new StackConfigError(
        `--compare ${name}: no stack ${name} beside ${stack}; name stacks of ${others.join(", ") || "none"}, or none`,
      );
    }
  }
  const compared: string[] = [];
  const skipped: { stack: string; why: string }[] = [];
  for (const other of others) {
    if (chosen !== undefined && !chosen.includes(other)) {
      skipped.push({ stack: other, why: "not named with --compare" });
      continue;
    }
    let theirs: Topology;
    try {
      theirs = topologyOf(loadStackFile(dir, other));
    } catch {
      skipped.push({ stack: other, why: "it does not plan (its own plan says why)" });
      continue;
    }
    const theirFiles = contractFiles(theirs);
    const byPath = new Map(theirFiles.map((f) => [f.path, f]));
    // Only files whose directories plan the same code in both stacks can conflict.
    const shared = files.filter((f) => {
      const other = byPath.get(f.path);
      return other !== undefined && codeOf(topology, f.workspaces) === codeOf(theirs, other.workspaces);
    });
    const sameCode = files.some((f) => byPath.has(f.path)) ? shared.length > 0 : true;
    if (chosen === undefined && !sameCode) {
      const sample = files.find((f) => byPath.has(f.path))!;
      skipped.push({
        stack: other,
        why: `it plans ${codeOf(theirs, byPath.get(sample.path)!.workspaces)}, this stack ${codeOf(topology, sample.workspaces)}`,
      });
      continue;
    }
    compared.push(other);
    const found = firstDisagreement(chosen === undefined ? shared : files, theirFiles);
    if (!found) continue;
    const keys = found.file.workspaces;
    const why = compareStacks(topology, theirs)
      // What the contract files are made of: what the file's workspaces publish, read and depend on.
      .filter((d) => keys.some((k) => ["outputs", "reads", "dependsOn"].some((s) => d.what === `${k}.${s}`)))
      .map((d) => `${d.what} is ${d.here} here and ${d.there} in ${other}`);
    return {
      compared,
      skipped,
      conflict: `stack ${other} ${chosen === undefined ? `plans the same code (${codeOf(topology, keys) || "the same directory"})` : "(named with --compare)"} but would generate ${found.file.path} differently (${why.join("; ") || "their contracts differ"}): make the two stacks agree (npm run plan -- ${stack} --compare ${other}), or give their workspaces different directories`,
    };
  }
  return { compared, skipped };
}

/** The line that says which stacks scaffold compared the files with, and which it left out. */
function comparedLine({ compared, skipped }: Comparison): string {
  const left = skipped.map((s) => `${s.stack} (${s.why})`);
  return `Compared with ${compared.join(", ") || "no other stack"}${left.length ? `; not with ${left.join(", ")}` : ""}.\n`;
}

export function main(argv: readonly string[], dir = PROJECT_DIR, cwd = userFolder()): CommandResult {
  const args = parseCommand(argv, FLAGS, USAGE);
  if (!args.ok) return args.usage;
  const { stack } = args;
  const { out, force, "dry-run": dryRun, dir: dirFlag, compare } = args.values;
  try {
    const stackDir = dirFlag ? path.resolve(cwd, dirFlag) : dir;
    const topology = topologyOf(loadStackFile(stackDir, stack));
    const files = contractFiles(topology);
    const chosen = compare === undefined ? undefined : compare === "none" ? [] : compare.split(",").filter(Boolean);
    const comparison = compareWithStacks(stackDir, stack, topology, files, chosen);
    if (comparison.conflict) return { code: 1, out: `error: ${comparison.conflict}\n${comparedLine(comparison)}` };
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
      out: `${dryRun ? "Dry run in" : "In"} ${out ?? "."}:\n${describeReports(reports, dryRun)}${notes.join("")}${comparedLine(comparison)}`,
    };
  } catch (err) {
    return refusal(err, ContractFileConflict, TrustDocumentConflict, TrustDocumentTooLong);
  }
}

if (require.main === module) finish(main(process.argv.slice(2)));

// Reviews a change to a stack offline: the stack file as it is against the same stack at a git
// revision (read through git, nothing checked out) or against another stack file. Each side is
// planned as `npm run plan` plans it: the CLI's rules, the topology, the program under mocks.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runThroughLanguageHost } from "../offline/languageHost";
import { planRun } from "../offline/planRun";
import { providerInvokes, providerOutputs } from "../offline/runStack";
import {
  environmentsNote,
  loadProject,
  loadStackFile,
  PROJECT_DIR,
  type StackFile,
  topologyOf,
} from "../offline/stackFile";
import { StackConfigError } from "../topology/errors";
import { buildReview, type ReviewDocument, type ReviewSide, type SecretChange } from "./document";
import { changesProgram, exportProgram, programChanges, programDirOf } from "./revisionTree";

/** A git revision, or another stack file (`label` is how the user named it). */
export type Baseline = { readonly ref: string } | { readonly file: string; readonly label: string };

const WORKING_TREE = "working tree";

/** The Pulumi.yaml beside the stack files, else this project's. */
const projectFile = (dir: string) =>
  fs.existsSync(path.join(dir, "Pulumi.yaml")) ? path.join(dir, "Pulumi.yaml") : path.join(PROJECT_DIR, "Pulumi.yaml");

/** What git holds at `ref` for a file of `dir`; undefined when the file is not there. */
function atRevision(dir: string, ref: string, file: string): string | undefined {
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  try {
    // A revision, never an option git would read.
    if (ref.startsWith("-")) throw new Error(ref);
    git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`);
  } catch {
    throw new StackConfigError(`--diff ${ref}: git knows no such revision here; give a branch, tag or commit`);
  }
  const prefix = git("rev-parse", "--show-prefix").trim();
  try {
    return git("show", `${ref}:${prefix}${file}`);
  } catch {
    return undefined;
  }
}

const projectIn = (dir: string) => loadProject(path.dirname(projectFile(dir)));

/** One side, or only its label when the stack file is not there (a stack added or removed). */
type Ciphertexts = NonNullable<StackFile["ciphertexts"]>;

/** A side of the review, with the stack file it was planned from. */
type PlannedSide = ReviewSide & { readonly stackFile?: StackFile };

/**
 * Plans a side with the program in `programDir` (not this process's), the way `pulumi up` runs
 * it: through the language host, against the stand-in engine.
 */
async function ownProgram(programDir: string, dir: string, stack: string): Promise<Omit<PlannedSide, "label">> {
  const project = projectIn(dir);
  const stackFile = loadStackFile(dir, stack, project);
  const topology = topologyOf(stackFile);
  const run = await runThroughLanguageHost({
    projectDir: programDir,
    project: project.name,
    stack,
    config: stackFile.config,
    secretKeys: stackFile.secretKeys,
    preview: false,
    typeCheck: false,
    outputsByType: providerOutputs,
    invokeResults: providerInvokes,
  });
  if (run.exitCode !== 0) {
    const logged = run.logs.find((l) => l.severity === "error")?.message;
    throw new StackConfigError(logged ?? (run.stderr.trim().split("\n").pop() || `the program exited ${run.exitCode}`));
  }
  return { stackFile, topology, run };
}

async function side(label: string, dir: string, stack: string, programDir?: string): Promise<PlannedSide> {
  if (!fs.existsSync(path.join(dir, `Pulumi.${stack}.yaml`))) return { label };
  try {
    return {
      label,
      ...(programDir ? await ownProgram(programDir, dir, stack) : await planRun(dir, stack, projectIn(dir))),
    };
  } catch (err) {
    // Say which side does not plan; the working tree's errors read as npm run plan's.
    if (err instanceof Error && label !== WORKING_TREE) err.message = `at ${label}: ${err.message}`;
    throw err;
  }
}

/**
 * Encrypted values added, removed or set again. Offline nothing is decrypted, so a value set
 * again shows only as its ciphertext changing (the value changed, or was encrypted anew).
 */
function secretChanges(before: Ciphertexts = {}, after: Ciphertexts = {}): SecretChange[] {
  return [...new Set([...Object.keys(after), ...Object.keys(before)])].sort().flatMap((key): SecretChange[] => {
    if (!(key in before)) return [{ key, change: "added" }];
    if (!(key in after)) return [{ key, change: "removed" }];
    return before[key] === after[key] ? [] : [{ key, change: "set again" }];
  });
}

/** The review of `stack` in `dir` against the baseline. */
export async function reviewStack(dir: string, stack: string, baseline: Baseline): Promise<ReviewDocument> {
  const old = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-review-"));
  let label: string;
  let programFiles: string[] = [];
  let programs: { before: string; after: string } | undefined;
  if ("ref" in baseline) {
    label = baseline.ref;
    // The project file as it was too, so the CLI's rules are those of that revision.
    const project = atRevision(dir, baseline.ref, "Pulumi.yaml");
    const stackFile = atRevision(dir, baseline.ref, `Pulumi.${stack}.yaml`);
    fs.writeFileSync(path.join(old, "Pulumi.yaml"), project ?? fs.readFileSync(projectFile(dir), "utf8"));
    if (stackFile !== undefined) fs.writeFileSync(path.join(old, `Pulumi.${stack}.yaml`), stackFile);
    // A change to the program changes what pulumi up does: each side is planned with its own.
    const programDir = programDirOf(dir);
    programFiles = programDir ? programChanges(programDir, baseline.ref) : [];
    if (programDir && changesProgram(programFiles)) {
      programs = { before: exportProgram(programDir, baseline.ref, programFiles), after: programDir };
    }
  } else {
    label = baseline.label;
    if (!fs.existsSync(baseline.file)) {
      throw new StackConfigError(`--diff-file ${baseline.label}: no such file; give the path of a stack file`);
    }
    fs.copyFileSync(projectFile(dir), path.join(old, "Pulumi.yaml"));
    fs.copyFileSync(baseline.file, path.join(old, `Pulumi.${stack}.yaml`));
  }
  const after = await side(WORKING_TREE, dir, stack, programs?.after);
  const before = await side(label, old, stack, programs?.before);
  // In neither place: the same message as npm run plan for an unknown stack.
  if (!before.run && !after.run) loadStackFile(dir, stack);
  return buildReview(
    stack,
    before,
    after,
    secretChanges(before.stackFile?.ciphertexts, after.stackFile?.ciphertexts),
    programFiles,
    [...new Set([before, after].flatMap((s) => (s.stackFile ? [environmentsNote(s.stackFile)] : [])))].filter(
      (n): n is string => n !== undefined,
    ),
    programs !== undefined,
  );
}

// The program as it was at a git revision, so the review plans each side with its own code: a
// change to the TypeScript (a renamed resource), to Pulumi.yaml or to the dependencies changes
// what `pulumi up` does even when no stack file changed. The revision's tree is exported into a
// temporary folder (the user's checkout is never touched); it reuses the working tree's
// node_modules when the lockfile and the local SDK are the same, else installs with `npm ci`.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { StackConfigError } from "../topology/errors";

const STACK_FILE = /(^|\/)Pulumi\.[^/]+\.yaml$/;
/** What decides the installed packages: a change here needs `npm ci` in the exported tree. */
const INSTALLED_FROM = ["package.json", "package-lock.json", "sdks/"];

const git = (dir: string, args: readonly string[], input?: Buffer) =>
  execFileSync("git", ["-C", dir, ...args], {
    stdio: ["pipe", "pipe", "pipe"],
    maxBuffer: 1 << 30,
    ...(input ? { input } : {}),
  });

/**
 * The folder of the program the stack files in `dir` belong to: the nearest with Pulumi.yaml and
 * package.json. Undefined when there is none: the stack files live apart from the program, whose
 * history is then not theirs.
 */
export function programDirOf(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, "Pulumi.yaml")) && fs.existsSync(path.join(d, "package.json"))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** Files of the program folder, other than stack files, that differ between `ref` and the working tree (untracked too). */
export function programChanges(programDir: string, ref: string): string[] {
  try {
    git(programDir, ["rev-parse", "--show-toplevel"]);
  } catch {
    return [];
  }
  const lines = (args: string[]) => git(programDir, args).toString("utf8").split("\n").filter(Boolean);
  const changed = [
    ...lines(["diff", "--name-only", "--relative", ref, "--", "."]),
    ...lines(["ls-files", "--others", "--exclude-standard", "--", "."]),
  ];
  return [...new Set(changed)].filter((f) => !STACK_FILE.test(f) && !f.startsWith("node_modules/")).sort();
}

/** Whether the changed files leave the installed packages as they are. */
export function sameInstall(changes: readonly string[]): boolean {
  return !changes.some((f) => INSTALLED_FROM.some((p) => (p.endsWith("/") ? f.startsWith(p) : f === p)));
}

/** Documentation: markdown anywhere, and anything under docs/. */
const isDocumentation = (file: string) => file.endsWith(".md") || file.startsWith("docs/");

/** Whether the changes can change what the program registers (documentation cannot). */
export const changesProgram = (changes: readonly string[]) => changes.some((f) => !isDocumentation(f));

/**
 * Exports the repository at `ref` and returns the program folder inside it, with its packages;
 * `install` runs `npm ci` there when the packages differ.
 */
export function exportProgram(
  programDir: string,
  ref: string,
  changes: readonly string[],
  install: (dir: string) => void = (dir) =>
    execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, stdio: "pipe" }),
): string {
  const top = git(programDir, ["rev-parse", "--show-toplevel"]).toString("utf8").trim();
  const prefix = path.relative(fs.realpathSync(top), fs.realpathSync(programDir));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-revision-"));
  const archive = git(top, ["archive", "--format=tar", `${ref}^{commit}`]);
  execFileSync("tar", ["-x", "-C", root], { input: archive, maxBuffer: 1 << 30 });
  const program = path.join(root, prefix);
  if (!fs.existsSync(path.join(program, "package.json"))) {
    throw new StackConfigError(
      `--diff ${ref}: the program is not in this folder at that revision; review from a later one`,
    );
  }
  if (sameInstall(changes)) {
    fs.symlinkSync(path.join(programDir, "node_modules"), path.join(program, "node_modules"));
  } else {
    try {
      install(program);
    } catch (err) {
      const detail = String((err as { stderr?: Buffer }).stderr ?? err)
        .trim()
        .split("\n")
        .pop();
      throw new StackConfigError(`--diff ${ref}: npm ci failed in that revision's tree: ${detail}`);
    }
  }
  return program;
}

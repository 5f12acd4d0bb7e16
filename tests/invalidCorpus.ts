// The corpus of invalid stack files under tests/fixtures/invalid. Each file starts with
// comment lines: `# expect: <message>` (the program's, required); `# first: cli|program|plan`
// (required: who refuses it first under `pulumi preview`; plan means the CLI and the program
// accept it and only the offline plan refuses it) with `# cli: <message>` when the CLI does;
// optionally `# only: plan|program` (which offline path can check it) with `# why: <reason>`,
// and `# decrypted: <key>=<value>` for what the CLI would decrypt.
import * as fs from "node:fs";
import * as path from "node:path";
import type { StackFile } from "../offline/stackFile";
import { OFFLINE_SECRET } from "../topology/keys";

export const CORPUS_DIR = path.join(__dirname, "fixtures", "invalid");

export interface InvalidCase {
  readonly name: string;
  readonly file: string;
  readonly expect: string;
  readonly first: "cli" | "program" | "plan";
  readonly cli?: string;
  readonly only?: "plan" | "program";
  readonly why?: string;
  readonly decrypted: Record<string, string>;
}

export function loadCorpus(): InvalidCase[] {
  return fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(CORPUS_DIR, f), "utf8");
      const header = (tag: string) =>
        text
          .split("\n")
          .filter((l) => l.startsWith(`# ${tag}: `))
          .map((l) => l.slice(tag.length + 4));
      const decrypted = Object.fromEntries(
        header("decrypted").map((d) => [d.slice(0, d.indexOf("=")), d.slice(d.indexOf("=") + 1)]),
      );
      const only = header("only")[0] as InvalidCase["only"];
      return {
        name: f.replace(/\.yaml$/, ""),
        file: f,
        expect: header("expect")[0],
        first: header("first")[0] as InvalidCase["first"],
        cli: header("cli")[0],
        only,
        why: header("why")[0],
        decrypted,
      };
    });
}

/** The line the user sees when `pulumi preview` (or, for plan-only cases, `npm run plan`) refuses it. */
export function userSees(c: InvalidCase): string {
  return `error: ${c.first === "cli" ? c.cli : c.expect}`;
}

/** The config the CLI would hand the program: encrypted values decrypted as the case says. */
export function asDecrypted(stackFile: StackFile, decrypted: Record<string, string>): StackFile {
  const config = { ...stackFile.config };
  for (const [key, value] of Object.entries(decrypted)) {
    if (config[key] !== OFFLINE_SECRET) throw new Error(`${key} is not an encrypted scalar in the case`);
    config[key] = value;
  }
  return { ...stackFile, config };
}

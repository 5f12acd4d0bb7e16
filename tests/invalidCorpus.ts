// The corpus of invalid stack files under tests/fixtures/invalid. Each file starts with
// comment lines: `# expect: <message>` (the program's, required); `# first: cli|program|plan`
// (required: who refuses it first under `pulumi preview`; plan means the CLI and the program
// accept it and only the offline plan refuses it) with `# cli: <message>` when the CLI does;
// `# schema: refuses` when stack.schema.json (what editors check) already refuses it;
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
  /** Whether the JSON Schema of stack files refuses it. */
  readonly schemaRefuses: boolean;
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
        schemaRefuses: header("schema")[0] === "refuses",
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

const REFUSED_BY = { cli: "the CLI", program: "the program", plan: "npm run plan (pulumi preview accepts it)" };

/** One row of the README's table of refusals. */
export interface RefusalRow {
  readonly file: string;
  readonly refusedBy: string;
  readonly userSees: string;
}

export function refusalRows(cases: readonly InvalidCase[]): RefusalRow[] {
  return cases.map((c) => ({ file: c.name, refusedBy: REFUSED_BY[c.first], userSees: userSees(c) }));
}

/** The rows as a markdown table, for pasting into the README. */
export function refusalTable(rows: readonly RefusalRow[]): string {
  const line = (r: RefusalRow) => `| \`${r.file}\` | ${r.refusedBy} | \`\` ${r.userSees} \`\` |`;
  return ["| stack file | refused first by | what the user sees |", "| --- | --- | --- |", ...rows.map(line)].join(
    "\n",
  );
}

/** The rows of the markdown table that follows `heading` in `markdown`, code spans unwrapped. */
export function tableAfter(markdown: string, heading: string): RefusalRow[] {
  const section = markdown.slice(markdown.indexOf(heading));
  const table = section.slice(section.indexOf("\n|")).split("\n\n")[0];
  const unwrap = (cell: string) => cell.trim().replace(/^(`+) ?(.*?) ?\1$/, "$2");
  return table
    .trim()
    .split("\n")
    .slice(2)
    .map((line) => {
      const [file, refusedBy, seen] = line.split("|").slice(1, 4).map(unwrap);
      return { file, refusedBy, userSees: seen };
    });
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

// npm run adopt -- <stack> --from-state <file> --out <dir> [--layers <file>] [--markdown | --json]:
// writes the stack file and the import file that take over an existing organization in place,
// and prints what the first pulumi up changes. Refuses, before writing anything, what it cannot
// adopt without replacing it.
import * as fs from "node:fs";
import * as path from "node:path";
import { AdoptionError, adopt } from "../adopt/adoption";
import { organizationFromState, StateFileError } from "../adopt/fromState";
import { renderReviewMarkdown, renderReviewText } from "../review/render";
import type { Organization } from "../topology/adoption/organization";
import { type CommandResult, finish, parseCommand, refusal, userFolder } from "./command";

const USAGE =
  "usage: npm run adopt -- <stack> --from-state <terraform state file> --out <dir> [--layers <file: {workspace: layer}>] [--markdown | --json]\n";

const FLAGS = {
  "from-state": { type: "string" },
  out: { type: "string" },
  layers: { type: "string" },
  markdown: { type: "boolean" },
  json: { type: "boolean" },
} as const;

function readJson(file: string, what: string): unknown {
  if (!fs.existsSync(file)) throw new StateFileError(`${what} ${file} does not exist`);
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    throw new StateFileError(`${what} ${file} is not JSON`);
  }
}

export async function main(argv: readonly string[], cwd = userFolder()): Promise<CommandResult> {
  const args = parseCommand(argv, FLAGS, USAGE);
  if (!args.ok) return args.usage;
  const { stack } = args;
  const { "from-state": fromState, out, layers, markdown, json } = args.values;
  if (!fromState || !out || (markdown && json)) return { code: 2, out: USAGE };
  try {
    const file = path.resolve(cwd, fromState);
    const org: Organization = organizationFromState(readJson(file, "the state file"), fromState);
    const mapping = layers
      ? (readJson(path.resolve(cwd, layers), "the layers file") as Record<string, string>)
      : undefined;
    const result = await adopt(org, { stack, ...(mapping ? { layers: mapping } : {}) });
    const dir = path.resolve(cwd, out);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), result.stackFileText);
    fs.writeFileSync(path.join(dir, `import.${stack}.json`), `${JSON.stringify(result.importFile, null, 4)}\n`);
    if (json) return { code: 0, out: `${JSON.stringify({ ...result.review, created: result.created }, null, 2)}\n` };
    const report = markdown ? renderReviewMarkdown(result.review) : renderReviewText(result.review);
    const lines = [
      `Wrote ${path.join(out, `Pulumi.${stack}.yaml`)} and ${path.join(out, `import.${stack}.json`)} (${result.importFile.resources.length} resources to import).`,
      "Inferred:",
      ...result.adoption.inferred.map((l) => `  - ${l}`),
      ...(result.adoption.secretLines.length
        ? [
            "Set the secret values (never read from the organization) before pulumi preview:",
            ...result.adoption.secretLines.map((l) => `  ${l}`),
          ]
        : []),
      ...(result.created.length
        ? ["The first pulumi up creates (nothing to adopt for them):", ...result.created.map((c) => `  + ${c}`)]
        : []),
      "",
    ];
    return { code: 0, out: `${lines.join("\n")}\n${report}` };
  } catch (err) {
    return refusal(err, AdoptionError, StateFileError);
  }
}

if (require.main === module) finish(main(process.argv.slice(2)));

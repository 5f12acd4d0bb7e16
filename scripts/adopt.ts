// npm run adopt -- <stack> (--from-state <file> | --from-api [--organization <org>] [--project <name>]
// [--workspaces <glob>]) --out <dir> [--layers <file>] [--markdown | --json]:
// writes the stack file and the import file that take over an existing organization in place,
// and prints what the first pulumi up changes. Refuses, before writing anything, what it cannot
// adopt without replacing it.
import * as fs from "node:fs";
import * as path from "node:path";
import { AdoptionError, adopt } from "../adopt/adoption";
import { organizationFromApi } from "../adopt/fromApi";
import { organizationFromState, StateFileError } from "../adopt/fromState";
import { renderReviewMarkdown, renderReviewText } from "../review/render";
import { apiAddress, TfcApiError, TfcClient } from "../tfcApi/client";
import type { Organization } from "../topology/adoption/organization";
import { type CommandResult, checkFlags, finish, parseCommand, refusal, usageRefusal, userFolder } from "./command";

const USAGE = [
  "usage: npm run adopt -- <stack> --from-state <terraform state file> --out <dir> [--layers <file: {workspace: layer}>] [--markdown | --json]",
  "       npm run adopt -- <stack> --from-api [--organization <org, default TFE_ORGANIZATION>] [--project <name>] [--workspaces <glob>] --out <dir> [--layers <file>] [--markdown | --json]",
  "       (--from-api reads with TFE_TOKEN from TFE_ADDRESS, else https://<TFE_HOSTNAME or app.terraform.io>; read-only)",
  "",
].join("\n");

const FLAGS = {
  "from-state": { type: "string" },
  "from-api": { type: "boolean" },
  organization: { type: "string" },
  project: { type: "string" },
  workspaces: { type: "string" },
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

/** Reads the organization from the API: the token from TFE_TOKEN, never printed. */
async function fromApi(
  values: { organization?: string; project?: string; workspaces?: string },
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ org: Organization; requests: number; hostname?: string }> {
  const token = env.TFE_TOKEN;
  if (!token) throw new TfcApiError("TFE_TOKEN is not set: export a user or team token that can read the organization");
  const organization = values.organization ?? env.TFE_ORGANIZATION;
  if (!organization) throw new TfcApiError("no organization: give --organization <org> (or set TFE_ORGANIZATION)");
  const hostname = env.TFE_HOSTNAME || "app.terraform.io";
  const client = new TfcClient({ address: apiAddress(env, hostname), token });
  const org = await organizationFromApi(client, {
    organization,
    ...(values.project ? { project: values.project } : {}),
    ...(values.workspaces ? { workspaces: values.workspaces } : {}),
  });
  return { org, requests: client.requests, ...(hostname !== "app.terraform.io" ? { hostname } : {}) };
}

export async function main(
  argv: readonly string[],
  cwd = userFolder(),
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<CommandResult> {
  const args = parseCommand(argv, FLAGS, USAGE);
  if (!args.ok) return args.usage;
  const { stack } = args;
  const { "from-state": fromState, "from-api": api, out, layers, markdown, json } = args.values;
  const misused = checkFlags(
    [
      [Boolean(fromState) && Boolean(api), "--from-state and --from-api together: adopt from one of them"],
      [!fromState && !api, "say what to adopt: --from-state <terraform state file> or --from-api"],
      [Boolean(markdown && json), "--markdown and --json together: choose one report format"],
    ],
    USAGE,
  );
  if (misused || !out) {
    return (
      misused ?? usageRefusal("--out is missing: write --out <folder> for the stack file and the import file", USAGE)
    );
  }
  try {
    let org: Organization;
    let read = "";
    let hostname: string | undefined;
    if (fromState) org = organizationFromState(readJson(path.resolve(cwd, fromState), "the state file"), fromState);
    else {
      const got = await fromApi(args.values, env);
      org = got.org;
      hostname = got.hostname;
      read = ` Read the organization in ${got.requests} API requests.`;
    }
    const mapping = layers
      ? (readJson(path.resolve(cwd, layers), "the layers file") as Record<string, string>)
      : undefined;
    const result = await adopt(org, {
      stack,
      ...(mapping ? { layers: mapping } : {}),
      ...(hostname ? { hostname } : {}),
    });
    const dir = path.resolve(cwd, out);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), result.stackFileText);
    fs.writeFileSync(path.join(dir, `import.${stack}.json`), `${JSON.stringify(result.importFile, null, 4)}\n`);
    if (json) return { code: 0, out: `${JSON.stringify({ ...result.review, created: result.created }, null, 2)}\n` };
    const report = markdown ? renderReviewMarkdown(result.review) : renderReviewText(result.review);
    const lines = [
      `Wrote ${path.join(out, `Pulumi.${stack}.yaml`)} and ${path.join(out, `import.${stack}.json`)} (${result.importFile.resources.length} resources to import).${read}`,
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
    return refusal(err, AdoptionError, StateFileError, TfcApiError);
  }
}

if (require.main === module) finish(main(process.argv.slice(2)));

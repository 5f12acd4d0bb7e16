// npm run status -- <stack> [--json | --markdown] [--watch <seconds>] [--dir=<folder>]: reads the
// stack's workspaces and their current runs live (TFE_TOKEN; TFE_ADDRESS when set, else
// https://<tfe:hostname>) and shows where each cascade is and where it stopped.
import * as path from "node:path";
import { loadStackFile, PROJECT_DIR, topologyOf } from "../offline/stackFile";
import { readCurrentRuns } from "../status/readRuns";
import { renderStatusMarkdown, renderStatusText } from "../status/render";
import { apiAddress, TfcApiError, TfcClient } from "../tfcApi/client";
import { cascadeStatus } from "../topology/status/cascadeStatus";
import { type CommandResult, checkFlags, finish, parseCommand, refusal, userFolder } from "./command";

const USAGE =
  "usage: npm run status -- <stack> [--json | --markdown] [--watch <seconds>] [--dir=<folder with Pulumi.<stack>.yaml>]  (reads with TFE_TOKEN from TFE_ADDRESS, else https://<tfe:hostname>)\n";

const FLAGS = {
  json: { type: "boolean" },
  markdown: { type: "boolean" },
  watch: { type: "string" },
  dir: { type: "string" },
} as const;

export interface StatusRuntime {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where each refreshed view goes while watching. */
  readonly print: (text: string) => void;
  /** How many views --watch shows before it returns (undefined: until interrupted). */
  readonly rounds?: number;
}

export async function main(
  argv: readonly string[],
  dir = PROJECT_DIR,
  cwd = userFolder(),
  runtime: StatusRuntime = { env: process.env, print: (t) => process.stdout.write(t) },
): Promise<CommandResult & { requests?: number }> {
  const args = parseCommand(argv, FLAGS, USAGE);
  if (!args.ok) return args.usage;
  const { json, markdown, watch, dir: dirFlag } = args.values;
  const seconds = watch === undefined ? undefined : Number(watch);
  const misused = checkFlags(
    [
      [Boolean(json && markdown), "--json and --markdown together: choose one format"],
      [
        seconds !== undefined && !(seconds >= 1),
        `--watch takes seconds between reads, 1 or more, got ${watch}: write e.g. --watch 30`,
      ],
    ],
    USAGE,
  );
  if (misused) return misused;
  try {
    const topology = topologyOf(loadStackFile(dirFlag ? path.resolve(cwd, dirFlag) : dir, args.stack));
    const token = runtime.env.TFE_TOKEN;
    if (!token)
      throw new TfcApiError(
        "TFE_TOKEN is not set: export a user or team token that can read the stack's workspaces and runs",
      );
    const address = apiAddress(runtime.env, topology.hostname);
    const client = new TfcClient({ address, token });
    const view = async () => {
      const doc = cascadeStatus(args.stack, topology, await readCurrentRuns(client, topology), topology.hostname);
      return json
        ? `${JSON.stringify(doc, null, 2)}\n`
        : markdown
          ? renderStatusMarkdown(doc)
          : renderStatusText(doc, address);
    };
    if (seconds === undefined) return { code: 0, out: await view(), requests: client.requests };
    for (let round = 1; runtime.rounds === undefined || round < runtime.rounds; round++) {
      runtime.print(await view());
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
    return { code: 0, out: await view(), requests: client.requests };
  } catch (err) {
    return refusal(err, TfcApiError);
  }
}

if (require.main === module) finish(main(process.argv.slice(2)));

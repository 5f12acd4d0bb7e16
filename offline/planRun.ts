// A stack planned offline as `npm run plan` plans it: the CLI's rules, the topology, then the
// program under mocks. Throws the CLI's error where `pulumi preview` would stop before the
// program, else the program's StackConfigError on bad input.

import { plainTextSecret } from "../topology/stackConfig";
import type { Topology } from "../topology/topology";
import type { PulumiProject } from "./cliConfig";
import type { ProgramRun } from "./registrations";
import { runStack } from "./runStack";
import { environmentsNote, loadProject, loadStackFile, type StackFile, topologyOf } from "./stackFile";

export interface PlannedStack {
  readonly stackFile: StackFile;
  readonly topology: Topology;
  readonly run: ProgramRun;
}

export async function planRun(
  dir: string,
  stack: string,
  project: PulumiProject = loadProject(),
): Promise<PlannedStack> {
  const stackFile = loadStackFile(dir, stack, project);
  let topology: Topology;
  try {
    topology = topologyOf(stackFile);
  } catch (err) {
    const note = environmentsNote(stackFile);
    if (note && err instanceof Error) err.message += ` (${note})`;
    throw err;
  }
  // The program sees a key as secret when any part of it is; the file shows each entry.
  const [plain] = stackFile.plainTextSecrets ?? [];
  if (plain !== undefined) {
    throw plainTextSecret(plain, `pulumi config set --secret --path '${plain}' <value>`);
  }
  // The plan reports config errors by message only, so it spares the runtime's stack traces.
  const run = await runStack(stackFile, { stackTraces: false });
  if (run.error) throw run.error;
  return { stackFile, topology, run };
}

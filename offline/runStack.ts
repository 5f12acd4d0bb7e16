// Runs the real program (index.ts) offline under mocks for one stack's config.
import * as random from "@pulumi/random";
import * as tfe from "@pulumi/tfe";
import { PROJECT } from "../topology/keys";
import { type MockRun, runUnderMocks } from "./mockRuntime";
import { mockId } from "./registrations";
import type { StackFile } from "./stackFile";

/** A class's type token; generated SDKs mark the static internal, so it is read untyped. */
export function tokenOf(resourceClass: object): string {
  return (resourceClass as { __pulumiType: string }).__pulumiType;
}

/** Outputs the real providers would compute, so the program's outputs can be shown. */
export const providerOutputs = {
  [tokenOf(tfe.Workspace)]: (args: { inputs: Record<string, any> }) => ({
    htmlUrl: `https://app.terraform.io/app/${args.inputs.organization}/workspaces/${args.inputs.name}`,
  }),
  [tokenOf(random.RandomPassword)]: () => ({ result: "mock-generated-password" }),
};

/** What the provider's data sources would answer offline: a workspace or team looked up by name exists. */
export const providerInvokes = {
  "tfe:index/getTeam:getTeam": (inputs: Record<string, unknown>) => ({
    id: mockId(String(inputs.name)),
    name: inputs.name,
    organization: inputs.organization,
  }),
  "tfe:index/getWorkspace:getWorkspace": (inputs: Record<string, unknown>) => ({
    id: mockId(String(inputs.name)),
    name: inputs.name,
    organization: inputs.organization,
  }),
};

/** Runs index.ts as stack `stackFile.stack` and returns what it registered. */
export function runStack(stackFile: StackFile, options: { stackTraces?: boolean } = {}): Promise<MockRun> {
  const program = require("../index") as () => unknown;
  return runUnderMocks(program, {
    project: PROJECT,
    stack: stackFile.stack,
    config: stackFile.config,
    secretKeys: stackFile.secretKeys,
    outputsByType: providerOutputs,
    invokeResults: providerInvokes,
    stackTraces: options.stackTraces,
  });
}

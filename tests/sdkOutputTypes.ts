// Compile-time half of tests/sdkOutputTypes.test.ts: `npm test` type-checks this file, and a
// wider output declaration (Output<T | undefined>) does not assign to Output<T>.
import type * as pulumi from "@pulumi/pulumi";
import type * as tfe from "@pulumi/tfe";

export function definedOutputs(ws: tfe.Workspace, settings: tfe.WorkspaceSettings, variable: tfe.Variable) {
  const name: pulumi.Output<string> = ws.name;
  const globalRemoteState: pulumi.Output<boolean> = settings.globalRemoteState;
  const consumers: pulumi.Output<string[]> = ws.remoteStateConsumerIds;
  const value: pulumi.Output<string> = variable.value;
  return { name, globalRemoteState, consumers, value };
}

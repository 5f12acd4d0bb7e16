// The baseline: the same tfe resources registered directly, from precomputed plain lists,
// with no components, validation or graph logic. What the program costs is measured against it.
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import * as tfe from "@pulumi/tfe";
import { settingsName, triggerName } from "../topology/names";

export interface FlatPlan {
  readonly organization: string;
  readonly autoApply: boolean;
  readonly workspaces: { name: string; consumers: string[] }[];
  readonly triggers: { upstream: string; downstream: string }[];
  readonly credentials: string[];
  readonly webhookUrl: string;
  readonly variableSetName: string;
  /** The cell variable of each cell workspace: its TFC name and HCL value. */
  readonly cellVariables: { workspace: string; value: string }[];
}

export function baselineProgram(plan: FlatPlan): () => void {
  return () => {
    const ids = new Map<string, pulumi.Output<string>>();
    for (const ws of plan.workspaces) {
      const workspace = new tfe.Workspace(ws.name, {
        name: ws.name,
        organization: plan.organization,
        autoApply: plan.autoApply,
        autoApplyRunTrigger: plan.autoApply,
      });
      ids.set(ws.name, workspace.id);
    }
    for (const ws of plan.workspaces) {
      new tfe.WorkspaceSettings(settingsName(ws.name), {
        workspaceId: ids.get(ws.name)!,
        executionMode: "remote",
        globalRemoteState: false,
        remoteStateConsumerIds: ws.consumers.map((c) => ids.get(c)!),
      });
    }
    for (const t of plan.triggers) {
      new tfe.RunTrigger(triggerName(t.upstream, t.downstream), {
        workspaceId: ids.get(t.downstream)!,
        sourceableId: ids.get(t.upstream)!,
      });
    }
    const set = new tfe.VariableSet("set", { name: plan.variableSetName, organization: plan.organization });
    for (const key of plan.credentials) {
      new tfe.Variable(key, {
        key,
        category: "env",
        sensitive: true,
        value: pulumi.secret("x"),
        variableSetId: set.id,
      });
    }
    for (const v of plan.cellVariables) {
      new tfe.Variable(`cell-${v.workspace}`, {
        key: "tfc_cell",
        value: v.value,
        category: "terraform",
        hcl: true,
        sensitive: false,
        workspaceId: ids.get(v.workspace)!,
      });
    }
    const hmac = new random.RandomPassword("hmac", { length: 32, special: false });
    for (const ws of plan.workspaces) {
      new tfe.WorkspaceVariableSet(`attach-${ws.name}`, { variableSetId: set.id, workspaceId: ids.get(ws.name)! });
      new tfe.NotificationConfiguration(`notify-${ws.name}`, {
        name: "approval-requests",
        destinationType: "generic",
        enabled: true,
        triggers: ["run:needs_attention", "run:errored"],
        url: pulumi.secret(plan.webhookUrl),
        token: hmac.result,
        workspaceId: ids.get(ws.name)!,
      });
    }
  };
}

// The baseline: the same tfe resources registered directly, from precomputed plain lists,
// with no components, validation or graph logic. What the program costs is measured against it.
// Registered in one synchronous turn, as a plain program would; or, in turns, a layer or a
// kind of resource at a time, as the program registers them, to show the program's own cost.
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import * as tfe from "@pulumi/tfe";
import { settingsName, triggerName } from "../topology/names";

export interface FlatPlan {
  readonly organization: string;
  readonly autoApply: boolean;
  /** Workspaces by layer, in the program's order of layers. */
  readonly layers: { workspaces: { name: string; consumers: string[] }[]; triggersIn: TriggerPair[] }[];
  readonly credentials: string[];
  readonly webhookUrl: string;
  readonly variableSetName: string;
  /** The cell variable of each cell workspace: its TFC name and HCL value. */
  readonly cellVariables: { workspace: string; value: string }[];
}

interface TriggerPair {
  readonly upstream: string;
  readonly downstream: string;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The registrations in the program's order, in steps: a layer's workspaces, settings or triggers, or one kind of resource. */
function registrationSteps(plan: FlatPlan): (() => void)[] {
  const ids = new Map<string, pulumi.Output<string>>();
  const workspaces = plan.layers.flatMap((l) => l.workspaces);
  let variableSetId: pulumi.Output<string>;
  return [
    ...plan.layers.map((layer) => () => {
      for (const ws of layer.workspaces) {
        const workspace = new tfe.Workspace(ws.name, {
          name: ws.name,
          organization: plan.organization,
          autoApply: plan.autoApply,
          autoApplyRunTrigger: plan.autoApply,
        });
        ids.set(ws.name, workspace.id);
      }
    }),
    ...plan.layers.map((layer) => () => {
      for (const ws of layer.workspaces) {
        new tfe.WorkspaceSettings(settingsName(ws.name), {
          workspaceId: ids.get(ws.name)!,
          executionMode: "remote",
          globalRemoteState: false,
          remoteStateConsumerIds: ws.consumers.map((c) => ids.get(c)!),
        });
      }
    }),
    () => {
      variableSetId = new tfe.VariableSet("set", { name: plan.variableSetName, organization: plan.organization }).id;
      for (const key of plan.credentials) {
        new tfe.Variable(key, { key, category: "env", sensitive: true, value: pulumi.secret("x"), variableSetId });
      }
      for (const ws of workspaces) {
        new tfe.WorkspaceVariableSet(`attach-${ws.name}`, { variableSetId, workspaceId: ids.get(ws.name)! });
      }
    },
    () => {
      const hmac = new random.RandomPassword("hmac", { length: 32, special: false });
      for (const ws of workspaces) {
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
    },
    () => {
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
    },
    ...plan.layers.map((layer) => () => {
      for (const t of layer.triggersIn) {
        new tfe.RunTrigger(triggerName(t.upstream, t.downstream), {
          workspaceId: ids.get(t.downstream)!,
          sourceableId: ids.get(t.upstream)!,
        });
      }
    }),
  ];
}

export function baselineProgram(plan: FlatPlan, options: { inTurns?: boolean } = {}): () => unknown {
  if (!options.inTurns) {
    return () => {
      for (const step of registrationSteps(plan)) step();
    };
  }
  return async () => {
    for (const step of registrationSteps(plan)) {
      step();
      await nextTurn();
    }
  };
}

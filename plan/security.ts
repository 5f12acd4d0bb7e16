// The part of the plan document that says who may do what: team access, who approves the runs
// that wait, the credential sets each workspace takes, and the identities the clouds must trust.
import { accessText, approversOf } from "../topology/access/access";
import { type RunsThatWait, runsThatWait, waitsForApproval } from "../topology/autoApply/autoApply";
import type { Topology } from "../topology/topology";

export interface PlanSecurity {
  /** Per team: its access per workspace (TFC names), or once on the project. */
  readonly teams: {
    readonly team: string;
    readonly byId: boolean;
    readonly project?: string;
    readonly workspaces: { readonly workspace: string; readonly access: string }[];
  }[];
  /**
   * Per workspace with runs that wait for approval: which runs (all, only those queued by run
   * triggers, or only the others) and the teams that can approve, besides the owners.
   */
  readonly approvals: {
    readonly workspace: string;
    readonly layer: string;
    readonly waiting: Exclude<RunsThatWait, "none">;
    readonly approvers: string[];
  }[];
  /** Workspaces whose runs, of either kind, apply by themselves. */
  readonly autoApplied: string[];
  readonly credentialSets: {
    readonly set: string;
    readonly kind: "dynamic" | "static";
    readonly variableSet: string;
    /** Whether its values beat the workspaces' own variables of the same name. */
    readonly priority: boolean;
    /** TFC workspace names, or ["project"] when it is attached once to the project. */
    readonly attachedTo: string[];
    /** Dynamic: every variable and value. Static: the names only. */
    readonly variables: Record<string, string>;
    readonly secretNames: string[];
  }[];
  readonly trust: {
    readonly cloud: string;
    readonly set: string;
    readonly identity: string;
    readonly audience: string;
    readonly subjects: string[];
  }[];
}

export function securityPlan(topology: Topology): PlanSecurity {
  const nameOf = (key: string) => topology.workspaceByKey.get(key)!.name;
  const { variableSets, trusted } = topology.credentialSets;
  return {
    teams: topology.access.map((g) => ({
      team: g.team,
      byId: g.byId,
      ...(g.project
        ? { project: g.project.access === "custom" ? accessText(g.project.permissions) : g.project.access }
        : {}),
      workspaces: g.workspaces.map((w) => ({ workspace: nameOf(w.key), access: accessText(w.access) })),
    })),
    approvals: topology.workspaces.flatMap((w) => {
      const waiting = runsThatWait(w);
      return waiting === "none"
        ? []
        : [{ workspace: w.name, layer: w.layer, waiting, approvers: approversOf(topology.access, w.key) }];
    }),
    autoApplied: topology.workspaces.filter((w) => !waitsForApproval(w)).map((w) => w.name),
    credentialSets: variableSets.map((s) => ({
      set: s.set,
      kind: s.kind,
      variableSet: s.tfcName,
      priority: s.priority,
      attachedTo: s.onProject ? ["project"] : s.workspaces.map(nameOf),
      variables: Object.fromEntries(s.variables.map((v) => [v.key, v.value])),
      secretNames: [...s.secretNames],
    })),
    trust: trusted.map((t) => ({
      cloud: t.cloud,
      set: t.set,
      identity: t.identity,
      audience: t.audience || "the workload provider's default",
      subjects: [...t.subjects],
    })),
  };
}

// Where a cascade is, from the workspaces' current runs as TFC reports them: each workspace's run
// and what queued it, whether it is behind an upstream (that upstream applied after this
// workspace's last run was queued, so it may run on old outputs), and where a cascade stopped and
// why. Pure: the runs are read elsewhere.
import { approversOf } from "../access/access";
import { workspaceUrl } from "../names";
import type { Topology } from "../topology";

/** A workspace's current run, as the API gives it. */
export interface CurrentRun {
  readonly id: string;
  readonly status: string;
  readonly createdAt: string;
  readonly appliedAt?: string;
  readonly source?: string;
  readonly triggerReason?: string;
  readonly confirmable: boolean;
}

/** What the organization has of one workspace of the stack. */
export interface LiveWorkspace {
  readonly id: string;
  readonly currentRun?: CurrentRun;
}

export interface WorkspaceStatus {
  readonly name: string;
  readonly layer: string;
  readonly cell?: string;
  /** The current run's status as TFC names it; null without a run, "missing" when the workspace does not exist. */
  readonly status: string | null;
  readonly since?: string;
  readonly queuedBy?: string;
  readonly link?: string;
  /** Upstreams that applied after this workspace's last run was queued. */
  readonly behind: readonly string[];
  /** Why its cascade stops here, when it does. */
  readonly stopped?: string;
}

export interface StatusDocument {
  readonly stack: string;
  readonly organization: string;
  readonly workspaces: readonly WorkspaceStatus[];
  readonly stopped: readonly { readonly name: string; readonly reason: string }[];
  /** Workspaces of the stack that do not exist in TFC yet (pulumi up has not created them). */
  readonly missing: readonly string[];
}

/** Statuses after which a run goes no further by itself. */
const WAITING = ["planned", "cost_estimated", "policy_checked", "policy_override"];
const IN_PROGRESS = [
  "pending",
  "fetching",
  "queuing",
  "plan_queued",
  "planning",
  "cost_estimating",
  "policy_checking",
  "apply_queued",
  "applying",
  "confirmed",
  "pre_plan_running",
  "post_plan_running",
  "pre_apply_running",
];

/** What queued a run, in a reader's words (the API's `source`; trigger sources are not named by it). */
function queuedBy(run: CurrentRun): string | undefined {
  const words: Record<string, string> = {
    "tfe-configuration-version": "a new configuration (VCS or CLI upload)",
    "tfe-ui": "the UI",
    "tfe-api": "the API",
    "tfe-run-trigger": "a run trigger",
  };
  const by = run.source ? (words[run.source] ?? run.source) : undefined;
  return by && run.triggerReason ? `${by} (${run.triggerReason})` : by;
}

/** Why a cascade stops at this run, or undefined while it goes on (or ended normally). */
function stopReason(run: CurrentRun, approvers: readonly string[]): string | undefined {
  if (run.status === "errored") return "errored: the run failed; fix the code or its inputs and start a new run";
  if (run.status === "policy_soft_failed")
    return "a policy failed: someone allowed to override it does, or fix the code";
  if (run.status === "discarded") return "discarded: nothing downstream was queued; start a new run when ready";
  if (run.status === "canceled" || run.status === "force_canceled")
    return `${run.status.replace("_", " ")}: nothing downstream was queued; start a new run`;
  if (WAITING.includes(run.status) && run.confirmable) {
    return `waiting for approval (${approvers.length ? `${approvers.join(", ")} or the organization's owners` : "only the organization's owners can approve"}): downstream runs queue once it applies`;
  }
  return undefined;
}

export function cascadeStatus(
  stack: string,
  topology: Topology,
  live: ReadonlyMap<string, LiveWorkspace>,
  hostname: string,
): StatusDocument {
  const byKey = topology.workspaceByKey;
  const workspaces = topology.workspaces.map((w): WorkspaceStatus => {
    const found = live.get(w.name);
    const base = { name: w.name, layer: w.layer, ...(w.cell ? { cell: w.cell.name } : {}) };
    if (!found) return { ...base, status: "missing", behind: [] };
    const run = found.currentRun;
    // An upstream that applied after this workspace's last run was queued: its trigger has not run here yet.
    const behind = w.upstreams.filter((u) => {
      const upRun = live.get(byKey.get(u)!.name)?.currentRun;
      return (
        upRun?.status === "applied" &&
        upRun.appliedAt !== undefined &&
        (run === undefined || run.createdAt < upRun.appliedAt)
      );
    });
    if (!run) return { ...base, status: null, behind: behind.map((u) => byKey.get(u)!.name) };
    const stopped = stopReason(run, approversOf(topology.access, w.key));
    const by = queuedBy(run);
    return {
      ...base,
      status: run.status,
      since: run.createdAt,
      ...(by ? { queuedBy: by } : {}),
      link: `${workspaceUrl(hostname, topology.organization, w.name)}/runs/${run.id}`,
      behind: behind.map((u) => byKey.get(u)!.name),
      ...(stopped ? { stopped } : {}),
    };
  });
  return {
    stack,
    organization: topology.organization,
    workspaces,
    stopped: workspaces.flatMap((w) => (w.stopped ? [{ name: w.name, reason: w.stopped }] : [])),
    missing: workspaces.filter((w) => w.status === "missing").map((w) => w.name),
  };
}

/** Whether a status means a run is still on its way. */
export const inProgress = (status: string | null) => status !== null && IN_PROGRESS.includes(status);

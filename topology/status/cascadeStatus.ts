// Where a cascade is, from the workspaces' current runs as TFC reports them: each workspace's run
// and what queued it, the runs queued behind it, whether it is behind an upstream (that upstream
// applied after this workspace's last run was queued, so it may run on old outputs), and where a
// cascade stopped and why. Pure: the runs are read elsewhere.
import { approversOf } from "../access/access";
import { workspaceUrl } from "../names";
import type { Topology } from "../topology";

/** A run of a workspace, as the API gives it. */
export interface Run {
  readonly id: string;
  readonly status: string;
  readonly createdAt: string;
  /** The API's status-timestamps: "<status, dashed>-at" for each status the run reached that TFC records. */
  readonly statusTimestamps: Readonly<Record<string, string>>;
  readonly source?: string;
  readonly triggerReason?: string;
  /** The API's actions.is-confirmable: the run waits for someone to confirm (apply) it. */
  readonly confirmable: boolean;
}

/** What the organization has of one workspace of the stack. */
export interface LiveWorkspace {
  readonly id: string;
  readonly locked?: boolean;
  readonly currentRun?: Run;
  /** Runs waiting behind the current one (status pending), oldest first; read only where they can be. */
  readonly queued?: readonly Run[];
}

/** A run queued behind a workspace's current run. */
export interface QueuedStatus {
  readonly status: string;
  readonly since: string;
  readonly queuedBy?: string;
  readonly link: string;
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
  /** Runs queued behind the current one, oldest first (TFC runs one run at a time per workspace). */
  readonly queued: readonly QueuedStatus[];
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

/**
 * Statuses after which a run holds nothing up: TFC starts the next pending run of an unlocked
 * workspace as soon as its current run reaches one, so only other statuses can have runs queued
 * behind them. A status TFC adds later counts as not finished (the queue is read).
 */
const FINISHED = [
  "applied",
  "planned_and_finished",
  "errored",
  "discarded",
  "canceled",
  "force_canceled",
  "policy_soft_failed",
];

/** Whether runs can be waiting behind this workspace's current run, so they are worth a request. */
export function mayHaveQueuedRuns(w: Pick<LiveWorkspace, "locked" | "currentRun">): boolean {
  if (w.locked) return true;
  return w.currentRun !== undefined && !FINISHED.includes(w.currentRun.status);
}

const time = (at: string) => Date.parse(at);

/**
 * When a run reached its current status: the status's own timestamp ("<status, dashed>-at"), or,
 * for a status TFC keeps no timestamp of (post_plan_awaiting_decision, fetching_completed, ...),
 * the latest one it keeps; a run that has none yet (pending) reached its status when it was created.
 */
export function reachedStatusAt(run: Pick<Run, "status" | "createdAt" | "statusTimestamps">): string {
  const own = run.statusTimestamps[`${run.status.replace(/_/g, "-")}-at`];
  if (own) return own;
  const recorded = Object.values(run.statusTimestamps).filter((at) => !Number.isNaN(time(at)));
  if (run.status === "pending" || recorded.length === 0) return run.createdAt;
  return recorded.reduce((latest, at) => (time(at) > time(latest) ? at : latest));
}

/** What queued a run, in a reader's words (the API's `source`; trigger sources are not named by it). */
function queuedBy(run: Run): string | undefined {
  const words: Record<string, string> = {
    "tfe-configuration-version": "a new configuration (VCS or CLI upload)",
    "tfe-ui": "the UI",
    "tfe-api": "the API",
    "tfe-run-trigger": "a run trigger",
  };
  const by = run.source ? (words[run.source] ?? run.source) : undefined;
  return by && run.triggerReason ? `${by} (${run.triggerReason})` : by;
}

/**
 * Why a cascade stops at this run, or undefined while it goes on (or ended normally). A run waits
 * for a person when TFC says it can be confirmed (actions.is-confirmable), whatever its status is
 * called: planned, cost_estimated, policy_checked, post_plan_completed, planned_and_saved, ...
 */
function stopReason(run: Run, approvers: readonly string[]): string | undefined {
  if (run.status === "errored") return "errored: the run failed; fix the code or its inputs and start a new run";
  if (run.status === "policy_soft_failed" || run.status === "policy_override")
    return "a policy failed: someone allowed to override it does, or fix the code";
  if (run.status === "discarded") return "discarded: nothing downstream was queued; start a new run when ready";
  if (run.status === "canceled" || run.status === "force_canceled")
    return `${run.status.replace("_", " ")}: nothing downstream was queued; start a new run`;
  if (run.confirmable) {
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
    if (!found) return { ...base, status: "missing", queued: [], behind: [] };
    const run = found.currentRun;
    const runLink = (r: Run) => `${workspaceUrl(hostname, topology.organization, w.name)}/runs/${r.id}`;
    const queued = (found.queued ?? []).map((q): QueuedStatus => {
      const by = queuedBy(q);
      return { status: q.status, since: reachedStatusAt(q), ...(by ? { queuedBy: by } : {}), link: runLink(q) };
    });
    // The last run queued here, current or waiting: an upstream that applied after it has not run here yet.
    const queuedAt = [...(run ? [run] : []), ...(found.queued ?? [])].map((r) => time(r.createdAt));
    const lastQueued = queuedAt.length ? Math.max(...queuedAt) : undefined;
    const behind = w.upstreams
      .filter((u) => {
        const upRun = live.get(byKey.get(u)!.name)?.currentRun;
        const appliedAt = upRun?.status === "applied" ? upRun.statusTimestamps["applied-at"] : undefined;
        return appliedAt !== undefined && (lastQueued === undefined || lastQueued < time(appliedAt));
      })
      .map((u) => byKey.get(u)!.name);
    if (!run) return { ...base, status: null, queued, behind };
    const stopped = stopReason(run, approversOf(topology.access, w.key));
    const by = queuedBy(run);
    return {
      ...base,
      status: run.status,
      since: reachedStatusAt(run),
      ...(by ? { queuedBy: by } : {}),
      link: runLink(run),
      queued,
      behind,
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

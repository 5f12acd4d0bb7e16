// The review of a change to one stack as one document: what `pulumi up` would add, change,
// replace and delete (destructive changes first), what happens to triggers, state access, the
// cascade and the contract, and a graph of the trigger edges with additions and removals marked.
// The text, markdown and JSON outputs all render it.
import type { ProgramRun } from "../offline/registrations";
import { type FlowchartLink, flowchart } from "../plan/mermaid";
import type { Topology } from "../topology/topology";
import { findHazards, type Hazard } from "./hazards";
import { renamesNotInPlace } from "./renames";
import { diffResources, isDestructive, matchResources, type ResourceChange } from "./resourceDiff";
import { diffSecurity, type SecurityChange } from "./security";
import { unsafeSteps } from "./steps";
import { diffTopologies, type Edge, renamedWorkspaces, type TopologyDiff } from "./topologyDiff";

/** One side of the comparison: what the program registered and the topology, if the stack exists there. */
export interface ReviewSide {
  readonly label: string;
  readonly topology?: Topology;
  readonly run?: ProgramRun;
}

/** An encrypted stack value added, removed or set again: all that can be said without decrypting. */
export interface SecretChange {
  readonly key: string;
  readonly change: "added" | "removed" | "set again";
}

export interface ReviewDocument extends TopologyDiff {
  readonly stack: string;
  readonly before: string;
  readonly after: string;
  readonly summary: {
    readonly add: number;
    readonly change: number;
    readonly replace: number;
    readonly delete: number;
    readonly destructive: number;
    readonly hazards: number;
  };
  /** Deletions and replacements, the ones that lose something first. */
  readonly destructive: Extract<ResourceChange, { kind: "delete" | "replace" }>[];
  /** Updates in place that break the next cascade or drop a safeguard unless something is done first. */
  readonly hazards: Hazard[];
  readonly resources: ResourceChange[];
  readonly secrets: SecretChange[];
  /** Files besides stack files that differ from the revision. */
  readonly programFiles: string[];
  /** Whether each side was planned with its own program (false when only documentation differs). */
  readonly ownPrograms: boolean;
  /** What the offline review cannot see (values from ESC environments). */
  readonly notes: string[];
  /** What pulumi up cannot do safely in one step, with the two steps that do it. */
  readonly steps: string[];
  /** Access, approvers, credential sets and identities: listed before ordinary changes. */
  readonly security: SecurityChange[];
  readonly mermaid: string;
  /** Whether nothing at all changes. */
  readonly empty: boolean;
}

/** Exit status of a review with destructive changes (0 without; 1 and 2 are errors and usage). */
export const DESTRUCTIVE_EXIT = 3;
/** Exit status of a review with hazards and nothing destructive. */
export const HAZARD_EXIT = 4;

/** What the review exits with: destructive first, then hazards, else 0. */
export const reviewExit = (review: ReviewDocument) =>
  review.summary.destructive > 0 ? DESTRUCTIVE_EXIT : review.summary.hazards > 0 ? HAZARD_EXIT : 0;

function graph(before: Topology | undefined, after: Topology | undefined, diff: TopologyDiff): string {
  const added = new Set(diff.triggersAdded.map((e) => `${e.upstream}\0${e.downstream}`));
  const renamed = renamedWorkspaces(after);
  const layers = new Map<string, string[]>();
  for (const topology of [after, before]) {
    for (const layer of topology?.layers ?? []) {
      const names = layers.get(layer.name) ?? [];
      for (const k of layer.workspaces) {
        const own = topology!.workspaceByKey.get(k)!.name;
        const name = topology === before ? (renamed.get(own) ?? own) : own;
        if (!names.includes(name)) names.push(name);
      }
      layers.set(layer.name, names);
    }
  }
  const current = after
    ? after.triggers.map((t) => ({
        upstream: after.workspaceByKey.get(t.upstream)!.name,
        downstream: after.workspaceByKey.get(t.downstream)!.name,
      }))
    : [];
  const link = (e: Edge, arrow: string, style?: string): FlowchartLink => ({
    from: e.upstream,
    to: e.downstream,
    arrow,
    ...(style ? { style } : {}),
  });
  const cellOf = new Map(
    [after, before].flatMap((t) =>
      (t?.workspaces ?? []).flatMap((w) => (w.cell ? [[w.name, w.cell.name] as const] : [])),
    ),
  );
  return flowchart(
    [...layers].map(([name, workspaces]) => ({ name, workspaces, cellOf })),
    [
      ...current.map((e) =>
        added.has(`${e.upstream}\0${e.downstream}`)
          ? link(e, '==>|"added"|', "stroke:#2da44e,stroke-width:3px")
          : link(e, "-->"),
      ),
      ...diff.triggersRemoved.map((e) => link(e, '-.->|"removed"|', "stroke:#cf222e,stroke-dasharray:4")),
    ],
  );
}

/** Compares two sides of one stack. */
export function buildReview(
  stack: string,
  before: ReviewSide,
  after: ReviewSide,
  secrets: SecretChange[] = [],
  programFiles: string[] = [],
  notes: string[] = [],
  ownPrograms = false,
): ReviewDocument {
  const match = matchResources(before.run?.resources ?? [], after.run?.resources ?? []);
  const resources = diffResources(before.run?.resources ?? [], after.run?.resources ?? [], match);
  const hazards = findHazards(match, before.topology, after.topology);
  const topologyDiff = diffTopologies(before.topology, after.topology);
  const destructive = resources.filter(isDestructive).sort((a, b) => Number(!a.loses) - Number(!b.loses));
  const count = (kind: ResourceChange["kind"]) => resources.filter((r) => r.kind === kind).length;
  const { triggersAdded, triggersRemoved, grantsAdded, grantsRemoved, cascade, contract } = topologyDiff;
  const security = diffSecurity(before.topology, after.topology);
  return {
    stack,
    before: before.label,
    after: after.label,
    summary: {
      add: count("add"),
      change: count("update"),
      replace: count("replace"),
      delete: count("delete"),
      destructive: destructive.length,
      hazards: hazards.length,
    },
    destructive,
    hazards,
    resources,
    secrets,
    programFiles,
    ownPrograms,
    notes,
    steps: [...renamesNotInPlace(before.topology, after.topology), ...unsafeSteps(before.topology, after.topology)],
    security,
    ...topologyDiff,
    mermaid: graph(before.topology, after.topology, topologyDiff),
    empty:
      resources.length +
        hazards.length +
        secrets.length +
        security.length +
        triggersAdded.length +
        triggersRemoved.length +
        grantsAdded.length +
        grantsRemoved.length +
        cascade.length +
        contract.length ===
      0,
  };
}

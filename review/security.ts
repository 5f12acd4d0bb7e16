// The part of a review that is about security: team access, who approves, which workspaces take
// which credential set, and which identity their runs assume. Listed before ordinary changes;
// widened access, a new approver and runs that stop waiting are flagged (the JSON carries the
// flag for a CI rule).
import { accessText, approversOf, widenedPermissions } from "../topology/access/access";
import type { Access } from "../topology/access/accessConfig";
import type { Topology } from "../topology/topology";

export interface SecurityChange {
  readonly what: "team access" | "approvers" | "credential sets" | "identity";
  readonly workspace: string;
  readonly change: string;
  /** Set when the change gives someone more than before. */
  readonly flag?: "widened" | "new approver";
}

/** Team access by team, then by workspace name. */
function accessOf(t: Topology | undefined): Map<string, Map<string, Access>> {
  const byTeam = new Map<string, Map<string, Access>>();
  for (const g of t?.access ?? []) {
    byTeam.set(g.team, new Map(g.workspaces.map((w) => [t!.workspaceByKey.get(w.key)!.name, w.access])));
  }
  return byTeam;
}

/** Approvers of each waiting workspace, by name; a workspace that auto-applies is absent. */
function approvalsOf(t: Topology | undefined): Map<string, string[]> {
  return new Map((t?.workspaces ?? []).filter((w) => !w.autoApply).map((w) => [w.name, approversOf(t!.access, w.key)]));
}

function setsOf(t: Topology | undefined): Map<string, string[]> {
  const sets = t?.credentialSets.setsByWorkspace;
  return new Map((t?.workspaces ?? []).map((w) => [w.name, [...(sets?.get(w.key) ?? [])]]));
}

/** `<cloud> <phase>` to identity, per workspace name. */
function identitiesOf(t: Topology | undefined): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const i of t?.credentialSets.trusted ?? []) {
    for (const use of i.uses) {
      const own = out.get(use.workspace) ?? new Map<string, string>();
      for (const phase of use.phases) own.set(`${i.cloud} ${phase}`, i.identity);
      out.set(use.workspace, own);
    }
  }
  return out;
}

const union = <T>(a: Iterable<T>, b: Iterable<T>) => [...new Set([...a, ...b])].sort();

export function diffSecurity(before: Topology | undefined, after: Topology | undefined): SecurityChange[] {
  const changes: SecurityChange[] = [];
  const [accessBefore, accessAfter] = [accessOf(before), accessOf(after)];
  for (const team of union(accessBefore.keys(), accessAfter.keys())) {
    const was = accessBefore.get(team) ?? new Map();
    const now = accessAfter.get(team) ?? new Map();
    for (const workspace of union(was.keys(), now.keys())) {
      const [a, b] = [was.get(workspace), now.get(workspace)];
      if (b === undefined) changes.push({ what: "team access", workspace, change: `${team} loses ${accessText(a!)}` });
      else if (a === undefined || accessText(a) !== accessText(b)) {
        const widened = widenedPermissions(a, b);
        changes.push({
          what: "team access",
          workspace,
          change:
            a === undefined
              ? `${team} gets ${accessText(b)}`
              : `${team}: ${accessText(a)} -> ${accessText(b)}${widened.length ? ` (${widened.join(", ")})` : ""}`,
          ...(widened.length ? { flag: "widened" as const } : {}),
        });
      }
    }
  }
  const [approvalsBefore, approvalsAfter] = [approvalsOf(before), approvalsOf(after)];
  for (const workspace of union(approvalsBefore.keys(), approvalsAfter.keys())) {
    const [a, b] = [approvalsBefore.get(workspace), approvalsAfter.get(workspace)];
    if (b === undefined) {
      // Only a workspace that exists on both sides stops waiting; a removed one is just gone.
      if (after?.workspaces.some((w) => w.name === workspace)) {
        changes.push({ what: "approvers", workspace, change: "its runs no longer wait for approval", flag: "widened" });
      }
      continue;
    }
    if (a === undefined) {
      if (before?.workspaces.some((w) => w.name === workspace)) {
        changes.push({ what: "approvers", workspace, change: "its runs now wait for approval" });
      }
      for (const team of b)
        changes.push({ what: "approvers", workspace, change: `${team} can approve`, flag: "new approver" });
      continue;
    }
    for (const team of b.filter((t) => !a.includes(t))) {
      changes.push({ what: "approvers", workspace, change: `${team} can now approve`, flag: "new approver" });
    }
    for (const team of a.filter((t) => !b.includes(t))) {
      changes.push({
        what: "approvers",
        workspace,
        change: `${team} can no longer approve${b.length ? "" : ": only the organization's owners can"}`,
      });
    }
  }
  const [setsBefore, setsAfter] = [setsOf(before), setsOf(after)];
  for (const workspace of union(setsBefore.keys(), setsAfter.keys())) {
    if (!setsBefore.has(workspace) || !setsAfter.has(workspace)) continue;
    const [a, b] = [setsBefore.get(workspace)!, setsAfter.get(workspace)!];
    for (const set of b.filter((s) => !a.includes(s))) {
      changes.push({ what: "credential sets", workspace, change: `takes ${set}`, flag: "widened" });
    }
    for (const set of a.filter((s) => !b.includes(s)))
      changes.push({ what: "credential sets", workspace, change: `no longer takes ${set}` });
  }
  const [idsBefore, idsAfter] = [identitiesOf(before), identitiesOf(after)];
  for (const workspace of union(idsBefore.keys(), idsAfter.keys())) {
    if (!setsBefore.has(workspace) || !setsAfter.has(workspace)) continue;
    const [a, b] = [idsBefore.get(workspace) ?? new Map(), idsAfter.get(workspace) ?? new Map()];
    for (const use of union(a.keys(), b.keys())) {
      const [x, y] = [a.get(use), b.get(use)];
      if (x === y) continue;
      changes.push({
        what: "identity",
        workspace,
        change: `${use} runs assume ${y ?? "no identity"}${x ? ` instead of ${x}` : ""}`,
        ...(y !== undefined ? { flag: "widened" as const } : {}),
      });
    }
  }
  return changes;
}

/** One line per change, flagged ones marked. */
export function securityLines(changes: readonly SecurityChange[]): string[] {
  return changes.map((c) => `${c.flag ? `[${c.flag}] ` : ""}${c.what}, ${c.workspace}: ${c.change}`);
}

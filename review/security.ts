// The part of a review that is about security: team access, who approves, which workspaces take
// which credential set, which identity their runs assume, and which trust the clouds must gain
// first. Listed before ordinary changes; widened access, a new approver and trust to apply first
// are flagged (the JSON carries the flag for a CI rule). Workspaces are compared by identity, not
// by TFC name: a renamed workspace keeps its access.

import { accessText, approversOf, widenedPermissions } from "../topology/access/access";
import type { Access } from "../topology/access/accessConfig";
import { waitsForApproval } from "../topology/autoApply/autoApply";
import type { Topology } from "../topology/topology";
import { workspaceIdentities } from "./workspaceIdentity";

export interface SecurityChange {
  readonly what: "trust" | "team access" | "approvers" | "credential sets" | "identity";
  /** The workspace's TFC name (its current one); for trust, the cloud and the identity. */
  readonly workspace: string;
  readonly change: string;
  /**
   * Set when the change gives someone more than before, or when the clouds' trust must change
   * before pulumi up. Runs that stop waiting for approval are a hazard of the review, not listed here.
   */
  readonly flag?: "widened" | "new approver" | "apply trust first";
}

/** What to do before pulumi up when an identity must trust new subjects. */
export const APPLY_TRUST_FIRST = "run npm run scaffold and apply the new trust documents before pulumi up";

/** Per `<cloud> <identity>`, the subjects the new side's runs present that the old side's trust does not name. */
export function newTrustSubjects(before: Topology | undefined, after: Topology | undefined): Map<string, string[]> {
  const trusted = (t: Topology | undefined) =>
    new Map((t?.credentialSets.trusted ?? []).map((i) => [`${i.cloud} ${i.identity}`, i.subjects]));
  const was = trusted(before);
  const out = new Map<string, string[]>();
  for (const [identity, subjects] of trusted(after)) {
    const known = new Set(was.get(identity) ?? []);
    const added = subjects.filter((s) => !known.has(s));
    if (added.length) out.set(identity, added);
  }
  return out;
}

/** Team access by team, then by workspace identity. */
function accessOf(t: Topology | undefined, identity: (key: string) => string): Map<string, Map<string, Access>> {
  const byTeam = new Map<string, Map<string, Access>>();
  for (const g of t?.access ?? []) byTeam.set(g.team, new Map(g.workspaces.map((w) => [identity(w.key), w.access])));
  return byTeam;
}

/** Approvers of each waiting workspace, by identity; a workspace that auto-applies is absent. */
function approvalsOf(t: Topology | undefined, identity: (key: string) => string): Map<string, string[]> {
  return new Map(
    (t?.workspaces ?? []).filter(waitsForApproval).map((w) => [identity(w.key), approversOf(t!.access, w.key)]),
  );
}

function setsOf(t: Topology | undefined, identity: (key: string) => string): Map<string, string[]> {
  const sets = t?.credentialSets.setsByWorkspace;
  return new Map((t?.workspaces ?? []).map((w) => [identity(w.key), [...(sets?.get(w.key) ?? [])]]));
}

/** `<cloud> <phase>` to identity, per workspace identity (the trust names workspaces by TFC name). */
function identitiesOf(
  t: Topology | undefined,
  identity: (name: string) => string | undefined,
): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const i of t?.credentialSets.trusted ?? []) {
    for (const use of i.uses) {
      const workspace = identity(use.workspace) ?? use.workspace;
      const own = out.get(workspace) ?? new Map<string, string>();
      for (const phase of use.phases) own.set(`${i.cloud} ${phase}`, i.identity);
      out.set(workspace, own);
    }
  }
  return out;
}

const union = <T>(a: Iterable<T>, b: Iterable<T>) => [...new Set([...a, ...b])].sort();

/** The trust each identity must gain before pulumi up, first: until then every run that uses it fails. */
function trustChanges(before: Topology | undefined, after: Topology | undefined): SecurityChange[] {
  if (!before) return [];
  return [...newTrustSubjects(before, after)].map(([identity, subjects]) => ({
    what: "trust",
    workspace: identity,
    change: `${subjects.length === 1 ? "a new subject" : `${subjects.length} new subjects`} its deployed trust does not name (see the hazards): ${APPLY_TRUST_FIRST}`,
    flag: "apply trust first",
  }));
}

export function diffSecurity(before: Topology | undefined, after: Topology | undefined): SecurityChange[] {
  const ids = workspaceIdentities(before, after);
  const own = (key: string) => key;
  const changes: SecurityChange[] = trustChanges(before, after);
  const [accessBefore, accessAfter] = [accessOf(before, ids.beforeKey), accessOf(after, own)];
  for (const team of union(accessBefore.keys(), accessAfter.keys())) {
    const was = accessBefore.get(team) ?? new Map();
    const now = accessAfter.get(team) ?? new Map();
    for (const id of union(was.keys(), now.keys())) {
      const workspace = ids.shown(id);
      const [a, b] = [was.get(id), now.get(id)];
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
  const [approvalsBefore, approvalsAfter] = [approvalsOf(before, ids.beforeKey), approvalsOf(after, own)];
  for (const id of union(approvalsBefore.keys(), approvalsAfter.keys())) {
    const workspace = ids.shown(id);
    const [a, b] = [approvalsBefore.get(id), approvalsAfter.get(id)];
    // Runs that stop waiting are a hazard (listed there, with who approved them); a removed workspace is just gone.
    if (b === undefined) continue;
    if (a === undefined) {
      if (ids.onBoth(id)) changes.push({ what: "approvers", workspace, change: "its runs now wait for approval" });
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
  const [setsBefore, setsAfter] = [setsOf(before, ids.beforeKey), setsOf(after, own)];
  for (const id of union(setsBefore.keys(), setsAfter.keys())) {
    if (!setsBefore.has(id) || !setsAfter.has(id)) continue;
    const workspace = ids.shown(id);
    const [a, b] = [setsBefore.get(id)!, setsAfter.get(id)!];
    for (const set of b.filter((s) => !a.includes(s))) {
      changes.push({ what: "credential sets", workspace, change: `takes ${set}`, flag: "widened" });
    }
    for (const set of a.filter((s) => !b.includes(s)))
      changes.push({ what: "credential sets", workspace, change: `no longer takes ${set}` });
  }
  const [idsBefore, idsAfter] = [identitiesOf(before, ids.beforeName), identitiesOf(after, ids.afterName)];
  for (const id of union(idsBefore.keys(), idsAfter.keys())) {
    if (!setsBefore.has(id) || !setsAfter.has(id)) continue;
    const workspace = ids.shown(id);
    const [a, b] = [idsBefore.get(id) ?? new Map(), idsAfter.get(id) ?? new Map()];
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

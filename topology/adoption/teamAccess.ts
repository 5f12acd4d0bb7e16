// Team access as `tfc-layers:teams`: one entry per team and layer where the layer's workspaces
// share one access; a layer whose workspaces differ is refused.
import type { Organization, OrgWorkspace } from "./organization";
import { refuse, uniform } from "./refusal";

export function inferTeams(
  org: Organization,
  groups: ReadonlyMap<string, readonly OrgWorkspace[]>,
): Record<string, Record<string, unknown>> {
  const teams: Record<string, Record<string, unknown>> = {};
  for (const team of [...new Set(org.teamAccess.map((t) => t.teamName ?? t.teamId))].sort()) {
    // Grants on workspaces outside the selection match no layer's workspace below.
    const grants = org.teamAccess.filter((t) => (t.teamName ?? t.teamId) === team);
    for (const [layer, members] of groups) {
      const access = members.map((w) => grants.find((g) => g.workspaceId === w.id));
      if (access.every((a) => a === undefined)) continue;
      const shared = uniform(access.map((a) => (a ? (a.permissions ?? a.access) : undefined)));
      if (shared === undefined) {
        refuse(
          `team ${team} has different access to the workspaces of layer ${layer} (${members.map((w, i) => `${w.name}: ${access[i]?.access ?? "none"}`).join(", ")}): give them one access in TFC, or different layers with --layers <file>`,
        );
      }
      teams[team] = { ...(teams[team] ?? {}), [layer]: shared };
    }
  }
  return teams;
}

// The stack file that reproduces an existing organization: layers inferred from the run-trigger
// graph and the names, the names themselves (a template where one fits, else each kept as it is),
// external upstreams, code source, versions, execution modes, credentials and teams. Pure: it
// says what it inferred and why, and refuses with one line what it cannot reproduce.
import { STATIC_PRIORITY_FIELD } from "../credentials/credentialsConfig";
import { dependencyOrder } from "../graph";
import { collapseAutoApply } from "./behaviour";
import type { Organization, OrgWorkspace } from "./organization";

/** What adoption cannot reproduce, in one line. */
export class AdoptionError extends Error {}

export interface Adoption {
  /** The stack file's config, as written in YAML. */
  readonly config: Record<string, unknown>;
  /** What was inferred and why, one line each. */
  readonly inferred: string[];
  /** The secret values the user must set, as `pulumi config set --secret` lines (values never shown). */
  readonly secretLines: string[];
  /** Workspace key (as written in the stack file) by TFC workspace id. */
  readonly keyOf: ReadonlyMap<string, string>;
  /** Credential set name by variable set id. */
  readonly setOf: ReadonlyMap<string, string>;
}

export interface AdoptOptions {
  readonly stack: string;
  /** Layer by TFC workspace name, where names and triggers cannot tell (--layers). */
  readonly layers?: Readonly<Record<string, string>>;
  /** The TFC or Terraform Enterprise host, when it is not app.terraform.io. */
  readonly hostname?: string;
}

const fail = (message: string): never => {
  throw new AdoptionError(message);
};
const uniform = <T>(values: readonly T[]): T | undefined => {
  const seen = new Set(values.map((v) => JSON.stringify(v)));
  return seen.size === 1 ? values[0] : undefined;
};
const SET_NAME = /[^A-Za-z0-9_-]+/g;

/** The cycle through the triggers, as names, or undefined. */
function findCycle(
  ids: readonly string[],
  upstreamsOf: (id: string) => readonly string[],
  name: (id: string) => string,
) {
  const state = new Map<string, 1 | 2>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 2) return undefined;
    // The path follows "depends on"; shown the way the triggers fire.
    if (state.get(id) === 1) return [...path.slice(path.indexOf(id)), id].map(name).reverse();
    state.set(id, 1);
    path.push(id);
    for (const u of upstreamsOf(id)) {
      const found = visit(u);
      if (found) return found;
    }
    path.pop();
    state.set(id, 2);
    return undefined;
  };
  for (const id of ids) {
    const found = visit(id);
    if (found) return found;
  }
  return undefined;
}

export function inferStack(org: Organization, options: AdoptOptions): Adoption {
  const inferred: string[] = [];
  const byId = new Map(org.workspaces.map((w) => [w.id, w]));
  if (org.workspaces.length === 0) fail("the selection holds no workspace: widen --workspaces or --project");
  const upstreamsOf = new Map<string, string[]>(org.workspaces.map((w) => [w.id, []]));
  const external = new Map<string, string>(); // external workspace id -> name
  for (const t of org.runTriggers) {
    if (!byId.has(t.workspaceId)) continue; // a trigger into a workspace outside the selection is not ours
    upstreamsOf.get(t.workspaceId)!.push(t.sourceId);
    if (!byId.has(t.sourceId)) external.set(t.sourceId, t.sourceName ?? "");
  }
  const name = (id: string) => byId.get(id)?.name ?? id;
  const cycle = findCycle(
    org.workspaces.map((w) => w.id),
    (id) => (upstreamsOf.get(id) ?? []).filter((u) => byId.has(u)),
    name,
  );
  if (cycle) {
    fail(
      `the existing run triggers form a cycle, ${cycle.join(" -> ")} (TFC let it exist): delete one of its triggers in TFC, then adopt`,
    );
  }

  for (const named of Object.keys(options.layers ?? {})) {
    if (!org.workspaces.some((w) => w.name === named)) {
      fail(`--layers names ${named}, which is not a workspace of the selection: use the workspaces' TFC names`);
    }
  }
  // Layers: the --layers mapping, else the name up to its first "-" (network-a: network).
  const layerOf = new Map<string, string>();
  for (const w of org.workspaces) {
    const given = options.layers?.[w.name];
    layerOf.set(w.id, given ?? w.name.split("-")[0]);
  }
  const groups = new Map<string, OrgWorkspace[]>();
  for (const w of org.workspaces) groups.set(layerOf.get(w.id)!, [...(groups.get(layerOf.get(w.id)!) ?? []), w]);
  for (const w of org.workspaces) {
    for (const u of upstreamsOf.get(w.id)!) {
      if (byId.has(u) && layerOf.get(u) === layerOf.get(w.id)) {
        fail(
          `workspaces ${name(u)} and ${w.name} would both be in layer ${layerOf.get(w.id)} though a run trigger links them: give them different layers with --layers <file> ({"${w.name}": "<layer>"})`,
        );
      }
    }
  }
  const layerDeps = (layer: string) =>
    [
      ...new Set(
        groups.get(layer)!.flatMap((w) =>
          upstreamsOf
            .get(w.id)!
            .filter((u) => byId.has(u))
            .map((u) => layerOf.get(u)!),
        ),
      ),
    ].sort();
  const layerCycle = findCycle([...groups.keys()], layerDeps, (l) => l);
  if (layerCycle) {
    fail(
      `the layers inferred from the names depend on each other in a cycle, ${layerCycle.join(" -> ")}: give a mapping with --layers <file> ({"<workspace>": "<layer>"})`,
    );
  }
  inferred.push(
    `layers from the names (up to the first "-")${options.layers ? " and --layers" : ""}, dependsOn from the run triggers: ${[
      ...groups.keys(),
    ]
      .map(
        (l) =>
          `${l} (${groups
            .get(l)!
            .map((w) => w.name)
            .join(", ")})`,
      )
      .join(", ")}`,
  );

  // Names: the default template when every name ends in -<stack>, else each name kept as it is.
  const suffix = `-${options.stack}`;
  const templated = org.workspaces.every((w) => w.name.endsWith(suffix) && w.name.length > suffix.length);
  const rest = new Map(org.workspaces.map((w) => [w.id, templated ? w.name.slice(0, -suffix.length) : w.name]));
  // Cells: workspaces named <workspace>-<cell> beside siblings of other cells (network-eu, network-us).
  const baseOf = (r: string) => (r.includes("-") ? r.slice(0, r.lastIndexOf("-")) : undefined);
  const siblings = new Map<string, string[]>();
  for (const r of rest.values()) {
    const base = baseOf(r);
    if (base !== undefined) siblings.set(base, [...(siblings.get(base) ?? []), r.slice(base.length + 1)]);
  }
  const cellNames = templated
    ? [...new Set([...siblings.values()].filter((cells) => cells.length > 1).flat())].sort()
    : [];
  const cellOf = new Map<string, string>();
  for (const w of org.workspaces) {
    const r = rest.get(w.id)!;
    const base = baseOf(r);
    if (base !== undefined && (siblings.get(base)?.length ?? 0) > 1 && cellNames.includes(r.slice(base.length + 1))) {
      cellOf.set(w.id, r.slice(base.length + 1));
    }
  }
  const keyOf = new Map(
    org.workspaces.map((w) => {
      const r = rest.get(w.id)!;
      const cell = cellOf.get(w.id);
      return [w.id, cell === undefined ? r : r.slice(0, -(cell.length + 1))];
    }),
  );
  inferred.push(
    templated
      ? `names: every workspace name ends in ${suffix}, so the default template {workspace}-{cell}-{environment} gives them`
      : `names: ${org.workspaces
          .filter((w) => !w.name.endsWith(suffix))
          .map((w) => w.name)
          .join(
            ", ",
          )} do not end in ${suffix}, so no template gives them: each workspace keeps its TFC name as tfcName`,
  );
  if (cellNames.length) {
    inferred.push(
      `cells ${cellNames.join(", ")}: workspaces named <workspace>-<cell>-${options.stack} beside the same workspace of another cell`,
    );
  }

  // External upstreams: one layer for every workspace outside the selection that triggers one inside.
  if (external.size) {
    const unnamed = [...external.keys()].filter((id) => external.get(id) === "");
    if (unnamed.length) {
      fail(
        `run triggers come from ${unnamed.join(", ")}, which the source holds no workspace for: add those workspaces to the state, or adopt from the API, which names them`,
      );
    }
    inferred.push(
      `external upstreams: ${[...external.values()].join(", ")} (outside the selection) as the external layer upstream`,
    );
  }

  // Settings every workspace of the stack shares, else per layer or per workspace.
  const all = org.workspaces;
  const project = uniform(all.map((w) => w.projectId));
  if (all.some((w) => w.projectId) && project === undefined) {
    fail(
      `the workspaces are in different projects (${[...new Set(all.map((w) => w.projectId ?? "none"))].join(", ")}): one stack puts its workspaces in one project; adopt each project with --project`,
    );
  }
  const vcs = uniform(all.map((w) => (w.vcs ? { ...w.vcs, identifier: w.vcs.identifier } : undefined)));
  if (all.some((w) => w.vcs) && vcs === undefined) {
    fail(
      "the workspaces plan from different repositories or branches: a stack has one code source; adopt the workspaces of one repository and branch at a time",
    );
  }
  const version = uniform(all.map((w) => w.terraformVersion));
  // Who waits for approval, kept per workspace: the stack's values, and a layer's own where it differs.
  const autoApply = collapseAutoApply([...groups].map(([layer, workspaces]) => ({ layer, workspaces })));
  const ownChoices = [...autoApply.layers].filter(([, fields]) => Object.keys(fields).length > 0);
  inferred.push(
    [
      `autoApply ${autoApply.stack.autoApply}, autoApplyRunTrigger ${autoApply.stack.autoApplyRunTrigger ?? autoApply.stack.autoApply}, as the workspaces have them`,
      ...ownChoices.map(
        ([layer, fields]) =>
          `layer ${layer}: ${Object.entries(fields)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")}`,
      ),
      ...(autoApply.allowLayerAutoApply
        ? ["allowLayerAutoApply: a layer applies by itself where the stack waits"]
        : []),
    ].join("; "),
  );

  const layers = dependencyOrder([...groups.keys()], layerDeps).map((layer) => {
    const members = groups.get(layer)!;
    const deps = layerDeps(layer);
    const externalHere = [...new Set(members.flatMap((w) => upstreamsOf.get(w.id)!.filter((u) => !byId.has(u))))];
    const depWorkspaces = org.workspaces.filter((w) => deps.includes(layerOf.get(w.id)!)).map((w) => w.id);
    const mode = uniform(members.map((w) => w.executionMode));
    if (mode === undefined) {
      fail(
        `layer ${layer} mixes execution modes (${members.map((w) => `${w.name}: ${w.executionMode}`).join(", ")}): give its workspaces different layers with --layers <file>`,
      );
    }
    const celled = members.filter((w) => cellOf.has(w.id));
    if (celled.length && celled.length !== members.length) {
      fail(
        `layer ${layer} has workspaces of cells (${celled.map((w) => w.name).join(", ")}) and global ones (${members
          .filter((w) => !cellOf.has(w.id))
          .map((w) => w.name)
          .join(", ")}): give them different layers with --layers <file>`,
      );
    }
    const layerCells = [...new Set(celled.map((w) => cellOf.get(w.id)!))].sort();
    // One entry per workspace as written: a cell workspace stands for all its cells.
    const written = [...new Map(members.map((w) => [keyOf.get(w.id)!, w])).values()];
    const entries = written.map((w) => {
      const key = keyOf.get(w.id)!;
      const stamps = members.filter((m) => keyOf.get(m.id) === key);
      const differing = (what: string, of: (m: OrgWorkspace) => unknown) => {
        if (uniform(stamps.map(of)) === undefined && stamps.length > 1) {
          fail(
            `workspace ${key} has a different ${what} in each cell (${stamps.map((m) => `${m.name}: ${JSON.stringify(of(m) ?? null)}`).join(", ")}): give them one in TFC first`,
          );
        }
      };
      differing("working directory", (m) => m.workingDirectory);
      differing("Terraform version", (m) => m.terraformVersion);
      // As written, over every cell: what its layer's dependencies give, unless narrower.
      const own = [
        ...new Set(stamps.flatMap((m) => upstreamsOf.get(m.id)!.map((u) => keyOf.get(u) ?? external.get(u)!))),
      ].sort();
      const wide = [
        ...new Set([...depWorkspaces.map((u) => keyOf.get(u)!), ...externalHere.map((u) => external.get(u)!)]),
      ];
      const narrowed = own.length !== wide.length;
      const directory = w.workingDirectory === "" ? "." : w.workingDirectory;
      const entry: Record<string, unknown> = {
        name: key,
        ...(templated ? {} : { tfcName: w.name }),
        ...(directory !== `${layer}/${key}` ? { directory } : {}),
        ...(version === undefined && w.terraformVersion ? { terraformVersion: w.terraformVersion } : {}),
        ...(narrowed ? { upstreams: own } : {}),
      };
      return Object.keys(entry).length === 1 ? key : entry;
    });
    return {
      name: layer,
      workspaces: entries,
      ...(deps.length || externalHere.length
        ? { dependsOn: [...deps, ...(externalHere.length ? ["upstream"] : [])] }
        : {}),
      ...(layerCells.length ? { cells: layerCells.length === cellNames.length ? "all" : layerCells } : {}),
      ...autoApply.layers.get(layer),
      ...(mode !== "remote" ? { executionMode: mode } : {}),
      ...(mode === "agent" ? { agentPoolId: uniform(members.map((w) => w.agentPoolId)) } : {}),
    };
  });

  // Credentials: each variable set attached to workspaces (or their project) becomes a static set.
  const setOf = new Map<string, string>();
  const secretLines: string[] = [];
  const staticSets: Record<string, Record<string, unknown>> = {};
  const setsOfLayer = new Map<string, string[]>();
  for (const set of org.variableSets) {
    const attached = new Set(set.projectIds.includes(project ?? "\0") ? all.map((w) => w.id) : set.workspaceIds);
    const reached = all.filter((w) => attached.has(w.id));
    if (set.global || reached.length === 0) {
      inferred.push(
        `variable set ${set.name}: ${set.global ? "global" : "attached to no adopted workspace"}, left as it is`,
      );
      continue;
    }
    const setName = set.name.replace(SET_NAME, "-");
    setOf.set(set.id, setName);
    for (const [layer, members] of groups) {
      const taking = members.filter((w) => attached.has(w.id));
      if (taking.length === 0) continue;
      if (taking.length !== members.length) {
        fail(
          `variable set ${set.name} is attached to ${taking.map((w) => w.name).join(", ")} but not to ${members
            .filter((w) => !attached.has(w.id))
            .map((w) => w.name)
            .join(
              ", ",
            )} of layer ${layer}: a layer takes a credential set as a whole; attach it to all of them in TFC, or give them different layers with --layers <file>`,
        );
      }
      setsOfLayer.set(layer, [...(setsOfLayer.get(layer) ?? []), setName]);
    }
    // The values are never read: the file marks where they go, the user sets them.
    staticSets[setName] = {
      ...Object.fromEntries(set.variables.map((v) => [v.key, { secure: "" }])),
      // Without priority a workspace's own variables win today: keep it so.
      ...(set.priority ? {} : { [STATIC_PRIORITY_FIELD]: false }),
    };
    for (const v of set.variables) {
      secretLines.push(
        `pulumi config set --secret --path 'tfc-layers:staticCredentials.${setName}.${v.key}' ${v.sensitive ? "<its value>" : JSON.stringify(v.value ?? "")}`,
      );
    }
    inferred.push(
      `variable set ${set.name}: credential set ${setName} (${set.variables.map((v) => v.key).join(", ")}), values to be set${set.priority ? "" : "; priority false, as today: a workspace's own variables win"}`,
    );
  }

  const notifications = org.notifications.filter((n) => byId.has(n.workspaceId));
  if (notifications.length) {
    inferred.push(
      `notification configurations: ${notifications.map((n) => `${n.name} on ${name(n.workspaceId)}`).join(", ")} left as they are (the program manages only its approval webhook)`,
    );
  }
  // Teams: one entry per team and layer where the layer's workspaces share one access.
  const teams: Record<string, Record<string, unknown>> = {};
  for (const team of [...new Set(org.teamAccess.map((t) => t.teamName ?? t.teamId))].sort()) {
    const grants = org.teamAccess.filter((t) => (t.teamName ?? t.teamId) === team && byId.has(t.workspaceId));
    for (const [layer, members] of groups) {
      const access = members.map((w) => grants.find((g) => g.workspaceId === w.id));
      if (access.every((a) => a === undefined)) continue;
      const shared = uniform(access.map((a) => (a ? (a.permissions ?? a.access) : undefined)));
      if (shared === undefined) {
        fail(
          `team ${team} has different access to the workspaces of layer ${layer} (${members.map((w, i) => `${w.name}: ${access[i]?.access ?? "none"}`).join(", ")}): give them one access in TFC, or different layers with --layers <file>`,
        );
      }
      teams[team] = { ...(teams[team] ?? {}), [layer]: shared };
    }
  }

  // Workspaces that plan one directory today keep doing so: the program would refuse it unless allowed.
  const directories = all.map((w) => w.workingDirectory);
  const sharedDirectories = new Set(directories).size < directories.length;
  if (sharedDirectories) inferred.push("allowSharedDirectories: some workspaces plan the same working directory today");
  const layersWithSets = layers.map((l) =>
    setsOfLayer.get(l.name) ? { ...l, credentials: setsOfLayer.get(l.name) } : l,
  );
  const config: Record<string, unknown> = {
    "tfe:organization": org.name,
    ...(options.hostname ? { "tfe:hostname": options.hostname } : {}),
    "tfc-layers:environment": options.stack,
    "tfc-layers:autoApply": autoApply.stack.autoApply,
    ...(autoApply.stack.autoApplyRunTrigger !== undefined
      ? { "tfc-layers:autoApplyRunTrigger": autoApply.stack.autoApplyRunTrigger }
      : {}),
    ...(autoApply.allowLayerAutoApply ? { "tfc-layers:allowLayerAutoApply": true } : {}),
    ...(project ? { "tfc-layers:project": { id: project } } : {}),
    ...(vcs
      ? {
          "tfc-layers:vcs": {
            repository: vcs.identifier,
            ...(vcs.branch ? { branch: vcs.branch } : {}),
            ...(vcs.oauthTokenId ? { oauthTokenId: vcs.oauthTokenId } : {}),
            ...(vcs.githubAppInstallationId ? { githubAppInstallationId: vcs.githubAppInstallationId } : {}),
          },
        }
      : {}),
    ...(version ? { "tfc-layers:terraformVersion": version } : {}),
    ...(cellNames.length ? { "tfc-layers:cells": cellNames.map((name) => ({ name })) } : {}),
    ...(sharedDirectories ? { "tfc-layers:allowSharedDirectories": true } : {}),
    ...(external.size ? { "tfc-layers:external": { upstream: { workspaces: [...external.values()].sort() } } } : {}),
    ...(Object.keys(teams).length ? { "tfc-layers:teams": teams } : {}),
    ...(Object.keys(staticSets).length ? { "tfc-layers:staticCredentials": staticSets } : {}),
    "tfc-layers:layers": layersWithSets,
    // Applied long before the program: with the lifecycle on, no run is started in them.
    "tfc-layers:adopted": [...new Set(keyOf.values())].sort(),
  };
  return { config, inferred, secretLines, keyOf, setOf };
}

// The stack file that reproduces an existing organization: layers inferred from the run-trigger
// graph and the names, the names themselves (a template where one fits, else each kept as it is),
// external upstreams, code source, versions, execution modes, credentials and teams. Pure: it
// says what it inferred and why, and refuses with one line what it cannot reproduce. Each step
// lives in its own file; this one runs them in order and writes the stack's config.
import { dependencyOrder } from "../graph";
import { type CredentialSets, inferCredentialSets } from "./credentialSets";
import { type LayerEntry, layerEntries } from "./layerEntries";
import { groupIntoLayers } from "./layerGrouping";
import { inferNaming, type Naming } from "./naming";
import type { Organization } from "./organization";
import type { SharedSettings } from "./sharedSettings";
import { inferSharedSettings } from "./sharedSettings";
import { inferTeams } from "./teamAccess";
import { describeExternalUpstreams, readTriggerGraph, type TriggerGraph } from "./triggerGraph";

export { AdoptionError } from "./refusal";

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

/** What the steps inferred, for writing the stack's config. */
interface Inferred {
  readonly org: Organization;
  readonly options: AdoptOptions;
  readonly graph: TriggerGraph;
  readonly naming: Naming;
  readonly settings: SharedSettings;
  readonly layers: readonly LayerEntry[];
  readonly credentials: CredentialSets;
  readonly teams: Record<string, Record<string, unknown>>;
  readonly sharedDirectories: boolean;
}

/** Workspaces that plan one directory today keep doing so: the program would refuse it unless allowed. */
const sharesDirectories = (org: Organization) =>
  new Set(org.workspaces.map((w) => w.workingDirectory)).size < org.workspaces.length;

function describeNotifications(org: Organization, graph: TriggerGraph) {
  const notifications = org.notifications.filter((n) => graph.byId.has(n.workspaceId));
  if (notifications.length === 0) return [];
  return [
    `notification configurations: ${notifications.map((n) => `${n.name} on ${graph.name(n.workspaceId)}`).join(", ")} left as they are (the program manages only its approval webhook)`,
  ];
}

function vcsConfig(vcs: SharedSettings["vcs"]) {
  if (!vcs) return {};
  return {
    "tfc-layers:vcs": {
      repository: vcs.identifier,
      ...(vcs.branch ? { branch: vcs.branch } : {}),
      ...(vcs.oauthTokenId ? { oauthTokenId: vcs.oauthTokenId } : {}),
      ...(vcs.githubAppInstallationId ? { githubAppInstallationId: vcs.githubAppInstallationId } : {}),
      ...(vcs.ingressSubmodules ? { ingressSubmodules: true } : {}),
      ...(vcs.tagsRegex ? { tagsRegex: vcs.tagsRegex } : {}),
    },
  };
}

function stackConfig(inferred: Inferred): Record<string, unknown> {
  const { org, options, graph, naming, settings, credentials, teams } = inferred;
  const { autoApply, project, version } = settings;
  const external = [...graph.external.values()];
  const layers = inferred.layers.map((l) => {
    const sets = credentials.setsOfLayer.get(l.name);
    return sets ? { ...l, credentials: sets } : l;
  });
  return {
    "tfe:organization": org.name,
    ...(options.hostname ? { "tfe:hostname": options.hostname } : {}),
    "tfc-layers:environment": options.stack,
    "tfc-layers:autoApply": autoApply.stack.autoApply,
    ...(autoApply.stack.autoApplyRunTrigger !== undefined
      ? { "tfc-layers:autoApplyRunTrigger": autoApply.stack.autoApplyRunTrigger }
      : {}),
    ...(autoApply.allowLayerAutoApply ? { "tfc-layers:allowLayerAutoApply": true } : {}),
    ...(settings.healthAssessments.stack ? { "tfc-layers:healthAssessments": true } : {}),
    ...(project ? { "tfc-layers:project": { id: project } } : {}),
    ...vcsConfig(settings.vcs),
    ...(version ? { "tfc-layers:terraformVersion": version } : {}),
    ...(naming.cellNames.length ? { "tfc-layers:cells": naming.cellNames.map((name) => ({ name })) } : {}),
    ...(inferred.sharedDirectories ? { "tfc-layers:allowSharedDirectories": true } : {}),
    ...(external.length ? { "tfc-layers:external": { upstream: { workspaces: external.sort() } } } : {}),
    ...(Object.keys(teams).length ? { "tfc-layers:teams": teams } : {}),
    ...(Object.keys(credentials.staticSets).length ? { "tfc-layers:staticCredentials": credentials.staticSets } : {}),
    "tfc-layers:layers": layers,
    // Applied long before the program: with the lifecycle on, no run is started in them.
    "tfc-layers:adopted": [...new Set(naming.keyOf.values())].sort(),
  };
}

export function inferStack(org: Organization, options: AdoptOptions): Adoption {
  const graph = readTriggerGraph(org);
  const grouping = groupIntoLayers(org, graph, options.layers);
  const naming = inferNaming(org.workspaces, options.stack);
  const externalNotes = describeExternalUpstreams(graph);
  const settings = inferSharedSettings(org.workspaces, grouping.groups);
  const order = dependencyOrder([...grouping.groups.keys()], grouping.layerDeps);
  const layers = layerEntries({ all: org.workspaces, graph, grouping, naming, settings }, order);
  const credentials = inferCredentialSets(org, grouping.groups, settings.project);
  const teams = inferTeams(org, grouping.groups);
  const sharedDirectories = sharesDirectories(org);
  const inferred = [
    grouping.note,
    ...naming.notes,
    ...externalNotes,
    ...settings.notes,
    ...credentials.notes,
    ...describeNotifications(org, graph),
    ...(sharedDirectories ? ["allowSharedDirectories: some workspaces plan the same working directory today"] : []),
  ];
  const config = stackConfig({ org, options, graph, naming, settings, layers, credentials, teams, sharedDirectories });
  return { config, inferred, secretLines: credentials.secretLines, keyOf: naming.keyOf, setOf: credentials.setOf };
}

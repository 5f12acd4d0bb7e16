// Each variable set attached to adopted workspaces (or their project) becomes a static credential
// set of the layers that take it as a whole. Values are never read: the file marks where they go
// and the user sets them with the printed lines.
import { STATIC_PRIORITY_FIELD } from "../credentials/credentialsConfig";
import type { Organization, OrgVariableSet, OrgWorkspace } from "./organization";
import { refuse } from "./refusal";

export interface CredentialSets {
  /** Credential set name by variable set id. */
  readonly setOf: ReadonlyMap<string, string>;
  /** `tfc-layers:staticCredentials`, values left to set. */
  readonly staticSets: Record<string, Record<string, unknown>>;
  /** The credential sets of each layer. */
  readonly setsOfLayer: ReadonlyMap<string, string[]>;
  /** `pulumi config set --secret` lines, values never shown. */
  readonly secretLines: string[];
  readonly notes: string[];
}

const SET_NAME = /[^A-Za-z0-9_-]+/g;

/** The layers that take the set; refuses a layer that takes it on some workspaces only. */
function layersTaking(
  set: OrgVariableSet,
  attached: ReadonlySet<string>,
  groups: ReadonlyMap<string, readonly OrgWorkspace[]>,
) {
  const layers: string[] = [];
  for (const [layer, members] of groups) {
    const taking = members.filter((w) => attached.has(w.id));
    if (taking.length === 0) continue;
    if (taking.length !== members.length) {
      refuse(
        `variable set ${set.name} is attached to ${taking.map((w) => w.name).join(", ")} but not to ${members
          .filter((w) => !attached.has(w.id))
          .map((w) => w.name)
          .join(
            ", ",
          )} of layer ${layer}: a layer takes a credential set as a whole; attach it to all of them in TFC, or give them different layers with --layers <file>`,
      );
    }
    layers.push(layer);
  }
  return layers;
}

function staticSetOf(set: OrgVariableSet) {
  return {
    ...Object.fromEntries(set.variables.map((v) => [v.key, { secure: "" }])),
    // Without priority a workspace's own variables win today: keep it so.
    ...(set.priority ? {} : { [STATIC_PRIORITY_FIELD]: false }),
  };
}

const secretLine = (setName: string, v: OrgVariableSet["variables"][number]) =>
  `pulumi config set --secret --path 'tfc-layers:staticCredentials.${setName}.${v.key}' ${v.sensitive ? "<its value>" : JSON.stringify(v.value ?? "")}`;

export function inferCredentialSets(
  org: Organization,
  groups: ReadonlyMap<string, readonly OrgWorkspace[]>,
  project: string | undefined,
): CredentialSets {
  const all = org.workspaces;
  const setOf = new Map<string, string>();
  const staticSets: Record<string, Record<string, unknown>> = {};
  const setsOfLayer = new Map<string, string[]>();
  const secretLines: string[] = [];
  const notes: string[] = [];
  for (const set of org.variableSets) {
    const attached = new Set(set.projectIds.includes(project ?? "\0") ? all.map((w) => w.id) : set.workspaceIds);
    if (set.global || !all.some((w) => attached.has(w.id))) {
      notes.push(
        `variable set ${set.name}: ${set.global ? "global" : "attached to no adopted workspace"}, left as it is`,
      );
      continue;
    }
    const setName = set.name.replace(SET_NAME, "-");
    setOf.set(set.id, setName);
    for (const layer of layersTaking(set, attached, groups)) {
      setsOfLayer.set(layer, [...(setsOfLayer.get(layer) ?? []), setName]);
    }
    staticSets[setName] = staticSetOf(set);
    secretLines.push(...set.variables.map((v) => secretLine(setName, v)));
    notes.push(
      `variable set ${set.name}: credential set ${setName} (${set.variables.map((v) => v.key).join(", ")}), values to be set${set.priority ? "" : "; priority false, as today: a workspace's own variables win"}`,
    );
  }
  return { setOf, staticSets, setsOfLayer, secretLines, notes };
}

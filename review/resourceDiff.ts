// Compares what two runs of the program registered, as Pulumi would when the second replaces the
// first: resources matched by URN or by an alias (a rename keeps the resource), then added,
// deleted, updated in place or replaced (an input that forces a new resource changed, or a
// resource it belongs to is replaced). Secrets are compared but never shown.
import { isDeepStrictEqual } from "node:util";
import { type RegisteredResource, SecretValue } from "../offline/registrations";
import { displayInputs, rank } from "../plan/document";
import { loss, PAIRED, REPLACING_INPUTS } from "./replacements";

export interface InputChange {
  readonly input: string;
  /** Shown values; a secret shows as "[secret]" and only whether it changed. */
  readonly before: unknown;
  readonly after: unknown;
}

interface Common {
  readonly type: string;
  readonly name: string;
}

export type ResourceChange =
  | (Common & { readonly kind: "add"; readonly inputs: Record<string, unknown> })
  | (Common & { readonly kind: "delete"; readonly protect: boolean; readonly loses?: string })
  | (Common & {
      readonly kind: "replace";
      readonly protect: boolean;
      readonly loses?: string;
      /** Why: the inputs that force it, or the replaced resource it belongs to. */
      readonly because: readonly string[];
      readonly changes: readonly InputChange[];
      readonly renamedFrom?: string;
    })
  | (Common & { readonly kind: "update"; readonly changes: readonly InputChange[]; readonly renamedFrom?: string });

export function plain(value: unknown): unknown {
  if (value instanceof SecretValue) return plain(value.value);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** Replaces every id the map knows (mock ids are "id(<name>)", and a renamed resource keeps its id). */
function withIds(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") return ids.get(value) ?? value;
  if (value instanceof SecretValue) return new SecretValue(withIds(value.value, ids));
  if (Array.isArray(value)) return value.map((v) => withIds(v, ids));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withIds(v, ids)]));
  }
  return value;
}

/** The URN an alias names: the resource's own URN with the former name, unless it gives a whole URN. */
function aliasUrn(resource: RegisteredResource, alias: RegisteredResource["aliases"][number]): string | undefined {
  if (alias.urn) return alias.urn;
  if (!alias.name) return undefined;
  return `${resource.urn.slice(0, resource.urn.lastIndexOf("::"))}::${alias.name}`;
}

const mentions = (value: unknown, id: string): boolean =>
  value === id ||
  (value instanceof SecretValue && mentions(value.value, id)) ||
  (Array.isArray(value) && value.some((v) => mentions(v, id))) ||
  (value !== null && typeof value === "object" && Object.values(value).some((v) => mentions(v, id)));

/** Which resource of the second run is which of the first: by URN or by an alias (a rename keeps it). */
export interface ResourceMatch {
  /** The second run's custom resources, in the order a reviewer reads them. */
  readonly after: readonly RegisteredResource[];
  /** The first run's custom resources, in the same order. */
  readonly before: readonly RegisteredResource[];
  /** Each kept resource of the second run, with what it was in the first. */
  readonly matched: ReadonlyMap<RegisteredResource, RegisteredResource>;
  /** The first run's resources that are kept. */
  readonly claimed: ReadonlySet<RegisteredResource>;
  /** Former ids to current ones (mock ids are "id(<name>)", and a renamed resource keeps its id). */
  readonly ids: ReadonlyMap<string, string>;
}

export function matchResources(
  before: readonly RegisteredResource[],
  after: readonly RegisteredResource[],
): ResourceMatch {
  // In the order a reviewer reads them, not the order the program happened to register them in.
  const custom = (list: readonly RegisteredResource[]) =>
    list
      .filter((r) => r.custom)
      .sort((a, b) => rank(a.type) - rank(b.type) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const afterCustom = custom(after);
  const beforeCustom = custom(before);
  const oldByUrn = new Map(beforeCustom.map((r) => [r.urn, r]));
  const matched = new Map<RegisteredResource, RegisteredResource>();
  const claimed = new Set<RegisteredResource>();
  const ids = new Map<string, string>();
  for (const resource of afterCustom) {
    const candidates = [resource.urn, ...resource.aliases.map((a) => aliasUrn(resource, a))];
    const urn = candidates.find((u) => u !== undefined && oldByUrn.has(u) && !claimed.has(oldByUrn.get(u)!));
    if (urn === undefined) continue;
    const old = oldByUrn.get(urn)!;
    matched.set(resource, old);
    claimed.add(old);
    if (old.id !== resource.id) ids.set(old.id, resource.id);
  }
  return { after: afterCustom, before: beforeCustom, matched, claimed, ids };
}

/** The inputs of a resource of the first run, with the ids of renamed resources as they are now. */
export const currentInputs = (match: ResourceMatch, old: RegisteredResource) =>
  (match.ids.size > 0 ? withIds(old.inputs, match.ids) : old.inputs) as Record<string, unknown>;

/** The changes that turn the first run's resources into the second's, in the second's order, deletions last. */
export function diffResources(
  before: readonly RegisteredResource[],
  after: readonly RegisteredResource[],
  match: ResourceMatch = matchResources(before, after),
): ResourceChange[] {
  const { after: afterCustom, matched, claimed, ids } = match;

  const changes = new Map<RegisteredResource, ResourceChange>();
  const replaced = new Set<string>();
  for (const resource of afterCustom) {
    const old = matched.get(resource);
    const common = { type: resource.type, name: resource.name };
    if (!old) {
      changes.set(resource, { ...common, kind: "add", inputs: displayInputs(resource) });
      continue;
    }
    // Without renames no id changes: the old inputs are compared as they are.
    const oldInputs = currentInputs(match, old);
    const inputs = [...new Set([...Object.keys(oldInputs), ...Object.keys(resource.inputs)])].sort();
    const changed = inputs.filter((k) => !isDeepStrictEqual(plain(oldInputs[k]), plain(resource.inputs[k])));
    if (changed.length === 0 && old.name === resource.name) continue;
    // Shown as the plan shows them: secrets hidden.
    const [shownBefore, shownAfter] = [displayInputs({ ...old, inputs: oldInputs }), displayInputs(resource)];
    const inputChanges = changed.map((input) => ({ input, before: shownBefore[input], after: shownAfter[input] }));
    const forcing = (REPLACING_INPUTS[resource.type] ?? []).filter(
      (r) =>
        changed.includes(r.input) &&
        (r.when === undefined ||
          r.when(
            plain(oldInputs[r.input]),
            plain(resource.inputs[r.input]),
            plain(oldInputs) as Record<string, unknown>,
          )),
    );
    const renamedFrom = old.name !== resource.name ? { renamedFrom: old.name } : {};
    if (forcing.length > 0) {
      replaced.add(resource.id);
      changes.set(resource, {
        ...common,
        kind: "replace",
        protect: old.protect,
        ...(loss(old.type, old.inputs) ? { loses: loss(old.type, old.inputs) } : {}),
        because: forcing.map((r) => r.note ?? r.input),
        changes: inputChanges,
        ...renamedFrom,
      });
    } else if (changed.length > 0 || old.name !== resource.name) {
      changes.set(resource, { ...common, kind: "update", changes: inputChanges, ...renamedFrom });
    }
  }

  // A resource whose forcing input names a replaced resource gets a new id to point at: replaced too.
  let grew = replaced.size > 0;
  while (grew) {
    grew = false;
    for (const resource of afterCustom) {
      const current = changes.get(resource);
      if (!matched.has(resource) || current?.kind === "replace") continue;
      const owner = (REPLACING_INPUTS[resource.type] ?? [])
        .map((r) => r.input)
        .flatMap((input) => [...replaced].filter((id) => mentions(resource.inputs[input], id)));
      if (owner.length === 0) continue;
      const old = matched.get(resource)!;
      const name = owner[0].replace(/^id\((.*)\)$/, "$1");
      replaced.add(resource.id);
      changes.set(resource, {
        type: resource.type,
        name: resource.name,
        kind: "replace",
        protect: old.protect,
        ...(loss(old.type, old.inputs) ? { loses: loss(old.type, old.inputs) } : {}),
        because: [`it belongs to ${name}, which is replaced`],
        changes: current?.kind === "update" ? current.changes : [],
      });
      grew = true;
    }
  }

  // A resource added for the same pair as one deleted: the delete takes the new link with it.
  const pairOf = (r: RegisteredResource, inputs: Record<string, unknown>) =>
    `${r.type}\0${JSON.stringify(PAIRED[r.type].inputs.map((i) => plain(inputs[i])))}`;
  const addedPairs = new Set(
    afterCustom.filter((r) => PAIRED[r.type] && changes.get(r)?.kind === "add").map((r) => pairOf(r, r.inputs)),
  );
  const deletions: ResourceChange[] = match.before
    .filter((r) => !claimed.has(r))
    .map((r) => {
      const samePair = PAIRED[r.type] && addedPairs.has(pairOf(r, withIds(r.inputs, ids) as Record<string, unknown>));
      const loses = samePair ? PAIRED[r.type].loses : loss(r.type, r.inputs);
      return { type: r.type, name: r.name, kind: "delete", protect: r.protect, ...(loses ? { loses } : {}) };
    });
  return [...afterCustom.flatMap((r) => (changes.has(r) ? [changes.get(r)!] : [])), ...deletions];
}

/** Deleting or replacing: the changes a reviewer must approve on purpose. */
export const isDestructive = (c: ResourceChange): c is Extract<ResourceChange, { kind: "delete" | "replace" }> =>
  c.kind === "delete" || c.kind === "replace";

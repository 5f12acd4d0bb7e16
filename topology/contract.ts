// The contract rules: which outputs each layer publishes (valid names, declared types), which of
// them each dependent layer reads, and that every read follows a run trigger (reading state
// without one sees stale values). Checked before any resource; without declarations, nothing
// changes. Also derives, per workspace, what it publishes, reads and who reads it.
import { closest, pathText } from "./configValues";
import { StackConfigError, show } from "./errors";
import { EXTERNAL_KEY } from "./external/externalConfig";
import { KEYS } from "./keys";
import type { LayerConfig, StackSettings } from "./stackConfig";
import {
  formatType,
  IDENTIFIER,
  parseType,
  type TerraformType,
  TYPE_FORMS,
  TypeExpressionError,
} from "./terraformType";

export interface DeclaredOutput {
  readonly name: string;
  readonly type: TerraformType;
  /** The type in canonical form, e.g. list(string). */
  readonly typeText: string;
}

/** The checked contract of a stack that declares one. */
export interface Contract {
  /** Per layer that declares outputs: its outputs, sorted by name. */
  readonly outputsByLayer: ReadonlyMap<string, readonly DeclaredOutput[]>;
  /** Per layer that declares reads: upstream layer to the outputs it reads, sorted. */
  readonly readsByLayer: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
}

/** One workspace's part of the contract. Keys are workspace keys. */
export interface WorkspaceContract {
  readonly publishes: readonly DeclaredOutput[];
  /** The upstream workspaces it reads, each with the outputs read. */
  readonly reads: readonly { readonly upstream: string; readonly outputs: readonly DeclaredOutput[] }[];
  /** The downstream workspaces that read it, each with the outputs read. */
  readonly readers: readonly { readonly downstream: string; readonly outputs: readonly string[] }[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function fail(index: number, layer: string, path: readonly PropertyKey[], problem: string): never {
  throw new StackConfigError(`${KEYS.layers}[${index}]${pathText(path)} (layer ${show(layer)}) ${problem}`);
}

/** Checks declared outputs; `refuse` says where (a layer of the stack, or an external one). */
function declaredOutputs(
  outputs: Readonly<Record<string, string>>,
  refuse: (path: readonly PropertyKey[], problem: string) => never,
): DeclaredOutput[] {
  return Object.keys(outputs)
    .sort(byName)
    .map((name) => {
      if (!IDENTIFIER.test(name)) {
        refuse(
          ["outputs"],
          `declares the output ${show(name)}, which is not a Terraform name: start with a letter or "_", then use letters, digits, "_" and "-"`,
        );
      }
      try {
        const type = parseType(outputs[name]);
        return { name, type, typeText: formatType(type) };
      } catch (err) {
        if (!(err instanceof TypeExpressionError)) throw err;
        return refuse(
          ["outputs", name],
          `${show(outputs[name])} is not a type a contract takes: ${err.message}; declare it as ${TYPE_FORMS}`,
        );
      }
    });
}

function checkedReads(
  index: number,
  layer: LayerConfig,
  layerNames: readonly string[],
  outputsByLayer: ReadonlyMap<string, readonly DeclaredOutput[]>,
): Map<string, string[]> {
  const reads = new Map<string, string[]>();
  for (const from of Object.keys(layer.contract.reads ?? {}).sort(byName)) {
    const where = ["reads", from];
    const names = layer.contract.reads![from];
    if (from === layer.name) {
      fail(
        index,
        layer.name,
        where,
        `reads its own outputs: a workspace uses its own values directly; remove the entry`,
      );
    }
    if (!layerNames.includes(from)) {
      const guess = closest(from, layerNames);
      fail(
        index,
        layer.name,
        where,
        `reads from ${show(from)}, which is not a layer: ${guess ? `did you mean ${show(guess)}?` : `layers are ${layerNames.map((n) => show(n)).join(", ")}`}`,
      );
    }
    if (!layer.dependsOn.includes(from)) {
      fail(
        index,
        layer.name,
        where,
        `reads from ${show(from)}, which is not in its dependsOn: add ${show(from)} to dependsOn, or its runs would read ${from}'s state without being queued when it changes (stale values)`,
      );
    }
    if (names.length === 0) {
      fail(
        index,
        layer.name,
        where,
        `reads nothing from ${show(from)}: list the outputs it reads, or remove the entry`,
      );
    }
    const declared = (outputsByLayer.get(from) ?? []).map((o) => o.name);
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name)) fail(index, layer.name, where, `lists ${show(name)} twice: list it once`);
      seen.add(name);
      if (declared.length === 0) {
        fail(
          index,
          layer.name,
          where,
          `reads ${show(name)} from ${show(from)}, which declares no outputs: declare it under that layer's outputs, e.g. outputs: {${name}: string}`,
        );
      }
      if (!declared.includes(name)) {
        const guess = closest(name, declared);
        fail(
          index,
          layer.name,
          where,
          `reads ${show(name)} from ${show(from)}, which does not declare it: ${guess ? `did you mean ${show(guess)}?` : `it declares ${declared.map((n) => show(n)).join(", ")}`}`,
        );
      }
    }
    reads.set(from, [...names].sort(byName));
  }
  return reads;
}

/** Checks the contract; undefined when no layer declares outputs or reads. */
export function deriveContract(settings: StackSettings): Contract | undefined {
  const declares = settings.layers.some((l) => l.contract.outputs !== undefined || l.contract.reads !== undefined);
  if (!declares) return undefined;
  const outputsByLayer = new Map<string, readonly DeclaredOutput[]>();
  settings.layers.forEach((layer, index) => {
    if (layer.contract.outputs !== undefined) {
      outputsByLayer.set(
        layer.name,
        declaredOutputs(layer.contract.outputs, (path, problem) => fail(index, layer.name, path, problem)),
      );
    }
  });
  // An external layer's outputs are declared beside its workspaces; reading them is checked alike.
  for (const layer of settings.external) {
    if (layer.outputs === undefined) continue;
    outputsByLayer.set(
      layer.name,
      declaredOutputs(layer.outputs, (path, problem) => {
        throw new StackConfigError(`${EXTERNAL_KEY}.${layer.name}${pathText(path)} ${problem}`);
      }),
    );
  }
  const layerNames = [...settings.layers.map((l) => l.name), ...settings.external.map((l) => l.name)];
  const readsByLayer = new Map<string, ReadonlyMap<string, readonly string[]>>();
  settings.layers.forEach((layer, index) => {
    if (layer.contract.reads !== undefined) {
      readsByLayer.set(layer.name, checkedReads(index, layer, layerNames, outputsByLayer));
    }
  });
  return { outputsByLayer, readsByLayer };
}

/**
 * The layers whose state a layer may read: those it declares reads from, or, when it declares
 * none (or the stack has no contract), every layer it depends on.
 */
export function readableLayers(contract: Contract | undefined, layer: string, dependsOn: readonly string[]): string[] {
  const reads = contract?.readsByLayer.get(layer);
  return reads ? [...reads.keys()] : [...dependsOn];
}

/** Layers as the contract sees them: name, workspace keys, dependencies. */
export interface ContractLayer {
  readonly name: string;
  readonly workspaces: readonly string[];
  readonly dependsOn: readonly string[];
}

/**
 * Each workspace's part of the contract, by workspace key. A workspace reads, from each layer it
 * declares reads from, the workspaces of that layer wired to it (`upstreamsOf`): with cells, the
 * same cell's, or every cell's for a global reader.
 */
export function workspaceContracts(
  contract: Contract,
  layers: readonly ContractLayer[],
  upstreamsOf: (key: string) => readonly string[],
  /** The layer of each external workspace, by key: they are read, never read from. */
  externalLayerOf: ReadonlyMap<string, string> = new Map(),
): Map<string, WorkspaceContract> {
  const layerOf = new Map([
    ...layers.flatMap((l) => l.workspaces.map((key) => [key, l.name] as const)),
    ...externalLayerOf,
  ]);
  const outputsOf = (layer: string, names: readonly string[]) =>
    (contract.outputsByLayer.get(layer) ?? []).filter((o) => names.includes(o.name));
  const readsOf = new Map<string, WorkspaceContract["reads"]>();
  const readers = new Map<string, { downstream: string; outputs: readonly string[] }[]>();
  for (const layer of layers) {
    for (const key of layer.workspaces) {
      const reads = [...(contract.readsByLayer.get(layer.name) ?? [])].flatMap(([from, names]) =>
        upstreamsOf(key)
          .filter((u) => layerOf.get(u) === from)
          .map((upstream) => ({ upstream, outputs: outputsOf(from, names), names })),
      );
      readsOf.set(
        key,
        reads.map(({ upstream, outputs }) => ({ upstream, outputs })),
      );
      for (const { upstream, names } of reads) {
        readers.set(upstream, [...(readers.get(upstream) ?? []), { downstream: key, outputs: names }]);
      }
    }
  }
  const result = new Map<string, WorkspaceContract>();
  for (const layer of layers) {
    for (const key of layer.workspaces) {
      result.set(key, {
        publishes: contract.outputsByLayer.get(layer.name) ?? [],
        reads: readsOf.get(key)!,
        readers: (readers.get(key) ?? []).sort((a, b) => byName(a.downstream, b.downstream)),
      });
    }
  }
  return result;
}

/** A declared output that no layer reads: advice to keep outputs minimal. */
export interface UnreadOutput {
  readonly layer: string;
  readonly output: string;
}

export function unreadOutputs(contract: Contract): UnreadOutput[] {
  const read = new Set(
    [...contract.readsByLayer.values()].flatMap((reads) =>
      [...reads].flatMap(([from, names]) => names.map((n) => `${from}\0${n}`)),
    ),
  );
  return [...contract.outputsByLayer].flatMap(([layer, outputs]) =>
    outputs.filter((o) => !read.has(`${layer}\0${o.name}`)).map((o) => ({ layer, output: o.name })),
  );
}

/** dependsOn entries of a layer that declares reads but reads nothing from them: they only order runs. */
export function orderingOnlyDependencies(
  contract: Contract,
  layers: readonly ContractLayer[],
): { readonly layer: string; readonly dependsOn: string }[] {
  return layers.flatMap((layer) => {
    const reads = contract.readsByLayer.get(layer.name);
    if (!reads) return [];
    return layer.dependsOn.filter((d) => !reads.has(d)).map((dependsOn) => ({ layer: layer.name, dependsOn }));
  });
}

// Advice on the graph: dependencies that a longer path already implies cost extra runs; with a
// contract, outputs nobody reads and dependencies nothing is read from; and settings that take no
// effect in this stack.
import { CascadeSimulator } from "./cascade";
import { orderingOnlyDependencies, unreadOutputs } from "./contract";
import { KEYS } from "./keys";
import type { LayerNode, Topology } from "./topology";

export interface ImpliedDependency {
  /** The layer whose dependsOn holds the implied entry. */
  readonly layer: string;
  /** The implied entry. */
  readonly dependsOn: string;
  /** The longer path that implies it, from `layer` to `dependsOn`. */
  readonly via: readonly string[];
  /** Runs one apply of a `dependsOn` workspace queues, with the entry and without it. */
  readonly runsWith: bigint;
  readonly runsWithout: bigint;
  /** With a contract: the outputs `layer` reads from `dependsOn`, which need the entry. */
  readonly reads?: readonly string[];
}

/** A path from `from` to `to` through dependsOn entries, or undefined. */
function pathBetween(from: string, to: string, layers: ReadonlyMap<string, LayerNode>): string[] | undefined {
  if (from === to) return [to];
  for (const next of layers.get(from)!.dependsOn) {
    const rest = pathBetween(next, to, layers);
    if (rest) return [from, ...rest];
  }
  return undefined;
}

/** Every dependsOn entry that another dependency of the same layer already leads to. */
export function findImpliedDependencies(topology: Topology): ImpliedDependency[] {
  const layers = new Map(topology.layers.map((l) => [l.name, l]));
  const simulator = new CascadeSimulator(topology);
  const found: ImpliedDependency[] = [];
  for (const layer of topology.layers) {
    for (const dependency of layer.dependsOn) {
      let via: string[] | undefined;
      for (const other of layer.dependsOn) {
        if (other === dependency || via) continue;
        const rest = pathBetween(other, dependency, layers);
        if (rest) via = [layer.name, ...rest];
      }
      if (!via) continue;
      const source = layers.get(dependency)!.workspaces[0];
      // The same topology without the entry: the layer's workspaces lose the dependency's upstreams.
      const dropped = new Set(layers.get(dependency)!.workspaces);
      const workspaces = topology.workspaces.map((w) =>
        w.layer === layer.name ? { ...w, upstreams: w.upstreams.filter((u) => !dropped.has(u)) } : w,
      );
      const without: Topology = {
        ...topology,
        layers: topology.layers.map((l) =>
          l.name === layer.name ? { ...l, dependsOn: l.dependsOn.filter((d) => d !== dependency) } : l,
        ),
        workspaces,
        workspaceByKey: new Map(workspaces.map((w) => [w.key, w])),
      };
      found.push({
        layer: layer.name,
        dependsOn: dependency,
        via,
        runsWith: simulator.simulate(source).totalRuns,
        runsWithout: new CascadeSimulator(without).simulate(source).totalRuns,
        ...(topology.contract?.readsByLayer.get(layer.name)?.has(dependency)
          ? { reads: topology.contract.readsByLayer.get(layer.name)!.get(dependency) }
          : {}),
      });
    }
  }
  return found;
}

/** The advice as one paragraph a reviewer can act on. Advice only: nothing is changed. */
export function describeImpliedDependency(d: ImpliedDependency): string {
  if (d.reads) {
    return (
      `${d.layer} depends on ${d.dependsOn} directly and through ${d.via.slice(1, -1).join(" -> ")} ` +
      `(${d.via.join(" -> ")}): each apply of a ${d.dependsOn} workspace queues ${d.runsWith} runs instead of ${d.runsWithout}. ` +
      `Keep it: ${d.layer} reads ${d.reads.join(", ")} from ${d.dependsOn}'s state; without the entry it would re-plan only ` +
      `when a ${d.via[1]} apply follows (keeping stale values otherwise) and would lose read access to that state.`
    );
  }
  return (
    `${d.layer} depends on ${d.dependsOn} directly and through ${d.via.slice(1, -1).join(" -> ")} ` +
    `(${d.via.join(" -> ")}): each apply of a ${d.dependsOn} workspace queues ${d.runsWith} runs instead of ${d.runsWithout}. ` +
    `Dropping ${d.dependsOn} from ${d.layer}'s dependsOn would save ${d.runsWith - d.runsWithout}, but ${d.layer} would no longer ` +
    `re-plan when a ${d.via[1]} plan has no changes, and would lose read access to ${d.dependsOn}'s state ` +
    `(remote-state consumers follow dependsOn).`
  );
}

/** Advice on a declared contract: outputs nobody reads, triggers that only order runs, reads left undeclared. */
export function describeContractAdvice(topology: Topology): string[] {
  const contract = topology.contract;
  if (!contract) return [];
  const advice = unreadOutputs(contract).map(
    (u) =>
      `${u.layer} declares the output ${u.output}, which no layer reads: keep outputs minimal; drop it from ${u.layer}'s outputs unless something outside this stack reads it.`,
  );
  for (const o of orderingOnlyDependencies(contract, topology.layers)) {
    advice.push(
      `${o.layer} depends on ${o.dependsOn} but reads none of its outputs: the trigger only orders runs (a ${o.dependsOn} apply re-plans ${o.layer}), and ${o.layer} gets no access to ${o.dependsOn}'s state. Remove it from dependsOn if the order does not matter.`,
    );
  }
  for (const layer of topology.layers) {
    if (layer.dependsOn.length > 0 && !contract.readsByLayer.has(layer.name)) {
      advice.push(
        `${layer.name} declares no reads: it keeps read access to the state of ${layer.dependsOn.join(", ")} and its reads are not checked; declare reads to narrow both.`,
      );
    }
  }
  return advice;
}

/** Settings the stack gives that change nothing: the program accepts them and says so here. */
export function describeUnusedSettings(topology: Topology): string[] {
  if (!topology.approvalWebhookUnused) return [];
  return [
    `${KEYS.approvalWebhookUrl} is set, but every run of this stack applies by itself: nothing waits for approval, so the program sends the webhook nothing (no approval-requests notification). Remove the key, or set ${KEYS.autoApply}: false (or autoApply: false on a layer) where runs should wait.`,
  ];
}

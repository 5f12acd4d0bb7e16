// What a successful apply of one workspace sets off in TFC, simulated on the topology alone.
//
// TFC facts this follows: every successful apply of a source queues one run in each of its
// trigger targets; fan-in queues one run per upstream apply (they run one after another);
// runs queued by triggers apply by themselves only when autoApplyRunTrigger is true; a run
// whose plan has no changes ends without an apply and fires nothing further.
//
// All workspaces of a layer have the same upstreams, so counts are computed per layer and
// shared by its workspaces. Counts are bigint: a deep diamond has exponentially many paths.
import type { LayerNode, Topology } from "./topology";

/** Runs queued in one wave for the workspaces of one layer. */
export interface CascadeRunGroup {
  readonly layer: string;
  /** Workspace keys of the layer; each gets `runsEach` runs in this wave. */
  readonly workspaces: readonly string[];
  readonly runsEach: bigint;
  /** Upstream workspace keys whose applies (in the wave before) queue these runs. */
  readonly queuedBy: readonly string[];
  /** Whether these runs apply by themselves or stop and wait for approval. */
  readonly outcome: "auto-apply" | "wait-for-approval";
  /**
   * Upstreams (keys) that also re-apply in this cascade and may not have applied yet when
   * these runs plan: the runs may read their old outputs. A later run corrects it.
   */
  readonly mayReadOldOutputsOf: readonly string[];
}

export interface CascadeWave {
  /** 1 for runs queued by the source's apply, 2 for runs queued by those, and so on. */
  readonly wave: number;
  readonly groups: readonly CascadeRunGroup[];
}

export interface Cascade {
  /** The workspace key whose successful apply starts the cascade. */
  readonly source: string;
  readonly waves: readonly CascadeWave[];
  /** Runs each reached workspace gets, by key, in topology order. */
  readonly runsByWorkspace: ReadonlyMap<string, bigint>;
  readonly totalRuns: bigint;
  /** The ideal: one run per reachable workspace. */
  readonly reachableWorkspaces: number;
  /** Runs beyond the ideal, all from fan-in (a workspace reached by k paths runs k times). */
  readonly extraRuns: bigint;
  /** Whether the first wave already stops for approval (nothing further happens until then). */
  readonly waitsForApproval: boolean;
}

interface LayerCascade {
  /** Per reached layer, runs per workspace at each wave (index = wave). */
  readonly runsAtWave: ReadonlyMap<string, bigint[]>;
  readonly waves: number;
}

/**
 * Simulates cascades on one topology; results per layer are cached, so simulating every
 * workspace costs one pass per layer.
 */
export class CascadeSimulator {
  private readonly byLayer = new Map<string, LayerCascade>();
  private readonly dependents = new Map<string, string[]>();
  private readonly sizes = new Map<string, number>();
  private readonly layerByName: ReadonlyMap<string, LayerNode>;

  constructor(private readonly topology: Topology) {
    this.layerByName = new Map(topology.layers.map((l) => [l.name, l]));
    for (const layer of topology.layers) {
      this.dependents.set(layer.name, []);
      this.sizes.set(layer.name, layer.workspaces.length);
    }
    for (const layer of topology.layers) {
      for (const d of layer.dependsOn) this.dependents.get(d)!.push(layer.name);
    }
  }

  /** Path counts from one workspace of `root` to one workspace of each layer, per length. */
  private layerCascade(root: string): LayerCascade {
    const cached = this.byLayer.get(root);
    if (cached) return cached;
    const runsAtWave = new Map<string, bigint[]>([[root, [1n]]]);
    let waves = 0;
    // Layers are in dependency order, so every upstream is complete before its dependents.
    const start = this.topology.layers.findIndex((l) => l.name === root);
    for (const layer of this.topology.layers.slice(start + 1)) {
      const counts: bigint[] = [];
      for (const upstream of layer.dependsOn) {
        const upstreamCounts = runsAtWave.get(upstream);
        if (!upstreamCounts) continue;
        // Each workspace of the upstream layer queues its own run here; the root layer
        // contributes only the source workspace.
        const width = BigInt(upstream === root ? 1 : this.sizes.get(upstream)!);
        upstreamCounts.forEach((count, wave) => {
          if (count > 0n) counts[wave + 1] = (counts[wave + 1] ?? 0n) + count * width;
        });
      }
      if (counts.length > 0) {
        for (let i = 0; i < counts.length; i++) counts[i] ??= 0n;
        runsAtWave.set(layer.name, counts);
        waves = Math.max(waves, counts.length - 1);
      }
    }
    const result = { runsAtWave, waves };
    this.byLayer.set(root, result);
    return result;
  }

  /** Runs each workspace of every reached layer gets in one cascade from `root`, all waves. */
  private runsEachByLayer(root: string): Map<string, bigint> {
    const each = new Map<string, bigint>();
    for (const [layer, counts] of this.layerCascade(root).runsAtWave) {
      if (layer !== root)
        each.set(
          layer,
          counts.reduce((sum, c) => sum + c, 0n),
        );
    }
    return each;
  }

  private sourceOf(sourceKey: string) {
    const source = this.topology.workspaceByKey.get(sourceKey);
    if (!source) throw new Error(`unknown workspace ${sourceKey}`);
    return source;
  }

  /** Upper bound of the runs one successful apply of `sourceKey` queues downstream. */
  totalRuns(sourceKey: string): bigint {
    let total = 0n;
    for (const [layer, each] of this.runsEachByLayer(this.sourceOf(sourceKey).layer)) {
      total += each * BigInt(this.sizes.get(layer)!);
    }
    return total;
  }

  /** The cascade set off by a successful apply of workspace `sourceKey`. */
  simulate(sourceKey: string): Cascade {
    const source = this.sourceOf(sourceKey);
    const { runsAtWave, waves: waveCount } = this.layerCascade(source.layer);
    const layerByName = this.layerByName;
    const lastWave = new Map([...runsAtWave].map(([layer, counts]) => [layer, counts.length - 1]));
    /** Workspaces of an upstream layer that take part in the cascade. */
    const active = (layer: string) => (layer === source.layer ? [sourceKey] : layerByName.get(layer)!.workspaces);
    const outcome = this.topology.autoApply ? "auto-apply" : "wait-for-approval";

    const waves: CascadeWave[] = [];
    for (let wave = 1; wave <= waveCount; wave++) {
      const groups: CascadeRunGroup[] = [];
      for (const [layerName, counts] of runsAtWave) {
        const runsEach = counts[wave] ?? 0n;
        if (layerName === source.layer || runsEach === 0n) continue;
        const layer = layerByName.get(layerName)!;
        const sourceLayers = layer.dependsOn.filter((d) => (runsAtWave.get(d)?.[wave - 1] ?? 0n) > 0n);
        const queuedBy = sourceLayers.flatMap(active);
        // An upstream that re-applies in this cascade may not have applied yet when these
        // runs plan, unless its only pending apply is the very one that queued them.
        const mayReadOldOutputsOf = layer.dependsOn
          .filter((d) => d !== source.layer && (lastWave.get(d) ?? -1) >= wave - 1)
          .flatMap((d) => {
            const counts = runsAtWave.get(d)!;
            const morePending = (counts[wave - 1] ?? 0n) > 1n || lastWave.get(d)! > wave - 1;
            return active(d).filter((key) => morePending || queuedBy.some((q) => q !== key));
          });
        groups.push({
          layer: layerName,
          workspaces: layer.workspaces,
          runsEach,
          queuedBy,
          outcome,
          mayReadOldOutputsOf,
        });
      }
      waves.push({ wave, groups });
    }

    const runsEach = this.runsEachByLayer(source.layer);
    const runsByWorkspace = new Map<string, bigint>();
    for (const layer of this.topology.layers) {
      const each = runsEach.get(layer.name);
      if (each !== undefined) for (const key of layer.workspaces) runsByWorkspace.set(key, each);
    }
    const totalRuns = this.totalRuns(sourceKey);
    return {
      source: sourceKey,
      waves,
      runsByWorkspace,
      totalRuns,
      reachableWorkspaces: runsByWorkspace.size,
      extraRuns: totalRuns - BigInt(runsByWorkspace.size),
      waitsForApproval: !this.topology.autoApply && runsByWorkspace.size > 0,
    };
  }
}

/** The cascade of one workspace; use CascadeSimulator to simulate many. */
export function simulateCascade(topology: Topology, sourceKey: string): Cascade {
  return new CascadeSimulator(topology).simulate(sourceKey);
}

/** A run count for JSON: a number while exact, a decimal string beyond 2^53. */
export function countToJson(count: bigint): number | string {
  return count <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(count) : count.toString();
}

// What a successful apply of one workspace sets off in TFC, simulated on the topology alone.
//
// TFC facts this follows: every successful apply of a source queues one run in each of its
// trigger targets; fan-in queues one run per upstream apply (they run one after another);
// runs queued by triggers apply by themselves only when autoApplyRunTrigger is true; a run
// whose plan has no changes ends without an apply and fires nothing further.
//
// Workspaces with the same upstreams get the same runs, so counts are computed per group of them
// (a layer, or a layer's workspaces of one cell) and shared. Counts are bigint: a deep diamond has
// exponentially many paths.
import type { Topology } from "./topology";

/** Runs queued in one wave for a group of workspaces of one layer with the same upstreams. */
export interface CascadeRunGroup {
  readonly layer: string;
  /** Workspace keys of the group; each gets `runsEach` runs in this wave. */
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
  /** Whether a run of the first wave already stops for approval (nothing further happens past it until then). */
  readonly waitsForApproval: boolean;
}

interface GroupCascade {
  /** Per reached group, runs per workspace at each wave (index = wave). */
  readonly runsAtWave: ReadonlyMap<number, bigint[]>;
  readonly waves: number;
}

/**
 * Workspaces of one layer with the same upstreams: they get the same runs. Without cells or
 * narrowed upstreams a group is a layer; with cells, a layer's workspaces of one cell.
 */
interface Group {
  readonly id: number;
  readonly layer: string;
  readonly workspaces: readonly string[];
  readonly upstreams: ReadonlySet<string>;
  /** Groups feeding this one, with how many of their workspaces each of this group's reads from. */
  readonly feeds: readonly { readonly group: number; readonly width: bigint }[];
}

/**
 * Simulates cascades on one topology. Counts are kept per group of workspaces that share their
 * upstreams and cached per source group (and which groups the source itself feeds), so
 * simulating every workspace costs about one pass per group.
 */
export class CascadeSimulator {
  private readonly groups: Group[] = [];
  private readonly groupOf = new Map<string, Group>();
  private readonly cache = new Map<string, GroupCascade>();

  constructor(private readonly topology: Topology) {
    const bySignature = new Map<string, string[]>();
    for (const layer of topology.layers) {
      for (const key of layer.workspaces) {
        const upstreams = topology.workspaceByKey.get(key)!.upstreams;
        const signature = `${layer.name}\0${upstreams.join("\0")}`;
        bySignature.set(signature, [...(bySignature.get(signature) ?? []), key]);
      }
    }
    // Layers are in dependency order, so every group comes after the groups that feed it.
    for (const members of bySignature.values()) {
      const first = topology.workspaceByKey.get(members[0])!;
      const upstreams = new Set(first.upstreams);
      const widths = new Map<number, bigint>();
      for (const u of upstreams) {
        const g = this.groupOf.get(u)!.id;
        widths.set(g, (widths.get(g) ?? 0n) + 1n);
      }
      const group: Group = {
        id: this.groups.length,
        layer: first.layer,
        workspaces: members,
        upstreams,
        feeds: [...widths].map(([g, width]) => ({ group: g, width })),
      };
      this.groups.push(group);
      for (const key of members) this.groupOf.set(key, group);
    }
  }

  /** Path counts from `source` to one workspace of each group, per length. */
  private groupCascade(source: string): GroupCascade {
    const root = this.groupOf.get(source)!;
    // Only the source of its group applies; which groups read it decides the cascade.
    const fedBySource = this.groups.filter((g) => g.upstreams.has(source)).map((g) => g.id);
    const cacheKey = `${root.id}:${fedBySource.join(",")}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const fed = new Set(fedBySource);
    const runsAtWave = new Map<number, bigint[]>([[root.id, [1n]]]);
    let waves = 0;
    for (const group of this.groups.slice(root.id + 1)) {
      const counts: bigint[] = [];
      for (const { group: upstream, width } of group.feeds) {
        const upstreamCounts = runsAtWave.get(upstream);
        if (!upstreamCounts) continue;
        // Each upstream workspace queues its own run here; the root group only its source.
        const w = upstream === root.id ? (fed.has(group.id) ? 1n : 0n) : width;
        if (w === 0n) continue;
        upstreamCounts.forEach((count, wave) => {
          if (count > 0n) counts[wave + 1] = (counts[wave + 1] ?? 0n) + count * w;
        });
      }
      if (counts.length > 0) {
        for (let i = 0; i < counts.length; i++) counts[i] ??= 0n;
        runsAtWave.set(group.id, counts);
        waves = Math.max(waves, counts.length - 1);
      }
    }
    const result = { runsAtWave, waves };
    this.cache.set(cacheKey, result);
    return result;
  }

  private sourceOf(sourceKey: string) {
    const source = this.topology.workspaceByKey.get(sourceKey);
    if (!source) throw new Error(`unknown workspace ${sourceKey}`);
    return source;
  }

  /** Runs each workspace of every reached group gets in one cascade from `source`, all waves. */
  private runsEachByGroup(source: string): Map<number, bigint> {
    const root = this.groupOf.get(source)!.id;
    const each = new Map<number, bigint>();
    for (const [group, counts] of this.groupCascade(source).runsAtWave) {
      if (group !== root)
        each.set(
          group,
          counts.reduce((sum, c) => sum + c, 0n),
        );
    }
    return each;
  }

  /** Upper bound of the runs one successful apply of `sourceKey` queues downstream. */
  totalRuns(sourceKey: string): bigint {
    this.sourceOf(sourceKey);
    let total = 0n;
    for (const [group, each] of this.runsEachByGroup(sourceKey)) {
      total += each * BigInt(this.groups[group].workspaces.length);
    }
    return total;
  }

  /** The cascade set off by a successful apply of workspace `sourceKey`. */
  simulate(sourceKey: string): Cascade {
    this.sourceOf(sourceKey);
    const root = this.groupOf.get(sourceKey)!;
    const { runsAtWave, waves: waveCount } = this.groupCascade(sourceKey);
    const lastWave = new Map([...runsAtWave].map(([group, counts]) => [group, counts.length - 1]));
    /** Workspaces of an upstream group that take part in the cascade and feed `group`. */
    const active = (upstream: number, group: Group) =>
      upstream === root.id ? [sourceKey] : this.groups[upstream].workspaces.filter((k) => group.upstreams.has(k));
    // Every run here is queued by a trigger: its workspace's autoApplyRunTrigger decides, not autoApply.
    const outcomeOf = (group: Group) =>
      this.topology.workspaceByKey.get(group.workspaces[0])!.autoApplyRunTrigger ? "auto-apply" : "wait-for-approval";

    const waves: CascadeWave[] = [];
    for (let wave = 1; wave <= waveCount; wave++) {
      const groups: CascadeRunGroup[] = [];
      for (const [id, counts] of runsAtWave) {
        const runsEach = counts[wave] ?? 0n;
        if (id === root.id || runsEach === 0n) continue;
        const group = this.groups[id];
        const feeding = group.feeds.map((f) => f.group).filter((g) => g !== root.id || group.upstreams.has(sourceKey));
        const queuedBy = feeding
          .filter((g) => (runsAtWave.get(g)?.[wave - 1] ?? 0n) > 0n)
          .flatMap((g) => active(g, group));
        // An upstream that re-applies in this cascade may not have applied yet when these
        // runs plan, unless its only pending apply is the very one that queued them.
        const mayReadOldOutputsOf = feeding
          .filter((g) => g !== root.id && (lastWave.get(g) ?? -1) >= wave - 1)
          .flatMap((g) => {
            const upstreamCounts = runsAtWave.get(g)!;
            const morePending = (upstreamCounts[wave - 1] ?? 0n) > 1n || lastWave.get(g)! > wave - 1;
            return active(g, group).filter((key) => morePending || queuedBy.some((q) => q !== key));
          });
        groups.push({
          layer: group.layer,
          workspaces: group.workspaces,
          runsEach,
          queuedBy,
          outcome: outcomeOf(group),
          mayReadOldOutputsOf,
        });
      }
      waves.push({ wave, groups });
    }

    const runsEach = this.runsEachByGroup(sourceKey);
    const runsByWorkspace = new Map<string, bigint>();
    for (const group of this.groups) {
      const each = runsEach.get(group.id);
      if (each !== undefined) for (const key of group.workspaces) runsByWorkspace.set(key, each);
    }
    const totalRuns = this.totalRuns(sourceKey);
    return {
      source: sourceKey,
      waves,
      runsByWorkspace,
      totalRuns,
      reachableWorkspaces: runsByWorkspace.size,
      extraRuns: totalRuns - BigInt(runsByWorkspace.size),
      waitsForApproval: waves[0]?.groups.some((g) => g.outcome === "wait-for-approval") ?? false,
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

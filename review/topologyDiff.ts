// Compares two topologies of one stack the way a reviewer thinks of them: run triggers and
// remote-state grants added and removed, state a workspace can no longer read, how the cascade
// of each workspace's apply changes, and, with contracts, outputs removed or retyped that are read.
// Workspaces are named by their TFC names; a side may be missing (a new or removed stack).
import { CascadeSimulator, countToJson } from "../topology/cascade";
import type { Topology } from "../topology/topology";

export interface Edge {
  readonly upstream: string;
  readonly downstream: string;
}

export interface CascadeChange {
  /** The workspace whose apply sets the cascade off. */
  readonly source: string;
  readonly runsBefore: number | string;
  readonly runsAfter: number | string;
  readonly wavesBefore: number;
  readonly wavesAfter: number;
  /** Workspaces that now run more than once for one apply of the source (fan-in). */
  readonly newDuplicates: readonly string[];
  /** Workspaces that may now plan before an upstream they read has applied: "workspace reads upstream". */
  readonly newStaleReads: readonly string[];
}

export interface ContractChange {
  readonly workspace: string;
  readonly output: string;
  readonly change: "removed" | "retyped";
  readonly typeBefore: string;
  readonly typeAfter?: string;
  /** The workspaces that read it before the change. */
  readonly readBy: readonly string[];
}

export interface TopologyDiff {
  readonly triggersAdded: Edge[];
  readonly triggersRemoved: Edge[];
  /** Remote-state access: `downstream` may read `upstream`'s state. */
  readonly grantsAdded: Edge[];
  readonly grantsRemoved: Edge[];
  /** Grants removed from workspaces that still exist: their code fails if it still reads that state. */
  readonly lostReads: Edge[];
  readonly cascade: CascadeChange[];
  readonly contract: ContractChange[];
}

const key = (e: Edge) => `${e.upstream}\0${e.downstream}`;

/** TFC names by key; `renamed` maps a former name to the current one (renamedFrom keeps the workspace). */
type Names = (key: string) => string;

function namesOf(topology: Topology, renamed: ReadonlyMap<string, string> = new Map()): Names {
  return (k) => {
    const name = topology.workspaceByKey.get(k)!.name;
    return renamed.get(name) ?? name;
  };
}

function edges(topology: Topology | undefined, of: "triggers" | "grants", name?: Names): Edge[] {
  if (!topology || !name) return [];
  if (of === "triggers")
    return topology.triggers.map((t) => ({ upstream: name(t.upstream), downstream: name(t.downstream) }));
  return topology.workspaces.flatMap((w) => w.consumers.map((c) => ({ upstream: name(w.key), downstream: name(c) })));
}

function minus(a: readonly Edge[], b: readonly Edge[]): Edge[] {
  const other = new Set(b.map(key));
  return a.filter((e) => !other.has(key(e)));
}

interface CascadeSummary {
  readonly runs: bigint;
  readonly waves: number;
  /** Workspaces that run more than once, as numbers from the diff's TFC names. */
  readonly duplicates: Set<number>;
  /** "workspace reads upstream" pairs, as workspace * PAIR_SPAN + upstream. */
  readonly staleReads: Set<number>;
}

/**
 * Numbers for TFC names, shared by both sides: at 1,000 workspaces a side has about 350,000
 * stale-read pairs, too many to compare as strings. Names become text again only where they show.
 */
class NameNumbers {
  private readonly numbers = new Map<string, number>();
  readonly names: string[] = [];
  of(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = this.names.length;
      this.names.push(name);
      this.numbers.set(name, n);
    }
    return n;
  }
}

// More than any stack's workspaces (TFC's limits are far lower), and PAIR_SPAN squared is exact in a double.
const PAIR_SPAN = 2 ** 24;

function cascades(topology: Topology | undefined, numbers: NameNumbers, name?: Names): Map<string, CascadeSummary> {
  const result = new Map<string, CascadeSummary>();
  if (!topology || !name) return result;
  const simulator = new CascadeSimulator(topology);
  const number = new Map(topology.workspaces.map((w) => [w.key, numbers.of(name(w.key))]));
  for (const ws of topology.workspaces) {
    const c = simulator.simulate(ws.key);
    const duplicates = new Set<number>();
    for (const [k, runs] of c.runsByWorkspace) if (runs > 1n) duplicates.add(number.get(k)!);
    const staleReads = new Set<number>();
    for (const wave of c.waves) {
      for (const g of wave.groups) {
        for (const k of g.workspaces) {
          for (const u of g.mayReadOldOutputsOf) staleReads.add(number.get(k)! * PAIR_SPAN + number.get(u)!);
        }
      }
    }
    result.set(name(ws.key), { runs: c.totalRuns, waves: c.waves.length, duplicates, staleReads });
  }
  return result;
}

function contractChanges(
  before: Topology | undefined,
  after: Topology | undefined,
  name: Names | undefined,
  keyAfter: ReadonlyMap<string, string>,
): ContractChange[] {
  if (!before?.contractByWorkspace || !name) return [];
  const changes: ContractChange[] = [];
  for (const ws of before.workspaces) {
    const was = before.contractByWorkspace.get(ws.key)!;
    const now = after?.contractByWorkspace?.get(keyAfter.get(name(ws.key)) ?? "")?.publishes ?? [];
    for (const output of was.publishes) {
      const readBy = was.readers.filter((r) => r.outputs.includes(output.name)).map((r) => name(r.downstream));
      if (readBy.length === 0) continue;
      const current = now.find((o) => o.name === output.name);
      if (current?.typeText === output.typeText) continue;
      changes.push({
        workspace: name(ws.key),
        output: output.name,
        change: current ? "retyped" : "removed",
        typeBefore: output.typeText,
        ...(current ? { typeAfter: current.typeText } : {}),
        readBy,
      });
    }
  }
  return changes;
}

/** What changes between two topologies of a stack; either may be missing. */
/** Former TFC name to current one, for the workspaces renamed with renamedFrom: the same workspaces. */
export function renamedWorkspaces(after: Topology | undefined): Map<string, string> {
  return new Map((after?.workspaces ?? []).flatMap((w) => (w.previous ? [[w.previous.name, w.name]] : [])));
}

export function diffTopologies(before: Topology | undefined, after: Topology | undefined): TopologyDiff {
  // A renamed workspace is the same workspace: the old side speaks of it by its new name.
  const renamed = renamedWorkspaces(after);
  const nameBefore = before && namesOf(before, renamed);
  const nameAfter = after && namesOf(after);
  const keyAfter = new Map((after?.workspaces ?? []).map((w) => [w.name, w.key]));
  const [triggersBefore, triggersAfter] = [edges(before, "triggers", nameBefore), edges(after, "triggers", nameAfter)];
  const [grantsBefore, grantsAfter] = [edges(before, "grants", nameBefore), edges(after, "grants", nameAfter)];
  const grantsRemoved = minus(grantsBefore, grantsAfter);
  const stillThere = new Set(after?.workspaces.map((w) => w.name) ?? []);
  const numbers = new NameNumbers();
  const [was, now] = [cascades(before, numbers, nameBefore), cascades(after, numbers, nameAfter)];
  const nameOf = (n: number) => numbers.names[n];
  const sources = [...new Set([...now.keys(), ...was.keys()])];
  const empty: CascadeSummary = { runs: 0n, waves: 0, duplicates: new Set(), staleReads: new Set() };
  const cascade = sources.flatMap((source): CascadeChange[] => {
    const [b, a] = [was.get(source) ?? empty, now.get(source) ?? empty];
    const newDuplicates = [...a.duplicates].filter((w) => !b.duplicates.has(w)).map(nameOf);
    const newStaleReads = [...a.staleReads]
      .filter((pair) => !b.staleReads.has(pair))
      .map((pair) => `${nameOf(Math.floor(pair / PAIR_SPAN))} reads ${nameOf(pair % PAIR_SPAN)}`);
    if (a.runs === b.runs && a.waves === b.waves && newDuplicates.length === 0 && newStaleReads.length === 0) return [];
    return [
      {
        source,
        runsBefore: countToJson(b.runs),
        runsAfter: countToJson(a.runs),
        wavesBefore: b.waves,
        wavesAfter: a.waves,
        newDuplicates,
        newStaleReads,
      },
    ];
  });
  return {
    triggersAdded: minus(triggersAfter, triggersBefore),
    triggersRemoved: minus(triggersBefore, triggersAfter),
    grantsAdded: minus(grantsAfter, grantsBefore),
    grantsRemoved,
    lostReads: grantsRemoved.filter((g) => stillThere.has(g.downstream) && stillThere.has(g.upstream)),
    cascade,
    contract: contractChanges(before, after, nameBefore, keyAfter),
  };
}

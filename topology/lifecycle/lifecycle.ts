// The lifecycle rules: where ordered bootstrap and teardown can work, and their order as pure
// data. Bootstrap waves go upstreams first (a workspace's first plan reads its upstreams'
// state); teardown waves are the same in reverse (dependents are destroyed first).

import { writtenName } from "../cells/cells";
import { StackConfigError, show } from "../errors";
import { externalName, isExternal } from "../external/external";
import { depths } from "../graph";
import { KEYS } from "../keys";
import { LIFECYCLE_KEY, type LifecycleConfig } from "./lifecycleConfig";

export interface LifecyclePlan extends LifecycleConfig {
  /** Whether the bootstrap applies and destroy runs wait for a person to confirm them. */
  readonly manualConfirm: boolean;
  /** Workspace keys per wave, upstreams first; teardown is the reverse. Retiring ones are left out. */
  readonly bootstrapWaves: readonly (readonly string[])[];
  /** Retiring workspaces per wave of their destroy runs, dependents first. */
  readonly retiringWaves: readonly (readonly string[])[];
}

/** A layer as the lifecycle orders it (the topology's LayerNode has this shape). */
interface LayerNode {
  readonly name: string;
  readonly dependsOn: readonly string[];
  readonly workspaces: readonly string[];
}

interface LifecycleContext {
  readonly hasVcs: boolean;
  readonly autoApply: boolean;
  readonly protect: boolean;
  readonly layers: readonly { name: string; executionMode: string; workspaces: readonly string[] }[];
  readonly layerNodes: readonly LayerNode[];
  /** Each workspace's trigger sources, by key. */
  readonly upstreams: ReadonlyMap<string, readonly string[]>;
}

/**
 * The way out of a lifecycle, one step at a time. Removing a workspace deletes its run (its
 * destroy run) only at the end of `pulumi up`, after the main pass has already taken its state
 * access away from its upstreams' settings: its destroy plan then fails at the remote-state read.
 * A retiring workspace loses its run (and its triggers) first and keeps everything else.
 */
function checkRetiring(config: LifecycleConfig, stack: LifecycleContext): void {
  if (config.retiring.length === 0) return;
  const keys = stack.layers.flatMap((l) => l.workspaces);
  const seen = new Set<string>();
  for (const key of config.retiring) {
    if (seen.has(key)) fail(`retiring lists ${show(key)} twice: list it once`);
    seen.add(key);
    if (!keys.includes(key)) {
      fail(
        `retiring ${show(key)} is not a workspace of the stack: a retiring workspace stays in layers until its destroy run has finished`,
      );
    }
  }
  if (!config.destroyOnDelete) {
    fail(
      `retiring ${show(config.retiring)} needs destroyOnDelete: true, the destroy run it waits for; without it, remove the workspaces from layers directly`,
    );
  }
  for (const [key, upstreams] of stack.upstreams) {
    if (seen.has(key)) continue;
    const retiringUpstream = upstreams.find((u) => seen.has(u));
    if (retiringUpstream !== undefined) {
      // The fix that keeps the dependent: its own upstreams, without the retiring ones (as written).
      const staying = [...new Set(upstreams.filter((u) => !seen.has(u)).map(writtenUpstream))];
      fail(
        `retiring ${show(retiringUpstream)} while ${show(key)} depends on it: retire ${show(key)} too, or narrow its upstreams so it no longer reads it: write its entry in layers as {name: ${writtenName(key)}, upstreams: [${staying.join(", ")}]}`,
      );
    }
  }
}

/** An upstream as a workspace entry's upstreams names it. */
const writtenUpstream = (key: string) => (isExternal(key) ? externalName(key) : writtenName(key));

const fail = (message: string): never => {
  throw new StackConfigError(`${LIFECYCLE_KEY}: ${message}`);
};

/** Checks that the lifecycle can work for this stack and orders its waves. */
export function planLifecycle(config: LifecycleConfig | undefined, stack: LifecycleContext): LifecyclePlan | undefined {
  if (config === undefined) return undefined;
  if (!config.applyOnCreate && !config.destroyOnDelete) {
    // No run resource can hold neither; dropping them all would start the destroy runs they were made with.
    fail(
      "applyOnCreate and destroyOnDelete are both false, which deletes every run, each with the destroy it was created with: to switch the lifecycle off, set applyOnCreate: true, destroyOnDelete: false, run pulumi up, then remove the key",
    );
  }
  if (!stack.hasVcs) {
    fail(
      "needs tfc-layers:vcs: a workspace with no code source has no configuration to run; connect the repository or drop the lifecycle",
    );
  }
  for (const layer of stack.layers) {
    if (layer.executionMode === "local") {
      fail(
        `layer ${show(layer.name)} has executionMode local, where TFC runs nothing: use remote or agent, or drop the lifecycle`,
      );
    }
  }
  if (config.retryBackoffMin > config.retryBackoffMax) {
    fail(`retryBackoffMin ${config.retryBackoffMin} is above retryBackoffMax ${config.retryBackoffMax}: swap them`);
  }
  if (config.destroyOnDelete && stack.protect && !config.destroyProtected) {
    const count = stack.layers.reduce((n, l) => n + l.workspaces.length, 0);
    // A stack that auto-applies may drop its protection; one that waits for approval may not.
    const unprotect = stack.autoApply ? `set ${KEYS.protect}: false if its workspaces may be deleted, or ` : "set ";
    fail(
      `destroyOnDelete on a protected stack (${KEYS.protect}: true, its default) would destroy the infrastructure of its ${count} workspaces (all their resources, dependents first) on pulumi destroy or when one leaves the config: ${unprotect}destroyProtected: true if that is meant`,
    );
  }
  checkRetiring(config, stack);
  const dependsOn = new Map(stack.layerNodes.map((l) => [l.name, l.dependsOn]));
  const names = stack.layerNodes.map((l) => l.name);
  const depth = depths(names, (n) => dependsOn.get(n) ?? []);
  const workspacesOf = new Map(stack.layerNodes.map((l) => [l.name, l.workspaces]));
  const waveCount = Math.max(...names.map((n) => depth.get(n)!)) + 1;
  const waves = Array.from({ length: waveCount }, (_, wave) =>
    names.filter((n) => depth.get(n) === wave).flatMap((n) => workspacesOf.get(n)!),
  );
  const retiring = new Set(config.retiring);
  const staying = waves.map((w) => w.filter((k) => !retiring.has(k)).sort()).filter((w) => w.length > 0);
  const leaving = waves
    .map((w) => w.filter((k) => retiring.has(k)).sort())
    .filter((w) => w.length > 0)
    .reverse();
  return { ...config, manualConfirm: !stack.autoApply, bootstrapWaves: staying, retiringWaves: leaving };
}

/** What one wave-by-wave pass (bootstrap or teardown) takes, given how long a run takes. */
export interface WallTime {
  readonly minutes: number;
  /** Runs that cannot overlap: the number of waves. */
  readonly longestChain: number;
}

/**
 * Wall time of running `waves` in order, each wave's runs `concurrency` at a time (TFC's free
 * tier runs one at a time), each run taking `runMinutes`. Approvals come on top.
 */
export function wallTime(waves: readonly (readonly string[])[], runMinutes: number, concurrency: number): WallTime {
  const minutes = waves.reduce((sum, wave) => sum + Math.ceil(wave.length / concurrency) * runMinutes, 0);
  return { minutes, longestChain: waves.length };
}

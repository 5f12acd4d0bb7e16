// What adoption keeps of how an organization behaves: who waits for approval (auto-apply and
// auto-apply of runs queued by run triggers, per workspace, written once for the stack and per
// layer where it differs) and which credential sets yield to a workspace's own variables. And the
// one-line flags for what a stack file cannot keep. Pure.
import { type AutoApply, layerFlags } from "../autoApply/autoApply";

/** The workspaces of one layer as they are now. */
export interface LayerNow {
  readonly layer: string;
  readonly workspaces: readonly ({ readonly name: string } & AutoApply)[];
}

export interface AutoApplyChoice {
  /** The stack's keys to write. */
  readonly stack: { readonly autoApply: boolean; readonly autoApplyRunTrigger?: boolean };
  /** Each layer's own fields to write (empty where it takes the stack's). */
  readonly layers: ReadonlyMap<string, { autoApply?: boolean; autoApplyRunTrigger?: boolean }>;
  /** Whether a layer auto-applies where the stack waits, which the stack must then allow. */
  readonly allowLayerAutoApply: boolean;
}

/** A layer's one value of a flag: the one all agree on, else false (a run that waits is the safe change). */
const agreed = (values: readonly boolean[]) => values.every((v) => v);

/** What most layers have; a tie waits (false), the safe side. */
const most = (values: readonly boolean[]) => values.filter((v) => v).length * 2 > values.length;

/**
 * The stack and layer values that give every workspace its flags, where its layer's workspaces
 * agree. The stack takes what most layers have (a tie: false, waiting), and a layer that differs
 * sets its own.
 */
export function collapseAutoApply(layers: readonly LayerNow[]): AutoApplyChoice {
  const per = layers.map((l) => ({
    layer: l.layer,
    autoApply: agreed(l.workspaces.map((w) => w.autoApply)),
    autoApplyRunTrigger: agreed(l.workspaces.map((w) => w.autoApplyRunTrigger)),
  }));
  const autoApply = most(per.map((l) => l.autoApply));
  const trigger = most(per.map((l) => l.autoApplyRunTrigger));
  const stack = { autoApply, ...(trigger !== autoApply ? { autoApplyRunTrigger: trigger } : {}) };
  const own = new Map<string, { autoApply?: boolean; autoApplyRunTrigger?: boolean }>();
  for (const l of per) {
    const fields: { autoApply?: boolean; autoApplyRunTrigger?: boolean } = {};
    if (l.autoApply !== autoApply) fields.autoApply = l.autoApply;
    // A layer's autoApply alone would set its trigger flag too (or be refused where the stack sets it apart).
    if (
      layerFlags(stack, fields).autoApplyRunTrigger !== l.autoApplyRunTrigger ||
      (fields.autoApply !== undefined && stack.autoApplyRunTrigger !== undefined)
    )
      fields.autoApplyRunTrigger = l.autoApplyRunTrigger;
    own.set(l.layer, fields);
  }
  const allowLayerAutoApply = per.some((l) => (l.autoApply && !autoApply) || (l.autoApplyRunTrigger && !trigger));
  return { stack, layers: own, allowLayerAutoApply };
}

/** A workspace as it is now and as the adopted stack makes it. */
export interface WorkspaceChange {
  readonly name: string;
  readonly layer: string;
  readonly now: AutoApply;
  readonly after: AutoApply;
}

/** A variable set as it is now and as the adopted stack makes it. */
export interface SetChange {
  readonly name: string;
  readonly now: boolean;
  readonly after: boolean;
}

const runsOf = {
  autoApply: "runs other than those queued by run triggers",
  autoApplyRunTrigger: "runs queued by run triggers",
};
const does = (auto: boolean) => (auto ? "apply by themselves" : "wait for approval");

/** One line per behaviour the adopted stack does not keep: a workspace's flags, a set's priority. */
export function behaviourFlags(workspaces: readonly WorkspaceChange[], sets: readonly SetChange[]): string[] {
  const flags: string[] = [];
  for (const w of workspaces) {
    for (const flag of ["autoApply", "autoApplyRunTrigger"] as const) {
      if (w.now[flag] === w.after[flag]) continue;
      const others = workspaces.filter((o) => o.layer === w.layer && o.now[flag] !== w.now[flag]).map((o) => o.name);
      const why = others.length
        ? `the workspaces of layer ${w.layer} disagree (${others.join(", ")}: ${flag} ${!w.now[flag]}) and a layer has one ${flag}; give them different layers with --layers <file>`
        : "the stack file cannot say otherwise";
      flags.push(
        `Flagged: ${w.name}'s ${runsOf[flag]} ${does(w.now[flag])} now and ${does(w.after[flag])} after adoption (${flag} ${w.now[flag]} -> ${w.after[flag]}): ${why}`,
      );
    }
  }
  for (const s of sets) {
    if (s.now === s.after) continue;
    flags.push(
      `Flagged: variable set ${s.name} ${s.now ? "has" : "has no"} priority now and ${s.after ? "has" : "has no"} priority after adoption: ${s.after ? "its values then beat the workspaces' own variables of the same name" : "the workspaces' own variables of the same name then win"}`,
    );
  }
  return flags;
}

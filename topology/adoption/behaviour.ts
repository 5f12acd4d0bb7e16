// What adoption keeps of how an organization behaves: who waits for approval (auto-apply and
// auto-apply of runs queued by run triggers, per workspace, written once for the stack and per
// layer where it differs), health assessments likewise, and which credential sets yield to a
// workspace's own variables. And the one-line flags for what a stack file cannot keep. Pure.
import { type AutoApply, layerFlags } from "../autoApply/autoApply";
import type { OrgWorkspace } from "./organization";

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

/** Health assessments: the stack's value and each layer's own where it differs. */
export interface HealthAssessmentsChoice {
  readonly stack: boolean;
  /** A layer's own value, only where it differs from the stack's. */
  readonly layers: ReadonlyMap<string, boolean>;
}

/**
 * A layer has assessments on where any of its workspaces has them (they only read, so the safe
 * side is on, flagged for the others); the stack takes what most layers have, a tie off.
 */
export function collapseHealthAssessments(
  layers: readonly {
    readonly layer: string;
    readonly workspaces: readonly Pick<OrgWorkspace, "assessmentsEnabled">[];
  }[],
): HealthAssessmentsChoice {
  const per = layers.map((l) => ({ layer: l.layer, on: l.workspaces.some((w) => w.assessmentsEnabled) }));
  const stack = most(per.map((l) => l.on));
  return { stack, layers: new Map(per.filter((l) => l.on !== stack).map((l) => [l.layer, l.on])) };
}

/** A workspace as it is now, with its layer's health assessments after adoption. */
export interface SettingsChange {
  readonly name: string;
  readonly layer: string;
  readonly now: Pick<
    OrgWorkspace,
    "assessmentsEnabled" | "speculativeEnabled" | "allowDestroyPlan" | "structuredRunOutputEnabled" | "sshKeyId"
  >;
  readonly after: { readonly healthAssessments: boolean };
}

/** The settings the program leaves to the provider: the value it sends where the stack says nothing. */
const PROVIDER_RESETS = [
  {
    changed: (w: SettingsChange["now"]) => !w.speculativeEnabled,
    line: (name: string) =>
      `Flagged: ${name} runs no speculative plans now and does after adoption (speculative_enabled false -> true, the provider's default, which the program leaves as it is): pull requests then get plans; where untrusted contributors open them, their code runs in those plans`,
  },
  {
    changed: (w: SettingsChange["now"]) => !w.allowDestroyPlan,
    line: (name: string) =>
      `Flagged: ${name} refuses destroy plans now and allows them after adoption (allow_destroy_plan false -> true, the provider's default): whoever may queue runs can then queue a destroy`,
  },
  {
    changed: (w: SettingsChange["now"]) => !w.structuredRunOutputEnabled,
    line: (name: string) =>
      `Flagged: ${name} shows runs as plain logs now and in the structured run view after adoption (structured_run_output_enabled false -> true, the provider's default)`,
  },
  {
    changed: (w: SettingsChange["now"]) => w.sshKeyId !== undefined,
    line: (name: string, w: SettingsChange["now"]) =>
      `Flagged: ${name} has the SSH key ${w.sshKeyId} now and none after adoption (the provider removes a key the config does not name): runs that fetch modules over SSH then fail`,
  },
];

/** One line per workspace setting the adopted stack does not keep: health assessments, and what the provider resets. */
export function settingFlags(workspaces: readonly SettingsChange[]): string[] {
  const flags: string[] = [];
  for (const w of workspaces) {
    if (w.now.assessmentsEnabled !== w.after.healthAssessments) {
      const on = (b: boolean) => (b ? "on" : "off");
      flags.push(
        `Flagged: ${w.name} has health assessments ${on(w.now.assessmentsEnabled)} now and ${on(w.after.healthAssessments)} after adoption: the workspaces of layer ${w.layer} disagree and a layer has one healthAssessments; give them different layers with --layers <file>`,
      );
    }
    for (const reset of PROVIDER_RESETS) if (reset.changed(w.now)) flags.push(reset.line(w.name, w.now));
  }
  return flags;
}

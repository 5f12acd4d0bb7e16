// Who waits for approval: each workspace's two auto-apply flags, from its layer's and its stack's
// choices, and the rules between them. TFC applies a run queued by a run trigger by itself only
// when autoApplyRunTrigger is true; autoApply governs every other run (VCS, API, CLI). Pure:
// checked before any resource is registered.
import { StackConfigError, show } from "../errors";
import { AUTO_APPLY_RUN_TRIGGER_KEY } from "./autoApplyConfig";

/** A workspace's two flags. */
export interface AutoApply {
  /** Whether runs other than those queued by run triggers apply by themselves. */
  readonly autoApply: boolean;
  /** Whether runs queued by run triggers apply by themselves. */
  readonly autoApplyRunTrigger: boolean;
}

/** The stack's choice: autoApplyRunTrigger undefined follows autoApply. */
export interface StackAutoApply {
  readonly autoApply: boolean;
  readonly autoApplyRunTrigger?: boolean;
}

/** A layer's own choice, each undefined where it takes the stack's. */
export interface LayerAutoApply {
  readonly name: string;
  readonly autoApply?: boolean;
  readonly autoApplyRunTrigger?: boolean;
}

/** Which of a workspace's runs wait for approval. */
export type RunsThatWait = "none" | "all" | "trigger-queued" | "not-trigger-queued";

/**
 * A layer's flags. Each is the layer's own, else the stack's; a layer that sets only autoApply sets
 * both (as it always did) unless the stack sets autoApplyRunTrigger, which checkAutoApply then
 * requires the layer to answer.
 */
export function layerFlags(stack: StackAutoApply, layer: Omit<LayerAutoApply, "name">): AutoApply {
  const autoApply = layer.autoApply ?? stack.autoApply;
  const stackTrigger = stack.autoApplyRunTrigger ?? stack.autoApply;
  const inherited =
    layer.autoApply !== undefined && stack.autoApplyRunTrigger === undefined ? layer.autoApply : stackTrigger;
  return { autoApply, autoApplyRunTrigger: layer.autoApplyRunTrigger ?? inherited };
}

/** The stack's own flags, before any layer's. */
export function stackFlags(stack: StackAutoApply): AutoApply {
  return { autoApply: stack.autoApply, autoApplyRunTrigger: stack.autoApplyRunTrigger ?? stack.autoApply };
}

/** Whether some of a workspace's runs stop for approval: it needs approvers and approval requests. */
export function waitsForApproval(flags: AutoApply): boolean {
  return !flags.autoApply || !flags.autoApplyRunTrigger;
}

export function runsThatWait(flags: AutoApply): RunsThatWait {
  if (flags.autoApply) return flags.autoApplyRunTrigger ? "none" : "trigger-queued";
  return flags.autoApplyRunTrigger ? "not-trigger-queued" : "all";
}

/**
 * Refuses a layer whose runs queued by triggers would apply where the stack's wait (unless the
 * stack allows layers to auto-apply), and a layer that sets autoApply but leaves open which
 * autoApplyRunTrigger it takes where the stack sets that one apart.
 */
export function checkAutoApply(
  stack: StackAutoApply,
  allowLayerAutoApply: boolean,
  layers: readonly LayerAutoApply[],
): void {
  for (const layer of layers) {
    const at = `tfc-layers:layers (layer ${show(layer.name)})`;
    if (
      layer.autoApply !== undefined &&
      layer.autoApplyRunTrigger === undefined &&
      stack.autoApplyRunTrigger !== undefined &&
      stack.autoApplyRunTrigger !== layer.autoApply
    ) {
      throw new StackConfigError(
        `${at}.autoApply is ${layer.autoApply} but the stack's ${AUTO_APPLY_RUN_TRIGGER_KEY} is ${stack.autoApplyRunTrigger}: say which the layer's runs queued by run triggers take; set its autoApplyRunTrigger to true or false`,
      );
    }
    if (layer.autoApplyRunTrigger === true && !stackFlags(stack).autoApplyRunTrigger && !allowLayerAutoApply) {
      throw new StackConfigError(
        `${at}.autoApplyRunTrigger true in a stack whose runs queued by run triggers wait for approval: they would apply unreviewed; set tfc-layers:allowLayerAutoApply true if that is meant, or drop it`,
      );
    }
  }
}

// The auto-apply part of the stack config: whether runs apply by themselves (tfc-layers:autoApply)
// and, apart from it, whether runs queued by run triggers do (tfc-layers:autoApplyRunTrigger), for
// the stack and per layer. TFC keeps the two flags apart; unset, the second follows the first, as
// it always did. Rules in autoApply.ts.
import { z } from "zod";
import { readBoolean } from "../configValues";

export const AUTO_APPLY_RUN_TRIGGER_KEY = "tfc-layers:autoApplyRunTrigger";

/** The fields a layer takes to choose its own. */
export const layerAutoApplyFields = {
  autoApply: z.boolean().optional(),
  autoApplyRunTrigger: z.boolean().optional(),
};

/** Reads tfc-layers:autoApplyRunTrigger; undefined: it follows tfc-layers:autoApply. */
export function readAutoApplyRunTrigger(raw: string | undefined): boolean | undefined {
  return readBoolean(AUTO_APPLY_RUN_TRIGGER_KEY, raw);
}

// Whether the workspaces of a stack are registered with Pulumi's `protect`. tfc-layers:protect
// alone decides it: true unless the stack sets it false, whether or not the stack auto-applies.
// Earlier versions derived it (`protect || !autoApply`), which dropped protection with
// autoApply: true; a stack must not silently lose protection by an upgrade either.
import { StackConfigError } from "./errors";
import { KEYS } from "./keys";

export interface ProtectionSettings {
  /** tfc-layers:protect, true when unset. */
  readonly protect: boolean;
  readonly autoApply: boolean;
}

/** Whether the stack's workspaces are protected; refuses a false that used to change nothing. */
export function stackProtection(settings: ProtectionSettings): boolean {
  if (!settings.protect && !settings.autoApply) {
    // Such a stack was protected whatever the key said: honouring the false now would unprotect
    // its workspaces on the upgrade, unannounced.
    throw new StackConfigError(
      `${KEYS.protect} is false, but a stack whose runs wait for approval (${KEYS.autoApply}: false) keeps its workspaces protected; earlier versions ignored this false, so honouring it would unprotect them unannounced: remove ${KEYS.protect} from the stack`,
    );
  }
  return settings.protect;
}

// The lifecycle part of the stack config: whether `pulumi up` starts each new workspace's first
// apply and `pulumi destroy` (or removing a workspace) destroys its infrastructure first, in
// dependency order, and how the provider retries those runs. Rules in lifecycle.ts.
import { z } from "zod";
import { readStructured } from "../configValues";

export const LIFECYCLE_KEY = "tfc-layers:lifecycle";

/** The provider's own defaults for tfe_workspace_run (v0.70.0). */
export const RETRY_DEFAULTS = { retryAttempts: 3, retryBackoffMin: 1, retryBackoffMax: 30 };

export const lifecycleSchema = z.strictObject({
  /** Start a first apply in every new workspace, upstreams first, and wait for it. */
  applyOnCreate: z.boolean().optional(),
  /** Run a destroy in a workspace before it is deleted, dependents first, and wait for it. */
  destroyOnDelete: z.boolean().optional(),
  /** Required for destroyOnDelete on a protected stack: says the destroy is meant. */
  destroyProtected: z.boolean().optional(),
  /**
   * Workspaces on their way out: their destroy run starts on this pulumi up while everything it
   * needs (upstream state access, variables, credentials) still exists; remove them next change.
   */
  retiring: z.array(z.string()).optional(),
  retryAttempts: z.number().int().min(0).optional(),
  retryBackoffMin: z.number().int().min(1).optional(),
  retryBackoffMax: z.number().int().min(1).optional(),
});

export interface LifecycleConfig {
  readonly applyOnCreate: boolean;
  readonly destroyOnDelete: boolean;
  readonly destroyProtected: boolean;
  /** Workspace keys whose destroy run this update starts, sorted. */
  readonly retiring: readonly string[];
  readonly retryAttempts: number;
  readonly retryBackoffMin: number;
  readonly retryBackoffMax: number;
}

const EXAMPLE = "{applyOnCreate: true, destroyOnDelete: true}";

/** Reads tfc-layers:lifecycle; undefined when the stack does not opt in. */
export function readLifecycle(raw: string | undefined): LifecycleConfig | undefined {
  const value = readStructured(LIFECYCLE_KEY, raw, lifecycleSchema, EXAMPLE);
  if (value === undefined) return undefined;
  return {
    applyOnCreate: value.applyOnCreate ?? false,
    destroyOnDelete: value.destroyOnDelete ?? false,
    destroyProtected: value.destroyProtected ?? false,
    retiring: [...(value.retiring ?? [])].sort(),
    retryAttempts: value.retryAttempts ?? RETRY_DEFAULTS.retryAttempts,
    retryBackoffMin: value.retryBackoffMin ?? RETRY_DEFAULTS.retryBackoffMin,
    retryBackoffMax: value.retryBackoffMax ?? RETRY_DEFAULTS.retryBackoffMax,
  };
}

// The external part of the stack config: upstream layers this stack does not own
// (`tfc-layers:external`), such as a workspace every environment shares, owned by another stack.
// A layer may depend on one; the program creates the run triggers (they live on its own
// workspaces) and lists the state consumers the owner must add. Rules in external.ts.
import { z } from "zod";
import { readStructured } from "../configValues";

export const EXTERNAL_KEY = "tfc-layers:external";
/** The other side: workspaces of other stacks that read this stack's workspaces' state. */
export const EXTERNAL_CONSUMERS_KEY = "tfc-layers:externalConsumers";

/** An external layer: its workspaces by exact TFC name, and optionally the outputs they publish. */
export interface ExternalLayerConfig {
  readonly name: string;
  readonly workspaces: readonly string[];
  readonly outputs?: Readonly<Record<string, string>>;
  /** Read only to refuse it with a reason: an external layer is not stamped per cell. */
  readonly cells?: unknown;
}

export const externalSchema = z.record(
  z.string(),
  z.strictObject({
    workspaces: z.array(z.string()),
    outputs: z.record(z.string(), z.string()).optional(),
    cells: z.unknown().optional(),
  }),
);

const EXAMPLE = "{shared: {workspaces: [iam-global]}}";

/** Reads tfc-layers:external; an empty list without it. */
export function readExternal(raw: string | undefined): ExternalLayerConfig[] {
  const value = readStructured(EXTERNAL_KEY, raw, externalSchema, EXAMPLE);
  return Object.entries(value ?? {}).map(([name, layer]) => ({
    name,
    workspaces: layer.workspaces,
    ...(layer.outputs ? { outputs: layer.outputs } : {}),
    ...(layer.cells !== undefined ? { cells: layer.cells } : {}),
  }));
}

export const externalConsumersSchema = z.record(z.string(), z.array(z.string()));

/**
 * Reads tfc-layers:externalConsumers: by one of this stack's workspaces (its TFC name, or as
 * written in a global layer), the TFC names of workspaces of other stacks that read its state.
 */
export function readExternalConsumers(raw: string | undefined): Readonly<Record<string, readonly string[]>> {
  return (
    readStructured(EXTERNAL_CONSUMERS_KEY, raw, externalConsumersSchema, "{dns-zone-global: [app-c-staging]}") ?? {}
  );
}

// The contract part of the stack config: the outputs each layer's workspaces publish, with their
// Terraform types, and the outputs a layer reads from each layer it depends on. Zod fragments
// and types here; the rules between layers are in contract.ts.
import { z } from "zod";

/** The fields a layer takes for its contract. */
export const layerContractFields = {
  /** Output name to Terraform type expression, e.g. {vpc_id: string, subnet_ids: list(string)}. */
  outputs: z.record(z.string(), z.string()).optional(),
  /** Upstream layer to the names of the outputs read from it, e.g. {network: [vpc_id]}. */
  reads: z.record(z.string(), z.array(z.string())).optional(),
};

/** A layer's contract, as written. */
export interface LayerContractConfig {
  /** Undefined when the layer declares no outputs. */
  readonly outputs?: Readonly<Record<string, string>>;
  /** Undefined when the layer does not say what it reads: then it may read every upstream. */
  readonly reads?: Readonly<Record<string, readonly string[]>>;
}

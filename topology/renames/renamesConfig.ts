// The renames part of the stack config (`tfc-layers:renamedFrom`): how the stack named its
// workspaces before a change that renames them all or many at once: the naming template, a cell,
// a layer, or a workspace's own TFC name. From it the program derives each workspace's former TFC
// name, and keeps every TFC object through an alias: TFC renames a workspace in place, so nothing
// is destroyed and nothing applied anew. A single workspace renamed keeps its layer's renamedFrom.
// Rules in renames.ts.
import { z } from "zod";
import { readStructured } from "../configValues";

export const RENAMES_KEY = "tfc-layers:renamedFrom";

/** What the stack's names were before, each part only where it changed. */
export interface RenamesConfig {
  /** The naming template the stack had (tfc-layers:workspaceName before). */
  readonly workspaceName?: string;
  /** A cell's former name, by its current name. */
  readonly cells: Readonly<Record<string, string>>;
  /** A layer's former name, by its current name. */
  readonly layers: Readonly<Record<string, string>>;
  /** A workspace's former TFC name (a tfcName removed or changed), by the workspace as written. */
  readonly tfcNames: Readonly<Record<string, string>>;
}

const names = z.record(z.string(), z.string());

export const renamesSchema = z.strictObject({
  workspaceName: z.string().optional(),
  cells: names.optional(),
  layers: names.optional(),
  tfcNames: names.optional(),
});

const EXAMPLE = '{workspaceName: "{workspace}-{environment}", cells: {us-east: us}}';

/** Reads tfc-layers:renamedFrom; no renames when unset. */
export function readRenames(raw: string | undefined): RenamesConfig {
  const read = readStructured(RENAMES_KEY, raw, renamesSchema, EXAMPLE);
  return {
    ...(read?.workspaceName !== undefined ? { workspaceName: read.workspaceName } : {}),
    cells: read?.cells ?? {},
    layers: read?.layers ?? {},
    tfcNames: read?.tfcNames ?? {},
  };
}

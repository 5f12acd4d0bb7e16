// The cells part of the stack config: the regions or accounts a layer's workspaces are stamped
// into (`tfc-layers:cells`), which layers are stamped (a layer's `cells`), how workspaces are
// named (`tfc-layers:workspaceName`) and a workspace's own narrower upstreams. Rules in cells.ts
// and workspaceName.ts.
import { z } from "zod";
import { readStructured, scalarValue } from "../configValues";
import { StackConfigError, show } from "../errors";

export const CELL_KEYS = {
  cells: "tfc-layers:cells",
  workspaceName: "tfc-layers:workspaceName",
} as const;

/** A value a cell carries to its workspaces' Terraform: a string, a number or a boolean. */
export type CellValue = string | number | boolean;

export interface Cell {
  readonly name: string;
  /** Names to scalars, e.g. {region: eu-west-1, account: "111111111111"}. */
  readonly values: Readonly<Record<string, CellValue>>;
}

const cellsSchema = z.array(
  z.strictObject({
    name: z.string(),
    // Checked below, to say what a value may be.
    values: z.record(z.string(), z.unknown()).optional(),
  }),
);

/** What a stack file's editor can check of tfc-layers:cells (for the JSON Schema). */
export const cellsFileSchema = z.array(
  z.strictObject({
    name: z.string().regex(/^[A-Za-z0-9_-]+$/),
    values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  }),
);

/** The fields a layer takes for its cells: every cell, or some. Without them, the layer is global. */
export const layerCellFields = {
  cells: z.union([z.literal("all"), z.array(z.string())]).optional(),
};

/**
 * The fields a workspace entry takes to narrow its upstreams to some of its layer's, and to keep
 * a TFC name no template gives (an adopted workspace named before any convention).
 */
export const workspaceCellFields = {
  upstreams: z.array(z.string()).optional(),
  tfcName: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'use only letters, digits, "-" and "_"' })
    .optional(),
};

const EXAMPLE = "[{name: eu, values: {region: eu-west-1}}, {name: us, values: {region: us-east-1}}]";

/** Reads tfc-layers:cells; an empty list when the stack has none. */
export function readCells(raw: string | undefined): Cell[] {
  const cells = readStructured(CELL_KEYS.cells, raw, cellsSchema, EXAMPLE);
  return (cells ?? []).map((c, i) => {
    for (const [name, value] of Object.entries(c.values ?? {})) {
      if (!["string", "number", "boolean"].includes(typeof value)) {
        throw new StackConfigError(
          `${CELL_KEYS.cells}[${i}].values.${name} must be a string, a number or a boolean, got ${show(value)}: write it like ${EXAMPLE}`,
        );
      }
    }
    return { name: c.name, values: (c.values ?? {}) as Record<string, CellValue> };
  });
}

/** Reads tfc-layers:workspaceName; undefined when the stack keeps the default. */
export function readWorkspaceName(value: string | undefined): string | undefined {
  const raw = scalarValue(CELL_KEYS.workspaceName, value, '"{environment}-{cell}-{workspace}"');
  if (raw === undefined) return undefined;
  if (raw.trim() === "") {
    throw new StackConfigError(
      `${CELL_KEYS.workspaceName} ${show(raw)} is empty: give a template such as {environment}-{cell}-{workspace}, or remove the key`,
    );
  }
  return raw;
}

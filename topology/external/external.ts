// The rules of external upstreams: layers of workspaces this stack follows but does not own.
// Their workspaces are named exactly (TFC names), never stamped per cell, never one of this
// stack's; the program cannot share their state, so it lists the consumers their owner must add.
import { StackConfigError, show } from "../errors";
import { EXTERNAL_CONSUMERS_KEY, EXTERNAL_KEY, type ExternalLayerConfig } from "./externalConfig";

const TFC_NAME = /^[A-Za-z0-9_-]+$/;

const fail = (message: string): never => {
  throw new StackConfigError(`${EXTERNAL_KEY}.${message}`);
};

/** The key of an external workspace: ":" is in no TFC name, so it never meets a key of this stack. */
export const externalKey = (name: string) => `external:${name}`;

export const isExternal = (key: string) => key.startsWith("external:");

/** The TFC name of an external workspace, from its key. */
export const externalName = (key: string) => key.slice("external:".length);

/** Checks the external layers against this stack's layers and its workspaces' TFC names. */
export function checkExternal(
  external: readonly ExternalLayerConfig[],
  layerNames: readonly string[],
  ownNames: ReadonlySet<string>,
): void {
  const seen = new Set<string>();
  for (const layer of external) {
    if (!TFC_NAME.test(layer.name))
      fail(`${layer.name} has characters a layer name may not: use letters, digits, "-" and "_"`);
    if (layerNames.includes(layer.name))
      fail(`${layer.name} is also a layer of this stack: give the external layer another name`);
    if (layer.cells !== undefined) {
      fail(
        `${layer.name}.cells: an external layer is not stamped per cell; list each of its workspaces by its TFC name`,
      );
    }
    if (layer.workspaces.length === 0) fail(`${layer.name}.workspaces is empty: list the TFC names of its workspaces`);
    for (const name of layer.workspaces) {
      if (!TFC_NAME.test(name)) {
        fail(`${layer.name}.workspaces ${show(name)} is not a TFC workspace name: use letters, digits, "-" and "_"`);
      }
      if (ownNames.has(name.toLowerCase())) {
        fail(`${layer.name}.workspaces ${show(name)} is a workspace of this stack: depend on its layer instead`);
      }
      if (seen.has(name.toLowerCase())) fail(`${layer.name}.workspaces lists ${show(name)} twice: list it once`);
      seen.add(name.toLowerCase());
    }
  }
}

/** One of this stack's workspaces, as the consumers from other stacks name it. */
export interface OwnWorkspace {
  readonly key: string;
  /** As written in its layer. */
  readonly workspace: string;
  /** Its TFC name. */
  readonly name: string;
  /** Whether its layer is stamped per cell (then only its TFC name names one workspace). */
  readonly inCell: boolean;
}

/**
 * Resolves tfc-layers:externalConsumers to the workspaces of this stack (by key) and the TFC names
 * of the other stacks' workspaces that read them. Each entry names one of this stack's workspaces
 * and other stacks' workspaces only: a workspace of this stack reads through dependsOn.
 */
export function externalConsumersOf(
  config: Readonly<Record<string, readonly string[]>>,
  own: readonly OwnWorkspace[],
): Map<string, string[]> {
  const where = EXTERNAL_CONSUMERS_KEY;
  const byName = new Map(own.map((w) => [w.name.toLowerCase(), w]));
  const byWritten = new Map(own.filter((w) => !w.inCell).map((w) => [w.workspace, w]));
  const resolved = new Map<string, string[]>();
  for (const [entry, readers] of Object.entries(config)) {
    const target = byName.get(entry.toLowerCase()) ?? byWritten.get(entry);
    if (target === undefined) {
      throw new StackConfigError(
        `${where}.${entry} is not a workspace of this stack: key each entry by the TFC name of the workspace whose state is read`,
      );
    }
    if (resolved.has(target.key)) {
      throw new StackConfigError(`${where}.${entry} names ${show(target.name)} a second time: merge the two entries`);
    }
    const seen = new Set<string>();
    for (const reader of readers) {
      if (!TFC_NAME.test(reader)) {
        throw new StackConfigError(
          `${where}.${entry} ${show(reader)} is not a TFC workspace name: use letters, digits, "-" and "_"`,
        );
      }
      const ownReader = byName.get(reader.toLowerCase());
      if (ownReader !== undefined) {
        throw new StackConfigError(
          `${where}.${entry} ${show(reader)} is a workspace of this stack: its state access follows dependsOn; list only other stacks' workspaces`,
        );
      }
      if (seen.has(reader.toLowerCase())) {
        throw new StackConfigError(`${where}.${entry} lists ${show(reader)} twice: list it once`);
      }
      seen.add(reader.toLowerCase());
    }
    resolved.set(target.key, [...readers].sort());
  }
  return resolved;
}

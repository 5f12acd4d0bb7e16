// The rules of external upstreams: layers of workspaces this stack follows but does not own.
// Their workspaces are named exactly (TFC names), never stamped per cell, never one of this
// stack's; the program cannot share their state, so it lists the consumers their owner must add.
import { StackConfigError, show } from "../errors";
import { EXTERNAL_KEY, type ExternalLayerConfig } from "./externalConfig";

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

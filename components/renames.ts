import type * as pulumi from "@pulumi/pulumi";

/** The former TFC name of each renamed workspace, by its current TFC name. */
export type FormerNames = ReadonlyMap<string, string>;

/**
 * The alias that keeps a resource named `<prefix>-<workspace>` when its workspace is renamed:
 * deleting it and creating it anew would detach, re-attach or re-run what stays the same object.
 */
export function renameAliases(prefix: string, workspaceName: string, formerNames: FormerNames): pulumi.Alias[] {
  const former = formerNames.get(workspaceName);
  return former === undefined ? [] : [{ name: `${prefix}-${former}` }];
}

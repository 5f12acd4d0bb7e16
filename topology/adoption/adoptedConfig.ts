// The adoption part of the stack config: the workspaces the program took over in place
// (`tfc-layers:adopted`, written by npm run adopt). Their first apply happened long before the
// program: with the lifecycle on, no run resource is made for them (a run resource cannot be
// imported, and creating one would start a run in a workspace that is already applied).
import { z } from "zod";
import { readStructured } from "../configValues";
import { StackConfigError, show } from "../errors";

export const ADOPTED_KEY = "tfc-layers:adopted";

const adoptedSchema = z.array(z.string());

/** Reads tfc-layers:adopted: workspaces as written in layers. */
export function readAdopted(raw: string | undefined): string[] {
  return [...(readStructured(ADOPTED_KEY, raw, adoptedSchema, "[network-a, platform-b]") ?? [])].sort();
}

/** Refuses an adopted workspace that no layer lists. */
export function checkAdopted(adopted: readonly string[], workspaces: readonly string[]): void {
  for (const name of adopted) {
    if (!workspaces.includes(name)) {
      throw new StackConfigError(
        `${ADOPTED_KEY} lists ${show(name)}, which no layer has: list the workspaces as written in tfc-layers:layers`,
      );
    }
  }
}

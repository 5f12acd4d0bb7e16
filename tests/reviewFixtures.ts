// Stack files for review tests: the committed ones changed one thing at a time, reviewed with
// --diff-file from a temporary folder.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import type { RegisteredResource } from "../offline/registrations";
import { PROJECT_DIR } from "../offline/stackFile";
import type { ReviewDocument } from "../review/document";
import { main } from "../scripts/plan";

export type Config = Record<string, unknown> & { "tfc-layers:layers": Record<string, unknown>[] };

/** The committed stack's config, to change one thing at a time. */
export function committed(stack: string): Config {
  return structuredClone(parse(fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")).config);
}

export const layer = (config: Config, name: string) => config["tfc-layers:layers"].find((l) => l.name === name)!;

/** Writes `after` as the stack file and `before` beside it; reviews with --diff-file. */
export async function review(stack: string, before: Config, after: Config, ...flags: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-review-"));
  fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
  fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), stringify({ config: after }));
  fs.writeFileSync(path.join(dir, "before.yaml"), stringify({ config: before }));
  return main([stack, "--diff-file", "before.yaml", ...flags], dir, dir);
}

export async function reviewJson(stack: string, before: Config, after: Config) {
  const { code, out } = await review(stack, before, after, "--json");
  return { code, doc: JSON.parse(out) as ReviewDocument };
}

/** A registered resource as a run of `stack` records it, for the diff's own tests. */
export const registered = (
  stack: string,
  type: string,
  name: string,
  inputs: Record<string, unknown>,
): RegisteredResource => ({
  type,
  name,
  urn: `urn:pulumi:${stack}::tfc-layers::${type}::${name}`,
  id: `id(${name})`,
  custom: true,
  read: false,
  parent: "",
  inputs,
  protect: false,
  packageRef: "",
  aliases: [],
  dependencies: [],
});

// Reads a Pulumi.<stack>.yaml and hands back the config the Pulumi CLI would give the program
// (full keys, raw strings, structured values as JSON), after the CLI's own checks and defaults
// from Pulumi.yaml, without decrypting anything.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { StackConfigError, show } from "../topology/errors";
import { OFFLINE_SECRET, PLAIN_LEAVES, PROJECT, SECRET_KEYS, SECRET_LEAVES } from "../topology/keys";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology, type Topology } from "../topology/topology";
import { type Decrypt, fullKey, isSecureLeaf, type PulumiProject, parseProject, programConfig } from "./cliConfig";

export interface StackFile {
  readonly stack: string;
  readonly config: Record<string, string>;
  readonly secretKeys: string[];
  /**
   * Paths of plain-text values inside keys that must hold only secrets (e.g. one credential
   * written in the clear next to encrypted ones). The CLI would pass them on silently.
   */
  readonly plainTextSecrets?: string[];
  /** Each encrypted value's ciphertext by its path: what can be compared without decrypting. */
  readonly ciphertexts?: Readonly<Record<string, string>>;
  /** Pulumi ESC environments the stack file imports: their values reach the CLI, not offline runs. */
  readonly environments?: readonly string[];
}

/** The ESC environments named by a stack file's `environment:` (a list of names, or one). */
function environmentsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** What the offline runs say about imported environments, or nothing without any. */
export function environmentsNote(stackFile: Pick<StackFile, "environments">): string | undefined {
  const names = stackFile.environments ?? [];
  if (names.length === 0) return undefined;
  return `Values from the ESC environments ${names.join(", ")} are not visible offline: the plan knows only the stack file; pulumi preview sees them.`;
}

/** The folder of this project's Pulumi.yaml and committed stack files. */
export const PROJECT_DIR = path.join(__dirname, "..");

/** This project's Pulumi.yaml, checked by the CLI's rules. */
export function loadProject(dir = PROJECT_DIR): PulumiProject {
  return parseProject(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8"));
}

/**
 * A project that declares nothing, so the CLI's rules pass everything through: the config as
 * the program would see it if the CLI did not stop first (to test the program's own guards).
 */
export const NO_DECLARATIONS: PulumiProject = { name: PROJECT, config: {} };

/** The stacks that have a Pulumi.<stack>.yaml in `dir`. */
export function listStacks(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

/** Every leaf of a value with its path; an encrypted (`secure:`) value is one leaf. */
function leaves(value: unknown, where: string): [string, unknown][] {
  if (isSecureLeaf(value)) return [[where, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${where}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, `${where}.${k}`));
  }
  return [[where, value]];
}

/** Offline nothing is decrypted: every secret reads as the placeholder. */
export const OFFLINE_DECRYPT: Decrypt = () => OFFLINE_SECRET;

/**
 * A stack from the values of its `config:` block (YAML values, `{secure: ...}` for encrypted
 * ones), as the CLI hands it to the program. Throws the CLI's error where the CLI stops.
 */
export function stackFromValues(
  stack: string,
  values: Readonly<Record<string, unknown>>,
  decrypt: Decrypt = OFFLINE_DECRYPT,
  project: PulumiProject = loadProject(),
): StackFile {
  const keys = Object.entries(values).map(([key, value]) => {
    const full = fullKey(project.name, key);
    return { key: full, leaves: leaves(value, full) };
  });
  const plainTextSecrets = [
    ...keys
      .filter(({ key }) => SECRET_KEYS.includes(key))
      .flatMap((k) =>
        k.leaves
          .filter(([path, value]) => !isSecureLeaf(value) && !PLAIN_LEAVES.some((l) => l.test(path)))
          .map(([path]) => path),
      ),
    ...keys.flatMap((k) =>
      k.leaves
        .filter(([path, value]) => SECRET_LEAVES.some((l) => l.test(path)) && !isSecureLeaf(value))
        .map(([path]) => path),
    ),
  ];
  const ciphertexts = Object.fromEntries(
    keys.flatMap((k) => k.leaves.flatMap(([path, value]) => (isSecureLeaf(value) ? [[path, value.secure]] : []))),
  );
  return { stack, ...programConfig(project, stack, values, decrypt), plainTextSecrets, ciphertexts };
}

/**
 * Loads Pulumi.<stack>.yaml from `dir`. Throws a one-line StackConfigError on a file problem
 * and the CLI's error where `pulumi preview` would stop.
 */
export function loadStackFile(dir: string, stack: string, project: PulumiProject = loadProject()): StackFile {
  const file = path.join(dir, `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(file)) {
    const stacks = listStacks(dir);
    throw new StackConfigError(
      `no stack ${show(stack)}: there is no Pulumi.${stack}.yaml; stacks here: ${stacks.join(", ") || "none"}`,
    );
  }
  const doc = parseDocument(fs.readFileSync(file, "utf8"), { prettyErrors: false });
  if (doc.errors.length > 0) {
    const [first] = doc.errors;
    const line = first.linePos?.[0].line;
    throw new StackConfigError(
      `Pulumi.${stack}.yaml${line ? ` line ${line}` : ""} is not valid YAML: ${first.message.split("\n")[0]}`,
    );
  }
  const root = doc.toJS() as { config?: Record<string, unknown>; environment?: unknown } | null;
  const environments = environmentsOf(root?.environment);
  try {
    return { ...stackFromValues(stack, root?.config ?? {}, OFFLINE_DECRYPT, project), environments };
  } catch (err) {
    // A value the CLI requires may come from an environment the offline run cannot read.
    if (environments.length > 0 && err instanceof Error) err.message += ` (${environmentsNote({ environments })})`;
    throw err;
  }
}

/** The stack's topology, as the program would build it; throws its StackConfigError. */
export function topologyOf(stackFile: StackFile): Topology {
  return buildTopology(
    readStackConfig(stackFile.config, (key) => stackFile.secretKeys.includes(key), {
      project: PROJECT,
      stack: stackFile.stack,
    }),
  );
}

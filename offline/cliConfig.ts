// The Pulumi CLI's rules for config, as `pulumi preview` and `pulumi up` apply them before the
// program starts, so that offline runs refuse what the CLI refuses, with the CLI's own words.
// Written from pulumi/pulumi v3.248.0:
// - sdk/go/common/workspace/project.go: Project.Validate (what a declaration may hold),
//   RewriteShorthandConfigValues, ValidateConfigValue and InferFullTypeName (types);
// - sdk/go/common/workspace/project.json: the schema of a declaration (attributes, type names);
// - sdk/go/common/workspace/config.go: mergeConfig (required keys, defaults) and
//   validateStackConfigValues / validateStackConfigValue (secret and type checks), with their
//   messages; formatMissingKeys;
// - sdk/go/common/workspace/loaders.go: stack keys without a namespace get the project's;
// - sdk/go/common/resource/config/object.go, value.go: a value is secure when any leaf is, an
//   object reaches the program as JSON, a scalar as text;
// - pkg/cmd/pulumi/operations/preview.go, up.go: the "validating stack config: " prefix.
// Go iterates maps in random order; where the CLI's first error depends on it, keys are taken
// sorted here, so offline runs are deterministic.
import { parse } from "yaml";

/** A refusal by the Pulumi CLI; `message` is the CLI's, which it prints after "error: ". */
export class PulumiCliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PulumiCliError";
  }
}

interface ItemsType {
  readonly type: string;
  readonly items?: ItemsType;
}

/** One `config:` declaration of Pulumi.yaml, after the CLI's shorthand rewrite. */
export interface ConfigDeclaration {
  readonly type?: string;
  readonly items?: ItemsType;
  readonly description?: string;
  readonly default?: unknown;
  readonly value?: unknown;
  readonly secret?: boolean;
}

export interface PulumiProject {
  readonly name: string;
  readonly config: Readonly<Record<string, ConfigDeclaration>>;
}

/** What the language host hands the program: full keys to text, and the keys that are secret. */
export interface ProgramConfig {
  readonly config: Record<string, string>;
  readonly secretKeys: string[];
}

/** Turns a ciphertext (`secure:` value) into its plain text; offline, a placeholder. */
export type Decrypt = (ciphertext: string, key: string) => string;

const TYPE_NAMES = ["string", "integer", "boolean", "array", "object"];
const DECLARATION_ATTRIBUTES = ["default", "description", "items", "secret", "type", "value"];

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
// project.go isPrimitiveValue: string, int and bool (a YAML float is not one).
const isPrimitive = (v: unknown) =>
  typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isInteger(v));

/** The project namespace owns keys without a colon and keys `<project>:...` (configKeyIsNamespacedByProject). */
function namespacedByProject(projectName: string, key: string): boolean {
  return !key.includes(":") || key.startsWith(`${projectName}:`);
}

/** `key` as `<namespace>:<name>`; a key without a namespace belongs to the project (parseConfigKey). */
export function fullKey(projectName: string, key: string): string {
  return key.includes(":") ? key : `${projectName}:${key}`;
}

/** The schema's word for an attribute a declaration may not have (santhosh-tekuri/jsonschema's wording). */
function checkDeclarationSchema(key: string, declaration: Record<string, unknown>): void {
  for (const attribute of Object.keys(declaration).sort()) {
    if (!DECLARATION_ATTRIBUTES.includes(attribute)) {
      throw new PulumiCliError(`#/config/${key}: additionalProperties '${attribute}' not allowed`);
    }
  }
  if (declaration.type !== undefined && !TYPE_NAMES.includes(declaration.type as string)) {
    throw new PulumiCliError(
      `#/config/${key}/type: value must be one of ${TYPE_NAMES.map((t) => `"${t}"`).join(", ")}`,
    );
  }
}

/** Parses Pulumi.yaml and applies the CLI's rules for its `config:` block (Project.Validate). */
export function parseProject(text: string): PulumiProject {
  const raw = parse(text) as Record<string, unknown> | null;
  const name = raw?.name;
  if (typeof name !== "string" || name === "") {
    throw new PulumiCliError("project is missing a non-empty string 'name' attribute");
  }
  const config: Record<string, ConfigDeclaration> = {};
  const block = isRecord(raw?.config) ? raw.config : {};
  for (const key of Object.keys(block).sort()) {
    const entry = block[key];
    // RewriteShorthandConfigValues: a bare value is a default for the project's keys, a value for others.
    const declaration =
      isPrimitive(entry) || Array.isArray(entry)
        ? namespacedByProject(name, key)
          ? { default: entry }
          : { value: entry }
        : (entry as Record<string, unknown>);
    checkDeclarationSchema(key, declaration);
    config[key] = declaration as ConfigDeclaration;
  }
  validateDeclarations(name, config);
  return { name, config };
}

function validateDeclarations(projectName: string, config: Readonly<Record<string, ConfigDeclaration>>): void {
  for (const key of Object.keys(config).sort()) {
    const d = config[key];
    if (d.default !== undefined && d.value !== undefined) {
      throw new PulumiCliError(`project config '${key}' cannot have both a 'default' and 'value' attribute`);
    }
    if (namespacedByProject(projectName, key)) {
      if (d.type === "array" && d.items === undefined) {
        throw new PulumiCliError(
          `The configuration key '${key}' declares an array but does not specify the underlying type via the 'items' attribute`,
        );
      }
      if (d.type !== undefined && d.default !== undefined && !validateConfigValue(d.type, d.items, d.default)) {
        throw new PulumiCliError(
          `The default value specified for configuration key '${key}' is not of the expected type '${fullTypeName(d.type, d.items)}'`,
        );
      }
    } else {
      if (d.type !== undefined) {
        throw new PulumiCliError(
          `Configuration key '${key}' is not namespaced by the project and should not define a type`,
        );
      }
      if (d.default !== undefined) {
        throw new PulumiCliError(
          `Configuration key '${key}' is not namespaced by the project and should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?`,
        );
      }
      if (d.value === undefined) {
        throw new PulumiCliError(`Configuration key '${key}' is namespaced and must provide an attribute 'value'`);
      }
    }
  }
}

/** InferFullTypeName: `array<string>` for an array of strings. */
function fullTypeName(type: string, items: ItemsType | undefined): string {
  return items ? `array<${fullTypeName(items.type, items.items)}>` : type;
}

/** ValidateConfigValue: whether `value` (text for scalars, parsed JSON for objects) has the type. */
export function validateConfigValue(type: string, items: ItemsType | undefined, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      // Whole numbers, and text that strconv.Atoi reads as a 64-bit integer.
      if (typeof value === "number") return Number.isInteger(value);
      return typeof value === "string" && /^[+-]?\d+$/.test(value) && isInt64(value);
    case "boolean":
      return value === "true" || value === "false" || typeof value === "boolean";
    case "object":
      return isRecord(value);
    default:
      return (
        Array.isArray(value) &&
        items !== undefined &&
        value.every((v) => validateConfigValue(items.type, items.items, v))
      );
  }
}

function isInt64(text: string): boolean {
  const n = BigInt(text);
  return n >= -(2n ** 63n) && n < 2n ** 63n;
}

/** A `secure:` leaf (object.go isSecureValue): a map with one key, `secure`, holding a string. */
export function isSecureLeaf(value: unknown): value is { secure: string } {
  return isRecord(value) && Object.keys(value).length === 1 && typeof value.secure === "string";
}

/** object.go Secure(): an encrypted scalar, or a list or map holding one anywhere. */
export function isSecure(value: unknown): boolean {
  if (isSecureLeaf(value)) return true;
  if (Array.isArray(value)) return value.some(isSecure);
  if (isRecord(value)) return Object.values(value).some(isSecure);
  return false;
}

function decrypted(value: unknown, key: string, decrypt: Decrypt): unknown {
  if (isSecureLeaf(value)) return decrypt(value.secure, key);
  if (Array.isArray(value)) return value.map((v) => decrypted(v, key, decrypt));
  if (isRecord(value)) {
    // Go's encoding/json writes map keys sorted.
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, decrypted(value[k], key, decrypt)]),
    );
  }
  return value;
}

/** A stack value as the program reads it: scalars as text, lists and maps as JSON (value.go). */
function programText(value: unknown, key: string, decrypt: Decrypt): string {
  if (isSecureLeaf(value)) return decrypt(value.secure, key);
  if (typeof value === "string") return value;
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  return JSON.stringify(decrypted(value, key, decrypt) ?? null);
}

const isObjectValue = (value: unknown) => !isSecureLeaf(value) && (value === null || typeof value === "object");

/** formatMissingKeys: 'a', or 'a' and 'b', or 'a', 'b' and 'c'. */
function formatMissingKeys(keys: string[]): string {
  const quoted = [...keys].sort().map((k) => `'${k}'`);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/**
 * Merges the project's declarations into one stack's `config:` block and validates it as
 * `pulumi preview` and `pulumi up` do (mergeConfig, then validateStackConfigValues); returns
 * what the language host then hands the program. Throws the CLI's error.
 */
export function programConfig(
  project: PulumiProject,
  stack: string,
  stackConfig: Readonly<Record<string, unknown>>,
  decrypt: Decrypt,
): ProgramConfig {
  const values = new Map<string, unknown>();
  for (const [key, value] of Object.entries(stackConfig)) values.set(fullKey(project.name, key), value);

  const missing: string[] = [];
  const declared = Object.keys(project.config).sort();
  for (const key of declared) {
    const d = project.config[key];
    const full = fullKey(project.name, key);
    if (values.has(full)) continue;
    if (d.default === undefined && d.value === undefined) {
      // Only the project's own keys are required; other namespaces carry a value.
      if (namespacedByProject(project.name, key)) missing.push(key);
      continue;
    }
    values.set(full, d.default ?? d.value);
  }
  if (missing.length > 0) {
    const noun = missing.length > 1 ? "values" : "value";
    throw new PulumiCliError(
      `validating stack config: Stack '${stack}' is missing configuration ${noun} ${formatMissingKeys(missing)}`,
    );
  }

  for (const key of declared) {
    const d = project.config[key];
    if (d.type === undefined) continue;
    const value = values.get(fullKey(project.name, key));
    if (d.secret && !isSecure(value)) {
      throw new PulumiCliError(
        `validating stack config: Stack '${stack}' with configuration key '${key}' must be encrypted as it's secret`,
      );
    }
    const content = isObjectValue(value)
      ? JSON.parse(programText(value, fullKey(project.name, key), decrypt))
      : programText(value, fullKey(project.name, key), decrypt);
    if (!validateConfigValue(d.type, d.items, content)) {
      throw new PulumiCliError(
        `validating stack config: Stack '${stack}' with configuration key '${key}' must be of type '${fullTypeName(d.type, d.items)}'`,
      );
    }
  }

  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const key of [...values.keys()].sort()) {
    const value = values.get(key);
    config[key] = programText(value, key, decrypt);
    if (isSecure(value)) secretKeys.push(key);
  }
  return { config, secretKeys };
}

/**
 * Whether the CLI requires `key` of every stack: declared for the project's namespace with
 * neither default nor value.
 */
export function requiredByCli(project: PulumiProject, key: string): boolean {
  const declaration = Object.entries(project.config).find(([k]) => fullKey(project.name, k) === key)?.[1];
  return (
    declaration !== undefined &&
    namespacedByProject(project.name, key) &&
    declaration.default === undefined &&
    declaration.value === undefined
  );
}

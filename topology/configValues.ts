// Reading stack values: JSON parsing, booleans, paths into values, one-line zod problems and
// "did you mean" hints. Shared by every config part.
import type { z } from "zod";
import { StackConfigError, show } from "./errors";

/** A zod type name as a reader says it: "a list", "a map", "a string". */
export function expectedType(expected: string): string {
  return expected === "array" ? "a list" : expected === "object" || expected === "record" ? "a map" : `a ${expected}`;
}

/** The closest of `candidates` to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

export function parseJson(key: string, raw: string, expected: string, fix: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new StackConfigError(`${key} must be ${expected}, got ${show(raw)}: ${fix}`);
  }
}

export function readBoolean(key: string, raw: string | undefined): boolean | undefined {
  if (raw === undefined) {
    return undefined;
  }
  if (raw === "true" || raw === "false") {
    return raw === "true";
  }
  throw new StackConfigError(
    `${key} must be true or false, got ${show(raw)}: run \`pulumi config set ${key} true\` (or false)`,
  );
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const step of path) {
    value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  }
  return value;
}

export function pathText(path: readonly PropertyKey[]): string {
  return path.map((step) => (typeof step === "number" ? `[${step}]` : `.${String(step)}`)).join("");
}

/** One line for the first problem zod found in a structured stack key. */
function keyProblem(key: string, raw: unknown, issue: z.core.$ZodIssue, example: string): string {
  const where = `${key}${pathText(issue.path)}`;
  const value = valueAt(raw, issue.path);
  if (issue.code === "unrecognized_keys") {
    return `${where} has the unknown key ${show(issue.keys[0])}: write it like ${example}`;
  }
  if (value === undefined && issue.code === "invalid_type") {
    return `${where} is missing: write it like ${example}`;
  }
  const shape = issue.code === "invalid_type" ? expectedType(issue.expected) : "written as the example shows";
  return `${where} must be ${shape}, got ${show(value)}: write it like ${example}`;
}

export function readStructured<T>(
  key: string,
  raw: string | undefined,
  schema: z.ZodType<T>,
  example: string,
): T | undefined {
  if (raw === undefined) return undefined;
  // The CLI hands over maps and lists as JSON and a scalar as its text.
  let parsed: unknown = raw;
  try {
    parsed = JSON.parse(raw);
  } catch {}
  const result = schema.safeParse(parsed);
  if (!result.success) throw new StackConfigError(keyProblem(key, parsed, result.error.issues[0], example));
  return result.data;
}

/** A scalar key's raw value: a list or a map (which the CLI hands over as JSON) is refused with an example. */
export function scalarValue(key: string, raw: string | undefined, example: string): string | undefined {
  if (raw === undefined || !/^\s*[[{]/.test(raw)) return raw;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return raw;
  }
  if (parsed !== null && typeof parsed === "object") {
    const what = Array.isArray(parsed) ? "a list" : "a map";
    throw new StackConfigError(
      `${key} must be one value, got ${what} ${show(parsed)}: write it like \`${key}: ${example}\``,
    );
  }
  return raw;
}

/** Letters, digits, "-" and "_": what TFC accepts in workspace, organization and team names. */
export const TFC_NAME = /^[A-Za-z0-9_-]+$/;
export const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The refusal for a secret written in the stack file in plain text; `key` may be a path. */
export function plainTextSecret(key: string, setCommand: string): StackConfigError {
  return new StackConfigError(
    `${key} is written in the stack file in plain text: remove it and run \`${setCommand}\` so it is stored encrypted`,
  );
}

/** The sorted names of a map of secret environment variables, each a valid name with a string value. */
export function secretVariableNames(key: string, variables: Record<string, unknown>, setCommand: string): string[] {
  const names = Object.keys(variables).sort();
  for (const name of names) {
    if (!ENV_VAR_NAME.test(name)) {
      throw new StackConfigError(
        `${key}.${name}: ${show(name)} is not a valid environment variable name: use letters, digits and "_", not starting with a digit`,
      );
    }
    if (typeof variables[name] !== "string") {
      throw new StackConfigError(`${key}.${name} must be a string value: set it with \`${setCommand}\``);
    }
  }
  return names;
}

// Reads a committed Pulumi.<stack>.yaml the way the Pulumi CLI hands config to a program
// (full keys, raw strings, structured values as JSON), without decrypting anything.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { StackConfigError, show } from "../topology/errors";
import { OFFLINE_SECRET, PROJECT, SECRET_KEYS } from "../topology/keys";

export interface StackFile {
  readonly stack: string;
  readonly config: Record<string, string>;
  readonly secretKeys: string[];
  /**
   * Paths of plain-text values inside keys that must hold only secrets (e.g. one credential
   * written in the clear next to encrypted ones). The CLI would pass them on silently.
   */
  readonly plainTextSecrets?: string[];
}

/** The stacks that have a Pulumi.<stack>.yaml in `dir`. */
export function listStacks(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

function isSecure(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as Record<string, unknown>).secure === "string"
  );
}

interface Redaction {
  secure: boolean;
  plain: string[];
}

/** Replaces `secure:` leaves with the offline placeholder and notes the plain leaves. */
function redact(value: unknown, where: string, seen: Redaction): unknown {
  if (isSecure(value)) {
    seen.secure = true;
    return OFFLINE_SECRET;
  }
  if (Array.isArray(value)) {
    return value.map((v, i) => redact(v, `${where}[${i}]`, seen));
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, `${where}.${k}`, seen)]));
  }
  seen.plain.push(where);
  return value;
}

/** Loads Pulumi.<stack>.yaml from `dir`. Throws a one-line StackConfigError on any problem. */
export function loadStackFile(dir: string, stack: string): StackFile {
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
  const root = doc.toJS() as { config?: Record<string, unknown> } | null;
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  const plainTextSecrets: string[] = [];
  for (const [rawKey, value] of Object.entries(root?.config ?? {})) {
    const key = rawKey.includes(":") ? rawKey : `${PROJECT}:${rawKey}`;
    const seen: Redaction = { secure: false, plain: [] };
    const redacted = redact(value, key, seen);
    if (seen.secure) {
      secretKeys.push(key);
    }
    if (SECRET_KEYS.includes(key)) {
      plainTextSecrets.push(...seen.plain);
    }
    config[key] = typeof redacted === "string" ? redacted : JSON.stringify(redacted);
  }
  return { stack, config, secretKeys, plainTextSecrets };
}

// Reads a committed Pulumi.<stack>.yaml the way the Pulumi CLI hands config to a program
// (full keys, raw strings, structured values as JSON), without decrypting anything.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { StackConfigError, show } from "../topology/errors";
import { KEYS, PROJECT, SECRET_KEYS } from "../topology/keys";

/** What a `secure:` value becomes offline: the plan cannot and must not decrypt it. */
export const SECRET_PLACEHOLDER = "[secret]";

export interface StackFile {
  readonly stack: string;
  readonly config: Record<string, string>;
  readonly secretKeys: string[];
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

/** Replaces `secure:` leaves with the placeholder; reports plain leaves of secret keys. */
function redact(value: unknown, where: string, mustBeSecret: boolean, secureSeen: { found: boolean }): unknown {
  if (isSecure(value)) {
    secureSeen.found = true;
    return SECRET_PLACEHOLDER;
  }
  if (Array.isArray(value)) {
    return value.map((v, i) => redact(v, `${where}[${i}]`, mustBeSecret, secureSeen));
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, redact(v, `${where}.${k}`, mustBeSecret, secureSeen)]),
    );
  }
  if (mustBeSecret) {
    const setCommand =
      where === KEYS.approvalWebhookUrl
        ? `pulumi config set --secret ${where} https://...`
        : `pulumi config set --secret --path '${where}' <value>`;
    throw new StackConfigError(
      `${where} is written in the stack file in plain text: remove it and run \`${setCommand}\` so it is stored encrypted`,
    );
  }
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
  for (const [rawKey, value] of Object.entries(root?.config ?? {})) {
    const key = rawKey.includes(":") ? rawKey : `${PROJECT}:${rawKey}`;
    const secureSeen = { found: false };
    const redacted = redact(value, key, SECRET_KEYS.includes(key), secureSeen);
    if (secureSeen.found) {
      secretKeys.push(key);
    }
    config[key] = typeof redacted === "string" ? redacted : JSON.stringify(redacted);
  }
  return { stack, config, secretKeys };
}

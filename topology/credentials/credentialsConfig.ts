// The credentials part of the stack config: named sets of credentials, chosen per layer.
// Dynamic sets (`tfc-layers:credentials`) give each cloud's workload-identity variables: role
// ARNs, client ids, addresses, none of them secret, so they stay readable in the plan. Static
// sets (`tfc-layers:staticCredentials`) hold secret values; they are a key of their own because
// one `secure:` leaf makes the whole key a secret. `tfc-layers:defaultCredentials` names the sets
// of a layer that names none. Rules in credentials.ts.
import { z } from "zod";
import { closest, plainTextSecret, secretVariableNames, TFC_NAME } from "../configValues";
import { StackConfigError, show } from "../errors";

export const CREDENTIAL_KEYS = {
  credentials: "tfc-layers:credentials",
  staticCredentials: "tfc-layers:staticCredentials",
  defaultCredentials: "tfc-layers:defaultCredentials",
} as const;

/** Each cloud's fields, named after the variables they set (TFC_AWS_RUN_ROLE_ARN: runRole). */
export const CLOUD_FIELDS = {
  aws: ["runRole", "planRole", "applyRole", "audience"],
  azure: ["runClientId", "planClientId", "applyClientId", "subscriptionId", "tenantId", "audience"],
  gcp: [
    "workloadProviderName",
    "projectNumber",
    "workloadPoolId",
    "workloadProviderId",
    "principalType",
    "runServiceAccountEmail",
    "planServiceAccountEmail",
    "applyServiceAccountEmail",
    "audience",
  ],
  vault: ["address", "runRole", "planRole", "applyRole", "namespace", "authPath", "audience", "encodedCacert"],
} as const;
export type Cloud = keyof typeof CLOUD_FIELDS;
export const CLOUDS = Object.keys(CLOUD_FIELDS) as Cloud[];

/** One cloud's fields of a dynamic set, as written (placeholders not yet filled in). */
export type CloudConfig = Readonly<Record<string, string>>;

export interface DynamicSetConfig {
  readonly name: string;
  readonly clouds: Readonly<Partial<Record<Cloud, CloudConfig>>>;
}

export interface StaticSetConfig {
  readonly name: string;
  /** The environment variables it sets; their values stay secret and are read elsewhere. */
  readonly variables: readonly string[];
  /**
   * Whether its values beat a workspace's own variables of the same name (the set's `priority`
   * field, true unless it says false): false lets a workspace's own AWS_ACCESS_KEY_ID win.
   */
  readonly priority: boolean;
}

/** The field of a static set that is no variable: whether the set has priority. */
export const STATIC_PRIORITY_FIELD = "priority";

export interface CredentialsConfig {
  readonly dynamic: readonly DynamicSetConfig[];
  readonly static: readonly StaticSetConfig[];
  /** The sets of a layer that names none; undefined: such a layer takes none. */
  readonly defaults?: readonly string[];
}

/** A set's name is part of the variable set's TFC name and of Pulumi names: TFC name characters only. */
const SET_NAME = TFC_NAME;
const DYNAMIC_EXAMPLE = "{network-aws: {aws: {runRole: 'arn:aws:iam::{account}:role/{layer}'}}}";

/** The field a layer takes to choose its sets. */
export const layerCredentialFields = {
  credentials: z.union([z.string(), z.array(z.string())]).optional(),
};

/** What the stack file's editor can check (for the JSON Schema). */
export const dynamicCredentialsFileSchema = z.record(
  z.string().regex(SET_NAME),
  z.strictObject(
    Object.fromEntries(
      CLOUDS.map((cloud) => [
        cloud,
        z.strictObject(Object.fromEntries(CLOUD_FIELDS[cloud].map((f) => [f, z.string().optional()]))).optional(),
      ]),
    ),
  ),
);

function asMap(key: string, value: unknown, example: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new StackConfigError(`${key} must be a map, got ${show(value)}: write it like ${example}`);
  }
  return value as Record<string, unknown>;
}

function parse(key: string, raw: string, example: string): Record<string, unknown> {
  try {
    return asMap(key, JSON.parse(raw), example);
  } catch (error) {
    if (error instanceof StackConfigError) throw error;
    throw new StackConfigError(`${key} must be a map, got ${show(raw)}: write it like ${example}`);
  }
}

function checkSetName(key: string, name: string): void {
  if (!SET_NAME.test(name)) {
    throw new StackConfigError(
      `${key} has the set ${show(name)}: a set's name takes only letters, digits, "-" and "_" (it names a variable set)`,
    );
  }
}

function readDynamic(raw: string | undefined): DynamicSetConfig[] {
  const key = CREDENTIAL_KEYS.credentials;
  if (raw === undefined) return [];
  return Object.entries(parse(key, raw, DYNAMIC_EXAMPLE)).map(([name, set]) => {
    checkSetName(key, name);
    const clouds = asMap(`${key}.${name}`, set, DYNAMIC_EXAMPLE);
    if (Object.keys(clouds).length === 0) {
      throw new StackConfigError(
        `${key}.${name} names no cloud: give one of ${CLOUDS.join(", ")}, e.g. ${DYNAMIC_EXAMPLE}`,
      );
    }
    const read: Partial<Record<Cloud, CloudConfig>> = {};
    for (const [cloud, fields] of Object.entries(clouds)) {
      if (!(CLOUDS as string[]).includes(cloud)) {
        const guess = closest(cloud, CLOUDS);
        throw new StackConfigError(
          `${key}.${name} has the unknown cloud ${show(cloud)}: ${guess ? `did you mean ${show(guess)}?` : `use ${CLOUDS.join(", ")}`}`,
        );
      }
      const known: readonly string[] = CLOUD_FIELDS[cloud as Cloud];
      const values = asMap(`${key}.${name}.${cloud}`, fields, DYNAMIC_EXAMPLE);
      for (const [field, value] of Object.entries(values)) {
        if (!known.includes(field)) {
          const guess = closest(field, known);
          throw new StackConfigError(
            `${key}.${name}.${cloud} has the unknown field ${show(field)}: ${guess ? `did you mean ${show(guess)}?` : `${cloud} takes ${known.join(", ")}`}`,
          );
        }
        if (typeof value !== "string" || value === "") {
          throw new StackConfigError(`${key}.${name}.${cloud}.${field} must be a non-empty string, got ${show(value)}`);
        }
      }
      read[cloud as Cloud] = values as Record<string, string>;
    }
    return { name, clouds: read };
  });
}

function readStatic(raw: string | undefined, isSecret: boolean): StaticSetConfig[] {
  const key = CREDENTIAL_KEYS.staticCredentials;
  if (raw === undefined) return [];
  const setCommand = `pulumi config set --secret --path '${key}.<set>.<NAME>' <value>`;
  if (!isSecret) throw plainTextSecret(key, setCommand);
  return Object.entries(parse(key, raw, `{set: {NAME: value}}, set with \`${setCommand}\``)).map(([name, set]) => {
    checkSetName(key, name);
    const { [STATIC_PRIORITY_FIELD]: priority, ...variables } = asMap(
      `${key}.${name}`,
      set,
      `{NAME: value}, set with \`${setCommand}\``,
    );
    const names = secretVariableNames(`${key}.${name}`, variables, setCommand);
    if (names.length === 0)
      throw new StackConfigError(`${key}.${name} has no variable: set one with \`${setCommand}\``);
    return { name, variables: names, priority: readPriority(`${key}.${name}.${STATIC_PRIORITY_FIELD}`, priority) };
  });
}

/** A static set's priority: true unless it says false (a boolean, or the CLI's "true"/"false"). */
function readPriority(at: string, value: unknown): boolean {
  if (value === undefined || value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw new StackConfigError(
    `${at} must be true or false, got ${show(value)}: false lets a workspace's own variables win over the set's, true (the default) lets none; a variable may not be named ${STATIC_PRIORITY_FIELD}`,
  );
}

function readDefaults(raw: string | undefined): string[] | undefined {
  const key = CREDENTIAL_KEYS.defaultCredentials;
  if (raw === undefined) return undefined;
  let parsed: unknown = raw;
  try {
    parsed = JSON.parse(raw);
  } catch {}
  const names = typeof parsed === "string" ? [parsed] : parsed;
  if (!Array.isArray(names) || names.some((n) => typeof n !== "string")) {
    throw new StackConfigError(
      `${key} must be a set's name or a list of them, got ${show(parsed)}: write a set's name such as aws-dev, or a list such as [aws-dev, vault]`,
    );
  }
  return names;
}

/** Reads the three credential keys. */
export function readCredentials(
  config: Readonly<Record<string, string>>,
  isSecret: (key: string) => boolean,
): CredentialsConfig {
  const defaults = readDefaults(config[CREDENTIAL_KEYS.defaultCredentials]);
  return {
    dynamic: readDynamic(config[CREDENTIAL_KEYS.credentials]),
    static: readStatic(config[CREDENTIAL_KEYS.staticCredentials], isSecret(CREDENTIAL_KEYS.staticCredentials)),
    ...(defaults ? { defaults } : {}),
  };
}

// The JSON Schema of a stack file (Pulumi.<stack>.yaml), generated from the zod schemas the
// program validates with, so that editors check a stack file as it is typed. It holds what a
// schema can say (keys, types, names, shapes); rules between fields and across layers stay in
// the program, which gives them one-line messages.

import { z } from "zod";
import { teamsFileSchema } from "./access/accessConfig";
import { cellsFileSchema } from "./cells/cellsConfig";
import { projectSchema, tagsSchema, vcsSchema } from "./codeSourceConfig";
import { KEY_DOCS, LAYER_FIELD_DOCS, WORKSPACE_FIELD_DOCS } from "./configReference";
import { dynamicCredentialsFileSchema, STATIC_PRIORITY_FIELD } from "./credentials/credentialsConfig";
import { externalConsumersSchema, externalSchema } from "./external/externalConfig";
import { KEYS } from "./keys";
import { lifecycleSchema } from "./lifecycle/lifecycleConfig";
import { DESTINATIONS, NOTIFICATION_TRIGGERS } from "./notifications/notificationsConfig";
import { renamesSchema } from "./renames/renamesConfig";
import { ENV_VAR_NAME, layerSchema, tfcName, workspaceObjectSchema } from "./stackConfig";

const encrypted = z
  .strictObject({ secure: z.string() })
  .meta({ description: "An encrypted value: set it with `pulumi config set --secret`." });

/** Markdown as plain text, for an editor's tooltip: links become their words. */
const plain = (text: string) => text.replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");

/** Each key's schema with the meaning the configuration reference gives it. */
const documented = <T extends Record<string, z.ZodType>>(shape: T): T =>
  Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => {
      const doc = (KEY_DOCS as Record<string, { meaning: string }>)[key];
      return [key, doc ? schema.meta({ description: plain(doc.meaning) }) : schema];
    }),
  ) as T;

/** Each field with the meaning the configuration reference gives it. */
const fieldsDocumented = <T extends Record<string, z.ZodType>>(shape: T, docs: Record<keyof T, string>): T =>
  Object.fromEntries(
    Object.entries(shape).map(([k, schema]) => [k, schema.meta({ description: plain(docs[k as keyof T]) })]),
  ) as T;

const documentedWorkspace = z.strictObject(fieldsDocumented(workspaceObjectSchema.shape, WORKSPACE_FIELD_DOCS));
const documentedLayer = z.strictObject(
  fieldsDocumented(
    { ...layerSchema.shape, workspaces: z.array(z.union([tfcName, documentedWorkspace])).min(1) },
    LAYER_FIELD_DOCS,
  ),
);

/** The stack file: its config keys, each as the program reads it, and the CLI's own entries. */
export const stackFileSchema = z.strictObject({
  config: z
    .strictObject(
      documented({
        [KEYS.organization]: tfcName,
        "tfe:hostname": z.string(),
        "tfe:token": encrypted,
        [KEYS.environment]: tfcName,
        [KEYS.autoApply]: z.boolean(),
        [KEYS.autoApplyRunTrigger]: z.boolean(),
        [KEYS.protect]: z.boolean(),
        [KEYS.layers]: z.array(documentedLayer).min(1),
        [KEYS.sharedCredentials]: z.record(z.string().regex(ENV_VAR_NAME), encrypted),
        [KEYS.approvalWebhookUrl]: encrypted,
        [KEYS.allowLayerAutoApply]: z.boolean(),
        [KEYS.healthAssessments]: z.boolean(),
        [KEYS.teams]: teamsFileSchema,
        [KEYS.credentials]: dynamicCredentialsFileSchema,
        [KEYS.staticCredentials]: z.record(
          z.string(),
          z
            .object({
              [STATIC_PRIORITY_FIELD]: z.boolean().optional().meta({
                description: "false: a workspace's own variables of the same name win over the set's (default true).",
              }),
            })
            .catchall(encrypted),
        ),
        [KEYS.notifications]: z.array(
          z.strictObject({
            name: tfcName,
            destination: z.enum(DESTINATIONS),
            url: encrypted.optional(),
            emails: z.array(z.string()).optional(),
            on: z.array(z.enum(NOTIFICATION_TRIGGERS)).optional(),
          }),
        ),
        [KEYS.adopted]: z.array(z.string()),
        [KEYS.defaultCredentials]: z.union([z.string(), z.array(z.string())]),
        [KEYS.vcs]: vcsSchema,
        [KEYS.terraformVersion]: z.string(),
        [KEYS.project]: projectSchema,
        [KEYS.tags]: tagsSchema,
        [KEYS.allowSharedDirectories]: z.boolean(),
        [KEYS.lifecycle]: lifecycleSchema,
        [KEYS.cells]: cellsFileSchema,
        [KEYS.external]: externalSchema,
        [KEYS.externalConsumers]: externalConsumersSchema,
        [KEYS.workspaceName]: z.string(),
        [KEYS.renamedFrom]: renamesSchema,
      }),
    )
    .partial()
    .required({ [KEYS.organization]: true, [KEYS.environment]: true, [KEYS.layers]: true }),
  encryptionsalt: z.string().optional(),
  secretsprovider: z.string().optional(),
  encryptedkey: z.string().optional(),
  environment: z.unknown().optional(),
});

/** The committed stack.schema.json, as text. */
export function stackFileJsonSchema(): string {
  const schema = z.toJSONSchema(stackFileSchema, { target: "draft-7", io: "input" });
  return `${JSON.stringify({ ...schema, title: "tfc-layers stack file" }, null, 2)}\n`;
}

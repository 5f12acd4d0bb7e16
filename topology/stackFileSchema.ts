// The JSON Schema of a stack file (Pulumi.<stack>.yaml), generated from the zod schemas the
// program validates with, so that editors check a stack file as it is typed. It holds what a
// schema can say (keys, types, names, shapes); rules between fields and across layers stay in
// the program, which gives them one-line messages.
import { z } from "zod";
import { teamsFileSchema } from "./access/accessConfig";
import { cellsFileSchema } from "./cells/cellsConfig";
import { projectSchema, tagsSchema, vcsSchema } from "./codeSourceConfig";
import { dynamicCredentialsFileSchema } from "./credentials/credentialsConfig";
import { externalSchema } from "./external/externalConfig";
import { KEYS } from "./keys";
import { lifecycleSchema } from "./lifecycle/lifecycleConfig";
import { DESTINATIONS, NOTIFICATION_TRIGGERS } from "./notifications/notificationsConfig";
import { ENV_VAR_NAME, layerSchema, tfcName, workspaceObjectSchema } from "./stackConfig";

const encrypted = z
  .strictObject({ secure: z.string() })
  .meta({ description: "An encrypted value: set it with `pulumi config set --secret`." });

const described = <T extends z.ZodType>(schema: T, description: string) => schema.meta({ description });

/** The stack file: its config keys, each as the program reads it, and the CLI's own entries. */
export const stackFileSchema = z.strictObject({
  config: z
    .strictObject({
      [KEYS.organization]: described(tfcName, "The one organization every resource lives in."),
      "tfe:hostname": described(z.string(), "Terraform Enterprise host; app.terraform.io when unset."),
      "tfe:token": encrypted,
      [KEYS.environment]: described(tfcName, "Suffix of every workspace name."),
      [KEYS.autoApply]: described(z.boolean(), "Whether runs, also those queued by run triggers, apply by themselves."),
      [KEYS.protect]: described(z.boolean(), "Protect every workspace from deletion by Pulumi."),
      [KEYS.layers]: described(
        z.array(layerSchema.extend({ workspaces: z.array(z.union([tfcName, workspaceObjectSchema])).min(1) })).min(1),
        "The layers, upstreams first or in any order.",
      ),
      [KEYS.sharedCredentials]: described(
        z.record(z.string().regex(ENV_VAR_NAME), encrypted),
        "Environment variables shared with every workspace through one variable set.",
      ),
      [KEYS.approvalWebhookUrl]: encrypted,
      [KEYS.allowLayerAutoApply]: described(
        z.boolean(),
        "Let a layer auto-apply in a stack whose runs wait for approval (false: refused).",
      ),
      [KEYS.teams]: described(
        teamsFileSchema,
        "Team access per layer: {<team name or id>: {<layer or *>: read|plan|write|admin|{custom permissions}}}.",
      ),
      [KEYS.credentials]: described(
        dynamicCredentialsFileSchema,
        "Dynamic credential sets: {<set>: {aws|azure|gcp|vault: {...}}}; values may use {layer}, {workspace}, {environment}, {cell} and cell values.",
      ),
      [KEYS.staticCredentials]: described(
        z.record(z.string(), z.record(z.string().regex(ENV_VAR_NAME), encrypted)),
        "Static credential sets: {<set>: {<NAME>: secret}}, each value set with `pulumi config set --secret --path`.",
      ),
      [KEYS.notifications]: described(
        z.array(
          z.strictObject({
            name: tfcName,
            destination: z.enum(DESTINATIONS),
            url: encrypted.optional(),
            emails: z.array(z.string()).optional(),
            on: z.array(z.enum(NOTIFICATION_TRIGGERS)).optional(),
          }),
        ),
        "Who is told when a cascade stops: [{name, destination, url (secret) or emails, on}].",
      ),
      [KEYS.adopted]: described(
        z.array(z.string()),
        "Workspaces taken over in place (written by npm run adopt): no lifecycle run is made for them.",
      ),
      [KEYS.defaultCredentials]: described(
        z.union([z.string(), z.array(z.string())]),
        "The credential sets of a layer that names none.",
      ),
      [KEYS.vcs]: described(vcsSchema, "The repository every workspace plans from."),
      [KEYS.terraformVersion]: described(z.string(), "An exact version or a constraint, e.g. ~> 1.11.0."),
      [KEYS.project]: described(projectSchema, "The TFC project: {name} to create one, {id} for an existing one."),
      [KEYS.tags]: described(tagsSchema, "Key-value tags added to every workspace."),
      [KEYS.allowSharedDirectories]: described(z.boolean(), "Let two workspaces plan one directory."),
      [KEYS.lifecycle]: described(lifecycleSchema, "Ordered first applies and destroy runs, upstreams first."),
      [KEYS.cells]: described(cellsFileSchema, "The regions or accounts cell layers are stamped into."),
      [KEYS.external]: described(
        externalSchema,
        "Upstream layers this stack follows but does not own: {<layer>: {workspaces: [<TFC names>]}}.",
      ),
      [KEYS.workspaceName]: described(
        z.string(),
        "The TFC name of every workspace, from {workspace}, {layer}, {cell} and {environment}.",
      ),
    })
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

// The code-source part of the stack config: where each workspace's Terraform code lives (a VCS
// repository and a working directory), which Terraform version plans it, the TFC project the
// workspaces belong to and the tags that mark them. Zod fragments, types and defaults here;
// the rules between fields and workspaces are in codeSource.ts.
import { z } from "zod";
import { readBoolean, readStructured, scalarValue } from "./configValues";

export const CODE_SOURCE_KEYS = {
  vcs: "tfc-layers:vcs",
  terraformVersion: "tfc-layers:terraformVersion",
  project: "tfc-layers:project",
  tags: "tfc-layers:tags",
  allowSharedDirectories: "tfc-layers:allowSharedDirectories",
} as const;

/** Where a workspace's directory is, unless its layer or itself says otherwise. */
export const DEFAULT_DIRECTORY_TEMPLATE = "{layer}/{workspace}";

/**
 * `org/repo`, as TFC's VCS identifier takes it, or with more segments where the VCS has them:
 * GitLab subgroups (`group/subgroup/repo`), Azure DevOps (`org/project/_git/repo`).
 */
export const REPOSITORY = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/;

/** An exact version (1.11.4), constraints TFC accepts (~> 1.11.0, >= 1.5.0, < 2.0.0), or latest. */
export const TERRAFORM_VERSION =
  /^(latest|\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?|(=|!=|>|>=|<|<=|~>) ?\d+(\.\d+){0,2}(-[0-9A-Za-z.]+)?(, ?(=|!=|>|>=|<|<=|~>) ?\d+(\.\d+){0,2}(-[0-9A-Za-z.]+)?)*)$/;

/** TFC project names (tfe provider project.go): 3 to 40 of letters, digits, _, -, inner spaces. */
export const PROJECT_NAME = /^[\w-][\w\- ]+[\w-]$/;
export const PROJECT_ID = /^prj-[A-Za-z0-9]+$/;

/** Key-value tags: letters, digits, "_", "-", ":" and ".", at most 128 characters. */
export const TAG = /^[A-Za-z0-9_.:-]{1,128}$/;

export const vcsSchema = z.strictObject({
  repository: z.string(),
  branch: z.string().min(1).optional(),
  oauthTokenId: z.string().min(1).optional(),
  githubAppInstallationId: z.string().min(1).optional(),
  ingressSubmodules: z.boolean().optional(),
  /** Folders (shared modules) whose changes re-plan every workspace. */
  sharedDirectories: z.array(z.string()).optional(),
  /** Releases by tag: only a pushed tag that matches queues runs (the provider's vcs_repo.tags_regex). */
  tagsRegex: z.string().min(1).optional(),
  /** Accepted only to be refused with the reason: they conflict with the trigger patterns. */
  triggerPrefixes: z.array(z.string()).optional(),
});
export type VcsConfig = z.infer<typeof vcsSchema>;

/**
 * `{name}` creates the project; `{id}` uses an existing one, with its `name` beside it when trust
 * documents need it (the subject claim names the project by name, and the id does not give it).
 */
export const projectSchema = z.union([
  z.strictObject({ name: z.string() }),
  z.strictObject({ id: z.string(), name: z.string().optional() }),
]);
/** How the stack's refusals of tfc-layers:project write it. */
export const PROJECT_EXAMPLE =
  "{name: platform-dev} to create it, or {id: prj-..., name: <its name in TFC>} to use an existing one";
export type ProjectConfig = z.infer<typeof projectSchema>;

export const tagsSchema = z.record(z.string(), z.string());

/** A workspace written as an object, to give it its own directory or Terraform version. */
export const workspaceEntrySchema = z.strictObject({
  name: z.string(),
  directory: z.string().optional(),
  terraformVersion: z.string().optional(),
});

/** The fields a layer takes for its code source. */
export const layerSourceFields = {
  /** Template of its workspaces' directories; {layer} and {workspace} are replaced. */
  directory: z.string().optional(),
  terraformVersion: z.string().optional(),
  tags: tagsSchema.optional(),
  /** The layer's own repository, branch and credential, over the stack's (a repository per layer). */
  vcs: vcsSchema.optional(),
};

/** One workspace's own overrides. */
export interface WorkspaceSourceConfig {
  readonly directory?: string;
  readonly terraformVersion?: string;
}

/** A layer's code-source settings, as written. */
export interface LayerSourceConfig {
  readonly vcs?: VcsConfig;
  readonly directory?: string;
  readonly terraformVersion?: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Per workspace name, what its object entry set. */
  readonly workspaces: Readonly<Record<string, WorkspaceSourceConfig>>;
}

/** The stack's code-source settings, as written (checked by codeSource.ts). */
export interface StackSourceConfig {
  readonly vcs?: VcsConfig;
  readonly terraformVersion?: string;
  readonly project?: ProjectConfig;
  readonly tags: Readonly<Record<string, string>>;
  readonly allowSharedDirectories: boolean;
}

/** Reads the stack keys of the code source. */
export function readSource(config: Readonly<Record<string, string>>): StackSourceConfig {
  const K = CODE_SOURCE_KEYS;
  const version = scalarValue(K.terraformVersion, config[K.terraformVersion], '"1.11.4"');
  return {
    vcs: readStructured(
      K.vcs,
      config[K.vcs],
      vcsSchema,
      "{repository: acme/infrastructure, branch: main, oauthTokenId: ot-...}",
    ),
    terraformVersion: version,
    project: readStructured(K.project, config[K.project], projectSchema, PROJECT_EXAMPLE),
    tags: readStructured(K.tags, config[K.tags], tagsSchema, "{team: platform}") ?? {},
    allowSharedDirectories: readBoolean(K.allowSharedDirectories, config[K.allowSharedDirectories]) ?? false,
  };
}

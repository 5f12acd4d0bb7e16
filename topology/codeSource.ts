// The code-source rules: each workspace's working directory, Terraform version, file-trigger
// patterns and tags, derived from the stack, its layer and its own entry, and every rule
// between them checked before any resource. Never part of a Pulumi name: adding a repository,
// a project or tags renames nothing.
import {
  CODE_SOURCE_KEYS,
  DEFAULT_DIRECTORY_TEMPLATE,
  PROJECT_ID,
  PROJECT_NAME,
  REPOSITORY,
  TAG,
  TERRAFORM_VERSION,
  type VcsConfig,
} from "./codeSourceConfig";
import { StackConfigError, show } from "./errors";
import { KEYS } from "./keys";
import type { LayerConfig, StackSettings } from "./stackConfig";

/** What a workspace runs and how it is found. */
export interface WorkspaceSource {
  /** The working directory, relative to the repository root ("" is the root). */
  readonly directory: string;
  readonly terraformVersion?: string;
  /** With a VCS connection: the files whose changes queue a run here (TFC trigger patterns). */
  readonly triggerPatterns?: readonly string[];
  /** Key-value tags: layer, environment and managed-by, then the stack's and the layer's. */
  readonly tags: Readonly<Record<string, string>>;
  /** The repository it plans from: its layer's, else the stack's; undefined when CLI-driven. */
  readonly vcs?: VcsSource;
}

/** The repository every workspace plans from. */
export interface VcsSource {
  readonly repository: string;
  readonly branch?: string;
  readonly oauthTokenId?: string;
  readonly githubAppInstallationId?: string;
  readonly ingressSubmodules: boolean;
  /** Shared folders (modules); a change there re-plans every workspace. */
  readonly sharedDirectories: readonly string[];
  /** Released by tag: only a pushed tag matching it queues runs, whatever files changed. */
  readonly tagsRegex?: string;
}

/**
 * The TFC project of the stack's workspaces: created by the program, or an existing one (used by
 * id; its name, when given, only names it in the workload identity subjects).
 */
export type ProjectPlacement = { readonly create: string } | { readonly id: string; readonly name?: string };

/** The project every workspace is in when the stack names none. */
export const DEFAULT_PROJECT = "Default Project";

/**
 * The project's name as the workload identity subjects hold it; undefined for an existing project
 * given by id alone, whose name the program does not know.
 */
export function subjectProjectName(project: ProjectPlacement | undefined): string | undefined {
  if (project === undefined) return DEFAULT_PROJECT;
  return "create" in project ? project.create : project.name;
}

/** Tags every workspace gets; the stack and its layers may not redefine them. */
export const MANAGED_TAG = { key: "managed-by", value: "tfc-layers" };
const RESERVED_TAGS = ["layer", "environment", MANAGED_TAG.key];

const fail = (message: string): never => {
  throw new StackConfigError(message);
};

/** A relative path inside the repository, without "./", duplicate or trailing slashes. */
function normalDirectory(where: string, directory: string): string {
  const parts = directory.split("/").filter((p) => p !== "" && p !== ".");
  if (directory.startsWith("/") || /^[A-Za-z]:/.test(directory) || parts.includes("..")) {
    fail(
      `${where} ${show(directory)} must be relative to the repository root and stay inside it: drop the leading "/" or the ".." parts`,
    );
  }
  return parts.join("/");
}

function checkVersion(where: string, version: string | undefined): void {
  if (version !== undefined && !TERRAFORM_VERSION.test(version)) {
    fail(
      `${where} ${show(version)} is not a Terraform version TFC accepts: write "1.11.4" or a constraint such as "~> 1.11.0", in quotes (a YAML number loses digits: 1.10 reads as 1.1)`,
    );
  }
}

function checkTags(where: string, tags: Readonly<Record<string, string>>): void {
  for (const [key, value] of Object.entries(tags)) {
    if (RESERVED_TAGS.includes(key)) {
      fail(`${where}.${key}: the program sets the tag ${show(key)} itself; use another key`);
    }
    for (const part of [key, value]) {
      if (!TAG.test(part)) {
        fail(`${where}.${key}: ${show(part)} is not a valid tag: use 1 to 128 letters, digits, "_", "-", "." or ":"`);
      }
    }
  }
}

function checkVcs(vcs: VcsConfig, key: string = CODE_SOURCE_KEYS.vcs): VcsSource {
  if (!REPOSITORY.test(vcs.repository)) {
    fail(
      `${key}.repository ${show(vcs.repository)} must be <organization>/<repository>, e.g. acme/infrastructure (GitLab subgroups and Azure DevOps take more segments: group/subgroup/repo, org/project/_git/repo)`,
    );
  }
  if (vcs.triggerPrefixes !== undefined) {
    fail(
      `${key}.triggerPrefixes conflicts with the trigger patterns set for each workspace's directory (the provider refuses both): remove it; list shared folders in sharedDirectories instead`,
    );
  }
  if (vcs.tagsRegex !== undefined) checkTagsRegex(key, vcs.tagsRegex, vcs.sharedDirectories);
  if (vcs.oauthTokenId !== undefined && vcs.githubAppInstallationId !== undefined) {
    fail(`${key} sets both oauthTokenId and githubAppInstallationId: keep exactly one VCS credential`);
  }
  if (vcs.oauthTokenId === undefined && vcs.githubAppInstallationId === undefined) {
    fail(`${key} has no VCS credential: set oauthTokenId (ot-...) or githubAppInstallationId (ghain-...)`);
  }
  return {
    repository: vcs.repository,
    branch: vcs.branch,
    oauthTokenId: vcs.oauthTokenId,
    githubAppInstallationId: vcs.githubAppInstallationId,
    ingressSubmodules: vcs.ingressSubmodules ?? false,
    sharedDirectories: (vcs.sharedDirectories ?? []).map((d) => normalDirectory(`${key}.sharedDirectories`, d)),
    ...(vcs.tagsRegex !== undefined ? { tagsRegex: vcs.tagsRegex } : {}),
  };
}

function checkProjectName(name: string, existing: boolean): void {
  if (name.length < 3 || name.length > 40 || !PROJECT_NAME.test(name)) {
    const rule = '3 to 40 letters, digits, "_", "-" and inner spaces';
    fail(
      `${CODE_SOURCE_KEYS.project}.name ${show(name)} is not a name TFC accepts: ${existing ? `give the existing project's name as TFC shows it (${rule})` : rule}`,
    );
  }
}

/**
 * Releases by tag: the provider refuses tags_regex beside trigger patterns, so a matching tag
 * queues a run in every workspace of the repository and shared folders would change nothing.
 */
function checkTagsRegex(key: string, tagsRegex: string, sharedDirectories: readonly string[] | undefined): void {
  try {
    new RegExp(tagsRegex);
  } catch {
    fail(`${key}.tagsRegex ${show(tagsRegex)} is not a regular expression: write one such as ^v\\d+\\.\\d+\\.\\d+$`);
  }
  if (sharedDirectories !== undefined && sharedDirectories.length > 0) {
    fail(
      `${key}.sharedDirectories ${show(sharedDirectories)} has no effect with tagsRegex: a matching tag queues a run in every workspace of the repository, whatever files changed; remove sharedDirectories`,
    );
  }
}

function checkProject(settings: StackSettings): ProjectPlacement | undefined {
  const project = settings.source.project;
  const key = CODE_SOURCE_KEYS.project;
  if (project === undefined) return undefined;
  if ("id" in project) {
    if (!PROJECT_ID.test(project.id)) fail(`${key}.id ${show(project.id)} is not a project id: it looks like prj-...`);
    if (project.name === undefined) return { id: project.id };
    checkProjectName(project.name, true);
    return { id: project.id, name: project.name };
  }
  checkProjectName(project.name, false);
  return { create: project.name };
}

/**
 * The directory template of a layer, with its placeholders checked; `{cell}` stays for inCell. A
 * renamed workspace fills it with the names it had (`former`): its code has not moved.
 */
function directoryOf(layer: LayerConfig, key: string, former: FormerSource): string {
  const where = `${KEYS.layers}: layer ${show(layer.name)}`;
  const own = layer.source.workspaces[key]?.directory;
  if (own !== undefined) return normalDirectory(`${where} workspace ${show(key)} directory`, own);
  const template = layer.source.directory ?? DEFAULT_DIRECTORY_TEMPLATE;
  const known =
    layer.cells === undefined ? /\{(?!layer\}|workspace\})[^}]*\}/ : /\{(?!layer\}|workspace\}|cell\})[^}]*\}/;
  const unknown = known.exec(template)?.[0];
  if (unknown !== undefined) {
    const use =
      layer.cells === undefined
        ? "{layer} and {workspace} ({cell} in a layer with cells)"
        : "{layer}, {workspace} and {cell}";
    fail(`${where} directory ${show(template)} has the unknown placeholder ${unknown}: use ${use}`);
  }
  const filled = template.replaceAll("{layer}", former.layer).replaceAll("{workspace}", former.workspace);
  return normalDirectory(`${where} directory`, filled);
}

/**
 * A workspace's source in one cell: its directory (and file triggers) with `{cell}` filled in, and
 * a `cell` tag. Without `{cell}`, every cell of the workspace plans the same directory. A renamed
 * cell's directory keeps the cell's former name (`formerCell`): its code has not moved.
 */
export function inCell(source: WorkspaceSource, cell: string, formerCell: string = cell): WorkspaceSource {
  const fill = (text: string) => text.replaceAll("{cell}", formerCell);
  return {
    ...source,
    directory: fill(source.directory),
    ...(source.triggerPatterns ? { triggerPatterns: source.triggerPatterns.map(fill) } : {}),
    tags: { ...source.tags, cell },
  };
}

export interface CodeSource {
  readonly vcs?: VcsSource;
  readonly project?: ProjectPlacement;
  readonly byWorkspace: ReadonlyMap<string, WorkspaceSource>;
}

/** The names a workspace's directory is derived from: those it had before a rename. */
export interface FormerSource {
  readonly workspace: string;
  readonly layer: string;
}

/**
 * Checks the code-source settings and derives every workspace's source. `formerOf` gives the
 * names a renamed workspace had (its own when it is not renamed), for its directory.
 */
export function deriveCodeSource(
  settings: StackSettings,
  formerOf: (layer: string, workspace: string) => FormerSource = (layer, workspace) => ({ layer, workspace }),
): CodeSource {
  const vcs = settings.source.vcs ? checkVcs(settings.source.vcs) : undefined;
  const project = checkProject(settings);
  checkVersion(CODE_SOURCE_KEYS.terraformVersion, settings.source.terraformVersion);
  checkTags(CODE_SOURCE_KEYS.tags, settings.source.tags);
  const byWorkspace = new Map<string, WorkspaceSource>();
  const ownerOfDirectory = new Map<string, string>();
  for (const layer of settings.layers) {
    const where = `${KEYS.layers}: layer ${show(layer.name)}`;
    // A layer in a repository of its own: the same rules as the stack's.
    const layerVcs = layer.source.vcs ? checkVcs(layer.source.vcs, `${where} vcs`) : vcs;
    checkVersion(`${where} terraformVersion`, layer.source.terraformVersion);
    checkTags(`${where} tags`, layer.source.tags);
    for (const key of layer.workspaces) {
      const own = layer.source.workspaces[key] ?? {};
      checkVersion(`${where} workspace ${show(key)} terraformVersion`, own.terraformVersion);
      const directory = directoryOf(layer, key, formerOf(layer.name, key));
      // Directories are told apart within one repository.
      const place = `${layerVcs?.repository ?? ""}\0${directory}`;
      const other = ownerOfDirectory.get(place);
      if (other !== undefined && !settings.source.allowSharedDirectories) {
        fail(
          `${where}: workspaces ${show(other)} and ${show(key)} both plan directory ${show(directory)}: give each its own directory, or set ${CODE_SOURCE_KEYS.allowSharedDirectories}: true if they plan the same code on purpose`,
        );
      }
      ownerOfDirectory.set(place, key);
      for (const shared of layerVcs?.sharedDirectories ?? []) {
        if (directory === shared || directory.startsWith(`${shared}/`) || shared === "") {
          fail(
            `${layer.source.vcs ? `${where} vcs` : CODE_SOURCE_KEYS.vcs}.sharedDirectories ${show(shared)} holds the directory of workspace ${show(key)} (${show(directory)}): a commit there would re-plan every workspace; list only shared modules`,
          );
        }
      }
      const glob = (dir: string) => (dir === "" ? "/**/*" : `/${dir}/**/*`);
      byWorkspace.set(key, {
        directory,
        terraformVersion: own.terraformVersion ?? layer.source.terraformVersion ?? settings.source.terraformVersion,
        // Released by tag: no trigger patterns (the provider refuses them beside tags_regex).
        ...(layerVcs
          ? layerVcs.tagsRegex !== undefined
            ? { vcs: layerVcs }
            : { vcs: layerVcs, triggerPatterns: [glob(directory), ...layerVcs.sharedDirectories.map(glob)] }
          : {}),
        tags: {
          layer: layer.name,
          environment: settings.environment,
          [MANAGED_TAG.key]: MANAGED_TAG.value,
          ...settings.source.tags,
          ...layer.source.tags,
        },
      });
    }
  }
  return { vcs, project, byWorkspace };
}

// The configuration reference, one source for three readers: the stack file's JSON Schema
// (descriptions), Pulumi.yaml's descriptions of the keys it declares, and docs/configuration.md,
// whose tables \`npm run schema\` writes from here (a test fails when they drift).
import type { KEYS } from "./keys";

type Key = (typeof KEYS)[keyof typeof KEYS];

export interface KeyDoc {
  readonly meaning: string;
  /** The value it takes when unset, as the table says it. */
  readonly default?: string;
  /** What is secret in it, when anything is. */
  readonly secret?: string;
}

/** Every key the program reads. */
export const KEY_DOCS: Record<Key, KeyDoc> = {
  "tfe:organization": { meaning: "The organization. Changing it replaces every workspace (see [Safety](safety.md))." },
  "tfe:hostname": {
    meaning:
      "The TFC or Terraform Enterprise host, without a scheme. The program passes it to the generated remote-state reads (`tfc_layers.hostname`) and the plan's remote-state blocks.",
    default: "app.terraform.io",
  },
  "tfc-layers:environment": {
    meaning: "The environment; workspace names get it as a suffix (network-a-dev). Letters, digits, `-`, `_`.",
  },
  "tfc-layers:autoApply": {
    meaning:
      "Whether runs apply by themselves (VCS, API and CLI runs: every workspace's `autoApply`); unless `tfc-layers:autoApplyRunTrigger` says otherwise, also those queued by run triggers. false waits for approval.",
    default: "false",
  },
  "tfc-layers:autoApplyRunTrigger": {
    meaning:
      "Whether runs queued by run triggers apply by themselves (every workspace's `autoApplyRunTrigger`), apart from `tfc-layers:autoApply`: `false` with `autoApply: true` lets VCS runs apply while the runs a cascade queues wait for approval.",
    default: "the value of `tfc-layers:autoApply`",
  },
  "tfc-layers:protect": {
    meaning:
      "Protect the workspaces from deletion until `pulumi state unprotect`, whether or not the stack auto-applies. A stack that deletes workspaces (`destroyOnDelete`) sets `false`, refused where runs wait for approval: earlier versions protected those whatever it said.",
    default: "true",
  },
  "tfc-layers:layers": {
    meaning: "The layers: a list of `{name, workspaces, dependsOn, ...}` (the layer fields below).",
  },
  "tfc-layers:sharedCredentials": {
    meaning: "Environment-variable name to value, shared through one variable set.",
    secret: "its value",
  },
  "tfc-layers:approvalWebhookUrl": {
    meaning:
      "`https://` endpoint for approval requests of the workspaces whose runs wait. Where every run applies by itself nothing is sent, and the plan says so.",
    secret: "its value",
  },
  "tfc-layers:healthAssessments": {
    meaning:
      "Turns on TFC's health assessments (drift detection, continuous validation) on every workspace: it sets `assessmentsEnabled` of each workspace's settings, `false` turning them off. Needed by the `assessment:*` triggers of `tfc-layers:notifications`; remote and agent workspaces only; HCP Terraform Standard or Premium (see [Operating a cascade](operating.md#drift)).",
    default: "false",
  },
  "tfc-layers:vcs": {
    meaning:
      "The repository: `repository` (`org/repo`; GitLab subgroups `group/subgroup/repo`, Azure DevOps `org/project/_git/repo`), `branch`, exactly one of `oauthTokenId` / `githubAppInstallationId`, `ingressSubmodules`, `sharedDirectories`, `tagsRegex`. Without it the workspaces are CLI-driven. With `tagsRegex` (such as `^v\\d+\\.\\d+\\.\\d+$`) the workspaces release by tag: only a pushed tag that matches queues their runs, and commits queue none (no file triggers, so no `sharedDirectories`; see [Releasing by tag](layers-and-cells.md#releasing-by-tag)).",
  },
  "tfc-layers:terraformVersion": {
    meaning: "Terraform version of every workspace: `1.11.4`, a constraint such as `~> 1.11.0`, or `latest`.",
  },
  "tfc-layers:project": {
    meaning:
      "`{name: ...}` creates the TFC project, `{id: prj-...}` uses an existing one; with dynamic credentials give the existing project's name beside its id (`{id: prj-..., name: ...}`): the trust documents name the project by name.",
  },
  "tfc-layers:tags": { meaning: "Key-value tags added to every workspace." },
  "tfc-layers:allowSharedDirectories": { meaning: "Let two workspaces plan the same directory.", default: "false" },
  "tfc-layers:lifecycle": {
    meaning:
      "`{applyOnCreate, destroyOnDelete, destroyProtected, retiring, retryAttempts, retryBackoffMin, retryBackoffMax}`: ordered first applies and destroy runs (see [Lifecycle](lifecycle.md)).",
  },
  "tfc-layers:cells": {
    meaning:
      "The regions or accounts cell layers are stamped into: a list of `{name, values}` (`values`: names to strings, numbers or booleans). See [Cells](layers-and-cells.md#cells-regions-and-accounts).",
  },
  "tfc-layers:workspaceName": {
    meaning:
      "The TFC name of every workspace, from `{workspace}`, `{layer}`, `{cell}` and `{environment}`; a global workspace drops `{cell}` and the separator beside it.",
    default: "`{workspace}-{cell}-{environment}`",
  },
  "tfc-layers:renamedFrom": {
    meaning:
      "How the stack named its workspaces before a rename of many at once: `{workspaceName: <the template it had>, cells: {<new>: <old>}, layers: {<new>: <old>}, tfcNames: {<workspace>: <its former TFC name>}}`. TFC renames every workspace in place and keeps its code where it was (see [Safety](safety.md#renames)); keep it until every stack has been updated.",
  },
  "tfc-layers:external": {
    meaning:
      "Upstream layers this stack follows but does not own: `{<layer>: {workspaces: [<TFC names>], outputs?: {...}}}`. See [External upstreams](layers-and-cells.md#external-upstreams).",
  },
  "tfc-layers:externalConsumers": {
    meaning:
      "Workspaces of other stacks that read a workspace's state: `{<TFC name of one of this stack's workspaces>: [<TFC names of the readers>]}`, each reader looked up by name at preview. The follower's plan prints the entry its owner needs. See [External upstreams](layers-and-cells.md#external-upstreams).",
  },
  "tfc-layers:allowLayerAutoApply": {
    meaning:
      "Lets a layer set `autoApply: true` in a stack whose runs wait for approval (or `autoApplyRunTrigger: true` where the stack's trigger-queued runs wait); without it that is refused.",
    default: "false",
  },
  "tfc-layers:teams": {
    meaning:
      'Team access per layer: `{<team name or team-id>: {<layer or "*">: read, plan, write, admin or custom permissions}}`. See [Who may do what](access-and-credentials.md).',
  },
  "tfc-layers:credentials": {
    meaning:
      "Dynamic credential sets: `{<set>: {aws, azure, gcp or vault: {...}}}`, plain (role ARNs and ids are not secrets). An Azure client id may serve at most 20 workspace run phases (Entra ID's federated identity credentials per application): past that, a client id per layer or cell.",
  },
  "tfc-layers:staticCredentials": {
    meaning:
      "Static credential sets: `{<set>: {<NAME>: <value>, priority?: false}}`, each value set with `pulumi config set --secret --path`. `priority: false` (plain, default true) lets a workspace's own variables of the same name win over the set's.",
    secret: "its value",
  },
  "tfc-layers:defaultCredentials": { meaning: "The set (or list of sets) of every layer that names none." },
  "tfc-layers:adopted": {
    meaning:
      "Workspaces (as written) taken over in place; `npm run adopt` writes it. No lifecycle run is made for them.",
  },
  "tfc-layers:notifications": {
    meaning:
      "Who is told when a cascade stops: `[{name, destination, url or emails, on}]`. See [Operating a cascade](operating.md).",
    secret: "the urls",
  },
};

/** Every field of a layer. */
export const LAYER_FIELD_DOCS = {
  name: "The layer's name (letters, digits, `-`, `_`), unique in the stack.",
  workspaces:
    "One or more workspace names; TFC names become `<workspace>-<environment>` (at most 260 characters). A workspace belongs to one layer; two names may not differ only in case (TFC ignores case).",
  dependsOn:
    "Layers this one depends on. Each workspace here gets a run trigger from every workspace of those layers, and read access to their state (only to those it `reads` from, when it declares `reads`).",
  executionMode:
    "`remote` (default) or `agent` (then `agentPoolId` is required). `local` only for a layer outside the trigger graph: runs queued by triggers never execute locally, and local applies queue no runs downstream.",
  agentPoolId: "The agent pool, with `executionMode: agent`.",
  sharedCredentials: "`false` keeps the layer's workspaces out of the shared-credentials variable set.",
  healthAssessments:
    "The layer's own `tfc-layers:healthAssessments` over the stack's: `true` checks its workspaces for drift, `false` keeps them out (a layer in `executionMode: local` must, when the stack turns them on).",
  autoApply:
    "The layer's own `autoApply` over the stack's: `false` makes network changes wait for approval in dev; `true` in a gated stack needs `tfc-layers:allowLayerAutoApply`. It sets the layer's `autoApplyRunTrigger` too, unless the layer or the stack sets that one.",
  autoApplyRunTrigger:
    "The layer's own `autoApplyRunTrigger` (runs queued by run triggers) over the stack's. A layer that sets `autoApply` to another value than the stack's `tfc-layers:autoApplyRunTrigger` must set it; `true` where the stack's trigger-queued runs wait needs `tfc-layers:allowLayerAutoApply`.",
  credentials:
    "The credential set (or list of sets) the layer's workspaces take; without it, `tfc-layers:defaultCredentials`.",
  renamedFrom:
    "`{<new workspace>: <old workspace>}` to rename a workspace without losing it or anything named after it, its working directory included (see [Safety](safety.md#renames)); a move to another layer needs none.",
  directory:
    "Template of the layer's working directories; `{layer}` and `{workspace}` are replaced. Default `{layer}/{workspace}`.",
  terraformVersion: "The layer's Terraform version, over the stack's.",
  vcs: "The layer's own repository (`{repository, branch, oauthTokenId or githubAppInstallationId, ...}`, as `tfc-layers:vcs`), over the stack's: a repository per layer. The plan's commits then say which repository. A layer that releases by tag while the stack does not (or the reverse) gives its own `vcs` with or without `tagsRegex`.",
  tags: "Key-value tags added to the layer's workspaces.",
  outputs:
    "`{<output>: <Terraform type>}`: what each of the layer's workspaces publishes, e.g. `{vpc_id: string, subnet_ids: list(string)}` (see [Contracts between layers](contracts.md)).",
  reads: "`{<layer>: [<output>, ...]}`: the outputs it reads from each layer in its `dependsOn`.",
  cells:
    "`all`, or a list of cells: the layer's workspaces are stamped once per cell (see [Cells](layers-and-cells.md#cells-regions-and-accounts)). Without it the layer is global.",
} as const;

/** Every field of a workspace entry written as an object. */
export const WORKSPACE_FIELD_DOCS = {
  name: "The workspace as written: its key everywhere else in the stack file.",
  directory: "Its own working directory, relative to the repository root, over its layer's template.",
  terraformVersion: "Its own Terraform version, over its layer's and the stack's.",
  upstreams:
    "Upstream workspaces (as written) narrower than its layer's dependsOn gives: only these trigger it and share state with it.",
  tfcName: "A TFC name no template gives, kept as it is (an adopted workspace); not in a layer of cells.",
} as const;

/** What a field takes and what to write, for the one-line refusal of a value of the wrong shape. */
export interface FieldShape {
  /** What it must be, after "must be". */
  readonly shape: string;
  /** What to write, after "write". */
  readonly write: string;
}

/** A Terraform version in a stack file: YAML reads an unquoted version as a number. */
const VERSION_SHAPE: FieldShape = {
  shape: "a Terraform version in quotes",
  write: '"1.11.4" in quotes (a YAML number loses digits: 1.10 reads as 1.1)',
};

/** A switch in a stack file. */
const BOOLEAN_SHAPE: FieldShape = { shape: "true or false", write: "true or false" };

/** What each layer field takes (every field has one: the refusals name the fix for each). */
export const LAYER_FIELD_SHAPES: Record<keyof typeof LAYER_FIELD_DOCS, FieldShape> = {
  name: { shape: "a name", write: "a name such as network" },
  workspaces: {
    shape: "a list of workspaces",
    write: "a list such as [network-a], each entry a name or a map such as {name: network-a, directory: network}",
  },
  dependsOn: { shape: "a list of layers", write: "a list of layer names such as [network]" },
  executionMode: { shape: "one of remote, agent, local", write: "remote, agent or local" },
  agentPoolId: { shape: "an agent pool id", write: "the pool's id, such as apool-..." },
  sharedCredentials: BOOLEAN_SHAPE,
  autoApply: BOOLEAN_SHAPE,
  healthAssessments: BOOLEAN_SHAPE,
  autoApplyRunTrigger: BOOLEAN_SHAPE,
  credentials: {
    shape: "a credential set or a list of sets",
    write: "a set's name such as aws-dev, or a list such as [aws-dev]",
  },
  renamedFrom: { shape: "a map of new workspace to old", write: "a map such as {network-b: network-a}" },
  directory: { shape: "a directory template", write: 'a path such as "{layer}/{workspace}"' },
  terraformVersion: VERSION_SHAPE,
  vcs: { shape: "a map", write: "a map such as {repository: acme/network, branch: main, oauthTokenId: ot-...}" },
  tags: { shape: "a map of tag to value", write: "a map such as {team: platform}" },
  outputs: {
    shape: "a map of output name to Terraform type",
    write: "a map such as {vpc_id: string, subnet_ids: list(string)}",
  },
  reads: { shape: "a map of layer to the outputs read from it", write: "a map such as {network: [vpc_id]}" },
  cells: { shape: "all or a list of cells", write: "all or a list such as [use1]" },
};

/** What each field of a workspace entry written as a map takes. */
export const WORKSPACE_FIELD_SHAPES: Record<keyof typeof WORKSPACE_FIELD_DOCS, FieldShape> = {
  name: { shape: "a name", write: "a name such as network-a" },
  directory: { shape: "a directory", write: "a path such as network/a" },
  terraformVersion: VERSION_SHAPE,
  upstreams: { shape: "a list of workspaces", write: "a list of upstream workspaces such as [network-a]" },
  tfcName: { shape: "a TFC name", write: "a name such as network-a-legacy" },
};

/** A workspace entry: a name, or a map of the fields above. */
export const WORKSPACE_ENTRY_SHAPE: FieldShape = {
  shape: "a workspace name or a map",
  write: "a name such as network-a, or a map such as {name: network-a, directory: network}",
};

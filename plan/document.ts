// The offline plan of one stack as one document: the text and --json outputs both render it.

import { CONTRACT_FILES, ContractFileConflict, contractFiles } from "../hcl/contractFiles";
import { type ProgramRun, type RegisteredResource, SecretValue, UNKNOWN } from "../offline/registrations";
import {
  describeContractAdvice,
  describeImpliedDependency,
  describeUnusedSettings,
  findImpliedDependencies,
} from "../topology/advice";
import { CascadeSimulator, countToJson } from "../topology/cascade";
import { writtenName } from "../topology/cells/cells";
import { commitRuns, exampleCommits } from "../topology/commits";
import { KEYS } from "../topology/keys";
import { wallTime } from "../topology/lifecycle/lifecycle";
import { externalStateLabel, remoteStateLabel } from "../topology/names";
import type { Topology } from "../topology/topology";
import type { Difference } from "./compare";
import { type FlowchartLink, flowchart } from "./mermaid";
import { type PlanSecurity, securityPlan } from "./security";

export interface PlanResource {
  readonly type: string;
  readonly name: string;
  readonly protect: boolean;
  readonly inputs: Record<string, unknown>;
  readonly children: PlanResource[];
}

export interface PlanRunGroup {
  readonly wave: number;
  readonly workspaces: string[];
  readonly runsEach: number | string;
  readonly outcome: "auto-apply" | "wait-for-approval";
  readonly queuedBy: string[];
  readonly mayReadOldOutputsOf: string[];
}

export interface PlanCascade {
  readonly source: string;
  readonly runs: PlanRunGroup[];
  readonly runsByWorkspace: Record<string, number | string>;
  readonly totalRuns: number | string;
  readonly idealRuns: number;
  readonly extraRuns: number | string;
  readonly waitsForApproval: boolean;
  /** With a contract: each of its outputs that downstreams read, and who reads it. */
  readonly outputsReadBy?: Record<string, string[]>;
}

/** What one commit sets off: VCS runs, then trigger runs, and the workspaces that get both. */
export interface PlanCommit {
  /** The repository, where the stack plans from more than one. */
  readonly repository?: string;
  /** A pushed tag instead of changed files: the tagsRegex it matches (workspaces released by tag). */
  readonly tag?: string;
  readonly touched: string[];
  readonly vcsRuns: string[];
  readonly triggerRuns: Record<string, number | string>;
  readonly duplicates: { workspace: string; vcsRuns: 1; triggerRuns: number | string }[];
}

/** With a lifecycle: first applies and destroy runs, wave by wave, and how long they take. */
export interface PlanLifecycle {
  readonly bootstrap: { wave: number; workspaces: string[] }[];
  readonly teardown: { wave: number; workspaces: string[] }[];
  /** Workspaces whose destroy runs this update starts (tfc-layers:lifecycle.retiring), dependents first. */
  readonly retiring: { wave: number; workspaces: string[] }[];
  readonly manualConfirm: boolean;
  readonly runMinutes: number;
  readonly concurrency: number;
  /** Minutes for the bootstrap, and again for the teardown, approvals not counted. */
  readonly minutes: number;
  readonly longestChain: number;
}

/** Assumptions for estimating lifecycle wall time. */
export interface PlanOptions {
  readonly runMinutes: number;
  readonly concurrency: number;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = { runMinutes: 5, concurrency: 1 };

export interface PlanDocument {
  readonly stack: string;
  /** What the offline plan cannot see (values from ESC environments). */
  readonly notes?: string[];
  readonly organization: string;
  readonly environment: string;
  readonly autoApply: boolean;
  /** The stack's choice for runs queued by run triggers. */
  readonly autoApplyRunTrigger: boolean;
  readonly resources: PlanResource;
  readonly outputs: Record<string, unknown>;
  readonly graph: { readonly edges: { upstream: string; downstream: string }[]; readonly mermaid: string };
  readonly cascade: PlanCascade[];
  /** With a VCS connection: what a commit in each workspace's directory and each shared one sets off. */
  readonly commits: PlanCommit[];
  readonly lifecycle?: PlanLifecycle;
  readonly remoteState: { workspace: string; reads: { workspace: string; hcl: string }[] }[];
  /**
   * Upstreams outside the stack: per external workspace, the runs its applies queue here and the
   * workspaces its owner must add as remote-state consumers (this stack cannot).
   */
  readonly external?: {
    layer: string;
    workspace: string;
    triggers: string[];
    consumersToAdd: string[];
    /** The entry the owning stack's file needs so that it shares the state (none when nothing reads it). */
    ownerEntry?: string;
  }[];
  /** With a contract: the Terraform `npm run scaffold` writes, tests aside (paths from the repository root). */
  readonly contract?: {
    readonly files: { path: string; workspaces: string[]; content: string }[];
    /** Why no files can be generated (two workspaces share a directory but not a contract). */
    readonly problem?: string;
  };
  /** Team access, approvers, credential sets and the identities to trust. */
  readonly security: PlanSecurity;
  readonly advice: string[];
  /** With --compare: where the other stack differs. */
  readonly comparison?: { readonly stack: string; readonly differences: Difference[] };
}

export const SECRET_TEXT = "[secret]";
export const UNKNOWN_TEXT = "[unknown until apply]";

/** A registered value as a reviewer may see it: secrets hidden, unknowns named. */
/** The owning stack's entry that shares an external workspace's state with this stack's readers. */
function ownerEntry(workspace: string, readers: readonly string[]): string {
  return `${KEYS.externalConsumers}: {${workspace}: [${readers.join(", ")}]}`;
}

export function displayValue(value: unknown): unknown {
  if (value instanceof SecretValue) return SECRET_TEXT;
  if (value === UNKNOWN) return UNKNOWN_TEXT;
  if (Array.isArray(value)) return value.map(displayValue);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, displayValue((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * A resource's inputs as a reviewer may see them. The provider marks every variable value secret;
 * the variables the program marks not sensitive (the contract's place, a cell's values, dynamic
 * credentials' role ARNs and client ids) hold none, so their values are shown.
 */
export function displayInputs(r: Pick<RegisteredResource, "type" | "inputs">): Record<string, unknown> {
  const shown = displayValue(r.inputs) as Record<string, unknown>;
  const { sensitive, value } = r.inputs;
  // A variable the program marks not sensitive holds no secret, and TFC shows it to every reader.
  const plain = r.type === "tfe:index/variable:Variable" && sensitive === false;
  return plain && value instanceof SecretValue ? { ...shown, value: displayValue(value.value) } : shown;
}

// Children in the order a reviewer reads them: what exists first, then what links it.
const TYPE_ORDER = [
  "tfc-layers:components:Layer",
  "tfc-layers:components:SharedCredentials",
  "tfc-layers:components:CredentialSet",
  "tfc-layers:components:TeamAccess",
  "tfc-layers:components:ApprovalNotifications",
  "tfc-layers:components:ContractInputs",
  "tfc-layers:components:Lifecycle",
  "tfe:index/workspace:Workspace",
  "tfe:index/workspaceSettings:WorkspaceSettings",
  "tfe:index/runTrigger:RunTrigger",
  "tfe:index/variableSet:VariableSet",
  "tfe:index/variable:Variable",
  "tfe:index/workspaceVariableSet:WorkspaceVariableSet",
  "tfe:index/projectVariableSet:ProjectVariableSet",
  "tfe:index/teamProjectAccess:TeamProjectAccess",
  "tfe:index/teamAccess:TeamAccess",
  "random:index/randomPassword:RandomPassword",
  "tfe:index/notificationConfiguration:NotificationConfiguration",
  "tfe:index/workspaceRun:WorkspaceRun",
];
/** Where a type comes in the order a reviewer reads resources. */
export const rank = (type: string) => {
  const i = TYPE_ORDER.indexOf(type);
  return i === -1 ? TYPE_ORDER.length : i;
};

function resourceTree(run: ProgramRun, layerOrder: readonly string[]): PlanResource {
  // Layers read best upstream first; everything else by type, then name.
  const order = (r: RegisteredResource) => (r.type === TYPE_ORDER[0] ? layerOrder.indexOf(r.name) : 0);
  const children = new Map<string, RegisteredResource[]>();
  for (const r of run.resources) {
    const siblings = children.get(r.parent) ?? [];
    siblings.push(r);
    children.set(r.parent, siblings);
  }
  const build = (r: RegisteredResource): PlanResource => ({
    type: r.type,
    name: r.name,
    protect: r.protect,
    inputs: displayInputs(r),
    children: (children.get(r.urn) ?? [])
      .sort((a, b) => rank(a.type) - rank(b.type) || order(a) - order(b) || a.name.localeCompare(b.name))
      .map(build),
  });
  const root = run.resources.find((r) => r.type === "pulumi:pulumi:Stack");
  if (!root) throw new Error("the program registered no stack");
  return build(root);
}

function mermaid(topology: Topology): string {
  const nameOf = (key: string) => topology.workspaceByKey.get(key)!.name;
  const links = topology.triggers.map((t): FlowchartLink => {
    const ends = { from: nameOf(t.upstream), to: nameOf(t.downstream) };
    if (!topology.contractByWorkspace) return { ...ends, arrow: "-->" };
    // With a contract, each edge says what flows along it; an edge nothing flows along only orders runs.
    const read = topology.contractByWorkspace.get(t.downstream)!.reads.find((r) => r.upstream === t.upstream);
    return {
      ...ends,
      arrow: read ? `-->|"${read.outputs.map((o) => o.name).join(", ")}"|` : '-.->|"orders only"|',
    };
  });
  const cellOf = new Map(topology.workspaces.flatMap((w) => (w.cell ? [[w.name, w.cell.name]] : [])));
  const outside = topology.externalTriggers.map(
    (t): FlowchartLink => ({ from: t.upstream, to: nameOf(t.downstream), arrow: '-.->|"external"|' }),
  );
  return flowchart(
    [
      ...topology.external.map((l) => ({ name: `${l.layer} (external)`, workspaces: l.workspaces })),
      ...topology.layers.map((l) => ({ name: l.name, workspaces: l.workspaces.map(nameOf), cellOf })),
    ],
    [...outside, ...links],
  );
}

/**
 * HCL a downstream's Terraform code needs to read one upstream workspace's outputs: one block, or,
 * for a global workspace reading a workspace of every cell, one block `for_each` cell.
 */
export function remoteStateBlock(
  hostname: string,
  organization: string,
  label: string,
  names: string | ReadonlyMap<string, string>,
): string {
  const byCell = typeof names === "string" ? undefined : [...names];
  return [
    `data "terraform_remote_state" "${label}" {`,
    ...(byCell ? [`  for_each = {`, ...byCell.map(([cell, name]) => `    "${cell}" = "${name}"`), `  }`, ``] : []),
    `  backend = "remote"`,
    ``,
    `  config = {`,
    `    hostname     = "${hostname}"`,
    `    organization = "${organization}"`,
    `    workspaces = {`,
    `      name = ${byCell ? "each.value" : `"${names}"`}`,
    `    }`,
    `  }`,
    `}`,
  ].join("\n");
}

/** Without a contract: the `terraform_remote_state` blocks each downstream needs, one per upstream workspace. */
export function remoteStateReads(topology: Topology): PlanDocument["remoteState"] {
  if (topology.contract) return [];
  const byKey = topology.workspaceByKey;
  const block = (label: string, names: string | ReadonlyMap<string, string>) =>
    remoteStateBlock(topology.hostname, topology.organization, label, names);
  return topology.workspaces
    .filter((ws) => ws.upstreams.length + ws.externalUpstreams.length > 0)
    .map((ws) => {
      // Upstreams by the workspace as written: a global workspace reads one of every cell.
      const groups = new Map<string, string[]>();
      for (const up of ws.upstreams) groups.set(writtenName(up), [...(groups.get(writtenName(up)) ?? []), up]);
      const own = [...groups].map(([written, keys]) => {
        const many = keys.length > 1 || (ws.cell === undefined && byKey.get(keys[0])!.cell !== undefined);
        const names = many
          ? new Map(keys.map((k) => [byKey.get(k)!.cell!.name, byKey.get(k)!.name]))
          : byKey.get(keys[0])!.name;
        return {
          workspace: typeof names === "string" ? names : [...names.values()].join(", "),
          hcl: block(remoteStateLabel(written), names),
        };
      });
      // Outside the stack: readable once its owner adds this workspace as a consumer.
      const outside = ws.externalUpstreams.map((name) => ({
        workspace: name,
        hcl: block(externalStateLabel(name), name),
      }));
      return { workspace: ws.name, reads: [...own, ...outside] };
    });
}

function lifecyclePlan(topology: Topology, options: PlanOptions): PlanLifecycle {
  const lifecycle = topology.lifecycle!;
  const nameOf = (key: string) => topology.workspaceByKey.get(key)!.name;
  const waves = lifecycle.bootstrapWaves.map((keys, i) => ({ wave: i + 1, workspaces: keys.map(nameOf) }));
  const time = wallTime(lifecycle.bootstrapWaves, options.runMinutes, options.concurrency);
  return {
    bootstrap: lifecycle.applyOnCreate ? waves : [],
    teardown: lifecycle.destroyOnDelete ? [...waves].reverse().map((w, i) => ({ ...w, wave: i + 1 })) : [],
    retiring: lifecycle.retiringWaves.map((keys, i) => ({ wave: i + 1, workspaces: keys.map(nameOf) })),
    manualConfirm: lifecycle.manualConfirm,
    ...options,
    minutes: time.minutes,
    longestChain: time.longestChain,
  };
}

/** Each output of a workspace that a downstream reads, with the readers (TFC names). */
function outputsReadBy(topology: Topology, key: string): Record<string, string[]> {
  const readBy: Record<string, string[]> = {};
  for (const reader of topology.contractByWorkspace!.get(key)!.readers) {
    for (const output of reader.outputs) {
      readBy[output] = [...(readBy[output] ?? []), topology.workspaceByKey.get(reader.downstream)!.name];
    }
  }
  return readBy;
}

/** The files `npm run scaffold` writes, tests aside, or why it cannot. */
function generatedFiles(topology: Topology): NonNullable<PlanDocument["contract"]> {
  const nameOf = (key: string) => topology.workspaceByKey.get(key)!.name;
  try {
    return {
      files: contractFiles(topology)
        .filter((f) => !f.path.endsWith(CONTRACT_FILES.test))
        .map((f) => ({ path: f.path, workspaces: f.workspaces.map(nameOf), content: f.content })),
    };
  } catch (err) {
    if (!(err instanceof ContractFileConflict)) throw err;
    return { files: [], problem: err.message };
  }
}

/** Builds the plan document from the topology and what the program registered under mocks. */
export function buildPlan(
  stack: string,
  topology: Topology,
  run: ProgramRun,
  options: PlanOptions = DEFAULT_PLAN_OPTIONS,
): PlanDocument {
  const nameOf = (key: string) => topology.workspaceByKey.get(key)!.name;
  const names = (keys: readonly string[]) => keys.map(nameOf);
  const simulator = new CascadeSimulator(topology);
  const cascade = topology.workspaces.map((ws): PlanCascade => {
    const c = simulator.simulate(ws.key);
    return {
      source: ws.name,
      runs: c.waves.flatMap((w) =>
        w.groups.map((g) => ({
          wave: w.wave,
          workspaces: names(g.workspaces),
          runsEach: countToJson(g.runsEach),
          outcome: g.outcome,
          queuedBy: names(g.queuedBy),
          mayReadOldOutputsOf: names(g.mayReadOldOutputsOf),
        })),
      ),
      runsByWorkspace: Object.fromEntries([...c.runsByWorkspace].map(([k, n]) => [nameOf(k), countToJson(n)])),
      totalRuns: countToJson(c.totalRuns),
      idealRuns: c.reachableWorkspaces,
      extraRuns: countToJson(c.extraRuns),
      waitsForApproval: c.waitsForApproval,
      ...(topology.contractByWorkspace ? { outputsReadBy: outputsReadBy(topology, ws.key) } : {}),
    };
  });
  return {
    stack,
    organization: topology.organization,
    environment: topology.environment,
    autoApply: topology.autoApply,
    autoApplyRunTrigger: topology.autoApplyRunTrigger,
    resources: resourceTree(
      run,
      topology.layers.map((l) => l.name),
    ),
    outputs: displayValue(run.stackOutputs) as Record<string, unknown>,
    graph: {
      edges: topology.triggers.map((t) => ({ upstream: nameOf(t.upstream), downstream: nameOf(t.downstream) })),
      mermaid: mermaid(topology),
    },
    cascade,
    commits: exampleCommits(topology).map((commit, _, all) => {
      const c = commitRuns(topology, commit, simulator);
      // Named only where the stack plans from more than one repository.
      const several = all.some((other) => other.repository !== commit.repository);
      return {
        ...(several ? { repository: c.repository } : {}),
        ...(c.tag !== undefined ? { tag: c.tag } : {}),
        touched: [...c.touched],
        vcsRuns: names(c.vcsRuns),
        triggerRuns: Object.fromEntries([...c.triggerRuns].map(([k, n]) => [nameOf(k), countToJson(n)])),
        duplicates: c.duplicates.map((k) => ({
          workspace: nameOf(k),
          vcsRuns: 1 as const,
          triggerRuns: countToJson(c.triggerRuns.get(k)!),
        })),
      };
    }),
    ...(topology.lifecycle ? { lifecycle: lifecyclePlan(topology, options) } : {}),
    remoteState: remoteStateReads(topology),
    ...(topology.external.length
      ? {
          external: topology.external.flatMap((l) =>
            l.workspaces.map((workspace) => ({
              layer: l.layer,
              workspace,
              triggers: topology.externalTriggers
                .filter((t) => t.upstream === workspace)
                .map((t) => nameOf(t.downstream)),
              consumersToAdd: [...l.consumers[workspace]],
              ...(l.consumers[workspace].length > 0
                ? { ownerEntry: ownerEntry(workspace, l.consumers[workspace]) }
                : {}),
            })),
          ),
        }
      : {}),
    ...(topology.contract ? { contract: generatedFiles(topology) } : {}),
    security: securityPlan(topology),
    advice: [
      ...describeUnusedSettings(topology),
      ...findImpliedDependencies(topology).map(describeImpliedDependency),
      ...describeContractAdvice(topology),
    ],
  };
}

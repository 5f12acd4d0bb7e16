import * as pulumi from "@pulumi/pulumi";
import * as tfe from "@pulumi/tfe";
import type { LifecyclePlan } from "../topology/lifecycle/lifecycle";
import type { WorkspaceNode } from "../topology/topology";
import { type FormerNames, renameAliases } from "./renames";

export interface LifecycleArgs {
  readonly plan: LifecyclePlan;
  /** Every workspace, upstreams first. */
  readonly workspaces: readonly WorkspaceNode[];
  readonly workspaceIds: ReadonlyMap<string, pulumi.Input<string>>;
  /** What each workspace's runs need to exist first: its settings, by key. */
  readonly settings: ReadonlyMap<string, pulumi.Resource>;
  /** What every run needs first: the shared credentials (their variables and attachments). */
  readonly credentials?: pulumi.Resource;
  /** What a workspace's runs need first besides settings and credentials: its variables, by key. */
  readonly inputs: ReadonlyMap<string, readonly pulumi.Resource[]>;
  /** Former TFC names of renamed workspaces. */
  readonly formerNames: FormerNames;
}

/**
 * One `tfe.WorkspaceRun` per workspace (HashiCorp's multispace pattern): its first apply starts
 * once the workspace's settings and credentials exist and every upstream's first apply has
 * finished; on delete, its destroy run goes before anything it depends on is deleted, so
 * dependents are destroyed first and the variables are still there when it runs.
 */
export class Lifecycle extends pulumi.ComponentResource {
  /** The run resource of each workspace, by key. */
  readonly runs: ReadonlyMap<string, tfe.WorkspaceRun>;

  constructor(name: string, args: LifecycleArgs, opts?: pulumi.ComponentResourceOptions) {
    super("tfc-layers:components:Lifecycle", name, {}, opts);
    const { plan } = args;
    const run = {
      manualConfirm: plan.manualConfirm,
      waitForRun: true,
      retry: true,
      retryAttempts: plan.retryAttempts,
      retryBackoffMin: plan.retryBackoffMin,
      retryBackoffMax: plan.retryBackoffMax,
    };
    const runs = new Map<string, tfe.WorkspaceRun>();
    // A retiring workspace has no run: deleting the one it had starts its destroy run now.
    // An adopted workspace has no run either: it was applied before, and a new run resource would start a run.
    for (const node of args.workspaces.filter((w) => !w.retiring && !w.adopted)) {
      const upstreamRuns = node.upstreams.flatMap((key) => runs.get(key) ?? []);
      runs.set(
        node.key,
        new tfe.WorkspaceRun(
          `${name}-${node.name}`,
          {
            workspaceId: args.workspaceIds.get(node.key)!,
            // A workspace whose layer auto-applies in a gated stack confirms its own runs.
            ...(plan.applyOnCreate ? { apply: { ...run, manualConfirm: !node.autoApply } } : {}),
            ...(plan.destroyOnDelete ? { destroy: { ...run, manualConfirm: !node.autoApply } } : {}),
          },
          {
            parent: this,
            // A renamed workspace keeps its run: deleting it would start a destroy run in it.
            aliases: renameAliases(name, node.name, args.formerNames),
            dependsOn: [
              args.settings.get(node.key)!,
              ...(args.credentials ? [args.credentials] : []),
              ...(args.inputs.get(node.key) ?? []),
              ...upstreamRuns,
            ],
          },
        ),
      );
    }
    this.runs = runs;
    this.registerOutputs({});
  }
}

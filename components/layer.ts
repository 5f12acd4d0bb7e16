import * as pulumi from "@pulumi/pulumi";
import * as tfe from "@pulumi/tfe";
import type { VcsSource } from "../topology/codeSource";
import { settingsName } from "../topology/names";
import type { ExternalTrigger, TriggerEdge, WorkspaceNode } from "../topology/topology";

export interface LayerArgs {
  /** The organization every workspace lives in. */
  readonly organization: string;
  /** Whether Pulumi must refuse to delete the workspaces (their state and history). */
  readonly protect: boolean;
  /** This layer's workspaces, as the topology derived them. */
  readonly workspaces: readonly WorkspaceNode[];
  /** The run triggers into this layer's workspaces. */
  readonly triggers: readonly TriggerEdge[];
  /** The run triggers into this layer's workspaces from workspaces outside the stack. */
  readonly externalTriggers: readonly ExternalTrigger[];
  /** The TFC project the workspaces belong to; without it, the organization's default. */
  readonly projectId?: pulumi.Input<string>;
}

/**
 * A workspace's VCS connection: the repository, and file triggers limited to its own code; or,
 * released by tag, runs for matching tags only (no file triggers, as the provider's own tests set it).
 */
function vcsInputs(vcs: VcsSource, node: WorkspaceNode): tfe.WorkspaceArgs {
  const vcsRepo = {
    identifier: vcs.repository,
    branch: vcs.branch,
    oauthTokenId: vcs.oauthTokenId,
    githubAppInstallationId: vcs.githubAppInstallationId,
    ingressSubmodules: vcs.ingressSubmodules,
  };
  if (vcs.tagsRegex !== undefined) {
    return { vcsRepo: { ...vcsRepo, tagsRegex: vcs.tagsRegex }, fileTriggersEnabled: false };
  }
  return { vcsRepo, fileTriggersEnabled: true, triggerPatterns: [...(node.source.triggerPatterns ?? [])] };
}

/** Workspace ids by workspace key, across all layers. */
export type WorkspaceIds = ReadonlyMap<string, pulumi.Output<string>>;

/**
 * One layer: its workspaces, their settings, and the run triggers into them. Built in two
 * steps because an upstream's settings need the ids of its downstream consumers: every
 * layer creates its workspaces first, then `connect` adds settings and triggers.
 */
export class Layer extends pulumi.ComponentResource {
  /** This layer's workspaces by workspace key. */
  readonly workspaces: ReadonlyMap<string, tfe.Workspace>;
  private readonly nodes: readonly WorkspaceNode[];
  private readonly triggers: readonly TriggerEdge[];
  private readonly externalTriggers: readonly ExternalTrigger[];

  constructor(name: string, args: LayerArgs, opts?: pulumi.ComponentResourceOptions) {
    super("tfc-layers:components:Layer", name, {}, opts);
    this.nodes = args.workspaces;
    this.triggers = args.triggers;
    this.externalTriggers = args.externalTriggers;
    const workspaces = new Map<string, tfe.Workspace>();
    for (const node of args.workspaces) {
      // Logical names come from workspace names (unique per stack), never from positions.
      // A renamed workspace keeps its identity (and its state) through an alias; a moved one
      // keeps its URN, which names the parent's type, not the parent.
      const aliases = node.previous ? [{ name: node.previous.name }] : [];
      const workspace = new tfe.Workspace(
        node.name,
        {
          name: node.name,
          organization: args.organization,
          description: `Layer ${name}, managed by tfc-layers.`,
          // Its layer's choice, else the stack's.
          autoApply: node.autoApply,
          // A separate flag in TFC: without it, runs queued by triggers wait for approval.
          autoApplyRunTrigger: node.autoApplyRunTrigger,
          // A new workspace would start a first run at once, in no particular order: a
          // downstream that plans before its upstream has state fails.
          queueAllRuns: false,
          workingDirectory: node.source.directory,
          terraformVersion: node.source.terraformVersion,
          tags: node.source.tags,
          projectId: args.projectId,
          // Its layer's repository, else the stack's; without one it is CLI-driven.
          ...(node.source.vcs ? vcsInputs(node.source.vcs, node) : {}),
        },
        { parent: this, protect: args.protect, aliases },
      );
      workspaces.set(node.key, workspace);
    }
    this.workspaces = workspaces;
  }

  /**
   * Adds each workspace's settings (execution mode, state shared with its direct dependents
   * only). Call once, after every layer exists; returns them by workspace key.
   */
  connect(
    ids: WorkspaceIds,
    externalIds: ReadonlyMap<string, pulumi.Output<string>> = new Map(),
  ): Map<string, tfe.WorkspaceSettings> {
    const settings = new Map<string, tfe.WorkspaceSettings>();
    for (const node of this.nodes) {
      const workspaceId = this.workspaces.get(node.key)!.id;
      const workspaceSettings = new tfe.WorkspaceSettings(
        settingsName(node.name),
        {
          workspaceId,
          executionMode: node.executionMode,
          agentPoolId: node.agentPoolId,
          globalRemoteState: false,
          // Here, not on the workspace: the provider sends the settings' value on every update.
          assessmentsEnabled: node.healthAssessments,
          // Its readers here, then those of other stacks the stack declares (by their TFC names).
          remoteStateConsumerIds: [
            ...node.consumers.map((key) => ids.get(key)!),
            ...node.externalConsumers.map((name) => externalIds.get(name)!),
          ],
        },
        {
          parent: this,
          aliases: node.previous ? [{ name: settingsName(node.previous.name) }] : [],
        },
      );
      settings.set(node.key, workspaceSettings);
    }
    return settings;
  }

  /**
   * Adds the run triggers into this layer's workspaces. With a lifecycle, each trigger waits
   * for the first runs at both ends (so no trigger queues a second first run) and goes away
   * before either end's destroy run (a successful destroy apply would fire it).
   */
  link(
    ids: WorkspaceIds,
    runs: ReadonlyMap<string, pulumi.Resource>,
    externalIds: ReadonlyMap<string, pulumi.Output<string>> = new Map(),
  ): void {
    // From outside the stack: the trigger lives on this layer's workspace, the source is looked up.
    for (const trigger of this.externalTriggers) {
      const end = runs.get(trigger.downstream);
      new tfe.RunTrigger(
        trigger.name,
        { workspaceId: ids.get(trigger.downstream)!, sourceableId: externalIds.get(trigger.upstream)! },
        {
          parent: this,
          aliases: trigger.formerName ? [{ name: trigger.formerName }] : [],
          dependsOn: end ? [end] : [],
        },
      );
    }
    for (const trigger of this.triggers) {
      const ends = [runs.get(trigger.upstream), runs.get(trigger.downstream)].filter((r) => r !== undefined);
      new tfe.RunTrigger(
        trigger.name,
        { workspaceId: ids.get(trigger.downstream)!, sourceableId: ids.get(trigger.upstream)! },
        { parent: this, aliases: trigger.formerName ? [{ name: trigger.formerName }] : [], dependsOn: ends },
      );
    }
    this.registerOutputs({
      workspaceIds: Object.fromEntries([...this.workspaces].map(([key, ws]) => [key, ws.id])),
    });
  }
}

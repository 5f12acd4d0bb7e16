// Turns validated stack settings into the topology the components build: layers in
// dependency order, workspaces with their final names, run-trigger edges and the
// least-privilege remote-state consumers. Every graph rule lives here, checked before any
// resource is registered.

import { checkLayerAutoApply, checkTeams, planAccess, type TeamGrant } from "./access/access";
import { checkAdopted } from "./adoption/adoptedConfig";
import { checkAutoApply, layerFlags, stackFlags, waitsForApproval } from "./autoApply/autoApply";
import { checkSourceLimit, stampCells } from "./cells/cells";
import type { Cell } from "./cells/cellsConfig";
import { checkDistinct, checkTemplate, DEFAULT_WORKSPACE_NAME, renderName } from "./cells/workspaceName";
import { deriveCodeSource, inCell, type ProjectPlacement, type VcsSource, type WorkspaceSource } from "./codeSource";
import { type Contract, deriveContract, readableLayers, type WorkspaceContract, workspaceContracts } from "./contract";
import { type CredentialsPlan, planCredentials } from "./credentials/credentials";
import { StackConfigError, show } from "./errors";
import { checkExternal, externalConsumersOf, externalKey, isExternal } from "./external/external";
import { dependencyOrder } from "./graph";
import { KEYS, MAX_WORKSPACE_NAME } from "./keys";
import { checkDependencies, checkExecution, checkNames, previousNames } from "./layerRules";
import { type LifecyclePlan, planLifecycle } from "./lifecycle/lifecycle";
import { triggerName } from "./names";
import { checkNotifications } from "./notifications/notifications";
import type { NotificationConfig } from "./notifications/notificationsConfig";
import { stackProtection } from "./protection";
import { checkFormerNames, checkRenames, formerParts } from "./renames/renames";
import type { ExecutionMode, StackSettings } from "./stackConfig";

export interface WorkspaceNode {
  /** The name written in the stack file, e.g. network-a. */
  readonly key: string;
  /** The TFC workspace name: key and environment, e.g. network-a-dev. */
  readonly name: string;
  readonly layer: string;
  readonly executionMode: ExecutionMode;
  readonly agentPoolId?: string;
  readonly sharedCredentials: boolean;
  /** Whether its runs other than those queued by run triggers apply by themselves: its layer's choice, else the stack's. */
  readonly autoApply: boolean;
  /** Whether its runs queued by run triggers apply by themselves (layerFlags in autoApply/autoApply.ts). */
  readonly autoApplyRunTrigger: boolean;
  /**
   * Keys of the workspaces it depends on: their successful applies queue a run here (trigger
   * sources, unless it is retiring), and its code reads their state.
   */
  readonly upstreams: readonly string[];
  /**
   * Keys of the workspaces allowed to read this one's state: its direct dependents, or, with a
   * contract, those of them whose layer declares reads from it (or declares no reads at all).
   */
  readonly consumers: readonly string[];
  /**
   * The TFC name it had before a rename, so Pulumi keeps it and everything named after it (an
   * alias). A move to another layer needs none: a URN names its parent's type, not the parent.
   */
  readonly previous?: { readonly name: string };
  /** Its code: directory, Terraform version, file-trigger patterns, tags. */
  readonly source: WorkspaceSource;
  /**
   * On its way out (tfc-layers:lifecycle.retiring): no run resource and no triggers, so this
   * update starts its destroy run while its state access, variables and credentials stay.
   */
  readonly retiring: boolean;
  /** Taken over in place (tfc-layers:adopted): applied before the program, so no lifecycle run. */
  readonly adopted: boolean;
  /** The cell it is stamped into; undefined for a workspace of a global layer. */
  readonly cell?: Cell;
  /** External workspaces (TFC names) it depends on: their applies queue runs here. */
  readonly externalUpstreams: readonly string[];
  /** Workspaces of other stacks (TFC names) that read its state (tfc-layers:externalConsumers). */
  readonly externalConsumers: readonly string[];
}

export interface LayerNode {
  readonly name: string;
  /** Layers this one depends on, sorted. */
  readonly dependsOn: readonly string[];
  /** Workspace keys, sorted. */
  readonly workspaces: readonly string[];
  /** Its name before a rename (tfc-layers:renamedFrom.layers), kept as an alias. */
  readonly formerName?: string;
}

/** A run trigger from a workspace outside the stack: `upstream` is its exact TFC name. */
export interface ExternalTrigger {
  readonly upstream: string;
  readonly downstream: string;
  readonly name: string;
  readonly formerName?: string;
}

/** A run trigger: a successful apply of `upstream` queues a run in `downstream` (keys). */
export interface TriggerEdge {
  readonly upstream: string;
  readonly downstream: string;
  /** Its Pulumi name, from the two TFC names. */
  readonly name: string;
  /** Its name before one of its ends was renamed (renamedFrom), kept as an alias. */
  readonly formerName?: string;
}

export interface Topology {
  readonly organization: string;
  /** The TFC or Terraform Enterprise host the workspaces live on. */
  readonly hostname: string;
  /** How workspaces are named (tfc-layers:workspaceName, or the default). */
  readonly workspaceNameTemplate: string;
  readonly environment: string;
  readonly autoApply: boolean;
  /** The stack's choice for runs queued by run triggers (tfc-layers:autoApplyRunTrigger, else autoApply). */
  readonly autoApplyRunTrigger: boolean;
  /** Whether Pulumi must refuse to delete the workspaces. */
  readonly protect: boolean;
  /** Layers in dependency order (upstreams first), ties broken by name. */
  readonly layers: readonly LayerNode[];
  /** Workspaces in layer order, then by key. */
  readonly workspaces: readonly WorkspaceNode[];
  readonly workspaceByKey: ReadonlyMap<string, WorkspaceNode>;
  /** Sorted by upstream, then downstream. */
  readonly triggers: readonly TriggerEdge[];
  /** Run triggers from external workspaces (by TFC name) into this stack's (by key). */
  readonly externalTriggers: readonly ExternalTrigger[];
  /**
   * External layers: their workspaces and, for each, this stack's workspaces (TFC names) that read
   * it and that its owner must add as remote-state consumers (this stack cannot).
   */
  readonly external: readonly {
    readonly layer: string;
    readonly workspaces: readonly string[];
    readonly consumers: Readonly<Record<string, readonly string[]>>;
  }[];
  readonly credentialNames?: readonly string[];
  /**
   * The TFC name of the shared-credentials variable set: `<project>/<stack>/shared-credentials`,
   * so two deployments in one organization never share it ("/" is in no project or stack name).
   */
  readonly credentialsSetName: string;
  /** Whether to send approval requests: only runs that wait for approval need them. */
  readonly notifyApprovals: boolean;
  /** Team access, per team. */
  readonly access: readonly TeamGrant[];
  /** Destinations told of what stops a cascade, each on every workspace. */
  readonly notifications: readonly NotificationConfig[];
  /** The named credential sets: their variable sets, who takes which, the identities to trust. */
  readonly credentialSets: CredentialsPlan;
  /** The repository every workspace plans from; without it the workspaces are CLI-driven. */
  readonly vcs?: VcsSource;
  readonly project?: ProjectPlacement;
  /**
   * Whether the shared credentials attach once to the project (the program owns it and every
   * workspace takes them) instead of once per workspace.
   */
  readonly credentialsOnProject: boolean;
  /** Ordered first applies and destroy runs, when the stack opts in. */
  readonly lifecycle?: LifecyclePlan;
  /** The declared outputs and reads, when the stack declares any. */
  readonly contract?: Contract;
  /** With a contract: what each workspace publishes, reads and who reads it, by key. */
  readonly contractByWorkspace?: ReadonlyMap<string, WorkspaceContract>;
}

// The order localeCompare gives, from one collator instead of one per comparison.
const byLocale = new Intl.Collator().compare;

const fail = (message: string): never => {
  throw new StackConfigError(`${KEYS.layers}: ${message}`);
};

/** Validates the graph and derives the topology. Throws one StackConfigError on bad input. */
export function buildTopology(settings: StackSettings): Topology {
  checkNames(settings);
  // The external layers' own rules first; whether they name a workspace of this stack, once named.
  checkExternal(
    settings.external,
    settings.layers.map((l) => l.name),
    new Set(),
  );
  checkDependencies(settings);
  const externalLayers = new Map(settings.external.map((l) => [l.name, l.workspaces]));
  // The layers of this stack see only each other; external upstreams are wired per workspace.
  const ownLayers = settings.layers.map((l) => ({
    ...l,
    dependsOn: l.dependsOn.filter((d) => !externalLayers.has(d)),
  }));
  const layerByName = new Map(ownLayers.map((l) => [l.name, l]));
  checkExecution(settings);
  checkLayerAutoApply(settings.autoApply, settings.allowLayerAutoApply, settings.layers);
  checkAutoApply(settings, settings.allowLayerAutoApply, settings.layers);
  checkTeams(
    settings.teams,
    settings.layers.map((l) => l.name),
    settings.external.map((l) => l.name),
  );
  const previous = previousNames(settings);
  const renames = settings.renames;
  checkRenames(renames, {
    layers: settings.layers.map((l) => ({ name: l.name, workspaces: l.workspaces, cells: l.cells !== undefined })),
    cells: settings.cells.map((c) => c.name),
  });
  // What a workspace was named from before a rename: its name, and its directory, which stays.
  const formerOf = (w: { workspace: string; layer: string; cell?: { name: string } }) =>
    formerParts(renames, previous.get(w.workspace), { workspace: w.workspace, layer: w.layer, cell: w.cell?.name });
  const source = deriveCodeSource(settings, (layer, workspace) => formerOf({ workspace, layer }));
  const contract = deriveContract(settings);

  const order = dependencyOrder(
    settings.layers.map((l) => l.name),
    (n) => layerByName.get(n)!.dependsOn,
  );
  const stamped = stampCells(settings.layers, settings.cells, externalLayers);
  const hasCells = stamped.some((w) => w.cell !== undefined);
  const template = settings.workspaceName ?? DEFAULT_WORKSPACE_NAME;
  if (settings.workspaceName !== undefined) checkTemplate(template, hasCells);
  const nameFor = (workspace: string, layer: string, cell?: string) =>
    renderName(template, { workspace, layer, cell, environment: settings.environment });
  const explicit = (w: { workspace: string; layer: string; cell?: { name: string } }) => {
    const name = layerByName.get(w.layer)!.tfcNames[w.workspace];
    if (name !== undefined && w.cell !== undefined) {
      fail(
        `layer ${show(w.layer)} workspace ${show(w.workspace)} has the tfcName ${show(name)}, but its layer is stamped per cell: one name cannot serve every cell; use the template`,
      );
    }
    return name;
  };
  const names = new Map(stamped.map((w) => [w.key, explicit(w) ?? nameFor(w.workspace, w.layer, w.cell?.name)]));
  for (const [, workspaces] of externalLayers) for (const n of workspaces) names.set(externalKey(n), n);
  const nameOf = (key: string) => names.get(key)!;
  checkExternal(
    settings.external,
    settings.layers.map((l) => l.name),
    new Set(stamped.map((w) => nameOf(w.key).toLowerCase())),
  );
  checkDistinct(stamped.map((w) => ({ what: `${show(w.key)} (layer ${show(w.layer)})`, name: nameOf(w.key) })));
  // The TFC name each workspace had: a changed template, cell, layer or tfcName renames in place.
  const formerTemplate = renames.workspaceName ?? template;
  const formerNames = new Map(
    stamped.map((w) => {
      const was = formerOf(w);
      const former =
        renames.tfcNames[w.workspace] ??
        explicit(w) ??
        renderName(formerTemplate, { ...was, environment: settings.environment });
      return [w.key, former];
    }),
  );
  checkFormerNames(
    stamped.map((w) => ({
      what: `${show(w.key)} (layer ${show(w.layer)})`,
      name: nameOf(w.key),
      former: formerNames.get(w.key)!,
    })),
  );
  for (const w of stamped) {
    const name = nameOf(w.key);
    if (name.length > MAX_WORKSPACE_NAME) {
      fail(
        `workspace ${show(w.workspace)} becomes ${show(name)}, ${name.length} characters: TFC allows ${MAX_WORKSPACE_NAME}; shorten the workspace or environment name`,
      );
    }
  }
  checkSourceLimit(stamped, nameOf);
  checkAdopted(
    settings.adopted,
    settings.layers.flatMap((l) => l.workspaces),
  );
  const adopted = new Set(settings.adopted);

  const stampedByLayer = new Map<string, string[]>(order.map((n) => [n, []]));
  for (const w of stamped) stampedByLayer.get(w.layer)!.push(w.key);
  const layers: LayerNode[] = order.map((name) => {
    const layer = layerByName.get(name)!;
    const formerName = renames.layers[name];
    return {
      name,
      dependsOn: [...layer.dependsOn].sort(),
      workspaces: [...stampedByLayer.get(name)!].sort(),
      ...(formerName !== undefined ? { formerName } : {}),
    };
  });
  const protect = stackProtection(settings);
  const lifecycle = planLifecycle(
    settings.lifecycle && {
      ...settings.lifecycle,
      // A workspace as written retires in every cell it is stamped into.
      retiring: settings.lifecycle.retiring
        .flatMap((k) => {
          const cells = stamped.filter((w) => w.workspace === k && w.cell !== undefined);
          return cells.length > 0 ? cells.map((w) => w.key) : [k];
        })
        .sort(),
    },
    {
      hasVcs: [...source.byWorkspace.values()].every((s) => s.vcs !== undefined),
      autoApply: settings.autoApply,
      protect,
      layers: layers.map((l) => ({ ...l, executionMode: layerByName.get(l.name)!.executionMode })),
      layerNodes: layers,
      upstreams: new Map(stamped.map((w) => [w.key, w.upstreams.filter((u) => !isExternal(u))])),
    },
  );
  const retiring = new Set(lifecycle?.retiring ?? []);
  // Who may read a workspace's state: the dependents wired to it whose layer reads its layer.
  const consumers = new Map<string, string[]>(stamped.map((w) => [w.key, []]));
  // Readers in other stacks, declared by this stack, the owner: only it can share the state.
  const readersOutside = externalConsumersOf(
    settings.externalConsumers,
    stamped.map((w) => ({ key: w.key, workspace: w.workspace, name: nameOf(w.key), inCell: w.cell !== undefined })),
  );
  const stampedByKey = new Map(stamped.map((w) => [w.key, w]));
  // An external workspace's state is shared by its owner: these are the consumers to add there.
  const externalConsumers = new Map<string, string[]>();
  const externalLayerOf = new Map(settings.external.flatMap((l) => l.workspaces.map((n) => [externalKey(n), l.name])));
  const layerAsWritten = new Map(settings.layers.map((l) => [l.name, l]));
  for (const w of stamped) {
    const layer = layerAsWritten.get(w.layer)!;
    const readable = readableLayers(contract, layer.name, layer.dependsOn);
    for (const u of w.upstreams) {
      const upstreamLayer = externalLayerOf.get(u) ?? stampedByKey.get(u)!.layer;
      if (!readable.includes(upstreamLayer)) continue;
      if (isExternal(u)) externalConsumers.set(nameOf(u), [...(externalConsumers.get(nameOf(u)) ?? []), w.key]);
      else consumers.get(u)!.push(w.key);
    }
  }
  const workspaces: WorkspaceNode[] = layers.flatMap((node) => {
    const layer = layerByName.get(node.name)!;
    return node.workspaces.map((key) => {
      const w = stampedByKey.get(key)!;
      const former = formerNames.get(key)!;
      const own = source.byWorkspace.get(w.workspace)!;
      return {
        key,
        name: nameOf(key),
        layer: node.name,
        executionMode: layer.executionMode,
        agentPoolId: layer.agentPoolId,
        sharedCredentials: layer.sharedCredentials,
        ...layerFlags(settings, layer),
        upstreams: w.upstreams.filter((u) => !isExternal(u)),
        externalUpstreams: w.upstreams.filter(isExternal).map(nameOf),
        externalConsumers: readersOutside.get(key) ?? [],
        consumers: [...consumers.get(key)!].sort(),
        ...(former !== nameOf(key) ? { previous: { name: former } } : {}),
        source: w.cell ? inCell(own, w.cell.name, formerOf(w).cell) : own,
        ...(w.cell ? { cell: w.cell } : {}),
        retiring: retiring.has(key),
        // A workspace as written is adopted in every cell it is stamped into.
        adopted: adopted.has(w.workspace),
      };
    });
  });
  // A retiring workspace has no triggers: none fires into it while it is destroyed, and its
  // destroy apply fires nothing downstream (its dependents retire with it).
  const edges = workspaces
    .filter((w) => !w.retiring)
    .flatMap((w) => w.upstreams.map((upstream) => ({ upstream, downstream: w.key })))
    .sort((a, b) => byLocale(a.upstream, b.upstream) || byLocale(a.downstream, b.downstream));
  // By key, not by a search per trigger end: that costs workspaces x triggers at 1,000 workspaces.
  const formerNameOf = (key: string) => formerNames.get(key) ?? nameOf(key);
  const triggers: TriggerEdge[] = edges.map((e) => {
    const name = triggerName(nameOf(e.upstream), nameOf(e.downstream));
    // A rename at either end keeps the trigger: deleting and creating one for the same pair of
    // workspaces would queue two runs per apply until the delete, if TFC takes the second at all.
    const formerName = triggerName(formerNameOf(e.upstream), formerNameOf(e.downstream));
    return { ...e, name, ...(formerName !== name ? { formerName } : {}) };
  });
  const ownsProject = source.project !== undefined && "create" in source.project;
  checkNotifications(
    settings.notifications,
    workspaces.map((w) => ({ name: w.name, approvalWebhook: settings.approvalWebhook && waitsForApproval(w) })),
  );
  const externalTriggers = workspaces
    .filter((w) => !w.retiring)
    .flatMap((w) =>
      w.externalUpstreams.map((upstream) => ({
        upstream,
        downstream: w.key,
        name: triggerName(upstream, w.name),
        ...(w.previous ? { formerName: triggerName(upstream, w.previous.name) } : {}),
      })),
    );

  return {
    organization: settings.organization,
    hostname: settings.hostname,
    workspaceNameTemplate: template,
    environment: settings.environment,
    ...stackFlags(settings),
    protect,
    layers,
    workspaces,
    workspaceByKey: new Map(workspaces.map((w) => [w.key, w])),
    triggers,
    externalTriggers,
    external: settings.external.map((l) => ({
      layer: l.name,
      workspaces: [...l.workspaces],
      consumers: Object.fromEntries(l.workspaces.map((n) => [n, (externalConsumers.get(n) ?? []).map(nameOf)])),
    })),
    credentialNames: settings.credentialNames,
    credentialsSetName: `${settings.deployment.project}/${settings.deployment.stack}/shared-credentials`,
    notifyApprovals: settings.approvalWebhook && workspaces.some(waitsForApproval),
    access: planAccess(settings.teams, workspaces, ownsProject),
    notifications: settings.notifications,
    credentialSets: planCredentials({
      config: settings.credentials,
      layerSets: new Map(settings.layers.map((l) => [l.name, l.credentials])),
      sharedNames: settings.credentialNames,
      takesShared: (layer) => layerByName.get(layer)!.sharedCredentials,
      workspaces: workspaces.map((w) => ({ ...w, workspace: stampedByKey.get(w.key)!.workspace })),
      cells: settings.cells,
      environment: settings.environment,
      organization: settings.organization,
      projectName:
        source.project === undefined
          ? "Default Project"
          : "create" in source.project
            ? source.project.create
            : undefined,
      ownsProject,
      deployment: `${settings.deployment.project}/${settings.deployment.stack}`,
    }),
    ...(source.vcs ? { vcs: source.vcs } : {}),
    ...(source.project ? { project: source.project } : {}),
    ...(lifecycle ? { lifecycle } : {}),
    ...(contract
      ? {
          contract,
          contractByWorkspace: workspaceContracts(
            contract,
            layers,
            (key) => stampedByKey.get(key)!.upstreams,
            externalLayerOf,
          ),
        }
      : {}),
    credentialsOnProject:
      source.project !== undefined &&
      "create" in source.project &&
      settings.credentialNames !== undefined &&
      workspaces.every((w) => w.sharedCredentials),
  };
}

// Turns validated stack settings into the topology the components build: layers in
// dependency order, workspaces with their final names, run-trigger edges and the
// least-privilege remote-state consumers. Every graph rule lives here, checked before any
// resource is registered.

import { checkLayerAutoApply, checkTeams, planAccess, type TeamGrant } from "./access/access";
import { checkAdopted } from "./adoption/adoptedConfig";
import { checkAutoApply, layerFlags, stackFlags, waitsForApproval } from "./autoApply/autoApply";
import { checkSourceLimit, type StampedWorkspace, stampCells } from "./cells/cells";
import type { Cell } from "./cells/cellsConfig";
import { checkDistinct, checkTemplate, DEFAULT_WORKSPACE_NAME, renderName } from "./cells/workspaceName";
import {
  deriveCodeSource,
  inCell,
  type ProjectPlacement,
  subjectProjectName,
  type VcsSource,
  type WorkspaceSource,
} from "./codeSource";
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
  /** Whether TFC runs health assessments (drift detection) on it: its layer's choice, else the stack's. */
  readonly healthAssessments: boolean;
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
  /** Whether the stack gives an approval webhook that nothing uses: every run applies by itself. */
  readonly approvalWebhookUnused: boolean;
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

type OwnLayer = StackSettings["layers"][number];

/** The graph rules of the stack as written, before anything is named; its own layers by name. */
function checkStackRules(settings: StackSettings) {
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
  checkExecution(settings);
  checkLayerAutoApply(settings.autoApply, settings.allowLayerAutoApply, settings.layers);
  checkAutoApply(settings, settings.allowLayerAutoApply, settings.layers);
  checkTeams(
    settings.teams,
    settings.layers.map((l) => l.name),
    settings.external.map((l) => l.name),
  );
  return { externalLayers, layerByName: new Map<string, OwnLayer>(ownLayers.map((l) => [l.name, l])) };
}

type Placed = { readonly workspace: string; readonly layer: string; readonly cell?: { readonly name: string } };

/** The rename rules: what a workspace was named from before a rename (its directory stays there). */
function renameRules(settings: StackSettings) {
  const previous = previousNames(settings);
  const renames = settings.renames;
  checkRenames(renames, {
    layers: settings.layers.map((l) => ({ name: l.name, workspaces: l.workspaces, cells: l.cells !== undefined })),
    cells: settings.cells.map((c) => c.name),
  });
  const formerOf = (w: Placed) =>
    formerParts(renames, previous.get(w.workspace), { workspace: w.workspace, layer: w.layer, cell: w.cell?.name });
  return { renames, formerOf };
}

/**
 * Every workspace's TFC name (and each external one's, by key) and the name it had before a
 * rename, with the naming rules: the template, distinct names, TFC's length and source limits.
 */
function nameWorkspaces(
  settings: StackSettings,
  stamped: readonly StampedWorkspace[],
  layerByName: ReadonlyMap<string, OwnLayer>,
  externalLayers: ReadonlyMap<string, readonly string[]>,
  renamed: ReturnType<typeof renameRules>,
) {
  const hasCells = stamped.some((w) => w.cell !== undefined);
  const template = settings.workspaceName ?? DEFAULT_WORKSPACE_NAME;
  if (settings.workspaceName !== undefined) checkTemplate(template, hasCells);
  const explicit = (w: Placed) => {
    const name = layerByName.get(w.layer)!.tfcNames[w.workspace];
    if (name !== undefined && w.cell !== undefined) {
      fail(
        `layer ${show(w.layer)} workspace ${show(w.workspace)} has the tfcName ${show(name)}, but its layer is stamped per cell: one name cannot serve every cell; use the template`,
      );
    }
    return name;
  };
  const rendered = (t: string, parts: { workspace: string; layer: string; cell?: string }) =>
    renderName(t, { ...parts, environment: settings.environment });
  const names = new Map(stamped.map((w) => [w.key, explicit(w) ?? rendered(template, { ...w, cell: w.cell?.name })]));
  for (const [, workspaces] of externalLayers) for (const n of workspaces) names.set(externalKey(n), n);
  const nameOf = (key: string) => names.get(key)!;
  checkExternal(
    settings.external,
    settings.layers.map((l) => l.name),
    new Set(stamped.map((w) => nameOf(w.key).toLowerCase())),
  );
  const what = (w: StampedWorkspace) => `${show(w.key)} (layer ${show(w.layer)})`;
  checkDistinct(stamped.map((w) => ({ what: what(w), name: nameOf(w.key) })));
  // The TFC name each workspace had: a changed template, cell, layer or tfcName renames in place.
  const { renames, formerOf } = renamed;
  const formerTemplate = renames.workspaceName ?? template;
  const formerNames = new Map(
    stamped.map((w) => [w.key, renames.tfcNames[w.workspace] ?? explicit(w) ?? rendered(formerTemplate, formerOf(w))]),
  );
  checkFormerNames(stamped.map((w) => ({ what: what(w), name: nameOf(w.key), former: formerNames.get(w.key)! })));
  for (const w of stamped) {
    const name = nameOf(w.key);
    if (name.length > MAX_WORKSPACE_NAME) {
      fail(
        `workspace ${show(w.workspace)} becomes ${show(name)}, ${name.length} characters: TFC allows ${MAX_WORKSPACE_NAME}; shorten the workspace or environment name`,
      );
    }
  }
  checkSourceLimit(stamped, nameOf);
  // By key, not by a search per trigger end: that costs workspaces x triggers at 1,000 workspaces.
  const formerNameOf = (key: string) => formerNames.get(key) ?? nameOf(key);
  return { template, nameOf, formerNameOf };
}

/** The layers in dependency order, each with its workspaces (keys) and its former name. */
function layerNodes(
  order: readonly string[],
  stamped: readonly StampedWorkspace[],
  layerByName: ReadonlyMap<string, OwnLayer>,
  renames: StackSettings["renames"],
): LayerNode[] {
  const stampedByLayer = new Map<string, string[]>(order.map((n) => [n, []]));
  for (const w of stamped) stampedByLayer.get(w.layer)!.push(w.key);
  return order.map((name) => {
    const layer = layerByName.get(name)!;
    const formerName = renames.layers[name];
    return {
      name,
      dependsOn: [...layer.dependsOn].sort(),
      workspaces: [...stampedByLayer.get(name)!].sort(),
      ...(formerName !== undefined ? { formerName } : {}),
    };
  });
}

/** The ordered first applies and destroy runs, when the stack opts in. */
function stackLifecycle(
  settings: StackSettings,
  stamped: readonly StampedWorkspace[],
  source: ReturnType<typeof deriveCodeSource>,
  layers: readonly LayerNode[],
  layerByName: ReadonlyMap<string, OwnLayer>,
  protect: boolean,
) {
  return planLifecycle(
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
}

/**
 * Who may read each workspace's state: the dependents wired to it whose layer reads its layer;
 * the readers in other stacks this stack declares (only the owner can share its state); and, per
 * external workspace, the consumers its owner must add.
 */
function shareState(
  settings: StackSettings,
  stamped: readonly StampedWorkspace[],
  contract: Contract | undefined,
  nameOf: (key: string) => string,
) {
  const consumers = new Map<string, string[]>(stamped.map((w) => [w.key, []]));
  const readersOutside = externalConsumersOf(
    settings.externalConsumers,
    stamped.map((w) => ({ key: w.key, workspace: w.workspace, name: nameOf(w.key), inCell: w.cell !== undefined })),
  );
  const stampedByKey = new Map(stamped.map((w) => [w.key, w]));
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
  return { consumers, readersOutside, externalConsumers, externalLayerOf };
}

/** What a workspace node is made of, each step's result. */
interface NodeParts {
  readonly layerByName: ReadonlyMap<string, OwnLayer>;
  readonly stampedByKey: ReadonlyMap<string, StampedWorkspace>;
  readonly source: ReturnType<typeof deriveCodeSource>;
  readonly nameOf: (key: string) => string;
  readonly formerNameOf: (key: string) => string;
  readonly formerCellOf: (w: StampedWorkspace) => string | undefined;
  readonly sharing: ReturnType<typeof shareState>;
  readonly retiring: ReadonlySet<string>;
}

/** Every workspace, in layer order, with everything the components and the plan read of it. */
function workspaceNodes(settings: StackSettings, layers: readonly LayerNode[], parts: NodeParts): WorkspaceNode[] {
  const adopted = new Set(settings.adopted);
  const { nameOf, sharing } = parts;
  return layers.flatMap((node) => {
    const layer = parts.layerByName.get(node.name)!;
    return node.workspaces.map((key) => {
      const w = parts.stampedByKey.get(key)!;
      const former = parts.formerNameOf(key);
      const own = parts.source.byWorkspace.get(w.workspace)!;
      return {
        key,
        name: nameOf(key),
        layer: node.name,
        executionMode: layer.executionMode,
        agentPoolId: layer.agentPoolId,
        sharedCredentials: layer.sharedCredentials,
        ...layerFlags(settings, layer),
        healthAssessments: layer.healthAssessments ?? settings.healthAssessments,
        upstreams: w.upstreams.filter((u) => !isExternal(u)),
        externalUpstreams: w.upstreams.filter(isExternal).map(nameOf),
        externalConsumers: sharing.readersOutside.get(key) ?? [],
        consumers: [...sharing.consumers.get(key)!].sort(),
        ...(former !== nameOf(key) ? { previous: { name: former } } : {}),
        source: w.cell ? inCell(own, w.cell.name, parts.formerCellOf(w)) : own,
        ...(w.cell ? { cell: w.cell } : {}),
        retiring: parts.retiring.has(key),
        // A workspace as written is adopted in every cell it is stamped into.
        adopted: adopted.has(w.workspace),
      };
    });
  });
}

/**
 * The run triggers: from each upstream into each workspace that is not retiring (none fires into
 * it while it is destroyed, and its destroy apply fires nothing downstream), and from external
 * workspaces. A rename at either end keeps the trigger under its former name: deleting and
 * creating one for the same pair would queue two runs per apply until the delete, if TFC takes
 * the second at all.
 */
function wireTriggers(
  workspaces: readonly WorkspaceNode[],
  nameOf: (key: string) => string,
  formerNameOf: (key: string) => string,
) {
  const staying = workspaces.filter((w) => !w.retiring);
  const triggers: TriggerEdge[] = staying
    .flatMap((w) => w.upstreams.map((upstream) => ({ upstream, downstream: w.key })))
    .sort((a, b) => byLocale(a.upstream, b.upstream) || byLocale(a.downstream, b.downstream))
    .map((e) => {
      const name = triggerName(nameOf(e.upstream), nameOf(e.downstream));
      const formerName = triggerName(formerNameOf(e.upstream), formerNameOf(e.downstream));
      return { ...e, name, ...(formerName !== name ? { formerName } : {}) };
    });
  const externalTriggers: ExternalTrigger[] = staying.flatMap((w) =>
    w.externalUpstreams.map((upstream) => ({
      upstream,
      downstream: w.key,
      name: triggerName(upstream, w.name),
      ...(w.previous ? { formerName: triggerName(upstream, w.previous.name) } : {}),
    })),
  );
  return { triggers, externalTriggers };
}

/** Validates the graph and derives the topology. Throws one StackConfigError on bad input. */
export function buildTopology(settings: StackSettings): Topology {
  const { externalLayers, layerByName } = checkStackRules(settings);
  const renamed = renameRules(settings);
  const source = deriveCodeSource(settings, (layer, workspace) => renamed.formerOf({ workspace, layer }));
  const contract = deriveContract(settings);
  const order = dependencyOrder(
    settings.layers.map((l) => l.name),
    (n) => layerByName.get(n)!.dependsOn,
  );
  const stamped = stampCells(settings.layers, settings.cells, externalLayers);
  const { template, nameOf, formerNameOf } = nameWorkspaces(settings, stamped, layerByName, externalLayers, renamed);
  checkAdopted(
    settings.adopted,
    settings.layers.flatMap((l) => l.workspaces),
  );
  const layers = layerNodes(order, stamped, layerByName, renamed.renames);
  const protect = stackProtection(settings);
  const lifecycle = stackLifecycle(settings, stamped, source, layers, layerByName, protect);
  const sharing = shareState(settings, stamped, contract, nameOf);
  const stampedByKey = new Map(stamped.map((w) => [w.key, w]));
  const workspaces = workspaceNodes(settings, layers, {
    layerByName,
    stampedByKey,
    source,
    nameOf,
    formerNameOf,
    formerCellOf: (w) => renamed.formerOf(w).cell,
    sharing,
    retiring: new Set(lifecycle?.retiring ?? []),
  });
  const { triggers, externalTriggers } = wireTriggers(workspaces, nameOf, formerNameOf);
  const ownsProject = source.project !== undefined && "create" in source.project;
  checkNotifications(
    settings.notifications,
    workspaces.map((w) => ({ ...w, approvalWebhook: settings.approvalWebhook && waitsForApproval(w) })),
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
      consumers: Object.fromEntries(l.workspaces.map((n) => [n, (sharing.externalConsumers.get(n) ?? []).map(nameOf)])),
    })),
    credentialNames: settings.credentialNames,
    credentialsSetName: `${settings.deployment.project}/${settings.deployment.stack}/shared-credentials`,
    notifyApprovals: settings.approvalWebhook && workspaces.some(waitsForApproval),
    approvalWebhookUnused: settings.approvalWebhook && !workspaces.some(waitsForApproval),
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
      projectName: subjectProjectName(source.project),
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
            sharing.externalLayerOf,
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

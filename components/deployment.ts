import * as pulumi from "@pulumi/pulumi";
import * as tfe from "@pulumi/tfe";
import { waitsForApproval } from "../topology/autoApply/autoApply";
import { CascadeSimulator, countToJson } from "../topology/cascade";
import { externalName } from "../topology/external/external";
import { workspaceUrl } from "../topology/names";
import type { Topology } from "../topology/topology";
import { ApprovalNotifications } from "./approvalNotifications";
import { CascadeNotifications } from "./cascadeNotifications";
import { CellInputs } from "./cellInputs";
import { ContractInputs } from "./contractInputs";
import { CredentialSet } from "./credentialSet";
import { Layer } from "./layer";
import { Lifecycle } from "./lifecycle";
import { SharedCredentials } from "./sharedCredentials";
import { TeamAccess } from "./teamAccess";

/** Secret values the topology only knows by name. */
export interface DeploymentSecrets {
  /** Shared credential values by name; read only when the topology lists names. */
  readonly credentials: () => pulumi.Output<Record<string, string>>;
  /** The approval webhook URL; read only when the topology has one. */
  readonly approvalWebhookUrl: () => pulumi.Output<string>;
  /** Notification destinations' urls by destination name; read only when one has a url. */
  readonly notificationUrls: () => pulumi.Output<Record<string, string>>;
  /** Static credential sets' values, by set and variable name; read only when the topology has one. */
  readonly staticCredentials: () => pulumi.Output<Record<string, Record<string, string>>>;
}

/**
 * Lets the runtime send and settle what is registered so far before more is registered. In one
 * synchronous turn, every resource's pending registration (its promises and outputs) stays alive
 * until the last is registered: at 1,000 workspaces the garbage collector then copies about a
 * gigabyte of them over and over. The order of registration, and so every URN, stays the same.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What every step after the workspaces needs: their ids and names, and the former names. */
interface Placed {
  readonly topology: Topology;
  readonly projectId?: pulumi.Output<string>;
  readonly ids: ReadonlyMap<string, pulumi.Output<string>>;
  readonly names: ReadonlyMap<string, string>;
  /** Everything named after a renamed workspace keeps its identity through the old name. */
  readonly formerNames: ReadonlyMap<string, string>;
}

/** Workspace ids by TFC name, for the given keys. */
const idsByName = (placed: Placed, keys: readonly string[]) =>
  new Map(keys.map((key) => [placed.names.get(key)!, placed.ids.get(key)!]));

/** The project the workspaces live in: created, an existing one by id, or the organization's default. */
function placeInProject(topology: Topology): pulumi.Output<string> | undefined {
  const project = topology.project;
  if (project === undefined) return undefined;
  if ("id" in project) return pulumi.output(project.id);
  return new tfe.Project(`project-${topology.environment}`, {
    name: project.create,
    organization: topology.organization,
    description: "Layered workspaces, managed by tfc-layers.",
  }).id;
}

/** One Layer per layer, each with its workspaces, and the triggers into them for later. */
async function buildLayers(topology: Topology, projectId: pulumi.Output<string> | undefined): Promise<Layer[]> {
  // The triggers into each layer, grouped once: filtering them per layer costs layers x triggers.
  const byDownstreamLayer = <T extends { readonly downstream: string }>(edges: readonly T[]) => {
    const grouped = new Map<string, T[]>();
    for (const e of edges) {
      const layer = topology.workspaceByKey.get(e.downstream)!.layer;
      const into = grouped.get(layer);
      if (into) into.push(e);
      else grouped.set(layer, [e]);
    }
    return grouped;
  };
  const triggersInto = byDownstreamLayer(topology.triggers);
  const externalTriggersInto = byDownstreamLayer(topology.externalTriggers);
  const layers: Layer[] = [];
  for (const layer of topology.layers) {
    layers.push(
      new Layer(
        layer.name,
        {
          organization: topology.organization,
          protect: topology.protect,
          workspaces: layer.workspaces.map((key) => topology.workspaceByKey.get(key)!),
          triggers: triggersInto.get(layer.name) ?? [],
          externalTriggers: externalTriggersInto.get(layer.name) ?? [],
          projectId,
        },
        layer.formerName ? { aliases: [{ name: layer.formerName }] } : undefined,
      ),
    );
    await nextTurn();
  }
  return layers;
}

/**
 * Each workspace's settings: execution mode and whom it shares its state with, here and in other
 * stacks. Workspaces outside the stack are looked up by name at preview (a missing one stops it
 * there, with the provider's line naming it): upstreams and readers alike, each name once.
 */
async function shareState(placed: Placed, layers: readonly Layer[]) {
  const { topology } = placed;
  const outsideNames = new Set([
    ...topology.externalTriggers.map((t) => t.upstream),
    ...topology.workspaces.flatMap((w) => w.externalConsumers),
  ]);
  const externalIds = new Map(
    [...outsideNames].map((name) => [name, tfe.getWorkspaceOutput({ name, organization: topology.organization }).id]),
  );
  const settings = new Map<string, tfe.WorkspaceSettings>();
  for (const layer of layers) {
    for (const [key, workspaceSettings] of layer.connect(placed.ids, externalIds)) settings.set(key, workspaceSettings);
    await nextTurn();
  }
  return { settings, externalIds };
}

/** The shared credentials and the named credential sets, attached to workspaces or to the project. */
async function attachCredentials(placed: Placed, secrets: DeploymentSecrets) {
  const { topology, projectId, formerNames } = placed;
  let credentials: SharedCredentials | undefined;
  if (topology.credentialNames !== undefined) {
    credentials = new SharedCredentials(`shared-credentials-${topology.environment}`, {
      organization: topology.organization,
      variableSetName: topology.credentialsSetName,
      names: topology.credentialNames,
      values: secrets.credentials(),
      workspaceIds: topology.credentialsOnProject
        ? new Map()
        : idsByName(
            placed,
            topology.workspaces.filter((w) => w.sharedCredentials).map((w) => w.key),
          ),
      formerNames,
      ...(topology.credentialsOnProject ? { projectId } : {}),
    });
    await nextTurn();
  }
  let staticValues: pulumi.Output<Record<string, Record<string, string>>> | undefined;
  const credentialSets: CredentialSet[] = [];
  for (const plan of topology.credentialSets.variableSets) {
    credentialSets.push(
      new CredentialSet(plan.resourceName, {
        organization: topology.organization,
        plan,
        secretValues: () => {
          staticValues ??= secrets.staticCredentials();
          return staticValues.apply((all) => all[plan.set]);
        },
        workspaceIds: plan.onProject ? new Map() : idsByName(placed, plan.workspaces),
        ...(plan.onProject ? { projectId } : {}),
        formerNames,
      }),
    );
    await nextTurn();
  }
  // Each workspace's credential sets, by key (one pass over the sets, not one per workspace).
  const setsOf = new Map<string, CredentialSet[]>();
  topology.credentialSets.variableSets.forEach((plan, i) => {
    for (const key of plan.workspaces) {
      const sets = setsOf.get(key);
      if (sets) sets.push(credentialSets[i]);
      else setsOf.set(key, [credentialSets[i]]);
    }
  });
  return { credentials, setsOf };
}

/** Team access to the workspaces and to the project the program owns. */
async function grantAccess(placed: Placed): Promise<void> {
  const { topology } = placed;
  if (topology.access.length === 0) return;
  new TeamAccess(`team-access-${topology.environment}`, {
    organization: topology.organization,
    grants: topology.access,
    workspaces: new Map(topology.workspaces.map((w) => [w.key, { id: placed.ids.get(w.key)!, name: w.name }])),
    formerNames: placed.formerNames,
    ...(topology.project && "create" in topology.project ? { projectId: placed.projectId } : {}),
  });
  await nextTurn();
}

/** Who is told: approval requests for runs that wait, and the destinations told when a cascade stops. */
async function notify(placed: Placed, secrets: DeploymentSecrets) {
  const { topology, formerNames } = placed;
  let approvalHmacKey: pulumi.Output<string> | undefined;
  if (topology.notifyApprovals) {
    const notifications = new ApprovalNotifications(`approval-notifications-${topology.environment}`, {
      url: secrets.approvalWebhookUrl(),
      // Only workspaces with runs that wait for approval (of either kind) need a reviewer.
      workspaceIds: idsByName(
        placed,
        topology.workspaces.filter(waitsForApproval).map((w) => w.key),
      ),
      formerNames,
    });
    approvalHmacKey = notifications.hmacKey;
    await nextTurn();
  }
  let notificationKeys: Record<string, pulumi.Output<string>> = {};
  if (topology.notifications.length > 0) {
    notificationKeys = new CascadeNotifications(`notifications-${topology.environment}`, {
      destinations: topology.notifications,
      urls: secrets.notificationUrls,
      workspaceIds: idsByName(
        placed,
        topology.workspaces.map((w) => w.key),
      ),
      formerNames,
    }).hmacKeys;
    await nextTurn();
  }
  return { approvalHmacKey, notificationKeys };
}

/** The variables a workspace's code reads besides its credentials: the contract's and its cell's, by TFC name. */
async function workspaceVariables(placed: Placed) {
  const { topology, formerNames } = placed;
  const contracts = topology.contractByWorkspace;
  const readers = topology.workspaces.filter((w) => (contracts?.get(w.key)?.reads.length ?? 0) > 0).map((w) => w.key);
  const contractInputs =
    readers.length > 0
      ? new ContractInputs(`contract-inputs-${topology.environment}`, {
          place: {
            hostname: topology.hostname,
            organization: topology.organization,
            environment: topology.environment,
          },
          cells: new Map(
            topology.layers.flatMap((l) => {
              const cells = l.workspaces.flatMap((k) => topology.workspaceByKey.get(k)!.cell?.name ?? []);
              return cells.length ? [[l.name, [...new Set(cells)]] as const] : [];
            }),
          ),
          workspaceIds: idsByName(placed, readers),
          formerNames,
        }).variables
      : new Map<string, pulumi.Resource>();
  await nextTurn();
  const cellWorkspaces = topology.workspaces.filter((w) => w.cell !== undefined);
  const cellInputs =
    cellWorkspaces.length > 0
      ? new CellInputs(`cell-inputs-${topology.environment}`, {
          workspaces: new Map(cellWorkspaces.map((w) => [w.name, { id: placed.ids.get(w.key)!, cell: w.cell! }])),
          formerNames,
        }).variables
      : new Map<string, pulumi.Resource>();
  await nextTurn();
  return { contractInputs, cellInputs };
}

/** The first applies and destroy runs, each after what its run needs: settings, variables, credentials. */
function runLifecycle(
  placed: Placed,
  settings: ReadonlyMap<string, tfe.WorkspaceSettings>,
  credentials: { credentials?: SharedCredentials; setsOf: ReadonlyMap<string, CredentialSet[]> },
  variables: {
    contractInputs: ReadonlyMap<string, pulumi.Resource>;
    cellInputs: ReadonlyMap<string, pulumi.Resource>;
  },
): ReadonlyMap<string, pulumi.Resource> {
  const { topology } = placed;
  if (!topology.lifecycle) return new Map<string, pulumi.Resource>();
  // What a workspace's first run needs besides its settings and the credentials: its variables.
  const runInputs = new Map(
    topology.workspaces.map((w) => [
      w.key,
      [
        variables.contractInputs.get(w.name),
        variables.cellInputs.get(w.name),
        // Its credentials: a first plan without them fails.
        ...(credentials.setsOf.get(w.key) ?? []),
      ].filter((r): r is pulumi.Resource => r !== undefined),
    ]),
  );
  return new Lifecycle(`lifecycle-${topology.environment}`, {
    plan: topology.lifecycle,
    workspaces: topology.workspaces,
    workspaceIds: placed.ids,
    settings: new Map(settings),
    credentials: credentials.credentials,
    inputs: runInputs,
    formerNames: placed.formerNames,
  }).runs;
}

/** The stack outputs: the workspaces with their urls, the triggers, who reads whom, the contract. */
function stackOutputs(
  placed: Placed,
  workspaces: ReadonlyMap<string, tfe.Workspace>,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const { topology, names } = placed;
  const contracts = topology.contractByWorkspace;
  const cascade = new CascadeSimulator(topology);
  return {
    organization: topology.organization,
    environment: topology.environment,
    layers: Object.fromEntries(
      topology.layers.map((layer) => [
        layer.name,
        Object.fromEntries(
          layer.workspaces.map((key) => {
            const ws = workspaces.get(key)!;
            const name = names.get(key)!;
            // The url is known from the name: as an Output (htmlUrl), 1,000 workspaces cost the
            // runtime about 150,000 more promises to write the stack outputs.
            return [key, { name, id: ws.id, url: workspaceUrl(topology.hostname, topology.organization, name) }];
          }),
        ),
      ]),
    ),
    triggers: [
      ...topology.triggers.map((t) => `${names.get(t.upstream)} -> ${names.get(t.downstream)}`),
      ...topology.externalTriggers.map((t) => `${t.upstream} -> ${names.get(t.downstream)}`),
    ],
    ...(topology.external.length
      ? {
          // What each external workspace's owner must add to its remote-state sharing.
          externalConsumers: Object.fromEntries(topology.external.flatMap((l) => Object.entries(l.consumers))),
        }
      : {}),
    remoteStateConsumers: Object.fromEntries(
      topology.workspaces.map((w) => [w.name, [...w.consumers.map((key) => names.get(key)!), ...w.externalConsumers]]),
    ),
    // Upper bound of the runs one successful apply of each workspace queues downstream.
    runsQueuedPerApply: Object.fromEntries(
      topology.workspaces.map((w) => [w.name, countToJson(cascade.totalRuns(w.key))]),
    ),
    ...(contracts
      ? {
          // What each workspace publishes (output: type) and reads (upstream: outputs).
          contract: Object.fromEntries(
            topology.workspaces.map((w) => {
              const c = contracts.get(w.key)!;
              return [
                w.name,
                {
                  publishes: Object.fromEntries(c.publishes.map((o) => [o.name, o.typeText])),
                  // An external upstream is named by its own TFC name.
                  reads: Object.fromEntries(
                    c.reads.map((r) => [
                      names.get(r.upstream) ?? externalName(r.upstream),
                      r.outputs.map((o) => o.name),
                    ]),
                  ),
                },
              ];
            }),
          ),
        }
      : {}),
    ...extra,
  };
}

/**
 * Turns a validated topology into resources and returns the stack outputs. Makes no
 * decisions of its own: every rule is in the topology. Registers a layer or a component at a
 * time, each in its own turn of the event loop, in this order: the project, the workspaces,
 * their settings, credentials, access, notifications, variables, the lifecycle, and the
 * triggers last (with a lifecycle they wait for the first runs at both of their ends).
 */
export async function deployTopology(topology: Topology, secrets: DeploymentSecrets): Promise<Record<string, unknown>> {
  const projectId = placeInProject(topology);
  const layers = await buildLayers(topology, projectId);
  const workspaces = new Map(layers.flatMap((layer) => [...layer.workspaces]));
  const placed: Placed = {
    topology,
    projectId,
    ids: new Map([...workspaces].map(([key, ws]) => [key, ws.id])),
    names: new Map(topology.workspaces.map((w) => [w.key, w.name])),
    formerNames: new Map(topology.workspaces.flatMap((w) => (w.previous ? [[w.name, w.previous.name]] : []))),
  };
  const { settings, externalIds } = await shareState(placed, layers);
  const credentials = await attachCredentials(placed, secrets);
  await grantAccess(placed);
  const { approvalHmacKey, notificationKeys } = await notify(placed, secrets);
  const variables = await workspaceVariables(placed);
  const runs = runLifecycle(placed, settings, credentials, variables);
  await nextTurn();
  for (const layer of layers) {
    layer.link(placed.ids, runs, externalIds);
    await nextTurn();
  }
  const variableSetId = credentials.credentials?.variableSetId;
  return stackOutputs(placed, workspaces, {
    ...(variableSetId ? { variableSetId } : {}),
    ...(projectId ? { projectId } : {}),
    ...(approvalHmacKey ? { approvalHmacKey } : {}),
    ...(Object.keys(notificationKeys).length ? { notificationHmacKeys: notificationKeys } : {}),
  });
}

// Reads the current run of every workspace of a stack in as few requests as the API allows: the
// workspace list with include=current_run, 100 a page (the runs endpoints allow 30 requests a
// minute; the workspace list, like most, 30 a second). Only a project given by name costs one more,
// and each workspace whose current run has not finished (or that is locked) one more, for the runs
// queued behind it: elsewhere TFC has already started them, so none can be waiting.

import { type JsonApiResource, TfcApiError, type TfcClient } from "../tfcApi/client";
import { type LiveWorkspace, mayHaveQueuedRuns, type Run } from "../topology/status/cascadeStatus";
import type { Topology } from "../topology/topology";

const rel = (r: JsonApiResource, name: string) => {
  const data = r.relationships?.[name]?.data;
  return data && !Array.isArray(data) ? data.id : undefined;
};

/** A run resource as the runs API and include=current_run give it. */
function runOf(run: JsonApiResource): Run {
  const a = run.attributes ?? {};
  const timestamps = (a["status-timestamps"] ?? {}) as Record<string, unknown>;
  return {
    id: run.id,
    status: String(a.status),
    createdAt: String(a["created-at"]),
    statusTimestamps: Object.fromEntries(
      Object.entries(timestamps).filter((e): e is [string, string] => typeof e[1] === "string"),
    ),
    ...(a.source ? { source: String(a.source) } : {}),
    ...(a["trigger-reason"] ? { triggerReason: String(a["trigger-reason"]) } : {}),
    confirmable: (a.actions as Record<string, unknown> | undefined)?.["is-confirmable"] === true,
  };
}

/** The workspace's runs waiting behind its current one, oldest first (the API lists newest first). */
async function queuedRuns(client: TfcClient, workspaceId: string): Promise<Run[]> {
  const { data } = await client.all(`/workspaces/${encodeURIComponent(workspaceId)}/runs`, {
    "filter[status]": "pending",
  });
  return data.map(runOf).sort((x, y) => Date.parse(x.createdAt) - Date.parse(y.createdAt));
}

export async function readCurrentRuns(client: TfcClient, topology: Topology): Promise<Map<string, LiveWorkspace>> {
  const org = encodeURIComponent(topology.organization);
  let projectId: string | undefined;
  if (topology.project && "id" in topology.project) projectId = topology.project.id;
  else if (topology.project && "create" in topology.project) {
    const name = topology.project.create;
    projectId = (await client.all(`/organizations/${org}/projects`)).data.find((p) => p.attributes?.name === name)?.id;
    // Not created yet: none of the stack's workspaces exists either.
    if (projectId === undefined) return new Map();
  }
  const { data, included } = await client.all(`/organizations/${org}/workspaces`, {
    include: "current_run",
    ...(projectId ? { "filter[project][id]": projectId } : {}),
  });
  const runs = new Map(included.filter((r) => r.type === "runs").map((r) => [r.id, r]));
  const wanted = new Set(topology.workspaces.map((w) => w.name));
  const current = new Map<string, LiveWorkspace>();
  for (const w of data) {
    const name = String(w.attributes?.name);
    if (!wanted.has(name)) continue;
    const runId = rel(w, "current-run");
    const run = runId ? runs.get(runId) : undefined;
    if (runId && !run)
      throw new TfcApiError(
        `the API listed ${name}'s current run ${runId} without including it: the token may not read runs`,
      );
    current.set(name, {
      id: w.id,
      ...(w.attributes?.locked === true ? { locked: true } : {}),
      ...(run ? { currentRun: runOf(run) } : {}),
    });
  }
  // The client paces these under the rate limit the API announces.
  const live = await Promise.all(
    [...current].map(async ([name, w]): Promise<[string, LiveWorkspace]> => {
      if (!mayHaveQueuedRuns(w)) return [name, w];
      const queued = await queuedRuns(client, w.id);
      return [name, queued.length ? { ...w, queued } : w];
    }),
  );
  return new Map(live);
}

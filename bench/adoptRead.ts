// What reading an organization of 1,000 workspaces through the API costs: requests by kind, and
// the time against the loopback double at the double's announced limit (the real API announces
// 30 per second; the pacing scales the time by that, never the number of requests).
import { organizationFromApi } from "../adopt/fromApi";
import { TfcClient } from "../tfcApi/client";
import { type RecordedOrganization, startTfcDouble } from "../tfcApi/double";
import { run, trigger, workspace } from "../tfcApi/recorded";

export interface AdoptReadResult {
  readonly workspaces: number;
  readonly triggers: number;
  readonly requests: number;
  readonly requestsByKind: Record<string, number>;
  readonly ms: number;
  /** The same requests at the real API's 30 per second, paced at 0.66 of it. */
  readonly minutesAtThirtyPerSecond: number;
}

/** An organization of `size` workspaces in chains of ten, each triggering the next. */
export function chainedOrganization(size: number): RecordedOrganization {
  const project = "prj-BENCH000000000001";
  const names = Array.from({ length: size }, (_, i) => `l${i % 10}-w${Math.floor(i / 10)}-bench`);
  return {
    name: "acme",
    projects: [{ id: project, type: "projects", attributes: { name: "bench" } }],
    workspaces: names.map((n) => workspace(n, project)),
    runTriggers: names.flatMap((n, i) => (i % 10 === 0 ? [] : [trigger(names[i - 1], n)])),
    varsets: [],
    vars: [],
    teamWorkspaces: [],
    teams: [],
    notifications: [],
  };
}

export async function benchAdoptRead(size: number): Promise<AdoptReadResult> {
  const recorded = chainedOrganization(size);
  const token = "bench-token";
  const double = await startTfcDouble(recorded, { token, rateLimit: 100_000 });
  try {
    const client = new TfcClient({ address: double.address, token });
    const started = performance.now();
    const org = await organizationFromApi(client, { organization: "acme" });
    const ms = performance.now() - started;
    const requestsByKind: Record<string, number> = {};
    for (const r of double.requests) {
      const kind = r.path.replace(/ws-[A-Za-z0-9]+/, ":id").replace(/varset-[A-Za-z0-9]+/, ":id");
      requestsByKind[kind] = (requestsByKind[kind] ?? 0) + 1;
    }
    return {
      workspaces: org.workspaces.length,
      triggers: org.runTriggers.length,
      requests: client.requests,
      requestsByKind,
      ms,
      minutesAtThirtyPerSecond: client.requests / (30 * 0.66) / 60,
    };
  } finally {
    await double.close();
  }
}

export function adoptReadTable(r: AdoptReadResult): string {
  return [
    "| workspaces read through the API | triggers | requests | by kind | ms against the double | minutes at 30 requests/s (paced at 0.66) |",
    "|---|---|---|---|---|---|",
    `| ${r.workspaces} | ${r.triggers} | ${r.requests} | ${Object.entries(r.requestsByKind)
      .map(([k, n]) => `${k}: ${n}`)
      .join("; ")} | ${Math.round(r.ms)} | ${r.minutesAtThirtyPerSecond.toFixed(1)} |`,
  ].join("\n");
}

export interface StatusRequests {
  readonly workspaces: number;
  /** Every current run finished: the workspace pages only. */
  readonly requests: number;
  /** One current run in ten waiting for approval, each with a run queued behind it: their queues read too. */
  readonly requestsOneInTenWaiting: number;
}

/** The requests `npm run status` takes for a stack of `size` workspaces, every one with a current run. */
export async function benchStatusRequests(size: number): Promise<StatusRequests> {
  return {
    workspaces: size,
    requests: await statusRequestsOf(size, () => false),
    requestsOneInTenWaiting: await statusRequestsOf(size, (i) => i % 10 === 0),
  };
}

async function statusRequestsOf(size: number, waiting: (i: number) => boolean): Promise<number> {
  const { generateLayers, generatedConfig } = await import("./generate");
  const { readStackConfig } = await import("../topology/stackConfig");
  const { buildTopology } = await import("../topology/topology");
  const { readCurrentRuns } = await import("../status/readRuns");
  const { config, secretKeys } = generatedConfig(generateLayers(size));
  const topology = buildTopology(readStackConfig(config, (k) => secretKeys.includes(k)));
  const runs = topology.workspaces.flatMap((w, i) =>
    waiting(i)
      ? [
          run({
            id: `run-${i}`,
            workspace: w.name,
            status: "planned",
            createdAt: "2026-12-01T10:00:00Z",
            confirmable: true,
          }),
          run({ id: `run-${i}-queued`, workspace: w.name, status: "pending", createdAt: "2026-12-01T10:05:00Z" }),
        ]
      : [run({ id: `run-${i}`, workspace: w.name, status: "applied", createdAt: "2026-12-01T10:00:00Z" })],
  );
  const recorded: RecordedOrganization = {
    ...chainedOrganization(0),
    name: topology.organization,
    workspaces: topology.workspaces.map((w, i) => {
      const ws = workspace(w.name, "prj-BENCH000000000001");
      return {
        ...ws,
        relationships: { ...ws.relationships, "current-run": { data: { type: "runs", id: `run-${i}` } } },
      };
    }),
    runs,
  };
  const double = await startTfcDouble(recorded, { token: "bench-token", rateLimit: 100_000 });
  try {
    const client = new TfcClient({ address: double.address, token: "bench-token" });
    const live = await readCurrentRuns(client, topology);
    if (live.size !== size) throw new Error(`read ${live.size} of ${size} workspaces`);
    const queued = [...live.values()].filter((w) => w.queued?.length).length;
    const expected = topology.workspaces.filter((_, i) => waiting(i)).length;
    if (queued !== expected) throw new Error(`read ${queued} queued runs of ${expected}`);
    return client.requests;
  } finally {
    await double.close();
  }
}

// A stand-in for the HCP Terraform API on loopback: it serves a recorded organization in the
// API's own JSON:API shapes (pagination with page[number] and page[size] up to 100 and
// meta.pagination, include, the run-trigger type filter that the API requires), answers 401
// without the token, 404 for what the token cannot see, 403 where a path is forbidden, and 429
// with x-ratelimit-reset when told to. The read side serves adoption and status (a workspace's
// runs, newest first, filtered by status as the API allows); writes can come later.
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import type { JsonApiResource } from "./client";

export interface RecordedOrganization {
  readonly name: string;
  readonly workspaces: JsonApiResource[];
  readonly projects: JsonApiResource[];
  /** type "run-triggers", relationships workspace and sourceable. */
  readonly runTriggers: JsonApiResource[];
  /** type "varsets", relationships workspaces, projects and vars. */
  readonly varsets: JsonApiResource[];
  /** type "vars", relationships configurable (the varset). */
  readonly vars: JsonApiResource[];
  /** type "team-workspaces", relationships team and workspace. */
  readonly teamWorkspaces: JsonApiResource[];
  /** type "teams". */
  readonly teams: JsonApiResource[];
  /** type "notification-configurations", relationships subscribable. */
  readonly notifications: JsonApiResource[];
  /**
   * type "runs" (status, created-at, source, trigger-reason, status-timestamps, actions),
   * relationships workspace; a workspace's current-run names one, the others wait as TFC keeps them.
   */
  readonly runs?: JsonApiResource[];
}

export interface DoubleOptions {
  readonly token: string;
  /** The rate limit it announces (x-ratelimit-limit). */
  readonly rateLimit?: number;
  /** Answer this many requests with 429 first. */
  readonly throttleFirst?: number;
  /** Paths (after /api/v2) that answer 403. */
  readonly forbidden?: readonly RegExp[];
}

export interface TfcDouble {
  readonly address: string;
  /** Every request: its path, query and whether it carried the right token. */
  readonly requests: { path: string; query: string; authorized: boolean }[];
  close(): Promise<void>;
}

const related = (r: JsonApiResource, name: string): string[] => {
  const data = r.relationships?.[name]?.data;
  return data == null ? [] : Array.isArray(data) ? data.map((d) => d.id) : [data.id];
};

/** A page of a list, with meta.pagination as the API gives it. */
function page(items: JsonApiResource[], query: URLSearchParams, included: JsonApiResource[] = []) {
  const size = Math.min(100, Math.max(1, Number(query.get("page[size]") ?? 20)));
  const total = Math.max(1, Math.ceil(items.length / size));
  const current = Math.max(1, Number(query.get("page[number]") ?? 1));
  return {
    data: items.slice((current - 1) * size, current * size),
    ...(included.length ? { included } : {}),
    meta: {
      pagination: {
        "current-page": current,
        "page-size": size,
        "prev-page": current > 1 ? current - 1 : null,
        "next-page": current < total ? current + 1 : null,
        "total-pages": total,
        "total-count": items.length,
      },
    },
  };
}

export async function startTfcDouble(org: RecordedOrganization, options: DoubleOptions): Promise<TfcDouble> {
  const requests: TfcDouble["requests"] = [];
  let throttled = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://loopback");
    const path = url.pathname.replace(/^\/api\/v2/, "");
    const authorized = req.headers.authorization === `Bearer ${options.token}`;
    requests.push({ path, query: url.search, authorized });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        "content-type": "application/vnd.api+json",
        "x-ratelimit-limit": String(options.rateLimit ?? 30),
        ...headers,
      });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, title: string) => send(status, { errors: [{ status: String(status), title }] });
    if (throttled < (options.throttleFirst ?? 0)) {
      throttled++;
      return send(
        429,
        { errors: [{ status: "429", title: "You have exceeded the API's rate limit." }] },
        { "x-ratelimit-reset": "0.05" },
      );
    }
    if (!authorized) return error(401, "unauthorized");
    if (req.method !== "GET") return error(405, "method not allowed");
    if (options.forbidden?.some((f) => f.test(path))) return error(403, "forbidden");
    const q = url.searchParams;
    const byWorkspace = (list: JsonApiResource[], rel: string, id: string) =>
      list.filter((r) => related(r, rel).includes(id));
    const workspace = (id: string) => org.workspaces.find((w) => w.id === id);
    const match = (pattern: RegExp) => path.match(pattern) ?? undefined;
    const listOf = match(/^\/organizations\/([^/]+)\/(workspaces|projects|varsets)$/);
    const triggersOf = match(/^\/workspaces\/([^/]+)\/run-triggers$/);
    const consumersOf = match(/^\/workspaces\/([^/]+)\/relationships\/remote-state-consumers$/);
    const notificationsOf = match(/^\/workspaces\/([^/]+)\/notification-configurations$/);
    const varsOf = match(/^\/varsets\/([^/]+)\/relationships\/vars$/);
    const runsOf = match(/^\/workspaces\/([^/]+)\/runs$/);
    if (listOf) {
      const m = listOf;
      if (m[1] !== org.name) return error(404, "not found");
      if (m[2] === "projects") return send(200, page(org.projects, q));
      if (m[2] === "varsets") return send(200, page(org.varsets, q));
      const project = q.get("filter[project][id]");
      const name = q.get("search[name]");
      const listed = org.workspaces.filter(
        (w) =>
          (!project || related(w, "project").includes(project)) && (!name || String(w.attributes?.name).includes(name)),
      );
      const body = page(listed, q);
      // include=current_run: the runs of the workspaces on this page.
      const includes = (q.get("include") ?? "").split(",");
      const current = includes.includes("current_run")
        ? (org.runs ?? []).filter((r) => body.data.some((w) => related(w, "current-run").includes(r.id)))
        : [];
      return send(200, current.length ? { ...body, included: current } : body);
    }
    if (triggersOf) {
      const m = triggersOf;
      if (!workspace(m[1])) return error(404, "not found");
      const type = q.get("filter[run-trigger][type]");
      if (type !== "inbound" && type !== "outbound")
        return error(400, "filter[run-trigger][type] is required: inbound or outbound");
      return send(200, page(byWorkspace(org.runTriggers, type === "inbound" ? "workspace" : "sourceable", m[1]), q));
    }
    if (consumersOf) {
      const m = consumersOf;
      const w = workspace(m[1]);
      if (!w) return error(404, "not found");
      const ids = w.attributes?.["global-remote-state"]
        ? org.workspaces.map((x) => x.id)
        : related(w, "remote-state-consumers");
      return send(
        200,
        page(
          org.workspaces.filter((x) => ids.includes(x.id)),
          q,
        ),
      );
    }
    if (notificationsOf) {
      const m = notificationsOf;
      if (!workspace(m[1])) return error(404, "not found");
      return send(200, page(byWorkspace(org.notifications, "subscribable", m[1]), q));
    }
    if (varsOf) {
      const m = varsOf;
      if (!org.varsets.some((v) => v.id === m[1])) return error(404, "not found");
      return send(200, page(byWorkspace(org.vars, "configurable", m[1]), q));
    }
    if (runsOf) {
      const m = runsOf;
      if (!workspace(m[1])) return error(404, "not found");
      // filter[status]: a comma-separated list of statuses; the list is newest first.
      const statuses = q.get("filter[status]")?.split(",");
      const runs = byWorkspace(org.runs ?? [], "workspace", m[1])
        .filter((r) => !statuses || statuses.includes(String(r.attributes?.status)))
        .sort(
          (x, y) => Date.parse(String(y.attributes?.["created-at"])) - Date.parse(String(x.attributes?.["created-at"])),
        );
      return send(200, page(runs, q));
    }
    if (path === "/team-workspaces") {
      const id = q.get("filter[workspace][id]");
      if (!id) return error(400, "filter[workspace][id] is required");
      const items = byWorkspace(org.teamWorkspaces, "workspace", id);
      const teams =
        q.get("include") === "team"
          ? org.teams.filter((t) => items.some((i) => related(i, "team").includes(t.id)))
          : [];
      return send(200, page(items, q, teams));
    }
    return error(404, "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

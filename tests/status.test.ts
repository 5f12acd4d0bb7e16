// npm run status against the TFC API double only: where each cascade is and where it stopped,
// within the request budget (the workspace pages, plus one request for a project given by name).
import * as assert from "node:assert/strict";
import * as net from "node:net";
import { main as status } from "../scripts/status";
import type { JsonApiResource } from "../tfcApi/client";
import { type RecordedOrganization, startTfcDouble, type TfcDouble } from "../tfcApi/double";
import { ref, workspace } from "../tfcApi/recorded";

const TOKEN = "status-token-never-printed-0015";

interface Run {
  readonly status: string;
  readonly at: string;
  readonly appliedAt?: string;
  readonly confirmable?: boolean;
  readonly source?: string;
}

/** The committed stack's three workspaces in its project, each with the current run given (or none). */
function organization(stack: string, runs: Record<string, Run | undefined>, extra = 0): RecordedOrganization {
  const project = `prj-${stack.toUpperCase()}000000000001`.slice(0, 20);
  const recordedRuns: JsonApiResource[] = [];
  const workspaces = [...Object.keys(runs), ...Array.from({ length: extra }, (_, i) => `other-${i}-${stack}`)].map(
    (name) => {
      const w = workspace(name, project);
      const run = runs[name];
      if (!run) return w;
      const id = `run-${name.replace(/[^A-Za-z0-9]/g, "")}`.slice(0, 20);
      recordedRuns.push({
        id,
        type: "runs",
        attributes: {
          status: run.status,
          "created-at": run.at,
          source: run.source ?? "tfe-configuration-version",
          "status-timestamps": run.appliedAt ? { "applied-at": run.appliedAt } : {},
          actions: { "is-confirmable": run.confirmable === true },
        },
        relationships: { workspace: ref("workspaces", w.id) },
      });
      return { ...w, relationships: { ...w.relationships, "current-run": ref("runs", id) } };
    },
  );
  return {
    name: "acme",
    projects: [{ id: project, type: "projects", attributes: { name: `layers-${stack}` } }],
    workspaces,
    runTriggers: [],
    varsets: [],
    vars: [],
    teamWorkspaces: [],
    teams: [],
    notifications: [],
    runs: recordedRuns,
  };
}

const T = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, "0")}:00Z`;

describe("npm run status, against the loopback double", () => {
  let double: TfcDouble | undefined;
  afterEach(async () => {
    await double?.close();
    double = undefined;
  });
  const run = async (stack: string, org: RecordedOrganization, ...flags: string[]) => {
    double = await startTfcDouble(org, { token: TOKEN, rateLimit: 1000 });
    return status([stack, ...flags], undefined, undefined, {
      env: { TFE_TOKEN: TOKEN, TFE_ADDRESS: double.address },
      print: () => {},
    });
  };

  it("a cascade in progress: statuses as TFC names them, nothing stopped, in the request budget", async () => {
    const result = await run(
      "dev",
      organization("dev", {
        "network-a-dev": { status: "applied", at: T(0), appliedAt: T(2) },
        "platform-b-dev": { status: "applying", at: T(3), source: "tfe-run-trigger" },
        "app-c-dev": { status: "pending", at: T(3) },
      }),
      "--json",
    );
    assert.equal(result.code, 0, result.out);
    const doc = JSON.parse(result.out);
    assert.deepEqual(
      doc.workspaces.map((w: { name: string; status: string }) => [w.name, w.status]),
      [
        ["network-a-dev", "applied"],
        ["platform-b-dev", "applying"],
        ["app-c-dev", "pending"],
      ],
    );
    assert.deepEqual(doc.stopped, []);
    assert.equal(doc.workspaces[1].queuedBy, "a run trigger");
    assert.match(
      doc.workspaces[0].link,
      /^https:\/\/app\.terraform\.io\/app\/acme\/workspaces\/network-a-dev\/runs\/run-/,
    );
    // One page of workspaces (runs included) and one request for the project the stack names.
    assert.equal(result.requests, 2);
    assert.ok(double!.requests.every((r) => r.authorized));
    assert.equal(result.out.includes(TOKEN), false);
  });

  it("stopped by an errored plan, and a workspace behind its upstream", async () => {
    const result = await run(
      "dev",
      organization("dev", {
        "network-a-dev": { status: "applied", at: T(0), appliedAt: T(5) },
        "platform-b-dev": { status: "errored", at: T(6) },
        "app-c-dev": { status: "applied", at: T(1), appliedAt: T(2) },
      }),
      "--json",
    );
    const doc = JSON.parse(result.out);
    assert.deepEqual(doc.stopped, [
      { name: "platform-b-dev", reason: "errored: the run failed; fix the code or its inputs and start a new run" },
    ]);
    assert.deepEqual(doc.workspaces[2].behind, ["network-a-dev"]);
    assert.deepEqual(doc.workspaces[1].behind, [], "its run was queued after the upstream applied");
    const text = (
      await status(["dev"], undefined, undefined, {
        env: { TFE_TOKEN: TOKEN, TFE_ADDRESS: double!.address },
        print: () => {},
      })
    ).out;
    assert.match(text, /Where the cascade stopped:\n {2}- platform-b-dev: errored/);
    assert.match(text, /behind network-a-dev: it applied after this workspace's last run was queued/);
  });

  it("waiting for approval in prod names the teams that can approve", async () => {
    const result = await run(
      "prod",
      organization("prod", {
        "network-a-prod": { status: "planned", at: T(0), confirmable: true },
        "platform-b-prod": { status: "applied", at: T(0), appliedAt: T(0) },
        "app-c-prod": undefined,
      }),
      "--json",
    );
    const doc = JSON.parse(result.out);
    assert.deepEqual(doc.stopped, [
      {
        name: "network-a-prod",
        reason: "waiting for approval (release or the organization's owners): downstream runs queue once it applies",
      },
    ]);
    assert.equal(doc.workspaces[2].status, null, "a workspace with no run");
  });

  it("a stack not deployed yet: its missing workspaces are said, not a crash", async () => {
    const partial = await run("dev", organization("dev", { "network-a-dev": undefined }));
    assert.equal(partial.code, 0, partial.out);
    assert.match(partial.out, /Not created yet \(run pulumi up\): platform-b-dev, app-c-dev/);
    await double!.close();
    const none = await run("dev", { ...organization("dev", {}), projects: [] });
    assert.match(none.out, /Not created yet \(run pulumi up\): network-a-dev, platform-b-dev, app-c-dev/);
  });

  it("the budget: workspace pages of 100 plus one, for 10, 100 and 1,000 workspaces in the project", async () => {
    for (const [extra, requests] of [
      [7, 2],
      [97, 2],
      [997, 11],
    ] as const) {
      const result = await run(
        "dev",
        organization("dev", { "network-a-dev": undefined, "platform-b-dev": undefined, "app-c-dev": undefined }, extra),
      );
      assert.equal(result.requests, requests, `${extra + 3} workspaces`);
      await double!.close();
      double = undefined;
    }
  });

  it("a token without permission says which; the API unreachable says so; no token", async () => {
    double = await startTfcDouble(organization("dev", {}), { token: TOKEN, forbidden: [/workspaces$/] });
    const forbidden = await status(["dev"], undefined, undefined, {
      env: { TFE_TOKEN: TOKEN, TFE_ADDRESS: double.address },
      print: () => {},
    });
    assert.deepEqual(forbidden.code, 1);
    assert.match(
      forbidden.out,
      /^error: the TFC API refused GET \/organizations\/acme\/workspaces \(403\): the token needs read access to the workspaces/,
    );
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const away = await status(["dev"], undefined, undefined, {
      env: { TFE_TOKEN: TOKEN, TFE_ADDRESS: `http://127.0.0.1:${port}` },
      print: () => {},
    });
    assert.match(away.out, /^error: the TFC API at http:\/\/127\.0\.0\.1:\d+ cannot be reached \(ECONNREFUSED\)/);
    const noToken = await status(["dev"], undefined, undefined, { env: {}, print: () => {} });
    assert.match(noToken.out, /^error: TFE_TOKEN is not set/);
  });

  it("--watch shows the view again every interval", async () => {
    double = await startTfcDouble(organization("dev", { "network-a-dev": { status: "planning", at: T(0) } }), {
      token: TOKEN,
      rateLimit: 1000,
    });
    const views: string[] = [];
    const result = await status(["dev", "--watch", "1", "--markdown"], undefined, undefined, {
      env: { TFE_TOKEN: TOKEN, TFE_ADDRESS: double.address },
      print: (t) => views.push(t),
      rounds: 2,
    });
    assert.equal(views.length, 1);
    assert.match(result.out, /^### tfc-layers `dev`: nothing stopped/);
    assert.match(result.out, /\| network \| network-a-dev \| \[planning\]\(https:/);
  });

  it("every run status the API reports, as TFC names it, and which of them stop a cascade", async () => {
    const expected: Record<string, boolean> = {
      pending: false,
      planning: false,
      planned: true,
      cost_estimated: true,
      policy_checked: true,
      policy_soft_failed: true,
      errored: true,
      applying: false,
      applied: false,
      planned_and_finished: false,
      discarded: true,
      canceled: true,
    };
    for (const [runStatus, stops] of Object.entries(expected)) {
      const result = await run(
        "dev",
        organization("dev", { "network-a-dev": { status: runStatus, at: T(0), confirmable: true } }),
        "--json",
      );
      const doc = JSON.parse(result.out);
      assert.equal(doc.workspaces[0].status, runStatus);
      assert.equal(doc.stopped.length > 0, stops, `${runStatus} ${stops ? "stops" : "does not stop"} a cascade`);
      await double!.close();
      double = undefined;
    }
  });
});

// npm run status against the TFC API double only: where each cascade is and where it stopped,
// within the request budget (the workspace pages, plus one request for a project given by name).
import * as assert from "node:assert/strict";
import * as net from "node:net";
import { main as status } from "../scripts/status";
import type { JsonApiResource } from "../tfcApi/client";
import { type RecordedOrganization, startTfcDouble, type TfcDouble } from "../tfcApi/double";
import { run as recordedRun, ref, workspace, wsId } from "../tfcApi/recorded";

const TOKEN = "status-token-never-printed-0015";

interface Run {
  readonly status: string;
  readonly at: string;
  /** status-timestamps as the API keys them. */
  readonly timestamps?: Record<string, string>;
  readonly confirmable?: boolean;
  readonly source?: string;
  /** Runs queued behind this one (pending), as TFC keeps them. */
  readonly queued?: readonly { readonly at: string; readonly source?: string }[];
}

/** The committed stack's three workspaces in its project, each with the current run given (or none). */
function organization(
  stack: string,
  runs: Record<string, Run | undefined>,
  extra = 0,
  locked: readonly string[] = [],
): RecordedOrganization {
  const project = `prj-${stack.toUpperCase()}000000000001`.slice(0, 20);
  const recordedRuns: JsonApiResource[] = [];
  const workspaces = [...Object.keys(runs), ...Array.from({ length: extra }, (_, i) => `other-${i}-${stack}`)].map(
    (name) => {
      const w = workspace(name, project, [], { locked: locked.includes(name) });
      const r = runs[name];
      if (!r) return w;
      const id = `run-${name.replace(/[^A-Za-z0-9]/g, "")}`.slice(0, 20);
      recordedRuns.push(
        recordedRun({
          id,
          workspace: name,
          status: r.status,
          createdAt: r.at,
          timestamps: r.timestamps,
          confirmable: r.confirmable,
          source: r.source,
        }),
        ...(r.queued ?? []).map((q, i) =>
          recordedRun({ id: `${id}q${i}`, workspace: name, status: "pending", createdAt: q.at, source: q.source }),
        ),
      );
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
        "network-a-dev": { status: "applied", at: T(0), timestamps: { "applied-at": T(2) } },
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
    // One page of workspaces (runs included), one request for the project the stack names, and one
    // for the runs queued behind each run not finished yet (applying, pending); none behind the
    // applied one. The queues are read at once, so in any order.
    assert.equal(result.requests, 4);
    assert.deepEqual(
      double!.requests
        .filter((r) => r.path.endsWith("/runs"))
        .map((r) => [r.path, r.query])
        .sort(),
      ["app-c-dev", "platform-b-dev"].map((name) => [
        `/workspaces/${wsId(name)}/runs`,
        "?filter%5Bstatus%5D=pending&page%5Bnumber%5D=1&page%5Bsize%5D=100",
      ]),
    );
    assert.ok(double!.requests.every((r) => r.authorized));
    assert.equal(result.out.includes(TOKEN), false);
  });

  it("stopped by an errored plan, and a workspace behind its upstream", async () => {
    const result = await run(
      "dev",
      organization("dev", {
        "network-a-dev": { status: "applied", at: T(0), timestamps: { "applied-at": T(5) } },
        "platform-b-dev": { status: "errored", at: T(6) },
        "app-c-dev": { status: "applied", at: T(1), timestamps: { "applied-at": T(2) } },
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
        "platform-b-prod": { status: "applied", at: T(0), timestamps: { "applied-at": T(0) } },
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
    // [confirmable as TFC's actions say, stops]
    const expected: Record<string, [boolean, boolean]> = {
      pending: [false, false],
      planning: [false, false],
      planned: [true, true],
      cost_estimated: [true, true],
      policy_checked: [true, true],
      post_plan_running: [false, false],
      post_plan_completed: [false, false],
      policy_override: [false, true],
      policy_soft_failed: [false, true],
      errored: [false, true],
      applying: [false, false],
      applied: [false, false],
      planned_and_finished: [false, false],
      discarded: [false, true],
      canceled: [false, true],
    };
    for (const [runStatus, [confirmable, stops]] of Object.entries(expected)) {
      const result = await run(
        "dev",
        organization("dev", { "network-a-dev": { status: runStatus, at: T(0), confirmable } }),
        "--json",
      );
      const doc = JSON.parse(result.out);
      assert.equal(doc.workspaces[0].status, runStatus);
      assert.equal(doc.stopped.length > 0, stops, `${runStatus} ${stops ? "stops" : "does not stop"} a cascade`);
      await double!.close();
      double = undefined;
    }
  });

  it("a run waits for a person when TFC says it is confirmable, whatever its status is called", async () => {
    for (const runStatus of [
      "post_plan_completed",
      "post_plan_awaiting_decision",
      "planned_and_saved",
      "a_status_tfc_adds_later",
    ]) {
      const result = await run(
        "prod",
        organization("prod", { "network-a-prod": { status: runStatus, at: T(0), confirmable: true } }),
        "--json",
      );
      const doc = JSON.parse(result.out);
      assert.deepEqual(
        doc.stopped,
        [
          {
            name: "network-a-prod",
            reason:
              "waiting for approval (release or the organization's owners): downstream runs queue once it applies",
          },
        ],
        runStatus,
      );
      await double!.close();
      double = undefined;
    }
  });

  it("since is when the run reached its current status, from its status-timestamps", async () => {
    const result = await run(
      "dev",
      organization("dev", {
        "network-a-dev": {
          status: "planned",
          at: T(0),
          confirmable: true,
          timestamps: { "plan-queueable-at": T(0), "planning-at": T(1), "planned-at": T(4) },
        },
        // TFC keeps no timestamp of post_plan_awaiting_decision: the last one it keeps.
        "platform-b-dev": {
          status: "post_plan_awaiting_decision",
          at: T(2),
          timestamps: { "planning-at": T(3), "planned-at": T(6), "post-plan-running-at": T(7) },
        },
        "app-c-dev": { status: "pending", at: T(9) },
      }),
      "--json",
    );
    const doc = JSON.parse(result.out);
    assert.deepEqual(
      doc.workspaces.map((w: { since: string }) => w.since),
      [T(4), T(7), T(9)],
    );
  });

  it("runs queued behind the current one show, with what queued them, and only where they can be", async () => {
    const result = await run(
      "dev",
      organization(
        "dev",
        {
          "network-a-dev": { status: "applied", at: T(0), timestamps: { "applied-at": T(7) } },
          // A fan-in's second upstream applied while the first one's run waits: TFC queues the second run.
          "platform-b-dev": {
            status: "planned",
            at: T(3),
            confirmable: true,
            timestamps: { "planned-at": T(5) },
            queued: [{ at: T(8), source: "tfe-run-trigger" }],
          },
          // Locked: its runs wait even behind a finished run.
          "app-c-dev": { status: "applied", at: T(1), timestamps: { "applied-at": T(2) }, queued: [{ at: T(9) }] },
        },
        0,
        ["app-c-dev"],
      ),
      "--json",
    );
    const doc = JSON.parse(result.out);
    const link = (ws: string, run: string) => `https://app.terraform.io/app/acme/workspaces/${ws}/runs/${run}`;
    assert.deepEqual(doc.workspaces[1].queued, [
      { status: "pending", since: T(8), queuedBy: "a run trigger", link: link("platform-b-dev", "run-platformbdevq0") },
    ]);
    assert.deepEqual(doc.workspaces[2].queued, [
      {
        status: "pending",
        since: T(9),
        queuedBy: "a new configuration (VCS or CLI upload)",
        link: link("app-c-dev", "run-appcdevq0"),
      },
    ]);
    assert.deepEqual(doc.workspaces[0].queued, []);
    // Its queued run came after the upstream applied: not behind it.
    assert.deepEqual(doc.workspaces[1].behind, []);
    // The project, the workspace page, and the queues of the waiting and the locked workspace only.
    assert.equal(result.requests, 4);
    const text = (
      await status(["dev"], undefined, undefined, {
        env: { TFE_TOKEN: TOKEN, TFE_ADDRESS: double!.address },
        print: () => {},
      })
    ).out;
    assert.match(text, /queued behind it: pending since 2026-12-01T10:08:00Z, queued by a run trigger, https:/);
  });
});

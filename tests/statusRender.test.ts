// The status views rendered from known runs: grouped by layer and cell, and the README's sample
// kept true.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { loadStackFile, PROJECT_DIR, topologyOf } from "../offline/stackFile";
import { renderStatusMarkdown, renderStatusText } from "../status/render";
import { cascadeStatus, type LiveWorkspace, type Run } from "../topology/status/cascadeStatus";
import { readDoc } from "./docs";

const run = (id: string, status: string, createdAt: string, extra: Partial<Run> = {}): Run => ({
  id: `run-${id}`,
  status,
  createdAt,
  statusTimestamps: {},
  confirmable: false,
  source: "tfe-configuration-version",
  ...extra,
});
const current = (id: string, r: Run, queued: Run[] = []): LiveWorkspace => ({ id: `ws-${id}`, currentRun: r, queued });

/** The sample of the README: dev after a network change, stopped at the platform. */
function sampleStatus(): string {
  const topology = topologyOf(loadStackFile(PROJECT_DIR, "dev"));
  const live = new Map<string, LiveWorkspace>([
    [
      "network-a-dev",
      current(
        "a",
        run("a", "applied", "2026-12-01T10:00:00Z", { statusTimestamps: { "applied-at": "2026-12-01T10:04:00Z" } }),
      ),
    ],
    [
      "platform-b-dev",
      current(
        "b",
        run("b", "errored", "2026-12-01T10:05:00Z", {
          source: "tfe-api",
          statusTimestamps: { "planning-at": "2026-12-01T10:05:10Z", "errored-at": "2026-12-01T10:06:00Z" },
        }),
      ),
    ],
    [
      "app-c-dev",
      current(
        "c",
        run("c", "applied", "2026-12-01T09:00:00Z", { statusTimestamps: { "applied-at": "2026-12-01T09:03:00Z" } }),
      ),
    ],
  ]);
  return renderStatusText(cascadeStatus("dev", topology, live, topology.hostname), "https://app.terraform.io");
}

describe("the status views", () => {
  it("group a stack of cells by layer and cell", () => {
    const topology = topologyOf(loadStackFile(path.join(PROJECT_DIR, "examples"), "regional"));
    const text = renderStatusText(cascadeStatus("regional", topology, new Map(), topology.hostname), "x");
    const titles = text.split("\n").filter((l) => /^\S/.test(l) && l.includes("(cell "));
    assert.ok(titles.length >= 2, text);
    assert.match(text, /Not created yet \(run pulumi up\): /);
  });

  it("show the runs queued behind a workspace's current run, with what queued each", () => {
    const topology = topologyOf(loadStackFile(PROJECT_DIR, "dev"));
    const waiting = run("b", "planned", "2026-12-01T10:05:00Z", { confirmable: true });
    const behind = run("b2", "pending", "2026-12-01T10:09:00Z", { source: "tfe-run-trigger" });
    const live = new Map([["platform-b-dev", current("b", waiting, [behind])]]);
    const doc = cascadeStatus("dev", topology, live, topology.hostname);
    const link = "https://app.terraform.io/app/acme/workspaces/platform-b-dev/runs/run-b2";
    assert.match(
      renderStatusText(doc, "x"),
      new RegExp(`\\n {18}queued behind it: pending since 2026-12-01T10:09:00Z, queued by a run trigger, ${link}\\n`),
    );
    assert.match(
      renderStatusMarkdown(doc),
      new RegExp(`\\| \\[pending\\]\\(${link}\\) since 2026-12-01T10:09:00Z, by a run trigger \\|`),
    );
  });

  it("the operating page's sample is what the command prints for those runs", () => {
    const readme = readDoc("operating");
    assert.ok(
      readme.includes(`\`\`\`text\n${sampleStatus()}\`\`\``),
      `paste into docs/operating.md:\n${sampleStatus()}`,
    );
  });
});

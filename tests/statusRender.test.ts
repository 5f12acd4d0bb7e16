// The status views rendered from known runs: grouped by layer and cell, and the README's sample
// kept true.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { loadStackFile, PROJECT_DIR, topologyOf } from "../offline/stackFile";
import { renderStatusText } from "../status/render";
import { cascadeStatus, type LiveWorkspace } from "../topology/status/cascadeStatus";
import { readDoc } from "./docs";

const run = (
  id: string,
  status: string,
  createdAt: string,
  extra: Partial<NonNullable<LiveWorkspace["currentRun"]>> = {},
) => ({
  id: `ws-${id}`,
  currentRun: { id: `run-${id}`, status, createdAt, confirmable: false, source: "tfe-configuration-version", ...extra },
});

/** The sample of the README: dev after a network change, stopped at the platform. */
function sampleStatus(): string {
  const topology = topologyOf(loadStackFile(PROJECT_DIR, "dev"));
  const live = new Map<string, LiveWorkspace>([
    ["network-a-dev", run("a", "applied", "2026-12-01T10:00:00Z", { appliedAt: "2026-12-01T10:04:00Z" })],
    ["platform-b-dev", run("b", "errored", "2026-12-01T10:05:00Z", { source: "tfe-api" })],
    ["app-c-dev", run("c", "applied", "2026-12-01T09:00:00Z", { appliedAt: "2026-12-01T09:03:00Z" })],
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

  it("the operating page's sample is what the command prints for those runs", () => {
    const readme = readDoc("operating");
    assert.ok(
      readme.includes(`\`\`\`text\n${sampleStatus()}\`\`\``),
      `paste into docs/operating.md:\n${sampleStatus()}`,
    );
  });
});

// The performance page shows what the committed benchmark run measured: its targets table is
// bench/results.json's, line for line, and its first table has the run's numbers.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_DIR } from "../offline/stackFile";
import { readDoc } from "./docs";

interface Results {
  readonly targets: { target: string; value: string; met: boolean }[];
  readonly results: { workspaces: number; programMs: number; baselineMs: number; ratio: number }[];
}

const results = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "bench", "results.json"), "utf8")) as Results;
/** The cells of a markdown table row, trimmed. */
const cells = (row: string) =>
  row
    .split("|")
    .slice(1, -1)
    .map((c) => c.trim());

describe("the performance page", () => {
  const page = readDoc("performance");
  const rows = page.split("\n").filter((l) => l.startsWith("|"));

  it("lists every target of the committed run with its measured value and whether it was met", () => {
    const lines = page.split("\n");
    const header = lines.findIndex((l) => l.startsWith("| target") && cells(l).join() === "target,measured,met");
    assert.ok(header >= 0, "a table of targets");
    const end = lines.findIndex((l, i) => i > header && !l.startsWith("|"));
    const targetRows = lines.slice(header + 2, end).map(cells);
    assert.deepEqual(
      targetRows,
      results.targets.map((t) => [t.target, t.value, t.met ? "yes" : "no"]),
    );
  });

  it("shows the committed run's program and baseline times and ratios per size", () => {
    for (const r of results.results) {
      const row = rows.map(cells).find((c) => c[0] === String(r.workspaces) && c.length > 10);
      assert.ok(row, `a row for ${r.workspaces} workspaces`);
      assert.deepEqual(row.slice(4, 7), [r.programMs.toFixed(0), r.baselineMs.toFixed(0), r.ratio.toFixed(2)]);
    }
  });
});

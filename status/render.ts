// The cascade status as text (a terminal), markdown (a chat or a pull request) and JSON (a CI rule).
import type { StatusDocument, WorkspaceStatus } from "../topology/status/cascadeStatus";

/** Workspaces by layer, and by cell within a layer of cells, in the stack's order. */
function groups(doc: StatusDocument): [string, WorkspaceStatus[]][] {
  const out = new Map<string, WorkspaceStatus[]>();
  for (const w of doc.workspaces) {
    const title = w.cell ? `${w.layer} (cell ${w.cell})` : w.layer;
    out.set(title, [...(out.get(title) ?? []), w]);
  }
  return [...out];
}

const shown = (w: WorkspaceStatus) =>
  w.status === null ? "no run yet" : w.status === "missing" ? "not created yet" : w.status;

export function renderStatusText(doc: StatusDocument, from: string): string {
  const lines = [`Cascade status of stack ${doc.stack} (organization ${doc.organization}), read from ${from}.`, ""];
  const width = Math.max(...doc.workspaces.map((w) => w.name.length));
  for (const [title, members] of groups(doc)) {
    lines.push(title);
    for (const w of members) {
      lines.push(
        `  ${w.name.padEnd(width)}  ${shown(w).padEnd(20)}${w.since ? `  since ${w.since}` : ""}${w.queuedBy ? `, queued by ${w.queuedBy}` : ""}`,
      );
      if (w.stopped) lines.push(`  ${" ".repeat(width)}  stopped: ${w.stopped}`);
      for (const q of w.queued)
        lines.push(
          `  ${" ".repeat(width)}  queued behind it: ${q.status} since ${q.since}${q.queuedBy ? `, queued by ${q.queuedBy}` : ""}, ${q.link}`,
        );
      for (const b of w.behind)
        lines.push(
          `  ${" ".repeat(width)}  behind ${b}: it applied after this workspace's last run was queued; it may run on old outputs`,
        );
      if (w.link) lines.push(`  ${" ".repeat(width)}  ${w.link}`);
    }
  }
  lines.push("");
  if (doc.stopped.length) {
    lines.push("Where the cascade stopped:", ...doc.stopped.map((s) => `  - ${s.name}: ${s.reason}`));
  } else lines.push("Nothing stopped: every current run applied, ended without changes, or is on its way.");
  if (doc.missing.length) lines.push(`Not created yet (run pulumi up): ${doc.missing.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

export function renderStatusMarkdown(doc: StatusDocument): string {
  const lines = [
    `### tfc-layers \`${doc.stack}\`: ${doc.stopped.length ? `stopped at ${doc.stopped.map((s) => s.name).join(", ")}` : "nothing stopped"}`,
    "",
  ];
  lines.push(
    "| layer | workspace | run | since | queued by | queued behind it | behind | stopped |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  );
  for (const [title, members] of groups(doc)) {
    for (const w of members) {
      const run = w.link ? `[${shown(w)}](${w.link})` : shown(w);
      const queued = w.queued
        .map((q) => `[${q.status}](${q.link}) since ${q.since}${q.queuedBy ? `, by ${q.queuedBy}` : ""}`)
        .join("<br>");
      lines.push(
        `| ${title} | ${w.name} | ${run} | ${w.since ?? ""} | ${w.queuedBy ?? ""} | ${queued} | ${w.behind.join(", ")} | ${w.stopped ?? ""} |`,
      );
    }
  }
  if (doc.missing.length) lines.push("", `Not created yet (run \`pulumi up\`): ${doc.missing.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

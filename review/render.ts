// Renders a review: text for the terminal, markdown for a pull-request comment (summary first,
// destructive changes up front, details folded, the graph with added and removed edges).

import type { ReviewDocument } from "./document";
import type { Hazard } from "./hazards";
import type { InputChange, ResourceChange } from "./resourceDiff";
import { securityLines } from "./security";

const json = (value: unknown) => (value === undefined ? "(unset)" : JSON.stringify(value));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function summaryLine(review: ReviewDocument): string {
  if (review.empty) return "no changes";
  const { add, change, replace, delete: remove, destructive, hazards } = review.summary;
  const counts = `${add} to add, ${change} to change, ${replace} to replace, ${remove} to delete`;
  const alarms = [
    destructive > 0 ? plural(destructive, "destructive change") : "",
    hazards > 0 ? plural(hazards, "hazard") : "",
  ].filter(Boolean);
  return alarms.length ? `${counts}; ${alarms.join(", ")}` : counts;
}

/** A hazard in one line: what it is, what changes, and what to do before pulumi up. */
function hazardLine(h: Hazard, mark: (s: string) => string = (s) => s): string {
  return `${mark(`[${h.kind}]`)} ${h.subject}: ${h.change}. ${mark("To do:")} ${h.first}.`;
}

function destructiveLine(c: ReviewDocument["destructive"][number]): string {
  const why = c.kind === "replace" ? ` (${c.because.join(", ")})` : "";
  const loses = c.loses
    ? `loses ${c.loses}`
    : `loses nothing lasting${c.kind === "replace" ? ": it is recreated" : ""}`;
  const protect = c.protect ? "; protected: pulumi up stops here until `pulumi state unprotect`" : "";
  return `${c.kind} ${c.type} ${c.name}${why}: ${loses}${protect}`;
}

const SYMBOL: Record<ResourceChange["kind"], string> = { add: "+", update: "~", replace: "-/+", delete: "-" };

function changeLines(c: ResourceChange, indent: string): string[] {
  const renamed = "renamedFrom" in c && c.renamedFrom ? ` (was ${c.renamedFrom}, kept through its alias)` : "";
  const lines = [`${indent}${SYMBOL[c.kind]} ${c.type}  ${c.name}${renamed}`];
  if (c.kind === "add") {
    for (const [input, value] of Object.entries(c.inputs)) lines.push(`${indent}      ${input}: ${json(value)}`);
  }
  const changes: readonly InputChange[] = "changes" in c ? c.changes : [];
  for (const i of changes) {
    const secret = i.before === "[secret]" || i.after === "[secret]";
    lines.push(`${indent}      ${i.input}: ${secret ? "[secret] changed" : `${json(i.before)} -> ${json(i.after)}`}`);
  }
  return lines;
}

const edgeLines = (sign: string, edges: readonly { upstream: string; downstream: string }[]) =>
  edges.map((e) => `${sign} ${e.upstream} -> ${e.downstream}`);

function cascadeLines(review: ReviewDocument): string[] {
  return review.cascade.map((c) => {
    const extra = [
      c.newDuplicates.length ? `new fan-in duplicates: ${c.newDuplicates.join(", ")}` : "",
      c.newStaleReads.length ? `may now read old outputs: ${c.newStaleReads.join("; ")}` : "",
    ].filter(Boolean);
    return `${c.source}: ${c.runsBefore} -> ${c.runsAfter} runs per apply, ${c.wavesBefore} -> ${c.wavesAfter} waves${extra.length ? `; ${extra.join("; ")}` : ""}`;
  });
}

function contractLines(review: ReviewDocument): string[] {
  return review.contract.map(
    (c) =>
      `${c.workspace} output ${c.output} ${c.change === "removed" ? `removed (was ${c.typeBefore})` : `retyped ${c.typeBefore} -> ${c.typeAfter}`}, read by ${c.readBy.join(", ")}: re-run npm run scaffold and update their code, or their runs stop at the read`,
  );
}

const secretLines = (review: ReviewDocument) =>
  review.secrets.map(
    (c) =>
      `${c.key}: ${c.change === "set again" ? "set again (its value changed, or was encrypted anew; values are never shown)" : c.change}`,
  );

const lostReadLines = (review: ReviewDocument) =>
  review.lostReads.map(
    (e) => `${e.downstream} can no longer read ${e.upstream}'s state: if its code still reads it, its next run fails`,
  );

/** The files besides stack files that changed, and whether each side was planned with its own program. */
const programLines = (review: ReviewDocument) => [
  ...review.notes.flatMap((n) => [n, ""]),
  ...(review.programFiles.length
    ? [
        `Files besides stack files changed since ${review.before} (${review.ownPrograms ? "each side planned with its own program" : "documentation only: both sides planned with this program"}): ${review.programFiles.join(", ")}`,
        "",
      ]
    : []),
];

export function renderReviewText(review: ReviewDocument): string {
  const out = [
    `Review of stack ${review.stack}: ${review.before} -> ${review.after} (offline: no credentials, no network).`,
    `${summaryLine(review)}.`,
    "",
    ...programLines(review),
  ];
  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push(`## ${title}`, "", ...lines, "");
  };
  section(
    "Do this in two steps",
    review.steps.map((s) => `- ${s}`),
  );
  section(
    "Hazards: do this before pulumi up",
    review.hazards.map((h) => `- ${hazardLine(h)}`),
  );
  section(
    "Security",
    securityLines(review.security).map((l) => `- ${l}`),
  );
  section(
    "Destructive changes",
    review.destructive.map((c) => `- ${destructiveLine(c)}`),
  );
  section(
    "Resources",
    review.resources.flatMap((c) => changeLines(c, "")),
  );
  section("Secrets", secretLines(review));
  section("Run triggers", [...edgeLines("+", review.triggersAdded), ...edgeLines("-", review.triggersRemoved)]);
  section("Remote-state access", [
    ...edgeLines("+", review.grantsAdded),
    ...edgeLines("-", review.grantsRemoved),
    ...lostReadLines(review).map((l) => `  ${l}`),
  ]);
  section("Cascade", cascadeLines(review));
  section("Contract", contractLines(review));
  return `${out.join("\n").trimEnd()}\n`;
}

/** A table with its columns padded, as markdown formatters write it (so a copy stays as printed). */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, 3, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

const markdownEdges = (what: string, edges: readonly { upstream: string; downstream: string }[]) =>
  edges.map((e) => `- ${what} \`${e.upstream} -> ${e.downstream}\``);

function details(summary: string, body: string[]): string[] {
  return body.length ? ["<details>", `<summary>${summary}</summary>`, "", ...body, "", "</details>", ""] : [];
}

export function renderReviewMarkdown(review: ReviewDocument): string {
  const warning = review.summary.destructive + review.summary.hazards > 0 ? " :warning:" : "";
  const out = [
    `### tfc-layers \`${review.stack}\`: ${summaryLine(review)}${warning}`,
    "",
    `Compared with \`${review.before}\`, offline (no credentials, no network).`,
    "",
    ...programLines(review),
  ];
  if (review.steps.length) out.push("#### Do this in two steps", "", ...review.steps.map((s) => `- ${s}`), "");
  if (review.hazards.length) {
    out.push(
      "#### Hazards: do this before pulumi up",
      "",
      ...review.hazards.map((h) => `- ${hazardLine(h, (s) => `**${s.replace(/^\[(.*)\]$/, "$1")}**`)}`),
      "",
    );
  }
  if (review.security.length) {
    out.push(
      "#### Security",
      "",
      ...securityLines(review.security).map((l) => `- ${l.replace(/^\[(.*?)\]/, "**$1**")}`),
      "",
    );
  }
  if (review.destructive.length) {
    const rows = review.destructive.map((c) => [
      c.kind,
      `\`${c.name}\` (${c.type})`,
      c.kind === "replace" ? c.because.join(", ") : "no longer in the stack",
      c.loses ?? (c.kind === "replace" ? "nothing lasting (recreated)" : "nothing lasting"),
      c.protect ? "yes: `pulumi up` stops until unprotected" : "no",
    ]);
    out.push(
      "#### Destructive changes",
      "",
      ...markdownTable(["change", "resource", "why", "loses", "protected"], rows),
      "",
    );
  }
  out.push(
    ...details(
      `Resources (${review.resources.length} changed)`,
      review.resources.length ? ["```diff", ...review.resources.flatMap((c) => changeLines(c, "")), "```"] : [],
    ),
    ...details(
      "Secrets",
      secretLines(review).map((l) => `- ${l}`),
    ),
    ...details("Run triggers and remote-state access", [
      ...markdownEdges("added trigger", review.triggersAdded),
      ...markdownEdges("removed trigger", review.triggersRemoved),
      ...markdownEdges("added state access", review.grantsAdded),
      ...markdownEdges("removed state access", review.grantsRemoved),
      ...lostReadLines(review).map((l) => `- **${l}**`),
    ]),
    ...details(
      "Cascade",
      cascadeLines(review).map((l) => `- ${l}`),
    ),
    ...details(
      "Contract",
      contractLines(review).map((l) => `- ${l}`),
    ),
    ...details("Graph", ["```mermaid", review.mermaid, "```"]),
  );
  return `${out.join("\n").trimEnd()}\n`;
}

// Renders a plan document as text for a pull request: resources, graph, cascade, advice.
import type { PlanCascade, PlanCommit, PlanDocument, PlanLifecycle, PlanResource } from "./document";
import type { PlanSecurity } from "./security";

function formatValue(value: unknown): string {
  return JSON.stringify(value);
}

function resourceLines(r: PlanResource, depth: number): string[] {
  const indent = "  ".repeat(depth);
  const lines = [`${indent}+ ${r.type}  ${r.name}${r.protect ? "  [protected]" : ""}`];
  for (const [key, value] of Object.entries(r.inputs)) {
    lines.push(`${indent}      ${key}: ${formatValue(value)}`);
  }
  for (const child of r.children) lines.push(...resourceLines(child, depth + 1));
  return lines;
}

const plural = (n: number | string, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function cascadeLines(c: PlanCascade): string[] {
  const lines = [`${c.source} applies successfully:`];
  if (c.runs.length === 0) {
    return [...lines, "  nothing: no workspace depends on it", ""];
  }
  let lastWave = 0;
  for (const g of c.runs) {
    const wave = g.wave === lastWave ? "" : `wave ${g.wave}`;
    lastWave = g.wave;
    const outcome = g.outcome === "auto-apply" ? "auto-applies" : "waits for approval";
    const old = g.mayReadOldOutputsOf.length ? `; may read old outputs of ${g.mayReadOldOutputsOf.join(", ")}` : "";
    lines.push(
      `  ${wave.padEnd(8)}${g.workspaces.join(", ")}: ${plural(g.runsEach, "run")}${g.workspaces.length > 1 ? " each" : ""}, ${outcome}, queued by ${g.queuedBy.join(", ")}${old}`,
    );
  }
  const repeated = Object.entries(c.runsByWorkspace)
    .filter(([, n]) => n !== 1)
    .map(([ws, n]) => `${ws} runs ${n} times`);
  lines.push(
    `  total: ${plural(c.totalRuns, "run")} for ${plural(c.idealRuns, "reachable workspace")} (ideal ${c.idealRuns}, ${c.extraRuns} extra from fan-in)${repeated.length ? `: ${repeated.join(", ")}` : ""}`,
  );
  for (const [output, readers] of Object.entries(c.outputsReadBy ?? {})) {
    lines.push(`  reads ${output}: ${readers.join(", ")} (a change to it reaches them with these runs)`);
  }
  // Where the cascade first stops: nothing past a waiting run happens until someone approves it.
  const stop = c.runs.find((g) => g.outcome === "wait-for-approval");
  if (stop) {
    const waiting = c.runs.filter((g) => g.wave === stop.wave && g.outcome === "wait-for-approval");
    lines.push(
      `  stops at wave ${stop.wave} (${waiting.flatMap((g) => g.workspaces).join(", ")}): nothing past it goes further until someone approves${c.runs.some((g) => g.wave > stop.wave && g.outcome === "wait-for-approval") ? ", and later waiting runs wait again" : ""}`,
    );
  }
  lines.push("");
  return lines;
}

function commitLines(c: PlanCommit): string[] {
  const where = `${c.touched.map((d) => (d === "" ? "the repository root" : `${d}/`)).join(", ")}${c.repository ? ` of ${c.repository}` : ""}`;
  const triggered = Object.entries(c.triggerRuns).map(([ws, n]) => `${ws} (${plural(n, "run")})`);
  const lines = [
    c.tag !== undefined
      ? `A tag that matches ${c.tag}${c.repository ? ` in ${c.repository}` : ""} (these workspaces release by tag; commits queue no runs there):`
      : `A commit that changes files in ${where}:`,
    `  VCS queues:          ${c.vcsRuns.length ? c.vcsRuns.join(", ") : "nothing"}`,
    `  run triggers queue:  ${triggered.length ? `${triggered.join(", ")}, as those applies succeed` : "nothing"}`,
  ];
  const what = c.tag !== undefined ? "tag" : "commit";
  for (const d of c.duplicates) {
    lines.push(
      `  duplicate: ${d.workspace} runs ${d.vcsRuns} + ${d.triggerRuns} times for this one ${what} (its own VCS run, then ${plural(d.triggerRuns, "run")} queued by upstream applies)`,
    );
  }
  if (c.duplicates.length && c.tag !== undefined) {
    lines.push(
      "  TFC does not merge them. To avoid them: give downstream layers their own vcs without tagsRegex, so that",
      "  only the run triggers move them, or release the layers from separate repositories",
    );
  } else if (c.duplicates.length) {
    lines.push(
      "  TFC does not merge them. To avoid them: change upstream and downstream code in separate commits, upstream",
      "  first; for shared modules, publish versioned modules and bump the version layer by layer",
    );
  }
  lines.push("");
  return lines;
}

function lifecycleLines(l: PlanLifecycle): string[] {
  const lines = [
    "## Lifecycle",
    "",
    `Estimated with runs of ${l.runMinutes} minutes, ${l.concurrency} at a time (--run-minutes, --concurrency):`,
    `each pass takes about ${l.minutes} minutes over ${plural(l.longestChain, "wave")} (the longest chain: ${plural(l.longestChain, "run")} one after another)${l.manualConfirm ? ", plus the time to approve each run" : ""}.`,
    "",
  ];
  const waves = (title: string, list: PlanLifecycle["bootstrap"]) => {
    lines.push(title);
    for (const w of list) lines.push(`  wave ${w.wave}  ${w.workspaces.join(", ")}`);
    lines.push("");
  };
  if (l.bootstrap.length)
    waves("Bootstrap (pulumi up on a new environment: first applies, upstreams first):", l.bootstrap);
  if (l.teardown.length) {
    waves("Teardown (pulumi destroy: destroy runs, dependents first, then the workspaces):", l.teardown);
    lines.push(
      "Removing a workspace that reads state takes two steps: list it in tfc-layers:lifecycle.retiring and",
      "pulumi up (its destroy run goes while its access stays), then remove it. Switching the lifecycle off",
      "takes two too: destroyOnDelete: false and pulumi up, then remove the key.",
      "",
    );
  }
  if (l.retiring.length)
    waves(
      "Retiring (this pulumi up: destroy runs, dependents first, access kept; remove them from layers next):",
      l.retiring,
    );
  return lines;
}

/** Which of a workspace's runs wait, when not all of them do. */
const WAITING: Record<PlanSecurity["approvals"][number]["waiting"], string> = {
  all: "",
  "trigger-queued": " (only runs queued by run triggers wait)",
  "not-trigger-queued": " (runs queued by run triggers apply by themselves; the others wait)",
};

function securityLines(s: PlanSecurity): string[] {
  const lines = ["## Who may do what", ""];
  if (s.teams.length === 0)
    lines.push("No team access: every permission is the organization's defaults (its owners can do everything).");
  for (const t of s.teams) {
    const team = `${t.team}${t.byId ? "" : " (looked up by name)"}`;
    if (t.project) lines.push(`${team}: ${t.project} on the project, so on every workspace in it`);
    else {
      lines.push(`${team}:`);
      for (const w of t.workspaces) lines.push(`  ${w.workspace}: ${w.access}`);
    }
  }
  lines.push("", "Who approves the runs that wait (besides the organization's owners):");
  if (s.approvals.length === 0) lines.push("  nothing waits: every run applies by itself");
  for (const a of s.approvals) {
    lines.push(
      `  ${a.workspace}${WAITING[a.waiting]}: ${a.approvers.length ? a.approvers.join(", ") : "only the organization's owners can approve"}`,
    );
  }
  if (s.approvals.length && s.autoApplied.length) lines.push(`  applying by themselves: ${s.autoApplied.join(", ")}`);
  lines.push("");
  if (s.credentialSets.length) {
    lines.push("Credential sets (variable sets with priority: no workspace variable overrides them, unless marked):");
    for (const c of s.credentialSets) {
      const priority = c.priority ? "" : ", no priority: a workspace's own variable of the same name wins";
      lines.push(`  ${c.variableSet} (${c.kind}${priority}) -> ${c.attachedTo.join(", ")}`);
      for (const [key, value] of Object.entries(c.variables)) lines.push(`      ${key} = ${value}`);
      for (const key of c.secretNames) lines.push(`      ${key} = [secret]`);
    }
    lines.push("");
  }
  if (s.trust.length) {
    lines.push(
      "What each cloud identity must trust (the sub claim of the runs' workload identity tokens; `npm run scaffold` writes the trust documents):",
    );
    for (const t of s.trust) {
      lines.push(`  ${t.cloud} ${t.identity} (audience ${t.audience}):`);
      for (const subject of t.subjects) lines.push(`      ${subject}`);
    }
    lines.push("");
  }
  return lines;
}

function contractLines(stack: string, { files, problem }: NonNullable<PlanDocument["contract"]>): string[] {
  const lines = [
    "## Contract",
    "",
    `The Terraform that enforces the contract, per workspace directory. \`npm run scaffold -- ${stack}\` writes`,
    "these files and a `terraform test` for each reading directory; the program sets the variable",
    "tfc_layers on each reading workspace.",
    "",
  ];
  if (problem) lines.push(`No files can be generated: ${problem}.`, "");
  for (const f of files)
    lines.push(`${f.path} (${f.workspaces.join(", ")}):`, "", "```hcl", f.content.trimEnd(), "```", "");
  return lines;
}

/** The stack's choice in the header: one phrase when both kinds of runs do the same. */
function runsText(plan: PlanDocument): string {
  const phrase = (auto: boolean) => (auto ? "auto-apply" : "wait for approval");
  return plan.autoApply === plan.autoApplyRunTrigger
    ? `runs ${phrase(plan.autoApply)}`
    : `runs ${phrase(plan.autoApply)}, runs queued by run triggers ${phrase(plan.autoApplyRunTrigger)}`;
}

export function renderText(plan: PlanDocument): string {
  const out: string[] = [];
  out.push(
    `Offline plan for stack ${plan.stack} (organization ${plan.organization}, environment ${plan.environment}, ` +
      `${runsText(plan)}).`,
    "Computed under Pulumi mocks: no credentials, no network. id(x) stands for the id TFC assigns to x.",
    ...(plan.notes ?? []),
    "",
    "## Resources",
    "",
    ...resourceLines(plan.resources, 0),
    "",
    "Outputs:",
    ...Object.entries(plan.outputs).map(([k, v]) => `  ${k}: ${formatValue(v)}`),
    "",
    "## Graph",
    "",
    "Run triggers: a successful apply of the upstream queues a run in the downstream.",
    "",
    "```mermaid",
    plan.graph.mermaid,
    "```",
    "",
    "## Cascade",
    "",
    "What a successful apply of each workspace sets off. A run whose plan has no changes ends without",
    "an apply and fires nothing further, so these counts are upper bounds.",
    "",
  );
  for (const c of plan.cascade) out.push(...cascadeLines(c));
  if (plan.commits.length) {
    out.push(
      "## Commits",
      "",
      "What a commit sets off in this VCS-connected stack: file triggers queue runs in the workspaces",
      "whose directory (or a shared one) changed, then their applies queue runs downstream.",
      ...(plan.commits.some((c) => c.tag !== undefined)
        ? ["Workspaces that release by tag run for a matching tag instead, whatever files changed."]
        : []),
      "",
    );
    for (const c of plan.commits) out.push(...commitLines(c));
  }
  if (plan.lifecycle) out.push(...lifecycleLines(plan.lifecycle));
  if (plan.contract) out.push(...contractLines(plan.stack, plan.contract));
  else {
    out.push("## Reading upstream state", "");
    if (plan.remoteState.length === 0) out.push("No workspace reads another's state.", "");
    for (const ws of plan.remoteState) {
      out.push(`${ws.workspace} may read ${ws.reads.map((r) => r.workspace).join(", ")}:`, "", "```hcl");
      out.push(ws.reads.map((r) => r.hcl).join("\n\n"), "```", "");
    }
  }
  if (plan.external) {
    out.push(
      "## External upstreams",
      "",
      "Workspaces this stack follows but does not own: their applies queue runs here (the triggers live",
      "on this stack's workspaces). Only their owner can share their state: add the entry shown to the",
      "stack file that owns each (merge it with the readers it lists already).",
      "",
    );
    for (const e of plan.external) {
      out.push(`${e.workspace} (layer ${e.layer}):`);
      out.push(`  queues runs in:                ${e.triggers.join(", ") || "nothing"}`);
      out.push(`  remote-state consumers to add: ${e.consumersToAdd.join(", ") || "none"}`);
      if (e.ownerEntry) out.push(`  in the owning stack's file:    ${e.ownerEntry}`);
      out.push("");
    }
  }
  out.push(...securityLines(plan.security));
  out.push("## Advice", "");
  out.push(...(plan.advice.length ? plan.advice.map((a) => `- ${a}`) : ["None: no dependency is implied by another."]));
  if (plan.comparison) {
    const { stack, differences } = plan.comparison;
    out.push("", `## Compared with ${stack}`, "");
    if (differences.length === 0) out.push(`No difference in organization, approvals, code source or project.`);
    const width = Math.max(...differences.map((d) => d.what.length), 0);
    for (const d of differences) out.push(`- ${d.what.padEnd(width)}  ${plan.stack}: ${d.here}  ${stack}: ${d.there}`);
  }
  return `${out.join("\n")}\n`;
}

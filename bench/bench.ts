// npm run bench: the program's cost at about 10, 100 and 1,000 workspaces, side by side with
// a bare baseline, plus the cascade simulation, the plan command, a review of a change and the
// contract's generated files on the same topologies.
// A benchmark, not a test: it reports and checks targets, it asserts nothing in npm test.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { contractFiles } from "../hcl/contractFiles";
import { cellVariableValue } from "../hcl/expressions";
import { runThroughLanguageHost } from "../offline/languageHost";
import { type MockRun, runUnderMocks } from "../offline/mockRuntime";
import type { RegisteredResource } from "../offline/registrations";
import { providerOutputs, runStack } from "../offline/runStack";
import { loadStackFile, PROJECT_DIR } from "../offline/stackFile";
import { DEFAULT_PLAN_OPTIONS } from "../plan/document";
import { main as planCommand } from "../scripts/plan";
import { CascadeSimulator } from "../topology/cascade";
import { KEYS, PROJECT, SECRET_KEYS } from "../topology/keys";
import { wallTime } from "../topology/lifecycle/lifecycle";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology, type Topology } from "../topology/topology";
import { adoptReadTable, benchAdoptRead, benchStatusRequests, type StatusRequests } from "./adoptRead";
import { baselineProgram, type FlatPlan } from "./baseline";
import { generateCellLayers, generatedConfig, generateLayers, generateRegionLayers, withContract } from "./generate";

const SIZES = [10, 100, 1000];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn`, returning its result, its wall time in ms and the peak heap growth in MB. */
async function measure<T>(fn: () => Promise<T> | T): Promise<{ result: T; ms: number; peakMb: number }> {
  gc();
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 2);
  const t0 = process.hrtime.bigint();
  const result = await fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { result, ms, peakMb: (peak - start) / 2 ** 20 };
}

/** Resources in the longest chain of "waits for" (dependencies), counting both ends. */
export function longestChain(resources: readonly RegisteredResource[]): number {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const memo = new Map<string, number>();
  const depth = (urn: string): number => {
    const known = memo.get(urn);
    if (known !== undefined) return known;
    const deps = byUrn.get(urn)?.dependencies ?? [];
    const d = 1 + deps.reduce((m, dep) => Math.max(m, byUrn.has(dep) ? depth(dep) : 0), 0);
    memo.set(urn, d);
    return d;
  };
  return resources.reduce((m, r) => Math.max(m, depth(r.urn)), 0);
}

export function flatPlan(topology: Topology, webhookUrl: string): FlatPlan {
  const node = (key: string) => topology.workspaceByKey.get(key)!;
  return {
    organization: topology.organization,
    autoApply: topology.autoApply,
    layers: topology.layers.map((layer) => ({
      workspaces: layer.workspaces.map((key) => ({
        name: node(key).name,
        consumers: node(key).consumers.map((c) => node(c).name),
      })),
      triggersIn: topology.triggers
        .filter((t) => node(t.downstream).layer === layer.name)
        .map((t) => ({ upstream: node(t.upstream).name, downstream: node(t.downstream).name })),
    })),
    credentials: [...(topology.credentialNames ?? [])],
    webhookUrl,
    variableSetName: topology.credentialsSetName,
    cellVariables: topology.workspaces.flatMap((w) =>
      w.cell ? [{ workspace: w.name, value: cellVariableValue(w.cell) }] : [],
    ),
  };
}

const registered = (run: MockRun) => run.resources.filter((r) => r.type !== "pulumi:pulumi:Stack");

interface SizeResult {
  workspaces: number;
  layers: number;
  triggers: number;
  programMs: number;
  baselineMs: number;
  ratio: number;
  /** The baseline registering in the program's turns (a layer or a kind of resource at a time). */
  baselineInTurnsMs: number;
  ratioInTurns: number;
  programPeakHeapMb: number;
  baselinePeakHeapMb: number;
  baselineInTurnsPeakHeapMb: number;
  programResources: number;
  baselineResources: number;
  programLongestChain: number;
  baselineLongestChain: number;
  cascadeAllWorkspacesMs: number;
  planCommandMs: number;
}

type Measured = Awaited<ReturnType<typeof measure<MockRun>>>;

/** Runs per measurement: more for the short runs below 1,000 workspaces, where noise decides more. */
const runsFor = (workspaces: number) => (workspaces < 1000 ? 3 * RUNS : RUNS);

/**
 * The program and its baselines on one stack, as the plan command runs the program (without the
 * runtime's stack traces): each warmed up once, then alternated so drift hits all alike.
 */
async function programAgainstBaseline(
  stackFile: { stack: string; config: Record<string, string>; secretKeys: string[] },
  topology: Topology,
): Promise<{ program: Measured[]; bare: Measured[]; bareInTurns: Measured[] }> {
  const { stack, config, secretKeys } = stackFile;
  const plan = flatPlan(topology, config[KEYS.approvalWebhookUrl]);
  const runProgram = () => runStack(stackFile, { stackTraces: false });
  const runBare = (inTurns: boolean) => () =>
    runUnderMocks(baselineProgram(plan, { inTurns }), {
      project: PROJECT,
      stack,
      config,
      secretKeys,
      stackTraces: false,
    });
  const kinds = { program: runProgram, bare: runBare(false), bareInTurns: runBare(true) };
  const measured: Record<keyof typeof kinds, Measured[]> = { program: [], bare: [], bareInTurns: [] };
  const order = Object.keys(kinds) as (keyof typeof kinds)[];
  for (const kind of order) await kinds[kind]();
  for (let i = 0; i < runsFor(topology.workspaces.length); i++) {
    // Each goes first, second and third in turn.
    for (let k = 0; k < order.length; k++) {
      const kind = order[(i + k) % order.length];
      measured[kind].push(await measure(kinds[kind]));
    }
  }
  return measured;
}

async function benchSize(size: number, stackDir: string): Promise<SizeResult> {
  const layers = generateLayers(size);
  const { config, secretKeys } = generatedConfig(layers);
  const topology = buildTopology(readStackConfig(config, (k) => secretKeys.includes(k)));
  const stack = `bench-${size}`;
  const { program, bare, bareInTurns } = await programAgainstBaseline({ stack, config, secretKeys }, topology);
  const programRun = program[0].result;
  const baselineRun = bare[0].result;
  if (programRun.error) throw programRun.error;

  const cascade: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const m = await measure(() => {
      const simulator = new CascadeSimulator(topology);
      for (const ws of topology.workspaces) simulator.simulate(ws.key);
    });
    cascade.push(m.ms);
  }

  // The plan command reads a stack file: write one with the secrets encrypted, as a user's is.
  const fileConfig: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    fileConfig[key] = SECRET_KEYS.includes(key)
      ? key === KEYS.sharedCredentials
        ? Object.fromEntries(Object.keys(JSON.parse(value)).map((k) => [k, { secure: "v1:bench" }]))
        : { secure: "v1:bench" }
      : key === KEYS.layers
        ? JSON.parse(value)
        : value;
  }
  fs.writeFileSync(path.join(stackDir, `Pulumi.${stack}.yaml`), stringify({ config: fileConfig }));
  const plan: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const m = await measure(() => planCommand([stack], stackDir));
    if (m.result.code !== 0) throw new Error(m.result.out);
    plan.push(m.ms);
  }

  const programMs = median(program.map((m) => m.ms));
  const baselineMs = median(bare.map((m) => m.ms));
  const baselineInTurnsMs = median(bareInTurns.map((m) => m.ms));
  return {
    workspaces: topology.workspaces.length,
    layers: topology.layers.length,
    triggers: topology.triggers.length,
    programMs,
    baselineMs,
    ratio: programMs / baselineMs,
    baselineInTurnsMs,
    ratioInTurns: programMs / baselineInTurnsMs,
    programPeakHeapMb: Math.max(...program.map((m) => m.peakMb)),
    baselinePeakHeapMb: Math.max(...bare.map((m) => m.peakMb)),
    baselineInTurnsPeakHeapMb: Math.max(...bareInTurns.map((m) => m.peakMb)),
    programResources: registered(programRun).length,
    baselineResources: registered(baselineRun).length,
    programLongestChain: longestChain(registered(programRun)),
    baselineLongestChain: longestChain(registered(baselineRun)),
    cascadeAllWorkspacesMs: median(cascade),
    planCommandMs: median(plan),
  };
}

/** What a `pulumi preview` of dev costs in the language host, type-checked or not. */
interface LanguageHostResult {
  typeCheckedMs: number;
  transpileOnlyMs: number;
  /** The share of a type-checked run that is type-checking. */
  typeCheckShare: number;
}

async function benchLanguageHost(): Promise<LanguageHostResult> {
  const dev = loadStackFile(PROJECT_DIR, "dev");
  const preview = (typeCheck?: boolean) => async () => {
    const run = await runThroughLanguageHost({
      projectDir: PROJECT_DIR,
      project: PROJECT,
      stack: dev.stack,
      config: dev.config,
      secretKeys: dev.secretKeys,
      preview: true,
      typeCheck,
      outputsByType: providerOutputs,
    });
    if (run.exitCode !== 0) throw new Error(run.stderr);
  };
  const checked: number[] = [];
  const transpiled: number[] = [];
  // Alternate, so that drift hits both alike.
  for (let i = 0; i < RUNS; i++) {
    checked.push((await measure(preview(true))).ms);
    // As committed: Pulumi.yaml's tsconfig skips type-checking.
    transpiled.push((await measure(preview())).ms);
  }
  const typeCheckedMs = median(checked);
  const transpileOnlyMs = median(transpiled);
  return { typeCheckedMs, transpileOnlyMs, typeCheckShare: (typeCheckedMs - transpileOnlyMs) / typeCheckedMs };
}

/** Resources the program creates, one create call each, with credentials attached per workspace or once to a project. */
interface AttachmentResult {
  workspaces: number;
  perWorkspace: { resources: number; attachments: number };
  onProject: { resources: number; attachments: number };
}

async function benchAttachments(size: number): Promise<AttachmentResult> {
  const count = async (project: boolean) => {
    const { config, secretKeys } = generatedConfig(generateLayers(size), { project });
    const run = await runStack({ stack: `attach-${size}`, config, secretKeys }, { stackTraces: false });
    if (run.error) throw run.error;
    const custom = run.resources.filter((r) => r.custom);
    const attachments = custom.filter((r) => /VariableSet:(Workspace|Project)VariableSet$/.test(r.type)).length;
    return { resources: custom.length, attachments };
  };
  return { workspaces: size, perWorkspace: await count(false), onProject: await count(true) };
}

/** A review (--diff-file) of a change to a generated stack, against planning it once; and scaffolding its contract. */
interface ReviewResult {
  workspaces: number;
  reviewMs: number;
  planMs: number;
  /** The review plans both sides: about 2 is what it should cost. */
  reviewOverPlan: number;
  changes: number;
  contractFiles: number;
  contractFilesMs: number;
}

async function benchReview(size: number, stackDir: string): Promise<ReviewResult> {
  const stack = `bench-${size}`;
  const file = path.join(stackDir, `Pulumi.${stack}.yaml`);
  // The change under review: one more workspace in the first layer, and a new Terraform version.
  const current = fs.readFileSync(file, "utf8");
  const before = path.join(stackDir, `before-${size}.yaml`);
  fs.writeFileSync(before, current.replace(/ *- t0-l0-w0\n/, "").concat("  tfc-layers:terraformVersion: 1.11.4\n"));
  const times: number[] = [];
  const plans: number[] = [];
  let changes = 0;
  // The review and the plan alternate, so that drift and the heap's state hit both alike.
  for (let i = 0; i < RUNS; i++) {
    const m = await measure(() => planCommand([stack, "--diff-file", before, "--json"], stackDir, stackDir));
    // 3: destructive, 4: hazards (the changed contract files); both are reviews.
    if (![0, 3, 4].includes(m.result.code)) throw new Error(m.result.out);
    changes = (JSON.parse(m.result.out) as { resources: unknown[] }).resources.length;
    times.push(m.ms);
    plans.push((await measure(() => planCommand([stack, "--json"], stackDir, stackDir))).ms);
  }
  const { config, secretKeys } = generatedConfig(withContract(generateLayers(size)));
  const topology = buildTopology(readStackConfig(config, (k) => secretKeys.includes(k)));
  const scaffold: number[] = [];
  let files = 0;
  for (let i = 0; i < RUNS; i++) {
    const m = await measure(() => contractFiles(topology));
    files = m.result.length;
    scaffold.push(m.ms);
  }
  const reviewMs = median(times);
  const planMs = median(plans);
  return {
    workspaces: size,
    reviewMs,
    planMs,
    reviewOverPlan: reviewMs / planMs,
    changes,
    contractFiles: files,
    contractFilesMs: median(scaffold),
  };
}

/** With the lifecycle on: how deep the resource dependencies go, against the layer depth. */
interface LifecycleResult {
  workspaces: number;
  bootstrapWaves: number;
  longestChain: number;
  estimatedBootstrapMinutes: number;
}

async function benchLifecycle(size: number): Promise<LifecycleResult> {
  const { config, secretKeys } = generatedConfig(generateLayers(size), { lifecycle: true });
  const topology = buildTopology(readStackConfig(config, (k) => secretKeys.includes(k)));
  const run = await runStack({ stack: `lifecycle-${size}`, config, secretKeys }, { stackTraces: false });
  if (run.error) throw run.error;
  const waves = topology.lifecycle!.bootstrapWaves;
  return {
    workspaces: size,
    bootstrapWaves: waves.length,
    longestChain: longestChain(registered(run)),
    estimatedBootstrapMinutes: wallTime(waves, DEFAULT_PLAN_OPTIONS.runMinutes, DEFAULT_PLAN_OPTIONS.concurrency)
      .minutes,
  };
}

const fixed = (n: number, digits = 0) => n.toFixed(digits);

function table(results: SizeResult[]): string {
  const rows = [
    "| workspaces | layers | triggers | resources (program / baseline) | program ms | baseline ms | ratio | baseline in turns ms | ratio to it | heap growth MB, sampled peak (program / baseline / in turns) | longest chain (program / baseline) | cascade, all workspaces ms | plan command ms |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    rows.push(
      `| ${r.workspaces} | ${r.layers} | ${r.triggers} | ${r.programResources} / ${r.baselineResources} | ${fixed(r.programMs)} | ${fixed(r.baselineMs)} | ${fixed(r.ratio, 2)} | ${fixed(r.baselineInTurnsMs)} | ${fixed(r.ratioInTurns, 2)} | ${fixed(r.programPeakHeapMb)} / ${fixed(r.baselinePeakHeapMb)} / ${fixed(r.baselineInTurnsPeakHeapMb)} | ${r.programLongestChain} / ${r.baselineLongestChain} | ${fixed(r.cascadeAllWorkspacesMs, 1)} | ${fixed(r.planCommandMs)} |`,
    );
  }
  return rows.join("\n");
}

function targets(results: SizeResult[]): { target: string; value: string; met: boolean }[] {
  const at = (n: number) => results.find((r) => r.workspaces === n)!;
  const big = at(1000);
  const mid = at(100);
  const chains = new Set(results.map((r) => r.programLongestChain));
  return [
    { target: "program/baseline time at 1,000 workspaces <= 1.15", value: fixed(big.ratio, 2), met: big.ratio <= 1.15 },
    {
      target: "program/baseline peak heap growth at 1,000 workspaces <= 1.2",
      value: fixed(big.programPeakHeapMb / big.baselinePeakHeapMb, 2),
      met: big.programPeakHeapMb <= 1.2 * big.baselinePeakHeapMb,
    },
    {
      target: "time at 1,000 <= 11 x time at 100",
      value: `${fixed(big.programMs / mid.programMs, 1)}x`,
      met: big.programMs <= 11 * mid.programMs,
    },
    {
      target: "longest dependency chain the same at every size",
      value: [...chains].join(", "),
      met: chains.size === 1,
    },
    {
      target: "cascade for every workspace at 1,000 < 1 s",
      value: `${fixed(big.cascadeAllWorkspacesMs, 1)} ms`,
      met: big.cascadeAllWorkspacesMs < 1000,
    },
  ];
}

const CELL_COUNT = 10;

interface CellsResult {
  cells: number;
  workspaces: number;
  triggers: number;
  programMs: number;
  baselineMs: number;
  ratio: number;
  baselineInTurnsMs: number;
  ratioInTurns: number;
  programPeakHeapMb: number;
  baselinePeakHeapMb: number;
  /** Runs one apply of the first global workspace queues, with cells and written as one layer per region. */
  runsPerGlobalApply: { cells: string; regionLayers: string };
  /** Runs queued by one apply of every workspace in turn, summed, both ways. */
  runsAllApplies: { cells: string; regionLayers: string };
  /** Layer entries the user writes, both ways. */
  layerEntries: { cells: number; regionLayers: number };
}

/** The regional organization of the cells issue: 10 cells with a global layer on each side. */
async function benchCells(): Promise<CellsResult> {
  const { layers, cells } = generateCellLayers(CELL_COUNT);
  const { config, secretKeys } = generatedConfig(layers, { cells });
  const topology = buildTopology(readStackConfig(config, (k) => secretKeys.includes(k)));
  const regionLayers = generateRegionLayers(CELL_COUNT);
  const flat = generatedConfig(regionLayers);
  const flatTopology = buildTopology(readStackConfig(flat.config, (k) => flat.secretKeys.includes(k)));
  const { program, bare, bareInTurns } = await programAgainstBaseline(
    { stack: "bench-cells", config, secretKeys },
    topology,
  );
  if (program[0].result.error) throw program[0].result.error;
  const runs = (t: Topology, source: string) => new CascadeSimulator(t).totalRuns(source);
  const all = (t: Topology) => {
    const simulator = new CascadeSimulator(t);
    return t.workspaces.reduce((sum, w) => sum + simulator.totalRuns(w.key), 0n);
  };
  const programMs = median(program.map((m) => m.ms));
  const baselineMs = median(bare.map((m) => m.ms));
  const baselineInTurnsMs = median(bareInTurns.map((m) => m.ms));
  return {
    cells: CELL_COUNT,
    workspaces: topology.workspaces.length,
    triggers: topology.triggers.length,
    programMs,
    baselineMs,
    ratio: programMs / baselineMs,
    baselineInTurnsMs,
    ratioInTurns: programMs / baselineInTurnsMs,
    programPeakHeapMb: median(program.map((m) => m.peakMb)),
    baselinePeakHeapMb: median(bare.map((m) => m.peakMb)),
    runsPerGlobalApply: { cells: String(runs(topology, "org-0")), regionLayers: String(runs(flatTopology, "org-0")) },
    runsAllApplies: { cells: String(all(topology)), regionLayers: String(all(flatTopology)) },
    layerEntries: { cells: layers.length, regionLayers: regionLayers.length },
  };
}

function cellsTable(c: CellsResult): string {
  return [
    "| cells | workspaces | triggers | program ms | baseline ms | ratio | baseline in turns ms | ratio to it | heap growth MB, sampled peak (program / baseline) | runs per apply of a global workspace (cells / one layer per region) | runs, every workspace applying once (cells / one layer per region) | layer entries written (cells / one layer per region) |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    `| ${c.cells} | ${c.workspaces} | ${c.triggers} | ${fixed(c.programMs)} | ${fixed(c.baselineMs)} | ${fixed(c.ratio, 2)} | ${fixed(c.baselineInTurnsMs)} | ${fixed(c.ratioInTurns, 2)} | ${fixed(c.programPeakHeapMb)} / ${fixed(c.baselinePeakHeapMb)} | ${c.runsPerGlobalApply.cells} / ${c.runsPerGlobalApply.regionLayers} | ${c.runsAllApplies.cells} / ${c.runsAllApplies.regionLayers} | ${c.layerEntries.cells} / ${c.layerEntries.regionLayers} |`,
  ].join("\n");
}

/**
 * The requests npm run status takes at 10, 100 and 1,000 workspaces: the workspace pages, runs
 * included, and one more per workspace whose current run has not finished (its queue).
 */
async function statusRequests(): Promise<StatusRequests[]> {
  const out: StatusRequests[] = [];
  for (const size of [10, 100, 1000]) out.push(await benchStatusRequests(size));
  return out;
}

function statusTable(rows: StatusRequests[]): string {
  return [
    "| npm run status, workspaces | requests, every run finished (workspace pages with include=current_run) | requests, one run in ten waiting (its queue read too) |",
    "|---|---|---|",
    ...rows.map((r) => `| ${r.workspaces} | ${r.requests} | ${r.requestsOneInTenWaiting} |`),
  ].join("\n");
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === "adopt") {
    process.stdout.write(`${adoptReadTable(await benchAdoptRead(1000))}\n\n${statusTable(await statusRequests())}\n`);
    return;
  }
  if (process.env.BENCH_ONLY === "sizes") {
    // Only the program against its baseline at 100 and 1,000 workspaces, printed, nothing written.
    const stackDir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-bench-"));
    const results = [await benchSize(10, stackDir), await benchSize(100, stackDir), await benchSize(1000, stackDir)];
    process.stdout.write(
      `${table(results)}\n\n${targets(results)
        .map((t) => `${t.target}: ${t.value} (${t.met ? "met" : "missed"})`)
        .join("\n")}\n`,
    );
    return;
  }
  if (process.env.BENCH_ONLY === "cells") {
    // Only the cells topology, printed, nothing written (for a quick look).
    process.stdout.write(`${cellsTable(await benchCells())}\n`);
    return;
  }
  const stackDir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-bench-"));
  const results: SizeResult[] = [];
  for (const size of SIZES) {
    process.stderr.write(`benchmarking ${size} workspaces (${RUNS} runs)...\n`);
    results.push(await benchSize(size, stackDir));
  }
  process.stderr.write(`benchmarking pulumi preview of dev through the language host (${RUNS} runs each)...\n`);
  const languageHost = await benchLanguageHost();
  const attachments: AttachmentResult[] = [];
  for (const size of SIZES) attachments.push(await benchAttachments(size));
  const checks = targets(results);
  const lifecycles: LifecycleResult[] = [];
  for (const size of SIZES) lifecycles.push(await benchLifecycle(size));
  const reviews: ReviewResult[] = [];
  for (const size of SIZES) {
    process.stderr.write(`benchmarking a review and a scaffold of ${size} workspaces (${RUNS} runs each)...\n`);
    reviews.push(await benchReview(size, stackDir));
  }
  process.stderr.write(`benchmarking ${CELL_COUNT} cells with a global layer on each side (${RUNS} runs)...\n`);
  const cellsResult = await benchCells();
  process.stderr.write("benchmarking reading 1,000 workspaces through the API (loopback double)...\n");
  const adoptRead = await benchAdoptRead(1000);
  const status = await statusRequests();
  const bigReview = reviews.find((r) => r.workspaces === 1000)!;
  checks.push({
    target: "a review (--diff-file) at 1,000 workspaces <= 2.1 x the plan command",
    value: `${fixed(bigReview.reviewOverPlan, 2)}x`,
    met: bigReview.reviewOverPlan <= 2.1,
  });
  const chainOverDepth = new Set(lifecycles.map((l) => l.longestChain - l.bootstrapWaves));
  checks.push({
    target: "with the lifecycle, longest chain = bootstrap waves + the same constant at every size",
    value: [...chainOverDepth].map((c) => `+${c}`).join(", "),
    met: chainOverDepth.size === 1,
  });
  const report = [
    table(results),
    "",
    "| workspaces | create calls, credentials per workspace (attachments) | create calls, credentials on the project (attachments) |",
    "|---|---|---|",
    ...attachments.map(
      (a) =>
        `| ${a.workspaces} | ${a.perWorkspace.resources} (${a.perWorkspace.attachments}) | ${a.onProject.resources} (${a.onProject.attachments}) |`,
    ),
    "",
    "| workspaces (lifecycle on) | bootstrap waves | longest dependency chain | estimated bootstrap, 5-minute runs one at a time |",
    "|---|---|---|---|",
    ...lifecycles.map(
      (l) => `| ${l.workspaces} | ${l.bootstrapWaves} | ${l.longestChain} | ${l.estimatedBootstrapMinutes} min |`,
    ),
    "",
    "| workspaces | review (--diff-file, --json) ms | plan command ms | review / plan | resources changed | contract files | generating them ms |",
    "|---|---|---|---|---|---|---|",
    ...reviews.map(
      (r) =>
        `| ${r.workspaces} | ${fixed(r.reviewMs)} | ${fixed(r.planMs)} | ${fixed(r.reviewOverPlan, 2)} | ${r.changes} | ${r.contractFiles} | ${fixed(r.contractFilesMs, 1)} |`,
    ),
    "",
    cellsTable(cellsResult),
    "",
    adoptReadTable(adoptRead),
    "",
    statusTable(status),
    "",
    "| pulumi preview of dev, language host | ms |",
    "|---|---|",
    `| type-checked (ts-node's default, tsconfig.json) | ${fixed(languageHost.typeCheckedMs)} |`,
    `| as committed (tsconfig.pulumi.json: noCheck, transpile-only) | ${fixed(languageHost.transpileOnlyMs)} |`,
    `| share of the type-checked run spent type-checking | ${fixed(100 * languageHost.typeCheckShare)} % |`,
    "",
    "| target | measured | met |",
    "|---|---|---|",
    ...checks.map((c) => `| ${c.target} | ${c.value} | ${c.met ? "yes" : "no"} |`),
  ].join("\n");
  process.stdout.write(`${report}\n`);
  const out = path.join(__dirname, "results.json");
  const machine = { node: process.version, cpus: os.cpus().length, runsPerMeasurement: RUNS };
  fs.writeFileSync(
    out,
    `${JSON.stringify({ machine, results, languageHost, attachments, lifecycles, reviews, cells: cellsResult, adoptRead, status, targets: checks }, null, 2)}\n`,
  );
  process.stderr.write(`wrote ${path.relative(process.cwd(), out)}\n`);
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}

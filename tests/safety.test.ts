// Safe against a real organization: no secret in plain text anywhere we print or register,
// workspaces protected where losing them matters, and config order changing nothing.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import type { MockRun } from "../offline/mockRuntime";
import { NO_DECLARATIONS, PROJECT_DIR, stackFromValues } from "../offline/stackFile";
import { buildPlan } from "../plan/document";
import { renderText } from "../plan/text";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology } from "../topology/topology";
import {
  CREDENTIALS,
  deploy,
  deployRejected,
  type LayerFixture,
  programResources,
  seededRandom,
  stackConfig,
  WEBHOOK_URL,
} from "./fixtures";
import { ofType, SecretValue } from "./mocks";

const MOCK_HMAC = "mock-generated-password";
const STATIC_CREDENTIALS = { DD_API_KEY: "dd-secret-value-0005" };
const SLACK_URL = "https://hooks.slack.example/T000/B000/secret-0014";
const SECRETS = [
  ...Object.values(CREDENTIALS),
  ...Object.values(STATIC_CREDENTIALS),
  SLACK_URL,
  WEBHOOK_URL,
  MOCK_HMAC,
];

/** Paths where a secret value appears outside a secret wrapper. */
function plainTextLeaks(value: unknown, where = ""): string[] {
  if (value instanceof SecretValue) return [];
  if (typeof value === "string") return SECRETS.some((s) => value.includes(s)) ? [where] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => plainTextLeaks(v, `${where}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => plainTextLeaks(v, `${where}.${k}`));
  }
  return [];
}

/** Secret values found inside secret wrappers (a control: the scan looks where they are). */
function wrappedSecrets(value: unknown): string[] {
  if (value instanceof SecretValue) return SECRETS.filter((s) => JSON.stringify(value.value).includes(s));
  if (Array.isArray(value)) return value.flatMap(wrappedSecrets);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(wrappedSecrets);
  return [];
}

const LAYERS: LayerFixture[] = [
  { name: "network", workspaces: ["net-east", "net-west"] },
  { name: "dns", workspaces: ["dns"] },
  { name: "platform", workspaces: ["k8s", "db", "queue"], dependsOn: ["network", "dns"] },
  { name: "observability", workspaces: ["logs"], dependsOn: ["network"], sharedCredentials: false },
  { name: "app", workspaces: ["api", "web"], dependsOn: ["platform", "network", "observability"] },
];

describe("secrets never leak", () => {
  const file = stackConfig({
    environment: "prod",
    autoApply: false,
    credentials: CREDENTIALS,
    webhook: WEBHOOK_URL,
    // A static credential set beside the shared one: its values are secrets too.
    raw: {
      "tfc-layers:staticCredentials": { datadog: { DD_API_KEY: { secure: STATIC_CREDENTIALS.DD_API_KEY } } },
      "tfc-layers:defaultCredentials": "datadog",
      // A destination's url carries its credentials too.
      "tfc-layers:notifications": [{ name: "ops", destination: "slack", url: { secure: SLACK_URL } }],
    },
  });
  let run: MockRun;
  before(async () => {
    run = await deploy(file);
  });

  it("no resource input holds a secret in plain text, and every secret is registered wrapped", () => {
    const leaks = run.resources.flatMap((r) => plainTextLeaks(r.inputs, `${r.type} ${r.name}`));
    assert.deepEqual(leaks, []);
    const wrapped = new Set(run.resources.flatMap((r) => wrappedSecrets(r.inputs)));
    assert.deepEqual([...wrapped].sort(), [...SECRETS].sort());
  });

  it("no stack output holds a secret in plain text", () => {
    assert.deepEqual(plainTextLeaks(run.stackOutputs, "outputs"), []);
    assert.ok(run.stackOutputs.approvalHmacKey instanceof SecretValue);
  });

  it("the plan, text and JSON, shows none of them even when given the decrypted values", () => {
    const topology = buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
    const plan = buildPlan("prod", topology, run);
    const text = renderText(plan);
    const json = JSON.stringify(plan);
    for (const secret of SECRETS) {
      assert.equal(text.includes(secret), false, `text shows ${secret}`);
      assert.equal(json.includes(secret), false, `JSON shows ${secret}`);
    }
    assert.match(text, /url: "\[secret\]"/);
  });

  it("credential variables are sensitive env variables", () => {
    for (const v of ofType(run, "tfe:index/variable:Variable")) {
      assert.equal(v.inputs.sensitive, true);
      assert.equal(v.inputs.category, "env");
    }
  });
});

/** The committed prod stack with some values changed, as the CLI hands it to the program. */
function prodWith(change: Record<string, unknown>, project?: typeof NO_DECLARATIONS) {
  const values = parse(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.prod.yaml"), "utf8")).config;
  return stackFromValues("prod", { ...values, ...change }, undefined, project);
}

describe("protection does not follow autoApply", () => {
  const workspacesOf = (run: MockRun) => {
    const workspaces = ofType(run, "tfe:index/workspace:Workspace");
    assert.equal(workspaces.length, 3);
    return workspaces;
  };

  // With Pulumi.yaml's declarations the CLI fills in its default; without them the program's own.
  for (const [defaults, project] of [
    ["Pulumi.yaml's default", undefined],
    ["the program's default", NO_DECLARATIONS],
  ] as const) {
    it(`prod with tfc-layers:autoApply: true keeps every workspace protected (${defaults})`, async () => {
      const file = prodWith({ "tfc-layers:autoApply": true }, project);
      assert.equal(file.config["tfc-layers:protect"], project ? undefined : "true");
      const run = await deploy(file);
      for (const ws of workspacesOf(run)) {
        assert.equal(ws.inputs.autoApply, true, ws.name);
        assert.equal(ws.protect, true, ws.name);
      }
    });
  }

  it("prod with tfc-layers:autoApply: true still refuses destroyOnDelete, naming tfc-layers:protect and both ways out", async () => {
    const lifecycle = { "tfc-layers:lifecycle": { applyOnCreate: true, destroyOnDelete: true } };
    const { message, run } = await deployRejected(prodWith({ "tfc-layers:autoApply": true, ...lifecycle }));
    assert.equal(
      message,
      "tfc-layers:lifecycle: destroyOnDelete on a protected stack (tfc-layers:protect: true, its default) would destroy the infrastructure of its 3 workspaces (all their resources, dependents first) on pulumi destroy or when one leaves the config: set tfc-layers:protect: false if its workspaces may be deleted, or destroyProtected: true if that is meant",
    );
    assert.deepEqual(programResources(run), []);
    // Each way out works: the stack unprotected, or the destroy of a protected stack confirmed.
    const unprotected = await deploy(
      prodWith({ "tfc-layers:autoApply": true, "tfc-layers:protect": false, ...lifecycle }),
    );
    for (const ws of workspacesOf(unprotected)) assert.equal(ws.protect, false, ws.name);
    const confirmed = await deploy(
      prodWith({
        "tfc-layers:autoApply": true,
        "tfc-layers:lifecycle": { applyOnCreate: true, destroyOnDelete: true, destroyProtected: true },
      }),
    );
    for (const ws of workspacesOf(confirmed)) assert.equal(ws.protect, true, ws.name);
  });

  it("tfc-layers:protect: false unprotects every workspace of a stack that auto-applies", async () => {
    const run = await deploy(prodWith({ "tfc-layers:autoApply": true, "tfc-layers:protect": false }));
    for (const ws of workspacesOf(run)) assert.equal(ws.protect, false, ws.name);
  });

  it("refuses tfc-layers:protect: false where runs wait for approval, which earlier versions kept protected", async () => {
    const { message, run } = await deployRejected(prodWith({ "tfc-layers:protect": false }));
    assert.equal(
      message,
      "tfc-layers:protect is false, but a stack whose runs wait for approval (tfc-layers:autoApply: false) keeps its workspaces protected; earlier versions ignored this false, so honouring it would unprotect them unannounced: remove tfc-layers:protect from the stack",
    );
    assert.deepEqual(programResources(run), []);
  });
});

describe("no accidental loss", () => {
  it("tfc-layers:protect: true protects the workspaces of a stack that auto-applies", async () => {
    const run = await deploy(stackConfig({ autoApply: true, raw: { "tfc-layers:protect": "true" } }));
    const workspaces = ofType(run, "tfe:index/workspace:Workspace");
    assert.equal(workspaces.length, 3);
    for (const ws of workspaces) assert.equal(ws.protect, true, ws.name);
  });

  it("no workspace ever sets forceDelete", async () => {
    const run = await deploy(stackConfig({ layers: LAYERS, autoApply: false, raw: { "tfc-layers:protect": "true" } }));
    for (const ws of ofType(run, "tfe:index/workspace:Workspace")) assert.equal("forceDelete" in ws.inputs, false);
  });

  describe("reordering the config changes no URN and no input", () => {
    function shuffler(seed: number) {
      const next = seededRandom(seed);
      return <T>(items: readonly T[]): T[] => {
        const copy = [...items];
        for (let i = copy.length - 1; i > 0; i--) {
          const j = Math.floor(next() * (i + 1));
          [copy[i], copy[j]] = [copy[j], copy[i]];
        }
        return copy;
      };
    }

    const snapshot = (run: MockRun) =>
      JSON.stringify({
        resources: run.resources
          .map((r) => ({ urn: r.urn, parent: r.parent, protect: r.protect, inputs: r.inputs, deps: r.dependencies }))
          .sort((a, b) => a.urn.localeCompare(b.urn)),
        outputs: run.stackOutputs,
      });
    const options = { environment: "prod", autoApply: false, credentials: CREDENTIALS, webhook: WEBHOOK_URL };

    for (const seed of [1, 2, 3]) {
      it(`shuffle with seed ${seed}`, async () => {
        const shuffle = shuffler(seed);
        const shuffled = shuffle(LAYERS).map((l) => ({
          ...l,
          workspaces: shuffle(l.workspaces),
          ...(l.dependsOn ? { dependsOn: shuffle(l.dependsOn) } : {}),
        }));
        assert.notDeepEqual(shuffled, LAYERS);
        const original = snapshot(await deploy(stackConfig({ ...options, layers: LAYERS })));
        const reordered = snapshot(await deploy(stackConfig({ ...options, layers: shuffled })));
        assert.equal(reordered, original);
      });
    }
  });
});

describe("renaming a workspace keeps it", () => {
  it("renamedFrom aliases the workspace and its settings to their former names", async () => {
    const run = await deploy(
      stackConfig({
        layers: [
          { name: "network", workspaces: ["net-core"], renamedFrom: { "net-core": "network-a" } },
          // The form earlier versions wrote for a move still reads; its layer plays no part.
          { name: "platform", workspaces: ["moved"], dependsOn: ["network"], renamedFrom: { moved: "gone/old" } },
        ],
      }),
    );
    const aliases = (type: string, name: string) =>
      run.resources.find((r) => r.type === type && r.name === name)!.aliases.map((a) => a.name);
    assert.deepEqual(aliases("tfe:index/workspace:Workspace", "net-core-dev"), ["network-a-dev"]);
    assert.deepEqual(aliases("tfe:index/workspaceSettings:WorkspaceSettings", "net-core-dev-settings"), [
      "network-a-dev-settings",
    ]);
    assert.deepEqual(aliases("tfe:index/workspace:Workspace", "moved-dev"), ["old-dev"]);
    assert.deepEqual(aliases("tfe:index/runTrigger:RunTrigger", "net-core-dev->moved-dev"), ["network-a-dev->old-dev"]);
  });

  it("nothing has an alias when nothing was renamed", async () => {
    const run = await deploy(stackConfig({ credentials: CREDENTIALS, webhook: WEBHOOK_URL, autoApply: false }));
    for (const r of run.resources) assert.deepEqual(r.aliases, [], r.name);
  });
});

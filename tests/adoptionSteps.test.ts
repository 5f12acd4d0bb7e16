// The steps adoption infers a stack in, each on its own: the trigger graph, the layers, the names
// and cells, the shared settings, the layer entries, the credential sets and team access. The
// whole run (inferStack) is proven in adopt.test.ts and adoptApi.test.ts.
import * as assert from "node:assert/strict";
import { type SettingsChange, settingFlags } from "../topology/adoption/behaviour";
import { inferCredentialSets } from "../topology/adoption/credentialSets";
import { layerEntries } from "../topology/adoption/layerEntries";
import { groupIntoLayers } from "../topology/adoption/layerGrouping";
import { inferNaming } from "../topology/adoption/naming";
import type { Organization, OrgWorkspace } from "../topology/adoption/organization";
import { AdoptionError } from "../topology/adoption/refusal";
import { inferSharedSettings } from "../topology/adoption/sharedSettings";
import { inferTeams } from "../topology/adoption/teamAccess";
import { describeExternalUpstreams, readTriggerGraph } from "../topology/adoption/triggerGraph";

const workspace = (name: string, fields: Partial<OrgWorkspace> = {}): OrgWorkspace => ({
  id: `ws-${name}`,
  name,
  autoApply: false,
  autoApplyRunTrigger: false,
  queueAllRuns: false,
  executionMode: "remote",
  globalRemoteState: false,
  remoteStateConsumerIds: [],
  workingDirectory: "",
  tags: {},
  tagNames: [],
  fileTriggersEnabled: true,
  triggerPatterns: [],
  hasSettings: false,
  assessmentsEnabled: false,
  speculativeEnabled: true,
  allowDestroyPlan: true,
  structuredRunOutputEnabled: true,
  ...fields,
});

/** An organization of the named workspaces and triggers written "source>target". */
const organization = (
  workspaces: readonly OrgWorkspace[],
  triggers: readonly string[] = [],
  more: Partial<Organization> = {},
): Organization => ({
  name: "acme",
  workspaces,
  runTriggers: triggers.map((t, i) => {
    const [source, target] = t.split(">");
    return { id: `rt-${i}`, sourceId: `ws-${source}`, workspaceId: `ws-${target}`, sourceName: source };
  }),
  variableSets: [],
  projects: [],
  teamAccess: [],
  notifications: [],
  ...more,
});

const refusal = (run: () => unknown, pattern: RegExp) =>
  assert.throws(run, (e: unknown) => e instanceof AdoptionError && pattern.test(e.message));

/** The message of the AdoptionError `run` throws. */
function refusalOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof AdoptionError) return e.message;
    throw e;
  }
  assert.fail("no refusal");
}

/** The steps up to the layer entries, as inferStack runs them. */
function entriesOf(org: Organization, stack: string) {
  const graph = readTriggerGraph(org);
  const grouping = groupIntoLayers(org, graph, undefined);
  const naming = inferNaming(org.workspaces, stack);
  const settings = inferSharedSettings(org.workspaces, grouping.groups);
  return layerEntries({ all: org.workspaces, graph, grouping, naming, settings }, [...grouping.groups.keys()]);
}

describe("adoption's steps", () => {
  describe("the trigger graph", () => {
    it("keeps triggers into the selection, names their outside sources, and ignores triggers out of it", () => {
      const org = organization(
        [workspace("network-dev"), workspace("app-dev")],
        ["network-dev>app-dev", "dns-global>network-dev", "app-dev>reporting-dev"],
      );
      const graph = readTriggerGraph(org);
      assert.deepEqual(graph.upstreamsOf.get("ws-app-dev"), ["ws-network-dev"]);
      assert.deepEqual(graph.upstreamsOf.get("ws-network-dev"), ["ws-dns-global"]);
      assert.deepEqual([...graph.external], [["ws-dns-global", "dns-global"]]);
      assert.deepEqual(describeExternalUpstreams(graph), [
        "external upstreams: dns-global (outside the selection) as the external layer upstream",
      ]);
    });

    it("refuses a cycle, shown the way the triggers fire", () => {
      const org = organization(
        [workspace("a-dev"), workspace("b-dev"), workspace("c-dev")],
        ["a-dev>b-dev", "b-dev>c-dev", "c-dev>a-dev"],
      );
      const message = refusalOf(() => readTriggerGraph(org));
      assert.match(message, /form a cycle, (\S+) -> (\S+) -> (\S+) -> \1 .*delete one of its triggers/);
      const shown = message.match(/cycle, ([^(]+) \(/)![1].split(" -> ");
      // Each name triggers the next one.
      for (let i = 0; i + 1 < shown.length; i++) {
        assert.ok(org.runTriggers.some((t) => t.sourceName === shown[i] && t.workspaceId === `ws-${shown[i + 1]}`));
      }
    });

    it("refuses an outside source it cannot name, and an empty selection", () => {
      const org = organization([workspace("app-dev")]);
      const unnamed = {
        ...org,
        runTriggers: [{ id: "rt-1", sourceId: "ws-elsewhere", workspaceId: "ws-app-dev" }],
      };
      refusal(() => describeExternalUpstreams(readTriggerGraph(unnamed)), /ws-elsewhere, which the source holds no/);
      refusal(() => readTriggerGraph(organization([])), /holds no workspace: widen --workspaces or --project/);
    });
  });

  describe("the layers", () => {
    it("are the names up to the first '-', unless --layers says otherwise, with dependencies from the triggers", () => {
      const org = organization(
        [workspace("network-dev"), workspace("edge-dev"), workspace("app-dev")],
        ["network-dev>app-dev", "edge-dev>app-dev"],
      );
      const grouping = groupIntoLayers(org, readTriggerGraph(org), { "edge-dev": "network" });
      assert.deepEqual(
        [...grouping.groups].map(([layer, ws]) => [layer, ws.map((w) => w.name)]),
        [
          ["network", ["network-dev", "edge-dev"]],
          ["app", ["app-dev"]],
        ],
      );
      assert.deepEqual(grouping.layerDeps("app"), ["network"]);
      assert.match(grouping.note, /and --layers/);
    });

    it("refuses a trigger inside one layer, a --layers name not selected, and layers in a cycle", () => {
      const linked = organization(
        [workspace("platform-a-dev"), workspace("platform-b-dev")],
        ["platform-a-dev>platform-b-dev"],
      );
      refusal(
        () => groupIntoLayers(linked, readTriggerGraph(linked), undefined),
        /platform-a-dev and platform-b-dev would both be in layer platform/,
      );
      refusal(
        () => groupIntoLayers(linked, readTriggerGraph(linked), { "platform-z-dev": "x" }),
        /--layers names platform-z-dev, which is not a workspace/,
      );
      const crossed = organization([workspace("x-a"), workspace("y-b"), workspace("x-c")], ["x-a>y-b", "y-b>x-c"]);
      refusal(() => groupIntoLayers(crossed, readTriggerGraph(crossed), undefined), /layers .* in a cycle/);
    });
  });

  describe("the names", () => {
    it("take the default template when every name ends in -<stack>, with cells from siblings", () => {
      const naming = inferNaming(
        [
          workspace("network-eu-prod"),
          workspace("network-us-prod"),
          workspace("app-core-prod"),
          workspace("dns-eu-prod"),
        ],
        "prod",
      );
      assert.equal(naming.templated, true);
      assert.deepEqual(naming.cellNames, ["eu", "us"]);
      assert.deepEqual([...naming.keyOf.values()], ["network", "network", "app-core", "dns-eu"]);
      // A suffix without a sibling of another cell is part of the name, even where it names a cell.
      assert.deepEqual([...naming.cellOf.keys()], ["ws-network-eu-prod", "ws-network-us-prod"]);
    });

    it("keep every name as it is when one does not end in -<stack>", () => {
      const naming = inferNaming(
        [workspace("network-eu-prod"), workspace("network-us-prod"), workspace("legacy")],
        "prod",
      );
      assert.equal(naming.templated, false);
      assert.deepEqual(naming.cellNames, []);
      assert.deepEqual([...naming.keyOf.values()], ["network-eu-prod", "network-us-prod", "legacy"]);
      assert.match(naming.notes[0], /legacy do not end in -prod/);
    });
  });

  describe("the shared settings", () => {
    it("take the one Terraform version all have, else none, and refuse two projects or two code sources", () => {
      const one = [
        workspace("a-dev", { terraformVersion: "1.11.4" }),
        workspace("b-dev", { terraformVersion: "1.11.4" }),
      ];
      assert.equal(inferSharedSettings(one, new Map([["a", one]])).version, "1.11.4");
      const two = [one[0], workspace("b-dev", { terraformVersion: "1.9.0" })];
      assert.equal(inferSharedSettings(two, new Map([["a", two]])).version, undefined);
      const projects = [workspace("a-dev", { projectId: "prj-1" }), workspace("b-dev", { projectId: "prj-2" })];
      refusal(() => inferSharedSettings(projects, new Map()), /different projects \(prj-1, prj-2\)/);
      const sources = [workspace("a-dev", { vcs: { identifier: "acme/infra" } }), workspace("b-dev")];
      refusal(() => inferSharedSettings(sources, new Map()), /different repositories or branches/);
    });

    it("turn health assessments on for a layer where any workspace has them, the stack as most layers, a tie off", () => {
      const on = (name: string) => workspace(name, { assessmentsEnabled: true });
      const groups = new Map([
        ["network", [on("network-eu-dev"), workspace("network-us-dev")]],
        ["platform", [on("platform-dev")]],
        ["app", [workspace("app-dev")]],
      ]);
      const all = [...groups.values()].flat();
      const most = inferSharedSettings(all, groups);
      assert.equal(most.healthAssessments.stack, true);
      assert.deepEqual([...most.healthAssessments.layers], [["app", false]]);
      assert.ok(most.notes.includes("healthAssessments true; layer app: false, as the workspaces have them"));
      groups.set("platform", [workspace("platform-dev")]);
      const tie = inferSharedSettings([...groups.values()].flat(), new Map([...groups].slice(0, 2)));
      assert.equal(tie.healthAssessments.stack, false);
      assert.deepEqual([...tie.healthAssessments.layers], [["network", true]]);
      const vcs = [
        workspace("a-dev", { vcs: { identifier: "acme/infra", tagsRegex: "^v" } }),
        workspace("b-dev", { vcs: { identifier: "acme/infra" } }),
      ];
      refusal(() => inferSharedSettings(vcs, new Map()), /release them differently \(submodules, tags\)/);
    });
  });

  describe("the settings the stack cannot keep", () => {
    const change = (now: Partial<SettingsChange["now"]> = {}, healthAssessments = false): SettingsChange => ({
      name: "app-dev",
      layer: "app",
      now: {
        assessmentsEnabled: false,
        speculativeEnabled: true,
        allowDestroyPlan: true,
        structuredRunOutputEnabled: true,
        ...now,
      },
      after: { healthAssessments },
    });

    it("flag nothing where the workspace has what the program and the provider give", () => {
      assert.deepEqual(settingFlags([change(), change({ assessmentsEnabled: true }, true)]), []);
    });

    it("flag each setting that changes, one line naming the workspace, the values and the consequence", () => {
      const cases: [Partial<SettingsChange["now"]>, boolean, RegExp][] = [
        [
          { assessmentsEnabled: true },
          false,
          /^Flagged: app-dev has health assessments on now and off after adoption: .*layer app.*--layers <file>$/,
        ],
        [{}, true, /^Flagged: app-dev has health assessments off now and on after adoption/],
        [
          { speculativeEnabled: false },
          false,
          /^Flagged: app-dev runs no speculative plans now .*speculative_enabled false -> true/,
        ],
        [
          { allowDestroyPlan: false },
          false,
          /^Flagged: app-dev refuses destroy plans now .*allow_destroy_plan false -> true/,
        ],
        [
          { structuredRunOutputEnabled: false },
          false,
          /^Flagged: app-dev shows runs as plain logs now .*structured_run_output_enabled false -> true/,
        ],
        [{ sshKeyId: "sshkey-ABC" }, false, /^Flagged: app-dev has the SSH key sshkey-ABC now and none after adoption/],
      ];
      for (const [now, after, line] of cases) {
        const flags = settingFlags([change(now, after)]);
        assert.equal(flags.length, 1, JSON.stringify(flags));
        assert.match(flags[0], line);
      }
    });
  });

  describe("the layer entries", () => {
    it("write a workspace as its key alone where the layer's defaults give everything", () => {
      const org = organization(
        [
          workspace("network-dev", { workingDirectory: "network/network" }),
          workspace("app-dev", { workingDirectory: "app/app" }),
        ],
        ["network-dev>app-dev"],
      );
      assert.deepEqual(entriesOf(org, "dev"), [
        { name: "network", workspaces: ["network"] },
        { name: "app", workspaces: ["app"], dependsOn: ["network"] },
      ]);
    });

    it("narrow a workspace to the upstreams it reads, and keep a directory the layer would not give", () => {
      const org = organization(
        [
          workspace("network-dev", { workingDirectory: "network/network" }),
          workspace("dns-dev", { workingDirectory: "dns/dns" }),
          workspace("app-web-dev", { workingDirectory: "app/app-web" }),
          workspace("app-batch-jobs-dev", { workingDirectory: "jobs" }),
        ],
        ["network-dev>app-web-dev", "dns-dev>app-web-dev", "network-dev>app-batch-jobs-dev"],
      );
      const app = entriesOf(org, "dev").find((l) => l.name === "app")!;
      assert.deepEqual(app.workspaces, [
        "app-web",
        { name: "app-batch-jobs", directory: "jobs", upstreams: ["network"] },
      ]);
      assert.deepEqual(app.dependsOn, ["dns", "network"]);
    });

    it("refuse a layer of mixed execution modes, and a workspace whose cells differ", () => {
      const mixed = organization([workspace("app-a-dev"), workspace("app-b-dev", { executionMode: "local" })]);
      refusal(() => entriesOf(mixed, "dev"), /layer app mixes execution modes/);
      const cells = organization([
        workspace("network-eu-prod", { workingDirectory: "n" }),
        workspace("network-us-prod", { workingDirectory: "m" }),
      ]);
      refusal(() => entriesOf(cells, "prod"), /workspace network has a different working directory in each cell/);
    });
  });

  describe("the credential sets", () => {
    const set = (fields: Partial<Organization["variableSets"][number]>) => ({
      id: "varset-1",
      name: "aws creds",
      global: false,
      priority: true,
      variables: [
        { id: "var-1", key: "AWS_SECRET_ACCESS_KEY", category: "env" as const, sensitive: true },
        { id: "var-2", key: "AWS_REGION", category: "env" as const, sensitive: false, value: "eu-west-1" },
      ],
      workspaceIds: ["ws-app-a-dev", "ws-app-b-dev"],
      projectIds: [],
      ...fields,
    });
    const workspaces = [workspace("app-a-dev"), workspace("app-b-dev")];
    const groups = new Map([["app", workspaces]]);

    it("become a static set of the layers that take them, keeping a set without priority, values never shown", () => {
      const org = organization(workspaces, [], { variableSets: [set({ priority: false })] });
      const sets = inferCredentialSets(org, groups, undefined);
      assert.deepEqual(sets.setsOfLayer.get("app"), ["aws-creds"]);
      assert.equal(sets.staticSets["aws-creds"].priority, false);
      assert.deepEqual(sets.secretLines, [
        "pulumi config set --secret --path 'tfc-layers:staticCredentials.aws-creds.AWS_SECRET_ACCESS_KEY' <its value>",
        `pulumi config set --secret --path 'tfc-layers:staticCredentials.aws-creds.AWS_REGION' "eu-west-1"`,
      ]);
      const withPriority = inferCredentialSets(
        organization(workspaces, [], { variableSets: [set({})] }),
        groups,
        undefined,
      );
      assert.equal("priority" in withPriority.staticSets["aws-creds"], false);
    });

    it("reach every workspace through their project, leave a global set alone, and refuse a layer taken in part", () => {
      const viaProject = organization(workspaces, [], {
        variableSets: [set({ workspaceIds: [], projectIds: ["prj-1"] })],
      });
      assert.deepEqual(inferCredentialSets(viaProject, groups, "prj-1").setsOfLayer.get("app"), ["aws-creds"]);
      const global = inferCredentialSets(
        organization(workspaces, [], { variableSets: [set({ global: true })] }),
        groups,
        undefined,
      );
      assert.deepEqual([...global.setOf], []);
      assert.match(global.notes[0], /global, left as it is/);
      const part = organization(workspaces, [], { variableSets: [set({ workspaceIds: ["ws-app-a-dev"] })] });
      refusal(
        () => inferCredentialSets(part, groups, undefined),
        /attached to app-a-dev but not to app-b-dev of layer app/,
      );
    });
  });

  describe("team access", () => {
    const workspaces = [workspace("app-a-dev"), workspace("app-b-dev"), workspace("network-dev")];
    const groups = new Map([
      ["app", workspaces.slice(0, 2)],
      ["network", workspaces.slice(2)],
    ]);
    const grant = (workspaceId: string, access: string) => ({
      id: `tws-${workspaceId}`,
      teamId: "team-1",
      teamName: "developers",
      workspaceId,
      access,
    });

    it("is one entry per team and layer that shares one access, outside the selection ignored", () => {
      const org = organization(workspaces, [], {
        teamAccess: [grant("ws-app-a-dev", "write"), grant("ws-app-b-dev", "write"), grant("ws-elsewhere", "admin")],
      });
      assert.deepEqual(inferTeams(org, groups), {
        developers: { app: "write" },
      });
    });

    it("refuses a layer whose workspaces differ", () => {
      const org = organization(workspaces, [], { teamAccess: [grant("ws-app-a-dev", "write")] });
      refusal(
        () => inferTeams(org, groups),
        /team developers has different access to the workspaces of layer app \(app-a-dev: write, app-b-dev: none\)/,
      );
    });
  });
});

// Upstreams outside the stack (tfc-layers:external): workspaces another stack owns, such as one
// every environment shares. The triggers live on this stack's workspaces; the source is looked up
// by name at preview; its state can only be shared by its owner, so the consumers are listed.
import * as assert from "node:assert/strict";
import { PROJECT_DIR, type StackFile } from "../offline/stackFile";
import { remoteStateReads } from "../plan/document";
import { main as plan } from "../scripts/plan";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology, type Topology } from "../topology/topology";
import { deploy, runAsHost, stackConfig } from "./fixtures";
import { ofType } from "./mocks";
import { validateTerraform } from "./terraform";

const EXTERNAL = { shared: { workspaces: ["dns-zone-global", "iam-global"] } };
const LAYERS = [
  { name: "network", workspaces: ["network-a"], dependsOn: ["shared"] },
  { name: "app", workspaces: ["app-c"], dependsOn: ["network"] },
];
const file = (layers: unknown = LAYERS, external: unknown = EXTERNAL, raw: Record<string, unknown> = {}): StackFile =>
  stackConfig({ environment: "staging", layers, raw: { "tfc-layers:external": external, ...raw } });
const topologyOf = (f: StackFile): Topology =>
  buildTopology(readStackConfig(f.config, (k) => f.secretKeys.includes(k)));
function refusal(f: StackFile): string {
  try {
    topologyOf(f);
  } catch (err) {
    return (err as Error).message;
  }
  return "accepted";
}

describe("external upstreams", () => {
  it("creates the triggers from each external workspace, looked up by name, on this stack's workspaces", async () => {
    const run = await deploy(file());
    const lookups = run.invokes.filter((i) => i.token === "tfe:index/getWorkspace:getWorkspace");
    assert.deepEqual(
      lookups.map((i) => i.args).sort((a, b) => String(a.name).localeCompare(String(b.name))),
      [
        { name: "dns-zone-global", organization: "acme" },
        { name: "iam-global", organization: "acme" },
      ],
    );
    const triggers = ofType(run, "tfe:index/runTrigger:RunTrigger").map((t) => [
      t.name,
      t.inputs.sourceableId,
      t.inputs.workspaceId,
    ]);
    assert.deepEqual(triggers.sort(), [
      ["dns-zone-global->network-a-staging", "id(dns-zone-global)", "id(network-a-staging)"],
      ["iam-global->network-a-staging", "id(iam-global)", "id(network-a-staging)"],
      ["network-a-staging->app-c-staging", "id(network-a-staging)", "id(app-c-staging)"],
    ]);
    // Nothing of the external workspaces is managed here.
    assert.deepEqual(
      ofType(run, "tfe:index/workspace:Workspace")
        .map((w) => w.name)
        .sort(),
      ["app-c-staging", "network-a-staging"],
    );
    assert.deepEqual(run.stackOutputs.externalConsumers, {
      "dns-zone-global": ["network-a-staging"],
      "iam-global": ["network-a-staging"],
    });
  });

  it("the plan lists the consumers each owner must add, reads them with labels no workspace of the stack has", async () => {
    const { code, out } = await plan(["staging", "--dir", "examples"], PROJECT_DIR, PROJECT_DIR);
    assert.equal(code, 0, out);
    assert.match(
      out,
      /dns-zone-global \(layer shared\):\n {2}queues runs in: +app-c-staging\n {2}remote-state consumers to add: app-c-staging/,
    );
    assert.match(out, /W0 -\.->\|"external"\| W2/);
    const reads = remoteStateReads(topologyOf(file()));
    const network = reads.find((r) => r.workspace === "network-a-staging")!;
    assert.deepEqual(
      network.reads.map((r) => r.workspace),
      ["dns-zone-global", "iam-global"],
    );
    const check = validateTerraform({ "main.tf": network.reads.map((r) => r.hcl).join("\n\n") });
    assert.equal(check.valid, true, JSON.stringify(check));
  });

  it("fans out to every cell of a cell layer, and counts towards the 20 sources", () => {
    const cells = [{ name: "eu" }, { name: "us" }];
    const t = topologyOf(
      file([{ name: "network", workspaces: ["vpc"], cells: "all", dependsOn: ["shared"] }], EXTERNAL, {
        "tfc-layers:cells": cells,
      }),
    );
    assert.deepEqual(t.externalTriggers.map((e) => e.name).sort(), [
      "dns-zone-global->vpc-eu-staging",
      "dns-zone-global->vpc-us-staging",
      "iam-global->vpc-eu-staging",
      "iam-global->vpc-us-staging",
    ]);
    const many = { big: { workspaces: Array.from({ length: 21 }, (_, i) => `ext-${i}`) } };
    assert.match(
      refusal(file([{ name: "n", workspaces: ["n"], dependsOn: ["big"] }], many)),
      /would have 21 source workspaces from layers external/,
    );
  });

  it("a workspace may narrow its upstreams to some external workspaces", () => {
    const t = topologyOf(
      file([{ name: "n", workspaces: [{ name: "n", upstreams: ["iam-global"] }], dependsOn: ["shared"] }]),
    );
    assert.deepEqual(t.workspaceByKey.get("n")!.externalUpstreams, ["iam-global"]);
  });

  it("a missing external workspace stops the preview with the provider's one line naming it", async function () {
    this.timeout(60_000);
    const run = await runAsHost(file(), {
      preview: true,
      typeCheck: false,
      invokeResults: {
        "tfe:index/getWorkspace:getWorkspace": (inputs) => {
          if (inputs.name === "iam-global")
            throw new Error(`could not find workspace ${inputs.organization}/${inputs.name}`);
          return { id: `ws-${inputs.name}`, name: inputs.name };
        },
      },
    });
    assert.notEqual(run.exitCode, 0);
    assert.match(
      `${run.stderr}\n${run.logs.map((l) => l.message).join("\n")}`,
      /could not find workspace acme\/iam-global/,
    );
  });

  describe("bad external layers, one line each", () => {
    const cases: [string, unknown, unknown, RegExp][] = [
      ["no workspaces", { shared: { workspaces: [] } }, LAYERS, /^tfc-layers:external\.shared\.workspaces is empty/],
      [
        "a workspace of this stack",
        { shared: { workspaces: ["network-a-staging"] } },
        LAYERS,
        /"network-a-staging" is a workspace of this stack: depend on its layer instead/,
      ],
      [
        "cells",
        { shared: { workspaces: ["x"], cells: "all" } },
        LAYERS,
        /^tfc-layers:external\.shared\.cells: an external layer is not stamped per cell/,
      ],
      [
        "the name of a layer",
        { network: { workspaces: ["x"] } },
        LAYERS,
        /^tfc-layers:external\.network is also a layer of this stack/,
      ],
      [
        "an invalid workspace name",
        { shared: { workspaces: ["dns zone"] } },
        LAYERS,
        /"dns zone" is not a TFC workspace name/,
      ],
    ];
    for (const [what, external, layers, expected] of cases)
      it(what, () => assert.match(refusal(file(layers, external)), expected));
    it("a typed read of an external layer", () => {
      const layers = [
        { name: "network", workspaces: ["network-a"], dependsOn: ["shared"], reads: { shared: ["zone_id"] } },
      ];
      assert.match(
        refusal(file(layers)),
        /reads from external layer "shared": typed reads of external upstreams are not generated yet/,
      );
    });
  });
});

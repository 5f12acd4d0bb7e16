// Renames TFC does in place: a workspace, a naming template, a cell, a layer or a tfcName. The
// workspace keeps its former TFC name as an alias (tests/identity.test.ts proves that against the
// stand-in engine) and its code stays where it was: the Terraform has not moved, so a rename that
// moved the working directory or the file triggers would plan an empty directory on the next run.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { PROJECT_DIR } from "../offline/stackFile";
import { DESTRUCTIVE_EXIT, type ReviewDocument } from "../review/document";
import { main } from "../scripts/plan";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology } from "../topology/topology";
import { type LayerFixture, type StackOptions, stackConfig } from "./fixtures";

const VCS = { repository: "acme/infra", branch: "main", oauthTokenId: "ot-abc", sharedDirectories: ["modules"] };

function topologyOf(options: StackOptions) {
  const file = stackConfig(options);
  return buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
}

/** Each workspace's TFC name, former name, directory and file triggers. */
function placesOf(options: StackOptions) {
  return topologyOf(options).workspaces.map((w) => ({
    name: w.name,
    former: w.previous?.name,
    directory: w.source.directory,
    triggerPatterns: w.source.triggerPatterns,
  }));
}

const withVcs = (raw: Record<string, unknown> = {}) => ({ "tfc-layers:vcs": VCS, ...raw });

describe("renames keep the workspace and its code where it was", () => {
  it("renamedFrom keeps the former directory and file triggers of a renamed workspace", () => {
    const layers: LayerFixture[] = [
      { name: "network", workspaces: ["network-core"], renamedFrom: { "network-core": "network-a" } },
    ];
    assert.deepEqual(placesOf({ layers, raw: withVcs() }), [
      {
        name: "network-core-dev",
        former: "network-a-dev",
        directory: "network/network-a",
        triggerPatterns: ["/network/network-a/**/*", "/modules/**/*"],
      },
    ]);
  });

  it("a directory given for the workspace is taken as it is: the stack says where the code is now", () => {
    const layers: LayerFixture[] = [
      {
        name: "network",
        workspaces: [{ name: "network-core", directory: "network/network-core" }],
        renamedFrom: { "network-core": "network-a" },
      },
    ];
    assert.equal(placesOf({ layers, raw: withVcs() })[0].directory, "network/network-core");
  });

  it("a changed naming template renames every workspace from the former template, and moves no directory", () => {
    const raw = withVcs({
      "tfc-layers:workspaceName": "{environment}-{workspace}",
      "tfc-layers:renamedFrom": { workspaceName: "{workspace}-{cell}-{environment}" },
    });
    const places = placesOf({ raw });
    assert.deepEqual(
      places.map((p) => [p.name, p.former, p.directory]),
      [
        ["dev-network-a", "network-a-dev", "network/network-a"],
        ["dev-platform-b", "platform-b-dev", "platform/platform-b"],
        ["dev-app-c", "app-c-dev", "app/app-c"],
      ],
    );
  });

  it("a renamed cell keeps the former cell in its workspaces' names and directories", () => {
    const layers: LayerFixture[] = [
      { name: "network", workspaces: ["vpc"], cells: "all", directory: "regions/{cell}/{workspace}" },
    ];
    const raw = withVcs({
      "tfc-layers:cells": [{ name: "eu" }, { name: "us-east" }],
      "tfc-layers:renamedFrom": { cells: { "us-east": "us" } },
    });
    const places = placesOf({ layers, raw });
    assert.deepEqual(
      places.map((p) => [p.name, p.former, p.directory, p.triggerPatterns?.[0]]),
      [
        ["vpc-eu-dev", undefined, "regions/eu/vpc", "/regions/eu/vpc/**/*"],
        ["vpc-us-east-dev", "vpc-us-dev", "regions/us/vpc", "/regions/us/vpc/**/*"],
      ],
    );
    // The cell's tag is its name now: tags are not code.
    const us = topologyOf({ layers, raw }).workspaces[1];
    assert.equal(us.source.tags.cell, "us-east");
  });

  it("a renamed layer keeps its directories, and its names under a template with {layer}", () => {
    const layers: LayerFixture[] = [
      { name: "core", workspaces: ["a"] },
      { name: "platform", workspaces: ["b"], dependsOn: ["core"] },
    ];
    const raw = withVcs({
      "tfc-layers:workspaceName": "{layer}-{workspace}-{environment}",
      "tfc-layers:renamedFrom": { layers: { core: "network" } },
    });
    const topology = topologyOf({ layers, raw });
    assert.deepEqual(
      topology.workspaces.map((w) => [w.name, w.previous?.name, w.source.directory]),
      [
        ["core-a-dev", "network-a-dev", "network/a"],
        ["platform-b-dev", undefined, "platform/b"],
      ],
    );
    // The trigger between them keeps its former name too.
    assert.deepEqual(
      topology.triggers.map((t) => [t.name, t.formerName]),
      [["core-a-dev->platform-b-dev", "network-a-dev->platform-b-dev"]],
    );
    assert.equal(topology.layers[0].formerName, "network");
  });

  it("an adopted workspace whose tfcName is removed follows the template, renamed from its tfcName", () => {
    const layers: LayerFixture[] = [{ name: "network", workspaces: ["network-a"] }];
    const raw = { "tfc-layers:renamedFrom": { tfcNames: { "network-a": "legacy-net" } } };
    assert.deepEqual(
      placesOf({ layers, raw }).map((p) => [p.name, p.former]),
      [["network-a-dev", "legacy-net"]],
    );
  });

  it("a workspace that keeps its tfcName while the template changes is not renamed", () => {
    const layers: LayerFixture[] = [
      { name: "network", workspaces: [{ name: "network-a", tfcName: "legacy-net" }, "b"] },
    ];
    const raw = {
      "tfc-layers:workspaceName": "{environment}-{workspace}",
      "tfc-layers:renamedFrom": { workspaceName: "{workspace}-{environment}" },
    };
    assert.deepEqual(
      placesOf({ layers, raw }).map((p) => [p.name, p.former]),
      [
        ["dev-b", "b-dev"],
        ["legacy-net", undefined],
      ],
    );
  });
});

describe("the review of a rename pulumi up would not do in place", () => {
  /** Reviews the committed dev stack, as it is, against itself changed by `change`. */
  async function reviewDev(change: (config: Record<string, unknown>) => void) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-renames-"));
    const before = parse(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.dev.yaml"), "utf8")).config;
    const after = structuredClone(before);
    change(after);
    fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), stringify({ config: after }));
    fs.writeFileSync(path.join(dir, "before.yaml"), stringify({ config: before }));
    const { code, out } = await main(["dev", "--diff-file", "before.yaml", "--json"], dir, dir);
    return { code, doc: JSON.parse(out) as ReviewDocument };
  }

  it("a changed template without its former one: one rename to declare, not three unrelated deletions", async () => {
    const { code, doc } = await reviewDev((c) => {
      c["tfc-layers:workspaceName"] = "{environment}-{workspace}";
    });
    assert.equal(code, DESTRUCTIVE_EXIT);
    const renames = doc.steps.filter((s) => s.includes("renames 3 workspaces"));
    assert.equal(renames.length, 1, doc.steps.join("\n"));
    assert.match(renames[0], /network-a-dev -> dev-network-a/);
    assert.match(renames[0], /add tfc-layers:renamedFrom: \{workspaceName: "\{workspace\}-\{cell\}-\{environment\}"\}/);
  });

  it("with the former template declared, nothing is deleted and no rename is left to declare", async () => {
    const { code, doc } = await reviewDev((c) => {
      c["tfc-layers:workspaceName"] = "{environment}-{workspace}";
      c["tfc-layers:renamedFrom"] = { workspaceName: "{workspace}-{cell}-{environment}" };
    });
    assert.notEqual(code, DESTRUCTIVE_EXIT);
    assert.equal(doc.summary.delete, 0);
    assert.deepEqual(
      doc.steps.filter((s) => s.includes("rename")),
      [],
    );
  });

  it("a workspace given another TFC name: the tfcNames entry that renames it in place", async () => {
    const { doc } = await reviewDev((c) => {
      const layers = c["tfc-layers:layers"] as { name: string; workspaces: unknown[] }[];
      layers[0].workspaces = [{ name: "network-a", tfcName: "core-network" }];
    });
    assert.deepEqual(
      doc.steps.filter((s) => s.includes("is a rename")),
      [
        "network-a-dev -> core-network is a rename of workspace network-a: as written it is deleted with its state and run history and created anew. TFC renames it in place: add tfc-layers:renamedFrom: {tfcNames: {network-a: network-a-dev}}.",
      ],
    );
  });
});

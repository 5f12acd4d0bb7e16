// Code source: directories, versions, trigger patterns, tags, project and credentials
// attachment, derived from the stack config, and what the program registers from them.
import * as assert from "node:assert/strict";
import { commitRuns, exampleCommits } from "../topology/commits";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology } from "../topology/topology";
import { CREDENTIALS, deploy, type LayerFixture, SEED_LAYERS, type StackOptions, stackConfig } from "./fixtures";
import { byName, ofType } from "./mocks";

const VCS = { repository: "acme/infra", branch: "main", oauthTokenId: "ot-abc", sharedDirectories: ["modules/"] };
const WORKSPACE = "tfe:index/workspace:Workspace";

function topologyOf(options: StackOptions) {
  const file = stackConfig(options);
  return buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
}
const sourceOf = (options: StackOptions, key: string) => topologyOf(options).workspaceByKey.get(key)!.source;

describe("code source", () => {
  it("puts each workspace in <layer>/<workspace> unless its layer's template or its own entry says otherwise", () => {
    const layers: LayerFixture[] = [
      { name: "network", workspaces: ["net-a"] },
      {
        name: "platform",
        workspaces: ["k8s", { name: "db", directory: "./databases/main/" }],
        directory: "stacks/{layer}-{workspace}",
      },
    ];
    const topology = topologyOf({ layers });
    const dirs = topology.workspaces.map((w) => [w.key, w.source.directory]);
    assert.deepEqual(dirs, [
      ["net-a", "network/net-a"],
      ["db", "databases/main"],
      ["k8s", "stacks/platform-k8s"],
    ]);
  });

  it("takes the Terraform version from the workspace, else its layer, else the stack", () => {
    const layers: LayerFixture[] = [
      { name: "network", workspaces: ["a", { name: "b", terraformVersion: "1.9.8" }], terraformVersion: "~> 1.10.0" },
      { name: "app", workspaces: ["c"] },
    ];
    const options = { layers, raw: { "tfc-layers:terraformVersion": ">= 1.5.0, < 2.0.0" } };
    assert.equal(sourceOf(options, "a").terraformVersion, "~> 1.10.0");
    assert.equal(sourceOf(options, "b").terraformVersion, "1.9.8");
    assert.equal(sourceOf(options, "c").terraformVersion, ">= 1.5.0, < 2.0.0");
  });

  it("sets trigger patterns only with a VCS connection: the workspace's directory and the shared ones", () => {
    assert.equal(sourceOf({}, "network-a").triggerPatterns, undefined);
    assert.deepEqual(sourceOf({ raw: { "tfc-layers:vcs": VCS } }, "network-a").triggerPatterns, [
      "/network/network-a/**/*",
      "/modules/**/*",
    ]);
  });

  it("tags every workspace with layer, environment and managed-by, then the stack's and the layer's tags", () => {
    const layers = [{ ...SEED_LAYERS[0], tags: { "cost-center": "net" } }, ...SEED_LAYERS.slice(1)];
    const tags = sourceOf({ layers, raw: { "tfc-layers:tags": { team: "platform" } } }, "network-a").tags;
    assert.deepEqual(tags, {
      layer: "network",
      environment: "dev",
      "managed-by": "tfc-layers",
      team: "platform",
      "cost-center": "net",
    });
  });

  it("allows two workspaces one directory only when the stack says so", () => {
    const layers = [{ name: "network", workspaces: ["a", "b"], directory: "{layer}" }];
    assert.throws(() => topologyOf({ layers }), /both plan directory "network"/);
    const topology = topologyOf({ layers, raw: { "tfc-layers:allowSharedDirectories": true } });
    assert.deepEqual(
      topology.workspaces.map((w) => w.source.directory),
      ["network", "network"],
    );
  });

  describe("what the program registers", () => {
    it("connects every workspace to the repository, never queues a first run, and sets its version and tags", async () => {
      const run = await deploy(
        stackConfig({ raw: { "tfc-layers:vcs": VCS, "tfc-layers:terraformVersion": "1.11.4" } }),
      );
      for (const ws of ofType(run, WORKSPACE)) {
        assert.equal(ws.inputs.queueAllRuns, false, ws.name);
        assert.deepEqual(ws.inputs.vcsRepo, {
          identifier: "acme/infra",
          branch: "main",
          oauthTokenId: "ot-abc",
          ingressSubmodules: false,
        });
        assert.equal(ws.inputs.fileTriggersEnabled, true);
        assert.equal(ws.inputs.terraformVersion, "1.11.4");
        assert.equal(ws.inputs.triggerPrefixes, undefined, "never together with triggerPatterns");
      }
      const network = byName(run, WORKSPACE, "network-a-dev");
      assert.equal(network.inputs.workingDirectory, "network/network-a");
      assert.deepEqual(network.inputs.triggerPatterns, ["/network/network-a/**/*", "/modules/**/*"]);
    });

    it("without a VCS connection the workspaces stay CLI-driven, still without first runs", async () => {
      const run = await deploy(stackConfig());
      for (const ws of ofType(run, WORKSPACE)) {
        assert.equal(ws.inputs.vcsRepo, undefined);
        assert.equal(ws.inputs.triggerPatterns, undefined);
        assert.equal(ws.inputs.queueAllRuns, false);
      }
    });

    it("creates the project and attaches the credentials to it once when every workspace takes them", async () => {
      const run = await deploy(
        stackConfig({ credentials: CREDENTIALS, raw: { "tfc-layers:project": { name: "layers-dev" } } }),
      );
      const [project] = ofType(run, "tfe:index/project:Project");
      assert.equal(project.inputs.name, "layers-dev");
      for (const ws of ofType(run, WORKSPACE)) assert.equal(ws.inputs.projectId, project.id);
      assert.equal(ofType(run, "tfe:index/projectVariableSet:ProjectVariableSet").length, 1);
      assert.equal(ofType(run, "tfe:index/workspaceVariableSet:WorkspaceVariableSet").length, 0);
    });

    it("attaches per workspace when a layer opts out or the project is not the program's", async () => {
      const optOut = [{ ...SEED_LAYERS[0], sharedCredentials: false }, ...SEED_LAYERS.slice(1)];
      for (const options of [
        { layers: optOut, raw: { "tfc-layers:project": { name: "layers-dev" } } },
        { raw: { "tfc-layers:project": { id: "prj-abc123" } } },
      ]) {
        const run = await deploy(stackConfig({ credentials: CREDENTIALS, ...options }));
        assert.equal(ofType(run, "tfe:index/projectVariableSet:ProjectVariableSet").length, 0);
        assert.ok(ofType(run, "tfe:index/workspaceVariableSet:WorkspaceVariableSet").length >= 2);
      }
      const existing = await deploy(stackConfig({ raw: { "tfc-layers:project": { id: "prj-abc123" } } }));
      assert.equal(ofType(existing, "tfe:index/project:Project").length, 0);
      for (const ws of ofType(existing, WORKSPACE)) assert.equal(ws.inputs.projectId, "prj-abc123");
    });

    it("an existing project given by id with its name registers exactly what the id alone does", async () => {
      const registered = async (project: unknown) =>
        (await deploy(stackConfig({ credentials: CREDENTIALS, raw: { "tfc-layers:project": project } }))).resources
          .map((r) => `${r.urn} ${JSON.stringify(r.inputs)}`)
          .sort();
      const withName = await registered({ id: "prj-abc123", name: "layers-dev" });
      assert.deepEqual(withName, await registered({ id: "prj-abc123" }));
      assert.ok(!withName.some((r) => r.includes("tfe:index/project:Project")), "no project is created");
    });

    it("refuses an existing project's name TFC would not accept, asking for the name TFC shows", () => {
      assert.throws(() => topologyOf({ raw: { "tfc-layers:project": { id: "prj-abc123", name: "a/b" } } }), {
        message:
          'tfc-layers:project.name "a/b" is not a name TFC accepts: give the existing project\'s name as TFC shows it (3 to 40 letters, digits, "_", "-" and inner spaces)',
      });
    });

    it("adding a repository, a project, a version and tags renames nothing", async () => {
      const urns = async (options: StackOptions) =>
        (await deploy(stackConfig(options))).resources
          .filter((r) => r.type.startsWith("tfe:index/workspace") || r.type.startsWith("tfe:index/runTrigger"))
          .map((r) => r.urn)
          .sort();
      const extras = {
        "tfc-layers:vcs": VCS,
        "tfc-layers:project": { id: "prj-abc123" },
        "tfc-layers:terraformVersion": "1.11.4",
        "tfc-layers:tags": { team: "platform" },
      };
      assert.deepEqual(await urns({ raw: extras }), await urns({}));
    });
  });
});

describe("commits", () => {
  const topology = topologyOf({ raw: { "tfc-layers:vcs": VCS } });

  it("a change in a workspace's directory queues its run by VCS, then the trigger cascade downstream", () => {
    const c = commitRuns(topology, { repository: VCS.repository, touched: ["network/network-a/vpc"] });
    assert.deepEqual(c.vcsRuns, ["network-a"]);
    assert.deepEqual(
      [...c.triggerRuns],
      [
        ["platform-b", 1n],
        ["app-c", 2n],
      ],
    );
    assert.deepEqual(c.duplicates, []);
  });

  it("a change in a shared directory queues every workspace, and reports the downstream runs queued twice", () => {
    const c = commitRuns(topology, { repository: VCS.repository, touched: ["modules"] });
    assert.deepEqual(c.vcsRuns, ["network-a", "platform-b", "app-c"]);
    assert.deepEqual(c.duplicates, ["platform-b", "app-c"]);
    assert.equal(c.triggerRuns.get("app-c"), 3n);
  });

  it("with a repository per layer, a commit queues runs only in the workspaces that plan from its repository", () => {
    const layers = [
      { name: "network", workspaces: ["network-a"], vcs: { repository: "acme/network", oauthTokenId: "ot-n" } },
      { name: "app", workspaces: ["app-c"], dependsOn: ["network"] },
    ];
    const t = topologyOf({ layers, raw: { "tfc-layers:vcs": VCS } });
    assert.equal(t.workspaceByKey.get("network-a")!.source.vcs?.repository, "acme/network");
    assert.equal(t.workspaceByKey.get("app-c")!.source.vcs?.repository, VCS.repository);
    // The same directory name in the other repository is another place.
    const network = commitRuns(t, { repository: "acme/network", touched: ["network/network-a"] });
    assert.deepEqual(network.vcsRuns, ["network-a"]);
    assert.deepEqual([...network.triggerRuns.keys()], ["app-c"]);
    assert.deepEqual(commitRuns(t, { repository: VCS.repository, touched: ["network/network-a"] }).vcsRuns, []);
    assert.deepEqual(
      exampleCommits(t).map((c) => `${c.repository}:${c.touched.join(",")}`),
      ["acme/network:network/network-a", `${VCS.repository}:app/app-c`, `${VCS.repository}:modules`],
    );
  });

  it("a layer's workspaces connect to its own repository, the others to the stack's", async () => {
    const layers = [
      {
        name: "network",
        workspaces: ["network-a"],
        vcs: { repository: "acme/network", branch: "stable", oauthTokenId: "ot-n" },
      },
      { name: "app", workspaces: ["app-c"], dependsOn: ["network"] },
    ];
    const run = await deploy(stackConfig({ layers, raw: { "tfc-layers:vcs": VCS } }));
    const repo = (name: string) =>
      byName(run, "tfe:index/workspace:Workspace", name).inputs.vcsRepo as Record<string, unknown>;
    assert.deepEqual(
      [repo("network-a-dev").identifier, repo("network-a-dev").branch, repo("network-a-dev").oauthTokenId],
      ["acme/network", "stable", "ot-n"],
    );
    assert.equal(repo("app-c-dev").identifier, VCS.repository);
  });

  it("a layer's own repository takes the stack's rules: one credential, a valid identifier", () => {
    const bad = (vcs: object) => {
      try {
        topologyOf({ layers: [{ name: "network", workspaces: ["network-a"], vcs }] });
        return "accepted";
      } catch (err) {
        return (err as Error).message;
      }
    };
    assert.match(
      bad({ repository: "network" }),
      /^tfc-layers:layers: layer "network" vcs\.repository "network" must be <organization>\/<repository>/,
    );
    assert.match(
      bad({ repository: "acme/n", oauthTokenId: "ot-a", githubAppInstallationId: "ghain-b" }),
      /^tfc-layers:layers: layer "network" vcs/,
    );
  });

  it("a change elsewhere queues nothing, and without VCS no commit queues anything", () => {
    assert.deepEqual(commitRuns(topology, { repository: VCS.repository, touched: ["docs"] }).vcsRuns, []);
    assert.deepEqual(
      commitRuns(topologyOf({}), { repository: VCS.repository, touched: ["network/network-a"] }).vcsRuns,
      [],
    );
  });
});

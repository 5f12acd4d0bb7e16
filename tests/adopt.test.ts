// Adopting an existing organization in place: from the article's own example as a Terraform state
// of the tfe provider, a stack file the CLI and the plan accept, an import file in the CLI's format
// whose every resource the program registers under exactly that type, name and parent, and a first
// `pulumi up` against the stand-in engine, seeded with the import file, that creates and deletes
// nothing.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { adopt, adoptedStackFile } from "../adopt/adoption";
import { organizationFromState } from "../adopt/fromState";
import { runStack } from "../offline/runStack";
import { PROJECT_DIR } from "../offline/stackFile";
import { main as adoptMain } from "../scripts/adopt";
import { main as planMain } from "../scripts/plan";
import type { Organization } from "../topology/adoption/organization";
import { runAsHost } from "./fixtures";
import { importUrns } from "./importFile";

const FIXTURE = path.join(__dirname, "fixtures", "adopt", "article.tfstate");
const SECRETS = ["AKIAADOPTEDVALUE0007", "adopted-secret-value-0008"];
const state = () => JSON.parse(fs.readFileSync(FIXTURE, "utf8"));

/** The same state as `terraform show -json` prints it. */
function asShowJson(v4: { resources: Record<string, unknown>[] }) {
  return {
    format_version: "1.0",
    terraform_version: "1.11.4",
    values: {
      root_module: {
        resources: v4.resources.map((r) => ({
          address: `${r.type}.${r.name}`,
          mode: r.mode,
          type: r.type,
          name: r.name,
          provider_name: "registry.terraform.io/hashicorp/tfe",
          values: (r.instances as { attributes: unknown }[])[0].attributes,
          sensitive_values: {},
        })),
      },
    },
  };
}

describe("adopting an existing organization", () => {
  let org: Organization;
  before(() => {
    org = organizationFromState(state(), "article.tfstate");
  });

  it("reads the state's workspaces, triggers, consumers and credentials, never a sensitive value", () => {
    assert.deepEqual(
      org.workspaces.map((w) => [w.name, w.remoteStateConsumerIds.length]),
      [
        ["network-a", 2],
        ["platform-b", 1],
        ["app-c", 0],
      ],
    );
    assert.equal(org.runTriggers.length, 3);
    assert.deepEqual(
      org.variableSets[0].variables.map((v) => [v.key, v.sensitive, v.value]),
      [
        ["AWS_ACCESS_KEY_ID", true, undefined],
        ["AWS_SECRET_ACCESS_KEY", true, undefined],
      ],
    );
    const text = JSON.stringify(org);
    for (const secret of SECRETS) assert.equal(text.includes(secret), false, `${secret} was read`);
    assert.deepEqual(
      organizationFromState(asShowJson(state()), "shown.json"),
      org,
      "terraform show -json reads the same",
    );
  });

  it("writes a stack file the CLI's rules and npm run plan accept, and prints the secrets to set", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-adopt-"));
    const { code, out } = await adoptMain(["dev", "--from-state", FIXTURE, "--out", dir], PROJECT_DIR);
    assert.equal(code, 0, out);
    for (const secret of SECRETS) assert.equal(out.includes(secret), false);
    assert.match(
      out,
      /pulumi config set --secret --path 'tfc-layers:staticCredentials\.shared-creds\.AWS_SECRET_ACCESS_KEY' <its value>/,
    );
    const text = fs.readFileSync(path.join(dir, "Pulumi.dev.yaml"), "utf8");
    for (const secret of SECRETS) assert.equal(text.includes(secret), false);
    fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    const plan = (await planMain(["dev", `--dir=${dir}`], dir, dir)) as { code: number; out: string };
    assert.equal(plan.code, 0, plan.out);
    assert.match(plan.out, /network-a->platform-b/);
    const layers = parse(text).config["tfc-layers:layers"].map((l: { name: string; dependsOn?: string[] }) => [
      l.name,
      l.dependsOn ?? [],
    ]);
    assert.deepEqual(layers, [
      ["network", []],
      ["platform", ["network"]],
      ["app", ["network", "platform"]],
    ]);
  });

  it("the import file names what the program registers, with the ids the provider's importers take", async () => {
    const result = await adopt(org, { stack: "dev" });
    const byType = (type: string) =>
      result.importFile.resources.filter((r) => r.type === type).map((r) => [r.logicalName, r.id]);
    assert.deepEqual(byType("tfe:index/workspace:Workspace"), [
      ["network-a", "ws-NETWORKa00000001"],
      ["platform-b", "ws-PLATFORMb0000002"],
      ["app-c", "ws-APPc000000000003"],
    ]);
    assert.deepEqual(byType("tfe:index/runTrigger:RunTrigger").sort(), [
      ["network-a->app-c", "rt-AtoC000000000003"],
      ["network-a->platform-b", "rt-AtoB000000000001"],
      ["platform-b->app-c", "rt-BtoC000000000002"],
    ]);
    assert.deepEqual(byType("tfe:index/variable:Variable"), [
      ["credentials/shared-creds/AWS_ACCESS_KEY_ID", "acme/varset-SHAREDcreds00001/var-KEYID00000000001"],
      ["credentials/shared-creds/AWS_SECRET_ACCESS_KEY", "acme/varset-SHAREDcreds00001/var-SECRET0000000002"],
    ]);
    assert.deepEqual(
      byType("tfe:index/workspaceVariableSet:WorkspaceVariableSet").find(([name]) =>
        String(name).endsWith("/network-a"),
      ),
      ["credentials/shared-creds/network-a", "acme/network-a/shared-creds"],
    );
    assert.deepEqual(result.created, [], "nothing to create: every object exists");
    assert.equal(result.review.summary.replace + result.review.summary.delete + result.review.summary.add, 0);
  });

  it("pulumi up against the stand-in engine seeded with the import file creates and deletes nothing", async function () {
    this.timeout(60_000);
    const result = await adopt(org, { stack: "dev" });
    const olds = [...importUrns(result.importFile, "dev").values()];
    const run = await runAsHost(adoptedStackFile("dev", result.adoption.config), {
      preview: false,
      typeCheck: false,
      olds,
    });
    assert.equal(run.exitCode, 0, run.stderr);
    const urns = run.resources.map((r) => r.urn).filter((u) => !u.endsWith("pulumi:pulumi:Stack::tfc-layers-dev"));
    assert.deepEqual(
      urns.filter((u) => !olds.includes(u)),
      [],
      "creates",
    );
    assert.deepEqual(
      olds.filter((u) => !urns.includes(u)),
      [],
      "deletes",
    );
    // What the report says changes is all in place: every changed resource is one the import file adopts.
    const changed = result.review.resources.map((c) => c.name);
    const adopted = new Set(result.importFile.resources.map((r) => r.logicalName));
    assert.ok(changed.length > 0);
    for (const name of changed) assert.ok(adopted.has(name), `${name} changes without being adopted`);
  });
});

describe("adopted workspaces and the lifecycle", () => {
  it("with the lifecycle on, runs are made only for workspaces the program creates", async () => {
    const { deploy, stackConfig } = await import("./fixtures");
    const run = await deploy(
      stackConfig({
        layers: [
          { name: "network", workspaces: ["network-a"] },
          { name: "app", workspaces: ["app-c", "app-new"], dependsOn: ["network"] },
        ],
        raw: {
          "tfc-layers:vcs": { repository: "acme/infra", oauthTokenId: "ot-abc" },
          "tfc-layers:lifecycle": { applyOnCreate: true },
          "tfc-layers:adopted": ["network-a", "app-c"],
        },
      }),
    );
    const runs = run.resources.filter((r) => r.type === "tfe:index/workspaceRun:WorkspaceRun");
    assert.deepEqual(
      runs.map((r) => r.name),
      ["lifecycle-dev-app-new-dev"],
    );
    // Its upstream was adopted and has no run: it waits for the upstream's settings, not for a run.
    const settings = run.resources.find((r) => r.name === "app-new-dev-settings")!;
    assert.ok(runs[0].dependencies.includes(settings.urn));
  });

  it("refuses an adopted workspace no layer has", async () => {
    const { refusalOf, stackConfig } = await import("./fixtures");
    assert.equal(
      refusalOf(stackConfig({ raw: { "tfc-layers:adopted": ["network-z"] } })),
      'tfc-layers:adopted lists "network-z", which no layer has: list the workspaces as written in tfc-layers:layers',
    );
  });
});

describe("what adoption refuses or flags, one line each, before any file is written", () => {
  type State = {
    resources: { type: string; name: string; provider: string; instances: { attributes: Record<string, unknown> }[] }[];
  };
  const changed = (change: (s: State) => void) => {
    const s = state() as State;
    change(s);
    return s;
  };
  const attrs = (s: State, type: string, name: string) =>
    s.resources.find((r) => r.type === type && r.name === name)!.instances[0].attributes;
  const run = async (s: unknown, ...flags: string[]) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-adopt-"));
    fs.writeFileSync(path.join(dir, "state.json"), JSON.stringify(s));
    const result = await adoptMain(["dev", "--from-state", "state.json", "--out", "out", ...flags], dir);
    return { ...result, wrote: fs.existsSync(path.join(dir, "out")) };
  };
  const cases: [string, () => unknown, RegExp][] = [
    [
      "a state of another provider",
      () =>
        changed((s) => {
          for (const r of s.resources) r.provider = 'provider["registry.terraform.io/hashicorp/aws"]';
        }),
      /^error: state\.json holds no resource of the tfe provider \(only of provider\["registry\.terraform\.io\/hashicorp\/aws"\]\)/,
    ],
    ["not a state", () => ({ hello: 1 }), /^error: state\.json is neither a state of format 4/],
    [
      "a cycle in the existing triggers",
      () =>
        changed((s) =>
          s.resources.push({
            type: "tfe_run_trigger",
            name: "c_to_a",
            provider: s.resources[0].provider,
            mode: "managed",
            instances: [
              {
                attributes: {
                  id: "rt-CtoA",
                  workspace_id: "ws-NETWORKa00000001",
                  sourceable_id: "ws-APPc000000000003",
                },
              },
            ],
          } as never),
        ),
      /^error: the existing run triggers form a cycle, network-a -> platform-b -> app-c -> network-a \(TFC let it exist\)/,
    ],
    [
      "a trigger from a workspace the state does not hold",
      () =>
        changed((s) => {
          attrs(s, "tfe_run_trigger", "a_to_b").sourceable_id = "ws-ELSEWHERE0000009";
        }),
      /^error: run triggers come from ws-ELSEWHERE0000009, which the source holds no workspace for/,
    ],
    [
      "a trigger inside one inferred layer",
      () =>
        changed((s) => {
          attrs(s, "tfe_workspace", "app_c").name = "platform-c";
        }),
      /^error: workspaces platform-b and platform-c would both be in layer platform though a run trigger links them: give them different layers with --layers <file>/,
    ],
    [
      "a set attached to part of a layer",
      () =>
        changed((s) => {
          s.resources = s.resources.filter((r) => r.name !== "shared_creds_app_c");
          attrs(s, "tfe_workspace", "app_c").name = "app-c";
          s.resources.push({
            ...s.resources.find((r) => r.name === "app_c")!,
            name: "app_d",
            instances: [
              { attributes: { ...attrs(s, "tfe_workspace", "app_c"), id: "ws-APPd000000000004", name: "app-d" } },
            ],
          });
          s.resources.push({
            ...s.resources.find((r) => r.name === "shared_creds_network_a")!,
            name: "x",
            instances: [
              {
                attributes: {
                  id: "x",
                  variable_set_id: "varset-SHAREDcreds00001",
                  workspace_id: "ws-APPd000000000004",
                },
              },
            ],
          });
        }),
      /^error: variable set shared-creds is attached to app-d but not to app-c of layer app/,
    ],
    [
      "an input the provider replaces on change (a terraform variable becomes an env credential)",
      () =>
        changed((s) => {
          attrs(s, "tfe_variable", "aws_key_id").category = "terraform";
        }),
      /^error: adopting credentials\/shared-creds\/AWS_ACCESS_KEY_ID \(tfe:index\/variable:Variable\) would replace it: category differs/,
    ],
  ];
  for (const [what, make, expected] of cases) {
    it(what, async () => {
      const result = await run(make());
      assert.equal(result.code, 1, result.out);
      assert.match(result.out, expected);
      assert.equal(result.out.trimEnd().split("\n").length, 1, "one line");
      assert.equal(result.wrote, false, "nothing written");
    });
  }

  it("flags a reader that loses state access: global remote state becomes explicit consumers", async () => {
    const s = changed((x) => {
      attrs(x, "tfe_workspace", "app_c").global_remote_state = true;
    });
    const result = await run(s);
    assert.equal(result.code, 0, result.out);
    assert.match(
      result.out,
      /Flagged: network-a, platform-b can read app-c's state now and no longer after adoption \(global remote state is replaced by explicit consumers\)/,
    );
    assert.match(result.out, /globalRemoteState: true -> false/);
  });
});

describe("the convergence report's formats and the --layers mapping", () => {
  const run = async (...flags: string[]) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-adopt-"));
    return { dir, ...(await adoptMain(["dev", "--from-state", FIXTURE, "--out", dir, ...flags], PROJECT_DIR)) };
  };

  it("prints the report as text, markdown or JSON, the review's formats", async () => {
    const text = await run();
    assert.match(text.out, /names: network-a, platform-b, app-c do not end in -dev, so no template gives them/);
    assert.match(text.out, /^~ tfe:index\/workspace:Workspace {2}network-a\n {6}description: /m);
    const markdown = await run("--markdown");
    assert.match(markdown.out, /^### tfc-layers `dev`: 0 to add, 4 to change, 0 to replace, 0 to delete$/m);
    const json = JSON.parse((await run("--json")).out);
    assert.deepEqual(json.summary, { add: 0, change: 4, replace: 0, delete: 0, destructive: 0, hazards: 0 });
    // Adoption keeps the set without priority and trigger-queued runs waiting: no hazard.
    assert.deepEqual(json.hazards, []);
    assert.deepEqual(json.created, []);
  });

  it("--layers gives the layer where the names cannot tell, and refuses a workspace not in the selection", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-layers-"));
    fs.writeFileSync(path.join(dir, "layers.json"), JSON.stringify({ "network-a": "core", "platform-b": "core2" }));
    const mapped = await run("--layers", path.join(dir, "layers.json"));
    assert.equal(mapped.code, 0, mapped.out);
    const names = parse(fs.readFileSync(path.join(mapped.dir, "Pulumi.dev.yaml"), "utf8")).config[
      "tfc-layers:layers"
    ].map((l: { name: string }) => l.name);
    assert.deepEqual(names, ["core", "core2", "app"]);
    fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ "network-z": "core" }));
    const bad = await run("--layers", path.join(dir, "bad.json"));
    assert.deepEqual(
      [bad.code, bad.out],
      [
        1,
        "error: --layers names network-z, which is not a workspace of the selection: use the workspaces' TFC names\n",
      ],
    );
  });
});

describe("adoption keeps how the organization behaves, or flags what changes", () => {
  type Attributes = Record<string, unknown>;
  type State = { resources: { type: string; name: string; instances: { attributes: Attributes }[] }[] };
  const attrs = (s: State, name: string) => s.resources.find((r) => r.name === name)!.instances[0].attributes;
  const registered = async (org: Organization) => {
    const result = await adopt(org, { stack: "dev" });
    const run = await runStack(adoptedStackFile("dev", result.adoption.config));
    assert.equal(run.error, undefined);
    return { result, run };
  };

  it("the article: trigger-queued runs keep waiting and the set keeps yielding to workspace variables, in what the program registers", async () => {
    const { result, run } = await registered(organizationFromState(state(), "article.tfstate"));
    assert.deepEqual(
      run.resources
        .filter((r) => r.type === "tfe:index/workspace:Workspace")
        .map((r) => [r.name, r.inputs.autoApply, r.inputs.autoApplyRunTrigger]),
      [
        ["network-a", true, false],
        ["platform-b", true, false],
        ["app-c", true, false],
      ],
    );
    const set = run.resources.find((r) => r.type === "tfe:index/variableSet:VariableSet")!;
    assert.equal(set.inputs.priority, false);
    assert.equal(result.adoption.config["tfc-layers:autoApplyRunTrigger"], false);
    // Nothing of it in the report: autoApplyRunTrigger and priority stay as they are, nothing flagged.
    assert.equal(JSON.stringify(result.review.resources).match(/autoApply|"priority"/), null);
    assert.deepEqual(
      result.review.notes.filter((n) => /autoApply|priority/.test(n)),
      [],
    );
  });

  it("a set with priority keeps it; per-layer auto-apply is written where a layer differs", async () => {
    const s = state() as State;
    attrs(s, "shared_creds").priority = true;
    attrs(s, "network_a").auto_apply = false;
    attrs(s, "app_c").auto_apply_run_trigger = true;
    const { result, run } = await registered(organizationFromState(s, "changed.tfstate"));
    assert.deepEqual(
      run.resources
        .filter((r) => r.type === "tfe:index/workspace:Workspace")
        .map((r) => [r.name, r.inputs.autoApply, r.inputs.autoApplyRunTrigger]),
      [
        ["network-a", false, false],
        ["platform-b", true, false],
        ["app-c", true, true],
      ],
    );
    assert.equal(run.resources.find((r) => r.type === "tfe:index/variableSet:VariableSet")!.inputs.priority, true);
    const layers = result.adoption.config["tfc-layers:layers"] as Record<string, unknown>[];
    assert.deepEqual(
      layers.map((l) => [l.name, l.autoApply, l.autoApplyRunTrigger]),
      [
        // The stack sets autoApplyRunTrigger apart, so a layer's own autoApply says its trigger flag too.
        ["network", false, false],
        ["platform", undefined, undefined],
        ["app", undefined, true],
      ],
    );
    assert.equal(result.adoption.config["tfc-layers:allowLayerAutoApply"], true);
  });

  it("workspaces of one layer that disagree: the report flags the change in text, markdown and JSON", async () => {
    const s = state() as State;
    // A second network workspace that waits for approval where network-a applies by itself.
    s.resources.push({
      ...s.resources.find((r) => r.name === "network_a")!,
      name: "network_z",
      instances: [
        {
          attributes: {
            ...attrs(s, "network_a"),
            id: "ws-NETWORKz00000009",
            name: "network-z",
            auto_apply: false,
            // Health assessments on, where network-a has them off: the layer turns them on for both.
            assessments_enabled: true,
          },
        },
      ],
    });
    s.resources.push({
      ...s.resources.find((r) => r.name === "a_to_b")!,
      name: "z_to_b",
      instances: [
        {
          attributes: {
            id: "rt-ZtoB000000000009",
            workspace_id: "ws-PLATFORMb0000002",
            sourceable_id: "ws-NETWORKz00000009",
          },
        },
      ],
    });
    s.resources.push({
      ...s.resources.find((r) => r.name === "a_to_c")!,
      name: "z_to_c",
      instances: [
        {
          attributes: {
            id: "rt-ZtoC000000000009",
            workspace_id: "ws-APPc000000000003",
            sourceable_id: "ws-NETWORKz00000009",
          },
        },
      ],
    });
    s.resources.push({
      ...s.resources.find((r) => r.name === "shared_creds_network_a")!,
      name: "shared_creds_network_z",
      instances: [
        {
          attributes: { id: "wsvs-z", variable_set_id: "varset-SHAREDcreds00001", workspace_id: "ws-NETWORKz00000009" },
        },
      ],
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-adopt-"));
    fs.writeFileSync(path.join(dir, "state.json"), JSON.stringify(s));
    const flag =
      "Flagged: network-a's runs other than those queued by run triggers apply by themselves now and wait for approval after adoption (autoApply true -> false): the workspaces of layer network disagree (network-z: autoApply false) and a layer has one autoApply; give them different layers with --layers <file>";
    const text = await adoptMain(["dev", "--from-state", "state.json", "--out", "out"], dir);
    assert.equal(text.code, 0, text.out);
    assert.ok(text.out.includes(flag), text.out);
    assert.match(text.out, /network-a\n(?: {6}.*\n)* {6}autoApply: true -> false$/m);
    assert.ok(
      text.out.includes(
        "Flagged: network-a has health assessments off now and on after adoption: the workspaces of layer network disagree",
      ),
      text.out,
    );
    assert.match(text.out, /network-a-settings\n(?: {6}.*\n)* {6}assessmentsEnabled: false -> true$/m);
    const markdown = await adoptMain(["dev", "--from-state", "state.json", "--out", "out", "--markdown"], dir);
    assert.ok(markdown.out.includes(flag), markdown.out);
    const json = JSON.parse(
      (await adoptMain(["dev", "--from-state", "state.json", "--out", "out", "--json"], dir)).out,
    );
    assert.ok(JSON.stringify(json).includes(JSON.stringify(flag).slice(1, -1)), JSON.stringify(json));
    // network-z keeps waiting: nothing to flag for it.
    assert.equal(text.out.includes("Flagged: network-z"), false);
  });

  it("health assessments and a tag-released repository with submodules are kept; what the provider resets is flagged", async () => {
    const s = state() as State;
    // network-a has assessments through tfe_workspace_settings, platform-b on the workspace itself.
    s.resources.push({
      type: "tfe_workspace_settings",
      name: "network_a",
      instances: [
        {
          attributes: {
            id: "ws-NETWORKa00000001",
            workspace_id: "ws-NETWORKa00000001",
            execution_mode: "remote",
            global_remote_state: false,
            remote_state_consumer_ids: attrs(s, "network_a").remote_state_consumer_ids,
            assessments_enabled: true,
          },
        },
      ],
      ...{ mode: "managed", provider: 'provider["registry.terraform.io/hashicorp/tfe"]' },
    } as State["resources"][number]);
    Object.assign(attrs(s, "platform_b"), {
      assessments_enabled: true,
      allow_destroy_plan: false,
      structured_run_output_enabled: false,
    });
    Object.assign(attrs(s, "app_c"), { speculative_enabled: false, ssh_key_id: "sshkey-APPc000000001" });
    for (const name of ["network_a", "platform_b", "app_c"]) {
      Object.assign(attrs(s, name), {
        file_triggers_enabled: false,
        vcs_repo: [
          {
            identifier: "acme/infra",
            branch: "main",
            oauth_token_id: "ot-ACME000000000001",
            ingress_submodules: true,
            tags_regex: "^v\\d+\\.\\d+$",
          },
        ],
      });
    }
    const { result, run } = await registered(organizationFromState(s, "settings.tfstate"));
    const inputsOf = (type: string) =>
      run.resources.filter((r) => r.type === type).map((r) => [r.name, r.inputs] as const);
    assert.deepEqual(
      inputsOf("tfe:index/workspaceSettings:WorkspaceSettings").map(([n, i]) => [n, i.assessmentsEnabled]),
      [
        ["network-a-settings", true],
        ["platform-b-settings", true],
        ["app-c-settings", false],
      ],
    );
    for (const [name, inputs] of inputsOf("tfe:index/workspace:Workspace")) {
      const vcsRepo = inputs.vcsRepo as { ingressSubmodules?: boolean; tagsRegex?: string };
      assert.deepEqual(
        [vcsRepo.ingressSubmodules, vcsRepo.tagsRegex, inputs.fileTriggersEnabled],
        [true, "^v\\d+\\.\\d+$", false],
        name,
      );
    }
    assert.equal(result.adoption.config["tfc-layers:healthAssessments"], true);
    const layers = result.adoption.config["tfc-layers:layers"] as Record<string, unknown>[];
    assert.deepEqual(
      layers.map((l) => [l.name, l.healthAssessments]),
      [
        ["network", undefined],
        ["platform", undefined],
        ["app", false],
      ],
    );
    // Kept as they are: no change to report on either.
    assert.equal(JSON.stringify(result.review.resources).match(/assessmentsEnabled|vcsRepo|tagsRegex/), null);
    const flagged = result.review.notes.filter((n) => n.startsWith("Flagged:"));
    assert.deepEqual(
      flagged.map((n) => n.split(" now ")[0]),
      [
        "Flagged: platform-b refuses destroy plans",
        "Flagged: platform-b shows runs as plain logs",
        "Flagged: app-c runs no speculative plans",
        "Flagged: app-c has the SSH key sshkey-APPc000000001",
      ],
    );
  });
});

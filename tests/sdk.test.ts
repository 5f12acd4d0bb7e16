// The hand-written @pulumi/tfe must behave like the generated one: tokens, property names,
// secret handling, required properties, get(), and the parameterized package registration.
import * as assert from "node:assert/strict";
import * as tfe from "@pulumi/tfe";
import { byName, ofType, runProgram, secretInput } from "./mocks";

const PACKAGE_JSON = { remote: { url: "registry.opentofu.org/hashicorp/tfe", version: "0.70.0" } };

interface ClassCase {
  readonly token: string;
  /** Every argument the class takes, as a user would pass them. */
  readonly args: Record<string, unknown>;
  /** Inputs that must arrive as secrets; the rest must arrive as passed, under the same name. */
  readonly secrets?: readonly string[];
  /** Required properties; constructing without them must throw. */
  readonly required: readonly string[];
  readonly construct: (name: string, args: Record<string, unknown>) => unknown;
  readonly get: (name: string, id: string) => unknown;
}

// The casts stand for a user's typed call: the table holds each class's full argument set.
const classCases: ClassCase[] = [
  {
    token: "tfe:index/workspace:Workspace",
    args: {
      name: "network-a-dev",
      organization: "acme",
      autoApply: true,
      autoApplyRunTrigger: true,
      allowDestroyPlan: false,
      assessmentsEnabled: true,
      description: "d",
      fileTriggersEnabled: false,
      forceDelete: false,
      projectId: "prj-1",
      queueAllRuns: false,
      speculativeEnabled: true,
      tagNames: ["layer"],
      tags: { layer: "network" },
      terraformVersion: "1.9.0",
      triggerPatterns: ["**/*.tf"],
      triggerPrefixes: ["modules/"],
      workingDirectory: "network",
      sourceName: "tfc-layers",
      sourceUrl: "https://example.com",
      vcsRepo: {
        identifier: "acme/network",
        branch: "main",
        oauthTokenId: "ot-1",
        ingressSubmodules: false,
        tagsRegex: "v.*",
      },
    },
    required: [],
    construct: (name, args) => new tfe.Workspace(name, args as tfe.WorkspaceArgs),
    get: (name, id) => tfe.Workspace.get(name, id),
  },
  {
    token: "tfe:index/workspaceSettings:WorkspaceSettings",
    args: {
      workspaceId: "ws-1",
      executionMode: "agent",
      agentPoolId: "apool-1",
      globalRemoteState: false,
      remoteStateConsumerIds: ["ws-2", "ws-3"],
      autoApply: false,
      assessmentsEnabled: true,
      description: "d",
      tags: { a: "b" },
    },
    required: ["workspaceId"],
    construct: (name, args) => new tfe.WorkspaceSettings(name, args as unknown as tfe.WorkspaceSettingsArgs),
    get: (name, id) => tfe.WorkspaceSettings.get(name, id),
  },
  {
    token: "tfe:index/runTrigger:RunTrigger",
    args: { workspaceId: "ws-down", sourceableId: "ws-up" },
    required: ["sourceableId", "workspaceId"],
    construct: (name, args) => new tfe.RunTrigger(name, args as unknown as tfe.RunTriggerArgs),
    get: (name, id) => tfe.RunTrigger.get(name, id),
  },
  {
    token: "tfe:index/variableSet:VariableSet",
    args: {
      name: "shared-credentials-dev",
      description: "d",
      organization: "acme",
      global: false,
      priority: true,
      parentProjectId: "prj-1",
    },
    required: [],
    construct: (name, args) => new tfe.VariableSet(name, args as tfe.VariableSetArgs),
    get: (name, id) => tfe.VariableSet.get(name, id),
  },
  {
    token: "tfe:index/variable:Variable",
    args: {
      key: "AWS_SECRET_ACCESS_KEY",
      category: "env",
      value: "s3cr3t",
      valueWo: "s3cr3t-wo",
      sensitive: true,
      hcl: false,
      description: "d",
      variableSetId: "varset-1",
      workspaceId: "ws-1",
    },
    secrets: ["value", "valueWo"],
    required: ["category", "key"],
    construct: (name, args) => new tfe.Variable(name, args as unknown as tfe.VariableArgs),
    get: (name, id) => tfe.Variable.get(name, id),
  },
  {
    token: "tfe:index/workspaceVariableSet:WorkspaceVariableSet",
    args: { variableSetId: "varset-1", workspaceId: "ws-1" },
    required: ["variableSetId", "workspaceId"],
    construct: (name, args) => new tfe.WorkspaceVariableSet(name, args as unknown as tfe.WorkspaceVariableSetArgs),
    get: (name, id) => tfe.WorkspaceVariableSet.get(name, id),
  },
  {
    token: "tfe:index/project:Project",
    args: { name: "layers", description: "d", organization: "acme", tags: { a: "b" } },
    required: [],
    construct: (name, args) => new tfe.Project(name, args as tfe.ProjectArgs),
    get: (name, id) => tfe.Project.get(name, id),
  },
  {
    token: "tfe:index/projectVariableSet:ProjectVariableSet",
    args: { projectId: "prj-1", variableSetId: "varset-1" },
    required: ["projectId", "variableSetId"],
    construct: (name, args) => new tfe.ProjectVariableSet(name, args as unknown as tfe.ProjectVariableSetArgs),
    get: (name, id) => tfe.ProjectVariableSet.get(name, id),
  },
  {
    token: "tfe:index/notificationConfiguration:NotificationConfiguration",
    args: {
      name: "approvals",
      destinationType: "generic",
      workspaceId: "ws-1",
      enabled: true,
      url: "https://hooks.example.com/x",
      token: "hmac",
      tokenWo: "hmac-wo",
      triggers: ["run:needs_attention", "run:errored"],
      emailAddresses: ["a@example.com"],
      emailUserIds: ["user-1"],
    },
    secrets: ["url", "token", "tokenWo"],
    required: ["destinationType", "workspaceId"],
    construct: (name, args) =>
      new tfe.NotificationConfiguration(name, args as unknown as tfe.NotificationConfigurationArgs),
    get: (name, id) => tfe.NotificationConfiguration.get(name, id),
  },
  {
    token: "tfe:index/workspaceRun:WorkspaceRun",
    args: {
      workspaceId: "ws-1",
      apply: {
        manualConfirm: false,
        waitForRun: true,
        retry: true,
        retryAttempts: 3,
        retryBackoffMin: 1,
        retryBackoffMax: 30,
      },
      destroy: { manualConfirm: false, waitForRun: true },
    },
    required: ["workspaceId"],
    construct: (name, args) => new tfe.WorkspaceRun(name, args as unknown as tfe.WorkspaceRunArgs),
    get: (name, id) => tfe.WorkspaceRun.get(name, id),
  },
  {
    token: "tfe:index/teamAccess:TeamAccess",
    args: {
      teamId: "team-1",
      workspaceId: "ws-1",
      permissions: [
        {
          runs: "plan",
          variables: "read",
          stateVersions: "read-outputs",
          sentinelMocks: "none",
          workspaceLocking: false,
          runTasks: false,
        },
      ],
    },
    required: ["teamId", "workspaceId"],
    construct: (name, args) => new tfe.TeamAccess(name, args as unknown as tfe.TeamAccessArgs),
    get: (name, id) => tfe.TeamAccess.get(name, id),
  },
  {
    token: "tfe:index/teamProjectAccess:TeamProjectAccess",
    args: {
      access: "custom",
      teamId: "team-1",
      projectId: "prj-1",
      projectAccesses: [{ settings: "read", teams: "none", variableSets: "none" }],
      workspaceAccesses: [{ runs: "apply", variables: "read", stateVersions: "read", create: false }],
    },
    required: ["access", "projectId", "teamId"],
    construct: (name, args) => new tfe.TeamProjectAccess(name, args as unknown as tfe.TeamProjectAccessArgs),
    get: (name, id) => tfe.TeamProjectAccess.get(name, id),
  },
];

/** Minimal valid args per class, so a test can drop one required property at a time. */
const minimalArgs: Record<string, Record<string, unknown>> = {
  "tfe:index/workspaceSettings:WorkspaceSettings": { workspaceId: "ws-1" },
  "tfe:index/runTrigger:RunTrigger": { workspaceId: "ws-1", sourceableId: "ws-2" },
  "tfe:index/variable:Variable": { key: "K", category: "env" },
  "tfe:index/workspaceVariableSet:WorkspaceVariableSet": { variableSetId: "v", workspaceId: "w" },
  "tfe:index/projectVariableSet:ProjectVariableSet": { projectId: "p", variableSetId: "v" },
  "tfe:index/notificationConfiguration:NotificationConfiguration": { destinationType: "generic", workspaceId: "w" },
  "tfe:index/workspaceRun:WorkspaceRun": { workspaceId: "w" },
  "tfe:index/teamAccess:TeamAccess": { teamId: "t", workspaceId: "w", access: "read" },
  "tfe:index/teamProjectAccess:TeamProjectAccess": { access: "read", projectId: "p", teamId: "t" },
};

function assertPackageRegistration(run: Awaited<ReturnType<typeof runProgram>>): void {
  assert.equal(run.packages.length, 1, "the SDK registers its package once per deployment");
  const [pkg] = run.packages;
  assert.equal(pkg.name, "terraform-provider");
  assert.equal(pkg.version, "1.1.3");
  assert.equal(pkg.downloadUrl, "");
  assert.ok(pkg.parameterization);
  assert.equal(pkg.parameterization.name, "tfe");
  assert.equal(pkg.parameterization.version, "0.70.0");
  assert.deepEqual(JSON.parse(Buffer.from(pkg.parameterization.base64Value, "base64").toString("utf8")), PACKAGE_JSON);
}

describe("sdks/tfe", () => {
  for (const c of classCases) {
    const className = c.token.split(":")[2];
    describe(className, () => {
      it("registers its token, inputs and secrets with the package reference", async () => {
        const run = await runProgram(() => {
          c.construct("subject", c.args);
        });
        assertPackageRegistration(run);
        const resource = byName(run, c.token, "subject");
        assert.equal(resource.custom, true);
        assert.equal(resource.packageRef, "mock-uuid", "the resource must carry the ref registerPackage answered");
        assert.deepEqual(Object.keys(resource.inputs).sort(), Object.keys(c.args).sort(), `${className} input names`);
        for (const [key, value] of Object.entries(c.args)) {
          if (c.secrets?.includes(key)) {
            assert.deepEqual(secretInput(resource, key), value, `${className}.${key} arrives as a secret`);
          } else {
            assert.deepEqual(resource.inputs[key], value, `${className}.${key}`);
          }
        }
      });

      for (const key of c.required) {
        it(`throws the generated-style error when '${key}' is missing`, () => {
          const args = { ...minimalArgs[c.token] };
          delete args[key];
          assert.throws(() => c.construct("incomplete", args), { message: `Missing required property '${key}'` });
        });
      }

      it("get() reads an existing resource by id", async () => {
        const run = await runProgram(() => {
          c.get("existing", "id-123");
        });
        const read = byName(run, c.token, "existing");
        assert.equal(read.read, true);
        assert.equal(read.id, "id-123");
        assert.equal(read.packageRef, "mock-uuid");
      });

      it("isInstance recognises its own instances only", async () => {
        await runProgram(() => {
          const subject = c.construct("subject", c.args);
          const cls = (tfe as unknown as Record<string, { isInstance(o: unknown): boolean }>)[className];
          assert.equal(cls.isInstance(subject), true);
          const other = className === "RunTrigger" ? tfe.Project : tfe.RunTrigger;
          assert.equal(other.isInstance(subject), false);
        });
      });
    });
  }

  it("Provider registers as pulumi:providers:tfe through the package", async () => {
    const run = await runProgram(() => {
      new tfe.Provider("explicit", { organization: "acme", hostname: "tfe.example.com", sslSkipVerify: false });
    });
    assertPackageRegistration(run);
    const provider = byName(run, "pulumi:providers:tfe", "explicit");
    assert.equal(provider.packageRef, "mock-uuid");
    assert.equal(provider.inputs.organization, "acme");
    assert.equal(provider.inputs.hostname, "tfe.example.com");
  });

  it("getOutputs, getWorkspace and getTeam invoke their tokens through the package", async () => {
    const run = await runProgram(
      async () => {
        const outputs = await tfe.getOutputs({ organization: "acme", workspace: "network-a-dev" });
        assert.deepEqual(outputs.nonsensitiveValues, { vpc_id: "vpc-1" });
        tfe.getOutputsOutput({ organization: "acme", workspace: "platform-b-dev" });
        const ws = await tfe.getWorkspace({ organization: "acme", name: "app-c-dev" });
        assert.equal(ws.executionMode, "remote");
        tfe.getWorkspaceOutput({ organization: "acme", name: "app-c-dev" });
        const team = await tfe.getTeam({ organization: "acme", name: "release" });
        assert.equal(team.id, "team-release");
        tfe.getTeamOutput({ organization: "acme", name: "developers" });
      },
      {},
      {
        invokeResults: {
          "tfe:index/getOutputs:getOutputs": (inputs) => ({
            ...inputs,
            values: {},
            nonsensitiveValues: { vpc_id: "vpc-1" },
          }),
          "tfe:index/getWorkspace:getWorkspace": (inputs) => ({ ...inputs, executionMode: "remote" }),
          "tfe:index/getTeam:getTeam": (inputs) => ({ ...inputs, id: `team-${inputs.name}` }),
        },
      },
    );
    assertPackageRegistration(run);
    const tokens = run.invokes.map((i) => `${i.token} ${i.args.workspace ?? i.args.name}`).sort();
    assert.deepEqual(tokens, [
      "tfe:index/getOutputs:getOutputs network-a-dev",
      "tfe:index/getOutputs:getOutputs platform-b-dev",
      "tfe:index/getTeam:getTeam developers",
      "tfe:index/getTeam:getTeam release",
      "tfe:index/getWorkspace:getWorkspace app-c-dev",
      "tfe:index/getWorkspace:getWorkspace app-c-dev",
    ]);
    for (const invoke of run.invokes) {
      assert.equal(invoke.packageRef, "mock-uuid", `${invoke.token} passes the package ref`);
    }
  });

  it("config getters read the tfe namespace", async () => {
    await runProgram(
      () => {
        assert.equal(tfe.config.organization, "acme");
        assert.equal(tfe.config.hostname, "tfe.example.com");
        assert.equal(tfe.config.sslSkipVerify, true);
        assert.equal(tfe.config.token, undefined);
      },
      { "tfe:organization": "acme", "tfe:hostname": "tfe.example.com", "tfe:sslSkipVerify": "true" },
    );
  });

  it("the SDK's package.json carries the pulumi block the CLI reads", () => {
    const pkg = require("@pulumi/tfe/package.json");
    assert.equal(pkg.name, "@pulumi/tfe");
    assert.equal(pkg.version, "0.70.0");
    assert.deepEqual(pkg.pulumi.parameterization.name, "tfe");
    assert.equal(pkg.pulumi.resource, true);
    assert.equal(pkg.pulumi.name, "terraform-provider");
    assert.equal(pkg.pulumi.version, "1.1.3");
    assert.equal(pkg.pulumi.parameterization.version, "0.70.0");
    assert.deepEqual(
      JSON.parse(Buffer.from(pkg.pulumi.parameterization.value, "base64").toString("utf8")),
      PACKAGE_JSON,
    );
  });

  it("every resource class the SDK exports is covered by the table above", () => {
    // Guards the table above: every class of the SDK is exercised.
    const exported = Object.keys(tfe).filter((k) => /^[A-Z]/.test(k) && k !== "Provider");
    assert.deepEqual(exported.sort(), classCases.map((c) => c.token.split(":")[2]).sort());
  });
});

describe("ofType helper", () => {
  it("filters by token", async () => {
    const run = await runProgram(() => {
      new tfe.RunTrigger("one", { workspaceId: "a", sourceableId: "b" });
      new tfe.Project("two", { name: "p" });
    });
    assert.deepEqual(
      ofType(run, "tfe:index/runTrigger:RunTrigger").map((r) => r.name),
      ["one"],
    );
  });
});

// Team access, who approves, approval per layer and named credential sets: the rules directly,
// then what the program registers for them, and the trust documents scaffold writes.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { trustDocuments } from "../cloudTrust/trustDocuments";
import { PROJECT_DIR } from "../offline/stackFile";
import { securityPlan } from "../plan/security";
import { main as scaffoldMain } from "../scripts/scaffold";
import { approversOf, canApprove, widenedPermissions } from "../topology/access/access";
import { simulateCascade } from "../topology/cascade";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology, type Topology } from "../topology/topology";
import { readDoc } from "./docs";
import { deploy, runAsHost, SEED_LAYERS, stackConfig } from "./fixtures";
import { ofType, SecretValue } from "./mocks";

const TEAM_ACCESS = "tfe:index/teamAccess:TeamAccess";
const PROJECT_ACCESS = "tfe:index/teamProjectAccess:TeamProjectAccess";
const VARIABLE = "tfe:index/variable:Variable";
const VARIABLE_SET = "tfe:index/variableSet:VariableSet";
const ATTACHMENT = "tfe:index/workspaceVariableSet:WorkspaceVariableSet";

type Raw = Record<string, unknown>;
const topologyOf = (raw: Raw, autoApply = false, layers: unknown = SEED_LAYERS): Topology => {
  const file = stackConfig({ environment: "prod", autoApply, layers, raw });
  return buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
};
const plain = (value: unknown) =>
  value !== null && typeof value === "object" && "value" in (value as object)
    ? (value as { value: unknown }).value
    : value;

describe("team access", () => {
  it("a team with one access on every workspace of a project the stack owns gets one project access", () => {
    const t = topologyOf({
      "tfc-layers:project": { name: "layers-prod" },
      "tfc-layers:teams": { release: { "*": "write" } },
    });
    assert.deepEqual(t.access[0].project, { access: "write" });
    // Without the project the stack owns: one per workspace.
    const own = topologyOf({ "tfc-layers:teams": { release: { "*": "write" } } });
    assert.equal(own.access[0].project, undefined);
    assert.deepEqual(
      own.access[0].workspaces.map((w) => w.key),
      ["network-a", "platform-b", "app-c"],
    );
  });

  it("plan and admin never become project access (no exact project level); custom does, with the same permissions", () => {
    for (const level of ["plan", "admin"]) {
      const t = topologyOf({ "tfc-layers:project": { name: "p-prod" }, "tfc-layers:teams": { devs: { "*": level } } });
      assert.equal(t.access[0].project, undefined, level);
    }
    const custom = { runs: "apply", variables: "read" };
    const t = topologyOf({ "tfc-layers:project": { name: "p-prod" }, "tfc-layers:teams": { devs: { "*": custom } } });
    assert.deepEqual(t.access[0].project, {
      access: "custom",
      permissions: {
        runs: "apply",
        variables: "read",
        stateVersions: "none",
        sentinelMocks: "none",
        workspaceLocking: false,
        runTasks: false,
      },
    });
  });

  it("a layer's own entry wins over *, and a team without * reaches only its layers", () => {
    const t = topologyOf({ "tfc-layers:teams": { devs: { "*": "plan", network: "read" }, net: { network: "admin" } } });
    const [devs, net] = t.access;
    assert.deepEqual(
      devs.workspaces.map((w) => [w.key, w.access]),
      [
        ["network-a", "read"],
        ["platform-b", "plan"],
        ["app-c", "plan"],
      ],
    );
    assert.deepEqual(
      net.workspaces.map((w) => w.key),
      ["network-a"],
    );
  });

  it("a layer key covers every cell of that layer", () => {
    const t = topologyOf(
      { "tfc-layers:cells": [{ name: "eu" }, { name: "us" }], "tfc-layers:teams": { devs: { app: "plan" } } },
      false,
      [
        { name: "network", workspaces: ["network-a"] },
        { name: "app", workspaces: ["app-c"], dependsOn: ["network"], cells: "all" },
      ],
    );
    assert.deepEqual(
      t.access[0].workspaces.map((w) => w.key),
      ["app-c@eu", "app-c@us"],
    );
  });

  it("who approves: write, admin and runs apply can; read, plan and runs plan cannot", () => {
    assert.deepEqual(
      ["read", "plan", "write", "admin"].map((l) => canApprove(l as never)),
      [false, false, true, true],
    );
    const t = topologyOf({
      "tfc-layers:teams": { release: { "*": "write" }, devs: { "*": "plan" }, ops: { network: { runs: "apply" } } },
    });
    assert.deepEqual(approversOf(t.access, "network-a"), ["ops", "release"]);
    assert.deepEqual(approversOf(t.access, "app-c"), ["release"]);
    const none = topologyOf({ "tfc-layers:teams": { devs: { "*": "plan" } } });
    assert.deepEqual(
      securityPlan(none).approvals.map((a) => a.approvers),
      [[], [], []],
    );
  });

  it("widened access: a new team, a higher level, or a custom field raised", () => {
    assert.deepEqual(widenedPermissions(undefined, "read"), ["new access"]);
    assert.deepEqual(widenedPermissions("plan", "read"), []);
    assert.deepEqual(widenedPermissions("plan", "write").slice(0, 2), [
      "runs plan -> apply",
      "variables read -> write",
    ]);
    assert.ok(widenedPermissions("write", "admin").includes("admin false -> true"));
    const narrow = {
      runs: "plan",
      variables: "none",
      stateVersions: "read-outputs",
      sentinelMocks: "none",
      workspaceLocking: false,
      runTasks: false,
    } as const;
    assert.deepEqual(widenedPermissions(narrow, { ...narrow, stateVersions: "read" }), [
      "stateVersions read-outputs -> read",
    ]);
  });

  it("the program: one TeamAccess per team and workspace, one TeamProjectAccess for the project, a named team looked up once", async () => {
    const run = await deploy(
      stackConfig({
        environment: "prod",
        autoApply: false,
        raw: {
          "tfc-layers:project": { name: "layers-prod" },
          "tfc-layers:teams": {
            release: { "*": "write" },
            developers: { "*": "plan", network: "read" },
            "team-abc123": { app: { runs: "apply" } },
          },
        },
      }),
    );
    const access = ofType(run, TEAM_ACCESS);
    assert.deepEqual(
      access.map((r) => [r.name, r.inputs.access ?? "custom", r.inputs.teamId, r.inputs.workspaceId]).sort(),
      [
        ["developers@app-c-prod", "plan", "id(developers)", "id(app-c-prod)"],
        ["developers@network-a-prod", "read", "id(developers)", "id(network-a-prod)"],
        ["developers@platform-b-prod", "plan", "id(developers)", "id(platform-b-prod)"],
        ["team-abc123@app-c-prod", "custom", "team-abc123", "id(app-c-prod)"],
      ],
    );
    const custom = access.find((r) => r.name.startsWith("team-abc123"))!;
    assert.deepEqual(custom.inputs.permissions, [
      {
        runs: "apply",
        variables: "none",
        stateVersions: "none",
        sentinelMocks: "none",
        workspaceLocking: false,
        runTasks: false,
      },
    ]);
    const [project] = ofType(run, PROJECT_ACCESS);
    assert.deepEqual(
      [project.name, project.inputs.access, project.inputs.teamId],
      ["release@project", "write", "id(release)"],
    );
    const lookups = run.invokes.filter((i) => i.token === "tfe:index/getTeam:getTeam").map((i) => i.args.name);
    assert.deepEqual(lookups.sort(), ["developers", "release"], "a team given by id is not looked up");
  });

  it("a team that does not exist stops the preview with the provider's one line naming it", async function () {
    this.timeout(60_000);
    const run = await runAsHost(stackConfig({ raw: { "tfc-layers:teams": { relase: { "*": "write" } } } }), {
      preview: true,
      typeCheck: false,
      invokeResults: {
        "tfe:index/getTeam:getTeam": (inputs) => {
          throw new Error(`could not find team ${inputs.organization}/${inputs.name}`);
        },
      },
    });
    assert.notEqual(run.exitCode, 0);
    assert.match(`${run.stderr}\n${run.logs.map((l) => l.message).join("\n")}`, /could not find team acme\/relase/);
  });
});

describe("approval per layer", () => {
  it("a layer waits where the stack auto-applies: both flags off there only, and the cascade stops at it", async () => {
    const layers = [{ ...SEED_LAYERS[0], autoApply: false }, ...SEED_LAYERS.slice(1)];
    const file = stackConfig({ layers, webhook: "https://hooks.example.com/x" });
    const run = await deploy(file);
    const flags = ofType(run, "tfe:index/workspace:Workspace").map((w) => [
      w.name,
      w.inputs.autoApply,
      w.inputs.autoApplyRunTrigger,
    ]);
    assert.deepEqual(flags.sort(), [
      ["app-c-dev", true, true],
      ["network-a-dev", false, false],
      ["platform-b-dev", true, true],
    ]);
    const notified = ofType(run, "tfe:index/notificationConfiguration:NotificationConfiguration").map((n) => n.name);
    assert.deepEqual(notified, ["approval-notifications-dev-network-a-dev"], "only waiting runs need a reviewer");
    const t = buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
    assert.equal(simulateCascade(t, "network-a").waitsForApproval, false, "its downstreams auto-apply");
  });

  it("in a gated stack a layer auto-applies only when the stack allows it", () => {
    const layers = [{ ...SEED_LAYERS[0], autoApply: true }, ...SEED_LAYERS.slice(1)];
    assert.throws(() => topologyOf({}, false, layers), /allowLayerAutoApply/);
    const t = topologyOf({ "tfc-layers:allowLayerAutoApply": true }, false, layers);
    assert.equal(t.workspaceByKey.get("network-a")!.autoApply, true);
    assert.equal(t.workspaceByKey.get("app-c")!.autoApply, false);
    const cascade = simulateCascade(t, "network-a");
    assert.deepEqual(
      cascade.waves[0].groups.map((g) => g.outcome),
      ["wait-for-approval", "wait-for-approval"],
    );
    assert.equal(cascade.waitsForApproval, true);
  });
});

const ROLES = {
  "network-aws": {
    aws: { planRole: "arn:aws:iam::111111111111:role/net-plan", applyRole: "arn:aws:iam::111111111111:role/net-apply" },
  },
  "workload-aws": { aws: { runRole: "arn:aws:iam::222222222222:role/tfc-{layer}-{environment}" } },
};

describe("named credential sets", () => {
  const raw = { "tfc-layers:credentials": ROLES, "tfc-layers:defaultCredentials": "workload-aws" };
  const layers = [{ ...SEED_LAYERS[0], credentials: "network-aws" }, ...SEED_LAYERS.slice(1)];

  it("each layer takes its set; a value with {layer} becomes one variable set per layer", () => {
    const t = topologyOf(raw, false, layers);
    assert.deepEqual(
      t.credentialSets.variableSets.map((s) => [s.tfcName, s.workspaces]),
      [
        ["tfc-layers/prod/credentials/network-aws", ["network-a"]],
        ["tfc-layers/prod/credentials/workload-aws/app", ["app-c"]],
        ["tfc-layers/prod/credentials/workload-aws/platform", ["platform-b"]],
      ],
    );
    const app = t.credentialSets.variableSets[1].variables;
    assert.deepEqual(app, [
      { key: "TFC_AWS_PROVIDER_AUTH", value: "true" },
      { key: "TFC_AWS_RUN_ROLE_ARN", value: "arn:aws:iam::222222222222:role/tfc-app-prod" },
    ]);
  });

  it("cell values fill in per cell, and a set every workspace of an owned project takes attaches once to it", () => {
    const t = topologyOf(
      {
        "tfc-layers:project": { name: "p-prod" },
        "tfc-layers:cells": [
          { name: "eu", values: { account: "111111111111" } },
          { name: "us", values: { account: "333333333333" } },
        ],
        "tfc-layers:credentials": { aws: { aws: { runRole: "arn:aws:iam::{account}:role/{layer}" } } },
        "tfc-layers:defaultCredentials": "aws",
      },
      false,
      [{ name: "network", workspaces: ["network-a"], cells: "all" }],
    );
    assert.deepEqual(
      t.credentialSets.variableSets.map((s) => [s.resourceName, s.variables[1].value, s.onProject]),
      [
        ["credentials/aws/network/eu", "arn:aws:iam::111111111111:role/network", false],
        ["credentials/aws/network/us", "arn:aws:iam::333333333333:role/network", false],
      ],
    );
    const one = topologyOf(
      {
        "tfc-layers:project": { name: "p-prod" },
        "tfc-layers:credentials": { aws: ROLES["network-aws"] },
        "tfc-layers:defaultCredentials": "aws",
      },
      false,
    );
    assert.equal(one.credentialSets.variableSets[0].onProject, true);
  });

  it("the program: priority sets, plain role ARNs, attachments only where the layer takes the set", async () => {
    const run = await deploy(stackConfig({ environment: "prod", autoApply: false, layers, raw }));
    for (const set of ofType(run, VARIABLE_SET)) assert.equal(set.inputs.priority, true, set.name);
    const attachments = ofType(run, ATTACHMENT).map((a) => [a.name, a.inputs.workspaceId]);
    assert.deepEqual(attachments.sort(), [
      ["credentials/network-aws/network-a-prod", "id(network-a-prod)"],
      ["credentials/workload-aws/app/app-c-prod", "id(app-c-prod)"],
      ["credentials/workload-aws/platform/platform-b-prod", "id(platform-b-prod)"],
    ]);
    const variables = ofType(run, VARIABLE).filter((v) => v.name.startsWith("credentials/network-aws/"));
    assert.deepEqual(
      variables.map((v) => [v.inputs.key, plain(v.inputs.value), v.inputs.sensitive]),
      [
        ["TFC_AWS_PROVIDER_AUTH", "true", false],
        ["TFC_AWS_PLAN_ROLE_ARN", "arn:aws:iam::111111111111:role/net-plan", false],
        ["TFC_AWS_APPLY_ROLE_ARN", "arn:aws:iam::111111111111:role/net-apply", false],
      ],
    );
  });

  it("static sets: sensitive variables whose values arrive as secrets (the leak scan is in safety.test.ts)", async () => {
    const secrets = { DD_API_KEY: "dd-secret-value-0005", DD_APP_KEY: "dd-secret-value-0006" };
    const file = stackConfig({
      raw: {
        "tfc-layers:staticCredentials": {
          datadog: Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, { secure: v }])),
        },
        "tfc-layers:defaultCredentials": "datadog",
      },
      credentials: { AWS_ACCESS_KEY_ID: "AKIAEXAMPLEVALUE0001" },
    });
    const run = await deploy(file);
    const variables = ofType(run, VARIABLE).filter((v) => v.name.startsWith("credentials/datadog/"));
    assert.deepEqual(
      variables.map((v) => [v.inputs.key, v.inputs.sensitive]),
      [
        ["DD_API_KEY", true],
        ["DD_APP_KEY", true],
      ],
    );
    for (const v of variables) {
      assert.ok(v.inputs.value instanceof SecretValue, `${v.name} arrives as a secret`);
      assert.deepEqual(plain(v.inputs.value), secrets[v.inputs.key as keyof typeof secrets]);
    }
  });

  it("the subjects each identity trusts name exactly the workspaces and phases that use it", () => {
    const t = topologyOf({ ...raw, "tfc-layers:project": { name: "layers-prod" } }, false, layers);
    const byRole = Object.fromEntries(t.credentialSets.trusted.map((i) => [i.identity, i.subjects]));
    const subject = (ws: string, phase: string) =>
      `organization:acme:project:layers-prod:workspace:${ws}:run_phase:${phase}`;
    assert.deepEqual(byRole, {
      "arn:aws:iam::111111111111:role/net-apply": [subject("network-a-prod", "apply")],
      "arn:aws:iam::111111111111:role/net-plan": [subject("network-a-prod", "plan")],
      "arn:aws:iam::222222222222:role/tfc-app-prod": [subject("app-c-prod", "plan"), subject("app-c-prod", "apply")],
      "arn:aws:iam::222222222222:role/tfc-platform-prod": [
        subject("platform-b-prod", "plan"),
        subject("platform-b-prod", "apply"),
      ],
    });
  });
});

describe("trust documents (npm run scaffold)", () => {
  const layers = [
    { name: "network", workspaces: ["network-a"], credentials: ["net-aws", "all-azure"] },
    {
      name: "platform",
      workspaces: ["platform-b"],
      dependsOn: ["network"],
      credentials: ["all-azure", "gcp", "vault"],
    },
    { name: "app", workspaces: ["app-c", "app-d"], dependsOn: ["platform"], credentials: ["app-aws", "vault"] },
  ];
  const raw = {
    "tfc-layers:project": { name: "Layers Prod" },
    "tfc-layers:credentials": {
      "net-aws": {
        aws: {
          planRole: "arn:aws:iam::111111111111:role/net-plan",
          applyRole: "arn:aws:iam::111111111111:role/net-apply",
        },
      },
      "app-aws": { aws: { runRole: "arn:aws:iam::222222222222:role/app", audience: "sts.example" } },
      "all-azure": { azure: { runClientId: "00000000-0000-0000-0000-00000000000a", tenantId: "t" } },
      gcp: {
        gcp: {
          workloadProviderName: "projects/1/locations/global/workloadIdentityPools/p/providers/tfc",
          runServiceAccountEmail: "tfc@acme.iam.gserviceaccount.com",
        },
      },
      vault: { vault: { address: "https://vault.example.com", planRole: "reader", applyRole: "writer" } },
    },
  };
  const t = topologyOf(raw, false, layers);
  const docs = trustDocuments("prod", t.credentialSets.trusted, {
    hostname: t.hostname,
    organization: "acme",
    project: "Layers Prod",
  });
  const byPath = new Map(docs.map((d) => [d.path, d.content]));
  /** "<workspace> <phase>" pairs a list of subjects allows, `run_phase:*` standing for both phases. */
  const pairs = (subjects: string[]) =>
    subjects
      .flatMap((s) => {
        const m = /^organization:acme:project:Layers Prod:workspace:([^:]+):run_phase:(plan|apply|\*)$/.exec(s);
        assert.ok(m, `not a subject of this organization and project: ${s}`);
        return m[2] === "*" ? [`${m[1]} plan`, `${m[1]} apply`] : [`${m[1]} ${m[2]}`];
      })
      .sort();
  const both = (...ws: string[]) => ws.flatMap((w) => [`${w}-prod apply`, `${w}-prod plan`]).sort();

  it("an AWS trust policy per role: the audience, and exactly the subjects of the workspaces and phases that use it", () => {
    const policy = (file: string) => JSON.parse(byPath.get(`trust/prod/aws/${file}`)!).Statement[0];
    const app = policy("222222222222-app.json");
    assert.equal(app.Principal.Federated, "arn:aws:iam::222222222222:oidc-provider/app.terraform.io");
    assert.equal(app.Action, "sts:AssumeRoleWithWebIdentity");
    assert.deepEqual(app.Condition.StringEquals, { "app.terraform.io:aud": "sts.example" });
    assert.deepEqual(pairs(app.Condition.StringLike["app.terraform.io:sub"]), both("app-c", "app-d"));
    const plan = policy("111111111111-net-plan.json");
    assert.equal(plan.Condition.StringLike, undefined, "one phase: exact match");
    assert.deepEqual(pairs(plan.Condition.StringEquals["app.terraform.io:sub"]), ["network-a-prod plan"]);
    assert.deepEqual(pairs(policy("111111111111-net-apply.json").Condition.StringEquals["app.terraform.io:sub"]), [
      "network-a-prod apply",
    ]);
  });

  it("Azure federated credentials, one per workspace and phase; a GCP condition; Vault roles per phase", () => {
    const azure = JSON.parse(byPath.get("trust/prod/azure/00000000-0000-0000-0000-00000000000a.json")!) as {
      subject: string;
      issuer: string;
      audiences: string[];
    }[];
    assert.deepEqual(pairs(azure.map((c) => c.subject)), both("network-a", "platform-b"));
    for (const c of azure)
      assert.deepEqual([c.issuer, c.audiences], ["https://app.terraform.io", ["api://AzureADTokenExchange"]]);
    const gcp = byPath.get("trust/prod/gcp/tfc@acme.iam.gserviceaccount.com.cel")!;
    assert.match(gcp, /^assertion\.terraform_organization_name == "acme" && assertion\.sub in \[/);
    assert.deepEqual(pairs(JSON.parse(gcp.slice(gcp.indexOf("["))) as string[]), both("platform-b"));
    const vault = (role: string) => JSON.parse(byPath.get(`trust/prod/vault/${role}.json`)!);
    assert.deepEqual(pairs(vault("reader").bound_claims.sub), [
      "app-c-prod plan",
      "app-d-prod plan",
      "platform-b-prod plan",
    ]);
    assert.deepEqual(pairs(vault("writer").bound_claims.sub), [
      "app-c-prod apply",
      "app-d-prod apply",
      "platform-b-prod apply",
    ]);
    assert.deepEqual(vault("reader").bound_audiences, ["vault.workload.identity"]);
    assert.equal(docs.length, 7, "one document per identity");
  });
});

describe("bad access and credentials, one line each naming the key", () => {
  const aws = (runRole: string) => ({ aws: { runRole } });
  const refusal = (raw: Raw, layers: unknown = SEED_LAYERS, autoApply = false) => {
    try {
      topologyOf(raw, autoApply, layers);
    } catch (err) {
      return (err as Error).message;
    }
    return "accepted";
  };
  const use = (set: string) => ({ "tfc-layers:defaultCredentials": set });
  const cases: [string, Raw, RegExp, unknown?][] = [
    ["teams not a map", { "tfc-layers:teams": ["release"] }, /^tfc-layers:teams must be a map of team to layers/],
    [
      "a team with no layers",
      { "tfc-layers:teams": { release: {} } },
      /^tfc-layers:teams\.release must map layers to access/,
    ],
    [
      "an access that is a number",
      { "tfc-layers:teams": { r: { network: 3 } } },
      /^tfc-layers:teams\.r\.network must be an access level/,
    ],
    [
      "custom with no permission",
      { "tfc-layers:teams": { r: { network: {} } } },
      /^tfc-layers:teams\.r\.network gives no permission/,
    ],
    [
      "an unknown permission",
      { "tfc-layers:teams": { r: { network: { run: "plan" } } } },
      /has the unknown permission "run": did you mean "runs"\?/,
    ],
    [
      "an external layer",
      { "tfc-layers:teams": { r: { shared: "read" } }, "tfc-layers:external": { shared: { workspaces: ["iam"] } } },
      /^tfc-layers:teams\.r\.shared: "shared" is an external layer/,
    ],
    [
      "a set name TFC refuses",
      { "tfc-layers:credentials": { "a/b": aws("arn:aws:iam::111111111111:role/r") } },
      /^tfc-layers:credentials has the set "a\/b"/,
    ],
    [
      "a set with no cloud",
      { "tfc-layers:credentials": { a: {} }, ...use("a") },
      /^tfc-layers:credentials\.a names no cloud/,
    ],
    [
      "an unknown field",
      { "tfc-layers:credentials": { a: { aws: { runrole: "x" } } }, ...use("a") },
      /has the unknown field "runrole": did you mean "runRole"\?/,
    ],
    [
      "an empty value",
      { "tfc-layers:credentials": { a: { aws: { runRole: "" } } }, ...use("a") },
      /^tfc-layers:credentials\.a\.aws\.runRole must be a non-empty string/,
    ],
    [
      "a default that names no set",
      { "tfc-layers:credentials": { a: aws("arn:aws:iam::111111111111:role/r") }, ...use("b") },
      /^tfc-layers:defaultCredentials names the credential set "b", which does not exist: use one of a/,
    ],
    [
      "a default that is a map",
      { "tfc-layers:defaultCredentials": { a: 1 } },
      /^tfc-layers:defaultCredentials must be a set's name or a list of them/,
    ],
    [
      "vault without an address",
      { "tfc-layers:credentials": { v: { vault: { runRole: "r" } } }, ...use("v") },
      /^tfc-layers:credentials\.v\.vault has no address/,
    ],
    [
      "a GCP principal type TFC refuses",
      {
        "tfc-layers:credentials": {
          g: { gcp: { principalType: "user", workloadProviderName: "p", runServiceAccountEmail: "e" } },
        },
        ...use("g"),
      },
      /principalType "user" is not one TFC takes/,
    ],
    [
      "GCP with the provider name and its parts",
      {
        "tfc-layers:credentials": {
          g: { gcp: { workloadProviderName: "p", projectNumber: "1", runServiceAccountEmail: "e" } },
        },
        ...use("g"),
      },
      /gives workloadProviderName and its parts/,
    ],
    [
      "GCP with only some parts",
      { "tfc-layers:credentials": { g: { gcp: { projectNumber: "1", runServiceAccountEmail: "e" } } }, ...use("g") },
      /has no workload provider: .*or all of projectNumber, workloadPoolId and workloadProviderId/,
    ],
    [
      "a workload pool with service accounts",
      {
        "tfc-layers:credentials": {
          g: { gcp: { principalType: "workload_pool", workloadProviderName: "p", runServiceAccountEmail: "e" } },
        },
        ...use("g"),
      },
      /gives service accounts with principalType workload_pool/,
    ],
    [
      "{cell} in a global layer",
      { "tfc-layers:credentials": { a: aws("arn:aws:iam::111111111111:role/{cell}") }, ...use("a") },
      /uses \{cell\}, but workspace "network-a" of layer "network" is in no cell/,
    ],
    [
      "a set variable beside the shared credentials",
      {
        "tfc-layers:sharedCredentials": { TFC_AWS_PROVIDER_AUTH: { secure: "true" } },
        "tfc-layers:credentials": { a: aws("arn:aws:iam::111111111111:role/r") },
        ...use("a"),
      },
      /takes TFC_AWS_PROVIDER_AUTH from tfc-layers:sharedCredentials and from the set "a"/,
    ],
    [
      "a dynamic and a static set of one name",
      {
        "tfc-layers:credentials": { a: aws("arn:aws:iam::111111111111:role/r") },
        "tfc-layers:staticCredentials": { a: { K: { secure: "v" } } },
        ...use("a"),
      },
      /both have the set "a"/,
    ],
    [
      "a static set with no variable",
      { "tfc-layers:staticCredentials": { a: { K: { secure: "v" } }, b: {} }, ...use("a") },
      /^tfc-layers:staticCredentials\.b has no variable/,
    ],
    [
      "a static variable name",
      { "tfc-layers:staticCredentials": { a: { "K-1": { secure: "v" } } }, ...use("a") },
      /^tfc-layers:staticCredentials\.a\.K-1: "K-1" is not a valid environment variable name/,
    ],
  ];
  for (const [what, raw, expected, layers] of cases) {
    it(what, () => assert.match(refusal(raw, layers), expected));
  }

  it("one identity with two audiences cannot get one trust document", () => {
    const t = topologyOf(
      {
        "tfc-layers:credentials": {
          a: { aws: { runRole: "arn:aws:iam::111111111111:role/r", audience: "one" } },
          b: { aws: { runRole: "arn:aws:iam::111111111111:role/r", audience: "two" } },
        },
      },
      false,
      [
        { name: "network", workspaces: ["network-a"], credentials: "a" },
        { name: "app", workspaces: ["app-c"], dependsOn: ["network"], credentials: "b" },
      ],
    );
    assert.throws(
      () =>
        trustDocuments("prod", t.credentialSets.trusted, {
          hostname: "app.terraform.io",
          organization: "acme",
          project: "p",
        }),
      /arn:aws:iam::111111111111:role\/r is used with two audiences \(one, two\)/,
    );
  });
});

describe("npm run scaffold and dynamic credentials", () => {
  const write = (config: Record<string, unknown>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-trust-"));
    fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.writeFileSync(path.join(dir, "Pulumi.prod.yaml"), stringify({ config }));
    return dir;
  };
  const config = (project: unknown) => ({
    "tfe:organization": "acme",
    "tfc-layers:environment": "prod",
    "tfc-layers:project": project,
    "tfc-layers:credentials": { a: { aws: { runRole: "arn:aws:iam::111111111111:role/r" } } },
    "tfc-layers:defaultCredentials": "a",
    "tfc-layers:layers": [{ name: "network", workspaces: ["network-a"] }],
  });

  it("writes the trust documents of a stack without a contract", () => {
    const dir = write(config({ name: "layers-prod" }));
    const result = scaffoldMain(["prod"], dir, dir) as { code: number; out: string };
    assert.equal(result.code, 0, result.out);
    const policy = JSON.parse(fs.readFileSync(path.join(dir, "trust/prod/aws/111111111111-r.json"), "utf8"));
    assert.deepEqual(policy.Statement[0].Condition.StringLike["app.terraform.io:sub"], [
      "organization:acme:project:layers-prod:workspace:network-a-prod:run_phase:*",
    ]);
  });

  it("refuses a project given by id alone, asking for its name beside the id (not for a project to create)", () => {
    const dir = write(config({ id: "prj-AbCdEfGh12345678" }));
    const result = scaffoldMain(["prod"], dir, dir) as { code: number; out: string };
    assert.equal(result.code, 1);
    assert.equal(
      result.out,
      "error: stack prod puts its workspaces in the existing project prj-AbCdEfGh12345678, and the trust documents name the project by its name (the subject claim holds names, not ids): give the existing project's name beside its id: tfc-layers:project: {id: prj-AbCdEfGh12345678, name: <its name in TFC>}\n",
    );
    assert.equal(fs.existsSync(path.join(dir, "trust")), false);
  });

  it("an existing project given by id with its name: the trust documents name it", () => {
    const dir = write(config({ id: "prj-AbCdEfGh12345678", name: "Layers Prod" }));
    const result = scaffoldMain(["prod"], dir, dir) as { code: number; out: string };
    assert.equal(result.code, 0, result.out);
    const policy = JSON.parse(fs.readFileSync(path.join(dir, "trust/prod/aws/111111111111-r.json"), "utf8"));
    assert.deepEqual(policy.Statement[0].Condition.StringLike["app.terraform.io:sub"], [
      "organization:acme:project:Layers Prod:workspace:network-a-prod:run_phase:*",
    ]);
  });

  it("the topology's subjects (what the plan and the review show) name a project given by id with its name", () => {
    const file = stackConfig({
      environment: "prod",
      autoApply: false,
      layers: [{ name: "network", workspaces: ["network-a"] }],
      raw: {
        "tfc-layers:project": { id: "prj-AbCdEfGh12345678", name: "Layers Prod" },
        "tfc-layers:credentials": { a: { aws: { runRole: "arn:aws:iam::111111111111:role/r" } } },
        "tfc-layers:defaultCredentials": "a",
      },
    });
    const topology = buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
    assert.deepEqual(
      topology.credentialSets.trusted.flatMap((t) => t.subjects),
      [
        "organization:acme:project:Layers Prod:workspace:network-a-prod:run_phase:plan",
        "organization:acme:project:Layers Prod:workspace:network-a-prod:run_phase:apply",
      ],
    );
  });
});

describe("the access page", () => {
  it("shows the committed prod stack's access and approvers as the plan prints them", async () => {
    const readme = readDoc("access-and-credentials");
    const { main: plan } = await import("../scripts/plan");
    const { out } = (await plan(["prod"])) as { out: string };
    const section = out.slice(out.indexOf("## Who may do what\n\n") + 20, out.indexOf("\nCredential sets"));
    assert.ok(section.includes("release: write") || section.includes("release (looked up by name)"), section);
    assert.ok(
      readme.includes(`\`\`\`text\n${section.trimEnd()}\n\`\`\``),
      `paste into docs/access-and-credentials.md:\n${section}`,
    );
  });
});

// The clouds' limits on what one identity may trust: Azure's count of federated identity
// credentials (refused with the stack), the lengths of AWS trust policies and GCP attribute
// conditions (refused, or noted, where npm run scaffold writes them).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import {
  AWS_TRUST_POLICY_LENGTH,
  awsPolicyLength,
  checkAwsTrustPolicy,
  checkGcpCondition,
  GCP_ATTRIBUTE_CONDITION_LENGTH,
  TrustDocumentTooLong,
} from "../cloudTrust/documentLimits";
import { trustDocuments } from "../cloudTrust/trustDocuments";
import { PROJECT_DIR } from "../offline/stackFile";
import { main as scaffoldMain } from "../scripts/scaffold";
import {
  AZURE_FEDERATED_CREDENTIALS_PER_APPLICATION,
  checkAzureFederatedCredentials,
  type LimitedIdentity,
} from "../topology/credentials/cloudLimits";
import type { TrustedIdentity } from "../topology/credentials/credentials";
import { StackConfigError } from "../topology/errors";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology } from "../topology/topology";
import { readDoc } from "./docs";
import { stackConfig } from "./fixtures";
import { loadCorpus } from "./invalidCorpus";

const CLIENT = "11111111-2222-3333-4444-555555555555";
const bothPhases = (n: number, prefix = "ws") =>
  Array.from({ length: n }, (_, i) => ({ workspace: `${prefix}-${i}`, phases: ["plan", "apply"] }));
const azure = (uses: LimitedIdentity["uses"], set = "azure-main", identity = CLIENT): LimitedIdentity => ({
  cloud: "azure",
  set,
  identity,
  uses,
});

describe("Azure: federated identity credentials per client id", () => {
  it("takes 20 (10 workspaces in both phases) and refuses 21 with the key, the client id, the count and the fix", () => {
    assert.equal(AZURE_FEDERATED_CREDENTIALS_PER_APPLICATION, 20);
    checkAzureFederatedCredentials([azure(bothPhases(10))]);
    const eleventh = { workspace: "ws-10", phases: ["plan"] };
    assert.throws(() => checkAzureFederatedCredentials([azure([...bothPhases(10), eleventh])]), {
      name: StackConfigError.name,
      message: `tfc-layers:credentials.azure-main.azure: client id ${CLIENT} would need 21 federated identity credentials (one per workspace and run phase), and Microsoft Entra ID allows 20 per application or managed identity: give each layer or cell its own client id, with a set per layer or a cell value such as runClientId: "{azureClientId}"`,
    });
  });

  it("counts a client id across the sets and audiences that give it, and each client id on its own", () => {
    const twoSets = [azure(bothPhases(6, "a")), azure(bothPhases(6, "b"), "azure-other")];
    assert.throws(
      () => checkAzureFederatedCredentials(twoSets),
      /StackConfigError: tfc-layers:credentials\.azure-main\.azure and tfc-layers:credentials\.azure-other\.azure: client id \S+ would need 24 /,
    );
    // The same workspace and phase under a second audience is no second credential here.
    checkAzureFederatedCredentials([azure(bothPhases(10)), azure(bothPhases(10))]);
    checkAzureFederatedCredentials([azure(bothPhases(10)), azure(bothPhases(10), "azure-main", "other-client")]);
    checkAzureFederatedCredentials([{ ...azure(bothPhases(30)), cloud: "aws" }]);
  });

  const cells = [
    { name: "eu", values: { region: "westeurope", azureClientId: "00000000-0000-0000-0000-0000000000e1" } },
    { name: "us", values: { region: "eastus", azureClientId: "00000000-0000-0000-0000-0000000000e2" } },
    { name: "asia", values: { region: "japaneast", azureClientId: "00000000-0000-0000-0000-0000000000e3" } },
  ];
  const layers = [
    { name: "network", workspaces: ["hub", "spoke"], cells: "all" },
    { name: "app", workspaces: ["api", "web"], dependsOn: ["network"], cells: "all" },
  ];
  const topologyWith = (runClientId: string) => {
    const file = stackConfig({
      layers,
      raw: {
        "tfc-layers:cells": cells,
        "tfc-layers:credentials": { "azure-main": { azure: { runClientId, tenantId: "t" } } },
        "tfc-layers:defaultCredentials": "azure-main",
      },
    });
    return buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
  };

  it("refuses one client id for 3 cells of 4 workspaces (24), and takes the fix it names: a client id per cell", () => {
    assert.throws(() => topologyWith(CLIENT), /client id \S+ would need 24 federated identity credentials/);
    const perCell = topologyWith("{azureClientId}").credentialSets.trusted;
    assert.deepEqual(
      perCell.map((t) => [t.identity, t.subjects.length]),
      cells.map((c) => [c.values.azureClientId, 8]).sort(),
    );
  });
});

/** A trusted identity of `workspaces` workspaces in both phases. */
const identity = (cloud: TrustedIdentity["cloud"], id: string, workspaces: number): TrustedIdentity => {
  const uses = Array.from({ length: workspaces }, (_, i) => ({
    workspace: `workspace-${String(i).padStart(3, "0")}-prod`,
    phases: ["plan", "apply"] as const,
  }));
  return { cloud, set: `${cloud}-main`, identity: id, audience: "aud", uses, subjects: [] };
};
/** Indented JSON whose compact form is exactly `length` characters. */
const jsonOfLength = (length: number) => JSON.stringify({ a: "x".repeat(length - 8) }, null, 2);

describe("AWS: the length of a role trust policy", () => {
  const role = identity("aws", "arn:aws:iam::111111111111:role/tfc", 3);

  it("counts the policy without its indentation, and passes the default quota of 2,048 characters", () => {
    assert.deepEqual(AWS_TRUST_POLICY_LENGTH, { default: 2048, maximum: 4096 });
    assert.equal(awsPolicyLength(jsonOfLength(2048)), 2048);
    assert.ok(jsonOfLength(2048).length > 2048);
    assert.equal(checkAwsTrustPolicy(role, jsonOfLength(2048)), undefined);
  });

  it("notes a policy past the default quota (it needs the quota raised), and refuses one past 4,096", () => {
    assert.equal(
      checkAwsTrustPolicy(role, jsonOfLength(4096)),
      `tfc-layers:credentials.aws-main.aws: the trust policy of role ${role.identity} is 4096 characters, past IAM's default quota of 2048 for a role trust policy: raise the "Role trust policy length" quota (at most 4096), or give each layer or cell its own role, e.g. runRole: "arn:aws:iam::{account}:role/tfc-{layer}"`,
    );
    assert.match(checkAwsTrustPolicy(role, jsonOfLength(2049))!, /is 2049 characters, past IAM's default quota/);
    assert.throws(() => checkAwsTrustPolicy(role, jsonOfLength(4097)), TrustDocumentTooLong);
    assert.throws(() => checkAwsTrustPolicy(role, jsonOfLength(4097)), {
      message: `tfc-layers:credentials.aws-main.aws: the trust policy of role ${role.identity} would be 4097 characters (for 3 workspaces), and IAM allows at most 4096 for a role trust policy, even with a raised quota: give each layer or cell its own role, e.g. runRole: "arn:aws:iam::{account}:role/tfc-{layer}"`,
    });
  });

  it("checks the documents it writes: a note past 2,048, a refusal past 4,096", () => {
    const place = { hostname: "app.terraform.io", organization: "acme", project: "layers-prod" };
    const write = (workspaces: number) =>
      trustDocuments("prod", [identity("aws", "arn:aws:iam::111111111111:role/tfc", workspaces)], place)[0];
    const small = write(10);
    assert.ok(awsPolicyLength(small.content) <= 2048 && small.note === undefined);
    const middle = write(30);
    const length = awsPolicyLength(middle.content);
    assert.ok(length > 2048 && length <= 4096, String(length));
    assert.match(middle.note!, new RegExp(`is ${length} characters, past IAM's default quota`));
    assert.throws(() => write(60), /would be \d+ characters \(for 60 workspaces\), and IAM allows at most 4096/);
  });
});

describe("GCP: the length of an attribute condition", () => {
  const account = identity("gcp", "tfc@acme.iam.gserviceaccount.com", 3);
  const pool = identity("gcp", "projects/1/locations/global/workloadIdentityPools/p/providers/tfc", 3);

  it("takes 4,096 characters and refuses 4,097, naming the fix for a service account or a workload provider", () => {
    assert.equal(GCP_ATTRIBUTE_CONDITION_LENGTH, 4096);
    checkGcpCondition(account, `${"x".repeat(4096)}\n`);
    assert.throws(() => checkGcpCondition(account, `${"x".repeat(4097)}\n`), TrustDocumentTooLong);
    assert.throws(() => checkGcpCondition(account, `${"x".repeat(4097)}\n`), {
      message: `tfc-layers:credentials.gcp-main.gcp: the attribute condition for ${account.identity} would be 4097 characters (for 3 workspaces), and a workload identity pool provider takes at most 4096: give each layer or cell its own service account, e.g. runServiceAccountEmail: "tfc-{layer}@<project>.iam.gserviceaccount.com"`,
    });
    assert.throws(() => checkGcpCondition(pool, "x".repeat(4097)), /its own workload identity pool provider$/);
  });

  it("checks the conditions it writes", () => {
    const place = { hostname: "app.terraform.io", organization: "acme", project: "layers-prod" };
    const write = (workspaces: number) =>
      trustDocuments("prod", [identity("gcp", account.identity, workspaces)], place)[0].content;
    assert.ok(write(20).length <= 4096);
    assert.throws(
      () => write(30),
      /the attribute condition for tfc@acme\.iam\.gserviceaccount\.com would be \d+ characters/,
    );
  });
});

describe("npm run scaffold and the clouds' limits", () => {
  const write = (workspaces: number) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-limits-"));
    fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    const config = {
      "tfe:organization": "acme",
      "tfc-layers:environment": "prod",
      "tfc-layers:project": { name: "layers-prod" },
      "tfc-layers:credentials": { a: { aws: { runRole: "arn:aws:iam::111111111111:role/tfc" } } },
      "tfc-layers:defaultCredentials": "a",
      "tfc-layers:layers": [
        { name: "network", workspaces: Array.from({ length: workspaces }, (_, i) => `network-${i}`) },
      ],
    };
    fs.writeFileSync(path.join(dir, "Pulumi.prod.yaml"), stringify({ config }));
    return dir;
  };

  it("writes a policy past the default quota with a note, and refuses one past 4,096 writing nothing", () => {
    const noted = write(30);
    const ok = scaffoldMain(["prod"], noted, noted) as { code: number; out: string };
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /\nnote: tfc-layers:credentials\.a\.aws: the trust policy of role \S+ is \d+ characters/);
    assert.ok(fs.existsSync(path.join(noted, "trust/prod/aws/111111111111-tfc.json")));
    const refused = write(60);
    const result = scaffoldMain(["prod"], refused, refused) as { code: number; out: string };
    assert.equal(result.code, 1);
    assert.match(
      result.out,
      /^error: tfc-layers:credentials\.a\.aws: the trust policy of role \S+ would be \d+ characters/,
    );
    assert.equal(fs.existsSync(path.join(refused, "trust")), false);
  });
});

describe("the access page on the clouds' limits", () => {
  it("shows the refusal of the corpus case for one Azure client id over 20 federated credentials", () => {
    const azureCase = loadCorpus().find((c) => c.name === "credentials-azure-over-20-federated")!;
    assert.ok(
      readDoc("access-and-credentials").includes(`\`\`\`text\nerror: ${azureCase.expect}\n\`\`\``),
      `paste into docs/access-and-credentials.md:\nerror: ${azureCase.expect}`,
    );
  });
});

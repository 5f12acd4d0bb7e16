// Adopting through the TFC API, against the loopback double only: the client's paging, pacing,
// retries and one-line refusals, then a larger organization (cells, an external upstream, a
// project, teams) adopted with nothing created but the cell variables the report names.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { adopt, adoptedStackFile } from "../adopt/adoption";
import { organizationFromApi } from "../adopt/fromApi";
import { PROJECT_DIR } from "../offline/stackFile";
import { main as adoptMain } from "../scripts/adopt";
import { apiAddress, TfcClient } from "../tfcApi/client";
import { type RecordedOrganization, startTfcDouble, type TfcDouble } from "../tfcApi/double";
import { runAsHost } from "./fixtures";
import { importUrns } from "./importFile";
import { PLATFORM, recordedOrganization, workspace } from "./tfcOrganization";

const TOKEN = "test-token-never-printed-0011";

describe("the TFC API client, against the loopback double", () => {
  let double: TfcDouble;
  afterEach(async () => double?.close());

  it("pages through a list 100 at a time, with meta.pagination", async () => {
    const org = recordedOrganization();
    const many: RecordedOrganization = {
      ...org,
      workspaces: Array.from({ length: 250 }, (_, i) => workspace(`w-${i}`, PLATFORM)),
    };
    double = await startTfcDouble(many, { token: TOKEN, rateLimit: 1000 });
    const client = new TfcClient({ address: double.address, token: TOKEN });
    const { data } = await client.all("/organizations/acme/workspaces");
    assert.equal(data.length, 250);
    assert.deepEqual(
      double.requests.map((r) => new URLSearchParams(r.query).get("page[number]")),
      ["1", "2", "3"],
    );
    assert.ok(double.requests.every((r) => new URLSearchParams(r.query).get("page[size]") === "100"));
  });

  it("retries a 429 after x-ratelimit-reset and paces itself under the announced limit", async () => {
    double = await startTfcDouble(recordedOrganization(), { token: TOKEN, throttleFirst: 2, rateLimit: 30 });
    const client = new TfcClient({ address: double.address, token: TOKEN });
    const started = Date.now();
    for (let i = 0; i < 6; i++) await client.get("/organizations/acme/projects");
    assert.equal(client.requests, 8, "two 429s retried");
    // 30 per second announced: the client keeps to 0.66 of it, about 50 ms apart.
    assert.ok(Date.now() - started >= 5 * 45, "paced");
    assert.ok(double.requests.slice(2).every((r) => r.authorized));
  });

  it("says what is wrong in one line: 401, 403 with the permission, 404, unreachable, a bad TFE_ADDRESS", async () => {
    double = await startTfcDouble(recordedOrganization(), { token: TOKEN, forbidden: [/^\/team-workspaces/] });
    const wrong = new TfcClient({ address: double.address, token: "wrong" });
    await assert.rejects(wrong.get("/organizations/acme/projects"), /the TFC API refused the token \(401\)/);
    const client = new TfcClient({ address: double.address, token: TOKEN });
    await assert.rejects(
      client.get("/team-workspaces", { "filter[workspace][id]": "ws-x" }),
      /\(403\): the token needs read access to team access/,
    );
    await assert.rejects(
      client.get("/organizations/other/projects"),
      /has no \/organizations\/other\/projects for this token \(404\)/,
    );
    // A loopback port nothing listens on.
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    await assert.rejects(
      new TfcClient({ address: `http://127.0.0.1:${port}`, token: TOKEN }).get("/organizations/acme/projects"),
      /cannot be reached \(ECONNREFUSED\)/,
    );
    assert.throws(
      () => apiAddress({ TFE_ADDRESS: "tfe.example.com" }, "x"),
      /TFE_ADDRESS "tfe\.example\.com" is not a URL/,
    );
    assert.throws(() => apiAddress({ TFE_ADDRESS: "ftp://tfe.example.com" }, "x"), /is not an http\(s\) URL/);
    assert.equal(apiAddress({}, "tfe.example.com"), "https://tfe.example.com");
  });

  it("the run-trigger list needs its type filter, as the API does", async () => {
    double = await startTfcDouble(recordedOrganization(), { token: TOKEN });
    const client = new TfcClient({ address: double.address, token: TOKEN });
    await assert.rejects(
      client.get(`/workspaces/${recordedOrganization().workspaces[2].id}/run-triggers`),
      /answered 400/,
    );
  });
});

describe("adopting a larger organization through the API", () => {
  let double: TfcDouble;
  before(async () => {
    double = await startTfcDouble(recordedOrganization(), { token: TOKEN, rateLimit: 1000 });
  });
  after(async () => double.close());
  const env = () => ({ TFE_TOKEN: TOKEN, TFE_ADDRESS: double.address });

  it("infers cells, the external upstream, the project and the teams by name", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-adopt-api-"));
    const { code, out } = await adoptMain(
      ["prod", "--from-api", "--organization", "acme", "--project", "platform", "--out", dir],
      PROJECT_DIR,
      env(),
    );
    assert.equal(code, 0, out);
    assert.equal(out.includes(TOKEN), false, "the token is never printed");
    assert.match(out, /Read the organization in \d+ API requests/);
    const config = parse(fs.readFileSync(path.join(dir, "Pulumi.prod.yaml"), "utf8")).config;
    assert.deepEqual(config["tfc-layers:cells"], [{ name: "eu" }, { name: "us" }]);
    assert.deepEqual(config["tfc-layers:external"], { upstream: { workspaces: ["iam-global"] } });
    assert.deepEqual(config["tfc-layers:project"], { id: PLATFORM });
    assert.deepEqual(config["tfc-layers:teams"], {
      developers: { app: "plan" },
      release: { app: "write", dns: "write", network: "write" },
    });
    assert.deepEqual(
      config["tfc-layers:layers"].map((l: Record<string, unknown>) => [l.name, l.cells ?? "global", l.dependsOn ?? []]),
      [
        ["dns", "global", []],
        ["network", "all", ["upstream"]],
        ["app", "all", ["dns", "network"]],
      ],
    );
    assert.ok(double.requests.every((r) => r.authorized));
  });

  it("pulumi up against the stand-in engine seeded with the import file creates only the cell variables the report names", async function () {
    this.timeout(60_000);
    const client = new TfcClient({ address: double.address, token: TOKEN });
    const org = await organizationFromApi(client, { organization: "acme", project: "platform" });
    const result = await adopt(org, { stack: "prod" });
    assert.deepEqual(
      result.created.map((c) => c.split(" ")[0]),
      Array(4).fill("tfe:index/variable:Variable"),
    );
    const olds = [...importUrns(result.importFile, "prod").values()];
    const run = await runAsHost(adoptedStackFile("prod", result.adoption.config), {
      preview: false,
      typeCheck: false,
      olds,
    });
    assert.equal(run.exitCode, 0, run.stderr);
    const urns = run.resources.map((r) => r.urn).filter((u) => !u.endsWith("::pulumi:pulumi:Stack::tfc-layers-prod"));
    const creates = urns.filter((u) => !olds.includes(u)).map((u) => u.split("::").pop()!);
    // The cell inputs and their component are what the program adds: tfc_cell has no counterpart in TFC.
    const createdNames = result.created.map((c) => c.split(" ")[1]);
    assert.deepEqual(creates.filter((n) => n !== "cell-inputs-prod").sort(), createdNames.sort());
    assert.deepEqual(
      olds.filter((u) => !urns.includes(u)),
      [],
      "deletes",
    );
    const teamIds = result.importFile.resources
      .filter((r) => r.type === "tfe:index/teamAccess:TeamAccess")
      .map((r) => r.id);
    assert.ok(teamIds.includes("acme/app-eu-prod/tws-developersappeup"), teamIds.join(", "));
  });

  it("reads the settings adoption keeps or flags: assessments, the provider's defaults, the SSH key, tags", async () => {
    const recorded = recordedOrganization();
    const changed = (w: (typeof recorded.workspaces)[number]) =>
      w.attributes?.name !== "network-eu-prod"
        ? w
        : {
            ...w,
            attributes: {
              ...w.attributes,
              "assessments-enabled": true,
              "speculative-enabled": false,
              "allow-destroy-plan": false,
              "structured-run-output-enabled": false,
              "vcs-repo": { identifier: "acme/infra", "ingress-submodules": true, "tags-regex": "^v\\d+$" },
            },
            relationships: { ...w.relationships, "ssh-key": { data: { type: "ssh-keys", id: "sshkey-NETWORK00001" } } },
          };
    const settings = await startTfcDouble(
      { ...recorded, workspaces: recorded.workspaces.map(changed) },
      { token: TOKEN, rateLimit: 1000 },
    );
    const client = new TfcClient({ address: settings.address, token: TOKEN });
    const org = await organizationFromApi(client, { organization: "acme", project: "platform" });
    await settings.close();
    const read = (name: string) => {
      const w = org.workspaces.find((x) => x.name === name)!;
      return [w.assessmentsEnabled, w.speculativeEnabled, w.allowDestroyPlan, w.structuredRunOutputEnabled, w.sshKeyId];
    };
    assert.deepEqual(read("network-eu-prod"), [true, false, false, false, "sshkey-NETWORK00001"]);
    assert.deepEqual(read("network-us-prod"), [false, true, true, true, undefined]);
    assert.deepEqual(org.workspaces.find((x) => x.name === "network-eu-prod")!.vcs, {
      identifier: "acme/infra",
      ingressSubmodules: true,
      tagsRegex: "^v\\d+$",
    });
  });

  it("refuses without a token, and says which permission a 403 lacks", async () => {
    const none = await adoptMain(["prod", "--from-api", "--organization", "acme", "--out", "x"], PROJECT_DIR, {
      TFE_ADDRESS: double.address,
    });
    assert.deepEqual(none, {
      code: 1,
      out: "error: TFE_TOKEN is not set: export a user or team token that can read the organization\n",
    });
    const forbidden = await startTfcDouble(recordedOrganization(), { token: TOKEN, forbidden: [/^\/team-workspaces/] });
    const result = await adoptMain(["prod", "--from-api", "--organization", "acme", "--out", "x"], PROJECT_DIR, {
      TFE_TOKEN: TOKEN,
      TFE_ADDRESS: forbidden.address,
    });
    await forbidden.close();
    assert.equal(result.code, 1);
    assert.match(
      result.out,
      /^error: the TFC API refused GET \/team-workspaces \(403\): the token needs read access to team access/,
    );
    assert.equal(result.out.includes(TOKEN), false);
  });
});

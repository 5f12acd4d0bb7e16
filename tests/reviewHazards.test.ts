// The review's hazards: updates in place that delete nothing yet break the next cascade, or drop
// a safeguard, unless something is done first. Each is reproduced from the committed stacks
// changed one thing at a time; the review lists it first, says what to do and exits 4 (3 stays
// for anything destructive). Security compares workspaces by identity, not by TFC name.
import * as assert from "node:assert/strict";
import type { RegisteredResource } from "../offline/registrations";
import { loadStackFile, PROJECT_DIR, topologyOf } from "../offline/stackFile";
import { DESTRUCTIVE_EXIT, HAZARD_EXIT } from "../review/document";
import { findHazards, type Hazard } from "../review/hazards";
import { matchResources } from "../review/resourceDiff";
import { changesProgram } from "../review/revisionTree";
import { committed, layer, registered, review, reviewJson } from "./reviewFixtures";

const kinds = (hazards: readonly Hazard[]) => hazards.map((h) => `${h.kind} ${h.subject}`);

describe("the review's hazardous updates in place", () => {
  it("an update that needs nothing first is no hazard: a new Terraform version exits 0", async () => {
    const after = committed("prod");
    after["tfc-layers:terraformVersion"] = "1.11.5";
    const { code, doc } = await reviewJson("prod", committed("prod"), after);
    assert.equal(doc.summary.change, 3);
    assert.deepEqual([code, doc.hazards, doc.summary.hazards], [0, [], 0]);
  });

  describe("moved code", () => {
    it("a layer renamed keeps its workspace in place but plans another directory: move the code first, exit 4", async () => {
      const after = committed("dev");
      layer(after, "platform").name = "core";
      layer(after, "app").dependsOn = ["network", "core"];
      layer(after, "app").reads = { network: ["subnet_ids"], core: ["cluster"] };
      const { code, doc } = await reviewJson("dev", committed("dev"), after);
      assert.equal(code, HAZARD_EXIT);
      assert.deepEqual(doc.destructive, []);
      const moved = doc.hazards.find((h) => h.kind === "moved-code")!;
      assert.equal(moved.subject, "platform-b-dev");
      assert.match(moved.change, /working directory "platform\/platform-b" -> "core\/platform-b"/);
      assert.match(
        moved.first,
        /^move the code first \(its Terraform to "core\/platform-b" in acme\/infrastructure-example on main, merged before pulumi up\)/,
      );
      // Listed first, before ordinary changes, in text and markdown.
      const text = (await review("dev", committed("dev"), after)).out;
      assert.match(text, /; \d hazards\.\n/);
      assert.ok(text.indexOf("## Hazards: do this before pulumi up") < text.indexOf("## Resources"), text);
      assert.match(text, /- \[moved-code\] platform-b-dev: kept in place, .* To do: move the code first/);
      const md = (await review("dev", committed("dev"), after, "--markdown")).out;
      assert.match(md.split("\n")[0], /; \d hazards :warning:$/);
      assert.ok(md.indexOf("#### Hazards: do this before pulumi up") < md.indexOf("<details>"), md);
      assert.match(md, /- \*\*moved-code\*\* platform-b-dev: .*\*\*To do:\*\* move the code first/);
    });

    it("a new branch or repository moves every workspace's code", async () => {
      const after = committed("prod");
      after["tfc-layers:vcs"] = {
        ...(after["tfc-layers:vcs"] as Record<string, unknown>),
        branch: "main",
        repository: "acme/infra",
      };
      const { code, doc } = await reviewJson("prod", committed("prod"), after);
      assert.equal(code, HAZARD_EXIT);
      assert.deepEqual(kinds(doc.hazards), [
        "moved-code app-c-prod",
        "moved-code network-a-prod",
        "moved-code platform-b-prod",
      ]);
      assert.match(
        doc.hazards[0].change,
        /repository "acme\/infrastructure-example" -> "acme\/infra"; branch "release" -> "main"/,
      );
    });
  });

  it("changed trust subjects: a project renamed changes every subject; the hazard and the Security section say to apply the trust first", async () => {
    const after = committed("prod");
    after["tfc-layers:project"] = { name: "platform-prod" };
    const { code, doc } = await reviewJson("prod", committed("prod"), after);
    assert.equal(code, HAZARD_EXIT);
    const trust = doc.hazards.filter((h) => h.kind === "trust-subjects");
    assert.deepEqual(
      trust.map((h) => h.subject),
      [
        "aws arn:aws:iam::111111111111:role/tfc-network-apply",
        "aws arn:aws:iam::111111111111:role/tfc-network-plan",
        "aws arn:aws:iam::222222222222:role/tfc-app-prod",
        "aws arn:aws:iam::222222222222:role/tfc-platform-prod",
      ],
    );
    assert.deepEqual(trust[0].items, [
      "organization:acme:project:platform-prod:workspace:network-a-prod:run_phase:apply",
    ]);
    for (const h of trust)
      assert.equal(h.first, "run npm run scaffold and apply the new trust documents before pulumi up");
    // Security says it before anything else, and says nothing about access: the workspaces are the same.
    assert.deepEqual(
      doc.security.map((c) => [c.what, c.flag]),
      trust.map(() => ["trust", "apply trust first"]),
    );
    const text = (await review("prod", committed("prod"), after)).out;
    assert.match(
      text,
      /## Security\n\n- \[apply trust first\] trust, aws arn:aws:iam::111111111111:role\/tfc-network-apply: a new subject its deployed trust does not name \(see the hazards\): run npm run scaffold and apply the new trust documents before pulumi up\n/,
    );
  });

  it("changed contract files: a reader's generated files differ; a file no longer generated where a workspace still plans is to be deleted", async () => {
    const after = committed("prod");
    layer(after, "platform").reads = { network: ["vpc_id"] };
    const { code, doc } = await reviewJson("prod", committed("prod"), after);
    assert.equal(code, HAZARD_EXIT);
    // The network's outputs file names who reads each output; the platform's reads files read less.
    assert.deepEqual(kinds(doc.hazards), ["contract-files network/network-a", "contract-files platform/platform-b"]);
    assert.deepEqual(doc.hazards[1].items, [
      "platform/platform-b/contract_reads.tf",
      "platform/platform-b/tests/contract_reads.tftest.hcl",
    ]);
    assert.equal(doc.hazards[0].first, "run npm run scaffold and commit the new files first");
    // The platform reads nothing any more: its reads files are stale where it still plans.
    const none = committed("prod");
    delete layer(none, "platform").reads;
    const stale = await reviewJson("prod", committed("prod"), none);
    const platform = stale.doc.hazards.find((h) => h.subject === "platform/platform-b")!;
    assert.match(
      platform.change,
      /no longer generated, and still in a planned directory: platform\/platform-b\/contract_reads.tf/,
    );
    assert.match(platform.first, /and delete platform\/platform-b\/contract_reads.tf, .*: scaffold removes no file\)$/);
  });

  it("protection removed, and runs that stop waiting: prod turned to auto-apply and unprotected", async () => {
    const after = committed("prod");
    after["tfc-layers:autoApply"] = true;
    // Auto-apply alone keeps prod protected (tests/safety.test.ts): protection goes only when said.
    after["tfc-layers:protect"] = false;
    const { code, doc } = await reviewJson("prod", committed("prod"), after);
    assert.equal(code, HAZARD_EXIT);
    const names = ["app-c-prod", "network-a-prod", "platform-b-prod"];
    assert.deepEqual(kinds(doc.hazards.filter((h) => h.kind !== "contract-files")), [
      ...names.map((n) => `stops-waiting ${n}`),
      ...names.map((n) => `unprotected ${n}`),
    ]);
    assert.match(doc.hazards.find((h) => h.kind === "unprotected")!.change, /^no longer protected/);
    // Said once: the approvers in Security do not repeat it.
    assert.deepEqual(
      doc.security.filter((c) => c.what === "approvers"),
      [],
    );
  });

  it("protection removed alone changes no input: still a hazard, and the review is not empty", async () => {
    // dev destroys on delete: protecting it needs destroyProtected, on both sides alike.
    const unprotected = committed("dev");
    (unprotected["tfc-layers:lifecycle"] as Record<string, unknown>).destroyProtected = true;
    const before = structuredClone(unprotected);
    before["tfc-layers:protect"] = true;
    const { code, doc } = await reviewJson("dev", before, unprotected);
    assert.deepEqual(doc.resources, []);
    assert.equal(doc.empty, false);
    assert.equal(code, HAZARD_EXIT);
    assert.deepEqual(kinds(doc.hazards), [
      "unprotected app-c-dev",
      "unprotected network-a-dev",
      "unprotected platform-b-dev",
    ]);
    // The other way round protects: nothing to say.
    assert.deepEqual((await reviewJson("dev", unprotected, before)).doc.hazards, []);
  });

  it("a credential set (with priority) newly taken by a workspace that is already there overrides its own variables", async () => {
    const after = committed("prod");
    (after["tfc-layers:credentials"] as Record<string, unknown>)["app-aws"] = {
      aws: { runRole: "arn:aws:iam::333333333333:role/app" },
    };
    layer(after, "app").credentials = "app-aws";
    const { doc } = await reviewJson("prod", committed("prod"), after);
    const overriding = doc.hazards.filter((h) => h.kind === "overriding-variable-set");
    assert.deepEqual(
      overriding.map((h) => h.subject),
      ["app-c-prod"],
    );
    assert.ok(overriding[0].items!.includes("TFC_AWS_RUN_ROLE_ARN"), String(overriding[0].items));
    assert.match(overriding[0].change, /has priority and it is newly attached to the workspace/);
  });

  describe("variable sets that start overriding, from the registered resources", () => {
    const topology = topologyOf(loadStackFile(PROJECT_DIR, "prod"));
    const resource = (type: string, name: string, inputs: Record<string, unknown>) =>
      registered("prod", type, name, inputs);
    const workspace = (name: string) => resource("tfe:index/workspace:Workspace", name, { name });
    const set = (priority: boolean) =>
      resource("tfe:index/variableSet:VariableSet", "shared", { name: "shared", priority });
    const variable = resource("tfe:index/variable:Variable", "shared-TOKEN", {
      key: "TOKEN",
      variableSetId: "id(shared)",
    });
    const attach = (name: string, ws: string) =>
      resource("tfe:index/workspaceVariableSet:WorkspaceVariableSet", name, {
        variableSetId: "id(shared)",
        workspaceId: `id(${ws})`,
      });
    const hazards = (before: RegisteredResource[], after: RegisteredResource[]) =>
      findHazards(matchResources(before, after), topology, topology);

    it("a set's priority turning on overrides the workspaces it is attached to", () => {
      const before = [workspace("w"), set(false), variable, attach("shared-w", "w")];
      const found = hazards(before, [workspace("w"), set(true), variable, attach("shared-w", "w")]);
      assert.deepEqual(
        found.map((h) => [h.kind, h.subject, h.items]),
        [["overriding-variable-set", "w", ["TOKEN"]]],
      );
      assert.match(found[0].change, /its priority turns on/);
      // Priority kept on, or never on: nothing starts overriding.
      assert.deepEqual(
        hazards(
          [...before.slice(0, 1), set(true), variable, attach("shared-w", "w")],
          before.slice(0, 1).concat(set(true), variable, attach("shared-w", "w")),
        ),
        [],
      );
      assert.deepEqual(hazards(before, before), []);
    });

    it("an attachment renamed for the same pair, or to a new workspace, starts nothing", () => {
      const before = [workspace("w"), set(true), variable, attach("old-name", "w")];
      assert.deepEqual(hazards(before, [workspace("w"), set(true), variable, attach("new-name", "w")]), []);
      assert.deepEqual(hazards(before, [...before, workspace("fresh"), attach("shared-fresh", "fresh")]), []);
      // The same attachment to a workspace that was there: it starts overriding.
      assert.deepEqual(
        kinds(hazards([...before, workspace("v")], [...before, workspace("v"), attach("shared-v", "v")])),
        ["overriding-variable-set v"],
      );
    });
  });

  it("something destructive still exits 3, with the hazards listed too", async () => {
    const after = committed("prod");
    after["tfe:organization"] = "acme-eu";
    const { code, doc } = await reviewJson("prod", committed("prod"), after);
    assert.equal(code, DESTRUCTIVE_EXIT);
    assert.ok(doc.summary.destructive > 0 && doc.summary.hazards > 0);
    assert.ok(doc.hazards.some((h) => h.kind === "trust-subjects"));
  });
});

describe("Security compares workspaces by identity, not by TFC name", () => {
  it("a workspace renamed with renamedFrom keeps its access and approvers: no loses, gets or can approve", async () => {
    const after = committed("prod");
    layer(after, "network").workspaces = ["network-core"];
    layer(after, "network").renamedFrom = { "network-core": "network-a" };
    const { doc } = await reviewJson("prod", committed("prod"), after);
    assert.deepEqual(
      doc.security.filter((c) => c.what !== "trust"),
      [],
    );
    // What does change is said, by its new name: the roles must trust its new name. Its code stays
    // where it was (tests/renames.test.ts), so nothing moves.
    assert.ok(!kinds(doc.hazards).includes("moved-code network-core-prod"));
    assert.ok(
      doc.hazards.some(
        (h) => h.kind === "trust-subjects" && h.items!.some((s) => s.includes(":workspace:network-core-prod:")),
      ),
    );
  });

  it("a real change to a renamed workspace's access is still said, by its new name", async () => {
    const after = committed("prod");
    layer(after, "network").workspaces = ["network-core"];
    layer(after, "network").renamedFrom = { "network-core": "network-a" };
    (after["tfc-layers:teams"] as Record<string, Record<string, unknown>>).developers.network = "write";
    const { doc } = await reviewJson("prod", committed("prod"), after);
    assert.deepEqual(
      doc.security.filter((c) => c.what === "team access").map((c) => `${c.workspace}: ${c.change}`),
      [
        "network-core-prod: developers: read -> write (runs read -> apply, variables read -> write, stateVersions read -> write, sentinelMocks none -> read, workspaceLocking false -> true)",
      ],
    );
  });
});

describe("a documentation-only change", () => {
  it("docs/ and markdown files do not change the program; anything else does", () => {
    assert.equal(changesProgram(["README.md", "docs/diagram.svg"]), false);
    assert.equal(changesProgram(["docs/diagram.svg", "topology/names.ts"]), true);
    assert.equal(changesProgram(["documentation.ts"]), true);
  });
});

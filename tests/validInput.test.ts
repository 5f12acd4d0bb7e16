// Valid input is accepted: what TFC and the Pulumi CLI take, the program takes too.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_DIR } from "../offline/stackFile";
import { main as plan } from "../scripts/plan";
import { main as scaffold } from "../scripts/scaffold";
import { deploy, stackConfig } from "./fixtures";
import { ofType } from "./mocks";

const VCS = { repository: "acme/infra", oauthTokenId: "ot-abc" };

/** A folder with this project's Pulumi.yaml and one stack file. */
function stackDir(stack: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-valid-"));
  fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
  fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), text);
  return dir;
}

describe("valid input is accepted", () => {
  it("terraformVersion: latest, as TFC takes it", async () => {
    const run = await deploy(stackConfig({ raw: { "tfc-layers:terraformVersion": "latest" } }));
    for (const w of ofType(run, "tfe:index/workspace:Workspace")) assert.equal(w.inputs.terraformVersion, "latest");
  });

  for (const repository of ["acme/platform/infrastructure", "acme/infra-project/_git/infrastructure"]) {
    it(`a repository identifier with more than one "/": ${repository}`, async () => {
      const run = await deploy(stackConfig({ raw: { "tfc-layers:vcs": { ...VCS, repository } } }));
      for (const w of ofType(run, "tfe:index/workspace:Workspace")) {
        assert.equal((w.inputs.vcsRepo as { identifier: string }).identifier, repository);
      }
    });
  }

  it("a stack file that imports ESC environments plans, and says their values are not visible offline", async () => {
    const committed = fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.prod.yaml"), "utf8");
    const dir = stackDir("prod", `environment:\n  - acme/tfc-credentials\n${committed}`);
    const planned = await plan(["prod"], dir, dir);
    assert.equal(planned.code, 0, planned.out);
    assert.match(planned.out, /Values from the ESC environments acme\/tfc-credentials are not visible offline/);
    const json = JSON.parse((await plan(["prod", "--json"], dir, dir)).out);
    assert.equal(json.notes.length, 1);
    // A value the environment may hold: the refusal says where it may come from.
    const missing = stackDir("prod", `environment: [acme/tfc]\n${committed.replace("  tfe:organization: acme\n", "")}`);
    const refused = await plan(["prod"], missing, missing);
    assert.equal(refused.code, 1);
    assert.match(
      refused.out,
      /^error: tfe:organization is not set: .*\(Values from the ESC environments acme\/tfc are not visible offline/,
    );
    fs.copyFileSync(path.join(dir, "Pulumi.prod.yaml"), path.join(dir, "before.yaml"));
    const reviewed = await plan(["prod", "--diff-file", "before.yaml"], dir, dir);
    assert.match(reviewed.out, /^no changes\.$/m);
    assert.match(reviewed.out, /not visible offline/);
  });

  it("the plan shows the contract variable's value, which holds no secret", async () => {
    const { out } = await plan(["dev"]);
    assert.match(
      out,
      /key: "tfc_layers"\n\s+sensitive: false\n\s+value: "\{ hostname = \\"app.terraform.io\\", organization = \\"acme\\"/,
    );
  });

  it("scaffold's help says what --force does: edited files of an unchanged contract are kept", () => {
    const { code, out } = scaffold([]);
    assert.equal(code, 2);
    assert.match(
      out,
      /--force: also replace edited files whose contract changed \(edited files of an unchanged contract hold your values and are kept\)/,
    );
  });
});

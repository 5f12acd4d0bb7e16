// tfe:token is the organization's key: written in plain text it is refused like every other
// secret, by the program, the plan and the review of the change that adds it.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_DIR } from "../offline/stackFile";
import { main } from "../scripts/plan";

describe("tfe:token in plain text", () => {
  it("the review of the change that adds it says so in one line and fails, never 'no changes'", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-token-"));
    const stack = fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.dev.yaml"), "utf8");
    fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.writeFileSync(path.join(dir, "before.yaml"), stack);
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), `${stack.trimEnd()}\n  tfe:token: token-value-0001\n`);
    const { code, out } = await main(["dev", "--diff-file", "before.yaml"], dir, dir);
    assert.equal(code, 1);
    assert.match(out, /^error: tfe:token is written in the stack file in plain text: remove it, revoke the token/);
    assert.doesNotMatch(out, /token-value-0001/);
    // Encrypted, it is an ordinary secret change.
    fs.writeFileSync(
      path.join(dir, "Pulumi.dev.yaml"),
      `${stack.trimEnd()}\n  tfe:token:\n    secure: v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBBBBBB\n`,
    );
    const encrypted = await main(["dev", "--diff-file", "before.yaml", "--json"], dir, dir);
    assert.equal(encrypted.code, 0, encrypted.out);
    assert.deepEqual(JSON.parse(encrypted.out).secrets, [{ key: "tfe:token", change: "added" }]);
  });
});

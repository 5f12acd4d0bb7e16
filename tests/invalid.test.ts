// Every invalid stack file in the corpus fails with its exact one-line message: through
// `npm run plan` with the line the user would see first (the CLI's where the CLI stops first),
// and through the program under mocks, given the config as it would arrive without the CLI's
// checks (the program's own guard).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { runStack } from "../offline/runStack";
import { loadStackFile, NO_DECLARATIONS } from "../offline/stackFile";
import { main } from "../scripts/plan";
import { readDoc } from "./docs";
import { programResources } from "./fixtures";
import { asDecrypted, CORPUS_DIR, loadCorpus, refusalRows, refusalTable, tableAfter, userSees } from "./invalidCorpus";

const corpus = loadCorpus();

describe("invalid stack corpus", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-invalid-"));
  before(() => {
    for (const c of corpus) fs.copyFileSync(path.join(CORPUS_DIR, c.file), path.join(dir, `Pulumi.${c.name}.yaml`));
  });

  it("holds at least 25 cases, each with its expected message", () => {
    assert.ok(corpus.length >= 25, `${corpus.length} cases`);
    for (const c of corpus) {
      assert.ok(c.expect, `${c.file} has no '# expect:' line`);
      assert.ok(["cli", "program", "plan"].includes(c.first), `${c.file} does not say who refuses it first`);
      assert.equal(c.first === "cli", c.cli !== undefined, `${c.file}: a '# cli:' line exactly when the CLI is first`);
      if (c.only) assert.ok(c.why, `${c.file} says only ${c.only} but not why`);
    }
  });

  for (const c of corpus) {
    describe(c.name, () => {
      if (c.only !== "program") {
        it("npm run plan: status 1 and exactly the line the user sees first", async () => {
          const { code, out } = await main([c.name], dir);
          assert.equal(out, `${userSees(c)}\n`);
          assert.equal(code, 1);
        });
      }
      if (c.only !== "plan") {
        it("the program: exactly the message, as a RunError, with nothing registered", async () => {
          const run = await runStack(asDecrypted(loadStackFile(dir, c.name, NO_DECLARATIONS), c.decrypted));
          assert.ok(run.error instanceof Error, "the program should refuse this config");
          assert.equal(run.error.message, c.expect);
          assert.ok(pulumi.RunError.isInstance(run.error), "a RunError, which the CLI prints without a stack trace");
          assert.deepEqual(
            programResources(run).map((r) => r.urn),
            [],
          );
        });
      }
    });
  }

  it("the configuration reference lists every refusal as the corpus records it: who refuses first and the line the user sees", () => {
    const readme = readDoc("configuration");
    const rows = refusalRows(corpus);
    assert.deepEqual(
      tableAfter(readme, "## Who refuses what"),
      rows,
      `paste into docs/configuration.md:\n${refusalTable(rows)}`,
    );
  });

  it("every message is one line", () => {
    for (const c of corpus) assert.equal(`${c.expect}${c.cli ?? ""}`.includes("\n"), false, c.file);
  });
});

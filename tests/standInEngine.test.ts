// The stand-in engine refuses what the real engine refuses, so the language-host tests can fail
// the way `pulumi up` would: two resources with one URN, and two resources claiming one old
// resource through aliases. Each case is a small JavaScript program run through the language host.
import * as assert from "node:assert/strict";
import { type LanguageHostRun, runThroughLanguageHost } from "../offline/languageHost";
import { probeProject } from "./fixtures";

/** Runs a throwaway project whose program is `body`. */
function programRun(body: string, olds: string[] = []): Promise<LanguageHostRun> {
  const dir = probeProject({
    "package.json": JSON.stringify({ name: "probe", main: "index.js" }),
    "index.js": `const pulumi = require("@pulumi/pulumi");\nmodule.exports = async () => {\n${body}\n};\n`,
  });
  return runThroughLanguageHost({
    projectDir: dir,
    project: "probe",
    stack: "dev",
    config: {},
    secretKeys: [],
    preview: false,
    olds,
  });
}

const errors = (run: LanguageHostRun) => run.logs.filter((l) => l.severity === "error").map((l) => l.message);

describe("the stand-in engine", function () {
  this.timeout(120_000);

  it("accepts distinct names", async () => {
    const run = await programRun(`new pulumi.ComponentResource("probe:x:Thing", "a");
new pulumi.ComponentResource("probe:x:Thing", "b");`);
    assert.equal(run.exitCode, 0, run.stderr);
    assert.deepEqual(errors(run), []);
  });

  it("refuses a duplicate URN with the engine's message", async () => {
    const run = await programRun(`new pulumi.ComponentResource("probe:x:Thing", "same");
new pulumi.ComponentResource("probe:x:Thing", "same");`);
    assert.notEqual(run.exitCode, 0);
    assert.ok(
      errors(run).includes(
        "Duplicate resource URN 'urn:pulumi:dev::probe::probe:x:Thing::same'; try giving it a unique name",
      ),
      errors(run).join("\n"),
    );
  });

  it("refuses two resources that alias one old resource", async () => {
    const old = "urn:pulumi:dev::probe::probe:x:Thing::old";
    const run = await programRun(
      `new pulumi.ComponentResource("probe:x:Thing", "a", {}, { aliases: [{ name: "old" }] });
await new Promise((resolve) => setTimeout(resolve, 200));
new pulumi.ComponentResource("probe:x:Thing", "b", {}, { aliases: [{ name: "old" }] });`,
      [old],
    );
    assert.notEqual(run.exitCode, 0);
    assert.ok(
      errors(run).some((m) =>
        m.startsWith(
          `Duplicate resource alias '${old}' applied to resource with URN 'urn:pulumi:dev::probe::probe:x:Thing::b'`,
        ),
      ),
      errors(run).join("\n"),
    );
  });
});

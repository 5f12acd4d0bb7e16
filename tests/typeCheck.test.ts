// npm test type-checks the whole program: every TypeScript file the repository tracks is in
// tsconfig.json's program (the SDK is built and checked on its own), not only the files that
// something the tests import happens to reach.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as ts from "typescript";
import { PROJECT_DIR } from "../offline/stackFile";
import { git } from "./fixtures";

describe("type-checking", () => {
  it("tsconfig.json takes in every tracked TypeScript file outside the SDK", () => {
    const configPath = path.join(PROJECT_DIR, "tsconfig.json");
    const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, PROJECT_DIR);
    const checked = new Set(parsed.fileNames.map((f) => path.relative(PROJECT_DIR, f)));
    const tracked = git(PROJECT_DIR, "ls-files", "*.ts")
      .split("\n")
      .filter((f) => f !== "" && !f.startsWith("sdks/"));
    assert.ok(tracked.length > 100, `only ${tracked.length} tracked files: is this the repository?`);
    assert.deepEqual(
      tracked.filter((f) => !checked.has(f)),
      [],
      "add their folders to tsconfig.json's include",
    );
  });
});

// stack.schema.json: generated from the program's own zod schemas, committed up to date, and
// right about the corpus: it accepts every valid stack and refuses exactly the mistakes marked as
// schema matters (the rest are rules between fields or layers, which only the program checks).

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import { parse } from "yaml";
import { listStacks, PROJECT_DIR } from "../offline/stackFile";
import { stackFileJsonSchema } from "../topology/stackFileSchema";
import { allDocs } from "./docs";
import { CORPUS_DIR, loadCorpus } from "./invalidCorpus";

const SCHEMA_FILE = path.join(PROJECT_DIR, "stack.schema.json");
const validate = new Ajv({ strict: false }).compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")));
const read = (file: string) => parse(fs.readFileSync(file, "utf8"));

describe("stack.schema.json", () => {
  it("is what the program's schemas generate (regenerate with: npm run schema)", () => {
    assert.equal(fs.readFileSync(SCHEMA_FILE, "utf8"), stackFileJsonSchema());
  });

  it("is named by every committed stack file for the YAML language server", () => {
    for (const stack of listStacks(PROJECT_DIR)) {
      const text = fs.readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8");
      assert.ok(text.startsWith("# yaml-language-server: $schema=./stack.schema.json\n"), stack);
    }
  });

  it("accepts the committed stacks and the README's example", () => {
    for (const stack of listStacks(PROJECT_DIR)) {
      assert.ok(validate(read(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`))), JSON.stringify(validate.errors));
    }
    const exampleDir = path.join(PROJECT_DIR, "examples");
    for (const stack of listStacks(exampleDir)) {
      assert.ok(
        validate(read(path.join(exampleDir, `Pulumi.${stack}.yaml`))),
        `${stack}: ${JSON.stringify(validate.errors)}`,
      );
    }
    const examples = [...allDocs().matchAll(/```yaml\n(config:\n[\s\S]*?)```/g)].map((m) => parse(m[1]));
    assert.ok(examples.length > 0);
    for (const example of examples) assert.ok(validate(example), JSON.stringify(validate.errors));
  });

  it("refuses exactly the corpus cases marked as schema matters", () => {
    const cases = loadCorpus().filter((c) => c.name !== "not-yaml");
    assert.ok(cases.filter((c) => c.schemaRefuses).length >= 20);
    for (const c of cases) {
      assert.equal(!validate(read(path.join(CORPUS_DIR, c.file))), c.schemaRefuses, c.file);
    }
  });
});

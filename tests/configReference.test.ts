// One source for the configuration reference: the tables of docs/configuration.md and the
// descriptions of Pulumi.yaml are what npm run schema writes from topology/configReference.ts.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { PROJECT_DIR } from "../offline/stackFile";
import { withDescriptions, withGeneratedTables } from "../scripts/configReference";
import { KEY_DOCS } from "../topology/configReference";
import { readDoc } from "./docs";

describe("the configuration reference", () => {
  it("docs/configuration.md's tables are what npm run schema writes", () => {
    const page = readDoc("configuration");
    assert.equal(page, withGeneratedTables(page), "regenerate with: npm run schema");
  });

  it("Pulumi.yaml's key descriptions are the reference's (npm run schema writes them)", () => {
    const text = fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), "utf8");
    assert.equal(text, withDescriptions(text), "regenerate with: npm run schema");
    const declared = parse(text).config as Record<string, { description: string }>;
    assert.ok(Object.keys(declared).length >= 4);
    for (const [key, d] of Object.entries(declared)) {
      assert.equal(
        d.description,
        KEY_DOCS[key as keyof typeof KEY_DOCS].meaning.replace(/\[([^\]]+)\]\([^)]+\)/g, "$1"),
      );
    }
  });

  it("stack.schema.json describes each key and each layer field with the reference's words", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "stack.schema.json"), "utf8"));
    const config = schema.properties.config.properties;
    assert.match(config["tfc-layers:cells"].description, /^The regions or accounts cell layers are stamped into/);
    assert.doesNotMatch(config["tfc-layers:cells"].description, /\]\(/, "links become their words");
    const layer = config["tfc-layers:layers"].items.properties;
    assert.match(layer.dependsOn.description, /^Layers this one depends on/);
  });
});

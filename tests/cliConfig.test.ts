// The Pulumi CLI's config rules (offline/cliConfig.ts): each rule on a small project of its
// own, then on this repository's Pulumi.yaml, every stack file, the invalid corpus and the
// README, so that what `pulumi preview` would refuse can never pass offline unnoticed.

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { PulumiCliError, parseProject, programConfig, requiredByCli } from "../offline/cliConfig";
import { listStacks, loadProject, loadStackFile, PROJECT_DIR, stackFromValues } from "../offline/stackFile";
import { StackConfigError } from "../topology/errors";
import { KEYS } from "../topology/keys";
import { readStackConfig } from "../topology/stackConfig";
import { allDocs, readDoc } from "./docs";
import { stackConfig } from "./fixtures";
import { CORPUS_DIR, loadCorpus } from "./invalidCorpus";

const identity = (ciphertext: string) => ciphertext;

function project(config: string): ReturnType<typeof parseProject> {
  return parseProject(`name: demo\nruntime: nodejs\nconfig:\n${config}`);
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof PulumiCliError, `expected the CLI's error, got ${String(err)}`);
    return err.message;
  }
  return assert.fail("the CLI's rules should refuse this");
}

describe("the Pulumi CLI's rules for Pulumi.yaml declarations", () => {
  it("refuses a key with both a default and a value", () => {
    assert.equal(
      refusal(() => project("  demo:size:\n    default: 1\n    value: 2\n")),
      "project config 'demo:size' cannot have both a 'default' and 'value' attribute",
    );
  });

  it("refuses an array type without items", () => {
    assert.equal(
      refusal(() => project("  demo:zones:\n    type: array\n")),
      "The configuration key 'demo:zones' declares an array but does not specify the underlying type via the 'items' attribute",
    );
  });

  it("refuses a default that does not have the declared type", () => {
    assert.equal(
      refusal(() => project("  demo:on:\n    type: boolean\n    default: maybe\n")),
      "The default value specified for configuration key 'demo:on' is not of the expected type 'boolean'",
    );
  });

  it("refuses a type, a default, or no value on another namespace's key", () => {
    assert.equal(
      refusal(() => project("  tfe:organization:\n    type: string\n")),
      "Configuration key 'tfe:organization' is not namespaced by the project and should not define a type",
    );
    assert.match(
      refusal(() => project("  tfe:organization:\n    default: acme\n")),
      /^Configuration key 'tfe:organization' is not namespaced by the project and should not define a default value\./,
    );
    assert.equal(
      refusal(() => project("  tfe:organization:\n    description: the org\n")),
      "Configuration key 'tfe:organization' is namespaced and must provide an attribute 'value'",
    );
    assert.deepEqual(project("  tfe:organization:\n    value: acme\n").config["tfe:organization"], { value: "acme" });
  });

  it("refuses attributes and type names the project schema does not know", () => {
    assert.equal(
      refusal(() => project("  demo:size:\n    typ: string\n")),
      "#/config/demo:size: additionalProperties 'typ' not allowed",
    );
    assert.match(
      refusal(() => project("  demo:size:\n    type: map\n")),
      /^#\/config\/demo:size\/type: value must be one of/,
    );
  });

  it("reads a bare value as the default of a project key and as the value of another namespace's", () => {
    const p = project("  demo:size: 3\n  tfe:organization: acme\n");
    assert.deepEqual(p.config["demo:size"], { default: 3 });
    assert.deepEqual(p.config["tfe:organization"], { value: "acme" });
  });
});

describe("the Pulumi CLI's rules for a stack's values", () => {
  const p = project(
    [
      "  demo:name:\n    type: string",
      "  demo:count:\n    type: integer\n    default: 1",
      "  demo:on:\n    type: boolean\n    default: false",
      "  demo:zones:\n    type: array\n    items:\n      type: string\n    default: [a]",
      "  demo:tags:\n    type: object\n    default: {}",
      "  demo:free:\n    description: no type, so never type-checked",
      "  demo:token:\n    type: string\n    secret: true\n    default: plain",
      "",
    ].join("\n"),
  );
  const base = { "demo:name": "x", "demo:free": "y", "demo:token": { secure: "t" } };
  const run = (values: Record<string, unknown>) => programConfig(p, "dev", { ...base, ...values }, identity);

  it("requires every project key with neither default nor value, listing all of them the CLI's way", () => {
    assert.equal(
      refusal(() => programConfig(p, "dev", { "demo:name": "x", "demo:token": { secure: "t" } }, identity)),
      "validating stack config: Stack 'dev' is missing configuration value 'demo:free'",
    );
    assert.equal(
      refusal(() => programConfig(p, "dev", { "demo:token": { secure: "t" } }, identity)),
      "validating stack config: Stack 'dev' is missing configuration values 'demo:free' and 'demo:name'",
    );
    const three = project("  demo:a: {}\n  demo:b: {}\n  demo:c: {}\n");
    assert.equal(
      refusal(() => programConfig(three, "dev", {}, identity)),
      "validating stack config: Stack 'dev' is missing configuration values 'demo:a', 'demo:b' and 'demo:c'",
    );
  });

  it("applies defaults, and hands the program text for scalars and JSON for lists and maps", () => {
    const { config } = run({});
    assert.equal(config["demo:count"], "1");
    assert.equal(config["demo:on"], "false");
    assert.equal(config["demo:zones"], '["a"]');
    assert.equal(config["demo:tags"], "{}");
  });

  it("reads keys without a namespace as the project's", () => {
    const { config } = programConfig(p, "dev", { name: "short", free: "y", token: { secure: "t" } }, identity);
    assert.equal(config["demo:name"], "short");
  });

  it("checks declared types on the stack's values", () => {
    const typeError = (key: string, type: string) =>
      `validating stack config: Stack 'dev' with configuration key '${key}' must be of type '${type}'`;
    assert.equal(
      refusal(() => run({ "demo:on": "yes" })),
      typeError("demo:on", "boolean"),
    );
    assert.equal(run({ "demo:on": "true" }).config["demo:on"], "true");
    assert.equal(run({ "demo:on": true }).config["demo:on"], "true");
    assert.equal(
      refusal(() => run({ "demo:count": "1.5" })),
      typeError("demo:count", "integer"),
    );
    assert.equal(run({ "demo:count": "42" }).config["demo:count"], "42");
    assert.equal(
      refusal(() => run({ "demo:name": { a: 1 } })),
      typeError("demo:name", "string"),
    );
    assert.equal(
      refusal(() => run({ "demo:zones": ["a", ["b"]] })),
      typeError("demo:zones", "array<string>"),
    );
    assert.equal(
      refusal(() => run({ "demo:tags": ["a"] })),
      typeError("demo:tags", "object"),
    );
    assert.equal(run({ "demo:free": { anything: [1] } }).config["demo:free"], '{"anything":[1]}');
  });

  it("requires a typed secret key to be encrypted, so a secret key cannot live on a default", () => {
    assert.equal(
      refusal(() => run({ "demo:token": "plain" })),
      "validating stack config: Stack 'dev' with configuration key 'demo:token' must be encrypted as it's secret",
    );
    const { "demo:token": _, ...withoutToken } = base;
    assert.equal(
      refusal(() => programConfig(p, "dev", withoutToken, identity)),
      "validating stack config: Stack 'dev' with configuration key 'demo:token' must be encrypted as it's secret",
    );
  });

  it("marks a key secret as a whole when any leaf of it is encrypted, and decrypts for the program", () => {
    const { config, secretKeys } = run({ "demo:free": { a: "plain", b: { secure: "hidden" } } });
    assert.deepEqual(secretKeys, ["demo:free", "demo:token"]);
    assert.equal(config["demo:free"], '{"a":"plain","b":"hidden"}');
    assert.deepEqual(run({ "demo:free": { a: "plain" } }).secretKeys, ["demo:token"]);
  });
});

describe("this repository under the CLI's rules", () => {
  const tfcLayers = loadProject();

  it("the committed stacks pass", () => {
    const stacks = listStacks(PROJECT_DIR);
    assert.deepEqual(stacks, ["dev", "prod"]);
    for (const stack of stacks) loadStackFile(PROJECT_DIR, stack);
  });

  it("requires only what the program cannot do without, and declares no secret (it could not be optional)", () => {
    const required = Object.values(KEYS).filter((key) => requiredByCli(tfcLayers, key));
    assert.deepEqual(required, [KEYS.environment, KEYS.layers]);
    for (const declaration of Object.values(tfcLayers.config)) assert.notEqual(declaration.secret, true);
  });

  it("the fixtures the tests build pass, with the CLI's defaults applied", () => {
    const file = stackConfig();
    assert.equal(file.config[KEYS.protect], "true");
    assert.throws(() => stackConfig({ raw: { [KEYS.autoApply]: "sometimes" } }), PulumiCliError);
  });

  it("every corpus case is refused by the CLI exactly when the corpus says the CLI is first", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-cli-"));
    for (const c of loadCorpus()) {
      fs.copyFileSync(path.join(CORPUS_DIR, c.file), path.join(dir, `Pulumi.${c.name}.yaml`));
      let refused: string | undefined;
      try {
        loadStackFile(dir, c.name);
      } catch (err) {
        assert.ok(err instanceof PulumiCliError || err instanceof StackConfigError, String(err));
        refused = err.message;
      }
      assert.equal(refused, c.first === "cli" ? c.cli : undefined, c.file);
    }
  });

  describe("the configuration reference and the examples", () => {
    const readme = readDoc("configuration");
    const rows = [...readme.matchAll(/^\| `([\w-]+:\w+)` +\| ([^|]+?) +\|/gm)].map((m) => ({
      key: m[1],
      required: m[2].startsWith("yes"),
    }));

    it("documents every key the program reads, each required exactly when the CLI or the program requires it", () => {
      assert.deepEqual(rows.map((r) => r.key).sort(), [...Object.values(KEYS)].sort());
      const minimal = stackConfig();
      for (const { key, required } of rows) {
        const { [key]: _, ...without } = minimal.config;
        let programRequires = false;
        try {
          readStackConfig(without, (k) => minimal.secretKeys.includes(k));
        } catch {
          programRequires = true;
        }
        assert.equal(required, requiredByCli(tfcLayers, key) || programRequires, key);
      }
    });

    it("its example stack file passes the CLI's rules and the program's", () => {
      const examples = [...allDocs().matchAll(/```yaml\n(config:\n[\s\S]*?)```/g)].map((m) => m[1]);
      assert.ok(examples.length > 0);
      for (const example of examples) {
        const file = stackFromValues("dev", parse(example).config);
        readStackConfig(file.config, (k) => file.secretKeys.includes(k));
      }
    });
  });
});

// Every refusal names the fix: for every stack key and every layer and workspace field, a value of
// the wrong shape is refused in one line that names the key (or field) and says what to write, never
// in zod's own words. The command-line flags likewise: an unknown flag, or flags that do not go
// together, are named before the usage.
import * as assert from "node:assert/strict";
import * as tfe from "@pulumi/tfe";
import { main as adopt } from "../scripts/adopt";
import { main as plan } from "../scripts/plan";
import { main as scaffold } from "../scripts/scaffold";
import { main as status } from "../scripts/status";
import { KEY_DOCS, LAYER_FIELD_DOCS, WORKSPACE_FIELD_DOCS } from "../topology/configReference";
import { PROVIDER_KEYS } from "../topology/keys";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology } from "../topology/topology";

const LAYERS = [
  { name: "network", workspaces: ["network-a"] },
  { name: "app", workspaces: ["app-c"], dependsOn: ["network"] },
];
const BASE = {
  "tfe:organization": "acme",
  "tfc-layers:environment": "dev",
  "tfc-layers:layers": JSON.stringify(LAYERS),
};

/** Values of every shape: each key takes at most some of them. */
const SHAPES: unknown[] = [42, 1.1, "text", ["a"], { a: 1 }, true, []];

/** As the CLI hands a value to the program: a string as it is, anything else as JSON. */
const asConfig = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/**
 * The refusal of a stack by the reader of its values' shapes (the graph's rules come after), or
 * undefined when it reads; every key is treated as secret, as set with --secret.
 */
function refusal(config: Record<string, string>): string | undefined {
  try {
    readStackConfig(config, () => true);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Zod's own wording, which names no fix. */
const ZOD_WORDS = /Invalid input|Invalid option|expected [a-z]+, received|Too small|Too big|Unrecognized key/;
/** A clause that says what to write. */
const FIX =
  /: .*\b(write|run `|set each entry|set it with|use only|give the host|did you mean|such as|define it|list the)\b| like [[{]| must be one of /;

function assertNamesTheFix(message: string, names: string, what: string): void {
  assert.ok(message.startsWith(names), `${what}: names ${names}: ${message}`);
  assert.doesNotMatch(message, ZOD_WORDS, what);
  assert.match(message, FIX, `${what}: says what to write: ${message}`);
  assert.equal(message.includes("\n"), false, `${what}: one line`);
}

/** Feeds every shape to one place and checks each refusal; at least one shape must be wrong there. */
function checkEveryShape(what: string, names: string, stackWith: (value: unknown) => Record<string, string>): void {
  const refused = SHAPES.flatMap((value) => {
    const message = refusal(stackWith(value));
    if (message !== undefined) assertNamesTheFix(message, names, `${what} = ${JSON.stringify(value)}`);
    return message === undefined ? [] : [message];
  });
  assert.ok(refused.length > 0, `${what}: some shape should be wrong`);
}

describe("every refusal names the fix", () => {
  it("the stack fixture itself is accepted, also as a topology", () => {
    assert.equal(refusal(BASE), undefined);
    assert.ok(buildTopology(readStackConfig(BASE, () => true)));
  });

  for (const key of Object.keys(KEY_DOCS)) {
    it(`stack key ${key}: a value of the wrong shape names the key and what to write`, () => {
      checkEveryShape(key, key, (value) => ({ ...BASE, [key]: asConfig(value) }));
    });
  }

  for (const field of Object.keys(LAYER_FIELD_DOCS)) {
    it(`layer field ${field}: a value of the wrong shape names the field and what to write`, () => {
      checkEveryShape(field, `tfc-layers:layers[1].${field}`, (value) => {
        const layers = [LAYERS[0], { ...LAYERS[1], [field]: value }];
        return { ...BASE, "tfc-layers:layers": JSON.stringify(layers) };
      });
    });
  }

  for (const field of Object.keys(WORKSPACE_FIELD_DOCS)) {
    it(`workspace field ${field}: a value of the wrong shape names the field and what to write`, () => {
      checkEveryShape(field, `tfc-layers:layers[1].workspaces[0].${field}`, (value) => {
        const layers = [LAYERS[0], { ...LAYERS[1], workspaces: [{ name: "app-c", [field]: value }] }];
        return { ...BASE, "tfc-layers:layers": JSON.stringify(layers) };
      });
    });
  }

  it("a workspace entry that is neither a name nor a map says it is one or the other", () => {
    const message = refusal({ ...BASE, "tfc-layers:layers": JSON.stringify([{ name: "network", workspaces: [123] }]) });
    assert.equal(
      message,
      'tfc-layers:layers[0].workspaces[0] (layer "network") must be a workspace name or a map, got 123: write a name such as network-a, or a map such as {name: network-a, directory: network}',
    );
  });
});

describe("the provider's keys", () => {
  it("are the provider SDK's own config keys", () => {
    assert.deepEqual(
      [...PROVIDER_KEYS].sort(),
      Object.keys(tfe.config)
        .map((k) => `tfe:${k}`)
        .sort(),
    );
  });

  it("a near miss of a tfe: key the program reads gets a did-you-mean; the provider's other keys pass", () => {
    assert.equal(
      refusal({ ...BASE, "tfe:organisation": "acme" }),
      "tfe:organisation is not a key of the tfe provider: did you mean tfe:organization?",
    );
    assert.equal(
      refusal({ ...BASE, "tfe:hostnme": "tfe.example.com" }),
      "tfe:hostnme is not a key of the tfe provider: did you mean tfe:hostname?",
    );
    for (const key of PROVIDER_KEYS) {
      const value = key === "tfe:hostname" ? "tfe.example.com" : key === "tfe:sslSkipVerify" ? "true" : "acme";
      assert.equal(refusal({ ...BASE, [key]: value }), undefined, key);
    }
  });
});

describe("an unknown command-line flag is named, with the closest known one, before the usage", () => {
  // Each command with a typo of one of its flags.
  const commands = {
    plan: { run: (argv: string[]) => plan(argv), typo: "--jsn", meant: "--json" },
    scaffold: { run: async (argv: string[]) => scaffold(argv), typo: "--forse", meant: "--force" },
    adopt: { run: (argv: string[]) => adopt(argv), typo: "--markdwn", meant: "--markdown" },
    status: { run: (argv: string[]) => status(argv), typo: "--wach", meant: "--watch" },
  };
  for (const [name, { run, typo, meant }] of Object.entries(commands)) {
    it(`npm run ${name}: one line naming the flag, then the usage; exit status 2`, async () => {
      const mistyped = await run(["dev", typo]);
      assert.equal(mistyped.code, 2);
      const [first, usage] = mistyped.out.split("\n");
      assert.equal(first, `error: unknown flag ${typo}: did you mean ${meant}?`);
      assert.match(usage, new RegExp(`^usage: npm run ${name} -- <stack>`));
      const bogus = await run(["dev", "--bogus"]);
      assert.equal(bogus.code, 2);
      assert.match(bogus.out, /^error: unknown flag --bogus: the flags are --[\w-]+(, --[\w-]+)+\nusage: /);
    });
  }

  it("a flag without its value, a value for a switch and a missing stack are named too", async () => {
    assert.match((await plan(["dev", "--diff"])).out, /^error: --diff needs a value: write --diff <value>\nusage: /);
    assert.match((await plan(["dev", "--json=yes"])).out, /^error: --json takes no value: write --json alone\nusage: /);
    assert.match((await plan([])).out, /^error: name the stack, e.g. dev\nusage: /);
    assert.match((await plan(["dev", "prod"])).out, /^error: name one stack, got dev, prod\nusage: /);
  });

  it("flags missing, or given together where they exclude each other, are named with what to write", async () => {
    const cases: [Promise<{ code: number; out: string }>, string][] = [
      [adopt(["dev", "--from-state", "s.tfstate"]), "--out is missing: write --out <folder>"],
      [adopt(["dev", "--out", "o"]), "say what to adopt: --from-state <terraform state file> or --from-api"],
      [adopt(["dev", "--from-state", "s", "--from-api", "--out", "o"]), "--from-state and --from-api together"],
      [adopt(["dev", "--from-api", "--out", "o", "--json", "--markdown"]), "--markdown and --json together"],
      [plan(["dev", "--markdown"]), "--markdown renders a review: add --diff <git revision>"],
      [plan(["dev", "--diff", "HEAD", "--diff-file", "x.yaml"]), "--diff and --diff-file together"],
      [plan(["dev", "--diff", "HEAD", "--compare", "prod"]), "--compare with --diff or --diff-file"],
      [plan(["dev", "--diff", "HEAD", "--markdown", "--json"]), "--markdown and --json together"],
      [plan(["dev", "--run-minutes", "0"]), "--run-minutes takes a whole number above 0, got 0: write e.g."],
      [plan(["dev", "--concurrency", "1.5"]), "--concurrency takes a whole number above 0, got 1.5: write e.g."],
      [status(["dev", "--json", "--markdown"]), "--json and --markdown together"],
      [status(["dev", "--watch", "0"]), "--watch takes seconds between reads, 1 or more, got 0: write e.g."],
    ];
    for (const [result, problem] of cases) {
      const { code, out } = await result;
      assert.equal(code, 2, problem);
      const [first, usage] = out.split("\n");
      assert.ok(first.startsWith(`error: ${problem}`), `${first} (expected ${problem})`);
      assert.match(usage, /^usage: npm run \w+ -- <stack>/);
    }
  });
});

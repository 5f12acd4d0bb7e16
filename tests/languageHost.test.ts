// The program run the way `pulumi preview` and `pulumi up` run it: the language host's process
// (`@pulumi/pulumi/cmd/run`, TypeScript type-checked) against the stand-in engine over gRPC.
// What it registers must equal the mock run that the plan and the other tests rely on.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as tfe from "@pulumi/tfe";
import * as ts from "typescript";
import {
  hostConfigVariable,
  hostRuntimeOptions,
  type LanguageHostRun,
  runThroughLanguageHost,
} from "../offline/languageHost";
import type { MockRun } from "../offline/mockRuntime";
import { type ProgramRun, SecretValue, UNKNOWN } from "../offline/registrations";
import { providerOutputs, runStack, tokenOf } from "../offline/runStack";
import { loadStackFile, PROJECT_DIR, type StackFile } from "../offline/stackFile";
import { CREDENTIALS, probeProject, runAsHost, stackConfig, WEBHOOK_URL } from "./fixtures";
import { asDecrypted, CORPUS_DIR, loadCorpus } from "./invalidCorpus";

const TFE_PACKAGE = {
  name: "terraform-provider",
  version: "1.1.3",
  downloadUrl: "",
  parameterization: {
    name: "tfe",
    version: "0.70.0",
    base64Value: Buffer.from(
      JSON.stringify({ remote: { url: "registry.opentofu.org/hashicorp/tfe", version: "0.70.0" } }),
    ).toString("base64"),
  },
};

// Type-checked, whatever Pulumi.yaml chooses for speed: these runs prove the program compiles.
const run = (file: StackFile, preview: boolean): Promise<LanguageHostRun> =>
  runAsHost(file, { preview, typeCheck: true });

/** Runs the jobs two at a time (the machines have two cores). */
async function inPairs<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < jobs.length; i += 2) results.push(...(await Promise.all(jobs.slice(i, i + 2).map((j) => j()))));
  return results;
}

/**
 * A run in terms that do not depend on who ran it: URNs as type::name (the mock runtime joins
 * the stack's type into its children's URNs, the engine does not), in registration-independent order.
 */
function comparable(programRun: ProgramRun, shown: (v: unknown) => unknown = (v) => v) {
  const identity = new Map(programRun.resources.map((r) => [r.urn, `${r.type}::${r.name}`]));
  const id = (urn: string | undefined) => (urn ? (identity.get(urn) ?? urn) : undefined);
  return {
    resources: programRun.resources
      .map((r) => ({
        resource: id(r.urn),
        custom: r.custom,
        parent: id(r.parent),
        protect: r.protect,
        inputs: shown(r.inputs),
        dependencies: r.dependencies.map(id).sort(),
        aliases: r.aliases.map((a) => ({ name: a.name, parent: id(a.parentUrn), urn: a.urn })),
      }))
      .sort((a, b) => a.resource!.localeCompare(b.resource!)),
    stackOutputs: shown(programRun.stackOutputs),
  };
}

/**
 * What a preview shows of a mock run: nothing exists yet, so every id and every output a
 * provider computes is unknown.
 */
function previewOf(mock: MockRun): (value: unknown) => unknown {
  const computed = new Set<unknown>(mock.resources.filter((r) => r.custom).map((r) => r.id));
  for (const r of mock.resources) {
    // A workspace's url is written by the program from its name (workspaceUrl), known at
    // preview; the equal htmlUrl the provider computes is read by nothing.
    if (r.type === tokenOf(tfe.Workspace)) continue;
    for (const v of Object.values(providerOutputs[r.type]?.({ inputs: r.inputs } as never) ?? {})) computed.add(v);
  }
  const walk = (value: unknown): unknown => {
    if (computed.has(value)) return UNKNOWN;
    if (value instanceof SecretValue) {
      // The runtime sends an unknown secret as a plain unknown.
      const inner = walk(value.value);
      return inner === UNKNOWN ? UNKNOWN : new SecretValue(inner);
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  return walk;
}

const errorLogs = (r: LanguageHostRun) => r.logs.filter((l) => l.severity === "error");

describe("the program through the language host, as pulumi preview and pulumi up run it", () => {
  const stacks: Record<string, StackFile> = {
    dev: loadStackFile(PROJECT_DIR, "dev"),
    prod: loadStackFile(PROJECT_DIR, "prod"),
    secrets: stackConfig({
      stack: "secrets",
      environment: "prod",
      autoApply: false,
      credentials: CREDENTIALS,
      webhook: WEBHOOK_URL,
    }),
  };
  const runs = new Map<string, LanguageHostRun>();
  const mocks = new Map<string, MockRun>();

  before(async function () {
    this.timeout(300_000);
    const jobs = Object.entries(stacks).flatMap(([name, file]) =>
      [true, false].map((preview) => async () => {
        runs.set(`${name} ${preview ? "preview" : "up"}`, await run(file, preview));
      }),
    );
    await inPairs(jobs);
    for (const [name, file] of Object.entries(stacks)) mocks.set(name, await runStack(file));
  });

  for (const stack of ["dev", "prod", "secrets"]) {
    for (const mode of ["preview", "up"]) {
      describe(`${stack}, pulumi ${mode}`, () => {
        const result = () => runs.get(`${stack} ${mode}`)!;

        it("exits 0 with no error, and signals the engine that it finished", () => {
          assert.equal(result().exitCode, 0, result().stderr);
          assert.deepEqual(errorLogs(result()), []);
          assert.equal(result().shutdownSignalled, true);
        });

        it("registers the tfe package once, parameterized, and every tfe resource carries its ref", () => {
          assert.deepEqual(result().packages, [TFE_PACKAGE]);
          assert.equal(result().packageRefs.length, 1);
          const tfe = result().resources.filter((r) => r.type.startsWith("tfe:"));
          assert.ok(tfe.length > 0);
          for (const r of tfe) assert.equal(r.packageRef, result().packageRefs[0], r.name);
        });

        it("registers exactly what the mock run registers: resources, parents, dependencies, inputs, outputs", () => {
          const mock = mocks.get(stack)!;
          const expected = comparable(mock, mode === "preview" ? previewOf(mock) : undefined);
          assert.deepEqual(comparable(result()), expected);
        });
      });
    }
  }

  it("secrets arrive as secrets: credential values, webhook URL, HMAC key and its stack output", () => {
    for (const mode of ["preview", "up"]) {
      const r = runs.get(`secrets ${mode}`)!;
      const variables = r.resources.filter((x) => x.type === "tfe:index/variable:Variable");
      assert.equal(variables.length, Object.keys(CREDENTIALS).length);
      for (const v of variables) assert.ok(v.inputs.value instanceof SecretValue, `${mode} ${v.name}.value`);
      const notifications = r.resources.filter(
        (x) => x.type === "tfe:index/notificationConfiguration:NotificationConfiguration",
      );
      assert.equal(notifications.length, 3);
      // The HMAC key is generated on apply: a preview knows nothing of it, not even that it is secret.
      const generated = (value: unknown) => (mode === "up" ? value instanceof SecretValue : value === UNKNOWN);
      for (const n of notifications) {
        assert.ok(n.inputs.url instanceof SecretValue, `${mode} ${n.name}.url`);
        assert.ok(generated(n.inputs.token), `${mode} ${n.name}.token`);
      }
      assert.ok(generated(r.stackOutputs.approvalHmacKey), mode);
    }
    const values = runs
      .get("secrets up")!
      .resources.filter((x) => x.type === "tfe:index/variable:Variable")
      .map((v) => (v.inputs.value as SecretValue).value)
      .sort();
    assert.deepEqual(values, Object.values(CREDENTIALS).sort());
  });

  it("hands the program its config the way the language host does", () => {
    assert.equal(
      hostConfigVariable({ "tfc-layers:layers": "[]", "tfe:organization": "acme" }),
      '{"tfc-layers:config:layers":"[]","tfe:config:organization":"acme"}',
    );
  });

  describe("a stack the program refuses", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tfc-layers-host-"));
    // One graph rule and one secrets rule; the corpus test covers every message under mocks.
    const names = ["cycle-of-two", "credentials-in-plain-text"];
    const cases = loadCorpus().filter((c) => names.includes(c.name));
    const refused = new Map<string, LanguageHostRun>();

    before(async function () {
      this.timeout(300_000);
      for (const c of cases) fs.copyFileSync(path.join(CORPUS_DIR, c.file), path.join(dir, `Pulumi.${c.name}.yaml`));
      await inPairs(
        cases.map((c) => async () => {
          refused.set(c.name, await run(asDecrypted(loadStackFile(dir, c.name), c.decrypted), true));
        }),
      );
    });

    it("finds its cases in the corpus", () => {
      assert.equal(cases.length, names.length);
    });

    for (const name of names) {
      it(`${name}: exit status 32, exactly one error line, our message, no stack trace, nothing but the stack`, () => {
        const c = cases.find((x) => x.name === name)!;
        const r = refused.get(name)!;
        assert.equal(r.exitCode, 32, r.stderr);
        assert.deepEqual(
          errorLogs(r).map((l) => l.message),
          [c.expect],
        );
        assert.equal(`${r.stdout}${r.stderr}`.includes("    at "), false, "no stack trace");
        assert.deepEqual(
          r.resources.map((x) => x.type),
          ["pulumi:pulumi:Stack"],
        );
      });
    }
  });
});

describe("type-checking when the CLI runs the program", function () {
  this.timeout(120_000);
  const read = (file: string) => fs.readFileSync(path.join(PROJECT_DIR, file), "utf8");
  const runtime = hostRuntimeOptions(PROJECT_DIR);
  // A program with a type error, compiled with this project's Pulumi.yaml runtime options and tsconfigs.
  const dir = probeProject({
    "Pulumi.yaml": read("Pulumi.yaml").replace(/^name: .*$/m, "name: probe"),
    "tsconfig.json": read("tsconfig.json"),
    ...(runtime.tsconfig ? { [runtime.tsconfig]: read(runtime.tsconfig) } : {}),
    "package.json": JSON.stringify({ name: "probe", main: "index.ts" }),
    "index.ts": 'const count: number = "not a number";\nexport = async () => ({ count });\n',
  });
  const probe = (typeCheck?: boolean) =>
    runThroughLanguageHost({
      projectDir: dir,
      project: "probe",
      stack: "dev",
      config: {},
      secretKeys: [],
      preview: true,
      typeCheck,
    });

  it("Pulumi.yaml points the CLI at a tsconfig that skips type-checking (npm test type-checks)", async () => {
    assert.equal(runtime.typescript, true);
    const tsconfig = ts.parseConfigFileTextToJson(runtime.tsconfig!, read(runtime.tsconfig!)).config;
    assert.equal(tsconfig.compilerOptions.noCheck, true);
    const run = await probe();
    assert.equal(run.exitCode, 0, run.stderr);
  });

  it("a type-checked run, as these tests make, refuses the type error", async () => {
    const run = await probe(true);
    assert.notEqual(run.exitCode, 0);
    assert.ok(
      errorLogs(run).some((l) => l.message.includes("error TS2322")),
      run.logs.map((l) => l.message).join("\n"),
    );
  });
});

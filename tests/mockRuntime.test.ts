// The offline runner's stack traces: off for the plan command and the benchmark, and nothing
// the program registers depends on them.
import * as assert from "node:assert/strict";
import * as tfe from "@pulumi/tfe";
import { runStack } from "../offline/runStack";
import { loadStackFile, PROJECT_DIR } from "../offline/stackFile";
import { runProgram } from "./mocks";

describe("the offline runner's stack traces", () => {
  const traceInProgram = async (stackTraces: boolean | undefined) => {
    let frames: string[] = [];
    const run = await runProgram(
      () => {
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = Number.POSITIVE_INFINITY;
        frames = (new Error("probe").stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
        Error.stackTraceLimit = limit;
        new tfe.Project("p", { name: "p", organization: "o" });
      },
      {},
      stackTraces === undefined ? {} : { stackTraces },
    );
    assert.equal(run.error, undefined);
    return frames;
  };

  it("without them, a trace taken with the limit lifted (as the runtime takes one per resource) has no frames", async () => {
    assert.deepEqual(await traceInProgram(false), []);
    assert.ok((await traceInProgram(undefined)).length > 0, "with them, the same trace has frames");
  });

  it("puts the process's stack trace settings back after the run", async () => {
    const before = { prepare: Error.prepareStackTrace, limit: Error.stackTraceLimit };
    await traceInProgram(false);
    assert.equal(Error.prepareStackTrace, before.prepare);
    assert.equal(Error.stackTraceLimit, before.limit);
  });

  it("the program registers the same resources, inputs and dependencies either way", async () => {
    const dev = loadStackFile(PROJECT_DIR, "dev");
    const shape = (run: Awaited<ReturnType<typeof runStack>>) =>
      run.resources.map((r) => ({ urn: r.urn, inputs: r.inputs, dependencies: r.dependencies, parent: r.parent }));
    const [withTraces, without] = [await runStack(dev), await runStack(dev, { stackTraces: false })];
    assert.equal(without.error, undefined);
    assert.ok(without.resources.length > 10);
    assert.deepEqual(shape(without), shape(withTraces));
    assert.deepEqual(without.stackOutputs, withTraces.stackOutputs);
  });
});

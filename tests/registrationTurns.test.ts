// The program registers in turns (components/deployment.ts): the runtime takes what is
// registered before more is, so resources land while later layers are still to be built.
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as tfe from "@pulumi/tfe";
import { runUnderMocks } from "../offline/mockRuntime";
import { providerInvokes, providerOutputs, tokenOf } from "../offline/runStack";
import { loadStackFile, PROJECT_DIR } from "../offline/stackFile";
import { PROJECT } from "../topology/keys";

describe("registration in turns", () => {
  it("the first workspaces land before the program has built the rest of the stack", async () => {
    const prod = loadStackFile(PROJECT_DIR, "prod");
    const index = require("../index") as () => unknown;
    let built = 0;
    const builtWhenLanded: number[] = [];
    const run = await runUnderMocks(
      () => {
        // A stack transformation runs as each resource is constructed, before it is sent.
        pulumi.runtime.registerStackTransformation((args) => {
          built++;
          return { props: args.props, opts: args.opts };
        });
        return index();
      },
      {
        project: PROJECT,
        stack: prod.stack,
        config: prod.config,
        secretKeys: prod.secretKeys,
        invokeResults: providerInvokes,
        outputsByType: {
          ...providerOutputs,
          [tokenOf(tfe.Workspace)]: (args) => {
            builtWhenLanded.push(built);
            return providerOutputs[tokenOf(tfe.Workspace)](args);
          },
        },
      },
    );
    assert.equal(run.error, undefined);
    const total = run.resources.filter((r) => r.type !== "pulumi:pulumi:Stack").length;
    assert.equal(built, total, "every resource was seen as it was built");
    assert.equal(builtWhenLanded.length, 3);
    // In one synchronous turn nothing would land before all of it was built.
    assert.ok(builtWhenLanded[0] < total / 2, `the first workspace landed after ${builtWhenLanded[0]} of ${total}`);
  });
});

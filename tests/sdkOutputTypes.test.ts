// Output types no wider than the generated SDK's. The bridge declares an output `Output<T>`
// unless its Terraform attribute is optional and not computed (pulumi-terraform-bridge tfgen,
// variable.optional(); a bridged `name` is auto-named, so never optional). The attributes
// below are required or computed in hashicorp/terraform-provider-tfe v0.70.0. Code written for
// the generated SDK may rely on them being defined, so ours must not add `| undefined`.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

const DEFINED_OUTPUTS: Record<string, string[]> = {
  notificationConfiguration: ["destinationType", "emailAddresses", "emailUserIds", "enabled", "name", "workspaceId"],
  project: ["description", "name", "organization", "tags"],
  runTrigger: ["sourceableId", "workspaceId"],
  teamAccess: ["access", "permissions", "teamId", "workspaceId"],
  teamProjectAccess: ["access", "projectAccesses", "projectId", "teamId", "workspaceAccesses"],
  variable: ["category", "description", "hcl", "key", "readableValue", "sensitive", "value"],
  variableSet: ["name", "organization", "parentProjectId", "workspaceIds"],
  workspace: [
    "agentPoolId",
    "assessmentsEnabled",
    "autoApply",
    "description",
    "effectiveTags",
    "executionMode",
    "globalRemoteState",
    "htmlUrl",
    "inheritsProjectAutoDestroy",
    "name",
    "operations",
    "organization",
    "projectId",
    "remoteStateConsumerIds",
    "resourceCount",
    "tagNames",
    "tags",
    "terraformVersion",
  ],
  workspaceSettings: [
    "agentPoolId",
    "assessmentsEnabled",
    "autoApply",
    "description",
    "executionMode",
    "globalRemoteState",
    "overwrites",
    "remoteStateConsumerIds",
    "tags",
    "workspaceId",
  ],
  workspaceVariableSet: ["variableSetId", "workspaceId"],
  projectVariableSet: ["projectId", "variableSetId"],
};

describe("SDK output types", () => {
  for (const [file, outputs] of Object.entries(DEFINED_OUTPUTS)) {
    it(`${file}: required and computed attributes are declared Output<T>, not Output<T | undefined>`, () => {
      const source = fs.readFileSync(path.join(__dirname, "..", "sdks", "tfe", `${file}.ts`), "utf8");
      for (const output of outputs) {
        const declaration = new RegExp(`declare public readonly ${output}: pulumi\\.Output<(.*)>;`).exec(source);
        assert.ok(declaration, `${file}.${output} is not declared`);
        assert.equal(declaration[1].endsWith("| undefined"), false, `${file}.${output}: ${declaration[1]}`);
      }
    });
  }
});

// Auto-apply and auto-apply of runs queued by run triggers set apart: the rules as plain
// functions, then what the topology, the cascade, the approvals, the plan and the program make of
// them. And a static credential set without priority.
import * as assert from "node:assert/strict";
import { securityPlan } from "../plan/security";
import { checkAutoApply, layerFlags, runsThatWait, waitsForApproval } from "../topology/autoApply/autoApply";
import { simulateCascade } from "../topology/cascade";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology, type Topology } from "../topology/topology";
import { deploy, refusalOf, SEED_LAYERS, stackConfig, WEBHOOK_URL } from "./fixtures";

const topologyOf = (raw: Record<string, unknown>, layers: unknown = SEED_LAYERS, autoApply = true): Topology => {
  const file = stackConfig({ autoApply, layers, raw });
  return buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
};
const flagsOf = (t: Topology) =>
  t.workspaces.map((w) => `${w.key}: ${w.autoApply ? "auto" : "wait"}/${w.autoApplyRunTrigger ? "auto" : "wait"}`);

describe("auto-apply of runs queued by run triggers, apart from autoApply", () => {
  describe("the rules", () => {
    it("unset, the trigger flag follows the autoApply of the same place, as before", () => {
      assert.deepEqual(layerFlags({ autoApply: true }, {}), { autoApply: true, autoApplyRunTrigger: true });
      assert.deepEqual(layerFlags({ autoApply: true }, { autoApply: false }), {
        autoApply: false,
        autoApplyRunTrigger: false,
      });
      assert.deepEqual(layerFlags({ autoApply: false }, { autoApply: true }), {
        autoApply: true,
        autoApplyRunTrigger: true,
      });
    });

    it("the stack's or the layer's own autoApplyRunTrigger wins", () => {
      assert.deepEqual(layerFlags({ autoApply: true, autoApplyRunTrigger: false }, {}), {
        autoApply: true,
        autoApplyRunTrigger: false,
      });
      assert.deepEqual(layerFlags({ autoApply: true }, { autoApplyRunTrigger: false }), {
        autoApply: true,
        autoApplyRunTrigger: false,
      });
      assert.deepEqual(layerFlags({ autoApply: true, autoApplyRunTrigger: false }, { autoApplyRunTrigger: true }), {
        autoApply: true,
        autoApplyRunTrigger: true,
      });
    });

    it("which runs wait, and whether a workspace needs approvers", () => {
      const cases = [
        [true, true, "none", false],
        [true, false, "trigger-queued", true],
        [false, true, "not-trigger-queued", true],
        [false, false, "all", true],
      ] as const;
      for (const [autoApply, autoApplyRunTrigger, runs, waits] of cases) {
        assert.equal(runsThatWait({ autoApply, autoApplyRunTrigger }), runs);
        assert.equal(waitsForApproval({ autoApply, autoApplyRunTrigger }), waits);
      }
    });

    it("refuses, one line naming key, value and fix: a layer's trigger runs applying where the stack's wait", () => {
      assert.throws(
        () =>
          checkAutoApply({ autoApply: true, autoApplyRunTrigger: false }, false, [
            { name: "app", autoApplyRunTrigger: true },
          ]),
        {
          message:
            'tfc-layers:layers (layer "app").autoApplyRunTrigger true in a stack whose runs queued by run triggers wait for approval: they would apply unreviewed; set tfc-layers:allowLayerAutoApply true if that is meant, or drop it',
        },
      );
      checkAutoApply({ autoApply: true, autoApplyRunTrigger: false }, true, [
        { name: "app", autoApplyRunTrigger: true },
      ]);
    });

    it("refuses a layer's autoApply that leaves open which trigger flag it takes where the stack sets one apart", () => {
      assert.throws(
        () =>
          checkAutoApply({ autoApply: false, autoApplyRunTrigger: false }, true, [{ name: "app", autoApply: true }]),
        {
          message:
            "tfc-layers:layers (layer \"app\").autoApply is true but the stack's tfc-layers:autoApplyRunTrigger is false: say which the layer's runs queued by run triggers take; set its autoApplyRunTrigger to true or false",
        },
      );
      checkAutoApply({ autoApply: false, autoApplyRunTrigger: false }, true, [
        { name: "app", autoApply: true, autoApplyRunTrigger: false },
      ]);
      checkAutoApply({ autoApply: true, autoApplyRunTrigger: false }, false, [{ name: "app", autoApply: false }]);
    });
  });

  describe("the topology and what reasons about who waits", () => {
    it("existing stacks do not change: both flags follow autoApply, per layer too", () => {
      const layers = [{ ...SEED_LAYERS[0], autoApply: false }, ...SEED_LAYERS.slice(1)];
      assert.deepEqual(flagsOf(topologyOf({}, layers)), [
        "network-a: wait/wait",
        "platform-b: auto/auto",
        "app-c: auto/auto",
      ]);
    });

    it("the stack key and a layer field set the trigger flag apart", () => {
      const layers = [...SEED_LAYERS.slice(0, 2), { ...SEED_LAYERS[2], autoApplyRunTrigger: true }];
      const t = topologyOf({ "tfc-layers:autoApplyRunTrigger": false, "tfc-layers:allowLayerAutoApply": true }, layers);
      assert.deepEqual(flagsOf(t), ["network-a: auto/wait", "platform-b: auto/wait", "app-c: auto/auto"]);
      assert.equal(t.autoApplyRunTrigger, false);
    });

    it("the cascade waits where trigger-queued runs wait, though VCS runs auto-apply", () => {
      const outcomes = (t: Topology) =>
        simulateCascade(t, "network-a").waves.flatMap((w) => w.groups.map((g) => `${g.workspaces}: ${g.outcome}`));
      assert.deepEqual(outcomes(topologyOf({ "tfc-layers:autoApplyRunTrigger": false })), [
        "platform-b: wait-for-approval",
        "app-c: wait-for-approval",
        "app-c: wait-for-approval",
      ]);
      // And the other way round: VCS runs wait, the cascade's runs apply.
      assert.deepEqual(outcomes(topologyOf({ "tfc-layers:autoApplyRunTrigger": true }, SEED_LAYERS, false)), [
        "platform-b: auto-apply",
        "app-c: auto-apply",
        "app-c: auto-apply",
      ]);
      assert.equal(
        simulateCascade(topologyOf({ "tfc-layers:autoApplyRunTrigger": false }), "network-a").waitsForApproval,
        true,
      );
    });

    it("approvals: a workspace whose trigger-queued runs wait needs approvers and approval requests", () => {
      const t = topologyOf({
        "tfc-layers:autoApplyRunTrigger": false,
        "tfc-layers:approvalWebhookUrl": { secure: WEBHOOK_URL },
      });
      assert.equal(t.notifyApprovals, true);
      const security = securityPlan(t);
      assert.deepEqual(
        security.approvals.map((a) => [a.workspace, a.waiting]),
        [
          ["network-a-dev", "trigger-queued"],
          ["platform-b-dev", "trigger-queued"],
          ["app-c-dev", "trigger-queued"],
        ],
      );
      assert.deepEqual(security.autoApplied, []);
      const both = topologyOf({ "tfc-layers:approvalWebhookUrl": { secure: WEBHOOK_URL } });
      assert.equal(both.notifyApprovals, false);
      assert.deepEqual(securityPlan(both).approvals, []);
    });

    it("refuses through the program's guard, before any resource", () => {
      const layers = [...SEED_LAYERS.slice(0, 2), { ...SEED_LAYERS[2], autoApplyRunTrigger: true }];
      assert.match(
        refusalOf(stackConfig({ layers, raw: { "tfc-layers:autoApplyRunTrigger": false } })),
        /^tfc-layers:layers \(layer "app"\)\.autoApplyRunTrigger true in a stack whose runs queued by run triggers wait/,
      );
      assert.match(
        refusalOf(stackConfig({ raw: { "tfc-layers:autoApplyRunTrigger": "sometimes" } })),
        /^tfc-layers:autoApplyRunTrigger must be true or false, got "sometimes"/,
      );
    });
  });

  describe("what the program registers", () => {
    it("each workspace's autoApplyRunTrigger is its own flag, and approval requests go where trigger runs wait", async () => {
      const run = await deploy(stackConfig({ webhook: WEBHOOK_URL, raw: { "tfc-layers:autoApplyRunTrigger": false } }));
      const workspaces = run.resources.filter((r) => r.type === "tfe:index/workspace:Workspace");
      assert.deepEqual(
        workspaces.map((w) => [w.name, w.inputs.autoApply, w.inputs.autoApplyRunTrigger]),
        [
          ["network-a-dev", true, false],
          ["platform-b-dev", true, false],
          ["app-c-dev", true, false],
        ],
      );
      const notifications = run.resources.filter(
        (r) => r.type === "tfe:index/notificationConfiguration:NotificationConfiguration",
      );
      assert.equal(notifications.length, 3);
    });

    it("a static set with priority false registers a variable set without priority; by default it has priority", async () => {
      const statics = (priority?: unknown) => ({
        "tfc-layers:staticCredentials": {
          aws: { AWS_ACCESS_KEY_ID: { secure: "k" }, ...(priority === undefined ? {} : { priority }) },
        },
        "tfc-layers:defaultCredentials": "aws",
      });
      const priorityOf = async (priority?: unknown) => {
        const run = await deploy(stackConfig({ raw: statics(priority) }));
        return run.resources.find((r) => r.type === "tfe:index/variableSet:VariableSet")!.inputs.priority;
      };
      assert.equal(await priorityOf(false), false);
      assert.equal(await priorityOf(), true);
      assert.equal(await priorityOf(true), true);
      assert.equal(
        refusalOf(stackConfig({ raw: statics("sometimes") })),
        `tfc-layers:staticCredentials.aws.priority must be true or false, got "sometimes": false lets a workspace's own variables win over the set's, true (the default) lets none; a variable may not be named priority`,
      );
      const t = topologyOf(statics(false));
      assert.deepEqual(
        securityPlan(t).credentialSets.map((s) => [s.set, s.priority, s.secretNames]),
        [["aws", false, ["AWS_ACCESS_KEY_ID"]]],
      );
    });
  });
});

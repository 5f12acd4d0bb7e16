// Who is told when a cascade stops: one notification configuration per destination and
// workspace, urls as secrets, a generic destination's payloads signed, TFC's 20 per workspace.
import * as assert from "node:assert/strict";
import { deploy, refusalOf, SEED_LAYERS, stackConfig, WEBHOOK_URL } from "./fixtures";
import { ofType, SecretValue } from "./mocks";

const NOTIFICATION = "tfe:index/notificationConfiguration:NotificationConfiguration";
const SLACK = "https://hooks.slack.example/T000/B000/secret-0012";
const GENERIC = "https://hooks.example.com/cascade/secret-0013";

describe("notifications for what stops a cascade", () => {
  const destinations = [
    { name: "platform", destination: "slack", url: { secure: SLACK } },
    { name: "pager", destination: "generic", url: { secure: GENERIC }, on: ["run:errored"] },
    { name: "leads", destination: "email", emails: ["leads@acme.example"] },
  ];

  it("one configuration per destination and workspace, with the cascade's stops by default", async () => {
    const run = await deploy(stackConfig({ raw: { "tfc-layers:notifications": destinations } }));
    const configs = ofType(run, NOTIFICATION);
    assert.equal(configs.length, 3 * SEED_LAYERS.length);
    const byName = (n: string) => configs.find((c) => c.name === n)!;
    const slack = byName("notifications-dev/platform/network-a-dev");
    assert.deepEqual(
      [slack.inputs.destinationType, slack.inputs.triggers, slack.inputs.enabled],
      ["slack", ["run:errored", "run:needs_attention"], true],
    );
    assert.ok(
      slack.inputs.url instanceof SecretValue && slack.inputs.url.value === SLACK,
      "the url arrives as a secret",
    );
    assert.equal(slack.inputs.token, undefined);
    const pager = byName("notifications-dev/pager/app-c-dev");
    assert.deepEqual(pager.inputs.triggers, ["run:errored"]);
    assert.ok(pager.inputs.token instanceof SecretValue, "a generic destination's payloads are signed");
    assert.ok((pager.inputs.url as SecretValue).value === GENERIC);
    const email = byName("notifications-dev/leads/platform-b-dev");
    assert.deepEqual([email.inputs.emailAddresses, email.inputs.url], [["leads@acme.example"], undefined]);
    assert.ok(run.stackOutputs.notificationHmacKeys !== undefined);
  });

  it("counts the approval webhook towards TFC's 20 per workspace", () => {
    const nineteen = Array.from({ length: 19 }, (_, i) => ({
      name: `t${i}`,
      destination: "email",
      emails: [`t${i}@acme.example`],
    }));
    assert.equal(refusalOf(stackConfig({ raw: { "tfc-layers:notifications": nineteen } })), "accepted");
    assert.equal(
      refusalOf(
        stackConfig({
          autoApply: true,
          webhook: WEBHOOK_URL,
          raw: {
            "tfc-layers:notifications": [
              ...nineteen,
              { name: "t19", destination: "email", emails: ["x@acme.example"] },
            ],
          },
        }),
      ),
      "accepted",
    );
    assert.match(
      refusalOf(
        stackConfig({
          autoApply: false,
          webhook: WEBHOOK_URL,
          raw: {
            "tfc-layers:notifications": [
              ...nineteen,
              { name: "t19", destination: "email", emails: ["x@acme.example"] },
            ],
          },
        }),
      ),
      /gives workspace "network-a-dev" 21 notification configurations with the approval webhook: TFC allows 20/,
    );
  });

  it("refuses two destinations of one name, and the approval webhook's name", () => {
    const email = { destination: "email", emails: ["a@acme.example"] };
    assert.match(
      refusalOf(
        stackConfig({
          raw: {
            "tfc-layers:notifications": [
              { name: "a", ...email },
              { name: "A", ...email },
            ],
          },
        }),
      ),
      /has two destinations named "A"/,
    );
    assert.match(
      refusalOf(stackConfig({ raw: { "tfc-layers:notifications": [{ name: "approval-requests", ...email }] } })),
      /the approval webhook's name/,
    );
    assert.match(
      refusalOf(stackConfig({ raw: { "tfc-layers:notifications": [{ name: "a", ...email, url: { secure: "x" } }] } })),
      /url is set for an email destination/,
    );
    assert.match(
      refusalOf(
        stackConfig({
          raw: {
            "tfc-layers:notifications": [{ name: "a", destination: "slack", url: { secure: "x" }, emails: ["a@b.c"] }],
          },
        }),
      ),
      /emails is only for an email destination/,
    );
    assert.match(
      refusalOf(
        stackConfig({ raw: { "tfc-layers:notifications": [{ name: "a", destination: "email", emails: ["nobody"] }] } }),
      ),
      /emails "nobody" is not an email address/,
    );
  });
});

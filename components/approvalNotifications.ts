import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import * as tfe from "@pulumi/tfe";
import { type FormerNames, renameAliases } from "./renames";

export interface ApprovalNotificationsArgs {
  /** https:// endpoint that receives the signed notifications, as a secret. */
  readonly url: pulumi.Input<string>;
  /** Workspaces to notify about, by TFC workspace name. */
  readonly workspaceIds: ReadonlyMap<string, pulumi.Input<string>>;
  /** Former TFC names of renamed workspaces: their notification configurations stay. */
  readonly formerNames: FormerNames;
}

/** The run events a reviewer must act on: a run waiting for approval, and a failure. */
export const APPROVAL_TRIGGERS = ["run:needs_attention", "run:errored"];

/**
 * Sends approval requests of every workspace to one webhook, signed with one HMAC key per
 * stack so the receiver can verify that TFC sent them.
 */
export class ApprovalNotifications extends pulumi.ComponentResource {
  /** The HMAC key for the receiver to verify payload signatures; secret. */
  readonly hmacKey: pulumi.Output<string>;

  constructor(name: string, args: ApprovalNotificationsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("tfc-layers:components:ApprovalNotifications", name, {}, opts);
    const key = new random.RandomPassword(`${name}-hmac`, { length: 32, special: false }, { parent: this });
    // Mocks do not apply additionalSecretOutputs, and we rely on this being secret.
    this.hmacKey = pulumi.secret(key.result);
    for (const [workspaceName, workspaceId] of args.workspaceIds) {
      new tfe.NotificationConfiguration(
        `${name}-${workspaceName}`,
        {
          name: "approval-requests",
          destinationType: "generic",
          enabled: true,
          triggers: APPROVAL_TRIGGERS,
          url: pulumi.secret(args.url),
          token: this.hmacKey,
          workspaceId,
        },
        { parent: this, aliases: renameAliases(name, workspaceName, args.formerNames) },
      );
    }
    this.registerOutputs({ hmacKey: this.hmacKey });
  }
}

import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import * as tfe from "@pulumi/tfe";
import type { NotificationConfig } from "../topology/notifications/notificationsConfig";
import type { FormerNames } from "./renames";

export interface CascadeNotificationsArgs {
  readonly destinations: readonly NotificationConfig[];
  /** Each destination's url by its name, as a secret; read only when one has a url. */
  readonly urls: () => pulumi.Output<Record<string, string>>;
  /** Every workspace, by TFC name. */
  readonly workspaceIds: ReadonlyMap<string, pulumi.Input<string>>;
  /** Former TFC names of renamed workspaces: their configurations stay. */
  readonly formerNames: FormerNames;
}

/**
 * Tells each destination what stops a cascade (a run that errors or waits for someone, by
 * default) on every workspace: one notification configuration per destination and workspace, a
 * generic destination's payloads signed with its own HMAC key.
 */
export class CascadeNotifications extends pulumi.ComponentResource {
  /** The HMAC key of each generic destination, by its name; secret. */
  readonly hmacKeys: Record<string, pulumi.Output<string>> = {};

  constructor(name: string, args: CascadeNotificationsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("tfc-layers:components:CascadeNotifications", name, {}, opts);
    // Read once, and only when a destination has a url.
    const urls = args.destinations.some((d) => d.hasUrl) ? pulumi.secret(args.urls()) : undefined;
    for (const d of args.destinations) {
      // "/" is in no destination or workspace name: every name below is one destination and one workspace.
      const prefix = `${name}/${d.name}`;
      const url = d.hasUrl && urls ? pulumi.secret(urls.apply((all) => all[d.name])) : undefined;
      let token: pulumi.Output<string> | undefined;
      if (d.destination === "generic") {
        const key = new random.RandomPassword(`${prefix}/hmac`, { length: 32, special: false }, { parent: this });
        token = pulumi.secret(key.result);
        this.hmacKeys[d.name] = token;
      }
      for (const [workspaceName, workspaceId] of args.workspaceIds) {
        const former = args.formerNames.get(workspaceName);
        new tfe.NotificationConfiguration(
          `${prefix}/${workspaceName}`,
          {
            name: d.name,
            destinationType: d.destination,
            enabled: true,
            triggers: [...d.on],
            workspaceId,
            ...(url ? { url } : {}),
            ...(token ? { token } : {}),
            ...(d.emails.length ? { emailAddresses: [...d.emails] } : {}),
          },
          { parent: this, aliases: former ? [{ name: `${prefix}/${former}` }] : [] },
        );
      }
    }
    this.registerOutputs({});
  }
}

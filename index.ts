// The Pulumi program: read the stack config, validate it into a topology, build it.
import * as pulumi from "@pulumi/pulumi";
import { deployTopology } from "./components/deployment";
import { KEYS, PROJECT } from "./topology/keys";
import { readStackConfig } from "./topology/stackConfig";
import { buildTopology } from "./topology/topology";

// Whether the CLI marked a key as secret (encrypted in the stack file). pulumi.runtime exports
// it, but its typings mark it internal, and no public API tells: Config.get reads secrets too.
const { isConfigSecret } = pulumi.runtime as unknown as { isConfigSecret(key: string): boolean };

export = () => {
  // Everything is validated before the first resource is registered.
  const deployment = { project: pulumi.getProject(), stack: pulumi.getStack() };
  const topology = buildTopology(readStackConfig(pulumi.runtime.allConfig(), isConfigSecret, deployment));
  const config = new pulumi.Config(PROJECT);
  const secretKey = (key: string) => key.slice(PROJECT.length + 1);
  return deployTopology(topology, {
    credentials: () => config.requireSecretObject<Record<string, string>>(secretKey(KEYS.sharedCredentials)),
    approvalWebhookUrl: () => config.requireSecret(secretKey(KEYS.approvalWebhookUrl)),
    notificationUrls: () =>
      config
        .requireSecretObject<{ name: string; url?: string }[]>(secretKey(KEYS.notifications))
        .apply((list) => Object.fromEntries(list.flatMap((d) => (d.url ? [[d.name, d.url]] : [])))),
    staticCredentials: () =>
      config.requireSecretObject<Record<string, Record<string, string>>>(secretKey(KEYS.staticCredentials)),
  });
};

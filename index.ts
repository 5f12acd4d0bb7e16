// The Pulumi program: read the stack config, validate it into a topology, build it.
import * as pulumi from "@pulumi/pulumi";
import { deployTopology } from "./components/deployment";
import { KEYS, PROJECT } from "./topology/keys";
import { readStackConfig } from "./topology/stackConfig";
import { buildTopology } from "./topology/topology";

// Not in the runtime's typings, but exported: whether the CLI marked a key as secret.
const { isConfigSecret } = require("@pulumi/pulumi/runtime/config") as { isConfigSecret(key: string): boolean };

export = () => {
  // Everything is validated before the first resource is registered.
  const topology = buildTopology(readStackConfig(pulumi.runtime.allConfig(), isConfigSecret));
  const config = new pulumi.Config(PROJECT);
  const secretKey = (key: string) => key.slice(PROJECT.length + 1);
  return deployTopology(topology, {
    credentials: () => config.requireSecretObject<Record<string, string>>(secretKey(KEYS.sharedCredentials)),
    approvalWebhookUrl: () => config.requireSecret(secretKey(KEYS.approvalWebhookUrl)),
  });
};

// Layered topologies of a given size for the benchmark: tiers of small layers, each layer
// fed by two layers of the tier above (fan-in) and feeding about two below (fan-out), with
// some dependencies that skip a tier (diamonds). No workspace gets more than 20 sources.
import { KEYS } from "../topology/keys";

export interface GeneratedLayer {
  readonly name: string;
  readonly workspaces: string[];
  readonly dependsOn?: string[];
}

const WIDTH = 5;
const TIERS = 6;

export function generateLayers(workspaceCount: number): GeneratedLayer[] {
  const layerCount = Math.max(2, Math.ceil(workspaceCount / WIDTH));
  const tiers = Math.min(TIERS, layerCount);
  const tierOf = (i: number) => Math.floor((i * tiers) / layerCount);
  const byTier: string[][] = Array.from({ length: tiers }, () => []);
  const layers: GeneratedLayer[] = [];
  let remaining = workspaceCount;
  for (let i = 0; i < layerCount; i++) {
    const tier = tierOf(i);
    const name = `t${tier}-l${i}`;
    const width = Math.max(1, Math.min(WIDTH, remaining - (layerCount - i - 1)));
    remaining -= width;
    const workspaces = Array.from({ length: width }, (_, w) => `${name}-w${w}`);
    const dependsOn = new Set<string>();
    if (tier > 0) {
      const above = byTier[tier - 1];
      dependsOn.add(above[i % above.length]);
      dependsOn.add(above[(i + 1) % above.length]);
      if (tier > 1 && i % 3 === 0) dependsOn.add(byTier[tier - 2][i % byTier[tier - 2].length]);
    }
    byTier[tier].push(name);
    layers.push({ name, workspaces, ...(dependsOn.size ? { dependsOn: [...dependsOn] } : {}) });
  }
  return layers;
}

/** The flat config the CLI would pass for a generated topology, with secrets set. */
export function generatedConfig(layers: GeneratedLayer[]): { config: Record<string, string>; secretKeys: string[] } {
  return {
    config: {
      [KEYS.organization]: "bench",
      [KEYS.environment]: "prod",
      [KEYS.autoApply]: "false",
      [KEYS.layers]: JSON.stringify(layers),
      [KEYS.sharedCredentials]: JSON.stringify({
        AWS_ACCESS_KEY_ID: "bench-id",
        AWS_SECRET_ACCESS_KEY: "bench-secret",
      }),
      [KEYS.approvalWebhookUrl]: "https://hooks.example.com/bench",
    },
    secretKeys: [KEYS.sharedCredentials, KEYS.approvalWebhookUrl],
  };
}

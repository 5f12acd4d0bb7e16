// Layered topologies of a given size for the benchmark: tiers of small layers, each layer
// fed by two layers of the tier above (fan-in) and feeding about two below (fan-out), with
// some dependencies that skip a tier (diamonds). No workspace gets more than 20 sources.
import { stackFromValues } from "../offline/stackFile";
import { KEYS } from "../topology/keys";

export interface GeneratedLayer {
  readonly name: string;
  readonly workspaces: string[];
  readonly dependsOn?: string[];
  readonly cells?: "all";
}

/** A regional organization: per cell network (2), platform (10) and apps (35), a global layer on each side. */
const REGIONAL = { top: 5, network: 2, platform: 10, app: 35, bottom: 5 };

/** The regional organization with cells: `cellCount` cells of 47 workspaces, 10 global ones. */
export function generateCellLayers(cellCount: number): { layers: GeneratedLayer[]; cells: { name: string }[] } {
  const ws = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  return {
    cells: Array.from({ length: cellCount }, (_, i) => ({ name: `r${i}` })),
    layers: [
      { name: "org", workspaces: ws("org", REGIONAL.top) },
      { name: "network", workspaces: ws("net", REGIONAL.network), cells: "all", dependsOn: ["org"] },
      { name: "platform", workspaces: ws("plat", REGIONAL.platform), cells: "all", dependsOn: ["network"] },
      { name: "app", workspaces: ws("app", REGIONAL.app), cells: "all", dependsOn: ["platform"] },
      // Fed by every cell's network: 2 x cells sources, at most 20 for 10 cells.
      { name: "audit", workspaces: ws("audit", REGIONAL.bottom), dependsOn: ["network"] },
    ],
  };
}

/** The same organization written as one layer per tier and region, without cells. */
export function generateRegionLayers(cellCount: number): GeneratedLayer[] {
  const regions = Array.from({ length: cellCount }, (_, i) => `r${i}`);
  const ws = (prefix: string, region: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${prefix}-${i}-${region}`);
  return [
    { name: "org", workspaces: Array.from({ length: REGIONAL.top }, (_, i) => `org-${i}`) },
    ...regions.flatMap((r) => [
      { name: `network-${r}`, workspaces: ws("net", r, REGIONAL.network), dependsOn: ["org"] },
      { name: `platform-${r}`, workspaces: ws("plat", r, REGIONAL.platform), dependsOn: [`network-${r}`] },
      { name: `app-${r}`, workspaces: ws("app", r, REGIONAL.app), dependsOn: [`platform-${r}`] },
    ]),
    {
      name: "audit",
      workspaces: Array.from({ length: REGIONAL.bottom }, (_, i) => `audit-${i}`),
      dependsOn: regions.map((r) => `network-${r}`),
    },
  ];
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

/** The layers with a contract: each publishes two outputs and reads one from each layer it depends on. */
export function withContract(layers: GeneratedLayer[]): GeneratedLayer[] {
  return layers.map((layer) => ({
    ...layer,
    outputs: { id: "string", subnets: "list(object({id = string, zone = string}))" },
    ...(layer.dependsOn ? { reads: Object.fromEntries(layer.dependsOn.map((d) => [d, ["id"]])) } : {}),
  }));
}

/** The config the CLI would pass for a generated topology (its rules and defaults applied), with secrets set. */
export function generatedConfig(
  layers: GeneratedLayer[],
  options: { project?: boolean; lifecycle?: boolean; cells?: readonly { name: string }[] } = {},
): { config: Record<string, string>; secretKeys: string[] } {
  // The "ciphertexts" here are the plain values, so decryption is the identity.
  const { config, secretKeys } = stackFromValues(
    "bench",
    {
      [KEYS.organization]: "bench",
      [KEYS.environment]: "prod",
      [KEYS.autoApply]: false,
      [KEYS.layers]: layers,
      [KEYS.sharedCredentials]: {
        AWS_ACCESS_KEY_ID: { secure: "bench-id" },
        AWS_SECRET_ACCESS_KEY: { secure: "bench-secret" },
      },
      [KEYS.approvalWebhookUrl]: { secure: "https://hooks.example.com/bench" },
      ...(options.project ? { [KEYS.project]: { name: "bench-layers" } } : {}),
      ...(options.cells ? { [KEYS.cells]: options.cells } : {}),
      ...(options.lifecycle
        ? {
            [KEYS.vcs]: { repository: "acme/bench", oauthTokenId: "ot-bench" },
            [KEYS.lifecycle]: { applyOnCreate: true, destroyOnDelete: true, destroyProtected: true },
          }
        : {}),
    },
    (ciphertext) => ciphertext,
  );
  return { config, secretKeys };
}

// Differential: generated topologies with teams and credential sets, adversarial names included.
// What the program registers must give each workspace exactly the access and the credential sets
// its layer declares, with the values its layer gives, and nothing else; no two resources share a
// URN and no two variable sets a TFC name.
import * as assert from "node:assert/strict";
import type { MockRun } from "../offline/mockRuntime";
import { StackConfigError } from "../topology/errors";
import { readStackConfig } from "../topology/stackConfig";
import { buildTopology } from "../topology/topology";
import { deploy, type LayerFixture, seededRandom, stackConfig } from "./fixtures";
import { ofType } from "./mocks";

const FRAGMENTS = ["t", "u", "-", "_", "1", "set", "-set", "a", "@"].filter((f) => f !== "@");
const LEVELS = ["read", "plan", "write", "admin"];

interface Generated {
  readonly layers: LayerFixture[];
  readonly teams: Record<string, Record<string, unknown>>;
  readonly sets: Record<string, { aws: { runRole: string } }>;
  readonly project: boolean;
}

function generate(seed: number): Generated {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const name = (prefix: string) =>
    `${prefix}${Array.from({ length: Math.floor(random() * 3) }, () => pick(FRAGMENTS)).join("")}`;
  const layerCount = 2 + Math.floor(random() * 3);
  const setNames = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => name("s")))];
  const sets = Object.fromEntries(
    setNames.map((s, i) => [
      s,
      { aws: { runRole: `arn:aws:iam::${String(i + 1).repeat(12)}:role/${random() < 0.5 ? "{layer}" : `r${i}`}` } },
    ]),
  );
  const layers: LayerFixture[] = [];
  for (let i = 0; i < layerCount; i++) {
    const dependsOn = layers.filter(() => random() < 0.5).map((l) => l.name);
    layers.push({
      name: `l${i}`,
      workspaces: [...new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, () => name(`w${i}`)))],
      ...(dependsOn.length ? { dependsOn } : {}),
      credentials: [...new Set(setNames.filter(() => random() < 0.5))],
    });
  }
  // Every set used somewhere, as the rules require.
  for (const s of setNames)
    if (!layers.some((l) => (l.credentials as string[]).includes(s))) (layers[0].credentials as string[]).push(s);
  const teams: Record<string, Record<string, unknown>> = {};
  for (const team of new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => name("team")))) {
    const access: Record<string, unknown> = {};
    if (random() < 0.4) access["*"] = pick(LEVELS);
    for (const l of layers)
      if (random() < 0.4) access[l.name] = random() < 0.3 ? { runs: pick(["read", "plan", "apply"]) } : pick(LEVELS);
    if (Object.keys(access).length === 0) access[layers[0].name] = "read";
    teams[team] = access;
  }
  return { layers, teams, sets, project: random() < 0.5 };
}

const expectedAccess = (g: Generated, team: string, layer: string) => g.teams[team][layer] ?? g.teams[team]["*"];
const levelOrPermissions = (r: { inputs: Record<string, unknown> }) =>
  r.inputs.access ?? (r.inputs.permissions as Record<string, unknown>[])[0].runs;
const plainValue = (v: unknown) =>
  v !== null && typeof v === "object" && "value" in (v as object) ? (v as { value: unknown }).value : v;

describe("access and credentials, differential", () => {
  it("each workspace gets exactly its layer's access and credential sets, for generated configs", async () => {
    let checked = 0;
    for (let seed = 1; checked < 25 && seed < 200; seed++) {
      const g = generate(seed);
      const file = stackConfig({
        environment: "dev",
        layers: g.layers,
        raw: {
          "tfc-layers:teams": g.teams,
          "tfc-layers:credentials": g.sets,
          ...(g.project ? { "tfc-layers:project": { name: "layers-dev" } } : {}),
        },
      });
      let topology: ReturnType<typeof buildTopology>;
      try {
        topology = buildTopology(readStackConfig(file.config, (k) => file.secretKeys.includes(k)));
      } catch (err) {
        if (err instanceof StackConfigError) continue;
        throw err;
      }
      const run: MockRun = await deploy(file);
      const urns = run.resources.map((r) => r.urn);
      assert.equal(new Set(urns).size, urns.length, `seed ${seed}: duplicate URN`);
      const layerOf = new Map(topology.workspaces.map((w) => [w.name, w.layer]));

      // Team access: per workspace, or once on the project for a uniform read/write/custom.
      const onProject = new Set(
        ofType(run, "tfe:index/teamProjectAccess:TeamProjectAccess").map((r) => r.name.split("@")[0]),
      );
      const got = new Set(
        ofType(run, "tfe:index/teamAccess:TeamAccess").map((r) => `${r.name} ${JSON.stringify(levelOrPermissions(r))}`),
      );
      const want = new Set<string>();
      for (const team of Object.keys(g.teams)) {
        if (onProject.has(team)) continue;
        for (const w of topology.workspaces) {
          const access = expectedAccess(g, team, w.layer);
          if (access === undefined) continue;
          want.add(
            `${team}@${w.name} ${JSON.stringify(typeof access === "string" ? access : (access as { runs: string }).runs)}`,
          );
        }
      }
      assert.deepEqual([...got].sort(), [...want].sort(), `seed ${seed}: team access`);
      for (const team of onProject) {
        const all = topology.workspaces.map((w) => JSON.stringify(expectedAccess(g, team, w.layer)));
        assert.equal(new Set(all).size, 1, `seed ${seed}: ${team} on the project with unequal access`);
        assert.ok(g.project, `seed ${seed}: project access without a project the stack owns`);
      }

      // Credential sets: the sets attached to each workspace and the role each gives it.
      const sets = ofType(run, "tfe:index/variableSet:VariableSet");
      const tfcNames = sets.map((s) => String(s.inputs.name).toLowerCase());
      assert.equal(new Set(tfcNames).size, tfcNames.length, `seed ${seed}: two variable sets with one TFC name`);
      const setOfId = new Map(sets.map((s) => [`id(${s.name})`, s]));
      const roles = new Map(
        ofType(run, "tfe:index/variable:Variable")
          .filter((v) => v.inputs.key === "TFC_AWS_RUN_ROLE_ARN")
          .map((v) => [String(v.inputs.variableSetId), plainValue(v.inputs.value)]),
      );
      const attached = new Map<string, string[]>();
      const attach = (ws: string, setId: string) => {
        const set = setOfId.get(setId)!;
        const setName = String(set.inputs.name).split("/")[3];
        const role = roles.get(setId);
        attached.set(ws, [...(attached.get(ws) ?? []), `${setName} ${role}`]);
      };
      for (const a of ofType(run, "tfe:index/workspaceVariableSet:WorkspaceVariableSet")) {
        attach(String(a.inputs.workspaceId).slice(3, -1), String(a.inputs.variableSetId));
      }
      for (const a of ofType(run, "tfe:index/projectVariableSet:ProjectVariableSet")) {
        for (const w of topology.workspaces) attach(w.name, String(a.inputs.variableSetId));
      }
      for (const w of topology.workspaces) {
        const layer = g.layers.find((l) => l.name === layerOf.get(w.name))!;
        const expected = (layer.credentials as string[]).map(
          (s) => `${s} ${g.sets[s].aws.runRole.replace("{layer}", layer.name)}`,
        );
        assert.deepEqual(
          (attached.get(w.name) ?? []).sort(),
          expected.sort(),
          `seed ${seed}: ${w.name} credential sets`,
        );
      }
      checked++;
    }
    assert.equal(checked, 25, "enough generated configs were valid");
  });
});

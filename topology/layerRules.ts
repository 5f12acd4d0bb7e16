// The rules of the layers as written, checked before anything is stamped or wired: unique names,
// dependencies that exist and form no cycle, execution modes that can run what triggers queue,
// and renames that name one old workspace each.
import { closest } from "./configValues";
import { StackConfigError, show } from "./errors";
import { findCycle } from "./graph";
import { KEYS } from "./keys";
import { NAME, type StackSettings } from "./stackConfig";

const fail = (message: string): never => {
  throw new StackConfigError(`${KEYS.layers}: ${message}`);
};

export function checkNames(settings: StackSettings): void {
  const layerNames = new Set<string>();
  const layerOfWorkspace = new Map<string, string>();
  // TFC tells workspace names apart without regard to case.
  const byLowerCase = new Map<string, string>();
  for (const layer of settings.layers) {
    if (layerNames.has(layer.name)) {
      fail(`two layers are named ${show(layer.name)}: layer names must be unique`);
    }
    layerNames.add(layer.name);
    for (const workspace of layer.workspaces) {
      const other = layerOfWorkspace.get(workspace);
      if (other === layer.name) {
        fail(`workspace ${show(workspace)} is listed twice in layer ${show(layer.name)}: list it once`);
      }
      if (other !== undefined) {
        fail(
          `workspace ${show(workspace)} is listed in layers ${show(other)} and ${show(layer.name)}: a workspace belongs to one layer`,
        );
      }
      layerOfWorkspace.set(workspace, layer.name);
      const sameButCase = byLowerCase.get(workspace.toLowerCase());
      if (sameButCase !== undefined) {
        fail(
          `workspaces ${show(sameButCase)} and ${show(workspace)} differ only in case: TFC workspace names ignore case; rename one of them`,
        );
      }
      byLowerCase.set(workspace.toLowerCase(), workspace);
    }
  }
}

export function checkDependencies(settings: StackSettings): void {
  const names = [...settings.layers.map((l) => l.name), ...settings.external.map((l) => l.name)];
  for (const layer of settings.layers) {
    const seen = new Set<string>();
    for (const dependency of layer.dependsOn) {
      if (seen.has(dependency)) {
        fail(`layer ${show(layer.name)} lists ${show(dependency)} twice in dependsOn: list it once`);
      }
      seen.add(dependency);
      if (dependency === layer.name) {
        fail(`layer ${show(layer.name)} depends on itself: remove ${show(dependency)} from its dependsOn`);
      }
      if (!names.includes(dependency)) {
        const guess = closest(dependency, names);
        const hint = guess ? `did you mean ${show(guess)}?` : `layers are ${names.map((n) => show(n)).join(", ")}`;
        fail(`layer ${show(layer.name)} depends on ${show(dependency)}, which is not a layer: ${hint}`);
      }
    }
  }
  const dependsOn = new Map(settings.layers.map((l) => [l.name, l.dependsOn]));
  // External layers depend on nothing here, so no cycle runs through them.
  const cycle = findCycle(
    settings.layers.map((l) => l.name),
    (n) => dependsOn.get(n) ?? [],
  );
  if (cycle) {
    fail(
      `dependency cycle ${cycle.join(" -> ")} (each layer depends on the next): remove one of these dependsOn entries`,
    );
  }
}

export function checkExecution(settings: StackSettings): void {
  const executionModes = new Map(settings.layers.map((l) => [l.name, l.executionMode]));
  for (const layer of settings.layers) {
    if (layer.executionMode === "agent" && layer.agentPoolId === undefined) {
      fail(`layer ${show(layer.name)} has executionMode agent but no agentPoolId: add the agent pool id (apool-...)`);
    }
    if (layer.executionMode !== "agent" && layer.agentPoolId !== undefined) {
      fail(
        `layer ${show(layer.name)} sets agentPoolId but executionMode is ${show(layer.executionMode)}: set executionMode: agent or remove agentPoolId`,
      );
    }
    if (layer.executionMode === "local" && (layer.healthAssessments ?? settings.healthAssessments)) {
      const from = layer.healthAssessments ? "its healthAssessments: true" : `${KEYS.healthAssessments}: true`;
      fail(
        `layer ${show(layer.name)} has executionMode local and health assessments on (${from}): TFC assesses only remote and agent workspaces; set healthAssessments: false on layer ${show(layer.name)} or use remote`,
      );
    }
    if (layer.executionMode === "local" && layer.dependsOn.length > 0) {
      fail(
        `layer ${show(layer.name)} has executionMode local and dependsOn ${show(layer.dependsOn)}: runs queued by run triggers never execute in local mode; use remote or agent, or drop dependsOn`,
      );
    }
    for (const dependency of layer.dependsOn) {
      if (executionModes.get(dependency) === "local") {
        fail(
          `layer ${show(dependency)} has executionMode local and layer ${show(layer.name)} depends on it: local applies run outside TFC and queue no runs downstream; use remote or agent for ${show(dependency)}`,
        );
      }
    }
  }
}

/** The former name (as written) of each renamed workspace, checked. */
export function previousNames(settings: StackSettings): Map<string, string> {
  const current = new Set(settings.layers.flatMap((l) => l.workspaces));
  const places = new Map<string, string>();
  const renamedTo = new Map<string, string>();
  for (const layer of settings.layers) {
    for (const [key, from] of Object.entries(layer.renamedFrom)) {
      const where = `layer ${show(layer.name)} renamedFrom ${show(key)}`;
      if (!layer.workspaces.includes(key)) {
        fail(`${where}: ${show(key)} is not a workspace of the layer; list the workspace's new name in workspaces`);
      }
      // "<old layer>/<old name>", as earlier versions wrote a move, still reads: the layer plays no part.
      const parts = from.split("/");
      const oldKey = parts.length === 2 ? parts[1] : from;
      if (!NAME.test(oldKey)) {
        fail(`${where}: ${show(from)} must be the old workspace name (letters, digits, "-" and "_")`);
      }
      if (current.has(oldKey)) {
        fail(`${where}: ${show(oldKey)} is still a workspace; a rename keeps one of the two names only`);
      }
      const other = renamedTo.get(oldKey);
      if (other !== undefined) {
        fail(
          `${where}: ${show(other)} is renamed from ${show(oldKey)} too; one workspace becomes one workspace, so keep renamedFrom on one of them`,
        );
      }
      renamedTo.set(oldKey, key);
      places.set(key, oldKey);
    }
  }
  return places;
}

// What the stack's workspaces share: one project, one code source, one Terraform version where
// all agree, who waits for approval and who has health assessments (the stack's values, a
// layer's own where it differs).
import {
  type AutoApplyChoice,
  collapseAutoApply,
  collapseHealthAssessments,
  type HealthAssessmentsChoice,
} from "./behaviour";
import type { OrgWorkspace } from "./organization";
import { refuse, uniform } from "./refusal";

export interface SharedSettings {
  readonly project?: string;
  readonly vcs?: NonNullable<OrgWorkspace["vcs"]>;
  /** The Terraform version every workspace has, else undefined (each entry then says its own). */
  readonly version?: string;
  readonly autoApply: AutoApplyChoice;
  readonly healthAssessments: HealthAssessmentsChoice;
  readonly notes: string[];
}

function oneProject(all: readonly OrgWorkspace[]) {
  const project = uniform(all.map((w) => w.projectId));
  if (all.some((w) => w.projectId) && project === undefined) {
    refuse(
      `the workspaces are in different projects (${[...new Set(all.map((w) => w.projectId ?? "none"))].join(", ")}): one stack puts its workspaces in one project; adopt each project with --project`,
    );
  }
  return project;
}

function oneCodeSource(all: readonly OrgWorkspace[]) {
  const vcs = uniform(all.map((w) => (w.vcs ? { ...w.vcs, identifier: w.vcs.identifier } : undefined)));
  if (all.some((w) => w.vcs) && vcs === undefined) {
    refuse(
      "the workspaces plan from different repositories or branches, or clone or release them differently (submodules, tags): a stack has one code source; adopt the workspaces of one repository and branch at a time",
    );
  }
  return vcs;
}

function describeAutoApply(autoApply: AutoApplyChoice) {
  const { stack } = autoApply;
  const ownChoices = [...autoApply.layers].filter(([, fields]) => Object.keys(fields).length > 0);
  return [
    `autoApply ${stack.autoApply}, autoApplyRunTrigger ${stack.autoApplyRunTrigger ?? stack.autoApply}, as the workspaces have them`,
    ...ownChoices.map(
      ([layer, fields]) =>
        `layer ${layer}: ${Object.entries(fields)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ")}`,
    ),
    ...(autoApply.allowLayerAutoApply ? ["allowLayerAutoApply: a layer applies by itself where the stack waits"] : []),
  ].join("; ");
}

function describeHealthAssessments(choice: HealthAssessmentsChoice) {
  const own = [...choice.layers].map(([layer, on]) => `layer ${layer}: ${on}`);
  return `healthAssessments ${choice.stack}${own.length ? `; ${own.join("; ")}` : ""}, as the workspaces have them`;
}

export function inferSharedSettings(
  all: readonly OrgWorkspace[],
  groups: ReadonlyMap<string, readonly OrgWorkspace[]>,
): SharedSettings {
  const project = oneProject(all);
  const vcs = oneCodeSource(all);
  const version = uniform(all.map((w) => w.terraformVersion));
  const layers = [...groups].map(([layer, workspaces]) => ({ layer, workspaces }));
  const autoApply = collapseAutoApply(layers);
  const healthAssessments = collapseHealthAssessments(layers);
  const notes = [describeAutoApply(autoApply), describeHealthAssessments(healthAssessments)];
  return { project, vcs, version, autoApply, healthAssessments, notes };
}

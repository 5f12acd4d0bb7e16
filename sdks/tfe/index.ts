// Entry point of the hand-written @pulumi/tfe subset (see README.md).
import * as pulumi from "@pulumi/pulumi";

// Export members:
export { getOutputs, getOutputsOutput } from "./getOutputs";
export type { GetOutputsArgs, GetOutputsOutputArgs, GetOutputsResult } from "./getOutputs";
export { getTeam, getTeamOutput } from "./getTeam";
export type { GetTeamArgs, GetTeamOutputArgs, GetTeamResult } from "./getTeam";
export { getWorkspace, getWorkspaceOutput } from "./getWorkspace";
export type { GetWorkspaceArgs, GetWorkspaceOutputArgs, GetWorkspaceResult } from "./getWorkspace";
export { NotificationConfiguration } from "./notificationConfiguration";
export type { NotificationConfigurationArgs, NotificationConfigurationState } from "./notificationConfiguration";
export { Project } from "./project";
export type { ProjectArgs, ProjectState } from "./project";
export { ProjectVariableSet } from "./projectVariableSet";
export type { ProjectVariableSetArgs, ProjectVariableSetState } from "./projectVariableSet";
export { Provider } from "./provider";
export type { ProviderArgs } from "./provider";
export { RunTrigger } from "./runTrigger";
export type { RunTriggerArgs, RunTriggerState } from "./runTrigger";
export { TeamAccess } from "./teamAccess";
export type { TeamAccessArgs, TeamAccessState } from "./teamAccess";
export { TeamProjectAccess } from "./teamProjectAccess";
export type { TeamProjectAccessArgs, TeamProjectAccessState } from "./teamProjectAccess";
export { Variable } from "./variable";
export type { VariableArgs, VariableState } from "./variable";
export { VariableSet } from "./variableSet";
export type { VariableSetArgs, VariableSetState } from "./variableSet";
export { Workspace } from "./workspace";
export type { WorkspaceArgs, WorkspaceState } from "./workspace";
export { WorkspaceRun } from "./workspaceRun";
export type { WorkspaceRunArgs, WorkspaceRunState } from "./workspaceRun";
export { WorkspaceSettings } from "./workspaceSettings";
export type { WorkspaceSettingsArgs, WorkspaceSettingsState } from "./workspaceSettings";
export { WorkspaceVariableSet } from "./workspaceVariableSet";
export type { WorkspaceVariableSetArgs, WorkspaceVariableSetState } from "./workspaceVariableSet";

import { NotificationConfiguration } from "./notificationConfiguration";
import { Project } from "./project";
import { ProjectVariableSet } from "./projectVariableSet";
import { Provider } from "./provider";
import { RunTrigger } from "./runTrigger";
import { TeamAccess } from "./teamAccess";
import { TeamProjectAccess } from "./teamProjectAccess";
import { Variable } from "./variable";
import { VariableSet } from "./variableSet";
import { Workspace } from "./workspace";
import { WorkspaceRun } from "./workspaceRun";
import { WorkspaceSettings } from "./workspaceSettings";
import { WorkspaceVariableSet } from "./workspaceVariableSet";

// Export sub-modules:
import * as config from "./config";
import * as types from "./types";

export { config, types };

// Let the runtime rehydrate resource references (e.g. a Workspace passed between stacks).
const resourceClasses = [
    NotificationConfiguration,
    Project,
    ProjectVariableSet,
    RunTrigger,
    TeamAccess,
    TeamProjectAccess,
    Variable,
    VariableSet,
    Workspace,
    WorkspaceRun,
    WorkspaceSettings,
    WorkspaceVariableSet,
];
const _module = {
    version: "0.70.0",
    construct: (name: string, type: string, urn: string): pulumi.Resource => {
        for (const cls of resourceClasses) {
            if (type === cls.__pulumiType) {
                return new (cls as any)(name, undefined, { urn });
            }
        }
        throw new Error(`unknown resource type ${type}`);
    },
};
for (const cls of resourceClasses) {
    const token = cls.__pulumiType;
    pulumi.runtime.registerResourceModule("tfe", token.split(":")[1], _module);
}
pulumi.runtime.registerResourcePackage("tfe", {
    version: "0.70.0",
    constructProvider: (name: string, type: string, urn: string): pulumi.ProviderResource => {
        if (type !== "pulumi:providers:tfe") {
            throw new Error(`unknown provider type ${type}`);
        }
        return new Provider(name, undefined, { urn });
    },
});

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

/**
 * Gets information about a team. Data source `tfe_team`.
 */
export function getTeam(args: GetTeamArgs, opts?: pulumi.InvokeOptions): Promise<GetTeamResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke(
        "tfe:index/getTeam:getTeam",
        {
            name: args.name,
            organization: args.organization,
        },
        opts,
        utilities.getPackage(),
    );
}

/** A collection of arguments for invoking getTeam. */
export interface GetTeamArgs {
    /** Name of the team. */
    name: string;
    /** Name of the organization. */
    organization?: string;
}

/** A collection of values returned by getTeam. */
export interface GetTeamResult {
    /** The provider-assigned unique ID for this managed resource: the team's ID. */
    readonly id: string;
    readonly name: string;
    readonly organization: string;
    /** The team's SSO team ID, when it has one. */
    readonly ssoTeamId: string;
}

/**
 * Gets information about a team, as an Output. Data source `tfe_team`.
 */
export function getTeamOutput(args: GetTeamOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetTeamResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput(
        "tfe:index/getTeam:getTeam",
        {
            name: args.name,
            organization: args.organization,
        },
        opts,
        utilities.getPackage(),
    );
}

/** A collection of arguments for invoking getTeam. */
export interface GetTeamOutputArgs {
    /** Name of the team. */
    name: pulumi.Input<string>;
    /** Name of the organization. */
    organization?: pulumi.Input<string>;
}

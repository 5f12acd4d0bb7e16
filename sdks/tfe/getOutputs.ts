import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

/**
 * Reads the state outputs of a workspace. Governed by the token's permissions, not by the
 * workspace's remote-state consumers. Data source `tfe_outputs`.
 */
export function getOutputs(args: GetOutputsArgs, opts?: pulumi.InvokeOptions): Promise<GetOutputsResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke(
        "tfe:index/getOutputs:getOutputs",
        {
            organization: args.organization,
            workspace: args.workspace,
        },
        opts,
        utilities.getPackage(),
    );
}

/** A collection of arguments for invoking getOutputs. */
export interface GetOutputsArgs {
    /** The name of the organization. */
    organization?: string;
    /** The name of the workspace whose outputs are read. */
    workspace: string;
}

/** A collection of values returned by getOutputs. */
export interface GetOutputsResult {
    /** The provider-assigned unique ID for this managed resource. */
    readonly id: string;
    /** The outputs whose values are not sensitive. */
    readonly nonsensitiveValues: { [key: string]: any };
    readonly organization: string;
    /** Every output of the workspace; the whole map is a secret. */
    readonly values: { [key: string]: any };
    readonly workspace: string;
}

/**
 * Reads the state outputs of a workspace, as an Output. Data source `tfe_outputs`.
 */
export function getOutputsOutput(
    args: GetOutputsOutputArgs,
    opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetOutputsResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput(
        "tfe:index/getOutputs:getOutputs",
        {
            organization: args.organization,
            workspace: args.workspace,
        },
        opts,
        utilities.getPackage(),
    );
}

/** A collection of arguments for invoking getOutputs. */
export interface GetOutputsOutputArgs {
    /** The name of the organization. */
    organization?: pulumi.Input<string>;
    /** The name of the workspace whose outputs are read. */
    workspace: pulumi.Input<string>;
}

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
import * as utilities from "./utilities";

/**
 * Associates a team to permissions on a workspace.
 *
 * Terraform resource `tfe_team_access`; token `tfe:index/teamAccess:TeamAccess`.
 */
export class TeamAccess extends pulumi.CustomResource {
    /**
     * Get an existing TeamAccess resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param state Any extra arguments used during the lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, state?: TeamAccessState, opts?: pulumi.CustomResourceOptions): TeamAccess {
        return new TeamAccess(name, <any>state, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "tfe:index/teamAccess:TeamAccess";

    /**
     * Returns true if the given object is an instance of TeamAccess. This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is TeamAccess {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj["__pulumiType"] === TeamAccess.__pulumiType;
    }

    /**
     * Type of fixed access to grant: `admin`, `read`, `plan` or `write`; `custom` when permissions are given.
     */
    declare public readonly access: pulumi.Output<string>;
    /**
     * Custom permissions, instead of a fixed access type.
     */
    declare public readonly permissions: pulumi.Output<outputs.TeamAccessPermission[]>;
    /**
     * ID of the team. Changing it replaces the access.
     */
    declare public readonly teamId: pulumi.Output<string>;
    /**
     * ID of the workspace. Changing it replaces the access.
     */
    declare public readonly workspaceId: pulumi.Output<string>;

    /**
     * Create a TeamAccess resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: TeamAccessArgs, opts?: pulumi.CustomResourceOptions)
    constructor(name: string, argsOrState?: TeamAccessArgs | TeamAccessState, opts?: pulumi.CustomResourceOptions) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (opts.id) {
            const state = argsOrState as TeamAccessState | undefined;
            resourceInputs["access"] = state ? state.access : undefined;
            resourceInputs["permissions"] = state ? state.permissions : undefined;
            resourceInputs["teamId"] = state ? state.teamId : undefined;
            resourceInputs["workspaceId"] = state ? state.workspaceId : undefined;
        } else {
            const args = argsOrState as TeamAccessArgs | undefined;
            if ((!args || args.teamId === undefined) && !opts.urn) {
                throw new Error("Missing required property 'teamId'");
            }
            if ((!args || args.workspaceId === undefined) && !opts.urn) {
                throw new Error("Missing required property 'workspaceId'");
            }
            resourceInputs["access"] = args ? args.access : undefined;
            resourceInputs["permissions"] = args ? args.permissions : undefined;
            resourceInputs["teamId"] = args ? args.teamId : undefined;
            resourceInputs["workspaceId"] = args ? args.workspaceId : undefined;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(TeamAccess.__pulumiType, name, resourceInputs, opts, false /*dependency*/, utilities.getPackage());
    }
}

/**
 * Input properties used for looking up and filtering TeamAccess resources.
 */
export interface TeamAccessState {
    /**
     * Type of fixed access to grant: `admin`, `read`, `plan` or `write`; `custom` when permissions are given.
     */
    access?: pulumi.Input<string>;
    /**
     * Custom permissions, instead of a fixed access type.
     */
    permissions?: pulumi.Input<pulumi.Input<inputs.TeamAccessPermission>[]>;
    /**
     * ID of the team. Changing it replaces the access.
     */
    teamId?: pulumi.Input<string>;
    /**
     * ID of the workspace. Changing it replaces the access.
     */
    workspaceId?: pulumi.Input<string>;
}

/**
 * The set of arguments for constructing a TeamAccess resource.
 */
export interface TeamAccessArgs {
    /**
     * Type of fixed access to grant: `admin`, `read`, `plan` or `write`. Exactly one of access and permissions.
     */
    access?: pulumi.Input<string>;
    /**
     * Custom permissions, instead of a fixed access type. Exactly one of access and permissions.
     */
    permissions?: pulumi.Input<pulumi.Input<inputs.TeamAccessPermission>[]>;
    /**
     * ID of the team. Changing it replaces the access.
     */
    teamId: pulumi.Input<string>;
    /**
     * ID of the workspace (`ws-...`). Changing it replaces the access.
     */
    workspaceId: pulumi.Input<string>;
}

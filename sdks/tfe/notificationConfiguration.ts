import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

/**
 * Defines a notification configuration for a workspace.
 *
 * Terraform resource `tfe_notification_configuration`; token `tfe:index/notificationConfiguration:NotificationConfiguration`.
 */
export class NotificationConfiguration extends pulumi.CustomResource {
    /**
     * Get an existing NotificationConfiguration resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param state Any extra arguments used during the lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, state?: NotificationConfigurationState, opts?: pulumi.CustomResourceOptions): NotificationConfiguration {
        return new NotificationConfiguration(name, <any>state, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "tfe:index/notificationConfiguration:NotificationConfiguration";

    /**
     * Returns true if the given object is an instance of NotificationConfiguration. This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is NotificationConfiguration {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj["__pulumiType"] === NotificationConfiguration.__pulumiType;
    }

    /**
     * The type of notification configuration payload: generic, email, slack or microsoft-teams.
     */
    declare public readonly destinationType: pulumi.Output<string>;
    /**
     * A list of email addresses (email destinations only).
     */
    declare public readonly emailAddresses: pulumi.Output<string[]>;
    /**
     * A list of user IDs (email destinations only).
     */
    declare public readonly emailUserIds: pulumi.Output<string[]>;
    /**
     * Whether the notification configuration should be enabled. Defaults to false.
     */
    declare public readonly enabled: pulumi.Output<boolean>;
    /**
     * Name of the notification configuration.
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * A write-only secure token used to sign the payload (generic destinations only).
     */
    declare public readonly token: pulumi.Output<string | undefined>;
    /**
     * Write-only form of token; never stored in state.
     */
    declare public readonly tokenWo: pulumi.Output<string | undefined>;
    /**
     * The array of triggers for which this configuration sends notifications.
     */
    declare public readonly triggers: pulumi.Output<string[] | undefined>;
    /**
     * The HTTP or HTTPS URL the payload is sent to; required for generic, slack and microsoft-teams.
     */
    declare public readonly url: pulumi.Output<string | undefined>;
    /**
     * The ID of the workspace that owns the notification configuration.
     */
    declare public readonly workspaceId: pulumi.Output<string>;

    /**
     * Create a NotificationConfiguration resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: NotificationConfigurationArgs, opts?: pulumi.CustomResourceOptions)
    constructor(name: string, argsOrState?: NotificationConfigurationArgs | NotificationConfigurationState, opts?: pulumi.CustomResourceOptions) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (opts.id) {
            const state = argsOrState as NotificationConfigurationState | undefined;
            resourceInputs["destinationType"] = state ? state.destinationType : undefined;
            resourceInputs["emailAddresses"] = state ? state.emailAddresses : undefined;
            resourceInputs["emailUserIds"] = state ? state.emailUserIds : undefined;
            resourceInputs["enabled"] = state ? state.enabled : undefined;
            resourceInputs["name"] = state ? state.name : undefined;
            resourceInputs["token"] = state ? state.token : undefined;
            resourceInputs["tokenWo"] = state ? state.tokenWo : undefined;
            resourceInputs["triggers"] = state ? state.triggers : undefined;
            resourceInputs["url"] = state ? state.url : undefined;
            resourceInputs["workspaceId"] = state ? state.workspaceId : undefined;
        } else {
            const args = argsOrState as NotificationConfigurationArgs | undefined;
            if ((!args || args.destinationType === undefined) && !opts.urn) {
                throw new Error("Missing required property 'destinationType'");
            }
            if ((!args || args.workspaceId === undefined) && !opts.urn) {
                throw new Error("Missing required property 'workspaceId'");
            }
            resourceInputs["destinationType"] = args ? args.destinationType : undefined;
            resourceInputs["emailAddresses"] = args ? args.emailAddresses : undefined;
            resourceInputs["emailUserIds"] = args ? args.emailUserIds : undefined;
            resourceInputs["enabled"] = args ? args.enabled : undefined;
            resourceInputs["name"] = args ? args.name : undefined;
            resourceInputs["token"] = args?.token ? pulumi.secret(args.token) : undefined;
            resourceInputs["tokenWo"] = args?.tokenWo ? pulumi.secret(args.tokenWo) : undefined;
            resourceInputs["triggers"] = args ? args.triggers : undefined;
            resourceInputs["url"] = args?.url ? pulumi.secret(args.url) : undefined;
            resourceInputs["workspaceId"] = args ? args.workspaceId : undefined;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        const secretOpts = { additionalSecretOutputs: ["token", "tokenWo", "url"] };
        opts = pulumi.mergeOptions(opts, secretOpts);
        super(NotificationConfiguration.__pulumiType, name, resourceInputs, opts, false /*dependency*/, utilities.getPackage());
    }
}

/**
 * Input properties used for looking up and filtering NotificationConfiguration resources.
 */
export interface NotificationConfigurationState {
    /**
     * The type of notification configuration payload: generic, email, slack or microsoft-teams.
     */
    destinationType?: pulumi.Input<string>;
    /**
     * A list of email addresses (email destinations only).
     */
    emailAddresses?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * A list of user IDs (email destinations only).
     */
    emailUserIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Whether the notification configuration should be enabled. Defaults to false.
     */
    enabled?: pulumi.Input<boolean>;
    /**
     * Name of the notification configuration.
     */
    name?: pulumi.Input<string>;
    /**
     * A write-only secure token used to sign the payload (generic destinations only).
     */
    token?: pulumi.Input<string>;
    /**
     * Write-only form of token; never stored in state.
     */
    tokenWo?: pulumi.Input<string>;
    /**
     * The array of triggers for which this configuration sends notifications.
     */
    triggers?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The HTTP or HTTPS URL the payload is sent to; required for generic, slack and microsoft-teams.
     */
    url?: pulumi.Input<string>;
    /**
     * The ID of the workspace that owns the notification configuration.
     */
    workspaceId?: pulumi.Input<string>;
}

/**
 * The set of arguments for constructing a NotificationConfiguration resource.
 */
export interface NotificationConfigurationArgs {
    /**
     * The type of notification configuration payload: generic, email, slack or microsoft-teams.
     */
    destinationType: pulumi.Input<string>;
    /**
     * A list of email addresses (email destinations only).
     */
    emailAddresses?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * A list of user IDs (email destinations only).
     */
    emailUserIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Whether the notification configuration should be enabled. Defaults to false.
     */
    enabled?: pulumi.Input<boolean>;
    /**
     * Name of the notification configuration.
     */
    name?: pulumi.Input<string>;
    /**
     * A write-only secure token used to sign the payload (generic destinations only).
     */
    token?: pulumi.Input<string>;
    /**
     * Write-only form of token; never stored in state.
     */
    tokenWo?: pulumi.Input<string>;
    /**
     * The array of triggers for which this configuration sends notifications.
     */
    triggers?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The HTTP or HTTPS URL the payload is sent to; required for generic, slack and microsoft-teams.
     */
    url?: pulumi.Input<string>;
    /**
     * The ID of the workspace that owns the notification configuration.
     */
    workspaceId: pulumi.Input<string>;
}

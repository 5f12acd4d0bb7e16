import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

/**
 * The provider type for the tfe package. An explicit provider overrides the default
 * one configured from the `tfe:*` stack keys.
 */
export class Provider extends pulumi.ProviderResource {
    /** @internal */
    public static readonly __pulumiType = "tfe";

    /**
     * Returns true if the given object is an instance of Provider. This is designed to work
     * even when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is Provider {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj["__pulumiType"] === "pulumi:providers:" + Provider.__pulumiType;
    }

    /** The Terraform Cloud / Enterprise hostname to connect to. */
    declare public readonly hostname: pulumi.Output<string | undefined>;
    /** The default organization that resources belong to. */
    declare public readonly organization: pulumi.Output<string | undefined>;
    /** The token used to authenticate with Terraform Cloud / Enterprise. */
    declare public readonly token: pulumi.Output<string | undefined>;

    /**
     * Create a Provider resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args?: ProviderArgs, opts?: pulumi.ResourceOptions) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        {
            resourceInputs["hostname"] = args ? args.hostname : undefined;
            resourceInputs["organization"] = args ? args.organization : undefined;
            resourceInputs["sslSkipVerify"] = pulumi.output(args ? args.sslSkipVerify : undefined).apply(JSON.stringify);
            resourceInputs["token"] = args ? args.token : undefined;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(Provider.__pulumiType, name, resourceInputs, opts, false /*dependency*/, utilities.getPackage());
    }
}

/** The set of arguments for constructing a Provider resource. */
export interface ProviderArgs {
    /** The Terraform Cloud / Enterprise hostname to connect to (default app.terraform.io). */
    hostname?: pulumi.Input<string>;
    /** The default organization that resources belong to. */
    organization?: pulumi.Input<string>;
    /** Whether or not to skip certificate verifications. */
    sslSkipVerify?: pulumi.Input<boolean>;
    /** The token used to authenticate; set it as a secret or through TFE_TOKEN. */
    token?: pulumi.Input<string>;
}

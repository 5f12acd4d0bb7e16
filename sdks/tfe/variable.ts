import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

/**
 * Creates, updates and destroys variables of a workspace or a variable set.
 *
 * Terraform resource `tfe_variable`; token `tfe:index/variable:Variable`.
 */
export class Variable extends pulumi.CustomResource {
    /**
     * Get an existing Variable resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param state Any extra arguments used during the lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, state?: VariableState, opts?: pulumi.CustomResourceOptions): Variable {
        return new Variable(name, <any>state, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "tfe:index/variable:Variable";

    /**
     * Returns true if the given object is an instance of Variable. This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is Variable {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj["__pulumiType"] === Variable.__pulumiType;
    }

    /**
     * Whether this is a Terraform or environment variable: `terraform` or `env`.
     */
    declare public readonly category: pulumi.Output<string>;
    /**
     * Description of the variable.
     */
    declare public readonly description: pulumi.Output<string>;
    /**
     * Whether to evaluate the value of the variable as a string of HCL code.
     */
    declare public readonly hcl: pulumi.Output<boolean>;
    /**
     * Name of the variable.
     */
    declare public readonly key: pulumi.Output<string>;
    /**
     * A copy of the value, empty when the variable is sensitive.
     */
    declare public readonly readableValue: pulumi.Output<string>;
    /**
     * Whether the value is sensitive; changing true to false replaces the variable.
     */
    declare public readonly sensitive: pulumi.Output<boolean>;
    /**
     * Value of the variable.
     */
    declare public readonly value: pulumi.Output<string>;
    /**
     * Write-only value of the variable; never stored in state.
     */
    declare public readonly valueWo: pulumi.Output<string | undefined>;
    /**
     * ID of the variable set that owns the variable; conflicts with workspaceId.
     */
    declare public readonly variableSetId: pulumi.Output<string | undefined>;
    /**
     * ID of the workspace that owns the variable; conflicts with variableSetId.
     */
    declare public readonly workspaceId: pulumi.Output<string | undefined>;

    /**
     * Create a Variable resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: VariableArgs, opts?: pulumi.CustomResourceOptions)
    constructor(name: string, argsOrState?: VariableArgs | VariableState, opts?: pulumi.CustomResourceOptions) {
        const resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (opts.id) {
            const state = argsOrState as VariableState | undefined;
            resourceInputs["category"] = state ? state.category : undefined;
            resourceInputs["description"] = state ? state.description : undefined;
            resourceInputs["hcl"] = state ? state.hcl : undefined;
            resourceInputs["key"] = state ? state.key : undefined;
            resourceInputs["readableValue"] = state ? state.readableValue : undefined;
            resourceInputs["sensitive"] = state ? state.sensitive : undefined;
            resourceInputs["value"] = state ? state.value : undefined;
            resourceInputs["valueWo"] = state ? state.valueWo : undefined;
            resourceInputs["variableSetId"] = state ? state.variableSetId : undefined;
            resourceInputs["workspaceId"] = state ? state.workspaceId : undefined;
        } else {
            const args = argsOrState as VariableArgs | undefined;
            if ((!args || args.category === undefined) && !opts.urn) {
                throw new Error("Missing required property 'category'");
            }
            if ((!args || args.key === undefined) && !opts.urn) {
                throw new Error("Missing required property 'key'");
            }
            resourceInputs["category"] = args ? args.category : undefined;
            resourceInputs["description"] = args ? args.description : undefined;
            resourceInputs["hcl"] = args ? args.hcl : undefined;
            resourceInputs["key"] = args ? args.key : undefined;
            resourceInputs["sensitive"] = args ? args.sensitive : undefined;
            resourceInputs["value"] = args?.value ? pulumi.secret(args.value) : undefined;
            resourceInputs["valueWo"] = args?.valueWo ? pulumi.secret(args.valueWo) : undefined;
            resourceInputs["variableSetId"] = args ? args.variableSetId : undefined;
            resourceInputs["workspaceId"] = args ? args.workspaceId : undefined;
            resourceInputs["readableValue"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        const secretOpts = { additionalSecretOutputs: ["value", "valueWo"] };
        opts = pulumi.mergeOptions(opts, secretOpts);
        super(Variable.__pulumiType, name, resourceInputs, opts, false /*dependency*/, utilities.getPackage());
    }
}

/**
 * Input properties used for looking up and filtering Variable resources.
 */
export interface VariableState {
    /**
     * Whether this is a Terraform or environment variable: `terraform` or `env`.
     */
    category?: pulumi.Input<string>;
    /**
     * Description of the variable.
     */
    description?: pulumi.Input<string>;
    /**
     * Whether to evaluate the value of the variable as a string of HCL code.
     */
    hcl?: pulumi.Input<boolean>;
    /**
     * Name of the variable.
     */
    key?: pulumi.Input<string>;
    /**
     * A copy of the value, empty when the variable is sensitive.
     */
    readableValue?: pulumi.Input<string>;
    /**
     * Whether the value is sensitive; changing true to false replaces the variable.
     */
    sensitive?: pulumi.Input<boolean>;
    /**
     * Value of the variable.
     */
    value?: pulumi.Input<string>;
    /**
     * Write-only value of the variable; never stored in state.
     */
    valueWo?: pulumi.Input<string>;
    /**
     * ID of the variable set that owns the variable; conflicts with workspaceId.
     */
    variableSetId?: pulumi.Input<string>;
    /**
     * ID of the workspace that owns the variable; conflicts with variableSetId.
     */
    workspaceId?: pulumi.Input<string>;
}

/**
 * The set of arguments for constructing a Variable resource.
 */
export interface VariableArgs {
    /**
     * Whether this is a Terraform or environment variable: `terraform` or `env`.
     */
    category: pulumi.Input<string>;
    /**
     * Description of the variable.
     */
    description?: pulumi.Input<string>;
    /**
     * Whether to evaluate the value of the variable as a string of HCL code.
     */
    hcl?: pulumi.Input<boolean>;
    /**
     * Name of the variable.
     */
    key: pulumi.Input<string>;
    /**
     * Whether the value is sensitive; changing true to false replaces the variable.
     */
    sensitive?: pulumi.Input<boolean>;
    /**
     * Value of the variable.
     */
    value?: pulumi.Input<string>;
    /**
     * Write-only value of the variable; never stored in state.
     */
    valueWo?: pulumi.Input<string>;
    /**
     * ID of the variable set that owns the variable; conflicts with workspaceId.
     */
    variableSetId?: pulumi.Input<string>;
    /**
     * ID of the workspace that owns the variable; conflicts with variableSetId.
     */
    workspaceId?: pulumi.Input<string>;
}

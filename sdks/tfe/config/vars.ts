// Getters for the provider's stack configuration (`tfe:*` keys).
import * as pulumi from "@pulumi/pulumi";

declare var exports: any;
const __config = new pulumi.Config("tfe");

/** The Terraform Cloud / Enterprise hostname to connect to (default app.terraform.io). */
export declare const hostname: string | undefined;
Object.defineProperty(exports, "hostname", {
    get() {
        return __config.get("hostname");
    },
    enumerable: true,
});

/** The default organization that resources belong to. */
export declare const organization: string | undefined;
Object.defineProperty(exports, "organization", {
    get() {
        return __config.get("organization");
    },
    enumerable: true,
});

/** Whether or not to skip certificate verifications. */
export declare const sslSkipVerify: boolean | undefined;
Object.defineProperty(exports, "sslSkipVerify", {
    get() {
        return __config.getObject<boolean>("sslSkipVerify");
    },
    enumerable: true,
});

/** The token used to authenticate with Terraform Cloud / Enterprise. */
export declare const token: string | undefined;
Object.defineProperty(exports, "token", {
    get() {
        return __config.get("token");
    },
    enumerable: true,
});

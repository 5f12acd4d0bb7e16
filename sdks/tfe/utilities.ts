// Hand-written to match the shape of a `pulumi package add` generated SDK.

import * as pulumi from "@pulumi/pulumi";

/** The base64 parameter that tells terraform-provider which Terraform provider to serve. */
export const base64Parameter =
    "eyJyZW1vdGUiOnsidXJsIjoicmVnaXN0cnkub3BlbnRvZnUub3JnL2hhc2hpY29ycC90ZmUiLCJ2ZXJzaW9uIjoiMC43MC4wIn19";

export function getEnv(...vars: string[]): string | undefined {
    for (const v of vars) {
        const value = process.env[v];
        if (value) {
            return value;
        }
    }
    return undefined;
}

export function getEnvBoolean(...vars: string[]): boolean | undefined {
    const s = getEnv(...vars);
    if (s !== undefined) {
        if (["1", "t", "T", "true", "TRUE", "True"].indexOf(s) !== -1) {
            return true;
        }
        if (["0", "f", "F", "false", "FALSE", "False"].indexOf(s) !== -1) {
            return false;
        }
    }
    return undefined;
}

export function getVersion(): string {
    let version = require("../package.json").version;
    // Node allows for the version to be prefixed by a "v", while semver doesn't.
    if (version.indexOf("v") === 0) {
        version = version.slice(1);
    }
    return version;
}

/** @internal */
export function resourceOptsDefaults(): any {
    return { version: getVersion() };
}

/**
 * The package reference every resource and invoke of this SDK passes to the engine.
 * The runtime caches it per deployment, so calling this often is cheap.
 * @internal
 */
export function getPackage(): Promise<string | undefined> {
    return pulumi.runtime.registerPackage({
        baseProviderName: "terraform-provider",
        baseProviderVersion: "1.1.3",
        baseProviderDownloadUrl: "",
        packageName: "tfe",
        packageVersion: "0.70.0",
        base64Parameter: base64Parameter,
    });
}

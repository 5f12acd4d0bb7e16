// The length limits of the clouds' trust documents, checked on the documents as written: a trust
// document the cloud would refuse is refused here, with the fix, instead of at `terraform apply`.
// Vault JWT roles (bound_claims) have no documented limit this small, so they have no check.
import type { TrustedIdentity } from "../topology/credentials/credentials";
import { CREDENTIAL_KEYS } from "../topology/credentials/credentialsConfig";

/**
 * AWS IAM quotas, "Role trust policy length": 2,048 characters by default, which a quota increase
 * raises to at most 4,096.
 */
export const AWS_TRUST_POLICY_LENGTH = { default: 2048, maximum: 4096 } as const;

/** Google Cloud workload identity federation: an attribute condition is at most 4,096 characters. */
export const GCP_ATTRIBUTE_CONDITION_LENGTH = 4096;

/** A trust document past its cloud's limit. */
export class TrustDocumentTooLong extends Error {}

const keyOf = (identity: TrustedIdentity) => `${CREDENTIAL_KEYS.credentials}.${identity.set}.${identity.cloud}`;

/** An IAM policy's length as written without indentation (the file is indented to be read). */
export function awsPolicyLength(content: string): number {
  return JSON.stringify(JSON.parse(content)).length;
}

/**
 * Refuses an AWS role trust policy longer than IAM allows even with a raised quota; for one longer
 * than the default quota only, returns the note that says what it needs.
 */
export function checkAwsTrustPolicy(identity: TrustedIdentity, content: string): string | undefined {
  const length = awsPolicyLength(content);
  const { default: quota, maximum } = AWS_TRUST_POLICY_LENGTH;
  if (length <= quota) return undefined;
  const fix = `give each layer or cell its own role, e.g. runRole: "arn:aws:iam::{account}:role/tfc-{layer}"`;
  if (length > maximum) {
    throw new TrustDocumentTooLong(
      `${keyOf(identity)}: the trust policy of role ${identity.identity} would be ${length} characters (for ${identity.uses.length} workspaces), and IAM allows at most ${maximum} for a role trust policy, even with a raised quota: ${fix}`,
    );
  }
  return `${keyOf(identity)}: the trust policy of role ${identity.identity} is ${length} characters, past IAM's default quota of ${quota} for a role trust policy: raise the "Role trust policy length" quota (at most ${maximum}), or ${fix}`;
}

/** Refuses a GCP attribute condition longer than a workload identity pool provider takes. */
export function checkGcpCondition(identity: TrustedIdentity, content: string): void {
  const length = content.trimEnd().length;
  if (length <= GCP_ATTRIBUTE_CONDITION_LENGTH) return;
  const fix = identity.identity.includes("@")
    ? `give each layer or cell its own service account, e.g. runServiceAccountEmail: "tfc-{layer}@<project>.iam.gserviceaccount.com"`
    : "give each layer or cell its own workload identity pool provider";
  throw new TrustDocumentTooLong(
    `${keyOf(identity)}: the attribute condition for ${identity.identity} would be ${length} characters (for ${identity.uses.length} workspaces), and a workload identity pool provider takes at most ${GCP_ATTRIBUTE_CONDITION_LENGTH}: ${fix}`,
  );
}

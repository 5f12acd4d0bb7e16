// What each cloud must trust for the runs of the workspaces that use one of its identities: the
// documents a user's cloud code needs, one per identity, naming exactly those workspaces and
// phases (the workload identity token's `sub` claim) and nothing else.
import type { TrustedIdentity } from "../topology/credentials/credentials";
import { workloadSubject } from "../topology/credentials/credentials";
import { checkAwsTrustPolicy, checkGcpCondition } from "./documentLimits";

export interface TrustDocument {
  /** Path from the repository root: trust/<stack>/<cloud>/<identity>.<ext>. */
  readonly path: string;
  readonly content: string;
  readonly identity: TrustedIdentity;
  /** What the cloud needs before it takes the document (a raised quota), when it does. */
  readonly note?: string;
}

export interface TrustPlace {
  readonly hostname: string;
  readonly organization: string;
  readonly project: string;
}

/** Subjects, with one `run_phase:*` where a workspace uses the identity in both phases. */
function subjects(
  identity: TrustedIdentity,
  place: TrustPlace,
): { readonly list: string[]; readonly wildcard: boolean } {
  let wildcard = false;
  const list = identity.uses.flatMap((u) => {
    if (u.phases.length === 2) {
      wildcard = true;
      return [workloadSubject(place.organization, place.project, u.workspace, "*")];
    }
    return u.phases.map((p) => workloadSubject(place.organization, place.project, u.workspace, p));
  });
  return { list, wildcard };
}

/** An IAM role trust policy: the TFC OIDC provider may assume the role for these subjects only. */
function awsPolicy(identity: TrustedIdentity, place: TrustPlace): string {
  const [, partition, , , account] = identity.identity.split(":");
  const { list, wildcard } = subjects(identity, place);
  const aud = { [`${place.hostname}:aud`]: identity.audience };
  const sub = { [`${place.hostname}:sub`]: list };
  return `${JSON.stringify(
    {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: `arn:${partition}:iam::${account}:oidc-provider/${place.hostname}` },
          Action: "sts:AssumeRoleWithWebIdentity",
          // StringLike only where one role serves both phases of a workspace.
          Condition: wildcard ? { StringEquals: aud, StringLike: sub } : { StringEquals: { ...aud, ...sub } },
        },
      ],
    },
    null,
    2,
  )}\n`;
}

/** Azure federated credentials match exactly: one per workspace and phase. */
function azureCredentials(identity: TrustedIdentity, place: TrustPlace): string {
  const credentials = identity.uses.flatMap((u) =>
    u.phases.map((phase) => ({
      name: `${u.workspace}-${phase}`,
      issuer: `https://${place.hostname}`,
      subject: workloadSubject(place.organization, place.project, u.workspace, phase),
      audiences: [identity.audience],
    })),
  );
  return `${JSON.stringify(credentials, null, 2)}\n`;
}

/** A GCP attribute condition (CEL) for the identity's users: the organization and the exact subjects. */
function gcpCondition(identity: TrustedIdentity, place: TrustPlace): string {
  const exact = identity.uses.flatMap((u) =>
    u.phases.map((p) => workloadSubject(place.organization, place.project, u.workspace, p)),
  );
  return `assertion.terraform_organization_name == ${JSON.stringify(place.organization)} && assertion.sub in [${exact.map((s) => JSON.stringify(s)).join(", ")}]\n`;
}

/** A Vault JWT auth role: bound to the audience and, by glob, to these subjects. */
function vaultRole(identity: TrustedIdentity, place: TrustPlace): string {
  return `${JSON.stringify(
    {
      role_type: "jwt",
      bound_audiences: [identity.audience],
      bound_claims_type: "glob",
      bound_claims: { sub: subjects(identity, place).list },
      user_claim: "terraform_full_workspace",
    },
    null,
    2,
  )}\n`;
}

/** A file name for an identity: its last path part, with the account or client where it names one. */
function fileName(identity: TrustedIdentity): string {
  const id = identity.identity;
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_.@-]/g, "_");
  if (identity.cloud === "aws") {
    const [, , , , account, resource] = id.split(":");
    return `${account}-${safe(resource.slice("role/".length))}.json`;
  }
  if (identity.cloud === "gcp") return `${safe(id)}.cel`;
  return `${safe(id)}.json`;
}

/**
 * Refuses a document past its cloud's limit (documentLimits.ts); returns a note for one that needs
 * a raised quota. Azure's limit is on the count, checked with the stack (credentials/cloudLimits.ts).
 */
function withinLimits(identity: TrustedIdentity, content: string): string | undefined {
  if (identity.cloud === "aws") return checkAwsTrustPolicy(identity, content);
  if (identity.cloud === "gcp") checkGcpCondition(identity, content);
  return undefined;
}

/**
 * One trust document per identity; refuses two identities that would share a file, and a document
 * past its cloud's limit.
 */
export function trustDocuments(
  stack: string,
  identities: readonly TrustedIdentity[],
  place: TrustPlace,
): TrustDocument[] {
  const render = { aws: awsPolicy, azure: azureCredentials, gcp: gcpCondition, vault: vaultRole };
  const documents = identities.map((identity): TrustDocument => {
    const content = render[identity.cloud](identity, place);
    const note = withinLimits(identity, content);
    return {
      path: `trust/${stack}/${identity.cloud}/${fileName(identity)}`,
      content,
      identity,
      ...(note ? { note } : {}),
    };
  });
  const seen = new Map<string, TrustedIdentity>();
  for (const d of documents) {
    const other = seen.get(d.path);
    if (other !== undefined) {
      const why =
        other.identity === d.identity.identity
          ? `${d.identity.identity} is used with two audiences (${other.audience}, ${d.identity.audience}): give its sets one audience`
          : `${other.identity} and ${d.identity.identity} would both be written to ${d.path}: rename one of them`;
      throw new TrustDocumentConflict(why);
    }
    seen.set(d.path, d.identity);
  }
  return documents;
}

/** Two identities that cannot each get their own document. */
export class TrustDocumentConflict extends Error {}

// The limits a cloud puts on what one identity may trust, checked where the program knows enough to
// check them: the number of Azure federated identity credentials depends only on the workspaces and
// phases that use a client id, so a stack that needs more than Microsoft Entra ID allows is
// refused before any resource. (The lengths of AWS trust policies and GCP attribute conditions
// depend on the rendered document: cloudTrust/documentLimits.ts checks them.)
import { StackConfigError } from "../errors";
import { CREDENTIAL_KEYS } from "./credentialsConfig";

/**
 * Microsoft Entra ID, workload identity federation: a maximum of 20 federated identity credentials
 * per application or user-assigned managed identity.
 */
export const AZURE_FEDERATED_CREDENTIALS_PER_APPLICATION = 20;

/** An identity as the limits see it: its cloud, the set it comes from, and who uses it in which phases. */
export interface LimitedIdentity {
  readonly cloud: string;
  readonly set: string;
  readonly identity: string;
  readonly uses: readonly { readonly workspace: string; readonly phases: readonly string[] }[];
}

/**
 * Refuses an Azure client id that would need more federated identity credentials than Entra ID
 * allows: one per workspace and run phase (they match the subject exactly), whichever sets and
 * audiences give it.
 */
export function checkAzureFederatedCredentials(identities: readonly LimitedIdentity[]): void {
  const byClientId = new Map<string, { sets: Set<string>; subjects: Set<string> }>();
  for (const i of identities) {
    if (i.cloud !== "azure") continue;
    const entry = byClientId.get(i.identity) ?? { sets: new Set(), subjects: new Set() };
    entry.sets.add(i.set);
    for (const u of i.uses) for (const p of u.phases) entry.subjects.add(`${u.workspace}:${p}`);
    byClientId.set(i.identity, entry);
  }
  for (const [clientId, { sets, subjects }] of byClientId) {
    if (subjects.size <= AZURE_FEDERATED_CREDENTIALS_PER_APPLICATION) continue;
    const keys = [...sets].map((s) => `${CREDENTIAL_KEYS.credentials}.${s}.azure`).join(" and ");
    throw new StackConfigError(
      `${keys}: client id ${clientId} would need ${subjects.size} federated identity credentials (one per workspace and run phase), and Microsoft Entra ID allows ${AZURE_FEDERATED_CREDENTIALS_PER_APPLICATION} per application or managed identity: give each layer or cell its own client id, with a set per layer or a cell value such as runClientId: "{azureClientId}"`,
    );
  }
}

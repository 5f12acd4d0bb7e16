// Every name the program generates, in one place (workspace names come from their template,
// cells/workspaceName.ts), each one injective: two different things never share a Pulumi name
// (the engine stops half-way with "Duplicate resource URN"), a TFC name or a Terraform label. TFC
// names use only letters, digits, "-" and "_", so a separator outside that set can never be
// produced by the names it joins.

/** The Pulumi name of a workspace's settings. */
export function settingsName(workspace: string): string {
  return `${workspace}-settings`;
}

/**
 * The Pulumi name of the run trigger from one workspace into another (TFC names), e.g.
 * network-a-dev->platform-b-dev. ">" is not a TFC name character, so the name splits back
 * into exactly one pair.
 */
export function triggerName(upstream: string, downstream: string): string {
  return `${upstream}->${downstream}`;
}

/**
 * The Terraform label for reading a workspace's state. Terraform identifiers take letters,
 * digits, "_" and "-" but must not start with a digit or "-": a key that starts with a letter
 * is its own label, any other gets a leading "_" (so the two kinds can never meet).
 */
export function remoteStateLabel(key: string): string {
  return /^[A-Za-z]/.test(key) ? key : `_${key}`;
}

/**
 * The Terraform label for reading an external workspace's state (by its TFC name). remoteStateLabel
 * never gives "_" followed by a letter, so `_ext_<name>` never meets a label of this stack's.
 */
export function externalStateLabel(name: string): string {
  return `_ext_${name}`;
}

/**
 * The Pulumi name of a team's access to a workspace (its TFC name) or to the project
 * (`project`, typed apart: tfe_team_project_access): "@" is in no team or workspace name.
 */
export function teamAccessName(team: string, workspace: string): string {
  return `${team}@${workspace}`;
}

/**
 * A workspace's page in TFC: the provider's html_url (the API's host and the workspace's
 * self-html link, /app/<organization>/workspaces/<name>), known without asking TFC.
 */
export function workspaceUrl(hostname: string, organization: string, workspace: string): string {
  return `https://${hostname}/app/${organization}/workspaces/${workspace}`;
}

// Every stack key the program reads, in one place.
import { TEAMS_KEY } from "./access/accessConfig";
import { ADOPTED_KEY } from "./adoption/adoptedConfig";
import { AUTO_APPLY_RUN_TRIGGER_KEY } from "./autoApply/autoApplyConfig";
import { CELL_KEYS } from "./cells/cellsConfig";
import { CODE_SOURCE_KEYS } from "./codeSourceConfig";
import { CREDENTIAL_KEYS } from "./credentials/credentialsConfig";
import { EXTERNAL_CONSUMERS_KEY, EXTERNAL_KEY } from "./external/externalConfig";
import { LIFECYCLE_KEY } from "./lifecycle/lifecycleConfig";
import { NOTIFICATIONS_KEY } from "./notifications/notificationsConfig";
import { RENAMES_KEY } from "./renames/renamesConfig";

export const PROJECT = "tfc-layers";

/** The provider's namespace and its own keys (its SDK's config), which it reads whether or not this program does. */
export const PROVIDER = "tfe";
export const PROVIDER_KEYS: readonly string[] = ["hostname", "organization", "sslSkipVerify", "token"].map(
  (key) => `${PROVIDER}:${key}`,
);

export const KEYS = {
  organization: "tfe:organization",
  hostname: "tfe:hostname",
  environment: `${PROJECT}:environment`,
  autoApply: `${PROJECT}:autoApply`,
  autoApplyRunTrigger: AUTO_APPLY_RUN_TRIGGER_KEY,
  allowLayerAutoApply: `${PROJECT}:allowLayerAutoApply`,
  protect: `${PROJECT}:protect`,
  layers: `${PROJECT}:layers`,
  sharedCredentials: `${PROJECT}:sharedCredentials`,
  approvalWebhookUrl: `${PROJECT}:approvalWebhookUrl`,
  healthAssessments: `${PROJECT}:healthAssessments`,
  ...CODE_SOURCE_KEYS,
  ...CELL_KEYS,
  external: EXTERNAL_KEY,
  externalConsumers: EXTERNAL_CONSUMERS_KEY,
  lifecycle: LIFECYCLE_KEY,
  teams: TEAMS_KEY,
  adopted: ADOPTED_KEY,
  notifications: NOTIFICATIONS_KEY,
  renamedFrom: RENAMES_KEY,
  ...CREDENTIAL_KEYS,
} as const;

/** Leaves (paths) of other keys that must never be written in plain text: a destination's url. */
export const SECRET_LEAVES: readonly RegExp[] = [/^tfc-layers:notifications\[\d+\]\.url$/];

/** Leaves of those keys that are settings, not secrets: a static credential set's priority. */
export const PLAIN_LEAVES: readonly RegExp[] = [/^tfc-layers:staticCredentials\.[^.]+\.priority$/];

/** Keys whose values must never be written in the stack file in plain text. */
export const SECRET_KEYS: readonly string[] = [KEYS.sharedCredentials, KEYS.staticCredentials, KEYS.approvalWebhookUrl];

/** The provider's host when tfe:hostname is not set (and TFE_HOSTNAME neither). */
export const DEFAULT_HOSTNAME = "app.terraform.io";

/** TFC caps workspace names at 260 characters (raised from 90 in September 2023). */
export const MAX_WORKSPACE_NAME = 260;
/** TFC caps the source workspaces of one workspace's run triggers at 20. */
export const MAX_TRIGGER_SOURCES = 20;

/**
 * What an encrypted (`secure:`) value reads as offline: the plan neither can nor may
 * decrypt it, so checks of a secret's content are left to the program at preview time.
 */
export const OFFLINE_SECRET = "[secret]";

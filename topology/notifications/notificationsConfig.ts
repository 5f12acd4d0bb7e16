// The notifications part of the stack config (`tfc-layers:notifications`): who is told when a
// cascade stops. Each entry is one destination: slack, microsoft-teams, generic (a url, secret)
// or email (addresses), and the run events it is told of, by the provider's trigger names.
// Rules in notifications.ts.
import { closest, TFC_NAME } from "../configValues";
import { StackConfigError, show } from "../errors";

export const NOTIFICATIONS_KEY = "tfc-layers:notifications";

export const DESTINATIONS = ["slack", "microsoft-teams", "email", "generic"] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** The triggers tfe_notification_configuration accepts at v0.70.0 (not workspace:deleted). */
export const NOTIFICATION_TRIGGERS = [
  "run:created",
  "run:planning",
  "run:needs_attention",
  "run:applying",
  "run:completed",
  "run:errored",
  "assessment:drifted",
  "assessment:check_failure",
  "assessment:failed",
  "workspace:auto_destroy_reminder",
  "workspace:auto_destroy_run_results",
] as const;

/** What stops a cascade: a run that fails, and one that waits for someone. */
export const CASCADE_STOPS = ["run:errored", "run:needs_attention"];

export interface NotificationConfig {
  readonly name: string;
  readonly destination: Destination;
  /** Whether it has a url (its value is secret and read elsewhere). */
  readonly hasUrl: boolean;
  readonly emails: readonly string[];
  readonly on: readonly string[];
}

const FIELDS = ["name", "destination", "url", "emails", "on"];
const EXAMPLE = "[{name: platform-team, destination: email, emails: [platform@example.com]}]";
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Reads tfc-layers:notifications; `isSecret` says whether the CLI marked the key secret. */
export function readNotifications(raw: string | undefined, isSecret: boolean): NotificationConfig[] {
  const key = NOTIFICATIONS_KEY;
  if (raw === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new StackConfigError(`${key} must be a list of destinations, got ${show(raw)}: write it like ${EXAMPLE}`);
  }
  if (!Array.isArray(parsed)) {
    throw new StackConfigError(`${key} must be a list of destinations, got ${show(parsed)}: write it like ${EXAMPLE}`);
  }
  return parsed.map((entry, i) => {
    const at = `${key}[${i}]`;
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      throw new StackConfigError(`${at} must be a destination like ${EXAMPLE.slice(1, -1)}, got ${show(entry)}`);
    }
    const e = entry as Record<string, unknown>;
    for (const field of Object.keys(e)) {
      if (!FIELDS.includes(field)) {
        const guess = closest(field, FIELDS);
        throw new StackConfigError(
          `${at} has the unknown key ${show(field)}: ${guess ? `did you mean ${show(guess)}?` : `a destination takes ${FIELDS.join(", ")}`}`,
        );
      }
    }
    if (typeof e.name !== "string" || !TFC_NAME.test(e.name)) {
      throw new StackConfigError(
        `${at}.name ${show(e.name)} must be a name of letters, digits, "-" and "_": it names the notification configuration`,
      );
    }
    const where = `${at} (${show(e.name)})`;
    if (!(DESTINATIONS as readonly unknown[]).includes(e.destination)) {
      throw new StackConfigError(
        `${where}.destination ${show(e.destination)} is not one TFC takes: use one of ${DESTINATIONS.join(", ")}`,
      );
    }
    const destination = e.destination as Destination;
    const setUrl = `pulumi config set --secret --path '${key}[${i}].url' https://...`;
    if (destination === "email") {
      if (e.url !== undefined)
        throw new StackConfigError(
          `${where}.url is set for an email destination, which takes none: give emails instead`,
        );
      if (!Array.isArray(e.emails) || e.emails.length === 0) {
        throw new StackConfigError(`${where} sends email to nobody: give emails: [someone@example.com]`);
      }
      for (const address of e.emails) {
        if (typeof address !== "string" || !EMAIL.test(address)) {
          throw new StackConfigError(`${where}.emails ${show(address)} is not an email address`);
        }
      }
    } else {
      if (e.emails !== undefined)
        throw new StackConfigError(
          `${where}.emails is only for an email destination: a ${destination} destination takes a url`,
        );
      if (e.url === undefined) throw new StackConfigError(`${where} has no url: run \`${setUrl}\``);
      // The url carries the destination's credentials: it must be encrypted in the stack file.
      if (!isSecret) {
        throw new StackConfigError(
          `${where}.url is written in the stack file in plain text: remove it and run \`${setUrl}\` so it is stored encrypted`,
        );
      }
    }
    const on = e.on ?? CASCADE_STOPS;
    if (!Array.isArray(on) || on.length === 0) {
      throw new StackConfigError(
        `${where}.on must list triggers, such as [run:errored, run:needs_attention], got ${show(on)}`,
      );
    }
    for (const trigger of on) {
      if (!(NOTIFICATION_TRIGGERS as readonly unknown[]).includes(trigger)) {
        const guess = typeof trigger === "string" ? closest(trigger, NOTIFICATION_TRIGGERS) : undefined;
        throw new StackConfigError(
          `${where}.on ${show(trigger)} is not a trigger the provider takes: ${guess ? `did you mean ${show(guess)}?` : `use ${NOTIFICATION_TRIGGERS.join(", ")}`}`,
        );
      }
    }
    return {
      name: e.name,
      destination,
      hasUrl: e.url !== undefined,
      emails: destination === "email" ? (e.emails as string[]) : [],
      on: [...new Set(on as string[])],
    };
  });
}

// The rules of notifications: names unique, and no workspace over TFC's 20 notification
// configurations, counting the approval webhook on the workspaces whose runs wait.
import { StackConfigError, show } from "../errors";
import { NOTIFICATIONS_KEY, type NotificationConfig } from "./notificationsConfig";

/** TFC allows at most 20 notification configurations per workspace. */
export const MAX_NOTIFICATIONS = 20;

export function checkNotifications(
  notifications: readonly NotificationConfig[],
  workspaces: readonly { readonly name: string; readonly approvalWebhook: boolean }[],
): void {
  const seen = new Set<string>();
  for (const n of notifications) {
    if (seen.has(n.name.toLowerCase())) {
      throw new StackConfigError(
        `${NOTIFICATIONS_KEY} has two destinations named ${show(n.name)}: give each its own name`,
      );
    }
    seen.add(n.name.toLowerCase());
    if (n.name === "approval-requests") {
      throw new StackConfigError(
        `${NOTIFICATIONS_KEY} names a destination "approval-requests", the approval webhook's name: give it another`,
      );
    }
  }
  for (const w of workspaces) {
    const count = notifications.length + (w.approvalWebhook ? 1 : 0);
    if (count > MAX_NOTIFICATIONS) {
      throw new StackConfigError(
        `${NOTIFICATIONS_KEY} gives workspace ${show(w.name)} ${count} notification configurations${w.approvalWebhook ? " with the approval webhook" : ""}: TFC allows ${MAX_NOTIFICATIONS}; send several teams to one destination`,
      );
    }
  }
}

// The rules of notifications: names unique, no workspace over TFC's 20 notification
// configurations, counting the approval webhook on the workspaces whose runs wait, and assessment
// triggers only where health assessments run (without them, nothing ever fires them).
import { StackConfigError, show } from "../errors";
import { KEYS } from "../keys";
import { NOTIFICATIONS_KEY, type NotificationConfig } from "./notificationsConfig";

/** TFC allows at most 20 notification configurations per workspace. */
export const MAX_NOTIFICATIONS = 20;

export function checkNotifications(
  notifications: readonly NotificationConfig[],
  workspaces: readonly {
    readonly name: string;
    readonly layer: string;
    readonly approvalWebhook: boolean;
    readonly healthAssessments: boolean;
  }[],
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
  checkAssessmentTriggers(notifications, workspaces);
  for (const w of workspaces) {
    const count = notifications.length + (w.approvalWebhook ? 1 : 0);
    if (count > MAX_NOTIFICATIONS) {
      throw new StackConfigError(
        `${NOTIFICATIONS_KEY} gives workspace ${show(w.name)} ${count} notification configurations${w.approvalWebhook ? " with the approval webhook" : ""}: TFC allows ${MAX_NOTIFICATIONS}; send several teams to one destination`,
      );
    }
  }
}

/** Events of health assessments: TFC sends them only for workspaces whose assessments are on. */
export const isAssessmentTrigger = (trigger: string) => trigger.startsWith("assessment:");

function checkAssessmentTriggers(
  notifications: readonly NotificationConfig[],
  workspaces: readonly { readonly name: string; readonly layer: string; readonly healthAssessments: boolean }[],
): void {
  const without = workspaces.find((w) => !w.healthAssessments);
  if (without === undefined) return;
  notifications.forEach((n, i) => {
    const trigger = n.on.find(isAssessmentTrigger);
    if (trigger === undefined) return;
    throw new StackConfigError(
      `${NOTIFICATIONS_KEY}[${i}] (${show(n.name)}).on ${show(trigger)} never fires on workspace ${show(without.name)} (layer ${show(without.layer)}): it has no health assessments; set ${KEYS.healthAssessments}: true (or healthAssessments: true on layer ${show(without.layer)}), or drop the assessment triggers`,
    );
  });
}

// Builders of recorded JSON:API resources for the TFC API double, as the API lists them.
import type { JsonApiResource } from "./client";

export const ref = (type: string, id: string) => ({ data: { type, id } });
export const refs = (type: string, ids: string[]) => ({ data: ids.map((id) => ({ type, id })) });
export const pad = (s: string) => s.padEnd(16, "0").slice(0, 16);

/** A workspace as GET /organizations/:org/workspaces lists it. */
export function workspace(
  name: string,
  project: string,
  consumers: string[] = [],
  extra: Record<string, unknown> = {},
): JsonApiResource {
  return {
    id: wsId(name),
    type: "workspaces",
    attributes: {
      name,
      "auto-apply": false,
      "auto-apply-run-trigger": false,
      "queue-all-runs": false,
      "execution-mode": "remote",
      "global-remote-state": false,
      "working-directory": "",
      "terraform-version": "1.11.4",
      "file-triggers-enabled": true,
      "trigger-patterns": [],
      "tag-names": [],
      "vcs-repo": null,
      "speculative-enabled": true,
      "allow-destroy-plan": true,
      "structured-run-output-enabled": true,
      "assessments-enabled": false,
      ...extra,
    },
    relationships: {
      project: ref("projects", project),
      "remote-state-consumers": refs("workspaces", consumers.map(wsId)),
    },
  };
}

export const wsId = (name: string) => `ws-${pad(name.replace(/[^A-Za-z0-9]/g, ""))}`;

export function trigger(up: string, down: string): JsonApiResource {
  return {
    id: `rt-${pad(`${up}${down}`.replace(/[^A-Za-z0-9]/g, ""))}`,
    type: "run-triggers",
    attributes: { "workspace-name": down, "sourceable-name": up, "created-at": "2026-01-01T00:00:00Z" },
    relationships: { workspace: ref("workspaces", wsId(down)), sourceable: ref("workspaces", wsId(up)) },
  };
}

export interface RecordedRun {
  readonly id: string;
  readonly workspace: string;
  readonly status: string;
  readonly createdAt: string;
  /** status-timestamps as the API keys them, e.g. { "planned-at": ..., "applied-at": ... }. */
  readonly timestamps?: Record<string, string>;
  readonly confirmable?: boolean;
  readonly source?: string;
  readonly triggerReason?: string;
}

/** A run as the runs API (and a workspace list's include=current_run) gives it. */
export function run(r: RecordedRun): JsonApiResource {
  return {
    id: r.id,
    type: "runs",
    attributes: {
      status: r.status,
      "created-at": r.createdAt,
      source: r.source ?? "tfe-configuration-version",
      ...(r.triggerReason ? { "trigger-reason": r.triggerReason } : {}),
      "status-timestamps": r.timestamps ?? {},
      actions: {
        "is-cancelable": r.status === "pending" || r.status === "planning" || r.status === "applying",
        "is-confirmable": r.confirmable === true,
        "is-discardable": r.confirmable === true || r.status === "pending",
        "is-force-cancelable": false,
      },
    },
    relationships: { workspace: ref("workspaces", wsId(r.workspace)) },
  };
}

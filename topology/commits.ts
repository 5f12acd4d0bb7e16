// What one commit sets off in a VCS-connected stack, simulated on the topology: the runs VCS
// queues (workspaces whose trigger patterns match a changed file), then the runs their applies
// queue through run triggers. A workspace that gets both, for the same commit, runs twice or
// more: TFC does not merge them (a top complaint of its users). A workspace released by tag
// (tagsRegex) gets no VCS run from a commit: only a pushed tag that matches queues one.
import { CascadeSimulator } from "./cascade";
import type { Topology, WorkspaceNode } from "./topology";

export interface CommitRuns {
  /** The repository the commit goes to. */
  readonly repository: string;
  /** For a pushed tag: the tagsRegex it matches. */
  readonly tag?: string;
  /** The directories the commit changes files in. */
  readonly touched: readonly string[];
  /** Workspace keys where VCS queues a run, in topology order. */
  readonly vcsRuns: readonly string[];
  /** Runs queued by run triggers, per workspace key, if every VCS run applies with changes. */
  readonly triggerRuns: ReadonlyMap<string, bigint>;
  /** Workspace keys that get a VCS run and trigger runs for the same commit. */
  readonly duplicates: readonly string[];
}

const inside = (path: string, directory: string) =>
  directory === "" || path === directory || path.startsWith(`${directory}/`);

/** Whether a change in `touched` matches a workspace's trigger patterns (its directory, shared ones). */
function queuesVcsRun(touched: string, directory: string, shared: readonly string[]): boolean {
  return inside(touched, directory) || shared.some((s) => inside(touched, s));
}

/** A commit: the repository and the directories it changes files in; or a tag matching `tag` (a tagsRegex). */
export interface Commit {
  readonly repository: string;
  readonly touched: readonly string[];
  readonly tag?: string;
}

/** Whether VCS queues a run in a workspace for this commit or tag. */
function queuesRun(commit: Commit, source: WorkspaceNode["source"]): boolean {
  const vcs = source.vcs;
  if (vcs?.repository !== commit.repository) return false;
  if (vcs.tagsRegex !== undefined || commit.tag !== undefined) return vcs.tagsRegex === commit.tag;
  return commit.touched.some((t) => queuesVcsRun(t, source.directory, vcs.sharedDirectories));
}

/** The runs one commit sets off: in the workspaces that plan from its repository. */
export function commitRuns(topology: Topology, commit: Commit, simulator = new CascadeSimulator(topology)): CommitRuns {
  const { repository, touched } = commit;
  const vcsRuns = topology.workspaces.filter((w) => queuesRun(commit, w.source)).map((w) => w.key);
  const triggerRuns = new Map<string, bigint>();
  for (const source of vcsRuns) {
    for (const [key, runs] of simulator.simulate(source).runsByWorkspace) {
      triggerRuns.set(key, (triggerRuns.get(key) ?? 0n) + runs);
    }
  }
  const ordered = new Map(
    topology.workspaces.filter((w) => triggerRuns.has(w.key)).map((w) => [w.key, triggerRuns.get(w.key)!]),
  );
  return {
    repository,
    ...(commit.tag !== undefined ? { tag: commit.tag } : {}),
    touched,
    vcsRuns,
    triggerRuns: ordered,
    duplicates: vcsRuns.filter((key) => ordered.has(key)),
  };
}

/**
 * The commits worth showing a reviewer: per repository, one per workspace directory, one per shared
 * directory; and one tag per tagsRegex of a repository released by tag.
 */
export function exampleCommits(topology: Topology): Commit[] {
  const repositories = new Map<string, { directories: Set<string>; shared: readonly string[] }>();
  const tags = new Map<string, Commit>();
  for (const w of topology.workspaces) {
    if (!w.source.vcs) continue;
    const tag = w.source.vcs.tagsRegex;
    if (tag !== undefined) {
      tags.set(`${w.source.vcs.repository}\0${tag}`, { repository: w.source.vcs.repository, touched: [], tag });
      continue;
    }
    const repo = repositories.get(w.source.vcs.repository) ?? {
      directories: new Set<string>(),
      shared: w.source.vcs.sharedDirectories,
    };
    repo.directories.add(w.source.directory);
    repositories.set(w.source.vcs.repository, repo);
  }
  return [
    ...[...repositories].flatMap(([repository, { directories, shared }]) =>
      [...directories, ...shared].map((d) => ({ repository, touched: [d] })),
    ),
    ...tags.values(),
  ];
}

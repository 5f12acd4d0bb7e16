// Plain graph helpers over string nodes. Deterministic: ties break by name.

/** Successors of a node (for layers: the layers it depends on). */
export type Edges = (node: string) => readonly string[];

/**
 * A cycle as a path that starts and ends at the same node, rotated to start at its
 * alphabetically first node, or undefined when the graph has none.
 */
export function findCycle(nodes: readonly string[], edges: Edges): string[] | undefined {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, "visiting");
    stack.push(node);
    for (const next of [...edges(node)].sort()) {
      const seen = state.get(next);
      if (seen === "visiting") {
        return rotate(stack.slice(stack.indexOf(next)));
      }
      if (seen === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of [...nodes].sort()) {
    if (state.get(node) === undefined) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return undefined;
}

function rotate(cycle: string[]): string[] {
  const first = cycle.indexOf([...cycle].sort()[0]);
  const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
  return [...rotated, rotated[0]];
}

/**
 * Depth of every node in an acyclic graph: 0 for nodes with no successors, else one more
 * than the deepest successor.
 */
export function depths(nodes: readonly string[], edges: Edges): Map<string, number> {
  const depth = new Map<string, number>();
  const measure = (node: string): number => {
    const known = depth.get(node);
    if (known !== undefined) return known;
    let deepest = -1;
    for (const next of edges(node)) deepest = Math.max(deepest, measure(next));
    depth.set(node, deepest + 1);
    return deepest + 1;
  };
  for (const node of nodes) measure(node);
  return depth;
}

/** Nodes in dependency order (successors first), ties broken by name. */
export function dependencyOrder(nodes: readonly string[], edges: Edges): string[] {
  const depth = depths(nodes, edges);
  return [...nodes].sort((a, b) => depth.get(a)! - depth.get(b)! || a.localeCompare(b));
}

// The Mermaid flowchart the plan and the review draw: workspaces grouped by layer, links between
// them. Node ids (W0, W1, ...) follow the order the workspaces first appear.

export interface FlowchartLink {
  readonly from: string;
  readonly to: string;
  /** The arrow with its label, e.g. `-->` or `-.->|"orders only"|`. */
  readonly arrow: string;
  /** A linkStyle for this link, e.g. `stroke:#cf222e`. */
  readonly style?: string;
}

/** A flowchart of workspaces (by TFC name) in one subgraph per layer. */
export function flowchart(
  layers: readonly { readonly name: string; readonly workspaces: readonly string[] }[],
  links: readonly FlowchartLink[],
): string {
  const ids = new Map<string, string>();
  const lines = ["flowchart LR"];
  layers.forEach((layer, i) => {
    lines.push(`  subgraph L${i}["${layer.name}"]`);
    for (const name of layer.workspaces) {
      if (!ids.has(name)) ids.set(name, `W${ids.size}`);
      lines.push(`    ${ids.get(name)}["${name}"]`);
    }
    lines.push("  end");
  });
  // Mermaid styles a link by its index among the links.
  const styles = links.flatMap((link, i) => (link.style ? [`  linkStyle ${i} ${link.style}`] : []));
  for (const link of links) lines.push(`  ${ids.get(link.from)} ${link.arrow} ${ids.get(link.to)}`);
  return [...lines, ...styles].join("\n");
}

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

/** A layer's workspaces (by TFC name), and for a layer stamped per cell, which cell each is in. */
export interface FlowchartLayer {
  readonly name: string;
  readonly workspaces: readonly string[];
  /** The cell of each workspace of a cell layer: drawn as a subgraph per cell inside the layer's. */
  readonly cellOf?: ReadonlyMap<string, string>;
}

/** A flowchart of workspaces (by TFC name) in one subgraph per layer, and one per cell inside it. */
export function flowchart(layers: readonly FlowchartLayer[], links: readonly FlowchartLink[]): string {
  const ids = new Map<string, string>();
  const lines = ["flowchart LR"];
  const node = (name: string, indent: string) => {
    if (!ids.has(name)) ids.set(name, `W${ids.size}`);
    lines.push(`${indent}${ids.get(name)}["${name}"]`);
  };
  layers.forEach((layer, i) => {
    lines.push(`  subgraph L${i}["${layer.name}"]`);
    const cells = [...new Set(layer.workspaces.flatMap((w) => layer.cellOf?.get(w) ?? []))];
    for (const name of layer.workspaces.filter((w) => !layer.cellOf?.has(w))) node(name, "    ");
    cells.forEach((cell, c) => {
      lines.push(`    subgraph L${i}C${c}["${cell}"]`);
      for (const name of layer.workspaces.filter((w) => layer.cellOf?.get(w) === cell)) node(name, "      ");
      lines.push("    end");
    });
    lines.push("  end");
  });
  // Mermaid styles a link by its index among the links.
  const styles = links.flatMap((link, i) => (link.style ? [`  linkStyle ${i} ${link.style}`] : []));
  for (const link of links) lines.push(`  ${ids.get(link.from)} ${link.arrow} ${ids.get(link.to)}`);
  return [...lines, ...styles].join("\n");
}

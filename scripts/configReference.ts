// The configuration reference's tables and Pulumi.yaml's key descriptions, written from
// topology/configReference.ts by npm run schema; a test fails when the committed files drift.
import { parseDocument } from "yaml";
import { requiredByCli } from "../offline/cliConfig";
import { loadProject, stackFromValues } from "../offline/stackFile";
import { KEY_DOCS, LAYER_FIELD_DOCS, WORKSPACE_FIELD_DOCS } from "../topology/configReference";
import { KEYS } from "../topology/keys";
import { readStackConfig } from "../topology/stackConfig";

/** A table with its columns padded, as the markdown formatter writes it. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, 3, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Whether the program refuses a minimal stack without the key (the CLI's own rule aside). */
function programRequires(key: string): boolean {
  const minimal = stackFromValues("dev", {
    "tfe:organization": "acme",
    "tfc-layers:environment": "dev",
    "tfc-layers:layers": [{ name: "network", workspaces: ["network-a"] }],
  });
  const { [key]: _, ...without } = minimal.config;
  try {
    readStackConfig(without, (k) => minimal.secretKeys.includes(k));
    return false;
  } catch {
    return true;
  }
}

export function keyTable(): string {
  const project = loadProject();
  const rows = Object.values(KEYS).map((key) => {
    const doc = KEY_DOCS[key];
    const required = requiredByCli(project, key)
      ? "yes, by the CLI"
      : programRequires(key)
        ? "yes, by the program"
        : doc.default !== undefined
          ? `no (default ${doc.default})`
          : doc.secret === "its value"
            ? "no, secret"
            : doc.secret
              ? `no, ${doc.secret.replace(/^the /, "")} secret`
              : "no";
    return [`\`${key}\``, required, doc.meaning];
  });
  return table(["key", "required", "meaning"], rows);
}

const fieldTable = (docs: Record<string, string>) =>
  table(
    ["field", "meaning"],
    Object.entries(docs).map(([field, meaning]) => [`\`${field}\``, meaning]),
  );

const SECTIONS: Record<string, () => string> = {
  keys: keyTable,
  "layer fields": () => fieldTable(LAYER_FIELD_DOCS),
  "workspace fields": () => fieldTable(WORKSPACE_FIELD_DOCS),
};

/** docs/configuration.md with its generated tables written anew between their markers. */
export function withGeneratedTables(page: string): string {
  let out = page;
  for (const [name, render] of Object.entries(SECTIONS)) {
    const open = `<!-- ${name}: written by npm run schema from topology/configReference.ts -->`;
    const close = `<!-- end of ${name} -->`;
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start < 0 || end < start) throw new Error(`docs/configuration.md has no ${open} ... ${close}`);
    out = `${out.slice(0, start + open.length)}\n\n${render()}\n\n${out.slice(end)}`;
  }
  return out;
}

const plain = (text: string) => text.replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");

/** Pulumi.yaml with each declared key's description from the reference (comments kept). */
export function withDescriptions(pulumiYaml: string): string {
  const doc = parseDocument(pulumiYaml);
  for (const key of Object.values(KEYS)) {
    if (doc.hasIn(["config", key])) doc.setIn(["config", key, "description"], plain(KEY_DOCS[key].meaning));
  }
  return doc.toString({ lineWidth: 0 });
}

// The Terraform that enforces a stack's contract, per workspace directory: an outputs file for
// each layer that publishes, a reads file (remote state, checks, typed locals) and its test for
// each layer that reads. Files name layers and workspace keys, never an environment, so dev and
// prod (which plan the same directories) get the same files; the environment and organization
// come from the variable the program sets on each reading workspace.

import { writtenName } from "../topology/cells/cells";
import { renderName } from "../topology/cells/workspaceName";
import type { DeclaredOutput, WorkspaceContract } from "../topology/contract";
import { externalName, isExternal } from "../topology/external/external";
import { externalStateLabel, remoteStateLabel } from "../topology/names";
import type { Topology, WorkspaceNode } from "../topology/topology";
import {
  attribute,
  CELL_VARIABLE,
  CONTRACT_VARIABLE,
  hclString,
  mistypedValue,
  objectKey,
  sampleValue,
  typeCheck,
  typedValue,
} from "./expressions";

export const CONTRACT_FILES = {
  outputs: "contract_outputs.tf",
  reads: "contract_reads.tf",
  test: "tests/contract_reads.tftest.hcl",
} as const;

/** The local that holds the typed upstream values: local.upstream["network-a"].vpc_id. */
const UPSTREAM_LOCAL = "upstream";
/** The local that holds the typed values of workspaces outside the stack, by TFC name. */
const EXTERNAL_LOCAL = "external";

export interface ContractFile {
  /** Relative to the repository root, with "/". */
  readonly path: string;
  readonly content: string;
  /** The workspaces (keys) whose directory holds it. */
  readonly workspaces: readonly string[];
}

/** Two workspaces share a directory but need different files there. */
export class ContractFileConflict extends Error {}

/**
 * The first file that `others` (another stack's files, planned from the same directories) would
 * write differently: scaffolding one stack would then rewrite the other's code.
 */
export function firstDisagreement(
  files: readonly ContractFile[],
  others: readonly ContractFile[],
): { readonly file: ContractFile; readonly other: ContractFile } | undefined {
  const byPath = new Map(others.map((f) => [f.path, f]));
  for (const file of files) {
    const other = byPath.get(file.path);
    if (other && other.content !== file.content) return { file, other };
  }
  return undefined;
}

const variable = (field: "hostname" | "organization" | "environment" | "cells") => `var.${CONTRACT_VARIABLE}.${field}`;

/** Stand for the environment and the cell in a text that hclTemplate turns into an HCL string. */
const ENVIRONMENT = "\0";
const CELL = "\u0001";

/**
 * One upstream workspace (as written) a file reads: from a global layer, from the reader's own
 * cell (the reader's tfc_cell variable names it), or from every cell (a global reader, for_each).
 */
interface FileRead {
  readonly written: string;
  readonly layer: string;
  /** Or a workspace outside the stack, by its exact TFC name. */
  readonly kind: "global" | "sameCell" | "everyCell" | "external";
  /** Its data source's label; an external one's never meets one of the stack's. */
  readonly label: string;
  readonly outputs: readonly DeclaredOutput[];
  /** Its TFC name, with the environment and cell left to Terraform. */
  readonly name: string;
}

/** An HCL string of `text` with the environment and the cell interpolated. */
function hclTemplate(text: string, kind: FileRead["kind"]): string {
  const cell = kind === "sameCell" ? `\${var.${CELL_VARIABLE}.name}` : `\${each.key}`;
  return hclString(text)
    .replaceAll("\\u0000", `\${${variable("environment")}}`)
    .replaceAll("\\u0001", cell);
}

/** What a workspace's reads file reads: its upstreams grouped by the workspace as written. */
function fileReads(topology: Topology, ws: WorkspaceNode, contract: WorkspaceContract): FileRead[] {
  const groups = new Map<string, FileRead>();
  for (const read of contract.reads) {
    if (isExternal(read.upstream)) {
      const name = externalName(read.upstream);
      const layer = topology.external.find((l) => l.workspaces.includes(name))!.layer;
      groups.set(read.upstream, {
        written: name,
        layer,
        kind: "external",
        label: externalStateLabel(name),
        outputs: read.outputs,
        name,
      });
      continue;
    }
    const upstream = topology.workspaceByKey.get(read.upstream)!;
    const written = writtenName(read.upstream);
    if (groups.has(written)) continue;
    const kind = upstream.cell === undefined ? "global" : ws.cell !== undefined ? "sameCell" : "everyCell";
    const name = renderName(topology.workspaceNameTemplate, {
      workspace: written,
      layer: upstream.layer,
      ...(upstream.cell ? { cell: CELL } : {}),
      environment: ENVIRONMENT,
    });
    groups.set(written, {
      written,
      layer: upstream.layer,
      kind,
      label: remoteStateLabel(written),
      outputs: read.outputs,
      name,
    });
  }
  return [...groups.values()];
}

function outputsFile(layer: string, outputs: readonly DeclaredOutput[], readers: WorkspaceContract["readers"]): string {
  const lines = [
    `# The outputs the ${layer} layer publishes: the contract its readers check before they plan.`,
    "# Fill in each value. Until then it is null, and every reader stops with a message naming it.",
  ];
  for (const output of outputs) {
    // Named as written: the same file serves every cell of its workspace.
    const readBy = [
      ...new Set(readers.filter((r) => r.outputs.includes(output.name)).map((r) => writtenName(r.downstream))),
    ];
    lines.push(
      "",
      `output ${hclString(output.name)} {`,
      `  description = ${hclString(`${output.typeText}; read by ${readBy.length ? readBy.join(", ") : "no workspace yet"}`)}`,
      `  value       = null # fill in: ${output.typeText}`,
      "}",
    );
  }
  return `${lines.join("\n")}\n`;
}

function readCheck(read: FileRead, reader: string, output: DeclaredOutput): string[] {
  const value = attribute("self.outputs", output.name);
  const message = `Workspace ${read.name} must publish the output ${output.name} as ${output.typeText} for the ${reader} layer: it is missing or has another type.`;
  return [
    "    postcondition {",
    `      condition     = try(${typeCheck(output.type, value)}, false)`,
    `      error_message = ${hclTemplate(message, read.kind)}`,
    "    }",
  ];
}

function readsFile(layer: string, reads: readonly FileRead[]): string {
  const everyCell = reads.some((r) => r.kind === "everyCell");
  const lines = [
    `# What the ${layer} layer reads from upstream state. Each read is checked when the data is read:`,
    "# a missing or mistyped output stops the plan with a message naming the upstream workspace,",
    `# the output and the type. Use the values through local.${UPSTREAM_LOCAL}["<workspace>"].<output>${everyCell ? ' (["<workspace>"]["<cell>"] for one of every cell)' : ""}.`,
    "",
    `variable ${hclString(CONTRACT_VARIABLE)} {`,
    `  type        = object({ hostname = string, organization = string, environment = string${everyCell ? ", cells = map(list(string))" : ""} })`,
    `  description = "Set on the workspace by tfc-layers: the host, organization and environment of its upstreams${everyCell ? ", and the cells of each cell layer" : ""}."`,
    "}",
  ];
  if (reads.some((r) => r.kind === "sameCell")) {
    lines.push(
      "",
      `variable ${hclString(CELL_VARIABLE)} {`,
      "  type        = object({ name = string, values = map(any) })",
      `  description = "Set on the workspace by tfc-layers: the cell it serves."`,
      "}",
    );
  }
  for (const read of reads) {
    lines.push(
      "",
      `data "terraform_remote_state" ${hclString(read.label)} {`,
      ...(read.kind === "everyCell" ? [`  for_each = toset(${variable("cells")}[${hclString(read.layer)}])`, ""] : []),
      `  backend = "remote"`,
      "",
      "  config = {",
      `    hostname     = ${variable("hostname")}`,
      `    organization = ${variable("organization")}`,
      "    workspaces = {",
      `      name = ${hclTemplate(read.name, read.kind)}`,
      "    }",
      "  }",
      "",
      "  lifecycle {",
      ...read.outputs.flatMap((o) => readCheck(read, layer, o)),
      "  }",
      "}",
    );
  }
  const own = reads.filter((r) => r.kind !== "external");
  const outside = reads.filter((r) => r.kind === "external");
  lines.push("", "locals {");
  const typed = (indent: string, read: FileRead, source: string) =>
    aligned(
      indent,
      read.outputs.map((o) => [objectKey(o.name), typedValue(o.type, attribute(source, o.name))]),
    );
  if (outside.length) {
    // Outside the stack, by TFC name: local.external["dns-zone-global"].zone_id.
    lines.push(`  ${EXTERNAL_LOCAL} = {`);
    for (const read of outside) {
      lines.push(
        `    ${objectKey(read.written)} = {`,
        ...typed("      ", read, `data.terraform_remote_state.${read.label}.outputs`),
        "    }",
      );
    }
    lines.push("  }");
  }
  if (own.length) lines.push(`  ${UPSTREAM_LOCAL} = {`);
  for (const read of own) {
    const label = read.label;
    if (read.kind === "everyCell") {
      // Keyed by cell: local.upstream["network-a"]["eu"].vpc_id.
      lines.push(
        `    ${objectKey(read.written)} = {`,
        `      for cell, state in data.terraform_remote_state.${label} : cell => {`,
      );
      lines.push(
        ...aligned(
          "        ",
          read.outputs.map((o) => [objectKey(o.name), typedValue(o.type, attribute("state.outputs", o.name))]),
        ),
      );
      lines.push("      }", "    }");
      continue;
    }
    const source = `data.terraform_remote_state.${label}.outputs`;
    lines.push(`    ${objectKey(read.written)} = {`);
    lines.push(
      ...aligned(
        "      ",
        read.outputs.map((o) => [objectKey(o.name), typedValue(o.type, attribute(source, o.name))]),
      ),
    );
    lines.push("    }");
  }
  if (own.length) lines.push("  }");
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** Sample outputs on one line; `change` drops one (no value) or gives it another value. */
function outputsLiteral(outputs: readonly DeclaredOutput[], change?: { name: string; value?: string }): string {
  const items = outputs
    .filter((o) => !(change && change.name === o.name && change.value === undefined))
    .map((o) => `${objectKey(o.name)} = ${change?.name === o.name ? change.value : sampleValue(o.type)}`);
  return items.length ? `{ ${items.join(", ")} }` : "{}";
}

/** Attribute lines with their "=" aligned, as terraform fmt writes them. */
function aligned(indent: string, items: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...items.map(([key]) => key.length));
  return items.map(([key, value]) => `${indent}${key.padEnd(width)} = ${value}`);
}

function overrideData(label: string, outputs: string, indent: string): string[] {
  return [
    `${indent}override_data {`,
    `${indent}  target = data.terraform_remote_state.${label}`,
    `${indent}  values = { outputs = ${outputs} }`,
    `${indent}}`,
  ];
}

/** The cell the generated tests run in, for every layer read across cells. */
const TEST_CELL = "test";

function readsTestFile(layer: string, reads: readonly FileRead[]): string {
  const cellLayers = [...new Set(reads.filter((r) => r.kind === "everyCell").map((r) => r.layer))];
  const cells = cellLayers.length
    ? `, cells = { ${cellLayers.map((l) => `${objectKey(l)} = [${hclString(TEST_CELL)}]`).join(", ")} }`
    : "";
  const lines = [
    `# Tests of the ${layer} layer's reads: run \`terraform test\` in this directory. Plan only, with`,
    "# each upstream's state replaced by sample outputs, so it needs no credentials. If the rest of",
    "# the directory's code needs a provider's credentials to plan, add a mock_provider block here.",
    "",
    "variables {",
    ...aligned("  ", [
      [
        CONTRACT_VARIABLE,
        `{ hostname = "app.terraform.io", organization = "example-org", environment = "test"${cells} }`,
      ],
      ...(reads.some((r) => r.kind === "sameCell")
        ? [[CELL_VARIABLE, `{ name = ${hclString(TEST_CELL)}, values = {} }`] as const]
        : []),
    ]),
    "}",
    "",
    "# Every upstream publishes what is read, with the declared types.",
  ];
  for (const read of reads) lines.push(...overrideData(read.label, outputsLiteral(read.outputs), ""));
  lines.push("", `run "declared_outputs_pass" {`, "  command = plan", "}");
  let case_ = 0;
  for (const read of reads) {
    for (const output of read.outputs) {
      case_++;
      const target = `data.terraform_remote_state.${read.label}`;
      const cases: [string, string, string | undefined][] = [
        ["missing", `${read.written} stops publishing ${output.name}`, undefined],
        [
          "mistyped",
          `${read.written} publishes ${output.name} with another type than ${output.typeText}`,
          mistypedValue(output.type),
        ],
      ];
      for (const [kind, what, value] of cases) {
        lines.push(
          "",
          `# ${what}: the plan stops.`,
          `run "${kind}_${case_}" {`,
          "  command = plan",
          ...overrideData(read.label, outputsLiteral(read.outputs, { name: output.name, value }), "  "),
          `  expect_failures = [${target}]`,
          "}",
        );
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

const join = (directory: string, file: string) => (directory === "" ? file : `${directory}/${file}`);

/** Every contract file of the topology, one per path; empty without a contract. */
export function contractFiles(topology: Topology): ContractFile[] {
  const byPath = new Map<string, { content: string; workspaces: string[] }>();
  const add = (ws: WorkspaceNode, file: string, content: string) => {
    const path = join(ws.source.directory, file);
    const existing = byPath.get(path);
    if (existing && existing.content !== content) {
      throw new ContractFileConflict(
        `workspaces ${JSON.stringify(existing.workspaces[0])} and ${JSON.stringify(ws.key)} share directory ${JSON.stringify(ws.source.directory)} but need different ${file}: give them their own directories`,
      );
    }
    if (existing) existing.workspaces.push(ws.key);
    else byPath.set(path, { content, workspaces: [ws.key] });
  };
  for (const ws of topology.workspaces) {
    const contract = topology.contractByWorkspace?.get(ws.key);
    if (!contract) continue;
    if (contract.publishes.length)
      add(ws, CONTRACT_FILES.outputs, outputsFile(ws.layer, contract.publishes, contract.readers));
    if (contract.reads.length) {
      const reads = fileReads(topology, ws, contract);
      add(ws, CONTRACT_FILES.reads, readsFile(ws.layer, reads));
      add(ws, CONTRACT_FILES.test, readsTestFile(ws.layer, reads));
    }
  }
  return [...byPath].map(([path, f]) => ({ path, ...f }));
}

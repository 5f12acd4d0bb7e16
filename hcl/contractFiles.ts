// The Terraform that enforces a stack's contract, per workspace directory: an outputs file for
// each layer that publishes, a reads file (remote state, checks, typed locals) and its test for
// each layer that reads. Files name layers and workspace keys, never an environment, so dev and
// prod (which plan the same directories) get the same files; the environment and organization
// come from the variable the program sets on each reading workspace.
import type { DeclaredOutput, WorkspaceContract } from "../topology/contract";
import { renderName } from "../topology/cells/workspaceName";
import { remoteStateLabel } from "../topology/names";
import type { Topology, WorkspaceNode } from "../topology/topology";
import {
  attribute,
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

const variable = (field: "hostname" | "organization" | "environment") => `var.${CONTRACT_VARIABLE}.${field}`;

/** Stands for the environment in a text that withEnvironment turns into an HCL string. */
const ENVIRONMENT = "\0";
const withEnvironment = (text: string) => hclString(text).replaceAll("\\u0000", `\${${variable("environment")}}`);
/** An upstream's TFC name, by the stack's naming convention, with the environment left to Terraform. */
type UpstreamName = (key: string) => string;
const upstreamNames =
  (topology: Topology): UpstreamName =>
  (key) =>
    renderName(topology.workspaceNameTemplate, {
      workspace: key,
      layer: topology.workspaceByKey.get(key)!.layer,
      environment: ENVIRONMENT,
    });

function outputsFile(layer: string, outputs: readonly DeclaredOutput[], readers: WorkspaceContract["readers"]): string {
  const lines = [
    `# The outputs the ${layer} layer publishes: the contract its readers check before they plan.`,
    "# Fill in each value. Until then it is null, and every reader stops with a message naming it.",
  ];
  for (const output of outputs) {
    const readBy = readers.filter((r) => r.outputs.includes(output.name)).map((r) => r.downstream);
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

function readCheck(upstreamName: UpstreamName, upstream: string, reader: string, output: DeclaredOutput): string[] {
  const value = attribute("self.outputs", output.name);
  const message = `Workspace ${upstreamName(upstream)} must publish the output ${output.name} as ${output.typeText} for the ${reader} layer: it is missing or has another type.`;
  return [
    "    postcondition {",
    `      condition     = try(${typeCheck(output.type, value)}, false)`,
    `      error_message = ${withEnvironment(message)}`,
    "    }",
  ];
}

function readsFile(layer: string, contract: WorkspaceContract, upstreamName: UpstreamName): string {
  const lines = [
    `# What the ${layer} layer reads from upstream state. Each read is checked when the data is read:`,
    "# a missing or mistyped output stops the plan with a message naming the upstream workspace,",
    `# the output and the type. Use the values through local.${UPSTREAM_LOCAL}["<workspace>"].<output>.`,
    "",
    `variable ${hclString(CONTRACT_VARIABLE)} {`,
    "  type        = object({ hostname = string, organization = string, environment = string })",
    `  description = "Set on the workspace by tfc-layers: the host, organization and environment of its upstreams."`,
    "}",
  ];
  for (const read of contract.reads) {
    lines.push(
      "",
      `data "terraform_remote_state" ${hclString(remoteStateLabel(read.upstream))} {`,
      `  backend = "remote"`,
      "",
      "  config = {",
      `    hostname     = ${variable("hostname")}`,
      `    organization = ${variable("organization")}`,
      "    workspaces = {",
      `      name = ${withEnvironment(upstreamName(read.upstream))}`,
      "    }",
      "  }",
      "",
      "  lifecycle {",
      ...read.outputs.flatMap((o) => readCheck(upstreamName, read.upstream, layer, o)),
      "  }",
      "}",
    );
  }
  lines.push("", "locals {", `  ${UPSTREAM_LOCAL} = {`);
  for (const read of contract.reads) {
    const source = `data.terraform_remote_state.${remoteStateLabel(read.upstream)}.outputs`;
    lines.push(`    ${objectKey(read.upstream)} = {`);
    lines.push(
      ...aligned(
        "      ",
        read.outputs.map((o) => [objectKey(o.name), typedValue(o.type, attribute(source, o.name))]),
      ),
    );
    lines.push("    }");
  }
  lines.push("  }", "}");
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

function overrideData(upstream: string, outputs: string, indent: string): string[] {
  return [
    `${indent}override_data {`,
    `${indent}  target = data.terraform_remote_state.${remoteStateLabel(upstream)}`,
    `${indent}  values = { outputs = ${outputs} }`,
    `${indent}}`,
  ];
}

function readsTestFile(layer: string, contract: WorkspaceContract): string {
  const lines = [
    `# Tests of the ${layer} layer's reads: run \`terraform test\` in this directory. Plan only, with`,
    "# each upstream's state replaced by sample outputs, so it needs no credentials. If the rest of",
    "# the directory's code needs a provider's credentials to plan, add a mock_provider block here.",
    "",
    "variables {",
    `  ${CONTRACT_VARIABLE} = { hostname = "app.terraform.io", organization = "example-org", environment = "test" }`,
    "}",
    "",
    "# Every upstream publishes what is read, with the declared types.",
  ];
  for (const read of contract.reads) lines.push(...overrideData(read.upstream, outputsLiteral(read.outputs), ""));
  lines.push("", `run "declared_outputs_pass" {`, "  command = plan", "}");
  let case_ = 0;
  for (const read of contract.reads) {
    for (const output of read.outputs) {
      case_++;
      const target = `data.terraform_remote_state.${remoteStateLabel(read.upstream)}`;
      const cases: [string, string, string | undefined][] = [
        ["missing", `${read.upstream} stops publishing ${output.name}`, undefined],
        [
          "mistyped",
          `${read.upstream} publishes ${output.name} with another type than ${output.typeText}`,
          mistypedValue(output.type),
        ],
      ];
      for (const [kind, what, value] of cases) {
        lines.push(
          "",
          `# ${what}: the plan stops.`,
          `run "${kind}_${case_}" {`,
          "  command = plan",
          ...overrideData(read.upstream, outputsLiteral(read.outputs, { name: output.name, value }), "  "),
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
  const upstreamName = upstreamNames(topology);
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
      add(ws, CONTRACT_FILES.reads, readsFile(ws.layer, contract, upstreamName));
      add(ws, CONTRACT_FILES.test, readsTestFile(ws.layer, contract));
    }
  }
  return [...byPath].map(([path, f]) => ({ path, ...f }));
}

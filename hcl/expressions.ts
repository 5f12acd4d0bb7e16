// HCL pieces of the generated Terraform: quoting, the variable that tells generated code its
// organization and environment, strict type checks of a value against a declared type, and
// sample values of a type (and of another type) for the generated tests.
import type { TerraformType } from "../topology/terraformType";

/** The Terraform variable the program sets on every reading workspace. */
export const CONTRACT_VARIABLE = "tfc_layers";

/** The Terraform variable the program sets on every workspace of a cell layer: its cell. */
export const CELL_VARIABLE = "tfc_cell";

/** A quoted HCL string: JSON escapes, plus the template sequences HCL would interpolate. */
export function hclString(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
}

/** Where the upstreams' state is: the TFC or Terraform Enterprise host, organization and environment. */
export interface UpstreamPlace {
  readonly hostname: string;
  readonly organization: string;
  readonly environment: string;
}

/**
 * The value of the contract variable, as an HCL object (the workspace variable has hcl = true);
 * with cells, also the cells of each cell layer, for the reads of a workspace of every cell.
 */
export function contractVariableValue(
  place: UpstreamPlace,
  cells: ReadonlyMap<string, readonly string[]> = new Map(),
): string {
  const byLayer = [...cells].map(([layer, names]) => `${objectKey(layer)} = [${names.map(hclString).join(", ")}]`);
  const cellsPart = byLayer.length ? `, cells = { ${byLayer.join(", ")} }` : "";
  return `{ hostname = ${hclString(place.hostname)}, organization = ${hclString(place.organization)}, environment = ${hclString(place.environment)}${cellsPart} }`;
}

/** The value of the cell variable: `{ name = "eu", values = { region = "eu-west-1" } }`, numbers and booleans as such. */
export function cellVariableValue(cell: {
  readonly name: string;
  readonly values: Readonly<Record<string, string | number | boolean>>;
}): string {
  const literal = (v: string | number | boolean) => (typeof v === "string" ? hclString(v) : String(v));
  const values = Object.keys(cell.values)
    .sort()
    .map((k) => `${k} = ${literal(cell.values[k])}`);
  return `{ name = ${hclString(cell.name)}, values = { ${values.join(", ")} } }`.replace("{  }", "{}");
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `expr.name`, or `expr["name"]` where a "-" in the name could read as a minus. */
export function attribute(expr: string, name: string): string {
  return PLAIN_NAME.test(name) ? `${expr}.${name}` : `${expr}[${hclString(name)}]`;
}

/** An object key: bare when plain, else quoted. */
export function objectKey(name: string): string {
  return PLAIN_NAME.test(name) ? name : hclString(name);
}

const jsonStartsWith = (expr: string, prefix: string) => `startswith(jsonencode(${expr}), ${hclString(prefix)})`;

/**
 * An HCL condition that holds when `expr` has the declared type, strictly: no conversion (a
 * number is not a string), null is nothing. It may fail to evaluate on a wrong shape, so callers
 * wrap it in try(..., false). `depth` keeps loop variables apart in nested collections.
 */
export function typeCheck(type: TerraformType, expr: string, depth = 1): string {
  const [key, item] = [`k${depth}`, `v${depth}`];
  switch (type.kind) {
    case "string":
      return jsonStartsWith(expr, '"');
    case "number":
      return `can(regex("^-?[0-9]", jsonencode(${expr})))`;
    case "bool":
      return `contains(["true", "false"], jsonencode(${expr}))`;
    case "list":
    case "set":
      return `${jsonStartsWith(expr, "[")} && alltrue([for ${item} in ${expr} : ${typeCheck(type.element, item, depth + 1)}])`;
    case "map":
      return `${jsonStartsWith(expr, "{")} && alltrue([for ${key}, ${item} in ${expr} : ${typeCheck(type.element, item, depth + 1)}])`;
    case "object":
      return [
        jsonStartsWith(expr, "{"),
        ...type.attributes.map(([name, t]) => `(${typeCheck(t, attribute(expr, name), depth)})`),
      ].join(" && ");
    case "tuple":
      return [
        jsonStartsWith(expr, "["),
        `length(${expr}) == ${type.elements.length}`,
        ...type.elements.map((t, i) => `(${typeCheck(t, `${expr}[${i}]`, depth)})`),
      ].join(" && ");
  }
}

/** An HCL literal of the type. */
export function sampleValue(type: TerraformType): string {
  switch (type.kind) {
    case "string":
      return '"example"';
    case "number":
      return "1";
    case "bool":
      return "true";
    case "list":
    case "set":
      return `[${sampleValue(type.element)}]`;
    case "map":
      return `{ key = ${sampleValue(type.element)} }`;
    case "object":
      return type.attributes.length === 0
        ? "{}"
        : `{ ${type.attributes.map(([name, t]) => `${objectKey(name)} = ${sampleValue(t)}`).join(", ")} }`;
    case "tuple":
      return `[${type.elements.map(sampleValue).join(", ")}]`;
  }
}

/** An HCL literal of another type than the one given, for the tests that a wrong type fails. */
export function mistypedValue(type: TerraformType): string {
  return type.kind === "string" ? "42" : '"not a value of the declared type"';
}

/** The value converted to the declared type where Terraform has a function for it. */
export function typedValue(type: TerraformType, expr: string): string {
  const convert = {
    string: "tostring",
    number: "tonumber",
    bool: "tobool",
    list: "tolist",
    set: "toset",
    map: "tomap",
  };
  return type.kind in convert ? `${convert[type.kind as keyof typeof convert]}(${expr})` : expr;
}

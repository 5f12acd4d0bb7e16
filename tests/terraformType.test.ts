// Terraform type expressions: parsed, written back canonically, refused with place and reason,
// and in agreement with `terraform validate` on the same expressions and names.
import * as assert from "node:assert/strict";
import { formatType, IDENTIFIER, parseType, TypeExpressionError } from "../topology/terraformType";
import { requireTerraform, validateWithoutInit } from "./terraform";

// Valid for Terraform and for a contract.
const VALID = [
  "string",
  "number",
  "bool",
  "list(string)",
  "set(number)",
  "map(bool)",
  " list ( map ( string ) ) ",
  "object({name = string, endpoint = string})",
  "object({a-b = number, _c = list(string),})",
  "object({})",
  "tuple([string, number, bool])",
  "tuple([string,])",
  "tuple([])",
  "map(list(object({id = string, ports = set(number), meta = tuple([string, map(bool)])})))",
];
// Refused by Terraform and by a contract.
const INVALID = [
  "",
  "lst(string)",
  "String",
  "list()",
  "list(string",
  "list(string))",
  "map(string, number)",
  "object({name string})",
  "object({name = string, name = number})",
  'object({"name" = string})',
  "object(name = string)",
  "tuple(string)",
  "tuple([string number])",
  "string number",
  "list(1)",
];
// Valid for Terraform, refused by a contract: the type must be declared, not left open.
// (A bare list or map is Terraform's old shorthand for list(any) and map(any).)
const OPEN = ["any", "map(any)", "object({a = optional(string)})", "list", "map"];

describe("Terraform type expressions", () => {
  it("parse into their structure and print back in one canonical form", () => {
    assert.deepEqual(parseType("list(string)"), { kind: "list", element: { kind: "string" } });
    assert.deepEqual(parseType("tuple([bool, number])"), {
      kind: "tuple",
      elements: [{ kind: "bool" }, { kind: "number" }],
    });
    assert.equal(formatType(parseType(" map ( list(number) ) ")), "map(list(number))");
    // Attributes sorted: two spellings of one type print the same.
    assert.equal(
      formatType(parseType("object({name = string, endpoint = string})")),
      "object({endpoint = string, name = string})",
    );
    assert.equal(formatType(parseType("object({b=number,a=bool,})")), "object({a = bool, b = number})");
    for (const text of VALID) {
      const canonical = formatType(parseType(text));
      assert.equal(formatType(parseType(canonical)), canonical, `${text} round-trips`);
    }
  });

  it("refuse with the reason and the column where the expression goes wrong", () => {
    const refusal = (text: string) => {
      try {
        parseType(text);
      } catch (err) {
        assert.ok(err instanceof TypeExpressionError);
        return [err.reason, err.column];
      }
      assert.fail(`${JSON.stringify(text)} should be refused`);
    };
    assert.deepEqual(refusal("lst(string)"), ['"lst" is not a type (did you mean "list"?)', 1]);
    assert.deepEqual(refusal("map(any)"), ['"any" leaves the type open', 5]);
    assert.deepEqual(refusal("list(string"), ['expected ")" to close list(', undefined]);
    assert.deepEqual(refusal("map"), ['"map" leaves its element type open (write map(string), for example)', 1]);
    assert.deepEqual(refusal("object({a = string, a = number})"), ['attribute "a" is declared twice', 21]);
    assert.deepEqual(refusal("object({a = optional(string)})"), [
      '"optional" belongs to input variables, not outputs',
      13,
    ]);
    assert.deepEqual(refusal("string number"), ['unexpected "number" after the type', 8]);
    assert.deepEqual(refusal(""), ["the type is empty", undefined]);
    for (const text of [...INVALID, ...OPEN]) assert.throws(() => parseType(text), TypeExpressionError, text);
  });

  it("agree with terraform validate on every expression, canonical forms included", () => {
    requireTerraform();
    const accepted = [...VALID, ...VALID.map((t) => formatType(parseType(t))), ...OPEN];
    const file = accepted.map((t, i) => `variable "v${i}" {\n  type = ${t}\n}`).join("\n");
    assert.deepEqual(validateWithoutInit({ "main.tf": `${file}\n` }), { valid: true, lines: [] });
    // One file each: some of them are syntax errors, after which Terraform reads no further.
    for (const text of INVALID) {
      assert.equal(validateWithoutInit({ "main.tf": `variable "v" {\n  type = ${text}\n}\n` }).valid, false, text);
    }
  });

  it("agree with terraform validate on which output names are valid", () => {
    requireTerraform();
    const names = ["vpc_id", "_private", "a-b", "A1", "x_-9", "1st", "-x", "a.b", "a b", "é", "a$"];
    const file = names.map((n, i) => `output "${n}" {\n  value = ${i}\n}`).join("\n");
    const { lines } = validateWithoutInit({ "main.tf": `${file}\n` });
    const refused = new Set(lines.map((line) => names[(line - 1) / 3]));
    for (const name of names) {
      // é is a letter to Terraform; IDENTIFIER keeps to ASCII, so it refuses more, never less.
      if (name === "é") assert.ok(!IDENTIFIER.test(name));
      else assert.equal(IDENTIFIER.test(name), !refused.has(name), name);
    }
  });
});

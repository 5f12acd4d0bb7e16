// Terraform type expressions, as an output's declared type: parsed, written back in one canonical
// form, and refused with the place and the reason when Terraform would refuse them (or when they
// leave the type open: a contract declares its types). The grammar is Terraform's typeexpr:
// string, number, bool, list(T), set(T), map(T), object({name = T, ...}), tuple([T, ...]).
import { closest } from "./configValues";

export type TerraformType =
  | { readonly kind: "string" | "number" | "bool" }
  | { readonly kind: "list" | "set" | "map"; readonly element: TerraformType }
  | { readonly kind: "object"; readonly attributes: readonly (readonly [string, TerraformType])[] }
  | { readonly kind: "tuple"; readonly elements: readonly TerraformType[] };

/** What Terraform takes as an identifier (output and attribute names, block labels), in ASCII. */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export const TYPE_FORMS = "string, number, bool, list(T), set(T), map(T), object({name = T, ...}) or tuple([T, ...])";

const PRIMITIVES = ["string", "number", "bool"] as const;
const COLLECTIONS = ["list", "set", "map"] as const;
const KEYWORDS = [...PRIMITIVES, ...COLLECTIONS, "object", "tuple"];

/** Why a type expression is refused, and the 1-based column where it goes wrong (none: at the end). */
export class TypeExpressionError extends Error {
  constructor(
    readonly reason: string,
    readonly column?: number,
  ) {
    super(`${reason} ${column === undefined ? "at the end" : `at column ${column}`}`);
  }
}

interface Token {
  readonly text: string;
  readonly column: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:([A-Za-z_][A-Za-z0-9_-]*)|([(){}[\]=,])|(\S))/y;
  let match = pattern.exec(text);
  while (match !== null && match[0] !== "") {
    const [, word, punctuation, other] = match;
    const value = word ?? punctuation ?? other;
    tokens.push({ text: value, column: match.index + match[0].length - value.length + 1 });
    match = pattern.exec(text);
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private fail(message: string, at = this.peek()): never {
    throw new TypeExpressionError(message, at?.column);
  }

  private expect(text: string, after: string): void {
    const token = this.peek();
    if (token?.text !== text) this.fail(`expected "${text}" ${after}${token ? `, found "${token.text}"` : ""}`, token);
    this.position++;
  }

  /** A type, then nothing else. */
  whole(): TerraformType {
    if (this.tokens.length === 0) this.fail("the type is empty");
    const type = this.type();
    const rest = this.peek();
    if (rest) this.fail(`unexpected "${rest.text}" after the type`, rest);
    return type;
  }

  private type(): TerraformType {
    const token = this.peek();
    if (token === undefined) return this.fail("expected a type");
    this.position++;
    const word = token.text;
    if ((PRIMITIVES as readonly string[]).includes(word)) return { kind: word as "string" | "number" | "bool" };
    if ((COLLECTIONS as readonly string[]).includes(word)) {
      // Terraform reads a bare list or map as list(any) or map(any).
      if (this.peek()?.text !== "(")
        this.fail(`"${word}" leaves its element type open (write ${word}(string), for example)`, token);
      this.position++;
      const element = this.type();
      this.expect(")", `to close ${word}(`);
      return { kind: word as "list" | "set" | "map", element };
    }
    if (word === "object") return this.object();
    if (word === "tuple") return this.tuple();
    if (word === "any") {
      this.fail(`"any" leaves the type open`, token);
    }
    if (word === "optional") this.fail(`"optional" belongs to input variables, not outputs`, token);
    const guess = closest(word, KEYWORDS);
    this.fail(`"${word}" is not a type${guess ? ` (did you mean "${guess}"?)` : ""}`, token);
  }

  private object(): TerraformType {
    this.expect("(", "after object");
    this.expect("{", "in object(");
    const attributes: [string, TerraformType][] = [];
    while (this.peek()?.text !== "}") {
      const name = this.peek();
      if (name === undefined || !IDENTIFIER.test(name.text)) {
        this.fail(`expected an attribute name or "}" in object({...})`, name);
      }
      if (attributes.some(([n]) => n === name.text)) this.fail(`attribute "${name.text}" is declared twice`, name);
      this.position++;
      this.expect("=", `after attribute "${name.text}"`);
      attributes.push([name.text, this.type()]);
      if (this.peek()?.text === ",") this.position++;
      else if (this.peek()?.text !== "}") this.fail(`expected "," or "}" after attribute "${name.text}"`);
    }
    this.position++;
    this.expect(")", "to close object(");
    return { kind: "object", attributes: attributes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
  }

  private tuple(): TerraformType {
    this.expect("(", "after tuple");
    this.expect("[", "in tuple(");
    const elements: TerraformType[] = [];
    while (this.peek()?.text !== "]") {
      if (this.peek() === undefined) this.fail(`expected a type or "]" in tuple([...])`);
      elements.push(this.type());
      if (this.peek()?.text === ",") this.position++;
      else if (this.peek()?.text !== "]") this.fail(`expected "," or "]" in tuple([...])`);
    }
    this.position++;
    this.expect(")", "to close tuple(");
    return { kind: "tuple", elements };
  }
}

/** Parses a type expression; throws TypeExpressionError saying where and why. */
export function parseType(text: string): TerraformType {
  return new Parser(tokenize(text)).whole();
}

/** The canonical text of a type: one line, attributes sorted, single spaces. */
export function formatType(type: TerraformType): string {
  switch (type.kind) {
    case "string":
    case "number":
    case "bool":
      return type.kind;
    case "list":
    case "set":
    case "map":
      return `${type.kind}(${formatType(type.element)})`;
    case "object":
      return `object({${type.attributes.map(([name, t]) => `${name} = ${formatType(t)}`).join(", ")}})`;
    case "tuple":
      return `tuple([${type.elements.map(formatType).join(", ")}])`;
  }
}

// npm run schema: writes stack.schema.json, the JSON Schema the stack files point editors at.
import * as fs from "node:fs";
import * as path from "node:path";
import { stackFileJsonSchema } from "../topology/stackFileSchema";

const out = path.join(__dirname, "..", "stack.schema.json");
fs.writeFileSync(out, stackFileJsonSchema());
process.stdout.write(`wrote ${path.basename(out)}\n`);

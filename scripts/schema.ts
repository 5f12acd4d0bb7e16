// npm run schema: writes stack.schema.json (the JSON Schema the stack files point editors at), the
// tables of docs/configuration.md and Pulumi.yaml's key descriptions, all from the same schemas and
// reference (topology/configReference.ts).
import * as fs from "node:fs";
import * as path from "node:path";
import { stackFileJsonSchema } from "../topology/stackFileSchema";
import { withDescriptions, withGeneratedTables } from "./configReference";

const root = path.join(__dirname, "..");
const write = (file: string, text: string) => {
  fs.writeFileSync(path.join(root, file), text);
  process.stdout.write(`wrote ${file}\n`);
};
write("stack.schema.json", stackFileJsonSchema());
write("docs/configuration.md", withGeneratedTables(fs.readFileSync(path.join(root, "docs/configuration.md"), "utf8")));
write("Pulumi.yaml", withDescriptions(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")));

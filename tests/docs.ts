// The documentation the tests keep true: the README and the pages of docs/.
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_DIR } from "../offline/stackFile";

/** A page of docs/ (without .md), or the README. */
export function readDoc(page: string): string {
  return fs.readFileSync(path.join(PROJECT_DIR, page === "README" ? "README.md" : `docs/${page}.md`), "utf8");
}

/** The README and every page of docs/, one after another. */
export function allDocs(): string {
  const pages = fs
    .readdirSync(path.join(PROJECT_DIR, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort();
  return [readDoc("README"), ...pages.map((p) => readDoc(p.replace(/\.md$/, "")))].join("\n");
}

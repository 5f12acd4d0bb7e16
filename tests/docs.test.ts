// The documentation a newcomer reads: a short README linking every page, lines a reader can read,
// and links that land.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_DIR } from "../offline/stackFile";

const pages = fs
  .readdirSync(path.join(PROJECT_DIR, "docs"))
  .filter((f) => f.endsWith(".md"))
  .sort();
const files = ["README.md", ...pages.map((p) => `docs/${p}`)];
const text = (file: string) => fs.readFileSync(path.join(PROJECT_DIR, file), "utf8");

/** The anchors GitHub gives a page's headings (lower case, punctuation dropped, spaces to "-"). */
function anchors(file: string): Set<string> {
  const out = new Set<string>();
  let fence = false;
  for (const line of text(file).split("\n")) {
    if (/^(```|````)/.test(line)) fence = !fence;
    const m = !fence && /^#{1,6} (.*)$/.exec(line);
    if (m)
      out.add(
        m[1]
          .toLowerCase()
          .replace(/[^\p{L}\p{N} _-]/gu, "")
          .replace(/ /g, "-"),
      );
  }
  return out;
}

describe("the documentation", () => {
  it("the README is at most 200 lines and links every page of docs/", () => {
    const readme = text("README.md");
    assert.ok(readme.split("\n").length <= 200, `${readme.split("\n").length} lines`);
    for (const p of pages) assert.ok(readme.includes(`](docs/${p})`), `the README does not link docs/${p}`);
    assert.ok(pages.length >= 12);
  });

  it("no line is over 160 characters, tables and code aside", () => {
    for (const file of files) {
      let fence = false;
      text(file)
        .split("\n")
        .forEach((line, i) => {
          if (/^(```|````)/.test(line)) fence = !fence;
          if (!fence && !line.startsWith("|"))
            assert.ok(line.length <= 160, `${file}:${i + 1} has ${line.length} characters`);
        });
    }
  });

  it("every relative link lands on a file and, with an anchor, on one of its headings", () => {
    for (const file of files) {
      for (const m of text(file).matchAll(/\]\((?!https?:|mailto:)([^)\s]*)\)/g)) {
        const [target, anchor] = m[1].split("#");
        const resolved = target === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
        assert.ok(fs.existsSync(path.join(PROJECT_DIR, resolved)), `${file}: ${m[1]} does not exist`);
        if (anchor && resolved.endsWith(".md"))
          assert.ok(anchors(resolved).has(anchor), `${file}: ${m[1]} has no such heading`);
      }
    }
  });
});

// The rules `pulumi import --file` applies to an import file, brought into the tests.
import * as assert from "node:assert/strict";
import type { ImportFile } from "../adopt/adoption";
import { PROJECT } from "../topology/keys";

/**
 * The URN of every entry, resolved as `pulumi import --file` resolves it (pulumi v3.248.0,
 * parseImportFile): names unique, a component has no id and every other entry one, a parent must
 * be an entry's name, and the URN is the parent's qualified type, the type and the logical name.
 */
export function importUrns(file: ImportFile, stack: string): Map<string, string> {
  const names = file.resources.map((r) => r.name);
  assert.equal(new Set(names).size, names.length, "names are unique (else an ambiguous parent)");
  const byName = new Map(file.resources.map((r) => [r.name, r]));
  const qualified = (name: string): string => {
    const r = byName.get(name);
    assert.ok(r, `the parent '${name}' has an entry`);
    return r.parent ? `${qualified(r.parent)}$${r.type}` : r.type;
  };
  const urns = new Map<string, string>();
  for (const r of file.resources) {
    assert.equal(r.component === true, r.id === undefined, `${r.name}: an id exactly when it is not a component`);
    assert.ok(r.type && r.logicalName, `${r.name} has a type and a logical name`);
    urns.set(r.name, `urn:pulumi:${stack}::${PROJECT}::${qualified(r.name)}::${r.logicalName}`);
  }
  assert.equal(new Set(urns.values()).size, urns.size, "no two entries with one URN");
  return urns;
}

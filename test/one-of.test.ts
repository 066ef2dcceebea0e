/**
 * The one-of groups (src/models/one-of.ts) name fields as the API spells them: each group is
 * found on an object type of some kind in the catalogue, so that unknown-field's search for a
 * misplaced key's home sees it (a misspelled member would silently make the group never apply).
 */
import { allKinds, objectType, versionsOfKind, type TypeCode } from "../src/models/catalogue/index.js";
import { ONE_OF_GROUPS } from "../src/models/one-of.js";

/** The object types reachable from every kind of the catalogue. */
function reachableTypes(): Map<TypeCode, ReadonlySet<string>> {
  const seen = new Map<TypeCode, ReadonlySet<string>>();
  const todo = allKinds().flatMap((k) => versionsOfKind(k).map((i) => i.type));
  while (todo.length) {
    const code = todo.pop()!.replace(/^[[{]+/, "");
    if (!code.startsWith("#") || seen.has(code)) continue;
    const type = objectType(code);
    seen.set(code, new Set(type.fields.keys()));
    todo.push(...type.fields.values());
  }
  return seen;
}

test("every one-of group is the fields of an object type the schema walk meets", () => {
  const types = [...reachableTypes().values()];
  const missing = ONE_OF_GROUPS.filter((g) => !types.some((fields) => g.members.every((m) => fields.has(m)) && (g.marker === undefined || fields.has(g.marker))));
  expect(missing.map((g) => `${g.of}: ${g.members.join(", ")}`)).toEqual([]);
});

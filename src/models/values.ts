/** How messages name a JSON value that has the wrong type: "a list", "the string \"x\"". */
export function kindOfValue(v: unknown): string {
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a map";
  if (typeof v === "string") return `the string ${JSON.stringify(v)}`;
  if (typeof v === "number") return `the number ${v}`;
  if (typeof v === "boolean") return `the boolean ${v}`;
  return `"${String(v)}"`;
}

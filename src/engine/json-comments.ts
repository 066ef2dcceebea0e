/**
 * Comments in a JSON file. kubectl decodes a stream that starts with "{" as JSON
 * (k8s.io/apimachinery/pkg/util/yaml, YAMLOrJSONDecoder), and JSON has no comments. The YAML
 * parser that reads .json files here would pass a `#` comment silently and read `//` or
 * `/* ... *\/` text as part of a key, so the comments are found first, outside strings.
 */
export interface JsonComment {
  start: number;
  /** Offset just after the comment (its line end, or the closing `*\/`). */
  end: number;
}

/** Every `#`, `//` and `/* *\/` comment outside JSON strings, in order. */
export function jsonComments(text: string): JsonComment[] {
  const out: JsonComment[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      // Past the closing quote; a backslash escapes the character after it.
      for (i++; i < text.length && text[i] !== '"' && text[i] !== "\n"; i++) if (text[i] === "\\") i++;
    } else if (c === "#" || (c === "/" && text[i + 1] === "/")) {
      const lineEnd = text.indexOf("\n", i);
      const end = lineEnd === -1 ? text.length : lineEnd;
      out.push({ start: i, end: text[end - 1] === "\r" ? end - 1 : end });
      i = end;
    } else if (c === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      const end = close === -1 ? text.length : close + 2;
      out.push({ start: i, end });
      i = end - 1;
    }
  }
  return out;
}

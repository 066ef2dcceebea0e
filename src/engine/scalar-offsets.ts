/**
 * Where each character of a string value stands in the file: a finding inside a value (a PromQL
 * parse error at character 17 of an `expr`) is placed at that character, through the scalar's
 * quoting, escapes, line folding and block indentation. The decoding follows the YAML 1.2 rules
 * as the yaml package implements them (compose/resolve-flow-scalar.js, resolve-block-scalar.js);
 * the decoded text is compared with the parsed value, and any difference (a style this does not
 * follow, such as an explicit indentation indicator) gives undefined: the caller then points at
 * the whole value, never at a wrong character.
 */

/**
 * The file offset of each character of `value` (one more entry: just past its last character),
 * for the scalar written at text[start, end); undefined when the source cannot be followed.
 */
export function valueOffsets(text: string, start: number, end: number, value: string): number[] | undefined {
  const first = text[start];
  const decoded =
    first === '"' ? flowScalar(text, start + 1, end, "double") : first === "'" ? flowScalar(text, start + 1, end, "single") : first === "|" || first === ">" ? blockScalar(text, start, end) : flowScalar(text, start, end, "plain");
  if (!decoded || decoded.chars.join("") !== value) return undefined;
  return [...decoded.offsets, decoded.end];
}

interface Decoded {
  chars: string[];
  offsets: number[];
  /** Offset just past the last character of content. */
  end: number;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  "\t": "\t",
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Plain, single- and double-quoted scalars: escapes, and line folding (a single break is a space, n breaks are n-1 newlines). */
function flowScalar(text: string, from: number, end: number, style: "plain" | "single" | "double"): Decoded | undefined {
  const chars: string[] = [];
  const offsets: number[] = [];
  /** How many characters at the end of `chars` are written white space, trimmed before a line break. */
  let trailingBlanks = 0;
  const push = (c: string, at: number, blank = false) => {
    chars.push(c);
    offsets.push(at);
    trailingBlanks = blank ? trailingBlanks + 1 : 0;
  };
  let i = from;
  while (i < end) {
    const c = text[i];
    if (style === "double" && c === '"') return { chars, offsets, end: i };
    if (style === "single" && c === "'") {
      if (text[i + 1] !== "'") return { chars, offsets, end: i };
      push("'", i);
      i += 2;
      continue;
    }
    if (c === "\n" || (c === "\r" && text[i + 1] === "\n")) {
      chars.length -= trailingBlanks;
      offsets.length -= trailingBlanks;
      trailingBlanks = 0;
      const breakAt = i;
      let breaks = 0;
      while (i < end && (text[i] === "\n" || text[i] === "\r" || text[i] === " " || text[i] === "\t")) {
        if (text[i] === "\n") breaks++;
        i++;
      }
      if (breaks === 1) push(" ", breakAt);
      else for (let k = 1; k < breaks; k++) push("\n", breakAt);
      continue;
    }
    if (style === "double" && c === "\\") {
      const n = text[i + 1];
      if (n === "\n" || (n === "\r" && text[i + 2] === "\n")) {
        // An escaped line break joins the lines without a space; the next line's indentation goes.
        i += n === "\r" ? 3 : 2;
        while (text[i] === " " || text[i] === "\t") i++;
        trailingBlanks = 0;
        continue;
      }
      if (n !== undefined && Object.hasOwn(SIMPLE_ESCAPES, n)) {
        push(SIMPLE_ESCAPES[n], i);
        i += 2;
        continue;
      }
      const digits = n === undefined ? undefined : HEX_ESCAPES[n];
      if (digits === undefined) return undefined;
      const hex = text.slice(i + 2, i + 2 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
      for (const unit of String.fromCodePoint(parseInt(hex, 16)).split("")) push(unit, i);
      i += 2 + digits;
      continue;
    }
    push(c, i, c === " " || c === "\t");
    i++;
  }
  // A quoted scalar ends at its closing quote, inside the range.
  return style === "plain" ? { chars, offsets, end } : undefined;
}

/** Literal (|) and folded (>) block scalars with an auto-detected indentation, after resolveBlockScalar of the yaml package. */
function blockScalar(text: string, start: number, end: number): Decoded | undefined {
  const headerEnd = text.indexOf("\n", start);
  if (headerEnd === -1 || headerEnd >= end) return undefined;
  const header = /^([|>])([-+]?)(?:\s*(?:#.*)?)?\r?$/.exec(text.slice(start, headerEnd));
  if (!header) return undefined; // an explicit indentation indicator needs the parent's indentation
  const folded = header[1] === ">";
  const chomp = header[2];
  // Lines as [indent, content, offset of content]; the body runs to the end of the value.
  const lines: Array<{ indent: number; content: string; at: number }> = [];
  let lineStart = headerEnd + 1;
  const bodyEnd = Math.min(end, text.length);
  while (lineStart <= bodyEnd) {
    const nl = text.indexOf("\n", lineStart);
    const lineEnd = nl === -1 || nl > bodyEnd ? bodyEnd : nl;
    let k = lineStart;
    while (k < lineEnd && text[k] === " ") k++;
    lines.push({ indent: k - lineStart, content: text.slice(k, lineEnd), at: k });
    if (lineEnd === bodyEnd) break;
    lineStart = lineEnd + 1;
  }
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    if (lines[i].content === "" || lines[i].content === "\r") chompStart = i;
    else break;
  }
  if (chompStart === 0) return undefined;
  let trimIndent = 0;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    if (lines[i].content === "" || lines[i].content === "\r") continue;
    trimIndent = lines[i].indent;
    contentStart = i;
    break;
  }
  for (let i = lines.length - 1; i >= chompStart; --i) if (lines[i].indent > trimIndent) chompStart = i + 1;
  const chars: string[] = [];
  const offsets: number[] = [];
  const add = (s: string, at: number) => {
    for (let k = 0; k < s.length; k++) {
      chars.push(s[k]);
      offsets.push(at + k);
    }
  };
  /** A separator stands at the line break before the line that follows it. */
  const addSep = (s: string, at: number) => {
    for (const c of s) {
      chars.push(c);
      offsets.push(at);
    }
  };
  const lineBreakBefore = (i: number) => lines[i].at - lines[i].indent - 1;
  for (let i = 0; i < contentStart; ++i) {
    add(" ".repeat(Math.max(0, lines[i].indent - trimIndent)), lines[i].at - lines[i].indent + trimIndent);
    addSep("\n", lines[i].at + lines[i].content.length);
  }
  let sep = "";
  let prevMoreIndented = false;
  let contentEnd = lines[contentStart].at;
  for (let i = contentStart; i < chompStart; ++i) {
    const line = lines[i];
    let content = line.content;
    if (content.endsWith("\r")) content = content.slice(0, -1);
    if (content && line.indent < trimIndent) return undefined;
    const extra = " ".repeat(Math.max(0, line.indent - trimIndent));
    const extraAt = line.at - extra.length;
    if (!folded) {
      addSep(sep, lineBreakBefore(i));
      add(extra + content, extraAt);
      sep = "\n";
    } else if (line.indent > trimIndent || content[0] === "\t") {
      if (sep === " ") sep = "\n";
      else if (!prevMoreIndented && sep === "\n") sep = "\n\n";
      addSep(sep, lineBreakBefore(i));
      add(extra + content, extraAt);
      sep = "\n";
      prevMoreIndented = true;
    } else if (content === "") {
      if (sep === "\n") addSep("\n", lineBreakBefore(i));
      else sep = "\n";
    } else {
      addSep(sep, lineBreakBefore(i));
      add(content, line.at);
      sep = " ";
      prevMoreIndented = false;
    }
    if (content) contentEnd = line.at + content.length;
  }
  if (chomp === "+") {
    for (let i = chompStart; i < lines.length; ++i) {
      addSep("\n", lineBreakBefore(i));
      add(" ".repeat(Math.max(0, lines[i].indent - trimIndent)), lines[i].at - lines[i].indent + trimIndent);
    }
    if (chars[chars.length - 1] !== "\n") addSep("\n", contentEnd);
  } else if (chomp !== "-") addSep("\n", contentEnd);
  return { chars, offsets, end: Math.max(contentEnd, offsets[offsets.length - 1] ?? contentEnd) };
}

/**
 * How a syntax problem is shown: at the token that starts it, in the user's terms. The yaml
 * package reports some mistakes where its parser noticed them (the next line, the end of the
 * file); these are moved to the mistake itself, as kubectl's `line N: ...` messages are.
 */
import type { SyntaxProblem } from "./parse.js";
import { samplePlaceholders } from "../models/catalogue/names.js";

export interface ShownProblem {
  start: number;
  end: number;
  message: string;
  hint?: string;
}

/** A piece of the input for a message: whitespace runs collapsed, at most 40 characters. */
export function excerpt(s: string): string {
  const one = s.replace(/\s+/g, " ");
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}

/**
 * A key written twice in one mapping. `kubectl apply -f` keeps one value and drops the other
 * without a word (sigs.k8s.io/yaml Unmarshal: "Duplicate fields ... are ignored"); kustomize
 * refuses the file (yaml.v3: "mapping key ... already defined"). With two values which one is
 * meant is unknown, and the document is not checked further (`sameValue` false).
 */
function repeatedKey(key: string, sameValue: boolean): { message: string; hint: string } {
  if (sameValue) {
    return { message: `key "${key}" appears twice in this mapping`, hint: "remove one of the two keys: kubectl apply -f keeps one of them, but kustomize (kubectl apply -k, Flux) refuses a mapping that repeats a key" };
  }
  return {
    message: `key "${key}" appears twice in this mapping with different values: which one is meant is unclear, so the rest of the document is not checked`,
    hint: "keep the key with the value you mean and remove the other: kubectl apply -f silently keeps one value, and kustomize (kubectl apply -k, Flux) refuses the mapping",
  };
}

export function explainSyntaxProblem(text: string, p: SyntaxProblem): ShownProblem {
  if (p.code === "DUPLICATE_KEY") {
    // A quoted key (every key of JSON) is named by its content; the span keeps the quotes.
    const quoted = /^"((?:[^"\\\n]|\\.)*)"|^'((?:[^'\n]|'')*)'/.exec(text.slice(p.start));
    const written = quoted?.[0] ?? /^[^:\n]*/.exec(text.slice(p.start))?.[0].trim() ?? "";
    const key = quoted ? (quoted[1] ?? quoted[2].replaceAll("''", "'")) : written;
    return { start: p.start, end: p.start + Math.max(1, written.length), ...repeatedKey(key, p.recoverable) };
  }
  const ellipsis = excerptEllipsis(text, p.start);
  if (ellipsis) return ellipsis;
  if (p.code === "MULTILINE_IMPLICIT_KEY" || p.code === "BLOCK_AS_IMPLICIT_KEY") {
    const shown = strayListItem(text, p.start) ?? overIndentedKey(text, p.start);
    if (shown) return shown;
  }
  if (p.hint || !p.code) return { start: p.start, end: p.end, message: lowerFirst(p.message), ...(p.hint ? { hint: p.hint } : {}) };
  return translate(text, p);
}

/**
 * An indented line of only "..." (or "…"), which documentation excerpts write for the lines they
 * leave out (external-secrets' snippets). At the start of a line YAML reads "..." as the end of a
 * document; indented, it is a plain scalar where a key or item belongs.
 */
function excerptEllipsis(text: string, at: number): ShownProblem | undefined {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const lineEnd = text.indexOf("\n", at) === -1 ? text.length : text.indexOf("\n", at);
  const line = text.slice(lineStart, lineEnd);
  const m = /^([ \t]+)(\.{3}|…)[ \t]*(?:#.*)?$/.exec(line);
  if (!m) return undefined;
  const start = lineStart + m[1].length;
  return { start, end: start + m[2].length, message: `"${m[2]}" stands for lines left out: this is an excerpt, not a whole manifest`, hint: "write out the lines it stands for, or delete it if nothing is left out" };
}

/**
 * A `- item` line among the keys of a block mapping. The yaml package blames the indentation
 * before the dash, or the dash itself; the item is what is out of place.
 */
function strayListItem(text: string, at: number): ShownProblem | undefined {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const dash = lineStart + /^[ \t]*/.exec(text.slice(lineStart))![0].length;
  if (at > dash || text[dash] !== "-" || !/^-(\s|$)/.test(text.slice(dash, dash + 2))) return undefined;
  const line = text.slice(dash, text.indexOf("\n", dash) === -1 ? text.length : text.indexOf("\n", dash));
  const item = line.replace(/\s+#.*$/, "").trimEnd();
  return {
    start: dash,
    end: dash + item.length,
    message: `list item "${excerpt(item)}" appears among the keys of a mapping`,
    hint: 'remove the "- " to make it a key of this mapping, or move the list under a key of its own',
  };
}

/** A key indented deeper than the one above it: the yaml package blames the line above, kubectl this one. */
function overIndentedKey(text: string, at: number): ShownProblem | undefined {
  const nl = text.indexOf("\n", at);
  if (nl === -1) return undefined;
  const lineStart = nl + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0].length;
  const atLine = text.lastIndexOf("\n", at - 1) + 1;
  if (indent <= /^[ \t]*/.exec(text.slice(atLine))![0].length) return undefined;
  const keyEnd = text.slice(lineStart + indent).search(/:(\s|$)/);
  if (keyEnd <= 0) return undefined;
  return {
    start: lineStart + indent,
    end: lineStart + indent + keyEnd,
    message: "mapping values are not allowed here: this line is indented deeper than the key above it",
    hint: "align the key with its siblings, or put a value on the line above on a line of its own",
  };
}

/** What a translation of a parser message says, and where, when that differs from the parser's position. */
interface Said {
  message: string;
  hint: string;
  start?: number;
  end?: number;
}

interface Translation {
  /** The parser's message (its first line) this translation is for. */
  match: RegExp;
  say(m: RegExpExecArray, at: Token, text: string): Said;
}

/** The token at the parser's position: the text from there to the end of the line, and its first non-blank character. */
interface Token {
  start: number;
  end: number;
  /** The parser's span, whitespace and line breaks collapsed, at most 40 characters. */
  source: string;
  /** The rest of the line from the position, without a trailing comment. */
  rest: string;
  /** The first non-blank character of the line at or after the position, and the key or item written there. */
  lineToken: { start: number; end: number; text: string };
}

const KEY_OR_ITEM = /^(?:-\s*)?[^:#\n]*?(?=:(?:\s|$)|\s+#|$)/;

function tokenAt(text: string, p: SyntaxProblem): Token {
  const lineStart = text.lastIndexOf("\n", p.start - 1) + 1;
  let from = p.start > lineStart && /\S/.test(text.slice(lineStart, p.start)) ? p.start : lineStart;
  let nl = text.indexOf("\n", from);
  // A position at the end of a line (the parser points at the line break before what it refused): the token is the next line's.
  if (nl !== -1 && !/\S/.test(text.slice(from, nl)) && p.start === p.end - 1 && text[p.start] === "\n") {
    let next = nl + 1;
    for (let end = text.indexOf("\n", next); end !== -1 && !/\S/.test(text.slice(next, end)); end = text.indexOf("\n", next)) next = end + 1;
    from = next;
    nl = text.indexOf("\n", from);
  }
  const lineEnd = nl === -1 ? text.length : nl;
  const indent = /^[ \t]*/.exec(text.slice(from, lineEnd))![0].length;
  const start = Math.min(from + indent, lineEnd);
  const written = (KEY_OR_ITEM.exec(text.slice(start, lineEnd))?.[0] ?? "").trimEnd() || text.slice(start, lineEnd).trimEnd();
  return {
    start: p.start,
    end: p.end,
    source: excerpt(text.slice(p.start, p.end).trim()),
    rest: excerpt(text.slice(p.start, lineEnd).replace(/\s+#.*$/, "").trim()),
    lineToken: { start, end: start + Math.max(1, written.length), text: excerpt(written) },
  };
}

function plainStart(char: string, t: Token): Said {
  // A script's placeholder (`@STS_NAME@`, which sed or configure replaces): the file is a template.
  const placeholder = char === "@" ? /^@[A-Za-z_][A-Za-z0-9_]*@/.exec(t.rest)?.[0] : undefined;
  if (placeholder) {
    return {
      message: `a value that is not quoted cannot start with "@": "${placeholder}" looks like a placeholder that a script replaces`,
      hint: `replace the placeholder (run the script and lint what it writes: ... | k8s-lint -), or quote the value (as in "${t.rest}")`,
    };
  }
  return { message: `a value that is not quoted cannot start with "${char}"`, hint: `quote the value (as in "${t.rest}")` };
}

/**
 * A Jinja or Liquid tag (`{% raw %}`, `{% if x %}`, as documentation sites wrap their examples):
 * YAML reads its "{" as a flow mapping whose first value starts with "%".
 */
function templateTag(t: Token, text: string): Said | undefined {
  if (text[t.start - 1] !== "{") return undefined;
  const tag = /^%[^\n]*?%\}/.exec(text.slice(t.start));
  if (!tag) return undefined;
  return { ...templateTagSaid(`{${tag[0]}`), start: t.start - 1, end: t.start + tag[0].length };
}

/** What is said of a Jinja or Liquid tag, here and for a `{% raw %}` block that engine/template.ts cuts out whole. */
export function templateTagSaid(tag: string): { message: string; hint: string } {
  return { message: `"${excerpt(tag)}" is a Jinja or Liquid template tag, not YAML`, hint: "render the template first and lint its output" };
}

const SPACES = (n: number) => `${n} space${n === 1 ? "" : "s"}`;

/** The column of the keys of the list item a line sits in (the first key after the nearest "- " above with a smaller indent). */
function itemKeyColumn(text: string, lineStart: number, indent: number): number | undefined {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    const m = /^([ ]*)-([ ]+)\S/.exec(line);
    if (m && m[1].length < indent) return m[1].length + 1 + m[2].length;
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (/^[ ]*/.exec(line)![0].length < indent && !m) return undefined;
  }
  return undefined;
}

/** The opening bracket that a flow collection the parser found unclosed starts with, scanning back from its end. */
function openingBracket(text: string, at: number, open: string, close: string): number | undefined {
  let depth = 0;
  for (let i = Math.min(at, text.length) - 1; i >= 0; i--) {
    const c = text[i];
    if (c === close) depth++;
    else if (c === open) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

const QUOTE_IT = "quote the value if it is text";

/**
 * Every error code of the yaml package (node_modules/yaml/dist/errors.d.ts, ErrorCode), each with
 * the messages its source emits (yaml/dist/compose/*.js, doc/directives.js, parse/parser.js):
 * a plain-words message and a hint, at the offending token. The last entry of each code matches
 * any message, so a message added by a later yaml release still gets plain words.
 */
export const TRANSLATIONS: Readonly<Record<string, readonly Translation[]>> = {
  ALIAS_PROPS: [
    { match: /./, say: (_, t) => ({ message: `alias "${t.source}" cannot carry an anchor or a tag`, hint: "remove the anchor or tag before it: an alias repeats the anchored value as it is" }) },
  ],
  BAD_ALIAS: [
    { match: /^Alias cannot be an empty string/, say: () => ({ message: '"*" starts an alias, but no anchor name follows it', hint: `write the anchor's name after "*" (as in *defaults), or ${QUOTE_IT}` }) },
    { match: /^Anchor cannot be an empty string/, say: () => ({ message: '"&" starts an anchor, but no name follows it', hint: `write a name after "&" (as in &defaults), or ${QUOTE_IT}` }) },
    { match: /^(Alias|Anchor) ending in :/, say: (m) => ({ message: `the ${m[1].toLowerCase()} name ends with ":", which is read as part of the name`, hint: 'put a space before ":"' }) },
    { match: /./, say: (_, t) => ({ message: `alias or anchor "${t.source}" is not valid`, hint: `give it a name of letters, digits and "-", or ${QUOTE_IT}` }) },
  ],
  BAD_DIRECTIVE: [
    { match: /./, say: (_, t) => ({ message: `directive "${t.source}" is not valid`, hint: 'remove the line (Kubernetes manifests need no directives), or write "%YAML 1.2"' }) },
  ],
  BAD_DQ_ESCAPE: [
    {
      match: /^Invalid escape sequence (.*)$/,
      say: (m) => ({ message: `"${m[1]}" is not an escape sequence of a double-quoted string`, hint: 'write "\\\\" for a backslash, or use single quotes, in which a backslash is an ordinary character' }),
    },
    { match: /./, say: () => ({ message: "a backslash in this double-quoted string starts no valid escape sequence", hint: 'write "\\\\" for a backslash, or use single quotes' }) },
  ],
  BAD_INDENT: [
    {
      match: /^All mapping items must start at the same column/,
      say: (_, t) => ({ message: `key "${t.lineToken.text}" is not aligned with the keys above it`, hint: "indent it with as many spaces as its sibling keys", start: t.lineToken.start, end: t.lineToken.end }),
    },
    {
      match: /^All sequence items must start at the same column/,
      say: (_, t) => ({ message: `list item "${t.lineToken.text}" is not aligned with the items above it`, hint: 'align its "- " with the items of its list, or indent it under the key it belongs to', start: t.lineToken.start, end: t.lineToken.end }),
    },
    { match: /^Flow (map|sequence) in block collection must be sufficiently indented and end with a ([}\]])/, say: (m, t, text) => unclosedFlow(m[1], m[2], t, text) },
    { match: /^Flow end indicator should be more indented than parent/, say: () => ({ message: "the closing bracket is indented less than the key it belongs to", hint: "indent the closing bracket deeper than its key" }) },
    {
      match: /^Block scalar lines must not be less indented than their (.*)$/,
      say: (m) => ({ message: `a line of this block text is indented less than its ${m[1]}`, hint: "indent every line of the block text at least as deep as its first line" }),
    },
    { match: /^Block scalar values in collections must be indented/, say: () => ({ message: "block text must be indented deeper than its key", hint: "indent the lines of the block text under its key" }) },
    {
      match: /^Block scalars with more-indented leading empty lines/,
      say: () => ({ message: "the blank lines that start this block text are indented deeper than its text", hint: 'remove the spaces on those blank lines, or give the indentation with an indicator such as "|2"' }),
    },
    { match: /./, say: (_, t) => ({ message: `"${t.lineToken.text}" is indented wrongly for where it stands`, hint: "align it with its siblings (indent with spaces only)", start: t.lineToken.start, end: t.lineToken.end }) },
  ],
  BAD_PROP_ORDER: [
    { match: /after the (.*) indicator/, say: (m) => ({ message: `an anchor or tag stands before the "${m[1]}" indicator`, hint: `move it after "${m[1]}" (as in "${m[1]} &name value")` }) },
    { match: /./, say: () => ({ message: "an anchor or tag stands before the indicator it belongs after", hint: 'move it after the "- ", "? " or ": " indicator' }) },
  ],
  BAD_SCALAR_START: [
    {
      match: /^Plain value cannot start with block scalar indicator (.)/,
      say: (m) => ({ message: `block text ("${m[1]}") cannot be written inside [ ] or { }`, hint: `${QUOTE_IT}, or drop the brackets and write the collection as indented lines` }),
    },
    { match: /^Plain value cannot start with .*?%$/, say: (_, t, text) => templateTag(t, text) ?? plainStart("%", t) },
    { match: /^Plain value cannot start with .*?(\S)$/, say: (m, t) => plainStart(m[1], t) },
    { match: /./, say: (_, t) => ({ message: `a value that is not quoted cannot start like "${t.source}"`, hint: "quote the value" }) },
  ],
  BLOCK_AS_IMPLICIT_KEY: [
    {
      match: /^Nested mappings are not allowed in compact mappings/,
      say: (_, t) => ({
        message: `"${t.rest}" reads as a second "key: value" on the line of its key`,
        hint: 'quote the value if ": " is part of the text (as in key: "a: b"), or move the mapping to the next line, indented',
      }),
    },
    { match: /./, say: (_, t) => ({ message: `a list cannot be used as a key ("${t.lineToken.text}")`, hint: 'remove the "- " or move the list under a key of its own', start: t.lineToken.start, end: t.lineToken.end }) },
  ],
  BLOCK_IN_FLOW: [
    {
      match: /./,
      say: (_, t) => ({
        message: `"${t.source}" is written as indented YAML inside [ ] or { }`,
        hint: 'separate the items with "," (as in [a, b] or {k: v, l: w}), or drop the brackets and write indented lines',
      }),
    },
  ],
  DUPLICATE_KEY: [{ match: /./, say: (_, t) => repeatedKey(t.lineToken.text, true) }],
  IMPOSSIBLE: [{ match: /./, say: () => ({ message: "the YAML parser cannot read this line at all", hint: "check the comments, indentation and block text indicators of this line" }) }],
  KEY_OVER_1024_CHARS: [
    { match: /./, say: () => ({ message: 'this key is longer than 1024 characters, the most YAML allows before ":"', hint: 'shorten the key, or add the line break that is missing before ":"' }) },
  ],
  MISSING_CHAR: [
    {
      match: /^Sequence item without - indicator/,
      say: (_, t, text) => {
        const lineStart = text.lastIndexOf("\n", t.lineToken.start - 1) + 1;
        const indent = t.lineToken.start - lineStart;
        const keys = itemKeyColumn(text, lineStart, indent);
        return {
          message: `"${t.lineToken.text}" is indented ${SPACES(indent)}: inside the list above, but not a list item and not aligned with the item's keys`,
          hint: keys !== undefined ? `indent it ${SPACES(keys)} like the keys of the item above, or start a new item with "- "` : 'align it with the keys of the item above, or start a new item with "- "',
          start: t.lineToken.start,
          end: t.lineToken.end,
        };
      },
    },
    {
      match: /^Implicit map keys need to be followed by map values/,
      say: (_, t) => ({ message: `"${t.source}" is neither a "key: value" line nor part of the value above it`, hint: 'add ": " and a value after the key, or indent the line to continue the value above' }),
    },
    { match: /^Comments must be separated/, say: () => ({ message: '"#" starts a comment only after a space', hint: `put a space before "#", or ${QUOTE_IT}` }) },
    { match: /^Tags and anchors must be separated/, say: () => ({ message: "a tag or anchor must be followed by a space", hint: "put a space after the tag or anchor" }) },
    { match: /^Missing (?:, or : )?(?:,|space after :) (?:between|in) flow (map|sequence)/, say: (m, t, text) => missingSeparator(m[1], t, text) },
    { match: /^Missing space after :/, say: () => ({ message: '":" inside { } must be followed by a space', hint: 'put a space after ":"' }) },
    { match: /^Missing newline after block sequence props/, say: () => ({ message: 'an anchor or tag before "- " must be followed by a line break', hint: 'put the anchor or tag after the key ("key: &name") or after "- "' }) },
    { match: /^Block collection cannot start on same line with directives-end marker/, say: () => ({ message: 'a mapping or list cannot start on the "---" line', hint: 'move it to the line after "---"' }) },
    { match: /^Missing directives-end/, say: () => ({ message: 'a document after a "%" directive must start with a "---" line', hint: 'add a "---" line after the directive' }) },
    { match: /^Flow (map|sequence) must end with a ([}\]])/, say: (m, t, text) => unclosedFlow(m[1], m[2], t, text) },
    { match: /^Missing closing (["'])quote/, say: (m) => ({ message: `a ${m[1] === '"' ? "double" : "single"} quote is never closed`, hint: `close the string with a ${m[1] === '"' ? "double" : "single"} quote` }) },
    { match: /./, say: (_, t) => ({ message: `"${t.source || t.lineToken.text}" lacks an indicator YAML needs here`, hint: 'check the ": ", "- ", quotes and brackets of this line' }) },
  ],
  MULTILINE_IMPLICIT_KEY: [
    {
      match: /./,
      say: (_, t) => {
        if (/^- /.test(t.rest)) return { message: `"${t.rest}" is written as an indented list item inside [ ] or { }`, hint: 'separate the items with "," (as in [a, b]), or drop the brackets and write "- " lines' };
        const line = (t.rest || t.lineToken.text).replace(/^["']/, "");
        // A template repository's `<CERT_MANAGER_ISSUER_ANNOTATION_1>` line, which its installer replaces with keys.
        const placeholder = samplePlaceholders(line.trim());
        if (placeholder.length === 1 && placeholder[0] === line.trim()) {
          return { message: `"${placeholder[0]}" on a line of its own looks like a placeholder left in, for lines a tool writes there`, hint: `replace "${placeholder[0]}" with the lines it stands for (or lint what the tool writes: ... | k8s-lint -)` };
        }
        return { message: `the key starting with "${line}" runs over several lines`, hint: 'write the key on one line, with ": " after it, or indent the lines that continue a value' };
      },
    },
  ],
  MULTIPLE_ANCHORS: [{ match: /./, say: (_, t) => ({ message: `a value can have only one anchor, and "${t.source}" is a second one`, hint: "remove one of the anchors" }) }],
  MULTIPLE_DOCS: [{ match: /./, say: () => ({ message: "several documents where one is expected", hint: 'split them into separate inputs, or separate them with "---"' }) }],
  MULTIPLE_TAGS: [{ match: /./, say: (_, t) => ({ message: `a value can have only one tag, and "${t.source}" is a second one`, hint: "remove one of the tags" }) }],
  NON_STRING_KEY: [{ match: /./, say: () => ({ message: "this key is not a string", hint: "quote the key" }) }],
  RESOURCE_EXHAUSTION: [{ match: /./, say: () => ({ message: "this collection is too large or too deeply nested to read", hint: "split the document, or remove the deep nesting or alias expansion" }) }],
  TAB_AS_INDENT: [{ match: /./, say: () => ({ message: "a tab is used for indentation: YAML indents with spaces only", hint: "replace the tab with spaces" }) }],
  TAG_RESOLVE_FAILED: [
    { match: /./, say: (_, t) => ({ message: `tag "${t.source.split(" ")[0]}" is not one the YAML parser knows`, hint: `remove the tag (Kubernetes reads plain values), or ${QUOTE_IT}` }) },
  ],
  UNEXPECTED_TOKEN: [
    { match: /^Unexpected (?:flow-seq-end|flow-map-end) token/, say: (_, t) => ({ message: `"${t.source}" closes nothing: no bracket is open here`, hint: `remove it, add the opening bracket it belongs to, or ${QUOTE_IT}` }) },
    { match: /^Unexpected map-value-ind token/, say: () => ({ message: '":" has no key before it on its line', hint: 'write the key before ":" on the same line' }) },
    { match: /^Unexpected , in flow (map|sequence)/, say: () => ({ message: "an empty item: two commas in a row, or a comma at the start", hint: 'remove the extra ","' }) },
    { match: /^Unexpected , in/, say: () => ({ message: '"," is only a separator inside [ ] or { }', hint: `${QUOTE_IT}` }) },
    { match: /^Block scalar header includes extra characters: (.*)$/, say: (m) => ({ message: `"${excerpt(m[1])}": after "|" or ">" only an indentation digit and "+" or "-" may follow`, hint: "move the text to the next line, indented" }) },
    { match: /^Unexpected block-seq-ind on same line with key/, say: () => ({ message: '"- " cannot follow a key on the same line', hint: "move the list to the next line, indented under its key" }) },
    { match: /^Unexpected doc-end without preceding document/, say: () => ({ message: '"..." ends a document that has not started', hint: 'remove the "..." line' }) },
    {
      match: /^Unexpected \S+ at node end/,
      say: (_, t, text) =>
        // A JSON habit: `command: ["run"],` in a block mapping.
        t.source === ","
          ? { message: '"," follows a complete value on the same line: the entries of a block mapping or list are not separated by commas', hint: 'remove the ","' }
          : /^[ \t]*$/.test(text.slice(text.lastIndexOf("\n", t.start - 1) + 1, t.start))
            ? // A second root value on a line of its own (JSON Lines, `{...}` records one per line): a document holds one.
              { message: `"${t.source}" starts a second value after the document's complete one: a document holds one value`, hint: 'put a "---" line before it to start a new document, or make the values items of one list' }
            : (bracedPlaceholder(t, text) ?? { message: `"${t.source}" follows a complete value on the same line`, hint: `move it to a line of its own, or ${QUOTE_IT}` }),
    },
    { match: /./, say: (_, t) => ({ message: `"${t.source || t.lineToken.text}" is not expected here`, hint: `remove it, or ${QUOTE_IT}` }) },
  ],
  BAD_COLLECTION_TYPE: [{ match: /./, say: (_, t) => ({ message: `tag "${t.source.split(" ")[0]}" does not fit the collection it is written on`, hint: "remove the tag" }) }],
};

/**
 * Text after a sample's placeholder in braces or brackets (cert-manager's
 * `clusterIP: {SERVICE_IP_PREFIX}.16`, which a script fills in): YAML reads the braces as a
 * mapping, complete before the text. Undefined unless what closes just before the token is one.
 */
function bracedPlaceholder(t: Token, text: string): Said | undefined {
  const lineStart = text.lastIndexOf("\n", t.start - 1) + 1;
  const braced = /([{[][^{}[\]\n]*[}\]])[ \t]*$/.exec(text.slice(lineStart, t.start))?.[1];
  if (!braced || !samplePlaceholders(braced).length) return undefined;
  const lineEnd = text.indexOf("\n", t.start);
  const value = braced + text.slice(t.start, lineEnd === -1 ? text.length : lineEnd).replace(/[ \t]+#.*$/, "").trimEnd();
  const quote = value.includes('"') ? "'" : '"';
  return {
    message: `"${braced}" looks like a placeholder left in, and YAML reads its ${braced.startsWith("{") ? "braces as a mapping" : "brackets as a list"}, so "${t.source}" follows a complete value`,
    hint: `replace "${braced}" with the value it stands for, or quote the whole value: ${quote}${value}${quote}`,
  };
}

function unclosedFlow(kind: string, close: string, t: Token, text: string): Said {
  const open = close === "}" ? "{" : "[";
  const at = openingBracket(text, t.start, open, close);
  const opened = `the ${kind === "map" ? "mapping" : "list"} opened with "${open}"`;
  const where = at !== undefined ? { start: at, end: at + 1 } : {};
  const marker = documentMarkerAt(text, t.start);
  if (marker) {
    return {
      message: `${opened} is not closed before the "${marker}" line, which ends the document`,
      hint: `close it with "${close}" before that line, or indent the "${marker}": at the start of a line it ends the document even inside brackets`,
      ...where,
    };
  }
  return { message: `${opened} is never closed with "${close}"`, hint: `close it with "${close}" after its last entry`, ...where };
}

/**
 * An entry of a flow collection not separated from the one before it. When the entry starts a
 * line, the bracket may as well have been left open: inside brackets go-yaml reads on over lines
 * in any column (kubectl-lexer.ts), so the next key of the block around is read as one more entry
 * ("did not find expected ',' or '}'"). The message names the line where the bracket opens.
 */
function missingSeparator(kind: string, t: Token, text: string): Said {
  const [open, close, shown] = kind === "map" ? ["{", "}", "mapping"] : ["[", "]", "list"];
  const lineStart = text.lastIndexOf("\n", t.start - 1) + 1;
  const at = /\S/.test(text.slice(lineStart, t.start)) ? undefined : openingBracket(text, t.start, open, close);
  if (at === undefined) return { message: `items inside ${open} ${close} must be separated by ", " (and keys by ": ")`, hint: 'add "," between the items, and a space after each ":"' };
  const line = text.slice(0, at).split("\n").length;
  return {
    message: `the ${shown} opened with "${open}" on line ${line} is still open here, and "${t.lineToken.text}" is not separated from its last entry by ","`,
    hint: `close the ${shown} with "${close}" where it ends, or add "," after its last entry`,
  };
}

/**
 * The `---` or `...` line in column 0 at `at` (or on the next line), which ends a document even
 * inside brackets (go-yaml v2 scannerc.go yaml_parser_fetch_next_token fetches a document
 * indicator there whatever the flow level): the yaml package ends the flow collection there.
 */
function documentMarkerAt(text: string, at: number): string | undefined {
  const m = /^(\r?\n)?(---|\.\.\.)(?:[ \t\r\n]|$)/.exec(text.slice(at, at + 6));
  if (!m || (!m[1] && at > 0 && text[at - 1] !== "\n")) return undefined;
  return m[2];
}

/** A parser error in plain words, with a hint, at the offending token; the fallback of each code matches any message. */
function translate(text: string, p: SyntaxProblem): ShownProblem {
  const at = tokenAt(text, p);
  const message = p.message.split("\n")[0];
  for (const t of TRANSLATIONS[p.code!] ?? []) {
    const m = t.match.exec(message);
    if (!m) continue;
    const said = t.say(m, at, text);
    return { start: said.start ?? p.start, end: said.end ?? p.end, message: said.message, hint: said.hint };
  }
  return { start: p.start, end: p.end, message: `the YAML parser cannot read this: ${lowerFirst(message)}`, hint: "check the indentation, quotes and brackets of this line" };
}

function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1).replace(/\.$/, "") : s;
}

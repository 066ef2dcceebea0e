/**
 * Suppression directives: the `k8s-lint.io/ignore` annotation and the
 * `# k8s-lint-disable[-next-line]` comments. Every directive remembers whether it silenced
 * something, so that the ones that did not can be reported as unused-suppression (suppress.ts).
 */
import { Parser } from "yaml";
import type { Path } from "../types.js";

export const IGNORE_ANNOTATION = "k8s-lint.io/ignore";

export interface Directive {
  /** Rule ids, or "*" for every rule. */
  ruleId: string;
  kind: "next-line" | "document" | "annotation";
  /** For comment directives: the 1-based line of the comment, and where the rule id is written. */
  line: number;
  offset: number;
  length: number;
  /** Comment directives: the document they belong to; next-line: the line they cover. */
  docIndex: number;
  coversLine?: number;
  /** Annotation directives: the resource and the path of the annotation value. */
  resourceId?: number;
  annotationPath?: Path;
  used: boolean;
}

const DIRECTIVE_RE = /(^|[\s])#\s*k8s-lint-(disable-next-line|disable)\b([^\n]*)/g;

interface Comment {
  offset: number;
  /** The comment from its `#` to the end of its line. */
  source: string;
}

/**
 * Every comment of a YAML text, from the parser's tokens: text that only looks like a comment
 * inside a block scalar or a quoted string is not one. Walks the CST without recursion, since
 * documents may nest thousands of levels deep.
 */
function commentsOf(text: string): Comment[] {
  const out: Comment[] = [];
  const stack: unknown[] = [...new Parser().parse(text)];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
    } else if (node && typeof node === "object") {
      const token = node as { type?: string; offset?: number; source?: string } & Record<"start" | "key" | "sep" | "value" | "items" | "props" | "end", unknown>;
      if (token.type === "comment") out.push({ offset: token.offset!, source: token.source! });
      // The parts of every CST token and collection item that can hold comments.
      stack.push(token.start, token.key, token.sep, token.value, token.items, token.props, token.end);
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Splits "a, b,c" into ids with their offsets relative to the start of the list. */
export function splitIds(list: string): Array<{ id: string; at: number }> {
  const out: Array<{ id: string; at: number }> = [];
  const re = /[^\s,]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(list))) out.push({ id: m[0], at: m.index });
  return out;
}

/**
 * Comment directives of one file. `docOf(offset)` tells which document an offset is in;
 * `lineOf(offset)` its line. Only real YAML comments count, not text that looks like one
 * inside a block scalar or a quoted string.
 */
export function findCommentDirectives(
  text: string,
  docOf: (offset: number) => number,
  lineOf: (offset: number) => number,
): Directive[] {
  if (!text.includes("k8s-lint-disable")) return [];
  const lines = text.split("\n");
  // After a comment line, a line starting with "#" is a comment too: no scalar starts with "#".
  const nextContentLine = (line: number) => {
    for (let l = line + 1; l <= lines.length; l++) {
      const t = lines[l - 1].trim();
      if (t && !t.startsWith("#")) return l;
    }
    return line + 1;
  };
  const out: Directive[] = [];
  for (const comment of commentsOf(text)) {
    DIRECTIVE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DIRECTIVE_RE.exec(comment.source))) {
      const at = comment.offset + m.index;
      const kind = m[2] === "disable-next-line" ? "next-line" : "document";
      const listStart = at + m[0].length - m[3].length;
      const hashAt = at + m[1].length;
      const line = lineOf(hashAt);
      const docIndex = docOf(hashAt);
      // The id list ends at a description ("-- why") or another comment ("# ...").
      const ids = splitIds(m[3].replace(/\r$/, "").split(/--|#/)[0]);
      const entries = ids.length ? ids : [{ id: "*", at: -1 }];
      for (const { id, at: idAt } of entries) {
        out.push({
          ruleId: id,
          kind,
          line,
          offset: idAt >= 0 ? listStart + idAt : hashAt,
          length: idAt >= 0 ? id.length : m[0].length - m[1].length,
          docIndex,
          coversLine: kind === "next-line" ? nextContentLine(line) : undefined,
          used: false,
        });
      }
    }
  }
  return out;
}

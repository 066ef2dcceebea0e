/**
 * Finding unrendered chart templates. A file is cut into documents at `---` lines (templates
 * break YAML, so the parser's own document boundaries cannot be trusted), and a document is a
 * template when it references chart objects (`.Values`, `.Release`...), calls `include`, or
 * starts a plain value with `{{`. Go templates that are content of a rendered manifest
 * (`{{ $labels.instance }}` in a PrometheusRule, Alertmanager's `{{ define }}`, Grafana's
 * `{{ route }}` legends) are data: an action inside a quoted or block scalar, as the YAML
 * parser reads the document, is text that kubectl applies as it is.
 */
import { Parser, type CST } from "yaml";

const ACTION_RE = /\{\{[\s\S]*?\}\}/g;
const CHART_OBJECT_RE = /\$?\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\binclude\s+"/;
/** `key: {{`, `- {{` or `{{` at column 0: an unquoted value or a whole line made by the template engine. */
const PLAIN_POSITION_RE = /(?:^|:[ \t]+|^[ \t]*-[ \t]+)$/;

export interface TemplateChunk {
  /** The `---`-separated part of the file, as offsets. */
  start: number;
  end: number;
  /** The first action that gives it away. */
  action: { start: number; end: number };
}

function isComment(text: string, lineStart: number, at: number): boolean {
  return /(^|\s)#/.test(text.slice(lineStart, at));
}

export function findTemplateChunks(text: string): TemplateChunk[] {
  if (!text.includes("{{")) return [];
  const chunks: TemplateChunk[] = [];
  const bounds: number[] = [0];
  const sepRe = /^---(?=[ \t]|\r?$)/gm;
  let m: RegExpExecArray | null;
  while ((m = sepRe.exec(text))) if (m.index > 0) bounds.push(m.index);
  bounds.push(text.length);
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i];
    const end = bounds[i + 1];
    let strings: Array<[number, number]> | undefined;
    ACTION_RE.lastIndex = start;
    while ((m = ACTION_RE.exec(text)) && m.index < end) {
      const lineStart = text.lastIndexOf("\n", m.index - 1) + 1;
      if (isComment(text, lineStart, m.index)) continue;
      const before = text.slice(lineStart, m.index);
      const chartObject = CHART_OBJECT_RE.test(m[0]);
      if (!chartObject && lineStart !== m.index && !(PLAIN_POSITION_RE.test(before) && !/^\s+$/.test(before))) continue;
      strings ??= stringScalars(text, start, end);
      const at = m.index;
      if (!chartObject && strings.some(([s, e]) => s < at && at < e)) continue;
      chunks.push({ start, end, action: { start: m.index, end: m.index + m[0].length } });
      break;
    }
  }
  return chunks;
}

/** The text with the template chunks blanked out (same length and line breaks, so offsets hold). */
export function blankChunks(text: string, chunks: TemplateChunk[]): string {
  if (!chunks.length) return text;
  let out = "";
  let at = 0;
  for (const c of chunks) {
    out += text.slice(at, c.start) + text.slice(c.start, c.end).replace(/[^\r\n]/g, " ");
    at = c.end;
  }
  return out + text.slice(at);
}

const STRING_SCALARS = new Set(["single-quoted-scalar", "double-quoted-scalar", "block-scalar"]);

/**
 * The offset ranges of the quoted and block scalars of `text[start, end)`, read by the YAML
 * parser's concrete syntax tree (error-tolerant, so a document a template breaks elsewhere
 * still gives its strings). Iterative: the input may nest deeply.
 */
function stringScalars(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const stack: CST.Token[] = [...new Parser().parse(text.slice(start, end))];
  while (stack.length) {
    const token = stack.pop()!;
    if (STRING_SCALARS.has(token.type)) {
      const t = token as CST.FlowScalar | CST.BlockScalar;
      const props: readonly CST.Token[] = "props" in t ? t.props : [];
      const last = props[props.length - 1] as CST.SourceToken | undefined;
      const contentStart = last ? last.offset + last.source.length : t.offset;
      out.push([start + t.offset, start + contentStart + t.source.length]);
    } else if (token.type === "document") {
      if (token.value) stack.push(token.value);
    } else if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection") {
      for (const item of token.items as CST.CollectionItem[]) {
        if (item.key) stack.push(item.key);
        if (item.value) stack.push(item.value);
      }
    }
  }
  return out;
}

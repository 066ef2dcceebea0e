/**
 * Finding unrendered chart templates. A file is cut into documents at `---` lines (templates
 * break YAML, so the parser's own document boundaries cannot be trusted), and a document is a
 * template when it references chart objects (`.Values`, `.Release`...), calls `include`, or
 * starts a plain value with `{{`. Go templates that are content of a rendered manifest
 * (`{{ $labels.instance }}` in a PrometheusRule, Alertmanager's `{{ define }}`, Grafana's
 * `{{ route }}` legends) are data: an action inside a quoted or block scalar, as the YAML
 * parser reads the document, is text that kubectl applies as it is. Chart values handed to a
 * controller (a Flux HelmRelease's spec.values, an Argo CD Application's helm values and
 * parameters, Flux postBuild.substitute, a values file in a ConfigMap's data or a Secret's
 * stringData, a Fleet Bundle's files) are data even when they name chart objects: the chart renders them later with
 * `tpl`, and the API server stores them as they are. A Jinja or Liquid `{% raw %}` block is
 * one template of its own, whatever it holds: Jinja writes its text out verbatim, `{{ }}` and
 * `---` lines included, so the tag is the file's templating and the actions inside are not (a tag
 * YAML reads as text, in a quoted or block scalar, is data). The actions inside strings of a
 * document that writes no apiVersion or kind are data too (a chart's values file, whose
 * `extraObjects` the chart renders with `tpl`), and so is every action of a helmfile.
 */
import { isMap, isScalar, isSeq, parseDocument, type CST, type Node as YamlNode } from "yaml";
import { kubectlCst } from "./kubectl-lexer.js";
import { isTypeMetaKey } from "./type-meta-keys.js";

const ACTION_RE = /\{\{[\s\S]*?\}\}/g;
const CHART_OBJECT_RE = /\$?\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\binclude\s+"/;
/** `key: {{`, `- {{` or `{{` at column 0: an unquoted value or a whole line made by the template engine. */
const PLAIN_POSITION_RE = /(?:^|:[ \t]+|^[ \t]*-[ \t]+)$/;

export interface TemplateChunk {
  /** The `---`-separated part of the file, as offsets (the parts a `{% raw %}` block spans, for one). */
  start: number;
  end: number;
  /** The first action that gives it away, or the `{% raw %}` tag. */
  action: { start: number; end: number };
  /** The chunk is a Jinja or Liquid `{% raw %}` block: `action` is its opening tag. */
  rawBlock?: true;
  /** A helmfile's document: helmfile renders it, it is no manifest and no chart template. */
  helmfile?: true;
}

/** The yaml-language-server modeline naming helmfile's schema (https://json.schemastore.org/helmfile), which applies to the whole file. */
const HELMFILE_MODELINE_RE = /^#[ \t]*yaml-language-server:[ \t]*\$schema=\S*helmfile\S*[ \t]*\r?$/m;
/** Top-level keys only a helmfile has (helmfile's HelmState: the releases it installs, the chart repositories it adds). */
const HELMFILE_KEYS: ReadonlySet<string> = new Set(["releases", "repositories"]);

/**
 * What a document is, by its top-level keys (read by the error-tolerant parser): a helmfile (or any
 * document of a file with helmfile's modeline); a document that writes no apiVersion or kind, such
 * as a chart's values file, whose actions in strings are values that `tpl` renders later; or a
 * manifest (or chart template) otherwise.
 */
function documentShape(text: string, start: number, end: number, helmfileModeline: boolean): "helmfile" | "values" | "manifest" {
  if (helmfileModeline) return "helmfile";
  const root = parseDocument(text.slice(start, end), { keepSourceTokens: false, uniqueKeys: false }).contents;
  const keys = isMap(root) ? root.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : "")) : [];
  if (keys.some(isTypeMetaKey)) return "manifest";
  return keys.some((k) => HELMFILE_KEYS.has(k)) ? "helmfile" : "values";
}

/** `{% raw %}` and `{% endraw %}`, with Jinja's whitespace control (`{%- raw -%}`, `{%+ raw %}`). */
const RAW_TAG_RE = /\{%[-+]?\s*raw\s*[-+]?%\}/g;
const END_RAW_TAG_RE = /\{%[-+]?\s*endraw\s*[-+]?%\}/g;

/** Whether the line starting at `lineStart` holds template actions and nothing else (but blanks and a comment). */
function isActionLine(text: string, lineStart: number): boolean {
  const lineEnd = text.indexOf("\n", lineStart);
  return /^[ \t]*(?:\{\{(?:(?!\}\})[^\n])*\}\}[ \t]*)+(?:#[^\n]*)?\r?$/.test(text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd));
}

/** Whether the YAML parser finds errors in the document between `start` and `end` (repeated keys aside). */
function hasSyntaxErrors(text: string, start: number, end: number): boolean {
  return parseDocument(text.slice(start, end), { keepSourceTokens: false, uniqueKeys: false }).errors.length > 0;
}

function isComment(text: string, lineStart: number, at: number): boolean {
  return /(^|\s)#/.test(text.slice(lineStart, at));
}

export function findTemplateChunks(text: string): TemplateChunk[] {
  if (!text.includes("{{") && !text.includes("{%")) return [];
  const chunks: TemplateChunk[] = [];
  const bounds: number[] = [0];
  const sepRe = /^---(?=[ \t]|\r?$)/gm;
  let m: RegExpExecArray | null;
  while ((m = sepRe.exec(text))) if (m.index > 0) bounds.push(m.index);
  bounds.push(text.length);
  const rawBlocks = rawBlockChunks(text, bounds);
  const helmfileModeline = HELMFILE_MODELINE_RE.test(text);
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i];
    const end = bounds[i + 1];
    const block = rawBlocks.find((b) => b.start <= start && end <= b.end);
    if (block) {
      if (block.start === start) chunks.push(block);
      continue;
    }
    let strings: Array<[number, number]> | undefined;
    let broken: boolean | undefined;
    let values: Array<[number, number]> | undefined;
    let shape: ReturnType<typeof documentShape> | undefined;
    ACTION_RE.lastIndex = start;
    while ((m = ACTION_RE.exec(text)) && m.index < end) {
      const lineStart = text.lastIndexOf("\n", m.index - 1) + 1;
      // A `{{` in a comment may match up to the `}}` of an action lines below: look again right after it.
      if (isComment(text, lineStart, m.index)) {
        ACTION_RE.lastIndex = m.index + 2;
        continue;
      }
      const before = text.slice(lineStart, m.index);
      const chartObject = CHART_OBJECT_RE.test(m[0]);
      let plainPosition = lineStart === m.index || (PLAIN_POSITION_RE.test(before) && !/^\s+$/.test(before));
      // An indented line of actions alone (`{{ range $k, $v := .Labels }}`, `{{ end }}` under a key) is the template engine's
      // control flow when it breaks the document; in a document that parses, it is text continuing a plain value.
      if (!plainPosition && /^[ \t]+$/.test(before) && isActionLine(text, lineStart)) plainPosition = (broken ??= hasSyntaxErrors(text, start, end));
      if (!chartObject && !plainPosition) continue;
      strings ??= stringScalars(text, start, end);
      const at = m.index;
      const inString = strings.some(([s, e]) => s < at && at < e);
      if (!chartObject && inString) continue;
      // An action where a plain value starts is a YAML flow mapping, which no controller takes as text.
      if (inString || !plainPosition) {
        values ??= chartValues(text, start, end);
        if (values.some(([s, e]) => s <= at && at < e)) continue;
      }
      shape ??= documentShape(text, start, end, helmfileModeline);
      // In a values file, an action inside a string (a quoted or block scalar, or within a plain one) is a value.
      if (shape === "values" && (inString || !plainPosition)) continue;
      chunks.push({ start, end, action: { start: m.index, end: m.index + m[0].length }, ...(shape === "helmfile" ? { helmfile: true as const } : {}) });
      break;
    }
  }
  return chunks;
}

/**
 * The `{% raw %}` blocks of a file (to their `{% endraw %}`, or the end of the file), each widened
 * to the `---`-separated parts it touches; blocks that share a part are one chunk, named by the
 * first tag. A tag in a comment, or in a quoted or block scalar (a Jinja template kept as a
 * ConfigMap's data), is left to YAML, which reads it as text.
 */
function rawBlockChunks(text: string, bounds: readonly number[]): TemplateChunk[] {
  const out: TemplateChunk[] = [];
  const strings = new Map<number, Array<[number, number]>>();
  RAW_TAG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RAW_TAG_RE.exec(text))) {
    if (isComment(text, text.lastIndexOf("\n", m.index - 1) + 1, m.index)) continue;
    const tag = { start: m.index, end: m.index + m[0].length };
    const start = bounds.findLast((b) => b <= tag.start)!;
    if (!strings.has(start)) strings.set(start, stringScalars(text, start, bounds.find((b) => b > start)!));
    if (strings.get(start)!.some(([s, e]) => s < tag.start && tag.start < e)) continue;
    END_RAW_TAG_RE.lastIndex = tag.end;
    const close = END_RAW_TAG_RE.exec(text);
    const blockEnd = close ? close.index + close[0].length : text.length;
    RAW_TAG_RE.lastIndex = blockEnd;
    const end = bounds.find((b) => b >= blockEnd && b > start)!;
    const last = out[out.length - 1];
    if (last && last.end > start) last.end = Math.max(last.end, end);
    else out.push({ start, end, action: tag, rawBlock: true });
  }
  return out;
}

/**
 * Whether an action reads as Go template syntax (text/template's lexer): a field or variable
 * (`.Values`, `$x`), a literal, a parenthesis, a comment, or a function or keyword followed by
 * its arguments. `{{args.name}}` (Argo Rollouts and Workflows), `{{=expr}}` and other engines'
 * placeholders are not.
 */
export function isGoTemplateAction(action: string): boolean {
  const inner = action.replace(/^\{\{-?\s*/, "").replace(/\s*-?\}\}$/, "");
  return inner === "" || /^(?:[.$("'`/\d]|[A-Za-z_]\w*(?:\s|$))/.test(inner);
}

/**
 * Whether an action is a tutorial's placeholder for the reader to replace: a word of capitals in
 * double braces (`{{HF_TOKEN}}`, `{{ PROJECT_ID }}`; Go template functions, Sprig's and Helm's
 * included, are written in lower case), or words joined by hyphens or spaces, one of them with a
 * capital (`{{ Elastic-IP-address }}`, `{{Your domain}}`), which no template language reads as
 * a variable (Argo's and Jinja's are identifiers, joined by dots).
 */
export function isReaderPlaceholder(action: string): boolean {
  return /^\{\{\s*[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\s*\}\}$/.test(action) || /^\{\{\s*(?=[^}]*[A-Z])[A-Za-z0-9]+(?:(?:-| +)[A-Za-z0-9]+)+\s*\}\}$/.test(action);
}

/**
 * Whether an action reads as Helm's: one of the objects Helm gives a template (.Values,
 * .Release, .Chart, .Capabilities, .Files, .Template; helm.sh/helm/v3/pkg/chartutil/values.go)
 * or a function Helm adds to text/template (include, tpl, required, toYaml...; pkg/engine/funcs.go)
 * or takes from Sprig and charts use everywhere (nindent, indent, quote, default).
 */
export function isHelmAction(action: string): boolean {
  return /\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\b(?:include|tpl|required|toYaml|fromYaml|toJson|nindent|indent|quote|default)\b/.test(action);
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
  // Lexed as kubectl reads it: the yaml package alone cuts a quoted scalar or flow list at a line go-yaml continues.
  const stack: CST.Token[] = [...kubectlCst(text.slice(start, end))];
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

/** The fields of an Argo CD `helm` source that hold values: a YAML string, an object, and each `--set` parameter's value. */
const ARGO_HELM_VALUES: ReadonlyArray<readonly string[]> = [["values"], ["valuesObject"], ["parameters", "*", "value"]];
const argoHelmValues = (...source: string[]): Array<readonly string[]> => ARGO_HELM_VALUES.map((field) => [...source, "helm", ...field]);

/**
 * Where each kind keeps chart values (or variables) that its controller, not the API server, reads
 * as templates. A ConfigMap's data or a Secret's stringData written as a block scalar is a file a
 * HelmRelease's valuesFrom (or another tool) reads, not a chart's own text: only block scalars
 * there, where a values file is written; `KEY: "{{ .Values.x }}"` stays a chart's.
 */
const CHART_VALUE_PATHS: ReadonlyArray<{ group: string; kinds: readonly string[]; paths: ReadonlyArray<readonly string[]>; blockScalarsOnly?: true }> = [
  { group: "helm.toolkit.fluxcd.io", kinds: ["HelmRelease"], paths: [["spec", "values"]] },
  { group: "kustomize.toolkit.fluxcd.io", kinds: ["Kustomization"], paths: [["spec", "postBuild", "substitute"]] },
  { group: "argoproj.io", kinds: ["Application"], paths: [...argoHelmValues("spec", "source"), ...argoHelmValues("spec", "sources", "*")] },
  { group: "argoproj.io", kinds: ["ApplicationSet"], paths: [...argoHelmValues("spec", "template", "spec", "source"), ...argoHelmValues("spec", "template", "spec", "sources", "*")] },
  { group: "", kinds: ["ConfigMap"], paths: [["data", "*"]], blockScalarsOnly: true },
  { group: "", kinds: ["Secret"], paths: [["stringData", "*"]], blockScalarsOnly: true },
  // Each file of a Fleet Bundle (what `fleet apply` writes), a chart's templates among them, is text its agent renders.
  { group: "fleet.cattle.io", kinds: ["Bundle"], paths: [["spec", "resources", "*", "content"]] },
];

/**
 * The offset ranges of `text[start, end)` that hold chart values, when the document is one of
 * CHART_VALUE_PATHS' kinds (read by the error-tolerant parser, so a template elsewhere in the
 * document does not hide them).
 */
function chartValues(text: string, start: number, end: number): Array<[number, number]> {
  const slice = text.slice(start, end);
  if (!/\bkind:\s*["']?(?:HelmRelease|Kustomization|Application|ApplicationSet|ConfigMap|Secret|Bundle)\b/.test(slice)) return [];
  const doc = parseDocument(slice, { keepSourceTokens: false, uniqueKeys: false });
  const apiVersion = doc.get("apiVersion");
  const kind = doc.get("kind");
  if (typeof apiVersion !== "string" || typeof kind !== "string") return [];
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  const out: Array<[number, number]> = [];
  for (const entry of CHART_VALUE_PATHS) {
    if (entry.group !== group || !entry.kinds.includes(kind)) continue;
    for (const path of entry.paths) {
      for (const n of nodesAt(doc.contents, path)) {
        if (entry.blockScalarsOnly && !(isScalar(n) && (n.type === "BLOCK_LITERAL" || n.type === "BLOCK_FOLDED"))) continue;
        if (n.range) out.push([start + n.range[0], start + n.range[1]]);
      }
    }
  }
  return out;
}

/** The nodes at `path` below `node`; `*` stands for every item of a sequence or value of a mapping. */
function nodesAt(node: unknown, path: readonly string[]): YamlNode[] {
  let level: unknown[] = [node];
  for (const key of path) {
    const next: unknown[] = [];
    for (const n of level) {
      if (key === "*" && isSeq(n)) next.push(...n.items);
      else if (key === "*" && isMap(n)) next.push(...n.items.map((pair) => pair.value));
      else if (isMap(n)) next.push(n.get(key, true));
    }
    level = next;
  }
  return level.filter((n): n is YamlNode => n != null && typeof n === "object" && "range" in n);
}

/**
 * A ytt annotation (Carvel's templating tool, carvel.dev/ytt/docs/latest/lang-ref-annotation):
 * a comment starting with `#@` on a line of its own (`#@ load("@ytt:data", "data")`,
 * `#@overlay/match by=...`, `#@data/values`, `#@ end`) or after a key (`name: #@ data.values.name`).
 * YAML reads it as a comment, so a ytt template parses, but the values it computes are missing
 * (`name:` is null) and its overlays are partial objects.
 */
const YTT_ANNOTATION = /^[ \t]*(?:-[ \t]+)?#@(?:[ \t]|[a-z][\w-]*\/[\w-]+|$)|:[ \t]+#@[ \t]/m;

/** The first ytt annotation of a text, as offsets of its `#@` to the end of its line or a comment after it (` # ...`); undefined for text without one. */
export function yttAnnotation(text: string): { start: number; end: number } | undefined {
  // Most texts have no `#@` at all: a search for it costs a fraction of the expression's scan of every line.
  if (!text.includes("#@")) return undefined;
  const m = YTT_ANNOTATION.exec(text);
  if (!m) return undefined;
  const start = m.index + m[0].indexOf("#@");
  const lineEnd = text.indexOf("\n", start);
  const line = text.slice(start, lineEnd === -1 ? text.length : lineEnd);
  const comment = line.indexOf(" #", 2);
  return { start, end: start + (comment === -1 ? line : line.slice(0, comment)).trimEnd().length };
}

/**
 * The yaml package's lexer, reading quoted scalars as kubectl does.
 *
 * kubectl parses with go-yaml v2 (sigs.k8s.io/yaml), a port of libyaml. Its quoted-scalar
 * scanner (gopkg.in/yaml.v2 scannerc.go, yaml_parser_scan_flow_scalar) never looks at the
 * indentation of a continuation line: a line of a single- or double-quoted scalar may start in
 * any column, even left of its key, and its leading spaces and tabs are dropped when the line
 * breaks are folded. The one line it refuses is `---` or `...` in column 0 followed by a blank or
 * the end of the text: a document marker, "found unexpected document indicator". The yaml
 * package follows YAML 1.2 instead and ends the scalar at the first line indented no deeper than
 * its parent (lexer.js continueScalar), which made a value kubectl applies a syntax error.
 * Plain multi-line scalars need no change: both end one at a line indented no deeper than the
 * parent collection (yaml_parser_scan_plain_scalar: `parser.mark.column < indent`).
 *
 * Inside a flow collection (`[ ]` or `{ }`) go-yaml checks no indentation at all: the block
 * indentation is only unrolled while `flow_level` is 0 (yaml_parser_unroll_indent), and a plain
 * scalar checks its column only then (yaml_parser_scan_plain_scalar: `parser.flow_level == 0 &&
 * parser.mark.column < indent`). An item, a continuation line or the closing bracket may start in
 * any column, column 0 included. What still ends the collection is a `---` or `...` line in
 * column 0 (yaml_parser_fetch_next_token fetches a document indicator there whatever the flow
 * level), after which the parser finds no closing bracket. The yaml package cuts a flow
 * collection at the first line indented no deeper than its parent (lexer.js parseFlowCollection,
 * `indent < this.indentNext`), so the lexer here reads the indentation the next block node needs
 * as 0 while it is inside a flow collection: only the document markers then cut it.
 */
import { Lexer, Parser, type CST } from "yaml";

/** The lexer's own members this module takes part in (private in its type declarations). */
interface LexerInternals {
  buffer: string;
  flowLevel: number;
  indentNext: number;
  continueScalar(offset: number): number;
  parseQuotedScalar(): Generator<string, string>;
}

interface KubectlLexerState extends LexerInternals {
  inQuotedScalar?: boolean;
  /** The indentation the next block node needs, kept while a flow collection reads it as 0. */
  blockIndentNext?: number;
}

/** go-yaml's is_blankz: a blank, a line break or the end of the text. */
const BLANK_OR_END = /^[ \t\r\n\u0085\u2028\u2029]?$/;

export class KubectlLexer extends Lexer {}

const base = Lexer.prototype as unknown as LexerInternals;
const own = KubectlLexer.prototype as unknown as KubectlLexerState;

own.parseQuotedScalar = function* (this: KubectlLexerState) {
  this.inQuotedScalar = true;
  try {
    return yield* base.parseQuotedScalar.call(this);
  } finally {
    this.inQuotedScalar = false;
  }
};

/** Where the scalar goes on after a line break at `offset - 1`, or -1 where it stops. */
own.continueScalar = function (this: KubectlLexerState, offset: number): number {
  if (!this.inQuotedScalar) return base.continueScalar.call(this, offset);
  const marker = this.buffer.slice(offset, offset + 3);
  if ((marker === "---" || marker === "...") && BLANK_OR_END.test(this.buffer.charAt(offset + 3))) return -1;
  return offset;
};

/** The yaml package assigns `indentNext` only outside flow collections; inside one it reads 0. */
Object.defineProperty(own, "indentNext", {
  get(this: KubectlLexerState): number {
    return this.flowLevel > 0 ? 0 : (this.blockIndentNext ?? 0);
  },
  set(this: KubectlLexerState, value: number) {
    this.blockIndentNext = value;
  },
});

/** The CST tokens of a text, its quoted scalars and flow collections lexed as kubectl reads them. */
export function* kubectlCst(text: string): Generator<CST.Token> {
  const parser = new Parser();
  for (const lexeme of new KubectlLexer().lex(text)) yield* parser.next(lexeme);
  yield* parser.end();
}

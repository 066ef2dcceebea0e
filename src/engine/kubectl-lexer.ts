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
 */
import { Lexer } from "yaml";

/** The lexer's own members this module takes part in (private in its type declarations). */
interface LexerInternals {
  buffer: string;
  continueScalar(offset: number): number;
  parseQuotedScalar(): Generator<string, string>;
}

interface KubectlLexerState extends LexerInternals {
  inQuotedScalar?: boolean;
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

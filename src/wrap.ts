/**
 * Layout of terminal output: word wrapping and tables, measured in terminal columns
 * (string-width: East Asian wide characters take two, colour codes none).
 */
import stringWidth from "string-width";

/** Columns of output that is not going to a terminal (a pipe, a file, a CI log). */
export const DEFAULT_WIDTH = 80;

export interface WrapOptions {
  /** Terminal columns; a word wider than the line stays whole on a line of its own. */
  width: number;
  /** Before every line (default none). */
  indent?: string;
  /** Before continuation lines, instead of `indent` (a hanging indent). */
  hanging?: string;
  /** Printed after the indent on the first line and never broken: a list marker, a location. */
  marker?: string;
}

/** SGR colour codes, which take no columns. */
const SGR = /\x1b\[[0-9;]*m/g;
/**
 * Text whose every character takes one column: printable ASCII, Latin-1 to IPA (U+00A0-U+02FF,
 * but not the soft hyphen U+00AD) and the two marks the summary line prints. Measured without
 * string-width, whose first use loads ICU's grapheme segmenter (about 50 ms of a one-file run).
 */
const ONE_COLUMN_EACH = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2714\u2716]*$/;

/** Display width in terminal columns. */
export function textWidth(text: string): number {
  const plain = text.includes("\x1b") ? text.replace(SGR, "") : text;
  return ONE_COLUMN_EACH.test(plain) ? plain.length : stringWidth(text);
}

/** `text` padded with spaces to `width` columns. */
export const padEnd = (text: string, width: number): string => text + " ".repeat(Math.max(0, width - textWidth(text)));

/**
 * Word-wraps `text`, breaking only at spaces, never inside a word. Blank lines separate
 * paragraphs; a single line break counts as a space; runs of spaces within a line are kept.
 */
export function wrap(text: string, options: WrapOptions): string {
  const indent = options.indent ?? "";
  const hanging = options.hanging ?? indent;
  const out: string[] = [];
  text
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .forEach((paragraph, i) => {
      if (i > 0) out.push("");
      let line = indent + (i === 0 ? (options.marker ?? "") : "");
      // Widths add up at a space (no character joins across one): the line's is kept, each word measured once.
      let lineWidth = textWidth(line);
      let fresh = true;
      for (const [, gap, word] of paragraph.replace(/[ \t]*\n[ \t]*/g, " ").matchAll(/( *)([^ ]+)/g)) {
        const wordWidth = textWidth(word);
        if (!fresh && lineWidth + gap.length + wordWidth > options.width) {
          out.push(line);
          line = hanging + word;
          lineWidth = textWidth(hanging) + wordWidth;
        } else {
          line = fresh ? line + word : line + gap + word;
          lineWidth += (fresh ? 0 : gap.length) + wordWidth;
        }
        fresh = false;
      }
      out.push(line);
    });
  return out.join("\n");
}

/**
 * Rows of cells as aligned columns; the last column wraps within what is left of the width.
 * When the other columns leave it less than `minLast` columns, the last cell goes on wrapped
 * lines of its own below its row; when they do not fit the width themselves, a row's other
 * cells are one wrapped line, unaligned.
 */
export function table(rows: string[][], width: number, minLast = 24): string[] {
  const widths = rows[0].slice(0, -1).map((_, i) => Math.max(...rows.map((row) => textWidth(row[i]))));
  const lead = widths.reduce((sum, w) => sum + w + 2, 0);
  const lines: string[] = [];
  for (const row of rows) {
    const last = row[row.length - 1];
    const aligned = row.slice(0, -1).map((cell, i) => padEnd(cell, widths[i])).join("  ");
    if (width - lead >= minLast) {
      lines.push(wrap(last, { width, marker: `${aligned}  `, hanging: " ".repeat(lead) }).trimEnd());
      continue;
    }
    lines.push(lead - 2 <= width ? aligned.trimEnd() : wrap(row.slice(0, -1).join("  "), { width, hanging: "    " }));
    if (last) lines.push(wrap(last, { width, indent: "    " }));
  }
  return lines;
}

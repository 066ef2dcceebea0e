/**
 * A unified diff of two texts (what `--fix-dry-run` prints), in git's form: `--- a/<file>`,
 * `+++ b/<file>`, hunks with 3 lines of context; `git apply` and `patch -p1` take it. Lines are
 * compared and printed with their own line endings (a CR of a CRLF file stays in the line).
 * Myers' O(ND) algorithm: a fix changes few lines, so D is small.
 */

const CONTEXT = 3;

type Op = { kind: " " | "-" | "+"; line: string; a: number; b: number };

/** Lines with their terminators; the last one may have none. */
function splitLines(text: string): string[] {
  const out = text.match(/[^\n]*\n|[^\n]+$/g);
  return out ?? [];
}

/** The shortest edit script between two line arrays, as a list of kept, removed and added lines. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from the end.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: " ", line: a[x], a: x, b: y });
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: "+", line: b[--y], a: x, b: y });
    else ops.push({ kind: "-", line: a[--x], a: x, b: y });
  }
  return ops.reverse();
}

function printLine(kind: string, line: string): string {
  return line.endsWith("\n") ? `${kind}${line}` : `${kind}${line}\n\\ No newline at end of file\n`;
}

/** The unified diff of `before` -> `after` of `file`; "" when they are equal. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return "";
  const ops = editScript(splitLines(before), splitLines(after));
  const changed = ops.map((o, i) => (o.kind !== " " ? i : -1)).filter((i) => i >= 0);
  let out = `--- a/${file}\n+++ b/${file}\n`;
  let i = 0;
  while (i < changed.length) {
    // A hunk: changes closer than 2 * CONTEXT kept lines apart share one.
    const from = Math.max(0, changed[i] - CONTEXT);
    let last = changed[i];
    while (i + 1 < changed.length && changed[i + 1] - last <= 2 * CONTEXT) last = changed[++i];
    const to = Math.min(ops.length, last + CONTEXT + 1);
    i++;
    const hunk = ops.slice(from, to);
    const aCount = hunk.filter((o) => o.kind !== "+").length;
    const bCount = hunk.filter((o) => o.kind !== "-").length;
    const aStart = aCount ? hunk.find((o) => o.kind !== "+")!.a + 1 : hunk[0].a;
    const bStart = bCount ? hunk.find((o) => o.kind !== "-")!.b + 1 : hunk[0].b;
    out += `@@ -${aStart}${aCount === 1 ? "" : `,${aCount}`} +${bStart}${bCount === 1 ? "" : `,${bCount}`} @@\n`;
    for (const o of hunk) out += printLine(o.kind, o.line);
  }
  return out;
}

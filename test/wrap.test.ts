/** Human output wraps at the terminal's width between words, and tables align by display width. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Chalk } from "chalk";
import stringWidth from "string-width";
import { run } from "../src/cli/run.js";
import { lint } from "../src/engine/lint.js";
import { ruleDescriptions } from "../src/engine/registry.js";
import { format as stylish } from "../src/formatters/stylish.js";
import { table, textWidth, wrap } from "../src/wrap.js";
import { ROOT } from "./harness.js";
import { seededInts } from "./seeded.js";

const words = (text: string) => text.split(/\s+/).filter(Boolean);
/** Lines wider than `width` that could have been broken; shell commands stay whole, to be copied. */
const tooWide = (text: string, width: number) =>
  text.split("\n").filter((line) => textWidth(line) > width && words(line).length > 1 && !line.trimStart().startsWith("$ "));

describe("wrap", () => {
  const text = "a container that requests more memory than any node can offer stays Pending forever";

  test.each([20, 33, 80])("at %i columns: no line too wide, no word broken, nothing lost", (width) => {
    const out = wrap(text, { width, indent: "  ", hanging: "    " });
    expect(tooWide(out, width)).toEqual([]);
    expect(words(out)).toEqual(words(text));
    expect(out.split("\n").slice(1).every((line) => line.startsWith("    "))).toBe(true);
  });

  test("a word wider than the line stays whole on its own line", () => {
    const long = "x".repeat(30);
    expect(wrap(`see ${long} here`, { width: 10 })).toBe(`see\n${long}\nhere`);
  });

  test("the marker is never broken from the first word; runs of spaces inside a line are kept", () => {
    expect(wrap("one  two three", { width: 12, marker: "1. ", hanging: "   " })).toBe("1. one  two\n   three");
  });

  test("East Asian wide characters take two columns, colour codes none", () => {
    expect(textWidth("日本語")).toBe(6);
    expect(textWidth(new Chalk({ level: 1 }).red("abc"))).toBe(3);
    expect(wrap("日本語 日本語 日本語", { width: 13 })).toBe("日本語 日本語\n日本語");
  });
});

/** The line breaks wrap gives, measured the slow way: the whole joined line for every word. */
function wrapMeasuringLines(paragraph: string, width: number, marker: string, hanging: string): string {
  const out: string[] = [];
  let line = marker;
  let fresh = true;
  for (const [, gap, word] of paragraph.matchAll(/( *)([^ ]+)/g)) {
    const joined = fresh ? line + word : line + gap + word;
    if (!fresh && stringWidth(joined) > width) {
      out.push(line);
      line = hanging + word;
    } else line = joined;
    fresh = false;
  }
  out.push(line);
  return out.join("\n");
}

test("wrap adds up the widths of words as string-width measures whole lines (wide, combining, emoji, colour)", () => {
  const red = new Chalk({ level: 1 }).red;
  const pieces = ["a", "configmap", "日本語", "e\u0301", "\u0301x", "\u{1f600}", "\u{1f469}\u200d\u{1f469}", red("port"), `${red("x")}y`, "\u00ad", "-", "Ω"];
  const next = seededInts(7);
  for (let i = 0; i < 400; i++) {
    const text = Array.from({ length: 3 + next(20) }, () => pieces[next(pieces.length)] + " ".repeat(next(3) ? 1 : 1 + next(3))).join("").trim();
    const width = 4 + next(30);
    const marker = next(2) ? `${red("hint:")} ` : "";
    expect(wrap(text, { width, marker, hanging: "  " })).toBe(wrapMeasuringLines(text, width, marker, "  "));
  }
});

test("the one-column fast path measures as string-width does, character by character and with colour", () => {
  const chars: string[] = [];
  for (let c = 0x20; c < 0x300; c++) if (c < 0x7f || c >= 0xa0) chars.push(String.fromCodePoint(c));
  chars.push("\u2714", "\u2716", "\u00ad", "\u0301", "\u4e2d", "\u{1f600}");
  const disagree = chars.filter((ch) => textWidth(ch) !== stringWidth(ch) || textWidth(`\x1b[31ma${ch}\x1b[39m`) !== stringWidth(`\x1b[31ma${ch}\x1b[39m`));
  expect(disagree).toEqual([]);
});

describe("table", () => {
  test("aligns columns by display width, wrapping the last within the rest", () => {
    const rows = [
      ["FILE", "KIND", "WHY"],
      ["日本.yaml", "Pod", "no container sets a cpu or memory request or limit"],
      ["web.yaml", "Deployment", "short"],
    ];
    const lines = table(rows, 48).join("\n").split("\n");
    const column = (line: string, cell: string) => textWidth(line.slice(0, line.indexOf(cell)));
    expect(column(lines[1], "Pod")).toBe(column(lines[0], "KIND"));
    expect(column(lines[lines.length - 1], "Deployment")).toBe(column(lines[0], "KIND"));
    expect(lines.every((line) => textWidth(line) <= 48)).toBe(true);
    expect(lines[2].startsWith(" ".repeat(column(lines[0], "WHY")))).toBe(true);
  });

  test("when the last column would be too narrow it goes below its row", () => {
    const lines = table([["A-LONG-FIRST-COLUMN", "WHY"], ["x", "because the summary is long enough to wrap twice"]], 31);
    expect(lines.join("\n").split("\n")).toEqual(["A-LONG-FIRST-COLUMN", "    WHY", "x", "    because the summary is long", "    enough to wrap twice"]);
  });
});

describe("the commands wrap at the terminal's width (80 when not a terminal)", () => {
  async function cli(args: string[], columns?: number, cwd = ROOT) {
    let out = "";
    const code = await run(args, { stdout: (t) => (out += t), stderr: () => undefined, cwd, env: {}, isTTY: columns !== undefined, columns });
    return { code, out: out.replace(/\u001b\[[0-9;]*m/g, "") };
  }

  test.each([
    [["fixtures/demo"]],
    [["fixtures/demo", "--explain"]],
    [["rules"]],
    [["qos", "fixtures/demo"]],
    [["explain", "CrashLoopBackOff"]],
    [["explain", "service-selector-no-match"]],
    [["explain", "137"]],
    [["explain", "--list"]],
    [["diagnose", "fixtures/diagnose/shop.yaml"]],
  ])("%j", async (args) => {
    // The `    | ` of --explain's text repeats on every line it takes.
    const words = (text: string) => text.split(/\s+/).filter((w) => w && w !== "|");
    const unwrapped = words((await cli(args, 1000)).out);
    for (const columns of [undefined, 60, 120]) {
      const { out } = await cli(args, columns);
      expect(tooWide(out, columns ?? 80)).toEqual([]);
      // Same words in the same order: wrapping only moved line breaks.
      if (!args.includes("diagnose")) expect(words(out)).toEqual(unwrapped);
    }
  });

  test("a stylish row keeps file:line:col whole and indents its continuation under the row", async () => {
    const result = await lint(["fixtures/demo"], { cwd: ROOT, config: {} });
    const report = stylish(result, { color: false, rules: ruleDescriptions, width: 50 });
    const out = typeof report === "string" ? report : [...report].join("");
    const rows = out.split("\n").filter((line) => /^ {2}fixtures\/demo\/\S+:\d+:\d+ {2}/.test(line));
    expect(rows.length).toBe(result.summary.errors + result.summary.warnings);
    const continuation = out.split("\n").filter((line) => /^ {6}\S/.test(line));
    expect(continuation.length).toBeGreaterThan(0);
  });

  test("qos aligns CJK file names by display width", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-lint-wrap-"));
    const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n`;
    writeFileSync(join(dir, "日本語のファイル.yaml"), pod("a"));
    writeFileSync(join(dir, "web.yaml"), pod("b"));
    const lines = (await cli(["qos", "."], 200, dir)).out.split("\n");
    const kindColumn = lines.slice(0, 3).map((line) => textWidth(line.slice(0, line.search(/KIND|Pod/))));
    expect(new Set(kindColumn).size).toBe(1);
  });
});

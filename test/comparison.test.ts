/**
 * docs/comparison.md may name only k8s-lint rules that exist. Every table with a "k8s-lint rules"
 * column holds rule ids there, each in backticks and comma-separated, and nothing else.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allRules } from "../src/rules/index.js";
import { ROOT } from "./harness.js";

interface ClaimRow {
  line: number;
  /** The row's first cell: the other tool's check, or the area. */
  subject: string;
  coverage?: string;
  /** The raw "k8s-lint rules" cell. */
  rulesCell: string;
  ids: string[];
}

const cells = (row: string) => row.trim().replace(/^\||\|$/g, "").split(/(?<!\\)\|/).map((c) => c.trim());
const RULES_CELL = /^(`[a-z0-9-]+`(, `[a-z0-9-]+`)*)?$/;

/** The rows of every table that has a "k8s-lint rules" column. */
function claimRows(markdown: string): ClaimRow[] {
  const lines = markdown.split("\n");
  const rows: ClaimRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith("|")) continue;
    const header = cells(lines[i]);
    const rulesAt = header.indexOf("k8s-lint rules");
    if (rulesAt < 0) continue;
    const coverageAt = header.indexOf("Coverage");
    for (i += 2; i < lines.length && lines[i].startsWith("|"); i++) {
      const row = cells(lines[i]);
      const rulesCell = row[rulesAt] ?? "";
      rows.push({
        line: i + 1,
        subject: row[0],
        ...(coverageAt >= 0 ? { coverage: row[coverageAt] } : {}),
        rulesCell,
        ids: [...rulesCell.matchAll(/`([^`]+)`/g)].map((m) => m[1]),
      });
    }
  }
  return rows;
}

const page = readFileSync(join(ROOT, "docs/comparison.md"), "utf8");
const rows = claimRows(page);
const known = new Set(allRules.map((r) => r.meta.id));

test("the page has its claim tables", () => {
  expect(rows.length).toBeGreaterThan(50);
  expect(rows.flatMap((r) => r.ids).length).toBeGreaterThan(60);
});

test.each(rows.map((r) => [r.line, r] as const))("docs/comparison.md:%i names only existing k8s-lint rules", (_line, row) => {
  expect(row.subject).not.toBe("");
  expect([row.rulesCell, RULES_CELL.test(row.rulesCell)]).toEqual([row.rulesCell, true]);
  expect(row.ids.filter((id) => !known.has(id))).toEqual([]);
  if (row.coverage !== undefined) {
    expect(["yes", "partly", "no"]).toContain(row.coverage);
    expect([row.coverage, row.ids.length > 0]).toEqual([row.coverage, row.coverage !== "no"]);
  }
});

test("the extraction catches what it must", () => {
  const sample = [
    "| Check | Coverage | k8s-lint rules | Notes |",
    "|---|---|---|---|",
    "| `a` | yes | `image-latest-tag`, `no-such-rule` | |",
    "| `b` | no | `image-latest-tag` | |",
    "| `c` | yes | image-latest-tag | |",
  ].join("\n");
  const [unknown, noWithRule, bare] = claimRows(sample);
  expect(unknown.ids.filter((id) => !known.has(id))).toEqual(["no-such-rule"]);
  expect(noWithRule.coverage === "no" && noWithRule.ids.length > 0).toBe(true);
  expect(RULES_CELL.test(bare.rulesCell)).toBe(false);
});

/** Human output: findings grouped by file, `file:line:col  severity  message  rule-id`. */
import { Chalk } from "chalk";
import type { Diagnostic, FileResult, Severity } from "../types.js";
import type { Formatter } from "./types.js";
import { presetNote } from "../presets.js";
import { printable } from "../printable.js";
import { DEFAULT_WIDTH, wrap } from "../wrap.js";
import { folderHolds, folderOf } from "../folders.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export const format: Formatter = (result, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = options.width ?? DEFAULT_WIDTH;
  // A finding's continuation lines sit deeper than its hint and related lines.
  const detail = (label: string, text: string) => wrap(printable(text), { width, indent: "    ", marker: `${c.dim(label)} `, hanging: "      " });
  const sevLabel: Record<Severity, string> = {
    error: c.red("error  "),
    warning: c.yellow("warning"),
    info: c.blue("info   "),
  };
  const rules = new Map(options.explain ? options.rules.map((r) => [r.id, r]) : []);
  const lines: string[] = [];
  let shownInfos = 0;
  let fixable = 0;
  /**
   * By rule, the findings that pair objects of different files (duplicate-resource: a first
   * definition elsewhere) or, for the other rules, of unrelated folders (neither holds the other):
   * alternative variants, when they are samples, which --per-directory lints apart.
   */
  const acrossVariants = new Map<string, number>();
  // Findings whose related object is the schema (a CRD): every input set sees the CRDs, so --per-directory changes nothing for them.
  const againstSchema = new Set(options.rules.filter((r) => r.category === "schema" || r.id.startsWith("crd-")).map((r) => r.id));
  for (const file of result.files) {
    const shown = file.diagnostics.filter((d) => d.severity !== "info" || options.explain);
    if (!shown.length) continue;
    lines.push(c.underline(printable(file.path)));
    for (const d of shown) {
      if (d.severity === "info") shownInfos++;
      if (d.fix) fixable++;
      if (d.related && d.related.file !== file.path && (d.ruleId === "duplicate-resource" || (!options.perDirectory && !againstSchema.has(d.ruleId) && foldersApart(file.path, d.related.file)))) {
        acrossVariants.set(d.ruleId, (acrossVariants.get(d.ruleId) ?? 0) + 1);
      }
      lines.push(row(file.path, d));
      if (d.hint) lines.push(detail("hint:", d.hint));
      if (d.related) {
        const r = d.related;
        const what = `${r.resource.kind} ${r.resource.namespace ? `${r.resource.namespace}/` : ""}${r.resource.name}`;
        lines.push(detail("related:", `${what} at ${r.file}:${r.line}:${r.column}${r.message ? ` (${r.message})` : ""}`));
      }
      if (d.source) lines.push(detail("template:", d.source));
      if (options.explain) {
        const rule = rules.get(d.ruleId);
        if (rule) {
          lines.push(c.dim(wrap(rule.explanation, { width, indent: "    | " })));
          const note = presetNote(rule, result.presets, result.podSecurity);
          if (note) lines.push(c.dim(wrap(note, { width, indent: "    | " })));
          lines.push(c.dim(wrap(`Fix: ${rule.fix}`, { width, indent: "    | " })));
        }
      }
    }
    lines.push("");
  }
  if (options.explain) lines.push(...configurationLines(result.files, c));
  const { errors, warnings, resources, files } = result.summary;
  const problems = errors + warnings + shownInfos;
  const where = `in ${plural(resources, "resource")}, ${plural(files, "file")}`;
  if (problems === 0) {
    lines.push(c.green(wrap(`✔ no problems ${where}`, { width })));
  } else {
    const parts = [plural(errors, "error"), plural(warnings, "warning")];
    if (shownInfos) parts.push(plural(shownInfos, "info"));
    const summary = `✖ ${plural(problems, "problem")} (${parts.join(", ")}) ${where}`;
    lines.push((errors ? c.red.bold : c.yellow.bold)(wrap(summary, { width })));
    if (fixable) lines.push(c.green(wrap(`  ${plural(fixable, "problem")} fixable with --fix`, { width })));
  }
  // Nothing linted, but documents recognised and set aside (a folder of Chainsaw tests): say so, rather than a bare tick.
  const setAside = resources === 0 && !options.explain ? result.files.reduce((n, f) => n + (f.configurations?.length ?? 0), 0) : 0;
  if (setAside) lines.push(c.dim(wrap(`  ${plural(setAside, "document")} recognised as client-side configuration or a test's inputs and set aside (--explain lists them)`, { width })));
  if (acrossVariants.size) {
    const count = [...acrossVariants.values()].reduce((a, b) => a + b, 0);
    const ids = [...acrossVariants.keys()];
    const pair = count === 1 ? "finding pairs objects" : "findings pair objects";
    const what = ids.length === 1 ? `${count} ${ids[0]} ${pair}` : `${count} ${pair}`;
    const of = ids.length === 1 ? "" : ` (${ids.length > 3 ? `${ids.slice(0, 3).join(", ")} and ${ids.length - 3} more ${ids.length === 4 ? "rule" : "rules"}` : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`})`;
    lines.push(c.dim(wrap(`  ${what} of different files${of}: if those files are alternative variants (overlays, samples), --per-directory lints each as its own input`, { width })));
  }
  const unchecked = result.summary.unchecked;
  if (unchecked) {
    const kinds = unchecked.kinds.length > 3 ? `${unchecked.kinds.slice(0, 3).join(", ")} and ${unchecked.kinds.length - 3} more kinds` : unchecked.kinds.join(", ");
    lines.push(c.dim(wrap(`  ${plural(unchecked.resources, "custom resource")} not checked against a schema: no CustomResourceDefinition of the input describes ${kinds} (add the CRDs, e.g. with --context)`, { width })));
  }
  const unread = result.summary.unread?.filter((u) => !u.remote);
  if (unread?.length) {
    const shown = unread.slice(0, 3).map((u) => `${printable(u.entry)} (built by ${printable(u.kustomization)})`);
    const named = unread.length > 3 ? `${shown.join(", ")} and ${unread.length - 3} more` : shown.join(", ");
    lines.push(c.dim(wrap(`  not linted: ${named}: this run does not read what its kustomizations build there; name ${unread.length > 1 ? "them" : "it"} too, or lint a folder that holds both`, { width })));
  }
  const remote = result.summary.unread?.filter((u) => u.remote);
  if (remote?.length) {
    // Grouped by kustomization, which usually lists them together: "a, b (built by k)".
    const shown = remote.slice(0, 3);
    const groups = shown.map((u, i) => (shown[i + 1]?.kustomization === u.kustomization ? printable(u.entry) : `${printable(u.entry)} (built by ${printable(u.kustomization)})`));
    const named = remote.length > 3 ? `${groups.join(", ")} and ${remote.length - 3} more` : groups.join(", ");
    lines.push(c.dim(wrap(`  remote, not read: ${named}: kustomize fetches what they build, which this run does not lint`, { width })));
  }
  const links = result.summary.linksNotFollowed;
  // Without a .git folder (a tarball, a `git archive` extract) there is no repository to stay within: say which links are followed.
  if (links) lines.push(c.dim(wrap(`  not read: ${plural(links, "symbolic link")} out of the linted directories (links within their git repository are followed; --follow-symlinks follows them all)`, { width })));
  return `${lines.join("\n")}\n`;

  /** The location and severity never break; the message wraps under them. */
  function row(path: string, d: Diagnostic): string {
    const marker = `${c.dim(`${printable(path)}:`)}${d.line}:${d.column}  ${sevLabel[d.severity]}  `;
    // A safe fix (what --fix applies) is marked after the rule id; suggestions are for JSON, SARIF and the editor.
    const fix = d.fix ? `  ${c.green("(fixable)")}` : "";
    return wrap(`${printable(d.message)}  ${c.dim(d.ruleId)}${fix}`, { width, indent: "  ", marker, hanging: "      " });
  }
};

/** With --explain: the documents recognised as client-side configuration files or test inputs, which are not linted. */
function configurationLines(files: readonly FileResult[], c: InstanceType<typeof Chalk>): string[] {
  const rows = files.flatMap((f) => (f.configurations ?? []).map((d) => `  ${c.dim(`${f.path}:`)}${d.line}  ${d.kind} (${d.tool})`));
  if (!rows.length) return [];
  // Client-side configuration never reaches an API server; a test's inputs (a Chainsaw step's apply file) may, partial or broken on purpose.
  return [`${plural(rows.length, "configuration document")} recognised, not linted (client-side configuration, or a test's inputs):`, ...rows, ""];
}

/** Whether two files (as shown) lie in folders of which neither holds the other (models/placement.ts). */
function foldersApart(a: string, b: string): boolean {
  const from = folderOf(a);
  const to = folderOf(b);
  return !folderHolds(from, to) && !folderHolds(to, from);
}

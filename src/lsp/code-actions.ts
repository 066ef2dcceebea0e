/**
 * Code actions for the findings under the cursor: the rule's fix and its suggestions (what
 * `--fix` and the JSON output carry), then "disable for this line" and "ignore in this
 * resource" (suppressions.ts). Fixes are offered only when the document is still the text they
 * were computed for.
 */
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit as LspTextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { applyFixes } from "../engine/fix/apply.js";
import type { Diagnostic } from "../types.js";
import type { DiagnosticData } from "./convert.js";
import { disableLineEdit, ignoreInResourceEdit, type OffsetEdit } from "./suppressions.js";

export interface DocumentState {
  uri: string;
  document: TextDocument;
  /** The document's text without a leading BOM: what k8s-lint's offsets count in. */
  text: string;
  bom: boolean;
  json: boolean;
  /** The findings of the last lint of this very text (empty when the text changed since). */
  diagnostics: Diagnostic[];
  /** The kinds the client asked for (`context.only`). */
  only?: string[];
}

export interface WantedDiagnostic {
  lsp: LspDiagnostic;
  data: DiagnosticData;
}

function toLspEdit(state: DocumentState, e: OffsetEdit): LspTextEdit {
  const shift = state.bom ? 1 : 0;
  return { range: { start: state.document.positionAt(e.start + shift), end: state.document.positionAt(e.end + shift) }, newText: e.text };
}

function action(state: DocumentState, title: string, diagnostic: LspDiagnostic, edits: OffsetEdit[], preferred = false): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    ...(preferred ? { isPreferred: true } : {}),
    edit: { changes: { [state.uri]: edits.map((e) => toLspEdit(state, e)) } },
  };
}

/** The engine's finding an editor diagnostic stands for, in the current text. */
function findingOf(state: DocumentState, d: LspDiagnostic): Diagnostic | undefined {
  const shift = state.bom && d.range.start.line === 0 ? 1 : 0;
  return state.diagnostics.find(
    (f) => f.ruleId === d.code && f.line === d.range.start.line + 1 && f.column === d.range.start.character + 1 - shift && f.endLine === d.range.end.line + 1,
  );
}

/** A hint ("rename ... to ...") as an action title. */
const asTitle = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The finding's safe fix (preferred: what `--fix` applies), then its suggestions. */
function fixActions(state: DocumentState, finding: Diagnostic, d: LspDiagnostic): CodeAction[] {
  const out: CodeAction[] = [];
  if (finding.fix?.edits.length) out.push(action(state, finding.hint ? asTitle(finding.hint) : `Fix ${finding.ruleId}`, d, finding.fix.edits, true));
  for (const s of finding.suggestions ?? []) if (s.fix.edits.length) out.push(action(state, asTitle(s.description), d, s.fix.edits));
  return out;
}

/** "Fix all": every safe fix of the document that does not touch another, as `--fix` makes one pass. */
export function fixAllAction(state: DocumentState): CodeAction | undefined {
  const fixes = state.diagnostics.flatMap((d) => (d.fix?.edits.length ? [d.fix] : []));
  if (!fixes.length) return undefined;
  const { text, applied } = applyFixes(state.text, fixes);
  if (!applied) return undefined;
  const end = state.document.positionAt(state.document.getText().length);
  const start = state.document.positionAt(state.bom ? 1 : 0);
  return { title: "Fix all k8s-lint problems that have a safe fix", kind: FIX_ALL, edit: { changes: { [state.uri]: [{ range: { start, end }, newText: text }] } } };
}

/** The kind of the "fix all" source action (VS Code's editor.codeActionsOnSave may name it). */
export const FIX_ALL = `${CodeActionKind.SourceFixAll}.k8s-lint`;

/** Whether the client's `context.only` admits a kind (a kind admits its sub-kinds). */
const admits = (only: string[] | undefined, kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));

export function codeActionsFor(state: DocumentState, wanted: readonly WantedDiagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  if (admits(state.only, FIX_ALL) && state.only) {
    const all = fixAllAction(state);
    if (all) out.push(all);
  }
  if (!admits(state.only, CodeActionKind.QuickFix)) return out;
  for (const { lsp, data } of wanted) {
    const ruleId = String(lsp.code);
    const finding = findingOf(state, lsp);
    if (finding) out.push(...fixActions(state, finding, lsp));
    // unused-suppression is never silenced (engine/suppress.ts): its fix is to remove the directive.
    if (ruleId === "unused-suppression") continue;
    const line = disableLineEdit(state.text, lsp.range.start.line, ruleId, state.json);
    if (line) out.push(action(state, `Disable ${ruleId} for this line`, lsp, [line]));
    if (data.resource) {
      const offset = state.document.offsetAt(lsp.range.start) - (state.bom ? 1 : 0);
      const ignore = ignoreInResourceEdit(state.text, offset, ruleId, state.json);
      if (ignore) out.push(action(state, `Ignore ${ruleId} in ${data.resource.kind} "${data.resource.name}"`, lsp, [ignore]));
    }
  }
  return out;
}

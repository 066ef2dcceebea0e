/**
 * Code actions for the findings under the cursor: the rule's fix and its suggestions (what
 * `--fix` and the JSON output carry), then "disable for this line" and "ignore in this
 * resource" (suppressions.ts). Fixes are offered only when the document is still the text they
 * were computed for.
 */
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit as LspTextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
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

/** Fixes and suggestions of a finding: filled in from the engine's fix data. */
function fixActions(_state: DocumentState, _finding: Diagnostic, _d: LspDiagnostic): CodeAction[] {
  return [];
}

export function codeActionsFor(state: DocumentState, wanted: readonly WantedDiagnostic[]): CodeAction[] {
  if (state.only && !state.only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
  const out: CodeAction[] = [];
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

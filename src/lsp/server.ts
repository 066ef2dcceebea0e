/**
 * `k8s-lint lsp`: a Language Server Protocol server. Each workspace folder is a Project (one
 * input set, as `k8s-lint .` in it); an edit re-lints the project after a short pause and
 * publishes the findings of every open document whose findings changed, so an edit to a
 * Service re-publishes the Deployments of other files. Code actions offer the suppression
 * forms the engine reads; hover explains rules and pod status reasons.
 */
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { CONFIG_NAMES } from "../config/load.js";
import { IGNORE_FILE } from "../engine/discover.js";
import { packageInfo } from "../package-info.js";
import type { Diagnostic } from "../types.js";
import { codeActionsFor, FIX_ALL } from "./code-actions.js";
import { toLspDiagnostic, type DiagnosticData } from "./convert.js";
import { hoverAt, ruleHover } from "./hover.js";
import { Project, type ServerSettings } from "./project.js";

/** How long the server waits after an edit before linting (edits in between are one lint). */
export const DEFAULT_DEBOUNCE_MS = 20;

export interface ServerOptions {
  debounceMs?: number;
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function readSettings(value: unknown): ServerSettings {
  const v = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const nested = v["k8s-lint"] && typeof v["k8s-lint"] === "object" ? (v["k8s-lint"] as Record<string, unknown>) : v;
  const str = (k: string) => (typeof nested[k] === "string" ? (nested[k] as string) : undefined);
  const diagnostics = str("diagnostics") === "workspace" ? "workspace" : "open";
  return { configPath: str("configPath") ?? str("config"), kubernetesVersion: str("kubernetesVersion"), preset: str("preset"), diagnostics };
}

export class K8sLintServer {
  private readonly documents = new TextDocuments(TextDocument);
  private projects: Project[] = [];
  /** Projects of documents outside every workspace folder, by path. */
  private readonly loose = new Map<string, Project>();
  private settings: ServerSettings = { diagnostics: "open" };
  private readonly timers = new Map<Project, NodeJS.Timeout>();
  /** What was last published per URI (its JSON), so unchanged findings are not sent again. */
  private readonly published = new Map<string, string>();
  /** The problems last shown to the user, not to repeat them on every lint. */
  private readonly shownProblems = new Set<string>();
  private readonly debounceMs: number;

  constructor(
    private readonly connection: Connection,
    options: ServerOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.initialized().catch((err: Error) => connection.console.error(`k8s-lint: ${err?.stack ?? String(err)}`)));
    connection.onDidChangeConfiguration((params) => {
      if (params.settings === null || params.settings === undefined) return;
      const settings = readSettings(params.settings);
      // VS Code's client sends the settings once after start: the same ones need no second indexing.
      if (JSON.stringify(settings) === JSON.stringify(this.settings)) return;
      this.settings = settings;
      for (const p of this.allProjects()) {
        p.reconfigure(this.settings);
        this.schedule(p, 0);
      }
    });
    connection.onDidChangeWatchedFiles(({ changes }) => {
      for (const change of changes) this.fileEvent(change.uri, change.type);
    });
    connection.onCodeAction((params) => this.codeActions(params));
    connection.onHover((params) => this.hover(params));
    this.documents.onDidChangeContent(({ document }) => this.documentChanged(document.uri));
    this.documents.onDidClose(({ document }) => this.documentClosed(document.uri));
    this.documents.listen(connection);
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.settings = readSettings(params.initializationOptions);
    const folders: WorkspaceFolder[] = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: "root" }] : []);
    this.projects = folders.flatMap((f) => {
      const root = pathOf(f.uri);
      return root ? [new Project(root, this.settings)] : [];
    });
    this.watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.folderEvents = params.capabilities.workspace?.workspaceFolders === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL] },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "k8s-lint", version: packageInfo().version },
    };
  }

  private watchDynamically = false;
  /** The client tells of workspace folders added and removed. */
  private folderEvents = false;

  private async initialized(): Promise<void> {
    // The workspace is indexed once at start; open documents get their findings then.
    for (const p of this.projects) this.schedule(p, 0);
    if (this.folderEvents) this.followFolders();
    if (this.watchDynamically) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: "**/*.{yaml,yml,json}" }, { globPattern: "**/Kustomization" }, { globPattern: `**/${IGNORE_FILE}` }],
      });
    }
  }

  private followFolders(): void {
    this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => pathOf(f.uri)));
      this.projects = this.projects.filter((p) => !removed.has(p.root));
      for (const f of event.added) {
        const root = pathOf(f.uri);
        if (root) this.projects.push(new Project(root, this.settings));
      }
      for (const p of this.projects) this.schedule(p, 0);
    });
  }

  private allProjects(): Project[] {
    return [...this.projects, ...this.loose.values()];
  }

  /** The innermost workspace folder holding the file, or a project of its own. */
  private projectOf(absolute: string, create: boolean): Project | undefined {
    let best: Project | undefined;
    for (const p of this.projects) if (p.contains(absolute) && (!best || p.root.length > best.root.length)) best = p;
    if (best) return best;
    let own = this.loose.get(absolute);
    if (!own && create) {
      own = new Project(dirname(absolute), this.settings, absolute);
      this.loose.set(absolute, own);
    }
    return own;
  }

  private documentChanged(uri: string): void {
    const abs = pathOf(uri);
    if (!abs) return;
    const p = this.projectOf(abs, true)!;
    // A file created since the folder was indexed.
    if (!p.only && !p.isMember(abs)) p.rediscoverFor(abs);
    this.schedule(p);
  }

  private documentClosed(uri: string): void {
    const abs = pathOf(uri);
    if (!abs) return;
    const own = this.loose.get(abs);
    if (own) {
      this.loose.delete(abs);
      this.publish(uri, []);
      return;
    }
    const p = this.projectOf(abs, false);
    if (!p) return;
    // Its text is the disk's again; the other files may depend on it.
    p.invalidate(abs);
    if (this.settings.diagnostics !== "workspace") this.publish(uri, []);
    this.schedule(p);
  }

  private fileEvent(uri: string, type: FileChangeType): void {
    const abs = pathOf(uri);
    if (!abs) return;
    const name = basename(abs);
    for (const p of this.allProjects()) {
      const configOfProject = CONFIG_NAMES.includes(name) && (p.configPath === abs || p.contains(abs) || (p.only && dirname(p.only).startsWith(dirname(abs))));
      if (configOfProject || (name === IGNORE_FILE && p.contains(abs))) {
        p.reconfigure();
        this.schedule(p, 0);
        continue;
      }
      if (!p.contains(abs)) continue;
      if (type === FileChangeType.Changed) p.invalidate(abs);
      else p.rediscover();
      this.schedule(p);
    }
  }

  private schedule(p: Project, delay = this.debounceMs): void {
    clearTimeout(this.timers.get(p));
    this.timers.set(
      p,
      setTimeout(() => {
        this.timers.delete(p);
        void this.run(p);
      }, delay),
    );
  }

  private async run(p: Project): Promise<void> {
    if (p.running) {
      p.again = true;
      return;
    }
    p.running = true;
    try {
      do {
        p.again = false;
        await this.lintAndPublish(p);
      } while (p.again);
    } catch (err) {
      this.connection.console.error(`k8s-lint: ${(err as Error)?.stack ?? String(err)}`);
    } finally {
      p.running = false;
    }
  }

  /** The open document of a path, whatever the client's spelling of its URI. */
  private openByPath(absolute: string): TextDocument | undefined {
    for (const d of this.documents.all()) if (pathOf(d.uri) === absolute) return d;
    return undefined;
  }

  private uriOf(absolute: string): string {
    return this.openByPath(absolute)?.uri ?? pathToFileURL(absolute).href;
  }

  private async lintAndPublish(p: Project): Promise<void> {
    const open = new Map<string, TextDocument>();
    for (const d of this.documents.all()) {
      const abs = pathOf(d.uri);
      if (abs) open.set(abs, d);
    }
    const result = await p.lint((abs) => open.get(abs)?.getText());
    this.reportProblems(p);
    const workspace = this.settings.diagnostics === "workspace";
    const members = p.members();
    const absoluteOf = new Map(members.map((m) => [m.display, m.absolute]));
    const uriOf = (display: string) => {
      const abs = absoluteOf.get(display) ?? resolve(p.root, display);
      return open.get(abs)?.uri ?? pathToFileURL(abs).href;
    };
    result.files.forEach((f, i) => {
      const abs = members[i].absolute;
      const doc = open.get(abs);
      if (!doc && !workspace) return;
      const bom = doc?.getText().charCodeAt(0) === 0xfeff;
      this.publish(doc?.uri ?? pathToFileURL(abs).href, f.diagnostics.map((d) => toLspDiagnostic(d, { uriOf, bom })));
    });
    // Open documents of the folder that are not linted (ignored) have no findings.
    for (const d of this.documents.all()) {
      const abs = pathOf(d.uri);
      if (abs && !p.only && p.contains(abs) && !p.isMember(abs) && this.projectOf(abs, false) === p) this.publish(d.uri, []);
    }
  }

  /** A config file or a setting that is not applied: said once, and the config's lines marked. */
  private reportProblems(p: Project): void {
    if (p.configPath && CONFIG_NAMES.includes(basename(p.configPath))) {
      const diagnostics: LspDiagnostic[] = [];
      for (const line of p.configProblem?.split("\n") ?? []) {
        const m = /^(.*):(\d+):(\d+): (.*)$/.exec(line);
        const at = m ? { line: Number(m[2]) - 1, character: Number(m[3]) - 1 } : { line: 0, character: 0 };
        diagnostics.push({ range: { start: at, end: at }, severity: DiagnosticSeverity.Error, source: "k8s-lint", code: "config", message: m ? m[4] : line });
      }
      this.publish(this.uriOf(p.configPath), diagnostics);
    }
    const problems = [...(p.configProblem ? [`the config file is not applied (the last valid one is): ${p.configProblem}`] : []), ...p.settingProblems];
    for (const problem of problems) {
      if (this.shownProblems.has(problem)) continue;
      this.shownProblems.add(problem);
      void this.connection.window.showWarningMessage(`k8s-lint: ${problem}`);
    }
  }

  private publish(uri: string, diagnostics: LspDiagnostic[]): void {
    const key = JSON.stringify(diagnostics);
    if (this.published.get(uri) === key) return;
    if (!diagnostics.length && !this.published.has(uri)) return;
    this.published.set(uri, key);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** The findings of a document's last lint, when they were found in its current text. */
  private currentFindings(uri: string): { text: string; bom: boolean; diagnostics: Diagnostic[]; json: boolean } | undefined {
    const doc = this.documents.get(uri);
    const abs = pathOf(uri);
    if (!doc || !abs) return undefined;
    const full = doc.getText();
    const bom = full.charCodeAt(0) === 0xfeff;
    const text = bom ? full.slice(1) : full;
    const linted = this.projectOf(abs, false)?.linted.get(abs);
    const json = /\.json$/i.test(abs);
    return { text, bom, json, diagnostics: linted && linted.text === text ? linted.diagnostics : [] };
  }

  private codeActions(params: CodeActionParams): CodeAction[] {
    const doc = this.documents.get(params.textDocument.uri);
    const state = this.currentFindings(params.textDocument.uri);
    if (!doc || !state) return [];
    const wanted = params.context.diagnostics.filter((d) => d.source === "k8s-lint" && typeof d.code === "string" && d.code !== "config");
    return codeActionsFor({ uri: doc.uri, document: doc, ...state, only: params.context.only }, wanted.map((d) => ({ lsp: d, data: (d.data ?? {}) as DiagnosticData })));
  }

  private hover(params: HoverParams): Hover | null {
    const doc = this.documents.get(params.textDocument.uri);
    const state = this.currentFindings(params.textDocument.uri);
    if (!doc || !state) return null;
    const offset = doc.offsetAt(params.position) - (state.bom ? 1 : 0);
    const line = params.position.line + 1;
    const column = params.position.character + 1 - (state.bom && line === 1 ? 1 : 0);
    // On a finding: the explanation of its rule (the editor shows the message itself).
    const on = state.diagnostics.filter(
      (d) => (line > d.line || (line === d.line && column >= d.column)) && (line < d.endLine || (line === d.endLine && column <= d.endColumn)),
    );
    const ids = [...new Set(on.map((d) => d.ruleId))];
    const texts = ids.map(ruleHover).filter((t): t is string => t !== undefined);
    const value = texts.length ? texts.join("\n\n---\n\n") : hoverAt(state.text, offset, pathOf(doc.uri) ?? doc.uri);
    return value ? { contents: { kind: "markdown", value } } : null;
  }
}

/** Serves one client on the connection until it exits. */
export function startServer(connection: Connection, options: ServerOptions = {}): K8sLintServer {
  const server = new K8sLintServer(connection, options);
  connection.listen();
  return server;
}

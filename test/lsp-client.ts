/**
 * A real LSP client for tests and the latency benchmark: vscode-jsonrpc's protocol connection
 * (what vscode-languageclient runs on) talking to `k8s-lint lsp` over the process's stdio.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";

export const ROOT_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = join(ROOT_DIR, "dist/bin/k8s-lint.js");

/** The shipped CLI, built when a fresh checkout has none. */
export function ensureBuilt(): void {
  if (!existsSync(BIN)) spawnSync("npm", ["run", "build"], { cwd: ROOT_DIR, stdio: "ignore" });
}

export const uriOf = (path: string) => pathToFileURL(path).href;

interface Waiter {
  uri: string;
  accept: (d: Diagnostic[]) => boolean;
  resolve: (d: Diagnostic[]) => void;
}

export class LspTestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Every publication, in order, with the time it arrived (performance.now()). */
  readonly publications: Array<{ uri: string; at: number; diagnostics: Diagnostic[] }> = [];
  readonly messages: string[] = [];
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();

  private constructor(
    readonly connection: ProtocolConnection,
    readonly process: ChildProcess,
  ) {}

  /** `capabilities: false` declares none: the least a client may say. */
  static async start(root: string, initializationOptions: Record<string, unknown> = {}, capabilities = true): Promise<LspTestClient> {
    const child = spawn(process.execPath, [BIN, "lsp", "--stdio"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    child.stderr!.setEncoding("utf8");
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(connection, child);
    child.stderr!.on("data", (t: string) => client.messages.push(t));
    connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      client.diagnostics.set(p.uri, p.diagnostics);
      client.publications.push({ uri: p.uri, at: performance.now(), diagnostics: p.diagnostics });
      client.waiters = client.waiters.filter((w) => {
        if (w.uri !== p.uri || !w.accept(p.diagnostics)) return true;
        w.resolve(p.diagnostics);
        return false;
      });
    });
    connection.onNotification("window/showMessage", (p: { message: string }) => void client.messages.push(p.message));
    connection.onRequest("window/showMessageRequest", (p: { message: string }) => {
      client.messages.push(p.message);
      return null;
    });
    connection.onRequest("client/registerCapability", () => null);
    connection.onRequest("workspace/configuration", () => []);
    connection.listen();
    await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: uriOf(root),
      workspaceFolders: [{ uri: uriOf(root), name: "workspace" }],
      initializationOptions,
      capabilities: !capabilities ? {} : {
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, configuration: false },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source"] } }, dataSupport: true },
          hover: { contentFormat: ["markdown", "plaintext"] },
        },
      },
    });
    await connection.sendNotification("initialized", {});
    return client;
  }

  /** Resolves with the next publication for `uri` that `accept` takes (or the current one, if it does). */
  waitFor(uri: string, accept: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 20000, current = false): Promise<Diagnostic[]> {
    const now = this.diagnostics.get(uri);
    if (current && now && accept(now)) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.diagnostics.get(uri))}; server said: ${this.messages.join(" ")}`)), timeoutMs);
      this.waiters.push({
        uri,
        accept,
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
      });
    });
  }

  open(uri: string, text: string, languageId = "yaml"): Promise<void> {
    this.versions.set(uri, 1);
    return this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text of an open document. */
  change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    return this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 2000).unref())]);
      await this.connection.sendNotification("exit");
    } catch {
      // the process is gone already
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill();
        resolve();
      }, 3000);
      this.process.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

/**
 * What the extension does on activation, written against the parts of the VS Code and
 * vscode-languageclient APIs it uses, so that tests run it with mocks (VS Code cannot run
 * here): find the installed k8s-lint, start `k8s-lint lsp` with the settings, and restart it when
 * the server path changes or on the restart command.
 */
import { existsSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";

export const SECTION = "k8s-lint";
export const RESTART_COMMAND = "k8s-lint.restartServer";
/** Files whose changes the server must hear of: manifests, the ignore file and config files. */
export const WATCHED = "**/{*.yaml,*.yml,*.json,.k8s-lintignore}";
export const DOCUMENT_SELECTOR = [
  { scheme: "file", language: "yaml" },
  { scheme: "file", language: "json" },
];

export interface Settings {
  serverPath: string;
  configPath: string;
  kubernetesVersion: string;
  preset: string;
  diagnostics: "open" | "workspace";
}

/** How the server process is started: vscode-languageclient's Executable with the stdio transport. */
export interface ServerLaunch {
  command: string;
  args: string[];
}

interface Disposable {
  dispose(): unknown;
}

/** The parts of the `vscode` module the extension uses. */
export interface VscodeApi<W extends Disposable = Disposable> {
  workspace: {
    getConfiguration(section: string): { get<T>(key: string): T | undefined };
    workspaceFolders?: ReadonlyArray<{ uri: { fsPath: string } }>;
    createFileSystemWatcher(glob: string): W;
    onDidChangeConfiguration(listener: (e: { affectsConfiguration(section: string): boolean }) => unknown): Disposable;
  };
  window: { showErrorMessage(message: string): unknown };
  commands: { registerCommand(id: string, run: () => unknown): Disposable };
}

/** The parts of a LanguageClient the extension uses. */
export interface ClientApi {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ClientOptions<W extends Disposable = Disposable> {
  documentSelector: typeof DOCUMENT_SELECTOR;
  initializationOptions: Omit<Settings, "serverPath">;
  synchronize: { fileEvents: W; configurationSection: string };
}

export type MakeClient<W extends Disposable = Disposable> = (launch: ServerLaunch, options: ClientOptions<W>) => ClientApi;

export function readSettings(vscode: Pick<VscodeApi, "workspace">): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const str = (key: string) => (c.get<string>(key) ?? "").trim();
  return {
    serverPath: str("serverPath"),
    configPath: str("configPath"),
    kubernetesVersion: str("kubernetesVersion"),
    preset: str("preset"),
    diagnostics: c.get<string>("diagnostics") === "workspace" ? "workspace" : "open",
  };
}

/** The package's CLI inside a workspace folder's node_modules. */
const LOCAL_CLI = join("node_modules", "k8s-lint", "dist", "bin", "k8s-lint.js");

/**
 * The k8s-lint to start: the `serverPath` setting (an executable, or a .js file run with node),
 * else the first workspace folder's node_modules/k8s-lint, else `k8s-lint` on the PATH.
 */
export function serverLaunch(settings: Settings, folders: readonly string[], exists: (path: string) => boolean = existsSync): ServerLaunch {
  const viaNode = (script: string): ServerLaunch => ({ command: "node", args: [script, "lsp"] });
  if (settings.serverPath) {
    const path = isAbsolute(settings.serverPath) || !folders.length ? settings.serverPath : resolve(folders[0], settings.serverPath);
    return /\.[cm]?js$/.test(path) ? viaNode(path) : { command: path, args: ["lsp"] };
  }
  for (const folder of folders) {
    const local = join(folder, LOCAL_CLI);
    if (exists(local)) return viaNode(local);
  }
  return { command: process.platform === "win32" ? "k8s-lint.cmd" : "k8s-lint", args: ["lsp"] };
}

export interface Extension {
  client(): ClientApi;
  dispose(): Promise<void>;
}

/** Starts the client and keeps it in step with the settings; `subscriptions` get what must be disposed. */
export async function activateWith<W extends Disposable>(vscode: VscodeApi<W>, subscriptions: Disposable[], makeClient: MakeClient<W>): Promise<Extension> {
  const watcher = vscode.workspace.createFileSystemWatcher(WATCHED);
  subscriptions.push(watcher);
  const folders = () => (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const create = () => {
    const { serverPath: _serverPath, ...initializationOptions } = readSettings(vscode);
    const launch = serverLaunch(readSettings(vscode), folders());
    return makeClient(launch, { documentSelector: DOCUMENT_SELECTOR, initializationOptions, synchronize: { fileEvents: watcher, configurationSection: SECTION } });
  };
  let client = create();
  const start = async () => {
    try {
      await client.start();
    } catch (err) {
      vscode.window.showErrorMessage(`k8s-lint: cannot start the language server (${(err as Error).message}); install k8s-lint (npm install -g k8s-lint) or set k8s-lint.serverPath`);
    }
  };
  const restart = async () => {
    await client.stop().catch(() => undefined);
    client = create();
    await start();
  };
  subscriptions.push(vscode.commands.registerCommand(RESTART_COMMAND, restart));
  // The server reads the other settings itself (workspace/didChangeConfiguration); a new server path needs a new process.
  subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.serverPath`)) return restart();
      return undefined;
    }),
  );
  await start();
  return { client: () => client, dispose: () => client.stop() };
}

/**
 * The VS Code extension (editors/vscode): its manifest, its activation code run against mocks
 * of the VS Code and language client APIs (VS Code cannot run here), and the .vsix that
 * `npm run package:vscode` packs with @vscode/vsce (which validates the manifest).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { activateWith, DOCUMENT_SELECTOR, RESTART_COMMAND, serverLaunch, WATCHED, type ClientOptions, type ServerLaunch, type Settings } from "../editors/vscode/src/activation.js";
import { ROOT } from "./harness.js";

const DIR = join(ROOT, "editors/vscode");
const manifest = JSON.parse(readFileSync(join(DIR, "package.json"), "utf8")) as {
  name: string;
  publisher: string;
  version: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: { configuration: { properties: Record<string, { type: string; default: unknown; description?: string; markdownDescription?: string }> }; commands: Array<{ command: string }> };
};
const rootPackage = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> };

test("the manifest activates on YAML and JSON, declares the settings the activation code reads and the command it registers", () => {
  expect(manifest.activationEvents).toEqual(expect.arrayContaining(["onLanguage:yaml", "onLanguage:json"]));
  expect(DOCUMENT_SELECTOR.map((s) => `onLanguage:${s.language}`).every((e) => manifest.activationEvents.includes(e))).toBe(true);
  const props = manifest.contributes.configuration.properties;
  for (const key of ["serverPath", "configPath", "kubernetesVersion", "preset", "diagnostics"] satisfies Array<keyof Settings>) {
    expect(props[`k8s-lint.${key}`]).toMatchObject({ type: "string" });
    expect(props[`k8s-lint.${key}`].description ?? props[`k8s-lint.${key}`].markdownDescription).toBeTruthy();
  }
  expect(manifest.contributes.commands.map((c) => c.command)).toEqual([RESTART_COMMAND]);
  expect(manifest.main).toBe("./dist/extension.js");
  // The client library's own minimum VS Code is the extension's.
  const client = JSON.parse(readFileSync(join(ROOT, "node_modules/vscode-languageclient/package.json"), "utf8")) as { engines: { vscode: string } };
  expect(manifest.engines.vscode).toBe(client.engines.vscode);
  expect(rootPackage.devDependencies["@types/vscode"]).toBe(client.engines.vscode.replace(/^\^/, ""));
});

test("the server is the serverPath setting, else the workspace's node_modules/k8s-lint, else k8s-lint on the PATH", () => {
  const settings: Settings = { serverPath: "", configPath: "", kubernetesVersion: "", preset: "", diagnostics: "open" };
  const local = join("/w", "node_modules/k8s-lint/dist/bin/k8s-lint.js");
  expect(serverLaunch(settings, ["/w"], (p) => p === local)).toEqual({ command: "node", args: [local, "lsp"] });
  expect(serverLaunch(settings, ["/w"], () => false)).toEqual({ command: "k8s-lint", args: ["lsp"] });
  expect(serverLaunch({ ...settings, serverPath: "tools/k8s-lint.js" }, ["/w"], () => true)).toEqual({ command: "node", args: ["/w/tools/k8s-lint.js", "lsp"] });
  expect(serverLaunch({ ...settings, serverPath: "/opt/bin/k8s-lint" }, ["/w"], () => true)).toEqual({ command: "/opt/bin/k8s-lint", args: ["lsp"] });
});

/** A mock of the VS Code API parts the activation uses, recording what it is asked. */
function mockVscode(config: Record<string, string>) {
  const calls = { commands: new Map<string, () => unknown>(), watchers: [] as string[], errors: [] as string[], configListeners: [] as Array<(e: { affectsConfiguration(s: string): boolean }) => unknown> };
  const api = {
    workspace: {
      getConfiguration: (section: string) => ({ get: <T>(key: string) => (section === "k8s-lint" ? (config[key] as T) : undefined) }),
      workspaceFolders: [{ uri: { fsPath: "/nonexistent-workspace" } }],
      createFileSystemWatcher: (glob: string) => {
        calls.watchers.push(glob);
        return { glob, dispose: () => undefined };
      },
      onDidChangeConfiguration: (listener: (e: { affectsConfiguration(s: string): boolean }) => unknown) => {
        calls.configListeners.push(listener);
        return { dispose: () => undefined };
      },
    },
    window: { showErrorMessage: (m: string) => void calls.errors.push(m) },
    commands: {
      registerCommand: (id: string, run: () => unknown) => {
        calls.commands.set(id, run);
        return { dispose: () => undefined };
      },
    },
  };
  return { api, calls };
}

test("activation starts a client for YAML and JSON with the settings, restarts it on the command and on a new server path", async () => {
  const config: Record<string, string> = { configPath: "ci/.k8s-lint.yaml", kubernetesVersion: "1.29", preset: "strict", diagnostics: "workspace", serverPath: "" };
  const { api, calls } = mockVscode(config);
  const made: Array<{ launch: ServerLaunch; options: ClientOptions<{ glob: string; dispose(): void }>; events: string[] }> = [];
  const subscriptions: Array<{ dispose(): unknown }> = [];
  const extension = await activateWith(api, subscriptions, (launch, options) => {
    const events: string[] = [];
    made.push({ launch, options, events });
    return { start: async () => void events.push("start"), stop: async () => void events.push("stop") };
  });
  expect(made).toHaveLength(1);
  expect(made[0].launch).toEqual({ command: "k8s-lint", args: ["lsp"] });
  expect(made[0].options.documentSelector).toEqual([{ scheme: "file", language: "yaml" }, { scheme: "file", language: "json" }]);
  expect(made[0].options.initializationOptions).toEqual({ configPath: "ci/.k8s-lint.yaml", kubernetesVersion: "1.29", preset: "strict", diagnostics: "workspace" });
  expect(made[0].options.synchronize).toEqual({ fileEvents: { glob: WATCHED, dispose: expect.any(Function) }, configurationSection: "k8s-lint" });
  expect(made[0].events).toEqual(["start"]);
  expect(subscriptions.length).toBe(3);

  await calls.commands.get(RESTART_COMMAND)!();
  expect(made[0].events).toEqual(["start", "stop"]);
  expect(made[1].events).toEqual(["start"]);

  // Other settings go to the running server; a new server path needs a new process.
  await calls.configListeners[0]({ affectsConfiguration: (s) => s === "k8s-lint.kubernetesVersion" || s === "k8s-lint" });
  expect(made).toHaveLength(2);
  config.serverPath = "/opt/k8s-lint/dist/bin/k8s-lint.js";
  await calls.configListeners[0]({ affectsConfiguration: (s) => s.startsWith("k8s-lint") });
  expect(made).toHaveLength(3);
  expect(made[2].launch).toEqual({ command: "node", args: ["/opt/k8s-lint/dist/bin/k8s-lint.js", "lsp"] });
  await extension.dispose();
  expect(made[2].events).toEqual(["start", "stop"]);
});

test("a server that cannot start is told to the user, with what to install", async () => {
  const { api, calls } = mockVscode({});
  await activateWith(api, [], () => ({ start: () => Promise.reject(new Error("spawn k8s-lint ENOENT")), stop: async () => undefined }));
  expect(calls.errors).toEqual([expect.stringContaining("spawn k8s-lint ENOENT")]);
  expect(calls.errors[0]).toContain("k8s-lint.serverPath");
});

/** The names of the entries of a zip archive, from its central directory. */
function zipEntries(zip: Buffer): string[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(0);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

test("npm run package:vscode packs a .vsix (vsce validates the manifest) holding the manifest and the bundled activation code", () => {
  const out = mkdtempSync(join(tmpdir(), "lsp-vsix-"));
  try {
    const vsix = join(out, "k8s-lint.vsix");
    execFileSync("npm", ["run", "--silent", "package:vscode", "--", vsix], { cwd: ROOT, stdio: "pipe" });
    const zip = readFileSync(vsix);
    expect(zip.subarray(0, 4).toString("binary")).toBe("PK\x03\x04");
    const names = zipEntries(zip);
    expect(names).toEqual(expect.arrayContaining(["extension.vsixmanifest", "extension/package.json", "extension/dist/extension.js"]));
    expect(names.some((n) => n.startsWith("extension/src/"))).toBe(false);
    const bundled = readFileSync(join(DIR, "dist/extension.js"), "utf8");
    expect(bundled).toContain(RESTART_COMMAND);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

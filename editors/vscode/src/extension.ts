/** The VS Code entry point: activation.ts with the real `vscode` module and LanguageClient. */
import * as vscode from "vscode";
import { LanguageClient, TransportKind } from "vscode-languageclient/node";
import { activateWith, type Extension } from "./activation.js";

let extension: Extension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extension = await activateWith(vscode, context.subscriptions, (launch, options) => {
    const server = { command: launch.command, args: launch.args, transport: TransportKind.stdio };
    return new LanguageClient("k8s-lint", "k8s-lint", { run: server, debug: server }, options);
  });
}

export async function deactivate(): Promise<void> {
  await extension?.dispose();
}

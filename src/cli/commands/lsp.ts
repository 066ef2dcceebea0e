/** `k8s-lint lsp`: the language server, over stdio (src/lsp/; loaded only by this command). */
import { parseCommandArgs } from "../args.js";
import { EXIT_OK, type CliIO } from "../io.js";

export const LSP_HELP = `Usage: k8s-lint lsp [--stdio]

Runs a Language Server Protocol server on stdin/stdout for editors: findings of open
documents as you type (linted with every manifest of the workspace folders), quick fixes,
"disable for this line" and "ignore in this resource", explanations on hover.
Settings (initializationOptions or workspace/didChangeConfiguration, section "k8s-lint"):
configPath, kubernetesVersion, preset, diagnostics ("open" or "workspace").
See docs/editor.md.

Options:
      --stdio           talk over stdin/stdout (the default and only transport)
  -h, --help            print this help
`;

export async function runLsp(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(
    {
      args: argv,
      strict: true,
      options: {
        stdio: { type: "boolean" },
        // vscode-languageclient passes the editor's process id; the connection reads it from argv.
        clientProcessId: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    },
    "k8s-lint lsp",
  );
  if (values.help) {
    io.stdout(LSP_HELP);
    return EXIT_OK;
  }
  const { serveStdio } = await import("../../lsp/stdio.js");
  await serveStdio();
  return EXIT_OK;
}

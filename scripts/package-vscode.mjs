// Builds the VS Code extension (editors/vscode): bundles its code with vscode-languageclient
// into dist/extension.js (CommonJS, `vscode` left to the editor), then packs it with
// @vscode/vsce into editors/vscode/k8s-lint-<version>.vsix. The extension starts the language
// server of the k8s-lint the user installed, so the package holds no server code.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "editors/vscode");
const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const out = process.argv[2] ?? join(dir, `k8s-lint-${version}.vsix`);

rmSync(join(dir, "dist"), { recursive: true, force: true });
await build({
  entryPoints: [join(dir, "src/extension.ts")],
  outfile: join(dir, "dist/extension.js"),
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  external: ["vscode"],
  minify: true,
  legalComments: "linked",
  logLevel: "warning",
});
// --no-dependencies: everything the extension needs is in the bundle.
execFileSync(process.execPath, [join(root, "node_modules/@vscode/vsce/vsce"), "package", "--no-dependencies", "--out", out], { cwd: dir, stdio: "inherit" });

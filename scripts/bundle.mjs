// Bundles the CLI into dist/bin/ so that a one-file lint (a pre-commit hook) does not pay for
// resolving and compiling hundreds of modules at start-up. Commands and formatters that the CLI
// imports lazily stay in their own chunks. `tsc` still emits dist/ for the API and its types.
import { rmSync } from "node:fs";
import { build } from "esbuild";

// Chunk names carry content hashes: start clean so that stale chunks are not shipped.
rmSync("dist/bin", { recursive: true, force: true });

await build({
  // The parse worker of large runs (engine/load.ts finds it beside the entry, from any chunk).
  entryPoints: { "k8s-lint": "src/cli/main.ts", "parse-worker": "src/engine/parse-worker.ts" },
  outdir: "dist/bin",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "none",
  chunkNames: "chunks/[name]-[hash]",
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __k8sLintRequire } from 'node:module'; const require = __k8sLintRequire(import.meta.url);" },
  logLevel: "warning",
});

// Bundles the GitHub Action (src/action/main.ts) into one committed file, dist-action/index.mjs,
// with every dependency and the API catalogue inside: the runner starts it with node and
// installs nothing. `node scripts/bundle-action.mjs <dir>` builds into another folder (the
// staleness test compares the two). The output depends only on the sources and esbuild's version.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const outdir = resolve(process.argv[2] ?? "dist-action");
mkdirSync(outdir, { recursive: true });

await build({
  entryPoints: ["src/action/main.ts"],
  outfile: join(outdir, "index.mjs"),
  bundle: true,
  format: "esm",
  platform: "node",
  // The project's minimum: the same bytes run on the runner's Node 24 and on Node 20 in tests.
  target: "node20",
  minify: true,
  legalComments: "none",
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __k8sLintRequire } from 'node:module'; const require = __k8sLintRequire(import.meta.url);" },
  logLevel: "warning",
});

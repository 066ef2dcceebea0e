// Bundles the GitHub Action (src/action/main.ts) into one committed file, dist-action/index.mjs,
// with every dependency and the API catalogue inside: the runner starts it with node and
// installs nothing. `node scripts/bundle-action.mjs <dir>` builds into another folder (the
// staleness test compares the two). The output depends only on the sources and esbuild's version.
// Beside it, THIRD-PARTY-LICENSES.txt carries the licence of every package the bundle contains
// (minified code keeps no notices, and the MIT and ISC licences ask that they travel with copies).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const outdir = resolve(process.argv[2] ?? "dist-action");
mkdirSync(outdir, { recursive: true });

const result = await build({
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
  metafile: true,
});

/** The package folders (node_modules/<name> or node_modules/@scope/<name>) the bundle took code from. */
function bundledPackages(inputs) {
  const dirs = new Set();
  for (const file of Object.keys(inputs)) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
    if (m) dirs.add(m[1]);
  }
  return [...dirs];
}

const notices = bundledPackages(result.metafile.inputs)
  .map((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const licenceFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)([.\-_]|$)/i.test(f));
    if (!licenceFile) throw new Error(`${pkg.name}: no licence file to ship with the Action bundle`);
    return { name: pkg.name, text: `${pkg.name}@${pkg.version} (${pkg.license})\n\n${readFileSync(join(dir, licenceFile), "utf8").trim()}\n` };
  })
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const rule = "\n" + "-".repeat(72) + "\n\n";
writeFileSync(
  join(outdir, "THIRD-PARTY-LICENSES.txt"),
  `Packages bundled into index.mjs, with their licences.\n\n${notices.map((n) => n.text).join(rule)}`,
);

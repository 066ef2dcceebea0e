// Bundles the CLI into dist/bin/ so that a one-file lint (a pre-commit hook) does not pay for
// resolving and compiling hundreds of modules at start-up. `tsc` still emits dist/ for the API
// and its types. Four files:
// - k8s-lint.cjs: the lint, one CommonJS script (src/cli/start.ts) without the commands (rules,
//   explain, diagnose, qos, graph, lsp): a quarter less text to read for every lint; what it
//   imports lazily (formatters, CEL, PromQL) is in it too, evaluated only when first imported;
// - k8s-lint-commands.cjs: the same with the commands, for a command line that runs one
//   (code-cache.ts runsCommand; src/cli/run.ts dispatches on the same words);
// - k8s-lint.js: the bin, which runs one of the two with V8's code cache (src/cli/code-cache.ts),
//   after starting node again for a large lint on a small machine (src/cli/relaunch.ts);
// - parse-worker.js: the parse worker of large runs (engine/load.ts finds it beside the bundle).
import { createHash } from "node:crypto";
import { chmodSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const OUT = "dist/bin";

/**
 * string-width builds an RGI_Emoji set regexp and an Intl.Segmenter (ICU data) when its module is
 * evaluated: a fifth of a one-file lint, for text that is nearly always plain ASCII, which
 * src/wrap.ts measures without it. Here the import is a function that evaluates the module on
 * its first call (esbuild defers a module that is require()d until the require runs).
 */
const lazyStringWidth = {
  name: "lazy-string-width",
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, (args) => (args.namespace === "lazy" ? undefined : { path: "string-width", namespace: "lazy" }));
    build.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      resolveDir: process.cwd(),
      contents: `let width;
export default function stringWidth(text, options) {
  width ??= require("string-width").default;
  return width(text, options);
}`,
    }));
  },
};

/**
 * vscode-languageserver's Node entry requires child_process (its Files helpers start npm and yarn)
 * and vscode-jsonrpc's requires net (socket and pipe transports); the LSP uses neither, it talks
 * over stdio. The bundle gets a stand-in whose every function throws, so that the CLI holds no
 * way to start a process or open a connection (docs/security.md, test/security.test.ts).
 */
const noProcessNoNetwork = {
  name: "no-process-no-network",
  setup(build) {
    build.onResolve({ filter: /^(node:)?(child_process|net)$/ }, (args) => ({ path: args.path.replace(/^node:/, ""), namespace: "refused" }));
    build.onLoad({ filter: /.*/, namespace: "refused" }, (args) => ({
      contents: `const refuse = (name) => () => { throw new Error("k8s-lint starts no process and opens no connection (${args.path}." + String(name) + ")"); };
module.exports = new Proxy({}, { get: (_, name) => (typeof name === "string" && name !== "__esModule" && name !== "then" ? refuse(name) : undefined) });`,
    }));
  },
};

/**
 * esbuild keeps non-ASCII characters of regular expression literals (the `µs` of durations): one
 * such character makes Node decode the whole file as UTF-8 and V8 hold and scan it as a two-byte
 * string. As `\uXXXX` escapes, which mean the same in strings, templates, identifiers and regular
 * expressions, the file is ASCII (and the bin reads it as Latin-1, byte for character).
 */
function asciiOnly(path) {
  const code = readFileSync(path, "utf8");
  if (/[^\0-\x7f]/.test(code)) writeFileSync(path, code.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

/**
 * An import() inside a node:vm script needs Node's main-loader callback, which Node 20 drops for
 * code that comes from the code cache ("A dynamic import callback was not specified": a config's
 * plugin could not load, the parse workers not start). What the bundle imports at run time (the
 * plugins, node:worker_threads; its own modules are inlined) goes through the bin's import()
 * instead, a parameter of the bundle function. Every dynamic import left in the minified output
 * is an `await import(`; one written otherwise fails the build rather than the run.
 */
function importThroughTheBin(path) {
  const code = readFileSync(path, "latin1");
  const routed = code.replaceAll("await import(", "await __k8sLintImport(");
  if (routed === code || /(?<![\w$])import\s*\(/.test(routed)) {
    throw new Error(`${path}: every run-time import() must be an \`await import(\` that the bundle routes through the bin's __k8sLintImport`);
  }
  writeFileSync(path, routed, "latin1");
}

/**
 * The lint bundle leaves out the six commands that src/cli/run.ts imports on demand: the bin
 * never runs that bundle for a command line that names one. A stand-in says so, should a
 * dispatch ever disagree with the bin's.
 */
const withoutCommands = {
  name: "without-commands",
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/(rules|explain|diagnose|qos|graph|lsp)\.js$/ }, (args) => ({ path: args.path, namespace: "left-out" }));
    build.onLoad({ filter: /.*/, namespace: "left-out" }, (args) => ({
      contents: `const leftOut = () => { throw new Error("${args.path} is in k8s-lint-commands.cjs, which the bin runs for its command line"); };
export const runRules = leftOut, runExplain = leftOut, runDiagnose = leftOut, runQos = leftOut, runGraph = leftOut, runLsp = leftOut;`,
    }));
  },
};

const common = { bundle: true, platform: "node", target: "node20", minify: true, legalComments: "none", logLevel: "warning" };

rmSync(OUT, { recursive: true, force: true });

/** Builds one CLI bundle (src/cli/start.ts) into `${OUT}/${name}` and returns its content hash, which names its code cache. */
async function cliBundle(name, plugins) {
  await build({
    ...common,
    entryPoints: ["src/cli/start.ts"],
    outfile: `${OUT}/${name}`,
    format: "cjs",
    // The modules read import.meta.url to find files beside them (package.json, the parse worker).
    define: { "import.meta.url": "__k8sLintModuleUrl" },
    // The file is one function, the completion value of the script node:vm compiles (the source
    // V8's cache is for, as is): the five names of Node's CommonJS wrapper and the import() of the
    // bin (see importThroughTheBin). Strict, as esbuild's own "use strict" (after the banner, no
    // directive any more) meant.
    banner: {
      js: `(function (exports, require, module, __filename, __dirname, __k8sLintImport) {
"use strict";
var __k8sLintModuleUrl = require("node:url").pathToFileURL(__filename).href;`,
    },
    footer: { js: "})" },
    plugins: [lazyStringWidth, noProcessNoNetwork, ...plugins],
  });
  asciiOnly(`${OUT}/${name}`);
  importThroughTheBin(`${OUT}/${name}`);
  return createHash("sha256").update(readFileSync(`${OUT}/${name}`)).digest("hex").slice(0, 16);
}

const lintHash = await cliBundle("k8s-lint.cjs", [withoutCommands]);
const commandsHash = await cliBundle("k8s-lint-commands.cjs", []);

await build({
  ...common,
  stdin: {
    contents: `import { fileURLToPath } from "node:url";
import { loadBundle, runsCommand } from "./src/cli/code-cache.ts";
import { relaunch, relaunchPool } from "./src/cli/relaunch.ts";
import { tuneV8 } from "./src/v8-flags.ts";
const args = process.argv.slice(2);
const pool = relaunchPool(args);
if (pool === undefined || !(await relaunch(pool, fileURLToPath(import.meta.url), args))) {
  const v8Flags = tuneV8(args);
  const command = runsCommand(args);
  await loadBundle(new URL(command ? "./k8s-lint-commands.cjs" : "./k8s-lint.cjs", import.meta.url), command ? ${JSON.stringify(commandsHash)} : ${JSON.stringify(lintHash)}, (specifier) => import(specifier), v8Flags).start();
}
`,
    resolveDir: process.cwd(),
    sourcefile: "bin.ts",
    loader: "ts",
  },
  outfile: `${OUT}/k8s-lint.js`,
  format: "esm",
  banner: { js: "#!/usr/bin/env node" },
});
chmodSync(`${OUT}/k8s-lint.js`, 0o755);

await build({
  ...common,
  entryPoints: ["src/engine/parse-worker.ts"],
  outfile: `${OUT}/parse-worker.js`,
  format: "esm",
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __k8sLintRequire } from 'node:module'; const require = __k8sLintRequire(import.meta.url);" },
});
asciiOnly(`${OUT}/parse-worker.js`);

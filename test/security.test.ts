/**
 * What the shipped code can do, read from the code itself: the CLI bundle (dist/bin, as `npm ci`
 * builds it) and the committed Action bundle load no module that opens a connection, starts a
 * process or compiles code at run time. docs/security.md lists this among its guarantees. Two
 * exceptions, both of the bin (dist/bin/k8s-lint.js) and checked apart: it compiles one of the two
 * CLI bundle files beside it (the lint's, or the commands') with node:vm, to hand V8 its code
 * cache (src/cli/code-cache.ts), and it may start node again on itself with another V8 pool
 * (src/cli/relaunch.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./harness.js";

/** Node built-ins that reach the network, start processes or run code from strings. */
const FORBIDDEN = ["child_process", "cluster", "dgram", "dns", "http", "http2", "https", "inspector", "net", "tls", "vm"];

/** The forbidden built-ins a piece of JavaScript imports or requires (with or without `node:`). */
function forbiddenImports(code: string): string[] {
  const found = new Set<string>();
  const spec = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["'](?:node:)?([a-z_0-9/]+)["']/g;
  for (const m of code.matchAll(spec)) {
    const name = m[1].split("/")[0];
    if (FORBIDDEN.includes(name)) found.add(name);
  }
  // esbuild's ESM output calls require() of a bundled CommonJS dependency through a renamed
  // shim (`__require("net")`, minified `m("net")`): any call with a module name as its argument.
  for (const m of code.matchAll(/[\w$]\(\s*["'](?:node:)?([a-z_0-9/]+)["']\s*\)/g)) {
    const name = m[1].split("/")[0];
    if (FORBIDDEN.includes(name)) found.add(name);
  }
  // eval called, not a method named eval (re2js's prefilter has `x.eval(...)` and `eval(s, t) {...}`).
  const evalCall = /(?<![.\w$])eval\s*\([^()]*\)(?!\s*\{)/;
  if (/\bnew\s+Function\s*\(/.test(code) || evalCall.test(code)) found.add("eval");
  return [...found].sort();
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".js") || f.endsWith(".mjs") || f.endsWith(".cjs"))
    .map((f) => join(dir, f));
}

test("the scanner sees every spelling of an import, and code compiled from strings", () => {
  expect(forbiddenImports(`import{spawn as s}from"node:child_process";`)).toEqual(["child_process"]);
  expect(forbiddenImports(`const h = require("https"); await import('node:net')`)).toEqual(["https", "net"]);
  expect(forbiddenImports(`import "node:dns/promises"; x = new Function("return 1")`)).toEqual(["dns", "eval"]);
  expect(forbiddenImports(`import{readFileSync}from"node:fs";const http = spec.http;`)).toEqual([]);
  expect(forbiddenImports(`var Fw=ve("net"),nh=__require("node:child_process");`)).toEqual(["child_process", "net"]);
  // Kubernetes data that names a module is not a call of one.
  expect(forbiddenImports(`if (scheme === "https") x = ["http", "tls"]; fields.set("tls", 1);`)).toEqual([]);
  expect(forbiddenImports(`if(a){b}eval("1+1")`)).toEqual(["eval"]);
  expect(forbiddenImports(`class P{eval(s,t){return this.sub.eval(s,t)}}`)).toEqual([]);
});

test.each([
  ["the CLI bundle (dist/bin)", () => jsFiles(join(ROOT, "dist", "bin"))],
  ["the Action bundle", () => [join(ROOT, "dist-action", "index.mjs")]],
])("%s opens no connection, starts no process and compiles no code", (_name, files) => {
  const list = files();
  expect(list.length).toBeGreaterThan(0);
  const offending = list
    .map((f) => ({ file: f, imports: forbiddenImports(readFileSync(f, "utf8")).filter((name) => !(f === BIN && (name === "vm" || name === "child_process"))) }))
    .filter((f) => f.imports.length);
  expect(offending).toEqual([]);
});

const BIN = join(ROOT, "dist", "bin", "k8s-lint.js");

test("the bin uses node:vm for one Script only: one of the two CLI bundle files beside it, read from disk", () => {
  const code = readFileSync(BIN, "utf8");
  // The minified import names the Script class; nothing else of node:vm is imported.
  const imported = /import\s*\{([^}]*)\}\s*from\s*"node:vm"/.exec(code);
  expect(imported).not.toBeNull();
  const names = imported![1].split(",").map((s) => s.trim().split(/\s+as\s+/));
  expect(names.map(([name]) => name)).toEqual(["Script"]);
  const script = names.find(([name]) => name === "Script")!;
  const local = script[1] ?? script[0];
  expect(code.split(`new ${local}(`).length - 1).toBe(1);
  expect(code).not.toMatch(/runInNewContext|compileFunction|SourceTextModule|\beval\b|new Function/);
  // What it compiles: one of the bundles named beside it.
  expect(code).toMatch(/new URL\(\w+\?"\.\/k8s-lint-commands\.cjs":"\.\/k8s-lint\.cjs",import\.meta\.url\)/);
});

test("the bin starts one process only, node itself on the bin's own file, and only from a lint's command line", () => {
  const code = readFileSync(BIN, "utf8");
  // One import of node:child_process, at run time, of spawn alone.
  const imports = [...code.matchAll(/import\(\s*"node:child_process"\s*\)/g)];
  expect(imports).toHaveLength(1);
  expect(code).not.toMatch(/from\s*"node:child_process"/);
  const spawn = /let\{spawn:(\w+)\}=await import\("node:child_process"\)/.exec(code);
  expect(spawn).not.toBeNull();
  // Its one call: node's own executable, node's arguments and the pool, the bin's file, the lint's arguments; no shell.
  const calls = [...code.matchAll(new RegExp(`[^\\w$.]${spawn![1]}\\(`, "g"))];
  expect(calls).toHaveLength(1);
  expect(code.slice(calls[0].index! + 1)).toMatch(new RegExp(`^${spawn![1]}\\(process\\.execPath,\\[\\.\\.\\.process\\.execArgv,\`--v8-pool-size=\\$\\{\\w+\\}\`,\\w+,\\.\\.\\.\\w+\\],\\{stdio:"inherit"\\}\\)`));
  expect(code).not.toMatch(/shell:|exec(File)?Sync|execFile\(|fork\(/);
});

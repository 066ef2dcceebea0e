/**
 * `--format html`: one self-contained page. The graph is data in a `<script type="application/json">`
 * element (with `<`, `>` and `&` written as \u escapes, so no text can close it); the page script
 * (page.ts) builds every element with createElement and textContent, never from markup, so names and
 * messages from the manifests stay text. The layout is @dagrejs/dagre's, inlined from the installed
 * package. A Content-Security-Policy admits only the page's own scripts and style (by their SHA-256)
 * and no connection at all: even a script that found its way in could neither run nor reach out.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PAGE_SCRIPT, PAGE_STYLE } from "./page.js";
import type { Graph } from "./types.js";

/** Beyond this many resources the page opens with namespaces and applications collapsed. */
export const HTML_COLLAPSE_ABOVE = 150;

export interface HtmlOptions {
  /** Draw clusters instead of resources beyond this many nodes (default HTML_COLLAPSE_ABOVE). */
  collapseAbove?: number;
  /** The page title's subject: the paths given. */
  title?: string;
}

let layoutLibrary: string | undefined;

/** dagre's browser build with its licence comment, read once from the installed package. */
function dagreSource(): string {
  if (layoutLibrary === undefined) {
    const require = createRequire(import.meta.url);
    const dist = join(dirname(require.resolve("@dagrejs/dagre/package.json")), "dist");
    const version = (JSON.parse(readFileSync(join(dirname(dist), "package.json"), "utf8")) as { version: string }).version;
    const legal = readFileSync(join(dist, "dagre.min.js.LEGAL.txt"), "utf8").replace(/\*\//g, "* /");
    const code = readFileSync(join(dist, "dagre.min.js"), "utf8").replace(/^\/\/# sourceMappingURL=.*$/m, "");
    layoutLibrary = `/* @dagrejs/dagre ${version}\n${legal}\n*/\n${code}`;
  }
  return layoutLibrary;
}

/** JSON that is safe inside a script element: no `<`, `>`, `&` (no `</script>`, no `<!--`), no line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Text for an HTML text node written by hand (the title): the five characters HTML reads escaped. */
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** Inline script text may not hold `</script` (it would end the element): the library is checked, not trusted. */
function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1");
}

export function renderHtml(graph: Graph, options: HtmlOptions = {}): string {
  const data = scriptJson({ graph, collapseAbove: options.collapseAbove ?? HTML_COLLAPSE_ABOVE, title: options.title ?? "" });
  const library = inlineScript(dagreSource());
  const script = inlineScript(PAGE_SCRIPT);
  const csp = `default-src 'none'; script-src ${sha256(library)} ${sha256(script)}; style-src ${sha256(PAGE_STYLE)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const title = `k8s-lint graph${options.title ? `: ${options.title}` : ""}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="k8s-lint">
<title>${htmlText(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header id="bar"><strong id="title"></strong><span id="summary"></span><span id="filters"></span></header>
<main id="main"><div id="canvas"><svg id="graph" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="resource graph"></svg></div><aside id="details"></aside></main>
<noscript>This page draws the graph with JavaScript; k8s-lint graph --format json gives the same data.</noscript>
<script type="application/json" id="graph-data">${data}</script>
<script>${library}</script>
<script>${script}</script>
</body>
</html>
`;
}

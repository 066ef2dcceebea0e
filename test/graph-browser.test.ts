/**
 * The graph pages in a real browser: Debian's headless Chromium, driven by puppeteer-core (no
 * browser download; .ci/run installs the package). Every resource and every broken link of the
 * demo and the realworld fixtures is drawn, a click shows a resource's findings at file:line, the
 * filters hide what they say, hostile names stay text, 2,000 resources open folded and fast, and
 * the Mermaid output is rendered by Mermaid itself (loaded from node_modules by file://) without
 * a parse error. The demo's screenshot is taken here on every run; it replaces
 * docs/images/graph-demo.png (shown by the README and docs/graph.md) with UPDATE_SCREENSHOTS=1, so
 * a test run leaves the tree as it was.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { run } from "../src/cli/run.js";
import { renderHtml } from "../src/graph/html.js";
import { renderMermaid } from "../src/graph/mermaid.js";
import type { Graph } from "../src/graph/types.js";
import { FIXTURES, ROOT } from "./harness.js";
import { graphOf, HOSTILE, hostileInput, largeInput } from "./graph-inputs.js";

/** The page's globals, inside page.evaluate (the project's type check has no DOM library). */
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const window: any; // eslint-disable-line @typescript-eslint/no-explicit-any
/** What the tests read of an element. */
interface El {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const MERMAID = join(ROOT, "node_modules/mermaid/dist/mermaid.min.js");
const DOCS_SCREENSHOT = join(ROOT, "docs/images/graph-demo.png");
const SCREENSHOT = process.env.UPDATE_SCREENSHOTS === "1" ? DOCS_SCREENSHOT : join(mkdtempSync(join(tmpdir(), "k8s-lint-graph-shot-")), "graph-demo.png");
const REALWORLD = readdirSync(join(FIXTURES, "realworld")).filter((d) => d.endsWith(".set")).map((d) => `fixtures/realworld/${d}`);
const SLOW = 120_000;

const out = mkdtempSync(join(tmpdir(), "k8s-lint-graph-browser-"));
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set CHROMIUM`);
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
}, SLOW);

afterAll(async () => {
  await browser?.close();
});

/** A page that records script errors, dialogs and every request that is not a local file. */
async function openPage(width = 1500, height = 760): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${(e as Error).message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("dialog", async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on("request", (r) => {
    if (!r.url().startsWith("file:")) problems.push(`request: ${r.url()}`);
  });
  await page.setViewport({ width, height });
  return { page, problems };
}

async function openGraph(graph: Graph, name: string, options: { collapseAbove?: number } = {}) {
  const file = join(out, `${name}.html`);
  writeFileSync(file, renderHtml(graph, { title: name, ...options }));
  const opened = await openPage();
  await opened.page.goto(pathToFileURL(file).href);
  await opened.page.waitForSelector("body[data-rendered]");
  return { ...opened, file };
}

/** Node ids drawn, edge ids drawn (a folded link holds several), broken edge ids drawn, broken links listed. */
async function drawn(page: Page) {
  return page.evaluate(() => ({
    nodes: Array.from(document.querySelectorAll("#graph [data-id]"), (e: El) => e.getAttribute("data-id")!),
    edges: Array.from(document.querySelectorAll("#graph .edge[data-edge]"), (e: El) => e.getAttribute("data-edge")!.split(" ")).flat(),
    broken: Array.from(document.querySelectorAll("#graph .edge.broken[data-edge]"), (e: El) => e.getAttribute("data-edge")!.split(" ")).flat(),
    listed: Object.fromEntries(Array.from(document.querySelectorAll("[data-broken-edge]"), (e: El) => [e.getAttribute("data-broken-edge")!, e.textContent!])),
  }));
}

function expectEverythingDrawn(graph: Graph, seen: Awaited<ReturnType<typeof drawn>>) {
  expect(seen.nodes.sort()).toEqual(graph.nodes.map((n) => n.id).sort());
  expect(seen.edges.sort()).toEqual(graph.edges.map((e) => e.id).sort());
  const broken = graph.edges.filter((e) => e.broken);
  expect(seen.broken.sort()).toEqual(broken.map((e) => e.id).sort());
  expect(Object.keys(seen.listed).sort()).toEqual(broken.map((e) => e.id).sort());
  for (const e of broken) for (const i of e.findings) expect(seen.listed[e.id]).toContain(graph.findings[i].message);
}

/** Whether each number of the drawing's viewBox is finite (and the width and height above 0). */
const viewBox = (page: Page) => page.$eval("#graph", (e) => (e.getAttribute("viewBox") ?? "").split(" ").map(Number).map((v: number, i: number) => Number.isFinite(v) && (i < 2 || v > 0)));

const panel = (page: Page) => page.$eval("#details", (e) => e.textContent ?? "");

async function clickNode(page: Page, id: string) {
  const handle = await page.evaluateHandle((want) => (Array.from(document.querySelectorAll("#graph [data-id]")) as El[]).find((e: El) => e.getAttribute("data-id") === want), id);
  await (handle as unknown as { click(): Promise<void> }).click();
}

describe("the HTML page in Chromium", () => {
  test("the demo: every resource and broken link is drawn, a click shows a resource's findings at file:line, filters hide, the screenshot is kept", async () => {
    const { graph } = await graphOf(["fixtures/demo"]);
    const { page, problems } = await openGraph(graph, "demo");
    expectEverythingDrawn(graph, await drawn(page));
    for (const n of graph.nodes) {
      await clickNode(page, n.id);
      const text = await panel(page);
      expect(text).toContain(n.name);
      if (n.file) expect(text).toContain(`defined at ${n.file}:${n.line}`);
      for (const f of graph.findings.filter((x) => x.node === n.id)) {
        expect(text).toContain(`${f.file}:${f.line}:${f.column}`);
        expect(text).toContain(f.message);
      }
    }
    // A link broken by a warning is drawn in the warning colour, one broken by an error in the error colour.
    const strokes = await page.evaluate(() => Object.fromEntries(Array.from(document.querySelectorAll("#graph .edge.broken[data-edge]"), (e: El) => [e.getAttribute("data-edge")!, window.getComputedStyle((e as unknown as { querySelector(s: string): unknown }).querySelector("path:not(.hit)")).stroke as string])));
    const colourOf = (e: Graph["edges"][number]) => (e.findings.some((i) => graph.findings[i].severity === "error") ? "rgb(207, 34, 46)" : "rgb(154, 103, 0)");
    expect(strokes).toEqual(Object.fromEntries(graph.edges.filter((e) => e.broken).map((e) => [e.id, colourOf(e)])));
    expect(new Set(Object.values(strokes)).size).toBe(2);
    // A click on a broken link shows the finding about it.
    const broken = graph.edges.find((e) => e.broken)!;
    await page.click(`#graph .edge[data-edge="${broken.id}"] path.hit`);
    expect(await panel(page)).toContain(graph.findings[broken.findings[0]].message);
    // The screenshot shows the Deployment's findings beside the graph.
    await clickNode(page, graph.nodes.find((n) => n.kind === "Deployment")!.id);
    await page.screenshot({ path: SCREENSHOT });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(20_000);
    expect(statSync(DOCS_SCREENSHOT).size).toBeGreaterThan(20_000);
    // Filters: a kind and a namespace unchecked are no longer drawn.
    await page.click("#filters details:nth-of-type(2) summary");
    await page.click('input[data-filter="kinds"][value="Service"]');
    expect((await drawn(page)).nodes.filter((id) => id.startsWith("Service/"))).toEqual([]);
    await page.click("#filters details:nth-of-type(1) summary");
    await page.click('input[data-filter="namespaces"][value=""]');
    expect((await drawn(page)).nodes.filter((id) => id.startsWith("PersistentVolume/"))).toEqual([]);
    await page.click("#broken-only");
    expect(problems).toEqual([]);
    await page.close();
  }, SLOW);

  test.each(REALWORLD.map((p) => [p]))("%s: every resource and broken link is drawn", async (path) => {
    const { graph } = await graphOf([path]);
    const { page, problems } = await openGraph(graph, path.split("/").pop()!);
    expectEverythingDrawn(graph, await drawn(page));
    expect(problems).toEqual([]);
    await page.close();
  }, SLOW);

  test("names and messages that hold markup stay text: no script of them runs, no element of them appears", async () => {
    const { graph } = await graphOf(["."], {}, hostileInput());
    const { page, problems } = await openGraph(graph, "hostile");
    expectEverythingDrawn(graph, await drawn(page));
    const hostile = graph.nodes.find((n) => n.name === HOSTILE && n.kind === "Deployment")!;
    await clickNode(page, hostile.id);
    expect(await page.$eval("#details h2", (e) => e.textContent)).toBe(HOSTILE);
    expect(await page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: number }).__pwned, img: document.querySelectorAll("img").length, scripts: document.scripts.length }))).toEqual({ pwned: undefined, img: 0, scripts: 3 });
    expect(problems).toEqual([]);
    await page.close();
  }, SLOW);

  test("an input with no resource (YAML that does not parse) and a filter that hides everything open without a script error; the finding on no resource is listed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-lint-graph-empty-"));
    writeFileSync(join(dir, "broken.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: a\nspec: [\n");
    const { graph } = await graphOf(["."], {}, dir);
    expect(graph.nodes).toEqual([]);
    expect(graph.findings).toHaveLength(1);
    const { page, problems } = await openGraph(graph, "empty");
    expect(await panel(page)).toContain(graph.findings[0].message);
    expect(await viewBox(page)).toEqual([true, true, true, true]);
    expect(problems).toEqual([]);
    await page.close();
    const demo = await openGraph((await graphOf(["fixtures/demo"])).graph, "demo-hidden");
    await demo.page.click("#filters details:nth-of-type(1) summary");
    for (const ns of ["default", ""]) await demo.page.click(`input[data-filter="namespaces"][value="${ns}"]`);
    expect((await drawn(demo.page)).nodes).toEqual([]);
    expect(await viewBox(demo.page)).toEqual([true, true, true, true]);
    expect(demo.problems).toEqual([]);
    await demo.page.close();
  }, SLOW);

  test("2,000 resources open folded by namespace and application, fast, and a group opens on a click", async () => {
    const { file, graph, cliMs } = await large();
    expect(graph.summary.resources).toBe(2000);
    const { page, problems } = await openPage();
    const opened = Date.now();
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector("body[data-rendered]");
    const pageMs = Date.now() - opened;
    const units = Number(await page.$eval("body", (b) => b.getAttribute("data-rendered")));
    expect(units).toBeLessThanOrEqual(150);
    expect(units).toBeGreaterThan(10);
    // Every broken link is listed, whatever is folded.
    const seen = await drawn(page);
    expect(Object.keys(seen.listed).sort()).toEqual(graph.edges.filter((e) => e.broken).map((e) => e.id).sort());
    const cluster = (await page.$("#graph [data-cluster]"))!;
    await cluster.click();
    await page.waitForFunction((before) => Number(document.body.getAttribute("data-rendered")) > before, {}, units);
    expect(problems).toEqual([]);
    process.stderr.write(`graph of 2,000 resources: html ${statSync(file).size} bytes, CLI ${cliMs} ms, page open and first render ${pageMs} ms (layout and drawing ${await page.$eval("body", (b) => b.getAttribute("data-render-ms"))} ms, ${units} nodes)\n`);
    expect(pageMs).toBeLessThan(30_000);
    await page.close();
  }, SLOW);
});

describe("the Mermaid output rendered by Mermaid in Chromium", () => {
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    const file = join(out, "mermaid.html");
    writeFileSync(file, `<!doctype html><html><head><meta charset="utf-8"></head><body><div id="out"></div><script src="${pathToFileURL(MERMAID).href}"></script></body></html>`);
    ({ page, problems } = await openPage());
    await page.goto(pathToFileURL(file).href);
    await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict" }));
  }, SLOW);
  afterAll(() => page?.close());

  let renders = 0;
  /** Mermaid's parse and render of `text`, its SVG put into the page. */
  async function mermaidRender(text: string) {
    const result = await page.evaluate(async (source: string, id: string) => {
      const host = document.getElementById("out");
      host.textContent = "";
      try {
        await window.mermaid.parse(source);
        const { svg } = await window.mermaid.render(id, source);
        host.innerHTML = svg;
        return {
          error: "",
          nodes: host.querySelectorAll("g.node").length as number,
          links: host.querySelectorAll("path.flowchart-link").length as number,
          text: (host.textContent ?? "") as string,
          pwned: window.__pwned as number | undefined,
          img: host.querySelectorAll("img, script").length as number,
        };
      } catch (e) {
        return { error: String((e as Error).message ?? e), nodes: 0, links: 0, text: "", pwned: undefined, img: 0 };
      }
    }, text, `graph${renders++}`);
    return { ...result, problems };
  }

  test.each([["fixtures/demo"], ...REALWORLD.map((p) => [p])])("%s: parses and draws every node and link", async (path) => {
    const { graph } = await graphOf([path]);
    const r = await mermaidRender(renderMermaid(graph));
    expect(r.error).toBe("");
    expect(r.nodes).toBe(graph.nodes.length);
    expect(r.links).toBe(graph.edges.length);
    for (const n of graph.nodes) expect(r.text).toContain(n.name);
    for (const e of graph.edges.filter((x) => x.broken)) expect(r.text).toContain(graph.findings[e.findings[0]].message.slice(0, 40));
    expect(r.problems).toEqual([]);
  }, SLOW);

  test("a hostile input parses, and its names come out as text", async () => {
    const { graph } = await graphOf(["."], {}, hostileInput());
    const r = await mermaidRender(renderMermaid(graph));
    expect(r.error).toBe("");
    expect(r.nodes).toBe(graph.nodes.length);
    expect(r.text).toContain("window.__pwned=1");
    expect({ pwned: r.pwned, img: r.img }).toEqual({ pwned: undefined, img: 0 });
  }, SLOW);

  test("2,000 resources fold into a chart Mermaid parses", async () => {
    const { graph } = await large();
    const text = renderMermaid(graph);
    expect(text.length).toBeLessThan(50_000);
    const r = await mermaidRender(text);
    expect(r.error).toBe("");
    // 500 applications are more than the threshold: one node per namespace, each counting its broken links.
    expect(r.nodes).toBe(25);
    expect(r.text).toContain(`namespace team-0 (80 resources)`);
    expect(r.text).toMatch(/✖ \d+ broken links inside/);
  }, SLOW);
});

let largeRun: Promise<{ file: string; graph: Graph; cliMs: number }> | undefined;
/** The page of 2,000 resources as the CLI writes it, and its graph (read back from the page), made once. */
function large() {
  largeRun ??= (async () => {
    const dir = largeInput(25, 20);
    const file = join(out, "large.html");
    const started = Date.now();
    const r = await runCli(["graph", ".", "-o", file], dir);
    const cliMs = Date.now() - started;
    expect(r).toEqual({ code: 0, err: "" });
    const data = /<script type="application\/json" id="graph-data">([\s\S]*?)<\/script>/.exec(readFileSync(file, "utf8"))![1];
    return { file, graph: (JSON.parse(data) as { graph: Graph }).graph, cliMs };
  })();
  return largeRun;
}

async function runCli(args: string[], cwd: string) {
  let err = "";
  const code = await run(args, { stdout: () => {}, stderr: (t) => (err += t), cwd, env: {}, isTTY: false });
  return { code, err };
}

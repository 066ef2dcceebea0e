/**
 * `k8s-lint graph`: the links are the ones the rules resolve, the broken ones are the lint's own
 * findings, and every renderer keeps text from the manifests as text. The page itself is
 * exercised in Chromium by test/graph-browser.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../src/cli/run.js";
import { renderDot } from "../src/graph/dot.js";
import { renderHtml, scriptJson } from "../src/graph/html.js";
import { renderJson } from "../src/graph/json.js";
import { renderMermaid } from "../src/graph/mermaid.js";
import { collapse } from "../src/graph/text.js";
import type { Graph, GraphEdge } from "../src/graph/types.js";
import { allRules } from "../src/rules/index.js";
import { FIXTURES, ROOT } from "./harness.js";
import { graphOf, HOSTILE, hostileInput } from "./graph-inputs.js";

async function cli(args: string[], cwd = ROOT) {
  let out = "";
  let err = "";
  const code = await run(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, env: {}, isTTY: false });
  return { code, out, err };
}

/** The colours of errors and warnings in every renderer (GitHub's). */
const ERROR_COLOUR = "#cf222e";
const WARNING_COLOUR = "#9a6700";

const CROSS_RESOURCE = new Set(allRules.filter((r) => r.meta.crossResource).map((r) => r.meta.id));
/** Whether a rule's finding on a link breaks it: not when it says how a working link behaves (readiness, RBAC grants, availability), unless it is a reference that does not resolve. */
const BEHAVIOUR = new Set(["meta", "resources", "probes", "rbac", "availability", "hygiene"]);
const breaksLinks = (ruleId: string) => {
  const category = allRules.find((r) => r.meta.id === ruleId)!.meta.category;
  return !BEHAVIOUR.has(category) || (ruleId.startsWith("rolebinding-") && ruleId.endsWith("-missing"));
};
const REALWORLD = readdirSync(join(FIXTURES, "realworld")).filter((d) => d.endsWith(".set")).map((d) => `fixtures/realworld/${d}`);

/** The graph's edge between two nodes named `Kind/name` (any namespace), or undefined. */
function edge(graph: Graph, from: string, relation: string, to: string) {
  const named = (id: string, want: string) => {
    const n = graph.nodes.find((x) => x.id === id)!;
    return `${n.kind}/${n.name}` === want;
  };
  return graph.edges.find((e) => e.relation === relation && named(e.from, from) && named(e.to, to));
}

describe("the graph agrees with the lint", () => {
  test.each([["fixtures/demo"], ...REALWORLD.map((p) => [p])])("%s: every resource is a node at its line, every finding is in the graph, broken links are exactly the links with an error or warning that is not about behaviour", async (path) => {
    const { result, graph } = await graphOf([path]);
    const defined = graph.nodes.filter((n) => !n.external && !n.context);
    expect(defined).toHaveLength(result.summary.resources);
    for (const n of defined) expect(readFileSync(join(ROOT, n.file!), "utf8").split("\n")[n.line! - 1]).toMatch(/^(apiVersion|kind|metadata|#|---|\s*-)/);
    const diagnostics = result.files.flatMap((f) => f.diagnostics.map((d) => ({ file: f.path, ...d })));
    expect(graph.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`).sort()).toEqual(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`).sort());
    for (const e of graph.edges) expect(e.broken).toBe(e.findings.some((i) => graph.findings[i].severity !== "info" && breaksLinks(graph.findings[i].ruleId)));
    // A finding is placed on a link only when its rule reads other resources.
    for (const f of graph.findings) if (f.edge !== undefined) expect(CROSS_RESOURCE.has(f.ruleId)).toBe(true);
    // Every finding of a cross-resource rule that names another resource is on a link.
    for (const f of graph.findings) if (CROSS_RESOURCE.has(f.ruleId) && f.related?.node && f.related.node !== f.node) expect(f.edge).toBeDefined();
    expect(graph.summary.brokenEdges).toBe(graph.edges.filter((e) => e.broken).length);
  });

  test("the demo: each broken link carries the finding about it, the sound ones none", async () => {
    const { graph } = await graphOf(["fixtures/demo"]);
    const messages = (e: ReturnType<typeof edge>) => e!.findings.map((i) => `${graph.findings[i].ruleId}: ${graph.findings[i].message}`);
    expect(messages(edge(graph, "Ingress/shop-web", "routes-to", "Service/shop-web"))).toEqual(['ingress-backend-port: Service "shop-web" has no port 8080; it exposes 80 (http)']);
    expect(edge(graph, "Ingress/shop-web", "routes-to", "Service/shop-web")!.label).toBe("port 8080");
    expect(messages(edge(graph, "Service/shop-web", "selects", "Deployment/shop-web"))).toEqual([expect.stringMatching(/^service-selector-no-match: selector "app=shpo-web" matches no pods/)]);
    expect(messages(edge(graph, "Deployment/shop-web", "uses", "ConfigMap/shop-web-config"))).toEqual(['configmap-key-missing: key "FEATURE_FLAGS" is not in ConfigMap "shop-web-config"']);
    expect(messages(edge(graph, "PersistentVolumeClaim/shop-uploads", "binds-to", "PersistentVolume/shop-uploads"))).toEqual([expect.stringMatching(/^pvc-no-matching-pv: /)]);
    expect(messages(edge(graph, "StatefulSet/shop-db", "governed-by", "Service/shop-db"))).toEqual([expect.stringMatching(/^statefulset-service-not-headless: /)]);
    for (const [from, relation, to] of [["Service/shop-db", "selects", "StatefulSet/shop-db"], ["StatefulSet/shop-db", "uses", "Secret/shop-db"]]) {
      expect(edge(graph, from, relation, to)).toMatchObject({ broken: false, findings: [] });
    }
    // Findings about one resource alone stay on its node.
    const web = graph.nodes.find((n) => n.kind === "Deployment")!;
    expect(web).toMatchObject({ qosClass: "Burstable", app: "shop-web", findings: { error: 3, warning: 1 } });
    expect(graph.findings.filter((f) => f.node === web.id && f.edge === undefined).map((f) => f.ruleId).sort()).toEqual(expect.arrayContaining(["image-latest-tag", "invalid-quantity", "probe-port-undeclared"]));
  });

  test("a link broken by a warning is drawn in the warning colour, one broken by an error in the error colour, in every format with colours", async () => {
    const { graph } = await graphOf(["fixtures/demo"]);
    const colourOf = (edges: readonly GraphEdge[]) => (edges.some((e) => e.findings.some((i) => graph.findings[i].severity === "error")) ? ERROR_COLOUR : WARNING_COLOUR);
    const broken = graph.edges.filter((e) => e.broken);
    expect(new Set(broken.map((e) => colourOf([e])))).toEqual(new Set([ERROR_COLOUR, WARNING_COLOUR]));
    const linkStyles = (chart: string) => {
      const styled: Record<number, string> = {};
      for (const m of chart.matchAll(/^ {2}linkStyle ([\d,]+) stroke:(#[0-9a-f]{6}),.*color:(#[0-9a-f]{6})$/gm)) {
        expect(m[3]).toBe(m[2]);
        for (const i of m[1].split(",")) styled[Number(i)] = m[2];
      }
      return styled;
    };
    expect(linkStyles(renderMermaid(graph))).toEqual(Object.fromEntries(graph.edges.flatMap((e, i) => (e.broken ? [[i, colourOf([e])]] : []))));
    // Folded, a link is in the error colour when one of the links it sums is broken by an error.
    const { unitOf, edges: folded } = collapse(graph, 8);
    const members = (u: (typeof folded)[number]) => graph.edges.filter((e) => e.broken && unitOf.get(e.from) === u.from && unitOf.get(e.to) === u.to);
    expect(linkStyles(renderMermaid(graph, { collapseAbove: 8 }))).toEqual(Object.fromEntries(folded.flatMap((u, i) => (u.broken ? [[i, colourOf(members(u))]] : []))));
    const dotLinks = renderDot(graph).split("\n").filter((l) => l.includes(" -> "));
    expect(dotLinks.map((l) => /, color="(#[0-9a-f]{6})", fontcolor="\1"/.exec(l)?.[1])).toEqual(graph.edges.map((e) => (e.broken ? colourOf([e]) : undefined)));
  });

  test("a reference to an object the input does not define ends at a node of its own, broken when the lint reports it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-lint-graph-missing-"));
    writeFileSync(
      join(dir, "app.yaml"),
      `apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {a: b}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          envFrom: [{configMapRef: {name: settngs}}, {secretRef: {name: tls}}]
`,
    );
    const { graph } = await graphOf(["."], {}, dir);
    const missing = graph.nodes.filter((n) => n.external === "missing").map((n) => `${n.kind}/${n.name}`).sort();
    expect(missing).toEqual(["ConfigMap/settngs", "Secret/tls"]);
    const toConfigMap = graph.edges.find((e) => e.to === "missing:ConfigMap/default/settngs")!;
    expect(toConfigMap.broken).toBe(true);
    expect(graph.findings[toConfigMap.findings[0]]).toMatchObject({ ruleId: "configmap-ref-missing", related: { node: "ConfigMap/default/settings" } });
    // No Secret is managed in the namespace, so the lint does not report "tls": a plain link to an object defined elsewhere.
    expect(graph.edges.find((e) => e.to === "missing:Secret/default/tls")).toMatchObject({ broken: false, findings: [] });
  });

  test("a finding about the traffic a Service sends is on its selects link, not on the StatefulSet's governed-by link to the same Service", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-lint-graph-readiness-"));
    writeFileSync(
      join(dir, "db.yaml"),
      `apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{port: 5432}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
          ports: [{containerPort: 5432}]
`,
    );
    const { graph } = await graphOf(["."], {}, dir);
    const readiness = graph.findings.findIndex((f) => f.ruleId === "missing-readiness-probe");
    expect(readiness).toBeGreaterThanOrEqual(0);
    expect(edge(graph, "Service/db", "selects", "StatefulSet/db")!.findings).toEqual([readiness]);
    // The Service does reach the pods: the warning is listed on the link, which is not broken.
    expect(edge(graph, "Service/db", "selects", "StatefulSet/db")!.broken).toBe(false);
    expect(edge(graph, "StatefulSet/db", "governed-by", "Service/db")).toMatchObject({ broken: false, findings: [] });
  });
});

test("the Services the API server calls are links from the webhook configuration, APIService or CRD, broken where webhook-service-missing reports them", async () => {
  const folder = "fixtures/rules/webhook-service-missing";
  const { graph } = await graphOf([`${folder}/apiservice.yaml`, `${folder}/ports.yaml`, `${folder}/crd-conversion.yaml`]);
  const calls = (from: string) =>
    graph.edges
      .filter((e) => e.relation === "calls" && e.from === from)
      .map((e) => `${e.to} ${e.label} ${e.paths.join(",")} ${e.broken ? "broken" : "sound"}${e.findings.map((i) => ` ${graph.findings[i].ruleId}`).join("")}`);
  expect(calls("APIService.apiregistration.k8s.io//v1beta1.metrics.k8s.io")).toEqual(["missing:Service/metrics/metrics-servr port 443 spec.service broken webhook-service-missing"]);
  expect(calls("APIService.apiregistration.k8s.io//v1beta1.custom.metrics.k8s.io")).toEqual(["Service/metrics/metrics-server port 6443 spec.service broken webhook-service-missing"]);
  expect(calls("APIService.apiregistration.k8s.io//v1beta1.external.metrics.k8s.io")).toEqual(["Service/metrics/metrics-server port 443 spec.service sound"]);
  expect(calls("APIService.apiregistration.k8s.io//v1.apps")).toEqual([]);
  expect(calls("MutatingWebhookConfiguration.admissionregistration.k8s.io//policy")).toEqual([
    "Service/policy-system/webhook port 9443 webhooks[0].clientConfig.service broken webhook-service-missing",
    "Service/policy-system/webhook-8443 port 443 webhooks[1].clientConfig.service broken webhook-service-missing",
    "Service/policy-system/webhook port 8080 webhooks[2].clientConfig.service broken webhook-service-missing",
    "Service/policy-system/webhook-8443 port 8443 webhooks[3].clientConfig.service sound",
    "Service/policy-system/external-webhook port 9443 webhooks[4].clientConfig.service sound",
  ]);
  expect(calls("CustomResourceDefinition.apiextensions.k8s.io//widgets.example.com")).toEqual(["missing:Service/widgets/widgets-conversion port 443 spec.conversion.webhook.clientConfig.service broken webhook-service-missing"]);
  expect(calls("CustomResourceDefinition.apiextensions.k8s.io//gadgets.example.com")).toEqual(["Service/widgets/widget-webhook port 443 spec.conversion.webhook.clientConfig.service sound"]);
  expect(calls("CustomResourceDefinition.apiextensions.k8s.io//gizmos.example.com")).toEqual([]);
});

describe("renderers keep text from the manifests as text", () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = (await graphOf(["."], {}, hostileInput())).graph;
    expect(graph.nodes.some((n) => n.name === HOSTILE)).toBe(true);
    expect(graph.findings.some((f) => f.message.includes(HOSTILE))).toBe(true);
  });

  test("mermaid: every node and link is one line of the expected shape, no markup or directive from the input", () => {
    const text = renderMermaid(graph);
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("flowchart LR");
    for (const line of lines.slice(1)) {
      expect(line).toMatch(/^ {2}(subgraph ns\d+\["[^"]*"\]|end|classDef \w+ [^"]+|class [\w,]+ \w+|linkStyle [\d,]+ [^"]+| {2}n\d+\["[^"]*"\]|n\d+ (-->|-\.->)\|"[^"]*"\| n\d+)$/);
    }
    // "click n0 call alert(1)" stays words inside a quoted label: no line starts with it (above).
    expect(text.replace(/<br\/>|-\.?->/g, "")).not.toMatch(/[<>]|%%/);
  });

  test("dot: every string is closed where the renderer closes it", () => {
    const lines = renderDot(graph).trimEnd().split("\n");
    const string = String.raw`"(?:[^"\\]|\\.)*"`;
    for (const line of lines) {
      expect(line).toMatch(new RegExp(String.raw`^(digraph k8s \{|\}|  \}|  rankdir=LR;|  (graph|node|edge) \[.*\];|  subgraph cluster_\d+ \{|    label=${string};|    style="rounded"; color="#d0d7de";|    ${string} \[label=${string}(, \w+=${string})*\];|  ${string} -> ${string} \[label=${string}(, \w+=("[^"]*"|\w+))*\];)$`));
    }
  });

  test("html: the data cannot close its script element, and only the page's own scripts may run", () => {
    const html = renderHtml(graph);
    expect(html.match(/<script\b/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    const data = /<script type="application\/json" id="graph-data">([\s\S]*?)<\/script>/.exec(html)![1];
    expect(data).not.toMatch(/[<>&]/);
    expect(JSON.parse(data).graph).toEqual(JSON.parse(JSON.stringify(graph)));
    expect(html).not.toMatch(/<script>window|<img/);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+'; style-src 'sha256-[^']+';/);
    expect(scriptJson({ s: "</script><!--\u2028" })).toBe('{"s":"\\u003c/script\\u003e\\u003c!--\\u2028"}');
  });

  test("json: the graph as data, every value as written", () => {
    expect(JSON.parse(renderJson(graph))).toEqual(JSON.parse(JSON.stringify(graph)));
  });
});

describe("k8s-lint graph", () => {
  test("writes a file in the format its extension names, through the report writer (never over an input)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-lint-graph-cli-"));
    for (const [name, start] of [["g.html", "<!doctype html>"], ["g.mmd", "flowchart LR"], ["g.dot", "digraph k8s {"], ["g.json", "{"]] as const) {
      const r = await cli(["graph", "fixtures/demo", "-o", join(dir, name)]);
      expect(r).toEqual({ code: 0, out: "", err: "" });
      expect(readFileSync(join(dir, name), "utf8").startsWith(start)).toBe(true);
    }
    const before = readFileSync(join(ROOT, "fixtures/demo/web.yaml"), "utf8");
    const refused = await cli(["graph", "fixtures/demo", "-o", "fixtures/demo/web.yaml"]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("it is one of the files the run reads");
    expect(readFileSync(join(ROOT, "fixtures/demo/web.yaml"), "utf8")).toBe(before);
  });

  test("draws what the lint reports with the config's custom rules and plugins (fixtures/custom-rules)", async () => {
    const cwd = join(FIXTURES, "custom-rules");
    // The graph first: the lint registers the config's rules in this process.
    const graph = JSON.parse((await cli(["graph", ".", "-c", ".k8s-lint.yaml", "-f", "json"], cwd)).out) as Graph;
    const lintRun = JSON.parse((await cli([".", "-c", ".k8s-lint.yaml", "-f", "json"], cwd)).out) as { summary: { errors: number; warnings: number; infos: number } };
    expect(graph.findings.some((f) => f.ruleId === "team-label-required")).toBe(true);
    expect({ errors: graph.summary.errors, warnings: graph.summary.warnings, infos: graph.summary.infos }).toEqual({ errors: lintRun.summary.errors, warnings: lintRun.summary.warnings, infos: lintRun.summary.infos });
  });

  test("prints to stdout; a wrong format or threshold is a usage error", async () => {
    const r = await cli(["graph", "fixtures/demo", "-f", "mermaid"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(renderMermaid((await graphOf(["fixtures/demo"])).graph));
    expect(await cli(["graph", "fixtures/demo", "-f", "svg"])).toEqual({ code: 2, out: "", err: 'k8s-lint: unknown graph format "svg"; one of: html, mermaid, dot, json\n' });
    expect((await cli(["graph", "fixtures/demo", "--collapse-above", "0"])).code).toBe(2);
    expect((await cli(["graph", "--help"])).out).toContain("Usage: k8s-lint graph");
  });

  test("beyond --collapse-above, mermaid draws one node per application of a namespace and sums the links", async () => {
    const r = await cli(["graph", "fixtures/demo", "-f", "mermaid", "--collapse-above", "8"]);
    expect(r.out).toContain('c1["app shop-db (2 resources)<br/>1 error, 1 warning, 2 info<br/>#10006; 1 broken link inside"]');
    expect(r.out).toMatch(/#10006; \d+ of \d+ broken/);
    // With more applications than the threshold, one node per namespace.
    const folded = await cli(["graph", "fixtures/demo", "-f", "mermaid", "--collapse-above", "3"]);
    expect(folded.out).toContain('c0["namespace default (8 resources)<br/>5 errors, 4 warnings, 3 info<br/>#10006; 4 broken links inside"]');
  });
});

test("docs/graph.md documents every field of the JSON output", async () => {
  const doc = readFileSync(join(ROOT, "docs/graph.md"), "utf8");
  const { graph } = await graphOf(["fixtures/demo", "fixtures/realworld/checkout-gateway-api.set"]);
  const fields = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) fields.add(k), walk(x);
  };
  walk(graph);
  const relations = new Set(graph.edges.map((e) => e.relation));
  expect([...fields].filter((f) => !doc.includes(`\`${f}\``))).toEqual([]);
  expect([...relations].filter((r) => !doc.includes(`\`${r}\``))).toEqual([]);
});

test("docs/graph.md's JSON example is the demo's graph: its node, link, finding and summary are what `k8s-lint graph fixtures/demo -f json` prints", async () => {
  const doc = readFileSync(join(ROOT, "docs/graph.md"), "utf8");
  const block = /```jsonc\n([\s\S]*?)```/.exec(doc)![1];
  // Comments out; the finding's message and hint and the related message are elided as "...".
  const example = JSON.parse(block.replace(/\s*\/\/.*$/gm, "")) as Graph;
  const { out } = await cli(["graph", "fixtures/demo", "-f", "json"]);
  const graph = JSON.parse(out) as Graph;
  expect(graph.kubernetesVersion).toBe(example.kubernetesVersion);
  expect(graph.summary).toEqual(example.summary);
  // The node shows every field a node may have; the demo's node has all but `external` and `context`.
  const { external, context, ...node } = example.nodes[0];
  expect([external, context]).toEqual(["missing", true]);
  expect(graph.nodes.find((n) => n.id === node.id)).toEqual(node);
  expect(graph.edges.find((e) => e.id === example.edges[0].id)).toEqual(example.edges[0]);
  const [finding] = example.findings;
  const at = example.edges[0].findings[0];
  const elided = (f: (typeof graph.findings)[number]) => ({ ...f, message: "...", hint: "...", path: f.path.startsWith(finding.path.replace(/\.\.\.$/, "")) ? finding.path : f.path, related: f.related && { ...f.related, message: "..." } });
  expect(elided(graph.findings[at])).toEqual(finding);
});

test("a node's QoS class is the one its pods get at the judged release: pod-level resources count from 1.34", async () => {
  const fixture = "fixtures/rules/qos-besteffort/pod-level-by-release.yaml";
  const classAt = async (kubernetesVersion: string) => (await graphOf([fixture], { config: {}, kubernetesVersion })).graph.nodes.find((n) => n.kind === "Deployment")?.qosClass;
  expect(await classAt("1.34")).toBe("Burstable");
  expect(await classAt("1.33")).toBe("BestEffort");
});

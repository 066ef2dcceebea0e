/** Inputs of the graph tests: the graph of a path as the CLI builds it, a hostile input, and a 2,000-resource input. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IndexedRun } from "../src/engine/collect.js";
import { lint, type LintOptions } from "../src/engine/lint.js";
import { buildGraph } from "../src/graph/build.js";
import type { Graph } from "../src/graph/types.js";
import type { LintResult } from "../src/types.js";
import { ROOT } from "./harness.js";

/** The lint result and the graph of paths (relative to the repository root), as `k8s-lint graph` builds them. */
export async function graphOf(paths: string[], options: LintOptions = {}, cwd = ROOT): Promise<{ result: LintResult; graph: Graph }> {
  let run: IndexedRun | undefined;
  const result = await lint(paths, { cwd, ...options, onIndexed: (r) => (run = r) });
  return { result, graph: buildGraph(result, run!) };
}

/** Markup, a script, a Mermaid directive, a DOT string end and control characters, in one value. */
export const HOSTILE = `x</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">"];click n0 call alert(1);%%{init:{}}%%\\"->\n\u202e`;

/** A Deployment, Service, Ingress and ConfigMap whose names, labels and references carry HOSTILE (into messages too). */
export function hostileInput(): string {
  const dir = mkdtempSync(join(tmpdir(), "k8s-lint-graph-hostile-"));
  const write = (name: string, value: object) => writeFileSync(join(dir, name), JSON.stringify(value));
  write("app.json", {
    apiVersion: "v1",
    kind: "List",
    items: [
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: HOSTILE, namespace: HOSTILE, labels: { app: HOSTILE } },
        spec: {
          selector: { matchLabels: { app: "web" } },
          template: {
            metadata: { labels: { app: "web" } },
            spec: { containers: [{ name: "web", image: "nginx:1.27", env: [{ name: "A", valueFrom: { configMapKeyRef: { name: "settings", key: HOSTILE } } }] }] },
          },
        },
      },
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings", namespace: HOSTILE }, data: { mode: "fast" } },
      { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: HOSTILE }, spec: { selector: { app: `${HOSTILE}2` }, ports: [{ port: 80 }] } },
      {
        apiVersion: "networking.k8s.io/v1",
        kind: "Ingress",
        metadata: { name: "web", namespace: HOSTILE },
        spec: { rules: [{ http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: HOSTILE, port: { number: 80 } } } }] } }] },
      },
      { apiVersion: "v1", kind: "Service", metadata: { name: HOSTILE.slice(0, 40), namespace: HOSTILE }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } },
    ],
  });
  return dir;
}

/**
 * A cluster's worth of manifests: `namespaces` namespaces of `apps` applications, each a
 * Deployment, its Service, an Ingress to it and a ConfigMap it uses (4 resources); every fifth
 * application's Service selects a misspelt label and every seventh Ingress names a missing port.
 */
export function largeInput(namespaces: number, apps: number): string {
  const dir = mkdtempSync(join(tmpdir(), "k8s-lint-graph-large-"));
  for (let n = 0; n < namespaces; n++) {
    const ns = `team-${n}`;
    mkdirSync(join(dir, ns));
    for (let a = 0; a < apps; a++) {
      const app = `svc-${n}-${a}`;
      const typo = a % 5 === 0 ? `${app}x` : app;
      const port = a % 7 === 0 ? 8080 : 80;
      writeFileSync(
        join(dir, ns, `${app}.yaml`),
        `apiVersion: v1
kind: ConfigMap
metadata: {name: ${app}, namespace: ${ns}, labels: {app: ${app}}}
data: {MODE: fast}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${app}, namespace: ${ns}, labels: {app: ${app}}}
spec:
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec:
      containers:
        - name: main
          image: nginx:1.27
          envFrom: [{configMapRef: {name: ${app}}}]
          resources: {requests: {cpu: 10m, memory: 32Mi}, limits: {memory: 32Mi}}
---
apiVersion: v1
kind: Service
metadata: {name: ${app}, namespace: ${ns}, labels: {app: ${app}}}
spec:
  selector: {app: ${typo}}
  ports: [{name: http, port: 80, targetPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${app}, namespace: ${ns}, labels: {app: ${app}}}
spec:
  rules:
    - host: ${app}.example.com
      http:
        paths: [{path: /, pathType: Prefix, backend: {service: {name: ${app}, port: {number: ${port}}}}}]
`,
      );
    }
  }
  return dir;
}

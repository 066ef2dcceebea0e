/**
 * What a rule says, pinned per cause: the fixture harness checks where findings are; this checks
 * that the message and hint fit the case at hand (one cause, one fix), on the same fixtures.
 * Each row finds its line by a unique text of the fixture, so a moved line cannot silently pass.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lint } from "../src/engine/lint.js";
import type { Diagnostic } from "../src/types.js";
import { ROOT, readMarkers } from "./harness.js";

interface Says {
  /** Fixture path relative to fixtures/rules/. */
  file: string;
  /** A text that occurs on exactly one line of the fixture: the finding's line. */
  at: string;
  rule: string;
  /** What "message · hint" must contain, or match. */
  says: Array<string | RegExp>;
  /** What it must not say. */
  never?: Array<string | RegExp>;
  severity?: Diagnostic["severity"];
}

const REMOVE = /\bremove "/;

const ROWS: Says[] = [
  // Kubernetes applies its own logic first
  { file: "invalid-quantity/nano-micro.yaml", at: "cpu: 250000U", rule: "invalid-quantity", says: ["n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei"] },
  { file: "secret-key-missing/service-account-token.yaml", at: "key: password", rule: "secret-key-missing", says: ['use one of its keys: "ca.crt", "namespace", "token"'] },
  { file: "pvc-no-matching-pv/access-mode-order.yaml", at: "name: wide", rule: "pvc-no-matching-pv", says: ['add a PersistentVolume for this claim: PersistentVolume "pv-rwo-rox" belongs to another claim'], never: ["claim's claimRef"] },
  { file: "pvc-no-matching-pv/taken.yaml", at: "name: second", rule: "pvc-no-matching-pv", says: ["add a PersistentVolume for this claim"], never: ["claim's claimRef"] },
  { file: "pvc-no-matching-pv/no-fit.yaml", at: "storage: 20Gi", rule: "pvc-no-matching-pv", says: ["lower the claim's storage request"] },
  { file: "prometheus-annotations/undeclared-port.yaml", at: 'prometheus.io/port: "9090" # expect', rule: "prometheus-annotations", severity: "info", says: ["Prometheus scrapes it anyway", "declare containerPort 9090"] },
  { file: "prometheus-annotations/undeclared-port.yaml", at: 'prometheus.io/port: "9091"', rule: "prometheus-annotations", severity: "info", says: ["(8080); Prometheus scrapes it anyway"] },
  { file: "prometheus-annotations/annotations.yaml", at: 'prometheus.io/scrape: "True"', rule: "prometheus-annotations", severity: "warning", says: ['set prometheus.io/scrape: "true"'] },
  // Older API shapes
  { file: "ingress-backend-missing/v1beta1.yaml", at: "serviceName: shop-typo", rule: "ingress-backend-missing", says: ['Service "shop-typo" is not defined in namespace "default"'] },
  { file: "ingress-backend-port/v1beta1.yaml", at: "servicePort: 8080", rule: "ingress-backend-port", says: ["use the Service port 80: 8080 is its targetPort"] },
  { file: "ingress-backend-port/v1beta1.yaml", at: "servicePort: htpp", rule: "ingress-backend-port", says: ['has no port named "htpp"'] },
  // Hints per cause
  {
    file: "unknown-field/old-version-shapes.yaml",
    at: "serviceName: shop # expect",
    rule: "unknown-field",
    says: ["write service.name and service.port.number", "service: {name: shop, port: {number: 80}}"],
    never: [REMOVE],
  },
  { file: "unknown-field/old-version-shapes.yaml", at: "servicePort: http", rule: "unknown-field", says: ["service.port.name", "port: {name: http}"], never: [REMOVE] },
  { file: "unknown-field/old-version-shapes.yaml", at: "backend:  # expect", rule: "unknown-field", says: ['rename "backend" to "defaultBackend"'], never: [REMOVE] },
  { file: "unknown-field/old-version-shapes.yaml", at: "app: web # expect", rule: "unknown-field", says: ["nest the labels under matchLabels: matchLabels: {app: web, tier: front}"], never: [REMOVE] },
  { file: "unknown-field/old-version-shapes.yaml", at: "targetCPUUtilizationPercentage: 70", rule: "unknown-field", says: ["averageUtilization: 70"], never: [REMOVE] },
  { file: "unknown-field/old-version-shapes.yaml", at: "targetAverageValue: 500Mi", rule: "unknown-field", says: ["write target: {type: AverageValue, averageValue: 500Mi}"], never: [REMOVE] },
  { file: "unknown-field/old-version-shapes-near-miss.yaml", at: "tier: {nested: map}", rule: "unknown-field", says: ['remove "tier"'] },
  {
    file: "service-target-port-undeclared/undeclared.yaml",
    at: "targetPort: dns",
    rule: "service-target-port-undeclared",
    says: ['declare a UDP container port under its own name (such as "dns-udp" for containerPort 5353)', "or use the port number 5353", "duplicate name"],
    never: ['add a container port named "dns"'],
  },
  { file: "service-target-port-undeclared/undeclared.yaml", at: "targetPort: metrics", rule: "service-target-port-undeclared", says: ['add a container port named "metrics"'] },
  { file: "service-target-port-undeclared/protocol.yaml", at: "name: dns-udp, protocol: UDP, port: 53", rule: "service-target-port-undeclared", says: ['use targetPort "dns-udp": that is the UDP port 53'] },
  { file: "service-target-port-undeclared/protocol.yaml", at: "name: diameter", rule: "service-target-port-undeclared", says: ["declare an SCTP container port under its own name and use that name, or use the port number 3868"] },
  { file: "duplicate-env-var/causes.yaml", at: "-Dfile.encoding=UTF-8", rule: "duplicate-env-var", says: ['fold both into one entry, value: "-Xmx256m -Dfile.encoding=UTF-8"', "server-side apply rejects duplicate names"], never: ["later value wins"] },
  { file: "duplicate-env-var/causes.yaml", at: "-Duser.timezone=UTC", rule: "duplicate-env-var", says: ['value: "-Xmx256m -Dfile.encoding=UTF-8 -Duser.timezone=UTC"'] },
  { file: "duplicate-env-var/causes.yaml", at: "{name: APP_ENV, value: staging} # expect", rule: "duplicate-env-var", says: ["with the same value", "remove this entry"] },
  { file: "duplicate-env-var/causes.yaml", at: "{name: MODE, value: safe}", rule: "duplicate-env-var", says: ["this later value wins", 'keep one entry for "MODE"'] },
  { file: "duplicate-env-var/causes.yaml", at: "$$(ESCAPED) b", rule: "duplicate-env-var", says: ["this later value wins"] },
  { file: "duplicate-env-var/causes.yaml", at: "$(POD)-worker", rule: "duplicate-env-var", says: ['rename the entry at env[10] (for example "POD_BASE")'] },
  // Who selects which pods
  { file: "workload-selector-overlap/overlap.yaml", at: "matchLabels: { app: portal, env: prod } }", rule: "workload-selector-overlap", says: ['also selects the pods of Deployment "portal" (both select the same pods)', "add a label that tells them apart"] },
  { file: "workload-selector-overlap/overlap.yaml", at: "matchLabels: { app: api } }", rule: "workload-selector-overlap", says: ['also selects the pods of Job "api-migrate"'], never: ["both select"] },
  { file: "workload-selector-overlap/live-objects.yaml", at: "matchLabels: { app: worker } }", rule: "workload-selector-overlap", says: ['also selects the pods of Pod "worker-debug"'], never: ["both select"] },
  { file: "hpa-missing-requests/other-workload-pods.yaml", at: "name: cpu # expect", rule: "hpa-missing-requests", says: ['averaged over every pod the selector of Deployment "portal" matches', 'container "cache" of StatefulSet "portal-cache" has none', "selectors that tell their pods apart"] },
  { file: "service-selector-no-match/other-namespace.yaml", at: "selector: # expect", rule: "service-selector-no-match", says: ['matches no pods in namespace "frontend"; the pods it matches run in namespace "shop"', 'move the Service to namespace "shop"'] },
  { file: "pdb-selector-no-match/other-namespace.yaml", at: "selector: # expect", rule: "pdb-selector-no-match", says: ['run in namespace "data"', 'move the PodDisruptionBudget to namespace "data"'] },
  { file: "networkpolicy-selector-no-match/other-namespace.yaml", at: "podSelector: # expect", rule: "networkpolicy-selector-no-match", says: ['run in namespace "api"', 'move the NetworkPolicy to namespace "api"'] },
  // A volume only declared is not a writable mount; init, sidecar and ephemeral containers mount
  { file: "unrendered-template/repo-with-chart.set/charts/shop/templates/deployment.yaml", at: "name: {{ include", rule: "unrendered-template", severity: "warning", says: ["Helm chart in", "not linted", "--ignore-pattern"] },
  { file: "unrendered-template/repo-with-chart.set/k8s/other.yaml", at: "{{ .Release.Name }}", rule: "unrendered-template", severity: "error", says: ["is not rendered"], never: ["--ignore-pattern"] },
  { file: "hostpath-volume/unmounted.yaml", at: "name: usr-bin", rule: "hostpath-volume", severity: "info", says: ['"/usr/bin" but no container mounts it', "remove the volume"], never: ["writable"] },
  { file: "hostpath-volume/unmounted.yaml", at: "{ name: node-logs", rule: "hostpath-volume", severity: "warning", says: ['"/var/log" writable'] },
  { file: "hostpath-volume/unmounted.yaml", at: "{ name: node-run", rule: "hostpath-volume", severity: "warning", says: ['"/run" writable'] },
  // One cause, one finding
  { file: "missing-resource-requests/one-cause.yaml", at: "- name: log # expect", rule: "missing-resource-requests", says: ['container "log" requests no cpu or memory and has no memory limit', "set resources.requests.cpu, resources.requests.memory and resources.limits.memory"] },
  { file: "missing-resource-requests/one-cause.yaml", at: "requests: # expect: missing-resource-requests", rule: "missing-resource-requests", says: ['requests no memory and has no memory limit', "set resources.requests.memory and resources.limits.memory"] },
  { file: "missing-resource-requests/one-cause.yaml", at: "containers: # expect: qos-besteffort", rule: "qos-besteffort", says: ['"BestEffort"', "set resources.requests.cpu, resources.requests.memory and resources.limits.memory on every container"] },
  { file: "missing-resource-requests/one-cause.yaml", at: "limits: # expect: missing-memory-limit", rule: "missing-memory-limit", says: ["has no memory limit", "set resources.limits.memory"], never: ["requests"] },
];

const lineOf = (file: string, text: string): number => {
  const lines = readFileSync(join(ROOT, "fixtures", "rules", file), "utf8").split("\n");
  const found = lines.flatMap((l, i) => (l.includes(text) ? [i + 1] : []));
  if (found.length !== 1) throw new Error(`"${text}" occurs ${found.length} times in ${file}`);
  return found[0];
};

test.each(ROWS.map((r) => [`${r.file} "${r.at}"`, r] as const))("%s", async (_name, row) => {
  const path = join("fixtures", "rules", row.file);
  const { options } = readMarkers(join(ROOT, path));
  const result = await lint([path], { cwd: ROOT, config: {}, ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}) });
  const line = lineOf(row.file, row.at);
  const found = result.files.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === row.rule && d.line === line);
  expect(found).toHaveLength(1);
  const [d] = found;
  const text = `${d.message} · ${d.hint ?? ""}`;
  for (const s of row.says) {
    if (typeof s === "string") expect(text).toContain(s);
    else expect(text).toMatch(s);
  }
  for (const s of row.never ?? []) {
    if (typeof s === "string") expect(text).not.toContain(s);
    else expect(text).not.toMatch(s);
  }
  if (row.severity) expect(d.severity).toBe(row.severity);
});

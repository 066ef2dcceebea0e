/** Human output of `diagnose`: one block per pod, the cause first; then the workloads. */
import { Chalk } from "chalk";
import { belowDesired, hasProblems, MANIFEST_HINT, type Diagnosis } from "./diagnose.js";
import { printable } from "../printable.js";
import { DEFAULT_WIDTH, wrap } from "../wrap.js";

const HEALTHY = new Set(["Running", "Completed"]);

function ago(iso: string | undefined, now: number): string {
  if (!iso) return "";
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (!Number.isFinite(s)) return "";
  if (s < 120) return `${s}s ago`;
  if (s < 7200) return `${Math.round(s / 60)}m ago`;
  if (s < 172800) return `${Math.round(s / 3600)}h ago`;
  return `${Math.round(s / 86400)}d ago`;
}

/** The diagnosis as text; every value from the input goes through `printable`. `width` defaults to 80 columns. */
export function renderDiagnosis(d: Diagnosis, options: { color: boolean; now?: number; width?: number }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = options.width ?? DEFAULT_WIDTH;
  const detailLine = (marker: string, text: string) => wrap(text, { width, indent: "  ", marker: `${marker} `, hanging: "    " });
  const now = options.now ?? Date.now();
  const lines: string[] = [];
  const troubled = d.pods.filter((p) => p.report.likelyCause !== null);
  const healthy = d.pods.filter((p) => p.report.likelyCause === null);

  for (const { report: p, detail } of troubled) {
    const restarts = p.restarts > 0 && detail.columns.lastRestart ? `${p.restarts} (${ago(detail.columns.lastRestart, now)})` : String(p.restarts);
    const statusColor = HEALTHY.has(p.status) ? c.yellow : c.red;
    const heading = `${c.bold(printable(`${p.namespace}/${p.name}`))}  ${statusColor(printable(p.status))}  ready ${printable(p.ready)}  restarts ${printable(restarts)}`;
    lines.push(wrap(`${heading}${detail.node ? c.dim(`  on ${printable(detail.node)}`) : ""}`, { width, hanging: "    " }));
    lines.push(detailLine(c.bold("cause:"), printable(detail.cause ?? "")));
    lines.push(detailLine(`${c.bold("next:")} `, c.cyan(printable(detail.next ?? ""))));
    for (const ct of p.containers) {
      const label = `${ct.init ? "init " : ""}${ct.name}`;
      lines.push(detailLine(c.dim("-"), printable(`${label}: ${ct.explanation}`)));
    }
    for (const e of detail.warnings.slice(-2)) lines.push(detailLine(c.dim("event:"), printable(`${e.reason}${e.count > 1 ? ` (x${e.count})` : ""}: ${e.message}`)));
    const qos = p.qosClass && p.qosClass !== p.derivedQosClass ? c.yellow(`${printable(p.qosClass)}, but the spec derives ${p.derivedQosClass}`) : printable(p.qosClass ?? p.derivedQosClass);
    lines.push(detailLine(c.dim("qos:"), `${qos} ${c.dim(`(${printable(detail.qosReason)})`)}`));
    const shown = p.findings.filter((f) => f.severity !== "info");
    if (shown.length) {
      lines.push(`  ${c.dim("static findings on its spec:")}`);
      for (const f of shown) {
        const marker = `${f.severity === "error" ? c.red("error  ") : c.yellow("warning")}  `;
        lines.push(wrap(`${printable(f.message)}  ${c.dim(f.ruleId)}`, { width, indent: "    ", marker, hanging: "      " }));
      }
    }
    lines.push(`  ${c.dim(`more: k8s-lint explain ${p.status.startsWith("Init:") && /^Init:\d/.test(p.status) ? "Init:N/M" : printable(p.status)}`)}`);
    lines.push("");
  }
  if (healthy.length) {
    lines.push(c.bold(`Healthy pods (${healthy.length})`));
    for (const { report: p } of healthy) {
      lines.push(wrap(`${printable(`${p.namespace}/${p.name}`)}  ${c.green(printable(p.status))}  ready ${printable(p.ready)}  restarts ${p.restarts}`, { width, indent: "  ", hanging: "    " }));
    }
    lines.push("");
  }
  if (d.workloads.length) {
    lines.push(c.bold("Workloads"));
    for (const workload of d.workloads) {
      const { report: w, detail } = workload;
      const short = belowDesired(workload);
      const label = w.kind === "Job" ? "succeeded" : "ready";
      const running = w.kind === "Job" && detail.active > 0 ? `, ${detail.active} active` : "";
      let line = `${printable(`${w.kind} ${w.namespace}/${w.name}`)}  ${(short ? c.red : c.green)(`${w.ready}/${w.desired} ${label}${running}`)}`;
      if (short && detail.heldBackBy.length) line += `  held back by ${printable(detail.heldBackBy.map((p) => `${p.name} (${p.status})`).join(", "))}`;
      if (short && w.kind !== "Job" && detail.pods < w.desired && detail.pods > 0) line += c.dim(`  (${detail.pods} of ${w.desired} pods in the input)`);
      lines.push(wrap(line, { width, indent: "  ", hanging: "    " }));
    }
    lines.push("");
  }
  if (d.manifests.length) {
    lines.push(c.bold(`Not live objects (${d.manifests.length}), left out`));
    for (const m of d.manifests) {
      lines.push(wrap(`${printable(`${m.kind} ${m.namespace}/${m.name}${m.source ? ` in ${m.source}` : ""}`)}: ${MANIFEST_HINT}`, { width, indent: "  ", hanging: "    " }));
    }
    lines.push("");
  }
  const short = d.workloads.filter(belowDesired).length;
  const left = d.manifests.length ? `; ${d.manifests.length} manifest${d.manifests.length === 1 ? "" : "s"} left out` : "";
  const summary = `${d.pods.length} pod${d.pods.length === 1 ? "" : "s"}: ${troubled.length} with a problem, ${healthy.length} healthy; ${d.workloads.length} workload${d.workloads.length === 1 ? "" : "s"}, ${short} below desired${left}`;
  lines.push(hasProblems(d) ? c.red.bold(wrap(`✖ ${summary}`, { width })) : c.green.bold(wrap(`✔ ${summary}`, { width })));
  return `${lines.join("\n")}\n`;
}

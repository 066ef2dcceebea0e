/** Human output of `diagnose`: one block per pod, the cause first; then the workloads. */
import { Chalk } from "chalk";
import type { Diagnosis } from "./diagnose.js";
import { wrap } from "../wrap.js";

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

export function renderDiagnosis(d: Diagnosis, options: { color: boolean; now?: number }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const now = options.now ?? Date.now();
  const lines: string[] = [];
  const troubled = d.pods.filter((p) => p.report.likelyCause !== null);
  const healthy = d.pods.filter((p) => p.report.likelyCause === null);

  for (const { report: p, detail } of troubled) {
    const restarts = p.restarts > 0 && detail.columns.lastRestart ? `${p.restarts} (${ago(detail.columns.lastRestart, now)})` : String(p.restarts);
    const statusColor = HEALTHY.has(p.status) ? c.yellow : c.red;
    lines.push(`${c.bold(`${p.namespace}/${p.name}`)}  ${statusColor(p.status)}  ready ${p.ready}  restarts ${restarts}${detail.node ? c.dim(`  on ${detail.node}`) : ""}`);
    lines.push(wrap(`${c.bold("cause:")} ${detail.cause}`, "  "));
    lines.push(`  ${c.bold("next:")}  ${c.cyan(detail.next ?? "")}`);
    for (const ct of p.containers) {
      const label = `${ct.init ? "init " : ""}${ct.name}`;
      lines.push(wrap(`${c.dim("-")} ${label}: ${ct.explanation}`, "    ").replace(/^ {4}/, "  "));
    }
    for (const e of detail.warnings.slice(-2)) lines.push(wrap(`${c.dim("event:")} ${e.reason}${e.count > 1 ? ` (x${e.count})` : ""}: ${e.message}`, "    ").replace(/^ {4}/, "  "));
    const qos = p.qosClass && p.qosClass !== p.derivedQosClass ? c.yellow(`${p.qosClass}, but the spec derives ${p.derivedQosClass}`) : (p.qosClass ?? p.derivedQosClass);
    lines.push(`  ${c.dim("qos:")} ${qos} ${c.dim(`(${detail.qosReason})`)}`);
    const shown = p.findings.filter((f) => f.severity !== "info");
    if (shown.length) {
      lines.push(`  ${c.dim("static findings on its spec:")}`);
      for (const f of shown) lines.push(`    ${f.severity === "error" ? c.red("error  ") : c.yellow("warning")}  ${f.message}  ${c.dim(f.ruleId)}`);
    }
    lines.push(`  ${c.dim(`more: k8s-lint explain ${p.status.startsWith("Init:") && /^Init:\d/.test(p.status) ? "Init:N/M" : p.status}`)}`);
    lines.push("");
  }
  if (healthy.length) {
    lines.push(c.bold(`Healthy pods (${healthy.length})`));
    for (const { report: p } of healthy) lines.push(`  ${p.namespace}/${p.name}  ${c.green(p.status)}  ready ${p.ready}  restarts ${p.restarts}`);
    lines.push("");
  }
  if (d.workloads.length) {
    lines.push(c.bold("Workloads"));
    for (const { report: w, detail } of d.workloads) {
      const short = w.ready < w.desired;
      const label = w.kind === "Job" ? "succeeded" : "ready";
      let line = `  ${w.kind} ${w.namespace}/${w.name}  ${(short ? c.red : c.green)(`${w.ready}/${w.desired} ${label}`)}`;
      if (short && detail.heldBackBy.length) line += `  held back by ${detail.heldBackBy.map((p) => `${p.name} (${p.status})`).join(", ")}`;
      if (short && w.kind !== "Job" && detail.pods < w.desired && detail.pods > 0) line += c.dim(`  (${detail.pods} of ${w.desired} pods in the input)`);
      lines.push(line);
    }
    lines.push("");
  }
  const short = d.workloads.filter((w) => w.report.ready < w.report.desired).length;
  const summary = `${d.pods.length} pod${d.pods.length === 1 ? "" : "s"}: ${troubled.length} with a problem, ${healthy.length} healthy; ${d.workloads.length} workload${d.workloads.length === 1 ? "" : "s"}, ${short} below desired`;
  lines.push(troubled.length ? c.red.bold(`✖ ${summary}`) : c.green.bold(`✔ ${summary}`));
  return `${lines.join("\n")}\n`;
}

/** `k8s-lint qos [paths...]`: every workload with the QoS class the kubelet will derive, and why. */
import { lint } from "../../engine/lint.js";
import { deriveQos, QOS_CLASSES, type QosClass } from "../../models/qos.js";
import type { Resource } from "../../models/resource.js";
import { formatPath } from "../../engine/positions.js";
import { EXPECTED_QOS_ANNOTATION } from "../../rules/resources/qos-expected-mismatch.js";
import { runningPods } from "../../models/workloads.js";
import { defineRule } from "../../rules/types.js";
import { parseCommandArgs } from "../args.js";
import { printable } from "../../printable.js";
import { DEFAULT_WIDTH, table } from "../../wrap.js";
import { EXIT_OK, outputWidth, UsageError, type CliIO } from "../io.js";

export const QOS_HELP = `Usage: k8s-lint qos [options] [paths...]

Prints every workload (Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob, ...) with the QoS
class the kubelet will give its pods, and the container and resource that decided it.

Options:
  -f, --format <name>          table | json (default: table)
      --default-namespace <ns> namespace of resources without one (default: default)
      --ignore-pattern <glob>  skip matching files; repeatable
  -h, --help                   print this help
`;

export interface QosRow {
  file: string;
  line: number;
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  qosClass: QosClass;
  /** The container (or "(pod)" for pod-level resources) that kept the pods from Guaranteed. */
  container?: string;
  init?: boolean;
  resource?: string;
  reason: string;
  /** Field path of the deciding container. */
  path?: string;
  /** The k8s-lint.io/expected-qos annotation, when set. */
  expected?: string;
}

/** Derives the rows for a set of paths; the engine parses and positions, nothing is reported. */
export async function qosRows(paths: string[], options: { cwd: string; defaultNamespace?: string; ignorePatterns?: string[] }): Promise<QosRow[]> {
  const found: Array<{ resource: Resource; row: Omit<QosRow, "line"> }> = [];
  const collector = defineRule({
    id: "qos-class",
    category: "resources",
    severity: "info",
    summary: "collects QoS decisions for the qos command",
    explanation: "",
    fix: "",
    preventsStatus: [],
    check({ resource, report }) {
      const tpl = runningPods(resource);
      if (!tpl) return;
      const d = deriveQos(tpl.spec, tpl.specPath);
      const expected = resource.annotations[EXPECTED_QOS_ANNOTATION] ?? tpl.annotations[EXPECTED_QOS_ANNOTATION];
      found.push({
        resource,
        row: {
          file: resource.file,
          ...resource.ref,
          qosClass: d.qosClass,
          ...(d.decidingContainer !== undefined ? { container: d.decidingContainer, init: d.decidingInit ?? false, resource: d.decidingResource } : {}),
          reason: d.reason,
          ...(d.decidingPath ? { path: formatPath(d.decidingPath) } : {}),
          ...(expected !== undefined ? { expected } : {}),
        },
      });
      // Reported only to learn the line of the resource; the engine computes positions.
      report({ path: ["kind"], message: String(found.length - 1) });
    },
  });
  const result = await lint(paths, {
    cwd: options.cwd,
    config: {},
    ruleSet: [collector],
    defaultNamespace: options.defaultNamespace,
    ignorePatterns: options.ignorePatterns,
  });
  const lines = new Map<number, number>();
  for (const f of result.files) for (const d of f.diagnostics) if (d.ruleId === "qos-class" && /^\d+$/.test(d.message)) lines.set(Number(d.message), d.line);
  return found.map(({ resource, row }, i) => {
    const { file, ...rest } = row;
    return { file, line: lines.get(i) ?? resource.doc.index + 1, ...rest };
  });
}

export async function runQos(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: "string", short: "f" },
      "default-namespace": { type: "string" },
      "ignore-pattern": { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
  }, "k8s-lint qos");
  if (values.help) {
    io.stdout(QOS_HELP);
    return EXIT_OK;
  }
  const format = values.format ?? "table";
  if (format !== "table" && format !== "json") throw new UsageError(`unknown format "${format}" (table or json)`);
  const rows = await qosRows(positionals, {
    cwd: io.cwd,
    defaultNamespace: values["default-namespace"],
    ignorePatterns: values["ignore-pattern"],
  });
  const counts = Object.fromEntries(QOS_CLASSES.map((c) => [c, rows.filter((r) => r.qosClass === c).length])) as Record<QosClass, number>;
  if (format === "json") {
    io.stdout(`${JSON.stringify({ workloads: rows, summary: counts }, null, 2)}\n`);
    return EXIT_OK;
  }
  io.stdout(renderTable(rows, counts, outputWidth(io, false) ?? DEFAULT_WIDTH));
  return EXIT_OK;
}

function decidedBy(r: QosRow): string {
  if (r.container === undefined) return "-";
  if (r.container === "(pod)") return `pod-level resources (${r.resource})`;
  return `${r.init ? "init container" : "container"} "${r.container}" (${r.resource})`;
}

function renderTable(rows: QosRow[], counts: Record<QosClass, number>, width: number): string {
  if (!rows.length) return "No workloads found.\n";
  const cells = [
    ["LOCATION", "KIND", "NAMESPACE/NAME", "QOS CLASS", "DECIDED BY", "WHY"],
    ...rows.map((r) => [
      `${r.file}:${r.line}`,
      r.kind,
      r.namespace ? `${r.namespace}/${r.name}` : r.name,
      r.expected !== undefined && r.expected.toLowerCase() !== r.qosClass.toLowerCase() ? `${r.qosClass} (expected ${r.expected})` : r.qosClass,
      decidedBy(r),
      r.reason,
    ].map(printable)),
  ];
  const lines = table(cells, width);
  const summary = QOS_CLASSES.map((c) => `${counts[c]} ${c}`).join(", ");
  lines.push("", `${rows.length} workload${rows.length === 1 ? "" : "s"}: ${summary}`);
  return `${lines.join("\n")}\n`;
}

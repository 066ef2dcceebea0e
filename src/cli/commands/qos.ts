/** `k8s-lint qos [paths...]`: every workload with the QoS class the kubelet will derive, and why. */
import { resolve } from "node:path";
import { findConfig, loadConfig } from "../../config/load.js";
import { qosOfInputs, type QosRow } from "../../engine/qos.js";
import { targetRelease } from "../../models/catalogue/releases.js";
import { QOS_CLASSES, type QosClass } from "../../models/qos.js";
import { parseCommandArgs } from "../args.js";
import { printable } from "../../printable.js";
import { DEFAULT_WIDTH, table } from "../../wrap.js";
import { EXIT_OK, outputWidth, UsageError, type CliIO } from "../io.js";

export const QOS_HELP = `Usage: k8s-lint qos [options] [paths...]

Prints every workload (Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob, ...) with the QoS
class the kubelet will give its pods, and the container and resource that decided it. The
defaults of the namespace's LimitRanges count, as admission writes them into the pods, and so do
pod-level resources (spec.resources) where the target release keeps them (from 1.34).

Options:
  -f, --format <name>          table | json (default: table)
  -c, --config <file>          config file, for its defaultNamespace and kubernetesVersion
                               (default: nearest .k8s-lint.yaml/.json upwards)
      --default-namespace <ns> namespace of resources without one (default: the config's, else default)
      --kubernetes-version <x.y>  target release (1.30, v1.30, 1.30.2; default: the config's
                               kubernetesVersion, else the newest k8s-lint knows)
      --ignore-pattern <glob>  skip matching files; repeatable
      --no-color               accepted, as by every command (this output has no colours)
  -h, --help                   print this help
`;

export async function runQos(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: "string", short: "f" },
      config: { type: "string", short: "c" },
      "default-namespace": { type: "string" },
      "kubernetes-version": { type: "string" },
      "ignore-pattern": { type: "string", multiple: true },
      "no-color": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }, "k8s-lint qos");
  if (values.help) {
    io.stdout(QOS_HELP);
    return EXIT_OK;
  }
  const format = values.format ?? "table";
  if (format !== "table" && format !== "json") throw new UsageError(`unknown format "${format}" (table or json)`);
  const asked = values["kubernetes-version"] === undefined ? undefined : targetRelease(values["kubernetes-version"]);
  if (asked && "error" in asked) throw new UsageError(`--kubernetes-version ${asked.error}`);
  // The namespace the lint judges namespace-less workloads in (its LimitRange defaults decide the class): flag, else config.
  const configPath = values.config ? resolve(io.cwd, values.config) : findConfig(io.cwd);
  const config = configPath ? loadConfig(configPath, values.config ?? configPath) : undefined;
  // The release whose pods are described (pod-level resources count from 1.34): flag, else config, as for the lint.
  const judged = asked ?? (config?.kubernetesVersion !== undefined ? targetRelease(config.kubernetesVersion) : undefined);
  if (judged && "warning" in judged && judged.warning) io.stderr(`k8s-lint: warning: ${judged.warning}\n`);
  const rows = await qosOfInputs(positionals, {
    cwd: io.cwd,
    defaultNamespace: values["default-namespace"] ?? config?.defaultNamespace,
    ignorePatterns: values["ignore-pattern"],
    kubernetesVersion: judged && "release" in judged ? judged.release : undefined,
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
  return `${r.sidecar ? "sidecar container" : r.init ? "init container" : "container"} "${r.container}" (${r.resource})`;
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

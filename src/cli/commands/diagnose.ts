/** `k8s-lint diagnose <file|->`: advice on `kubectl get pods,deploy,... -o yaml|json` output. */
import { relative, resolve } from "node:path";
import { findConfig, loadConfig } from "../../config/load.js";
import { describeFailure, INPUT_LIMITS, readFileBounded, readStdinBounded } from "../../engine/bounded-read.js";
import { analyze, DiagnoseInputError, hasProblems, MANIFEST_HINT, type DiagnoseSource } from "../../explain/diagnose.js";
import { renderDiagnosis } from "../../explain/diagnose-render.js";
import { printable } from "../../printable.js";
import { parseCommandArgs } from "../args.js";
import { EXIT_OK, EXIT_PROBLEMS, outputWidth, UsageError, useColor, type CliIO } from "../io.js";

export const DIAGNOSE_HELP = `Usage: k8s-lint diagnose [options] <file|->...

Advises on live objects: the output of
  kubectl get pods,events,deploy,sts,rs,jobs -o yaml      (or -o json)
For every pod: the STATUS kubectl shows, each container's state explained, the QoS class,
the static findings on its spec and the most likely cause with the next command to run.
For workloads: ready vs desired replicas and the pods holding them back.

Options:
  -f, --format <name>   stylish | json (default: stylish)
  -c, --config <file>   config for the static findings (default: nearest .k8s-lint.yaml/.json)
      --no-color        no colours
  -h, --help            print this help

Pods and workloads without status are manifests, not live objects: they are left out.

Exit codes: 0 every pod healthy and every workload at its desired count, 1 a pod has a problem
or a workload is below desired, 2 usage or input failure (also: only manifests in the input).
`;

export async function runDiagnose(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: "string", short: "f" },
      config: { type: "string", short: "c" },
      help: { type: "boolean", short: "h" },
      "no-color": { type: "boolean" },
    },
  }, "k8s-lint diagnose");
  if (values.help) {
    io.stdout(DIAGNOSE_HELP);
    return EXIT_OK;
  }
  const format = values.format ?? "stylish";
  if (format !== "stylish" && format !== "json") throw new UsageError(`unknown format "${format}" (stylish or json)`);
  if (positionals.length === 0) throw new UsageError("diagnose needs a file (or - for stdin) with `kubectl get pods -o yaml` output");

  const sources: DiagnoseSource[] = positionals.map((p) => {
    const absolute = resolve(io.cwd, p);
    const read = p === "-" ? readStdinBounded(INPUT_LIMITS.manifest) : readFileBounded(absolute, INPUT_LIMITS.manifest);
    if (!("bytes" in read)) throw new UsageError(describeFailure(p === "-" ? "standard input" : p, read));
    const text = read.bytes.toString("utf8").replace(/^\uFEFF/, "");
    return p === "-" ? { text } : { text, path: relative(io.cwd, absolute).split("\\").join("/") || p };
  });

  let diagnosis;
  try {
    const configPath = values.config ? resolve(io.cwd, values.config) : findConfig(io.cwd);
    const config = configPath ? loadConfig(configPath, values.config ?? configPath) : undefined;
    diagnosis = await analyze(sources, { cwd: io.cwd, config });
  } catch (err) {
    if (err instanceof DiagnoseInputError) throw new UsageError(err.message);
    throw err;
  }
  if (diagnosis.pods.length === 0 && diagnosis.workloads.length === 0) {
    const [first] = diagnosis.manifests;
    if (first) throw new UsageError(`${first.kind} ${first.namespace}/${first.name}${diagnosis.manifests.length > 1 ? ` and ${diagnosis.manifests.length - 1} more` : ""}: ${MANIFEST_HINT}`);
    throw new UsageError("no pods or workloads found: pass the output of `kubectl get pods,events,deploy,sts,rs,jobs -o yaml` (or -o json)");
  }
  if (format === "json") {
    io.stdout(`${JSON.stringify(diagnosis.result, null, 2)}\n`);
    for (const m of diagnosis.manifests) io.stderr(`k8s-lint diagnose: left out ${printable(`${m.kind} ${m.namespace}/${m.name}${m.source ? ` in ${m.source}` : ""}`)}: ${MANIFEST_HINT}\n`);
  } else io.stdout(renderDiagnosis(diagnosis, { color: useColor(io, values["no-color"] ?? false, false), width: outputWidth(io, false) }));
  return hasProblems(diagnosis) ? EXIT_PROBLEMS : EXIT_OK;
}

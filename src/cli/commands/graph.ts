/** `k8s-lint graph [paths...]`: the resources of the input and their links, broken ones marked (docs/graph.md). */
import { dirname, extname, join, resolve } from "node:path";
import { findConfig, loadConfig } from "../../config/load.js";
import { applyUserRules } from "../../config/user-rules.js";
import { IGNORE_FILE } from "../../engine/discover.js";
import type { IndexedRun } from "../../engine/collect.js";
import { lint, type InputFile } from "../../engine/lint.js";
import { targetRelease } from "../../models/catalogue/releases.js";
import { inputKeyedObject } from "../../models/input-keys.js";
import { buildGraph } from "../../graph/build.js";
import { renderDot } from "../../graph/dot.js";
import { renderHtml } from "../../graph/html.js";
import { renderJson } from "../../graph/json.js";
import { renderMermaid } from "../../graph/mermaid.js";
import { REFERENCE_POLICIES, type ReferencePolicy, type SeveritySetting } from "../../types.js";
import { parseCommandArgs } from "../args.js";
import { writeReportFile } from "../reports.js";
import { EXIT_OK, UsageError, type CliIO } from "../io.js";
import { INPUT_OPTIONS, podSecurityOption, presetOptions } from "./lint.js";

const GRAPH_FORMATS = ["html", "mermaid", "dot", "json"] as const;
type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** The format a report file's extension names, when --format is not given. */
const FORMAT_OF_EXTENSION: Readonly<Record<string, GraphFormat>> = { ".html": "html", ".htm": "html", ".mmd": "mermaid", ".mermaid": "mermaid", ".dot": "dot", ".gv": "dot", ".json": "json" };

export const GRAPH_HELP = `Usage: k8s-lint graph [options] [paths...]

Draws the resources of the manifests and the links between them (Ingress -> Service -> workload
-> ConfigMap, Secret, claim -> PersistentVolume; HPA, PDB, NetworkPolicy -> targets; StatefulSet
-> governing Service; routes -> Gateway and Services), with each broken link marked by the
lint finding about it, and every resource's findings and QoS class.

Options:
  -f, --format <name>          html | mermaid | dot | json (default: from the -o extension, else html)
  -o, --output-file <file>     write the graph to a file instead of stdout
      --collapse-above <n>     draw namespaces and applications as one node each beyond n
                               resources (default: 150 for html, 100 for mermaid)
  -c, --config <file>          config file (default: nearest .k8s-lint.yaml/.json upwards)
      --rule <id>=<severity>   off | info | warning | error; repeatable
      --preset <name>          security | production | all (see k8s-lint --help); repeatable
      --pod-security <level>[:<version>]  baseline | restricted (see k8s-lint --help)
      --kubernetes-version <x.y>  target release (1.30, v1.30, 1.30.2)
      --default-namespace <ns> namespace of resources without one (default: default)
      --ignore-pattern <glob>  leave matching files out; repeatable
      --context <path>         read for links only, not drawn unless linked to; repeatable
      --references <policy>    complete | partial (see k8s-lint --help)
      --no-color               accepted, as by every command (the graph has its own colours)
  -h, --help                   print this help

Exit codes: 0 the graph was written (whatever the findings), 2 usage, config or I/O failure.
`;

const SEVERITIES = new Set(["off", "info", "warning", "error"]);

export async function runGraph(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: "string", short: "f" },
      "output-file": { type: "string", short: "o" },
      "collapse-above": { type: "string" },
      ...INPUT_OPTIONS,
      "no-color": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }, "k8s-lint graph");
  if (values.help) {
    io.stdout(GRAPH_HELP);
    return EXIT_OK;
  }
  const file = values["output-file"];
  const format = graphFormat(values.format, file);
  let collapseAbove: number | undefined;
  if (values["collapse-above"] !== undefined) {
    collapseAbove = Number(values["collapse-above"]);
    if (!Number.isInteger(collapseAbove) || collapseAbove < 1) throw new UsageError(`--collapse-above expects a whole number above 0, got "${values["collapse-above"]}"`);
  }
  const rules = inputKeyedObject<SeveritySetting>();
  for (const spec of values.rule ?? []) {
    const m = /^([^=]+)=(.+)$/.exec(spec);
    if (!m || !SEVERITIES.has(m[2])) throw new UsageError(`--rule expects <id>=<off|info|warning|error>, got "${spec}"`);
    rules[m[1].trim()] = m[2] as SeveritySetting;
  }
  const references = values.references as ReferencePolicy | undefined;
  if (references !== undefined && !REFERENCE_POLICIES.includes(references)) throw new UsageError(`--references expects ${REFERENCE_POLICIES.join(" or ")}, got "${references}"`);
  const asked = values["kubernetes-version"] === undefined ? undefined : targetRelease(values["kubernetes-version"]);
  if (asked && "error" in asked) throw new UsageError(`--kubernetes-version ${asked.error}`);
  const presets = presetOptions(values.preset);
  const podSecurity = podSecurityOption(values["pod-security"]);
  const configPath = values.config ? resolve(io.cwd, values.config) : findConfig(io.cwd);
  const config = configPath ? loadConfig(configPath, values.config ?? configPath) : undefined;
  // The config's customRules and plugins join the registry, as for the lint: the graph draws its findings.
  await applyUserRules(config, configPath, values.config !== undefined, io.cwd);
  const judged = asked ?? (config?.kubernetesVersion !== undefined ? targetRelease(config.kubernetesVersion) : undefined);
  if (judged && "warning" in judged && judged.warning) io.stderr(`k8s-lint: warning: ${judged.warning}\n`);

  const reads: InputFile[] = [{ absolute: join(io.cwd, IGNORE_FILE) }, ...(configPath ? [{ absolute: configPath }] : [])];
  let run: IndexedRun | undefined;
  const result = await lint(positionals, {
    cwd: io.cwd,
    config,
    configDir: configPath ? dirname(configPath) : undefined,
    rules,
    kubernetesVersion: judged && "release" in judged ? judged.release : undefined,
    defaultNamespace: values["default-namespace"],
    ignorePatterns: values["ignore-pattern"],
    context: values.context,
    references,
    presets,
    podSecurity,
    onInputFiles: (files) => reads.push(...files),
    onIndexed: (indexed) => (run = indexed),
  });
  const graph = buildGraph(result, run!);
  const title = positionals.length ? positionals.join(" ") : ".";
  const text =
    format === "html" ? renderHtml(graph, { collapseAbove, title })
    : format === "mermaid" ? renderMermaid(graph, { collapseAbove })
    : format === "dot" ? renderDot(graph)
    : renderJson(graph);
  if (file !== undefined) writeReportFile(result, file, text, io.cwd, reads);
  else {
    io.stdout(text);
    await io.stdoutDrained?.();
  }
  return EXIT_OK;
}

function graphFormat(format: string | undefined, file: string | undefined): GraphFormat {
  if (format === undefined) return (file !== undefined ? FORMAT_OF_EXTENSION[extname(file).toLowerCase()] : undefined) ?? "html";
  if (!(GRAPH_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown graph format "${format}"; one of: ${GRAPH_FORMATS.join(", ")}`);
  return format as GraphFormat;
}

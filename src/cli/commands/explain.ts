/** `k8s-lint explain <topic>`: a rule id, a pod status reason, or an exit code. */
import { explainTopic, topicNames } from "../../explain/lookup.js";
import { renderExplanation } from "../../explain/render.js";
import { statusTopics } from "../../explain/topics/index.js";
import { resolve } from "node:path";
import { allRules } from "../../engine/registry.js";
import { findConfig, loadConfig } from "../../config/load.js";
import { applyUserRules } from "../../config/user-rules.js";
import { DEFAULT_WIDTH, table, wrap } from "../../wrap.js";
import { parseCommandArgs } from "../args.js";
import { EXIT_OK, outputWidth, UsageError, useColor, type CliIO } from "../io.js";

export const EXPLAIN_HELP = `Usage: k8s-lint explain <topic>
       k8s-lint explain --list

Explains a rule id (missing-memory-limit), a pod status reason as \`kubectl get pods\`
prints it (CrashLoopBackOff, Init:0/2, OOMKilled; any case), or a container exit code (137).

Options:
  -c, --config <path>   config file whose customRules and plugins can be explained too
                        (default: the nearest .k8s-lint.yaml)
  -f, --format <name>   text | json (default: text)
      --list            list every topic
      --no-color        no colours
  -h, --help            print this help
`;

export async function runExplain(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: "string", short: "f" },
      config: { type: "string", short: "c" },
      list: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      "no-color": { type: "boolean" },
    },
  }, "k8s-lint explain");
  if (values.help) {
    io.stdout(EXPLAIN_HELP);
    return EXIT_OK;
  }
  const configPath = values.config ? resolve(io.cwd, values.config) : findConfig(io.cwd);
  if (configPath) await applyUserRules(loadConfig(configPath, values.config ?? configPath), configPath, values.config !== undefined, io.cwd);
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`unknown format "${format}" (text or json)`);
  const color = useColor(io, values["no-color"] ?? false, false);

  if (values.list) {
    if (positionals.length) throw new UsageError("--list takes no topic");
    if (format === "json") {
      const { statuses, rules } = topicNames();
      io.stdout(`${JSON.stringify({ statuses, rules, exitCodes: "0-255" }, null, 2)}\n`);
      return EXIT_OK;
    }
    const width = outputWidth(io, false) ?? DEFAULT_WIDTH;
    const lines = ["Pod status reasons:", ...table(statusTopics.map((t) => ["", t.name, t.summary]), width)];
    lines.push("", "Rules:", ...table(allRules.map((r) => ["", r.meta.id, r.meta.summary]), width));
    lines.push("", wrap("Exit codes: any of 0-255 (k8s-lint explain 137), also ExitCode:N and Signal:N.", { width }));
    io.stdout(`${lines.join("\n")}\n`);
    return EXIT_OK;
  }

  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length ? `explain takes one topic, got ${positionals.length}` : "explain needs a topic: a rule id, a pod status reason or an exit code (see --list)",
    );
  }
  const answer = explainTopic(positionals[0]);
  if (answer.type === "unknown") {
    const hint = answer.suggestions.length ? `; did you mean ${answer.suggestions.map((s) => `"${s}"`).join(", ")}?` : "";
    throw new UsageError(`unknown topic "${answer.query}"${hint} (k8s-lint explain --list shows every topic)`);
  }
  io.stdout(format === "json" ? `${JSON.stringify(answer, null, 2)}\n` : renderExplanation(answer, color, outputWidth(io, false)));
  return EXIT_OK;
}

/** `k8s-lint rules`: the catalogue. */
import { resolve } from "node:path";
import { allRules } from "../../engine/registry.js";
import { findConfig, loadConfig } from "../../config/load.js";
import { applyUserRules } from "../../config/user-rules.js";
import { presetsOf } from "../../presets.js";
import { DEFAULT_WIDTH, table } from "../../wrap.js";
import { parseCommandArgs } from "../args.js";
import { EXIT_OK, outputWidth, UsageError, type CliIO } from "../io.js";

export const RULES_HELP = `Usage: k8s-lint rules [options]

Lists every rule: its id, default severity, category, preset and what it checks.
Rules of the security and production presets run only when the preset is enabled
(--preset, or extends in the config). \`k8s-lint explain <rule>\` tells more about one.

Options:
  -c, --config <path>   config file whose customRules and plugins are listed too
                        (default: the nearest .k8s-lint.yaml)
  -f, --format <name>   table | json (default: table)
      --no-color        accepted, as by every command (this output has no colours)
  -h, --help            print this help
`;

export async function runRules(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: "string", short: "f" },
      config: { type: "string", short: "c" },
      "no-color": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }, "k8s-lint rules");
  if (values.help) {
    io.stdout(RULES_HELP);
    return EXIT_OK;
  }
  if (positionals.length) throw new UsageError(`rules takes no arguments, got "${positionals[0]}" (\`k8s-lint explain <rule>\` explains one)`);
  const configPath = values.config ? resolve(io.cwd, values.config) : findConfig(io.cwd);
  if (configPath) await applyUserRules(loadConfig(configPath, values.config ?? configPath), configPath, values.config !== undefined, io.cwd);
  const format = values.format ?? "table";
  if (format === "json") {
    const list = allRules.map(({ meta }) => ({
      id: meta.id,
      severity: meta.severity,
      category: meta.category,
      summary: meta.summary,
      crossResource: meta.crossResource ?? false,
      presets: [...presetsOf(meta)],
    }));
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT_OK;
  }
  if (format !== "table") throw new UsageError(`unknown format "${format}" (table or json)`);
  const rows = [["RULE", "SEVERITY", "CATEGORY", "PRESET", "SUMMARY"], ...allRules.map(({ meta }) => [meta.id, meta.severity, meta.category, presetsOf(meta).join(", "), meta.summary])];
  const lines = table(rows, outputWidth(io, false) ?? DEFAULT_WIDTH);
  lines.push("", `${allRules.length} rules. \`k8s-lint explain <rule>\` tells more about one.`);
  io.stdout(`${lines.join("\n")}\n`);
  return EXIT_OK;
}

/** `k8s-lint rules`: the catalogue. */
import { parseArgs } from "node:util";
import { allRules } from "../../rules/index.js";
import { EXIT_OK, UsageError, type CliIO } from "../io.js";

export async function runRules(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args: argv, strict: true, options: { format: { type: "string", short: "f" } } });
  const format = values.format ?? "table";
  if (format === "json") {
    const list = allRules.map(({ meta }) => ({
      id: meta.id,
      severity: meta.severity,
      category: meta.category,
      summary: meta.summary,
      crossResource: meta.crossResource ?? false,
    }));
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT_OK;
  }
  if (format !== "table") throw new UsageError(`unknown format "${format}" (table or json)`);
  const idWidth = Math.max(...allRules.map((r) => r.meta.id.length));
  const catWidth = Math.max(...allRules.map((r) => r.meta.category.length));
  const lines = [`${"RULE".padEnd(idWidth)}  SEVERITY  ${"CATEGORY".padEnd(catWidth)}  SUMMARY`];
  for (const { meta } of allRules) {
    lines.push(`${meta.id.padEnd(idWidth)}  ${meta.severity.padEnd(8)}  ${meta.category.padEnd(catWidth)}  ${meta.summary}`);
  }
  lines.push("", `${allRules.length} rules. \`k8s-lint explain <rule>\` tells more about one.`);
  io.stdout(`${lines.join("\n")}\n`);
  return EXIT_OK;
}

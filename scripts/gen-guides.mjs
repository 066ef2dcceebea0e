// Writes the generated guides and schemas from the built code (run after `npm run build`):
// schema/config.schema.json, docs/configuration.md (from the zod config schema) and
// schema/output.schema.json, docs/json-output.md (from the zod schema of the JSON output).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { CONFIG_DOC_PATH, CONFIG_SCHEMA_PATH, renderConfigReference, renderConfigSchema } from "../dist/config/json-schema.js";
import { packageInfo } from "../dist/package-info.js";
import { OUTPUT_DOC_PATH, OUTPUT_SCHEMA_PATH, renderOutputReference, renderOutputSchema } from "../dist/formatters/output-schema.js";

const { repository } = packageInfo();
const pages = [
  [CONFIG_SCHEMA_PATH, renderConfigSchema(repository)],
  [CONFIG_DOC_PATH, renderConfigReference(repository)],
  [OUTPUT_SCHEMA_PATH, renderOutputSchema(repository)],
  [OUTPUT_DOC_PATH, renderOutputReference()],
];
for (const [path, text] of pages) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
console.log(`wrote ${pages.map(([p]) => p).join(", ")}`);

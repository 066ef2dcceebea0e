/** The `.k8s-lint.yaml` schema; the JSON Schema in schema/config.schema.json is generated from it. */
import { z } from "zod";
import { REFERENCE_POLICIES } from "../types.js";

export const severitySetting = z.enum(["off", "info", "warning", "error"]);

export const excludeEntry = z.strictObject({
  kind: z.string().optional().describe("glob on the resource kind"),
  namespace: z.string().optional().describe("glob on the namespace"),
  name: z.string().optional().describe("glob on the resource name"),
  rules: z.array(z.string()).min(1).describe('rule ids to silence for matching resources ("*" for all)'),
});

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    rules: z.record(z.string(), severitySetting).optional().describe("rule id -> severity, or off"),
    ignore: z.array(z.string()).optional().describe("globs of files not to lint, relative to the config file"),
    exclude: z.array(excludeEntry).optional().describe("silence rules for resources matched by kind/namespace/name globs"),
    kubernetesVersion: z
      .string()
      .regex(/^\d+\.\d+$/, "must look like 1.30")
      .optional()
      .describe("target Kubernetes version for deprecated/removed API checks"),
    defaultNamespace: z.string().optional().describe("namespace of resources without metadata.namespace"),
    maxWarnings: z.number().int().min(0).optional().describe("exit 1 when there are more warnings than this"),
    references: z
      .enum(REFERENCE_POLICIES)
      .optional()
      .describe("complete: the input holds every object its resources refer to, so absent ones are reported; partial (default without --context): only where the input defines that kind in the namespace"),
  })
  .describe("k8s-lint configuration");

export type Config = z.infer<typeof configSchema>;
export type ExcludeEntry = z.infer<typeof excludeEntry>;

/**
 * The `.k8s-lint.yaml` schema; the JSON Schema in schema/config.schema.json is generated from it.
 * zod's functional build (zod/mini): only what the config needs is bundled, so a run with a
 * config file does not load the whole library.
 */
import * as z from "zod/mini";
import { REFERENCE_POLICIES } from "../types.js";

export const severitySetting = z.enum(["off", "info", "warning", "error"]);

const described = <T extends z.ZodMiniType>(schema: T, text: string) => schema.check(z.describe(text));

export const excludeEntry = z.strictObject({
  kind: z.optional(described(z.string(), "glob on the resource kind")),
  namespace: z.optional(described(z.string(), "glob on the namespace")),
  name: z.optional(described(z.string(), "glob on the resource name")),
  rules: described(z.array(z.string()).check(z.minLength(1)), 'rule ids to silence for matching resources ("*" for all)'),
});

export const configSchema = described(
  z.strictObject({
    $schema: z.optional(z.string()),
    rules: z.optional(described(z.record(z.string(), severitySetting), "rule id -> severity, or off")),
    ignore: z.optional(described(z.array(z.string()), "globs of files not to lint, relative to the config file")),
    exclude: z.optional(described(z.array(excludeEntry), "silence rules for resources matched by kind/namespace/name globs")),
    kubernetesVersion: z.optional(
      described(
        z.string().check(z.regex(/^v?(\d+)\.(\d+)(?:\.\d+(?:[-+][0-9A-Za-z.+_-]*)?)?$/, "must look like 1.30, v1.30, 1.30.2 or v1.30.2-gke.1")),
        "target Kubernetes release (1.30, v1.30, 1.30.2; a vendor suffix such as -gke.1 or +k3s1 is ignored): which APIs and fields exist, which are deprecated or removed; default: the newest release k8s-lint knows",
      ),
    ),
    defaultNamespace: z.optional(described(z.string(), "namespace of resources without metadata.namespace")),
    maxWarnings: z.optional(described(z.int().check(z.gte(0)), "exit 1 when there are more warnings than this")),
    references: z.optional(
      described(
        z.enum(REFERENCE_POLICIES),
        "complete: the input holds every object its resources refer to, so absent ones are reported; partial (default without --context): only where the input defines that kind in the namespace",
      ),
    ),
  }),
  "k8s-lint configuration",
);

export type Config = z.infer<typeof configSchema>;
export type ExcludeEntry = z.infer<typeof excludeEntry>;

/**
 * The `.k8s-lint.yaml` schema; the JSON Schema in schema/config.schema.json is generated from it.
 * zod's functional build (zod/mini): only what the config needs is bundled, so a run with a
 * config file does not load the whole library.
 */
import * as z from "zod/mini";
import { REFERENCE_POLICIES } from "../types.js";
import { POD_SECURITY_LEVELS, POD_SECURITY_VERSION, PRESET_NAMES, PRESET_PREFIX } from "../presets.js";

export const severitySetting = z.enum(["off", "info", "warning", "error"]);

const described = <T extends z.ZodMiniType>(schema: T, text: string) => schema.check(z.describe(text));

export const excludeEntry = z.strictObject({
  kind: z.optional(described(z.string(), "glob on the resource kind")),
  namespace: z.optional(described(z.string(), "glob on the namespace")),
  name: z.optional(described(z.string(), "glob on the resource name")),
  rules: described(z.array(z.string()).check(z.minLength(1)), 'rule ids to silence for matching resources ("*" for all)'),
});

export const customRuleEntry = z.strictObject({
  id: described(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes")), "the rule id: used under rules:, in suppressions and in reports"),
  kinds: z.optional(described(z.array(z.string()), "kinds the rule judges, spelled as in manifests (case-sensitive; a near miss of a known kind is an error); default: every resource")),
  expression: described(z.string(), "CEL over object (the resource) and objects (every resource of the input) that must be true"),
  message: described(z.string(), "what the finding says when the expression is false"),
  severity: z.optional(described(z.enum(["info", "warning", "error"]), "default severity (default: warning)")),
  path: z.optional(described(z.string(), "field the finding points at, e.g. spec.replicas (default: the resource)")),
  summary: z.optional(described(z.string(), "one line for `k8s-lint rules` (default: the message)")),
  fix: z.optional(described(z.string(), "how to fix it, for `k8s-lint explain`")),
});

export { POD_SECURITY_LEVELS, POD_SECURITY_VERSION };

export const podSecuritySetting = z.strictObject({
  level: z.optional(described(z.enum(POD_SECURITY_LEVELS), "the Pod Security Standard level; default: restricted")),
  version: z.optional(
    described(
      z.string().check(z.regex(POD_SECURITY_VERSION, 'must be "latest" or look like v1.30')),
      "the policy version as the namespace label pod-security.kubernetes.io/enforce-version writes it (v1.30), or latest (default): the policy of the target Kubernetes release",
    ),
  ),
});

export const configSchema = described(
  z.strictObject({
    $schema: z.optional(z.string()),
    extends: z.optional(
      described(
        z.array(z.string()),
        `presets to enable: ${PRESET_NAMES.map((p) => PRESET_PREFIX + p).join(", ")}; recommended is always on, --preset adds to the list`,
      ),
    ),
    rules: z.optional(described(z.record(z.string(), severitySetting), "rule id -> severity, or off")),
    ignore: z.optional(described(z.array(z.string()), "globs of files not to lint, relative to the config file")),
    exclude: z.optional(described(z.array(excludeEntry), "silence rules for resources matched by kind/namespace/name globs")),
    kubernetesVersion: z.optional(
      described(
        z.string().check(z.regex(/^v?(\d+)\.(\d+)(?:\.\d+(?:[-+][0-9A-Za-z.+_-]*)?)?$/, "must look like 1.30, v1.30, 1.30.2 or v1.30.2-gke.1")),
        "target Kubernetes release (1.30, v1.30, 1.30.2; a vendor suffix such as -gke.1 or +k3s1 is ignored): which APIs and fields exist, which are deprecated or removed; default: the newest release k8s-lint knows",
      ),
    ),
    podSecurity: z.optional(
      described(podSecuritySetting, "the Pod Security Standard the pod-security rules judge against (docs/presets.md); setting it enables those rules"),
    ),
    defaultNamespace: z.optional(described(z.string(), "namespace of resources without metadata.namespace; naming it (even default) makes it known: the LimitRanges and ResourceQuotas of that namespace bound them (not a kustomization's resources)")),
    maxWarnings: z.optional(described(z.int().check(z.gte(0)), "exit 1 when there are more warnings than this")),
    references: z.optional(
      described(
        z.enum(REFERENCE_POLICIES),
        "complete: the input holds every object its resources refer to, so absent ones are reported; partial (default unless --context holds objects, not only CRDs): only where the input defines that kind in the namespace",
      ),
    ),
    customRules: z.optional(described(z.array(customRuleEntry), "rules written in CEL (docs/custom-rules.md)")),
    plugins: z.optional(described(z.array(z.string()), "JavaScript modules exporting rules, relative to the config file (docs/custom-rules.md)")),
    policies: z.optional(described(z.array(z.string()), "files or folders of ValidatingAdmissionPolicies and bindings applied to the input, relative to the config file (read like --context)")),
    requiredLabels: z.optional(described(z.array(z.string()), "label keys every workload must carry (rule required-metadata); default: [app.kubernetes.io/name]")),
    requiredAnnotations: z.optional(described(z.array(z.string()), "annotation keys every workload must carry (rule required-metadata); default: none")),
  }),
  "k8s-lint configuration",
);

export type Config = z.infer<typeof configSchema>;
export type ExcludeEntry = z.infer<typeof excludeEntry>;
export type CustomRuleConfig = z.infer<typeof customRuleEntry>;

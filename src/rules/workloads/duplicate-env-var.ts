import type { EnvVar } from "../../models/k8s.js";
import { containersOf } from "../../models/resource.js";
import { defineRule, type FieldFix } from "../types.js";

export const rule = defineRule({
  id: "duplicate-env-var",
  category: "workloads",
  severity: "warning",
  appliesTo: "workloads",
  summary: "A container defines the same environment variable twice.",
  explanation: `When env lists a name twice, the API server accepts it and the later entry silently wins
(with only a warning from newer API servers: pkg/api/pod/warnings.go). The value the process sees
is not the one a reader of the first entry expects, and \`kubectl apply\`'s strategic merge keys
env by name, so later patches may update or drop the wrong entry; server-side apply rejects
duplicate names outright. A later entry that extends the earlier one (\`JAVA_OPTS: $(JAVA_OPTS)
-Dx=y\`, which the kubelet expands with the earlier value) works today, but removing either entry
would change the value: fold the two into one. An entry that repeats the same value can simply go
(--fix removes it; in a Pod or a Job, whose pod spec an update cannot change, the removal is a
suggestion, as the existing object must be recreated).`,
  fix: "Keep one entry per variable name; fold an entry that extends its own earlier value into one.",
  fixable: true,
  hasSuggestions: true,
  preventsStatus: ["CrashLoopBackOff"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    const fixedSpec = POD_SPEC_FIXED.has(resource.kind);
    for (const { container, path } of containersOf(tpl, { init: true, ephemeral: true })) {
      // The latest definition of each name, and the value it gives (undefined for valueFrom).
      const seen = new Map<string, Definition>();
      container.env?.forEach((entry, i) => {
        if (typeof entry.name !== "string") return;
        const earlier = seen.get(entry.name);
        if (!earlier) {
          seen.set(entry.name, { at: i, value: plainValue(entry) });
          return;
        }
        const found = redefinition(entry.name, earlier, entry);
        const removeEntry = (n: number): FieldFix => [{ op: "remove", path: [...path, "env", n] }];
        report({
          path: [...path, "env", i, "name"],
          message: found.message,
          hint: found.hint,
          // The same value twice: this entry changes nothing, but where the pod spec cannot change the edit would be refused. Otherwise which one is meant is the author's choice.
          ...(found.outcome === "same" && !fixedSpec ? { fix: removeEntry(i) } : {}),
          ...(found.outcome === "same" && fixedSpec ? { suggestions: [{ description: `remove this entry, and recreate an existing ${resource.kind}: its pod spec cannot change`, fix: removeEntry(i) }] } : {}),
          ...(found.outcome === "wins"
            ? { suggestions: [{ description: `remove env[${earlier.at}]`, fix: removeEntry(earlier.at) }, { description: "remove this entry", fix: removeEntry(i) }] }
            : {}),
        });
        seen.set(entry.name, { at: i, value: found.value });
      });
    }
  },
});

/**
 * Kinds whose pod spec an update cannot change (env included): a Pod's (ValidatePodUpdate in
 * pkg/apis/core/validation/validation.go) and a Job's template (ValidateJobSpecUpdate in
 * pkg/apis/batch/validation/validation.go). Removing an entry there fails on the existing object.
 */
const POD_SPEC_FIXED: ReadonlySet<string> = new Set(["Pod", "Job"]);

interface Definition {
  /** Index in env. */
  at: number;
  /** The value it gives, after expanding references to itself; undefined for valueFrom. */
  value?: string;
}

/** A plain `value` entry's text; undefined for valueFrom or a non-string value. */
function plainValue(e: EnvVar): string | undefined {
  if (e.valueFrom !== undefined) return undefined;
  if (e.value === undefined) return "";
  return typeof e.value === "string" ? e.value : undefined;
}

/**
 * What a later entry of the same name does, by cause. The kubelet expands `$(NAME)` with the
 * variables defined before it (third_party/forked/golang/expansion), so a later
 * `NAME=$(NAME) more` extends the earlier value: the API server does not even warn about that
 * pattern (pkg/api/pod/warnings.go). Removing either entry would change the value, so the fix is
 * one entry; server-side apply rejects duplicate names in env (a list map keyed by name).
 */
function redefinition(name: string, earlier: Definition, later: EnvVar): { message: string; hint: string; value?: string; outcome: "extends" | "same" | "wins" } {
  const { at, value: before } = earlier;
  const value = plainValue(later);
  const reference = `$(${name})`;
  const extended = value !== undefined && value !== reference ? expandSelf(value, reference, before ?? "") : undefined;
  if (extended?.references) {
    return {
      message: `env var "${name}" is defined again at this entry, extending its earlier value from env[${at}]`,
      hint:
        before !== undefined
          ? `fold both into one entry, value: ${JSON.stringify(extended.text)}: removing either would change the value, and server-side apply rejects duplicate names`
          : `rename the entry at env[${at}] (for example "${name}_BASE") and refer to it here as $(${name}_BASE): removing either would change the value, and server-side apply rejects duplicate names`,
      ...(before !== undefined ? { value: extended.text } : {}),
      outcome: "extends",
    };
  }
  if (value !== undefined && before !== undefined && (value === before || value === reference)) {
    return {
      message: `env var "${name}" is already defined at env[${at}] with the same value`,
      hint: `remove this entry: env[${at}] already gives "${name}" that value`,
      value: before,
      outcome: "same",
    };
  }
  return {
    message: `env var "${name}" is already defined at env[${at}]; this later ${value === undefined ? "valueFrom" : "value"} wins`,
    hint: `keep one entry for "${name}": remove env[${at}] if this value is meant, or this entry otherwise`,
    ...(value !== undefined ? { value } : {}),
    outcome: "wins",
  };
}

/**
 * The value with each `$(NAME)` replaced by the earlier value, as the kubelet expands it;
 * `$$` escapes stay as written. `references` counts the replacements.
 */
function expandSelf(value: string, reference: string, earlier: string): { text: string; references: number } {
  let text = "";
  let references = 0;
  for (let i = 0; i < value.length; ) {
    if (value.startsWith("$$", i)) {
      text += "$$";
      i += 2;
    } else if (value.startsWith(reference, i)) {
      text += earlier;
      references++;
      i += reference.length;
    } else {
      text += value[i++];
    }
  }
  return { text, references };
}

/** Finds, reads and validates the config file; errors carry the offending key and its line. */
import type { z } from "zod";
import * as zm from "zod/mini";
import { en } from "zod/locales";
import { describeFailure, INPUT_LIMITS, readFileBounded } from "../engine/bounded-read.js";
import { parseText } from "../engine/parse.js";
import { LineIndex, locate } from "../engine/positions.js";
import { configSchema, customRuleEntry, excludeEntry, podSecuritySetting, type Config } from "./schema.js";
import { didYouMean } from "../did-you-mean.js";
import { ConfigError } from "../errors.js";
import { rememberConfigSource } from "./positions.js";
import { printable } from "../printable.js";
import { allRules, isBuiltInRule } from "../engine/registry.js";
import { targetRelease } from "../models/catalogue/releases.js";
import { PRESET_NAMES, PRESET_PREFIX, presetNamed } from "../presets.js";

/** Thrown here; defined with the other exit-2 failures. */
export { ConfigError };

// zod's functional build has no messages until a locale is chosen.
zm.config(en());

export { CONFIG_NAMES, findConfig } from "./find.js";

export function loadConfig(file: string, displayName = file): Config {
  const read = readFileBounded(file, INPUT_LIMITS.settings);
  if (!("bytes" in read)) throw new ConfigError(printable(describeFailure(`config file ${displayName}`, read)));
  const text = read.bytes.toString("utf8").replace(/^\uFEFF/, "");
  const docs = parseText(text, "1.2");
  const doc = docs[0];
  const problem = doc?.problems[0];
  if (problem) {
    const pos = new LineIndex(text).position(problem.start);
    throw new ConfigError(printable(`${displayName}:${pos.line}:${pos.column}: ${problem.message}`));
  }
  const value = doc?.value ?? {};
  const result = configSchema.safeParse(value);
  // Unknown rule ids are found in the raw value, so that they are reported beside value errors.
  const zodIssues = result.success ? [] : result.error.issues.map((issue) => versionNumberIssue(issue, value, text, doc) ?? describeIssue(issue));
  const issues: Issue[] = [...zodIssues, ...unknownRuleIssues(value), ...unknownPresetIssues(value), ...releaseIssues(result.data)];
  if (result.success && !issues.length) {
    rememberConfigSource(result.data, { text, doc, displayName });
    return result.data;
  }
  const lines = new LineIndex(text);
  const located = issues.map(({ path, message, target }) => {
    const offset = doc ? locate(doc, path, target).start : 0;
    const pos = lines.position(offset);
    const where = path.length ? ` at "${path.join(".")}"` : "";
    // One line each: ids and keys come from the (untrusted) file.
    return { offset, text: printable(`${displayName}:${pos.line}:${pos.column}: ${message}${where}`) };
  });
  throw new ConfigError(located.sort((a, b) => a.offset - b.offset).map((m) => m.text).join("\n"));
}

/** A kubernetesVersion of the right shape but outside the releases the catalogue knows. */
function releaseIssues(config: Config | undefined): Issue[] {
  if (config?.kubernetesVersion === undefined) return [];
  const target = targetRelease(config.kubernetesVersion);
  return "error" in target ? [{ path: ["kubernetesVersion"], message: target.error }] : [];
}

/**
 * An unquoted `kubernetesVersion: 1.30` is a YAML number, 1.3: the trailing zero is gone, so
 * 1.30 and 1.3 read alike. Says to quote it, with the release as written in the file.
 */
function versionNumberIssue(issue: z.core.$ZodIssue, value: unknown, text: string, doc: Parameters<typeof locate>[0] | undefined): Issue | undefined {
  if (issue.path.length !== 1 || issue.path[0] !== "kubernetesVersion" || !isMapping(value) || typeof value.kubernetesVersion !== "number") return undefined;
  const span = doc ? locate(doc, ["kubernetesVersion"]) : undefined;
  const written = span ? text.slice(span.start, span.end).trim() : String(value.kubernetesVersion);
  const read = String(value.kubernetesVersion);
  if (written !== read) return { path: ["kubernetesVersion"], message: `kubernetesVersion ${written} is read as the number ${read} (YAML drops the trailing zero): quote it, kubernetesVersion: "${written}"` };
  // 1.3 as written: no release k8s-lint knows, most likely 1.30 after a tool rewrote the number.
  const meant = /^\d+\.\d$/.test(read) ? `${read}0` : undefined;
  if (meant) return { path: ["kubernetesVersion"], message: `kubernetesVersion ${read} is a number, and ambiguous: unquoted, ${meant} is read as ${read} too; if you mean Kubernetes ${meant}, quote it, kubernetesVersion: "${meant}"` };
  return { path: ["kubernetesVersion"], message: `kubernetesVersion ${read} is a number: quote it, kubernetesVersion: "${read}"` };
}

/** A problem of the config file, at a path of its YAML. */
interface Issue {
  path: (string | number)[];
  message: string;
  /** "key" when the key itself is wrong (an unknown key or rule id). */
  target?: "key";
}

function describeIssue(issue: z.core.$ZodIssue): Issue {
  if (issue.code === "unrecognized_keys") {
    const nested = issue.path[0] === "podSecurity" ? podSecuritySetting.shape : issue.path[0] === "customRules" ? customRuleEntry.shape : excludeEntry.shape;
    const known = Object.keys(issue.path.length ? nested : configSchema.shape);
    const message = `unknown key "${issue.keys.join('", "')}"${didYouMean(issue.keys[0], known)}`;
    return { path: [...(issue.path as (string | number)[]), issue.keys[0]], message, target: "key" };
  }
  return { path: issue.path as (string | number)[], message: issue.message };
}

/**
 * Rule ids that name no rule, with the nearest real one: the keys under `rules:` and the
 * strings of each `exclude[].rules` (where "*" means every rule). Read from the unvalidated
 * value: whatever else is wrong with the file, these are found too.
 */
function unknownRuleIssues(value: unknown): Issue[] {
  if (!isMapping(value)) return [];
  // A plugin's rule ids are known once it is loaded: the run checks them then (checkRuleIds).
  if (Array.isArray(value.plugins) && value.plugins.length) return [];
  const custom = Array.isArray(value.customRules) ? value.customRules.flatMap((r) => (isMapping(r) && typeof r.id === "string" ? [r.id] : [])) : [];
  const ids = [...allRules.filter((r) => isBuiltInRule(r.meta.id)).map((r) => r.meta.id), ...custom];
  const unknown = (id: string) => !ids.includes(id);
  const message = (id: string) => `unknown rule "${id}"${didYouMean(id, ids)}`;
  const issues: Issue[] = [];
  if (isMapping(value.rules)) {
    for (const id of Object.keys(value.rules).filter(unknown)) issues.push({ path: ["rules", id], message: message(id), target: "key" });
  }
  if (Array.isArray(value.exclude)) {
    value.exclude.forEach((entry, i) => {
      if (!isMapping(entry) || !Array.isArray(entry.rules)) return;
      entry.rules.forEach((id, j) => {
        if (typeof id === "string" && id !== "*" && unknown(id)) issues.push({ path: ["exclude", i, "rules", j], message: message(id) });
      });
    });
  }
  return issues;
}

/** Names under `extends` that are no preset, with the nearest one (`k8s-lint:security`). */
function unknownPresetIssues(value: unknown): Issue[] {
  if (!isMapping(value) || !Array.isArray(value.extends)) return [];
  const known = PRESET_NAMES.map((p) => PRESET_PREFIX + p);
  const issues: Issue[] = [];
  value.extends.forEach((name, i) => {
    if (typeof name !== "string" || presetNamed(name)) return;
    // `security` alone is accepted too; the suggestion is written the documented way.
    const asked = name.includes(":") ? name : PRESET_PREFIX + name;
    issues.push({ path: ["extends", i], message: `unknown preset "${name}"${didYouMean(asked, known)}; one of: ${known.join(", ")}` });
  });
  return issues;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Name and label validation exactly as k8s.io/apimachinery/pkg/util/validation does it.
 * Each function returns the list of problems (empty when valid), phrased like upstream.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export function dns1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push("must be no more than 63 characters");
  if (!DNS1123_LABEL.test(value)) {
    errs.push("must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character");
  }
  return errs;
}

export function dns1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push("must be no more than 253 characters");
  if (!DNS1123_SUBDOMAIN.test(value)) {
    errs.push("must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
  }
  return errs;
}

export function dns1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push("must be no more than 63 characters");
  if (!DNS1035_LABEL.test(value)) {
    errs.push("must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character");
  }
  return errs;
}

/** Names of RBAC objects and a few others: any path segment. */
export function pathSegmentName(value: string): string[] {
  if (value === "." || value === "..") return [`may not be '${value}'`];
  const errs: string[] = [];
  for (const bad of ["/", "%"]) if (value.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}

/** A label or annotation key: `[prefix/]name`, prefix a DNS-1123 subdomain. */
export function qualifiedName(value: string): string[] {
  // Most keys are valid: judge them without splitting (every label and annotation key of every
  // resource comes here: 46 ms in a profile of the 10,000-resource bench corpus, every rule on).
  if (isValidQualifiedName(value)) return [];
  const parts = value.split("/");
  let name: string;
  const errs: string[] = [];
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const [prefix] = parts;
    name = parts[1];
    if (prefix.length === 0) errs.push("prefix part must be non-empty");
    else errs.push(...dns1123Subdomain(prefix).map((e) => `prefix part ${e}`));
  } else {
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/'",
    ];
  }
  if (name.length === 0) errs.push("name part must be non-empty");
  else if (name.length > 63) errs.push("name part must be no more than 63 characters");
  if (name.length > 0 && !QUALIFIED_NAME_PART.test(name)) {
    errs.push("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
  }
  return errs;
}

/** Whether qualifiedName finds no problem in the key. */
function isValidQualifiedName(value: string): boolean {
  const slash = value.indexOf("/");
  if (slash === -1) return value.length <= 63 && QUALIFIED_NAME_PART.test(value);
  if (slash === 0 || slash > 253 || value.length - slash - 1 > 63 || value.indexOf("/", slash + 1) !== -1) return false;
  return QUALIFIED_NAME_PART.test(value.slice(slash + 1)) && DNS1123_SUBDOMAIN.test(value.slice(0, slash));
}

export function labelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push("must be no more than 63 characters");
  if (!LABEL_VALUE.test(value)) {
    errs.push("must be empty or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
  }
  return errs;
}

/**
 * A documentation placeholder left in a sample: `<node-hostname>`, `<your domain>`, `<<PROJECT>>`,
 * `{{YOUR_DOMAIN}}`, `{{BASE64 encoded id_rsa}}`, `{cluster}`, `${DOMAIN}`, `__INGRESS_HOST__` (a
 * chart's `{{ .Values.x }}` or `{{ b64enc .Values.x }}` is a template, not one: no word of a
 * placeholder starts with a dot). No name, host or label value can hold one.
 */
const PLACEHOLDER = /<<?[A-Za-z][\w.-]*(?: [\w.-]+)*>>?|\{\{\s*[A-Za-z_][\w-]*(?: [A-Za-z_][\w.-]*)*\s*\}\}|\$?\{[A-Za-z_][\w.-]*(?: [\w.-]+)*\}|__[A-Za-z][A-Za-z0-9_]*?__/g;

/** The placeholders of a value, each once, in the order written. */
export function samplePlaceholders(value: string): string[] {
  return [...new Set(value.match(PLACEHOLDER) ?? [])];
}

/**
 * The names a name written with placeholders stands for (`${component}-config`, `{{name}}-cert`,
 * `<app>-tls`): a pattern where each placeholder (samplePlaceholders) is one or more characters,
 * anchored at both ends. A script or a tutorial's reader fills in the placeholders, so the object
 * is every name of that shape. Undefined for a name without one, and for a name whose written part
 * holds no letter or digit (`${NAME}`, `${a}-${b}`): that stands for any name at all.
 */
export function placeholderNamePattern(name: string): RegExp | undefined {
  if (!/[$<{]|__/.test(name)) return undefined;
  const placeholders = samplePlaceholders(name);
  if (!placeholders.length) return undefined;
  let literal = name;
  for (const p of placeholders) literal = literal.split(p).join("\u0000");
  if (!/[a-z0-9]/i.test(literal.replace(/\u0000/g, ""))) return undefined;
  return new RegExp(`^${literal.split("\u0000").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+")}$`);
}

/**
 * Words of capitals joined by underscores or spaces (`PROJECT_ID`, `PV_NAME`, NVIDIA's
 * gpu-operator `FILLED BY THE OPERATOR`; not `API_01`, a numbered name), which tutorials and
 * operators' templates leave for the reader or the program to replace. Only a placeholder where
 * capitals cannot be written (DNS names, image repositories, quantities): a label value or an env
 * var name holds such words.
 */
const CAPITALS = /(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:[_ ][A-Z][A-Z0-9]*)+(?![A-Za-z0-9_])/g;

/**
 * The single words of capitals that say a value is to be replaced (argo-rollouts' examples write
 * `REPLACEME-stable` beside `ROLLOUT_NAME-active`); other single words (`Web`, `API`) may be a
 * mistaken spelling of a name and are not taken for placeholders.
 */
const REPLACE_WORDS = /(?<![A-Za-z0-9_])(?:REPLACE_?ME|CHANGE_?ME|FILL_?ME|TODO|FIXME|TBD)(?![A-Za-z0-9_])/g;

/** The placeholders of a value that cannot hold capitals: samplePlaceholders', then its words of capitals outside them, each once. */
export function placeholdersWithoutCapitals(value: string): string[] {
  const marked = samplePlaceholders(value);
  const capitals = [...(value.match(CAPITALS) ?? []), ...(value.match(REPLACE_WORDS) ?? [])].filter((word) => !marked.some((p) => p.includes(word)));
  return [...new Set([...marked, ...capitals])];
}

/** `"<env>" looks like a placeholder left in`, or `"<env>" and "<region>" look like placeholders left in`. */
export function placeholderNote(placeholders: readonly string[]): string {
  const one = placeholders.length === 1;
  return `${namesList(placeholders.map((p) => JSON.stringify(p)))} ${one ? "looks like a placeholder" : "look like placeholders"} left in`;
}

/**
 * The message and hint for a value of the wrong type at `field` (`want`: "a string", `got`: "a
 * list"). A list of one string holding a placeholder is a sample's `[YOUR_BASE64_AK_ID]`, whose
 * brackets YAML reads as a list, and a map of one key without a value is a `{cluster}` whose
 * braces YAML reads as a map: said so, and the placeholder named as the thing to replace.
 */
export function wrongTypeText(field: string, want: string, got: string, value: unknown): { message: string; hint: string } {
  const only = Array.isArray(value) && value.length === 1 ? (value as unknown[])[0] : undefined;
  if (typeof only === "string" && placeholdersWithoutCapitals(only).length) {
    return { message: `${JSON.stringify(field)} must be ${want}, got a list: ${placeholderNote([`[${only}]`])}, and YAML reads its brackets as a list`, hint: replacePlaceholdersHint([`[${only}]`]) };
  }
  // `{cluster}`, or a Python format string's `{self.path.k8s}` (emissary's test manifests): YAML reads the braces as a map of one key without a value.
  const keys = typeof value === "object" && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
  if (keys.length === 1 && (value as Record<string, unknown>)[keys[0]] === null && samplePlaceholders(`{${keys[0]}}`).length) {
    const written = `{${keys[0]}}`;
    return { message: `${JSON.stringify(field)} must be ${want}, got a map: ${placeholderNote([written])}, and YAML reads its braces as a mapping`, hint: replacePlaceholdersHint([written]) };
  }
  // `containerPort: PORT`: a word of capitals where a number belongs is the reader's to fill in (kubernetes-engine-samples' sctp sample).
  if (typeof value === "string" && (want === "an integer" || want === "a number") && NUMBER_PLACEHOLDER.test(value)) {
    return { message: `${JSON.stringify(field)} must be ${want}, got ${got}: ${placeholderNote([value])}`, hint: replacePlaceholdersHint([value]) };
  }
  return { message: `${JSON.stringify(field)} must be ${want}, got ${got}`, hint: `set ${JSON.stringify(field)} to ${want}` };
}

/** A whole value of capitals, digits and underscores (`PORT`, `NODE_PORT`, `REPLICAS`): where a number belongs, a placeholder. */
const NUMBER_PLACEHOLDER = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** The fix for a value (or a key) holding placeholders: what they stand for, not a spelling of them. */
export function replacePlaceholdersHint(placeholders: readonly string[], what: "value" | "key" = "value"): string {
  const one = placeholders.length === 1;
  return `replace ${namesList(placeholders.map((p) => JSON.stringify(p)))} with the ${one ? `${what} it stands` : `${what}s they stand`} for`;
}

/**
 * What to change in a label value labelValue rejects, naming each fault it has: placeholders of a
 * sample to replace, or else characters
 * outside letters, digits, '-', '_' and '.', a first or last character that is not a letter or
 * digit (once those are removed), a length over 63.
 */
export function labelValueFix(value: string): string {
  const placeholders = samplePlaceholders(value);
  if (placeholders.length) return replacePlaceholdersHint(placeholders);
  const fixes: string[] = [];
  const notAllowed = [...new Set(value.replace(/[-A-Za-z0-9_.]/g, ""))];
  if (notAllowed.length) {
    const named = notAllowed.map((c) => (c === " " ? "the spaces" : JSON.stringify(c).replace(/^"|"$/g, "'")));
    fixes.push(`remove ${namesList(named)} from the value (a label value holds only letters, digits, '-', '_' and '.')`);
  }
  const kept = value.replace(/[^-A-Za-z0-9_.]/g, "");
  if (kept && !/^[A-Za-z0-9](.*[A-Za-z0-9])?$/s.test(kept)) fixes.push("make the value start and end with a letter or digit");
  if (value.length > 63) fixes.push(`shorten the value to 63 characters or fewer (it has ${value.length})`);
  return namesList(fixes, ", and ");
}

/** `a`, `a and b`, `a, b and c` (or with `last` before the last one). */
function namesList(items: readonly string[], last = " and "): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")}${last}${items[items.length - 1]}`;
}

export type NameRule = "dns1123-subdomain" | "dns1123-label" | "dns1035-label" | "path-segment";

/** How the API server validates metadata.name of a built-in kind (pkg/apis/<group>/validation). */
export function nameRuleOf(kind: string, group: string): NameRule {
  if (kind === "Service") return "dns1035-label";
  if (kind === "Namespace") return "dns1123-label";
  if (group === "rbac.authorization.k8s.io") return "path-segment";
  return "dns1123-subdomain";
}

export function validateName(value: string, rule: NameRule): string[] {
  switch (rule) {
    case "dns1035-label":
      return dns1035Label(value);
    case "dns1123-label":
      return dns1123Label(value);
    case "path-segment":
      return pathSegmentName(value);
    default:
      return dns1123Subdomain(value);
  }
}

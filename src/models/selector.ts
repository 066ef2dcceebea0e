/** Label selectors evaluated the way the API server's labels.Selector does. */

export type Labels = Readonly<Record<string, string>>;

export type Operator = "In" | "NotIn" | "Exists" | "DoesNotExist";

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/**
 * A selector normalised to requirements. `kind: "none"` selects nothing (a nil selector of a
 * Service/NetworkPolicy peer in the places where nil means nothing); `requirements: []` selects
 * everything (an empty selector `{}`).
 */
export type Selector = { kind: "none" } | { kind: "requirements"; requirements: Requirement[] };

const OPERATORS = new Set<string>(["In", "NotIn", "Exists", "DoesNotExist"]);

const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Label keys: an optional DNS-subdomain prefix (<= 253) and a name (<= 63), as validation.IsQualifiedName. */
export function isQualifiedName(key: string): boolean {
  const parts = key.split("/");
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  if (!name || name.length > 63 || !QUALIFIED_NAME_PART.test(name)) return false;
  if (parts.length === 2) {
    const prefix = parts[0];
    if (!prefix || prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) return false;
  }
  return true;
}

/** Label values: empty, or <= 63 characters of the qualified-name alphabet. */
export function isValidLabelValue(value: string): boolean {
  return value === "" || (value.length <= 63 && QUALIFIED_NAME_PART.test(value));
}

/**
 * The labels of a LabelSelector written as a plain label map (`selector: {app: web}`, the form of
 * Service and ReplicationController selectors): keys beside matchLabels/matchExpressions whose
 * values are strings. The API server rejects them as unknown fields and sees an empty selector.
 */
export function labelMapKeys(sel: unknown): string[] {
  if (!sel || typeof sel !== "object" || Array.isArray(sel)) return [];
  return Object.entries(sel)
    .filter(([k, v]) => k !== "matchLabels" && k !== "matchExpressions" && typeof v === "string")
    .map(([k]) => k);
}

export interface SelectorProblem {
  path: (string | number)[];
  message: string;
  /** The label value at fault, for a problem of a value. */
  value?: string;
}

/**
 * Every reason a LabelSelector is invalid, as metav1validation.ValidateLabelSelector sees it:
 * operators, values required for In/NotIn and forbidden for Exists/DoesNotExist, keys and values.
 */
export function selectorProblems(sel: unknown): SelectorProblem[] {
  const out: SelectorProblem[] = [];
  if (sel === null || sel === undefined) return out;
  if (typeof sel !== "object" || Array.isArray(sel)) return [{ path: [], message: "a label selector must be a mapping" }];
  const ml = (sel as Record<string, unknown>).matchLabels;
  if (ml && typeof ml === "object" && !Array.isArray(ml)) {
    for (const [k, v] of Object.entries(ml)) {
      if (!isQualifiedName(k)) out.push({ path: ["matchLabels", k], message: `label key "${k}" is not a valid qualified name` });
      else if (typeof v === "string" && !isValidLabelValue(v)) {
        out.push({ path: ["matchLabels", k], message: `label value "${v}" is not valid (63 characters at most: letters, digits, "-", "_", ".", starting and ending alphanumeric)`, value: v });
      }
    }
  }
  const exprs = (sel as Record<string, unknown>).matchExpressions;
  if (exprs === undefined || exprs === null) return out;
  if (!Array.isArray(exprs)) return [...out, { path: ["matchExpressions"], message: "matchExpressions must be a list" }];
  for (let i = 0; i < exprs.length; i++) {
    const e = exprs[i] as Record<string, unknown> | null;
    if (!e || typeof e !== "object") {
      out.push({ path: ["matchExpressions", i], message: "a match expression must be a mapping" });
      continue;
    }
    const op = e.operator;
    if (typeof e.key === "string" && !isQualifiedName(e.key)) {
      out.push({ path: ["matchExpressions", i, "key"], message: `label key "${e.key}" is not a valid qualified name` });
    }
    if (typeof op !== "string" || !OPERATORS.has(op)) {
      const near = typeof op === "string" ? [...OPERATORS].find((o) => o.toLowerCase() === op.toLowerCase()) : undefined;
      out.push({
        path: ["matchExpressions", i, "operator"],
        message: `operator "${String(op)}" is not one of In, NotIn, Exists, DoesNotExist${near ? ` (operators are case-sensitive: "${near}")` : ""}`,
      });
      continue;
    }
    const values = Array.isArray(e.values) ? e.values : [];
    if ((op === "In" || op === "NotIn") && values.length === 0) {
      out.push({ path: ["matchExpressions", i, e.values === undefined ? "operator" : "values"], message: `operator "${op}" needs at least one value` });
    } else if ((op === "Exists" || op === "DoesNotExist") && values.length > 0) {
      out.push({ path: ["matchExpressions", i, "values"], message: `operator "${op}" must not have values` });
    } else {
      values.forEach((v, j) => {
        if (typeof v === "string" && !isValidLabelValue(v)) {
          out.push({ path: ["matchExpressions", i, "values", j], message: `label value "${v}" is not valid`, value: v });
        }
      });
    }
  }
  return out;
}

/** Why a selector is invalid (the first reason), or undefined. */
export function selectorProblem(sel: unknown): SelectorProblem | undefined {
  return selectorProblems(sel)[0];
}

/** Parsed selectors by the manifest object they come from: several rules read the same selector. */
const labelSelectors = new WeakMap<object, Selector>();
const mapSelectors = new WeakMap<object, Selector>();

/** A LabelSelector (matchLabels + matchExpressions). Invalid parts are ignored here; see selectorProblem. */
export function parseLabelSelector(sel: unknown): Selector {
  if (sel === null || sel === undefined) return { kind: "none" };
  if (typeof sel !== "object" || Array.isArray(sel)) return { kind: "none" };
  let parsed = labelSelectors.get(sel);
  if (!parsed) labelSelectors.set(sel, (parsed = readLabelSelector(sel as Record<string, unknown>)));
  return parsed;
}

function readLabelSelector(sel: Record<string, unknown>): Selector {
  const requirements: Requirement[] = [];
  const ml = (sel as Record<string, unknown>).matchLabels;
  if (ml && typeof ml === "object" && !Array.isArray(ml)) {
    for (const [key, value] of Object.entries(ml)) requirements.push({ key, operator: "In", values: [String(value)] });
  }
  const exprs = (sel as Record<string, unknown>).matchExpressions;
  if (Array.isArray(exprs)) {
    for (const e of exprs) {
      if (!e || typeof e !== "object") continue;
      const { key, operator, values } = e as Record<string, unknown>;
      if (typeof key !== "string" || typeof operator !== "string" || !OPERATORS.has(operator)) continue;
      requirements.push({
        key,
        operator: operator as Operator,
        values: Array.isArray(values) ? values.map((v) => String(v)) : [],
      });
    }
  }
  return { kind: "requirements", requirements };
}

/**
 * A Service's selector: the endpoint controllers manage no endpoints for a Service without one,
 * and an empty map is stored as no selector at all.
 */
export function parseServiceSelector(sel: unknown): Selector {
  const s = parseMapSelector(sel);
  return isEmptySelector(s) ? { kind: "none" } : s;
}

/** The plain map selector of Service and ReplicationController. */
export function parseMapSelector(sel: unknown): Selector {
  if (!sel || typeof sel !== "object" || Array.isArray(sel)) return { kind: "none" };
  let parsed = mapSelectors.get(sel);
  if (!parsed) {
    const requirements = Object.entries(sel).map(([key, value]) => ({ key, operator: "In" as const, values: [String(value)] }));
    mapSelectors.set(sel, (parsed = { kind: "requirements", requirements }));
  }
  return parsed;
}

/** One requirement of a selector string: `key`, `!key`, `key=v`, `key==v`, `key!=v`, `key in (a,b)`, `key notin (a,b)`. */
const SET_REQUIREMENT = /^(\S+?)\s+(in|notin)\s*\(([^()]*)\)$/;
const EQUALITY_REQUIREMENT = /^([^=!\s]+)\s*(==|=|!=)\s*([^=!\s]*)$/;

/**
 * A selector written as a string, as k8s.io/apimachinery labels.Parse reads it (pkg/labels/selector.go: the
 * `-l` of kubectl, kustomize's patch target labelSelector and annotationSelector): requirements
 * separated by commas, each `key`, `!key`, `key=value` (or `==`), `key!=value`, `key in (a,b)` or
 * `key notin (a,b)`; the empty string selects everything. Undefined for what it refuses (a bad key
 * or value, a stray parenthesis) and for the numeric `key>3` and `key<3`, which Requirement does not hold.
 */
export function parseSelectorText(text: string): Selector | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
    else if (text[i] === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0 || depth > 1) return undefined;
  }
  if (depth !== 0) return undefined;
  parts.push(text.slice(start));
  if (parts.length === 1 && parts[0].trim() === "") return { kind: "requirements", requirements: [] };
  const requirements: Requirement[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    const set = SET_REQUIREMENT.exec(part);
    const equality = set ? undefined : EQUALITY_REQUIREMENT.exec(part);
    let requirement: Requirement;
    if (set) {
      if (set[3].trim() === "") return undefined;
      const values = set[3].split(",").map((v) => v.trim());
      requirement = { key: set[1], operator: set[2] === "in" ? "In" : "NotIn", values };
    } else if (equality) requirement = { key: equality[1], operator: equality[2] === "!=" ? "NotIn" : "In", values: [equality[3]] };
    else if (part.startsWith("!")) requirement = { key: part.slice(1).trim(), operator: "DoesNotExist", values: [] };
    else requirement = { key: part, operator: "Exists", values: [] };
    if (!isQualifiedName(requirement.key) || !requirement.values.every(isValidLabelValue)) return undefined;
    requirements.push(requirement);
  }
  return { kind: "requirements", requirements };
}

function requirementMatches(r: Requirement, labels: Labels, assumedKeys?: ReadonlySet<string>): boolean {
  // Labels a controller adds to its pods: their values are unknown statically, so any requirement on them can hold.
  if (assumedKeys?.has(r.key) && !Object.hasOwn(labels, r.key)) return true;
  const has = Object.hasOwn(labels, r.key);
  switch (r.operator) {
    case "In":
      return has && r.values.includes(labels[r.key]);
    case "NotIn":
      return !has || !r.values.includes(labels[r.key]);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
  }
}

export function matches(sel: Selector, labels: Labels, assumedKeys?: ReadonlySet<string>): boolean {
  if (sel.kind === "none") return false;
  return sel.requirements.every((r) => requirementMatches(r, labels, assumedKeys));
}

export function isEmptySelector(sel: Selector): boolean {
  return sel.kind === "requirements" && sel.requirements.length === 0;
}

/** Labels controllers add to the pods they create, by controller kind (SPEC §1). */
export const CONTROLLER_LABELS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["Deployment", new Set(["pod-template-hash"])],
  ["ReplicaSet", new Set(["pod-template-hash"])],
  ["StatefulSet", new Set(["controller-revision-hash", "statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index"])],
  ["DaemonSet", new Set(["controller-revision-hash", "pod-template-generation"])],
  ["Job", new Set(["batch.kubernetes.io/job-name", "batch.kubernetes.io/controller-uid", "job-name", "controller-uid", "batch.kubernetes.io/job-completion-index"])],
  ["CronJob", new Set(["batch.kubernetes.io/job-name", "batch.kubernetes.io/controller-uid", "job-name", "controller-uid", "batch.kubernetes.io/job-completion-index"])],
  // Argo Rollouts: v1alpha1.DefaultRolloutUniqueLabelKey, set on the ReplicaSets and pods it creates.
  ["Rollout", new Set(["rollouts-pod-template-hash"])],
]);

/** A short text form for messages: `app=web,tier in (a,b)`. */
export function formatSelector(sel: Selector): string {
  if (sel.kind === "none") return "<none>";
  if (sel.requirements.length === 0) return "<everything>";
  return sel.requirements
    .map((r) => {
      switch (r.operator) {
        case "In":
          return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(",")})`;
        case "NotIn":
          return `${r.key} notin (${r.values.join(",")})`;
        case "Exists":
          return r.key;
        case "DoesNotExist":
          return `!${r.key}`;
      }
    })
    .join(",");
}

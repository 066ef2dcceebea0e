/**
 * The field-by-field constraints the API server enforces in Go and the OpenAPI document does not
 * carry: ranges, formats and value sets, keyed by field path, each with the upstream function
 * that enforces it. They report under `invalid-value` (rules/api-validation/invalid-value.ts).
 *
 * Only what the API server rejects on create, from the manifest alone, after its defaults: a
 * value the server would replace (a probe's `periodSeconds: 0` becomes 10) is not judged, and
 * what another rule already reports (service-node-port-range, probe-success-threshold,
 * invalid-label-selector, invalid-cron-schedule, invalid-fieldref, the schema rules) is left to it.
 */
import { isStdBase64 } from "../../models/base64.js";
import { closestWithin } from "../../did-you-mean.js";
import { compareQuantities } from "../../models/quantity.js";
import { yamlOctalInteger } from "../../models/values.js";
import {
  cidrProblem,
  exceptSubsetProblem,
  configMapKeyProblem,
  dns1123Label,
  dns1123Subdomain,
  envVarNameProblem,
  fileModeProblem,
  httpHeaderNameProblem,
  idProblem,
  intOrPercentProblem,
  ipProblem,
  labelValue,
  labelValueFix,
  localDescendingPathProblem,
  localNonReservedPathProblem,
  MAX_ID,
  noBackstepsProblem,
  portNameProblem,
  portNumProblem,
  qualifiedNameProblem,
  relaxedEnvVarNameProblem,
} from "../../models/validation/formats.js";
import { POD_SPEC_KINDS } from "../../models/workloads.js";
import { placeholderNote, placeholdersWithoutCapitals, replacePlaceholdersHint, validateName } from "../../models/catalogue/names.js";
import { compareVersions } from "../schema/api-changes.js";
import { everyValue, SELINUX_CHANGE_POLICIES, supportedAt, TRAFFIC_DISTRIBUTIONS, type ReleaseValues } from "../schema/gated-enum-values.js";
import { RELAXED_SERVICE_NAMES_SINCE } from "../schema/invalid-name.js";
import type { CheckContext, FieldConstraint, Problem, Root } from "./constraint.js";
import { PROFILE_FIELD_CONSTRAINTS } from "./cross-field/profiles.js";
import { LIMIT_RANGE_FIELD_CONSTRAINTS } from "./cross-field/limit-range.js";
import { RESOURCE_QUOTA_FIELD_CONSTRAINTS } from "./cross-field/resource-quota.js";
import { POD_ANNOTATION_FIELD_CONSTRAINTS } from "./cross-field/pod-annotations.js";

const CV = "pkg/apis/core/validation/validation.go";
const AV = "pkg/apis/apps/validation/validation.go";
const BV = "pkg/apis/batch/validation/validation.go";
const NV = "pkg/apis/networking/validation/validation.go";
const SV = "pkg/apis/storage/validation/validation.go";
const RV = "pkg/apis/rbac/validation/validation.go";
const PV = "pkg/apis/policy/validation/validation.go";
const HV = "pkg/apis/autoscaling/validation/validation.go";
const WV = "pkg/apis/admissionregistration/validation/validation.go";
const SCV = "pkg/apis/scheduling/validation/validation.go";
const MV = "k8s.io/apimachinery/pkg/api/validation/objectmeta.go";

/** RelaxedEnvironmentVariableValidation: beta and on by default from 1.32 (GA 1.34). */
const RELAXED_ENV_NAMES_SINCE = "1.32";
/**
 * ExpandedDNSConfig: alpha 1.22, beta and on by default 1.26, GA 1.28. Before, validatePodDNSConfig
 * allows MaxDNSSearchPathsLegacy (6) search domains of MaxDNSSearchListCharsLegacy (256) characters.
 */
const EXPANDED_DNS_CONFIG_SINCE = "1.26";
/** PodLifecycleSleepActionAllowZero: alpha 1.32, beta and on by default 1.33, GA 1.34. */
const SLEEP_ZERO_SINCE = "1.33";

type Check = FieldConstraint["check"];

const POD_KINDS = [...POD_SPEC_KINDS].sort();

function entry(root: Root, path: string, kinds: readonly string[], constraint: string, upstream: string, check: Check): FieldConstraint {
  const at = path.split(", ").map((one) => one.replace(/\[\]/g, ".[]").split(".").filter(Boolean));
  return {
    path: root === "object" ? path : `<${root}>.${path}`,
    kinds: root === "object" ? kinds : POD_KINDS,
    constraint,
    rule: "invalid-value",
    upstream,
    root,
    at,
    check,
  };
}

const show = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : String(v));
const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

/** An integer from `min` to `max` inclusive. */
function intRange(min: number, max: number, what?: string): Check {
  return (v, ctx) => {
    if (!isInt(v) || (v >= min && v <= max)) return undefined;
    const name = what ?? ctx.field;
    return { message: `${name} ${v} must be between ${min} and ${max}, inclusive`, hint: `set ${name} to a number from ${min} to ${max}` };
  };
}

/** An integer of at least `min` (0: not negative; 1: greater than zero). */
function atLeast(min: number): Check {
  return (v, ctx) => {
    if (!isInt(v) || v >= min) return undefined;
    const rule = min === 0 ? "must not be negative" : min === 1 ? "must be greater than 0" : `must be at least ${min}`;
    return { message: `${ctx.field} ${v} ${rule}`, hint: `set ${ctx.field} to ${min} or more` };
  };
}

/** A string in a format; `what` names it in the message, `hint` says the valid form. */
function format(problemOf: (s: string) => string | undefined, what: string, hint: string | ((v: string) => string)): Check {
  return (v) => {
    if (typeof v !== "string") return undefined;
    const problem = problemOf(v);
    return problem ? { message: `${what} ${show(v)} ${problem}`, hint: typeof hint === "string" ? hint : hint(v) } : undefined;
  };
}

/**
 * format for a DNS name, which cannot hold capitals: a placeholder left in (`KSA_NAME`,
 * `<project>`) is named as one, and the fix is its value rather than a lower-case spelling.
 */
function dnsName(problemOf: (s: string) => string | undefined, what: string, hint: string): Check {
  const plain = format(problemOf, what, hint);
  return (v, ctx) => {
    const found = plain(v, ctx);
    const placeholders = found && !Array.isArray(found) && typeof v === "string" ? placeholdersWithoutCapitals(v) : [];
    return placeholders.length && found && !Array.isArray(found) ? { message: `${found.message}; ${placeholderNote(placeholders)}`, hint: replacePlaceholdersHint(placeholders) } : found;
  };
}

/**
 * One of a fixed set of strings the OpenAPI document does not enumerate; `why` (a reason and a
 * hint) replaces the list in the message where the reason is not obvious.
 */
function oneOf(values: readonly string[], why?: { reason: string; hint: string }): Check {
  return (v, ctx) => {
    if (typeof v !== "string" || values.includes(v)) return undefined;
    const near = closestWithin(v, values) ?? values.find((x) => x.toLowerCase() === v.toLowerCase());
    if (why) return { message: `${ctx.field} ${show(v)} is not allowed: ${why.reason}`, hint: why.hint };
    return {
      message: `${ctx.field} ${show(v)} is not one of ${values.map(show).join(", ")}`,
      hint: near ? `set ${ctx.field} to ${show(near)}` : `set ${ctx.field} to one of ${values.join(", ")}`,
    };
  };
}

/**
 * A webhook's sideEffects in admissionregistration.k8s.io/v1: the schema lists the four values of
 * v1beta1, v1 accepts None and NoneOnDryRun. A value outside the four is invalid-type's already,
 * except "" (set, so validated: validateValidatingWebhook checks a non-nil SideEffects).
 */
const v1SideEffects: Check = (v, ctx) => {
  if (ctx.resource.apiVersion !== "admissionregistration.k8s.io/v1" || (v !== "Some" && v !== "Unknown" && v !== "")) return undefined;
  const was = v === "" ? "" : " (Some and Unknown were v1beta1's)";
  return { message: `sideEffects ${show(v)} is not allowed in admissionregistration.k8s.io/v1: it accepts "None" and "NoneOnDryRun"${was}`, hint: "set sideEffects to None, or NoneOnDryRun when the webhook has side effects it skips on dry runs" };
};

/**
 * One of the values some release supports, of a field whose supported values grew with a feature
 * gate (gated-enum-values.ts): the message lists those of the target release; a value of a later
 * release or behind a gate off by default is forbidden-value's (cross-field/release-values.ts).
 */
function releaseOneOf(field: ReleaseValues): Check {
  return (v, ctx) => {
    if (typeof v !== "string" || everyValue(field).includes(v)) return undefined;
    if (field.fieldSince && compareVersions(ctx.kubernetesVersion, field.fieldSince) < 0) return undefined;
    const values = supportedAt(field, ctx.kubernetesVersion);
    const near = closestWithin(v, values) ?? values.find((x) => x.toLowerCase() === v.toLowerCase());
    return {
      message: `${ctx.field} ${show(v)} is not supported at ${ctx.kubernetesVersion}: ${field.field} is ${values.length > 1 ? "one of " : ""}${values.map(show).join(", ")}`,
      hint: near ? `set ${ctx.field} to ${show(near)}` : `set ${ctx.field} to ${values.length > 1 ? "one of " : ""}${values.join(", ")}`,
    };
  };
}

const first = (problems: string[]) => problems[0];
const subdomain = (s: string) => first(dns1123Subdomain(s));
const label1123 = (s: string) => first(dns1123Label(s));
/** NameIsDNSSubdomain(name, prefix=true): a trailing '-' is allowed, a suffix follows. */
const subdomainPrefix = (s: string) => first(dns1123Subdomain(s.endsWith("-") ? `${s.slice(0, -1)}a` : s));

const SUBDOMAIN_HINT = "use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (at most 253)";
const LABEL_HINT = "use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit";
const QUALIFIED_HINT = "use an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.' starting and ending alphanumeric";
const PORT_NAME_HINT = "use at most 15 lower-case letters, digits and '-', with at least one letter and no leading, trailing or double '-'";

/** The name of another object, when set ("" means unset for these fields upstream: `if len(name) > 0`). */
const nameOf = (object: string): Check => dnsName((s) => (s === "" ? undefined : subdomain(s)), `${object} name`, `rename it: ${SUBDOMAIN_HINT}`);

/**
 * A field the API server defaults when it is empty (`if len(x) == 0` in pkg/apis/<group>/v1/defaults.go):
 * an explicit "" is the same as leaving it out, and judged as nothing.
 */
const defaultedWhenEmpty = (check: Check): Check => (v, ctx) => (v === "" ? undefined : check(v, ctx));

/** A non-empty string where the API server requires one. */
const nonEmpty: Check = (v, ctx) => (v === "" ? { message: `${ctx.field} is empty`, hint: `set ${ctx.field}` } : undefined);

function fileMode(v: unknown, ctx: CheckContext): Problem | undefined {
  // `0o1777` (YAML 1.2 octal): an integer to kubectl, quoted as written.
  const octal = yamlOctalInteger(v);
  if (octal !== undefined) return fileModeProblem(octal) === undefined ? undefined : { message: `${ctx.field} ${v} ${fileModeProblem(octal)}`, hint: "write the mode as an octal number from 0o000 to 0o777, such as 0o644" };
  if (!isInt(v) || fileModeProblem(v) === undefined) return undefined;
  const digits = String(v);
  const readAsDecimal = /^[0-7]{3,4}$/.test(digits) && Number.parseInt(digits, 8) <= 0o777;
  return {
    message: `${ctx.field} ${v} ${fileModeProblem(v)}`,
    hint: readAsDecimal
      ? `write 0${digits.replace(/^0/, "")} with a leading zero: YAML reads ${digits} as a decimal number (0${v.toString(8)} in octal)`
      : "write the mode as an octal number from 0000 to 0777, such as 0644",
  };
}

/** A port number (a string in an integer field is invalid-type's). */
const portNumber: Check = (v, ctx) => {
  if (!isInt(v)) return undefined;
  const problem = portNumProblem(v);
  return problem ? { message: `${ctx.field} ${v} ${problem}`, hint: `set ${ctx.field} to a port from 1 to 65535` } : undefined;
};

/** hostPort and the like: 0 means unset. */
const optionalPortNumber: Check = (v, ctx) => (v === 0 ? undefined : portNumber(v, ctx));

/**
 * A port that is a number or a name (ValidatePortNumOrName): a name is an IANA service name, judged
 * as a container port's name is. Digits in quotes ("8080") are a number written as a string:
 * invalid-type's, with the fix that unquotes them.
 */
const portNumberOrName: Check = (v, ctx) => {
  if (typeof v !== "string") return portNumber(v, ctx);
  const problem = /^[0-9]+$/.test(v) ? undefined : portNameProblem(v);
  return problem ? { message: `port name ${show(v)} ${problem}`, hint: `rename the container port and this reference: ${PORT_NAME_HINT}` } : undefined;
};

/** A Service's targetPort: 0 and "" are defaulted to the port (SetDefaults_Service). */
const targetPort: Check = (v, ctx) => (v === 0 || v === "" ? undefined : portNumberOrName(v, ctx));

const negativeQuantity: Check = (v, ctx) => {
  if ((typeof v !== "string" && typeof v !== "number") || !((compareQuantities(v, 0) ?? 0) < 0)) return undefined;
  return { message: `${ctx.field} ${show(v)} must not be negative`, hint: `set ${ctx.field} to 0 or more` };
};

const positiveQuantity: Check = (v, ctx) => {
  if ((typeof v !== "string" && typeof v !== "number") || !((compareQuantities(v, 0) ?? 1) <= 0)) return undefined;
  return { message: `${ctx.field} ${show(v)} must be greater than 0`, hint: `set ${ctx.field} to a size such as "1Gi"` };
};

function intOrPercent(max100: boolean): Check {
  return (v, ctx) => {
    const problem = intOrPercentProblem(v, max100);
    return problem ? { message: `${ctx.field} ${show(v)} ${problem}`, hint: `set ${ctx.field} to a number of pods (1) or a percentage ${max100 ? 'up to "100%"' : 'such as "25%"'}` } : undefined;
  };
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A string-to-string map whose keys are qualified names and values label values (ValidateLabels). */
function labelMap(what: string): Check {
  return (v) => {
    if (!isMap(v)) return undefined;
    // Made for the first problem: most maps have none.
    let out: Problem[] | undefined;
    for (const k in v) {
      const value = v[k];
      const keyProblem = qualifiedNameProblem(k);
      if (keyProblem) (out ??= []).push({ sub: [k], target: "key", message: `${what} key ${show(k)} ${keyProblem}`, hint: QUALIFIED_HINT.replace(/^use/, "rename the key to") });
      const valueProblem = typeof value === "string" ? labelValue(value)[0] : undefined;
      if (valueProblem) (out ??= []).push({ sub: [k], message: `${what} value ${show(value)} of ${show(k)} ${valueProblem}`, hint: labelValueFix(String(value)) });
    }
    return out;
  };
}

/** Every key of a map in a format. */
function keysIn(problemOf: (s: string) => string | undefined, what: string, hint: string): Check {
  return (v) => {
    if (!isMap(v)) return undefined;
    let out: Problem[] | undefined;
    for (const k in v) {
      const problem = problemOf(k);
      if (problem) (out ??= []).push({ sub: [k], target: "key", message: `${what} ${show(k)} ${problem}`, hint });
    }
    return out;
  };
}

/** A list of at most `max` items. */
function atMostItems(max: number, what: string): Check {
  return (v, ctx) => (Array.isArray(v) && v.length > max ? { message: `${ctx.field} has ${v.length} ${what}: at most ${max} are allowed`, hint: `remove ${ctx.field} entries until ${max} remain` } : undefined);
}

/** The size of a map's keys and values in bytes, as upstream counts it. */
function byteSize(v: unknown, decodeBase64 = false): number {
  if (!isMap(v)) return 0;
  let n = 0;
  for (const value of Object.values(v)) {
    if (typeof value !== "string") continue;
    n += decodeBase64 ? Math.floor((value.replace(/[\r\n=]/g, "").length * 3) / 4) : Buffer.byteLength(value);
  }
  return n;
}

const MAX_DATA_SIZE = 1024 * 1024;

/**
 * At least the size byteSize gives (a UTF-16 code unit is at most 3 bytes of UTF-8; base64 decodes
 * to fewer bytes than characters): a map within the limit by this bound needs no exact count.
 */
function sizeBound(v: unknown, decodeBase64 = false): number {
  if (!isMap(v)) return 0;
  let n = 0;
  for (const k in v) {
    const value = v[k];
    if (typeof value === "string") n += decodeBase64 ? value.length : 3 * value.length;
  }
  return n;
}

/** ConfigMap and Secret payloads are capped at 1 MiB (core.MaxSecretSize). */
function payloadSize(fields: ReadonlyArray<[string, boolean]>): Check {
  return (_v, ctx) => {
    const parent = ctx.parent;
    if (!parent) return undefined;
    // Judged once, at the first payload field present, over all of them (index loops: this runs for every ConfigMap and Secret).
    let first: string | undefined;
    let bound = 0;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i][0];
      if (!isMap(parent[f])) continue;
      first ??= f;
      bound += sizeBound(parent[f], fields[i][1]);
    }
    if (first !== ctx.field || bound <= MAX_DATA_SIZE) return undefined;
    let size = 0;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i][0];
      if (isMap(parent[f])) size += byteSize(parent[f], fields[i][1]);
    }
    if (size <= MAX_DATA_SIZE) return undefined;
    return { message: `the data of ${ctx.resource.kind} "${ctx.resource.name}" is ${size} bytes: at most ${MAX_DATA_SIZE} (1 MiB) are allowed`, hint: "move large content to a volume or an image, or split it over several objects", target: "key" };
  };
}

/** A probe or lifecycle handler's fields, for each probe of a container. */
const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"] as const;
const HANDLERS = ["lifecycle.postStart", "lifecycle.preStop"] as const;

const CONTAINER_RESOURCE_HINT = "use cpu, memory, ephemeral-storage, hugepages-<size>, or an extended resource with a domain prefix such as nvidia.com/gpu";

/** validateContainerResourceName: a standard container resource, or an extended resource name. */
function containerResourceNameProblem(name: string): string | undefined {
  const qualified = qualifiedNameProblem(name);
  if (qualified) return qualified;
  if (!name.includes("/")) {
    return name === "cpu" || name === "memory" || name === "ephemeral-storage" || name.startsWith("hugepages-") ? undefined : "is not a standard resource for containers";
  }
  const native = name.startsWith("kubernetes.io/") || /^[^/]*\.kubernetes\.io\//.test(name);
  if (!native && name.startsWith("requests.")) return "does not follow the extended resource name standard";
  return undefined;
}

/** validateSysctlName / IsValidSysctlName (k8s.io/component-helpers/node/util/sysctl). */
const SYSCTL = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;
const sysctlProblem = (s: string) => (s.length > 253 ? "must be no more than 253 characters" : SYSCTL.test(s) ? undefined : "must have at most 253 characters and match the regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$");

/**
 * A lifecycle sleep: 0 is allowed from 1.33, where PodLifecycleSleepActionAllowZero is beta and
 * on by default (alpha and off in 1.32); before, validateSleepAction wants more than 0.
 */
const sleepSeconds: Check = (v, ctx) => {
  if (compareVersions(ctx.kubernetesVersion, SLEEP_ZERO_SINCE) >= 0) return atLeast(0)(v, ctx);
  if (v !== 0) return atLeast(1)(v, ctx);
  return { message: `${ctx.field} 0 must be greater than 0 before Kubernetes ${SLEEP_ZERO_SINCE} (PodLifecycleSleepActionAllowZero)`, hint: `set ${ctx.field} to 1 or more, or target Kubernetes ${SLEEP_ZERO_SINCE} or later` };
};

/** validatePodDNSConfig: how many search domains, and how long their list joined by spaces, for the target release. */
const dnsSearches: Check = (v, ctx) => {
  if (!Array.isArray(v)) return undefined;
  const expanded = compareVersions(ctx.kubernetesVersion, EXPANDED_DNS_CONFIG_SINCE) >= 0;
  const [maxPaths, maxChars] = expanded ? [32, 2048] : [6, 256];
  const release = expanded ? "" : ` before Kubernetes ${EXPANDED_DNS_CONFIG_SINCE} (ExpandedDNSConfig)`;
  if (v.length > maxPaths) return { message: `searches has ${v.length} search domains: at most ${maxPaths} are allowed${release}`, hint: `remove search domains until ${maxPaths} remain${expanded ? "" : `, or target Kubernetes ${EXPANDED_DNS_CONFIG_SINCE} or later (32)`}` };
  let chars = v.length - 1;
  for (let i = 0; i < v.length; i++) chars += typeof v[i] === "string" ? (v[i] as string).length : 0;
  if (chars <= maxChars) return undefined;
  return { message: `the search domains are ${chars} characters long with the spaces between them: at most ${maxChars} are allowed${release}`, hint: `shorten or remove search domains${expanded ? "" : `, or target Kubernetes ${EXPANDED_DNS_CONFIG_SINCE} or later (2048 characters)`}` };
};

const envName: Check = (v, ctx) => {
  if (typeof v !== "string" || v === "") return undefined;
  const relaxed = compareVersions(ctx.kubernetesVersion, RELAXED_ENV_NAMES_SINCE) >= 0;
  const problem = relaxed ? relaxedEnvVarNameProblem(v) : envVarNameProblem(v);
  if (!problem) return undefined;
  return {
    message: `${ctx.field === "prefix" ? "env prefix" : "env var name"} ${show(v)} ${problem}${relaxed ? "" : ` (before Kubernetes ${RELAXED_ENV_NAMES_SINCE})`}`,
    hint: relaxed ? "remove '=' and non-printable characters from the name" : "rename it with letters, digits, '_', '-' and '.', not starting with a digit",
  };
};

/** A Service's clusterIP: "None", empty, or an IP (validateServiceClusterIPs). */
const clusterIP: Check = (v, ctx) => {
  if (typeof v !== "string" || v === "" || v === "None") return undefined;
  const problem = ipProblem(v);
  if (!problem) return undefined;
  const hint = v.toLowerCase() === "none" ? `write "None" with a capital N for a headless Service` : `set ${ctx.field} to an IP address of the service range, "None" for a headless Service, or remove it`;
  return { message: `${ctx.field} ${show(v)} ${problem} or "None"`, hint };
};

function when(condition: (parent: Record<string, unknown>) => boolean, check: Check): Check {
  return (v, ctx) => (ctx.parent && condition(ctx.parent) ? check(v, ctx) : undefined);
}

const pod = (path: string, constraint: string, upstream: string, check: Check) => entry("pod", path, POD_KINDS, constraint, upstream, check);
const container = (path: string, constraint: string, upstream: string, check: Check) => entry("container", path, POD_KINDS, constraint, upstream, check);
const volume = (path: string, constraint: string, upstream: string, check: Check) => entry("volume", path, POD_KINDS, constraint, upstream, check);
const object = (kinds: readonly string[], path: string, constraint: string, upstream: string, check: Check) => entry("object", path, kinds, constraint, upstream, check);

const MODE = "0 to 0777 (octal)";
const KEY_TO_PATH = "relative, without '..' elements, not starting with '..'";

const podSpec: FieldConstraint[] = [
  pod("activeDeadlineSeconds", "1 to 2147483647", `${CV} ValidatePodSpec`, intRange(1, 2147483647)),
  pod("hostname", "DNS-1123 label", `${CV} ValidatePodSpec`, dnsName(label1123, "hostname", `rename it: ${LABEL_HINT}`)),
  pod("subdomain", "DNS-1123 label", `${CV} ValidatePodSpec`, dnsName(label1123, "subdomain", `rename it: ${LABEL_HINT}`)),
  pod("nodeName", "DNS-1123 subdomain", `${CV} ValidatePodSpec (ValidateNodeName)`, nameOf("node")),
  pod("serviceAccountName", "DNS-1123 subdomain", `${CV} ValidatePodSpec (ValidateServiceAccountName)`, nameOf("ServiceAccount")),
  pod("priorityClassName", "DNS-1123 subdomain", `${CV} ValidatePodSpec (ValidatePriorityClassName)`, nameOf("PriorityClass")),
  pod("runtimeClassName", "DNS-1123 subdomain", `${CV} ValidateRuntimeClassName`, nameOf("RuntimeClass")),
  pod("nodeSelector", "keys qualified names, values label values", `${CV} ValidatePodSpec (ValidateLabels)`, labelMap("nodeSelector")),
  pod("dnsConfig.nameservers", "at most 3", `${CV} validatePodDNSConfig`, atMostItems(3, "nameservers")),
  pod("dnsConfig.nameservers[]", "IP address", `${CV} validatePodDNSConfig`, format(ipProblem, "nameserver", "write an IPv4 or IPv6 address such as 10.96.0.10")),
  pod("dnsConfig.searches", "at most 32 search domains and 2048 characters (spaces between them included) from 1.26; 6 and 256 before (ExpandedDNSConfig)", `${CV} validatePodDNSConfig (MaxDNSSearchPaths, MaxDNSSearchListChars; MaxDNSSearchPathsLegacy, MaxDNSSearchListCharsLegacy)`, dnsSearches),
  pod("dnsConfig.searches[]", "DNS-1123 subdomain (a trailing '.' allowed)", `${CV} validatePodDNSConfig`, format((s) => subdomain(s.replace(/\.$/, "")), "search domain", "write a lower-case DNS domain such as svc.cluster.local")),
  pod("hostAliases[].ip", "IP address", `${CV} ValidateHostAliases`, format(ipProblem, "hostAliases ip", "write an IPv4 or IPv6 address such as 127.0.0.1")),
  pod("hostAliases[].hostnames[]", "DNS-1123 subdomain", `${CV} ValidateHostAliases`, dnsName(subdomain, "host alias", `write a lower-case host name: ${SUBDOMAIN_HINT}`)),
  pod("tolerations[].key", "qualified name", `${CV} ValidateTolerations (ValidateLabelName)`, format((s) => (s === "" ? undefined : qualifiedNameProblem(s)), "toleration key", `rename it: ${QUALIFIED_HINT}`)),
  pod("tolerations[].value", "label value when the operator is Equal", `${CV} ValidateTolerations`, when((t) => t.operator === undefined || t.operator === "Equal", format((s) => labelValue(s)[0], "toleration value", labelValueFix))),
  pod("readinessGates[].conditionType", "qualified name", `${CV} validateReadinessGates`, format(qualifiedNameProblem, "readiness gate", `rename it: ${QUALIFIED_HINT}`)),
  pod("schedulingGates[].name", "qualified name", `${CV} validateSchedulingGates`, format(qualifiedNameProblem, "scheduling gate", `rename it: ${QUALIFIED_HINT}`)),
  pod("topologySpreadConstraints[].maxSkew", "greater than 0", `${CV} validateTopologySpreadConstraints`, atLeast(1)),
  pod("topologySpreadConstraints[].minDomains", "greater than 0", `${CV} validateTopologySpreadConstraints`, atLeast(1)),
  pod("topologySpreadConstraints[].topologyKey", "qualified name", `${CV} validateTopologySpreadConstraints`, format(qualifiedNameProblem, "topologyKey", `set a node label key such as topology.kubernetes.io/zone: ${QUALIFIED_HINT}`)),
  pod("affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[].weight", "1 to 100", `${CV} validatePreferredSchedulingTerms`, intRange(1, 100)),
  pod("affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[].weight", "1 to 100", `${CV} validateWeightedPodAffinityTerms`, intRange(1, 100)),
  pod("affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[].weight", "1 to 100", `${CV} validateWeightedPodAffinityTerms`, intRange(1, 100)),
  pod("affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[].topologyKey", "qualified name", `${CV} validatePodAffinityTerm`, format(qualifiedNameProblem, "topologyKey", `set a node label key such as kubernetes.io/hostname: ${QUALIFIED_HINT}`)),
  pod("affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[].topologyKey", "qualified name", `${CV} validatePodAffinityTerm`, format(qualifiedNameProblem, "topologyKey", `set a node label key such as kubernetes.io/hostname: ${QUALIFIED_HINT}`)),
  pod("affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[].podAffinityTerm.topologyKey", "qualified name", `${CV} validatePodAffinityTerm`, format(qualifiedNameProblem, "topologyKey", `set a node label key such as kubernetes.io/hostname: ${QUALIFIED_HINT}`)),
  pod("affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[].podAffinityTerm.topologyKey", "qualified name", `${CV} validatePodAffinityTerm`, format(qualifiedNameProblem, "topologyKey", `set a node label key such as kubernetes.io/hostname: ${QUALIFIED_HINT}`)),
  pod("topologySpreadConstraints[].matchLabelKeys[]", "label name", `${CV} ValidateMatchLabelKeysInTopologySpread (ValidateLabelName)`, format(qualifiedNameProblem, "matchLabelKeys entry", `rename it: ${QUALIFIED_HINT}`)),
  ...["podAffinity", "podAntiAffinity"].flatMap((kind) =>
    ["requiredDuringSchedulingIgnoredDuringExecution[]", "preferredDuringSchedulingIgnoredDuringExecution[].podAffinityTerm"].flatMap((term) =>
      ["matchLabelKeys", "mismatchLabelKeys"].map((list) =>
        pod(`affinity.${kind}.${term}.${list}[]`, "label name", `${CV} ValidateMatchLabelKeysAndMismatchLabelKeys (validateLabelKeys, ValidateLabelName)`, format(qualifiedNameProblem, `${list} entry`, `rename it: ${QUALIFIED_HINT}`)),
      ),
    ),
  ),
  pod("affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[].matchExpressions[].key", "qualified name", `${CV} ValidateNodeSelectorRequirement`, format(qualifiedNameProblem, "node label key", `rename it: ${QUALIFIED_HINT}`)),
  pod("affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[].preference.matchExpressions[].key", "qualified name", `${CV} ValidateNodeSelectorRequirement`, format(qualifiedNameProblem, "node label key", `rename it: ${QUALIFIED_HINT}`)),
  pod("securityContext.runAsUser", "0 to 4294967295", `${CV} validatePodSpecSecurityContext (IsValidUserID)`, intRange(0, MAX_ID)),
  pod("securityContext.runAsGroup", "0 to 4294967295", `${CV} validatePodSpecSecurityContext (IsValidGroupID)`, intRange(0, MAX_ID)),
  pod("securityContext.fsGroup", "0 to 4294967295", `${CV} validatePodSpecSecurityContext (IsValidGroupID)`, intRange(0, MAX_ID)),
  pod("securityContext.supplementalGroups[]", "0 to 4294967295", `${CV} validatePodSpecSecurityContext (IsValidGroupID)`, (v) => (isInt(v) && idProblem(v) ? { message: `supplemental group ${v} ${idProblem(v)}`, hint: `set each supplemental group to a number from 0 to ${MAX_ID}` } : undefined)),
  pod("securityContext.sysctls[].name", "sysctl name", `${CV} validateSysctls (IsValidSysctlName)`, format(sysctlProblem, "sysctl", "write the sysctl in lower case with '.' or '/' separators, such as net.core.somaxconn")),
  pod("resourceClaims[].name", "DNS-1123 label", `${CV} validatePodResourceClaim`, dnsName(label1123, "resource claim name", `rename it: ${LABEL_HINT}`)),
  pod("os.name", "linux or windows", `${CV} validateOS`, oneOf(["linux", "windows"])),
  pod("securityContext.seLinuxChangePolicy", "Recursive or MountOption", SELINUX_CHANGE_POLICIES.upstream, releaseOneOf(SELINUX_CHANGE_POLICIES)),
];

const containerSpec: FieldConstraint[] = [
  container("name", "DNS-1123 label", `${CV} validateContainerCommon`, dnsName(label1123, "container name", `rename it: ${LABEL_HINT}`)),
  container("ports[].containerPort", "1 to 65535", `${CV} validateContainerPorts (IsValidPortNum)`, portNumber),
  container("ports[].hostPort", "1 to 65535 when set", `${CV} validateContainerPorts (IsValidPortNum)`, optionalPortNumber),
  container("ports[].name", "IANA service name when set", `${CV} validateContainerPorts (IsValidPortName)`, format((s) => (s === "" ? undefined : portNameProblem(s)), "port name", `rename it: ${PORT_NAME_HINT}`)),
  container("env[].name", "C identifier-like env var name (printable ASCII but '=' from 1.32)", `${CV} ValidateEnv (IsEnvVarName, IsRelaxedEnvVarName)`, envName),
  container("envFrom[].prefix", "env var name (printable ASCII but '=' from 1.32)", `${CV} ValidateEnvFrom (IsEnvVarName, IsRelaxedEnvVarName)`, envName),
  container("envFrom[].configMapRef.name", "DNS-1123 subdomain", `${CV} validateConfigMapEnvSource`, dnsName(subdomainPrefix, "ConfigMap name", `rename it: ${SUBDOMAIN_HINT}`)),
  container("envFrom[].secretRef.name", "DNS-1123 subdomain", `${CV} validateSecretEnvSource`, dnsName(subdomainPrefix, "Secret name", `rename it: ${SUBDOMAIN_HINT}`)),
  container("env[].valueFrom.configMapKeyRef.name", "DNS-1123 subdomain", `${CV} validateConfigMapKeySelector`, nameOf("ConfigMap")),
  container("env[].valueFrom.configMapKeyRef.key", "ConfigMap key", `${CV} validateConfigMapKeySelector (IsConfigMapKey)`, format(configMapKeyProblem, "key", "use letters, digits, '-', '_' and '.' (at most 253)")),
  container("env[].valueFrom.secretKeyRef.name", "DNS-1123 subdomain", `${CV} validateSecretKeySelector`, nameOf("Secret")),
  container("env[].valueFrom.secretKeyRef.key", "Secret key", `${CV} validateSecretKeySelector (IsConfigMapKey)`, format(configMapKeyProblem, "key", "use letters, digits, '-', '_' and '.' (at most 253)")),
  container("volumeMounts[].mountPath", "not empty", `${CV} ValidateVolumeMounts`, nonEmpty),
  container("volumeMounts[].subPath", "relative, without '..' elements", `${CV} ValidateVolumeMounts (validateLocalDescendingPath)`, format(localDescendingPathProblem, "subPath", "write a path relative to the volume root, without '..'")),
  container("volumeMounts[].subPathExpr", "relative, without '..' elements", `${CV} ValidateVolumeMounts (validateLocalDescendingPath)`, format(localDescendingPathProblem, "subPathExpr", "write a path relative to the volume root, without '..'")),
  container("volumeDevices[].devicePath", "without '..' elements", `${CV} ValidateVolumeDevices`, format(noBackstepsProblem, "devicePath", "write the device path without '..'")),
  container("resources.limits", "standard container resource or extended resource names", `${CV} ValidateResourceRequirements (validateContainerResourceName)`, keysIn(containerResourceNameProblem, "resource", CONTAINER_RESOURCE_HINT)),
  container("resources.requests", "standard container resource or extended resource names", `${CV} ValidateResourceRequirements (validateContainerResourceName)`, keysIn(containerResourceNameProblem, "resource", CONTAINER_RESOURCE_HINT)),
  container("resources.limits.*", "not negative", `${CV} ValidateResourceQuantityValue (ValidateNonnegativeQuantity)`, negativeQuantity),
  container("resources.requests.*", "not negative", `${CV} ValidateResourceQuantityValue (ValidateNonnegativeQuantity)`, negativeQuantity),
  container("securityContext.runAsUser", "0 to 4294967295", `${CV} ValidateSecurityContext (IsValidUserID)`, intRange(0, MAX_ID)),
  container("securityContext.runAsGroup", "0 to 4294967295", `${CV} ValidateSecurityContext (IsValidGroupID)`, intRange(0, MAX_ID)),
  container("resizePolicy[].resourceName", "cpu or memory", `${CV} validateResizePolicy`, oneOf(["cpu", "memory"])),
  container("resizePolicy[].restartPolicy", "NotRequired or RestartContainer", `${CV} validateResizePolicy`, oneOf(["NotRequired", "RestartContainer"])),
];

for (const probe of PROBES) {
  containerSpec.push(
    container(`${probe}.initialDelaySeconds`, "not negative", `${CV} validateProbe`, atLeast(0)),
    container(`${probe}.timeoutSeconds`, "not negative (0 defaults to 1)", `${CV} validateProbe`, atLeast(0)),
    container(`${probe}.periodSeconds`, "not negative (0 defaults to 10)", `${CV} validateProbe`, atLeast(0)),
    container(`${probe}.failureThreshold`, "not negative (0 defaults to 3)", `${CV} validateProbe`, atLeast(0)),
    container(`${probe}.httpGet.port`, "1 to 65535 or an IANA service name", `${CV} validateHTTPGetAction (ValidatePortNumOrName)`, portNumberOrName),
    container(`${probe}.tcpSocket.port`, "1 to 65535 or an IANA service name", `${CV} validateTCPSocketAction (ValidatePortNumOrName)`, portNumberOrName),
    container(`${probe}.grpc.port`, "1 to 65535", `${CV} validateGRPCAction`, portNumber),
    container(`${probe}.httpGet.httpHeaders[].name`, "HTTP header name", `${CV} validateHTTPGetAction (IsHTTPHeaderName)`, format(httpHeaderNameProblem, "header name", "use letters, digits and '-' in header names")),
  );
  if (probe === "readinessProbe") {
    containerSpec.push(
      container(`${probe}.successThreshold`, "not negative (0 defaults to 1)", `${CV} validateProbe`, atLeast(0)),
      container(`${probe}.terminationGracePeriodSeconds`, "not set", `${CV} validateReadinessProbe`, (v) => (v === undefined ? undefined : { message: `terminationGracePeriodSeconds ${show(v)} must not be set for a readiness probe`, hint: "remove terminationGracePeriodSeconds from the readiness probe" })),
    );
  } else {
    containerSpec.push(container(`${probe}.terminationGracePeriodSeconds`, "greater than 0", `${CV} validateProbe`, atLeast(1)));
  }
}
for (const handler of HANDLERS) {
  containerSpec.push(
    container(`${handler}.httpGet.port`, "1 to 65535 or an IANA service name", `${CV} validateHTTPGetAction (ValidatePortNumOrName)`, portNumberOrName),
    container(`${handler}.tcpSocket.port`, "1 to 65535 or an IANA service name", `${CV} validateTCPSocketAction (ValidatePortNumOrName)`, portNumberOrName),
    container(`${handler}.httpGet.httpHeaders[].name`, "HTTP header name", `${CV} validateHTTPGetAction (IsHTTPHeaderName)`, format(httpHeaderNameProblem, "header name", "use letters, digits and '-' in header names")),
    container(`${handler}.sleep.seconds`, `greater than 0 before ${SLEEP_ZERO_SINCE}, not negative from then on (PodLifecycleSleepActionAllowZero)`, `${CV} validateSleepAction`, sleepSeconds),
  );
}

/** A volume source that must name its object (validateConfigMapVolumeSource, validateSecretVolumeSource). */
function requiredName(field: string, object: string): Check {
  return (v, ctx) => {
    // A kustomize patch leaves out what it does not change.
    if (!isMap(v) || ctx.resource.partial) return undefined;
    const name = v[field];
    if (name !== undefined && name !== null && name !== "") return undefined;
    const volumeName = typeof ctx.parent?.name === "string" ? ` "${ctx.parent.name}"` : "";
    return { sub: name === "" ? [field] : [], target: name === "" ? "value" : "key", message: `volume${volumeName} names no ${object}: ${field} is not set`, hint: `set ${ctx.field}.${field} to the ${object} to mount` };
  };
}

const volumeSpec: FieldConstraint[] = [
  volume("name", "DNS-1123 label", `${CV} ValidateVolumes`, dnsName(label1123, "volume name", `rename it: ${LABEL_HINT}`)),
  volume("configMap", "name not empty", `${CV} validateConfigMapVolumeSource`, requiredName("name", "configMap")),
  volume("secret", "secretName not empty", `${CV} validateSecretVolumeSource`, requiredName("secretName", "secret")),
  volume("persistentVolumeClaim.claimName", "not empty", `${CV} validatePersistentClaimVolumeSource`, nonEmpty),
  volume("configMap.defaultMode", MODE, `${CV} validateConfigMapVolumeSource`, fileMode),
  volume("configMap.items[].mode", MODE, `${CV} validateKeyToPath`, fileMode),
  volume("configMap.items[].path", KEY_TO_PATH, `${CV} validateKeyToPath (ValidateLocalNonReservedPath)`, format(localNonReservedPathProblem, "path", "write a path relative to the volume, without '..'")),
  volume("secret.defaultMode", MODE, `${CV} validateSecretVolumeSource`, fileMode),
  volume("secret.items[].mode", MODE, `${CV} validateKeyToPath`, fileMode),
  volume("secret.items[].path", KEY_TO_PATH, `${CV} validateKeyToPath (ValidateLocalNonReservedPath)`, format(localNonReservedPathProblem, "path", "write a path relative to the volume, without '..'")),
  volume("downwardAPI.defaultMode", MODE, `${CV} validateDownwardAPIVolumeSource`, fileMode),
  volume("downwardAPI.items[].mode", MODE, `${CV} validateDownwardAPIVolumeFile`, fileMode),
  volume("downwardAPI.items[].path", KEY_TO_PATH, `${CV} validateDownwardAPIVolumeFile (ValidateLocalNonReservedPath)`, format(localNonReservedPathProblem, "path", "write a path relative to the volume, without '..'")),
  volume("projected.defaultMode", MODE, `${CV} validateProjectedVolumeSource`, fileMode),
  volume("projected.sources[].configMap.items[].mode", MODE, `${CV} validateProjectionSources (validateKeyToPath)`, fileMode),
  volume("projected.sources[].configMap.items[].path", KEY_TO_PATH, `${CV} validateProjectionSources (validateKeyToPath)`, format(localNonReservedPathProblem, "path", "write a path relative to the volume, without '..'")),
  volume("projected.sources[].secret.items[].mode", MODE, `${CV} validateProjectionSources (validateKeyToPath)`, fileMode),
  volume("projected.sources[].secret.items[].path", KEY_TO_PATH, `${CV} validateProjectionSources (validateKeyToPath)`, format(localNonReservedPathProblem, "path", "write a path relative to the volume, without '..'")),
  volume("projected.sources[].downwardAPI.items[].mode", MODE, `${CV} validateDownwardAPIVolumeFile`, fileMode),
  volume("projected.sources[].downwardAPI.items[].path", KEY_TO_PATH, `${CV} validateDownwardAPIVolumeFile`, format(localNonReservedPathProblem, "path", "write a path relative to the volume, without '..'")),
  volume("projected.sources[].serviceAccountToken.expirationSeconds", "600 to 4294967296", `${CV} validateProjectionSources`, intRange(600, 4294967296)),
  volume("projected.sources[].serviceAccountToken.path", KEY_TO_PATH, `${CV} validateProjectionSources (ValidateLocalNonReservedPath)`, format(localNonReservedPathProblem, "path", "write a path relative to the volume, without '..'")),
  volume("emptyDir.sizeLimit", "not negative", `${CV} validateVolumeSource`, negativeQuantity),
  volume("hostPath.path", "not empty, without '..' elements", `${CV} validateHostPathVolumeSource (validatePathNoBacksteps)`, (v, ctx) => nonEmpty(v, ctx) ?? format(noBackstepsProblem, "hostPath", "write the node path without '..'")(v, ctx)),
  volume("nfs.path", "absolute path", `${CV} validateNFSVolumeSource`, format((s) => (s.startsWith("/") ? undefined : "must be an absolute path"), "NFS path", "write the exported path from the root, such as /exports/data")),
  volume("iscsi.lun", "0 to 255", `${CV} validateISCSIVolumeSource`, intRange(0, 255)),
  volume("fc.lun", "0 to 255", `${CV} validateFCVolumeSource`, intRange(0, 255)),
  volume("gcePersistentDisk.partition", "0 to 255", `${CV} validateGCEPersistentDiskVolumeSource`, intRange(0, 255)),
  volume("awsElasticBlockStore.partition", "0 to 255", `${CV} validateAWSElasticBlockStoreVolumeSource`, intRange(0, 255)),
  volume("csi.driver", "at most 63 characters, DNS-1123 subdomain", `${CV} ValidateCSIDriverName`, format((s) => (s.length > 63 ? "must be no more than 63 characters" : subdomain(s.toLowerCase())), "CSI driver", "use the driver's registered name, such as ebs.csi.aws.com")),
  volume("gitRepo.directory", "relative, without '..' elements", `${CV} validateGitRepoVolumeSource`, format(localDescendingPathProblem, "directory", "write a path relative to the volume, without '..'")),
];

const WORKLOAD_REPLICAS = ["Deployment", "ReplicaSet", "ReplicationController", "StatefulSet"];
const MIN_READY = ["Deployment", "ReplicaSet", "ReplicationController", "StatefulSet", "DaemonSet"];
const JOB_FIELDS: ReadonlyArray<[string, string]> = [
  ["parallelism", "ValidateJobSpec"],
  ["completions", "ValidateJobSpec"],
  ["activeDeadlineSeconds", "ValidateJobSpec"],
  ["backoffLimit", "ValidateJobSpec"],
  ["ttlSecondsAfterFinished", "ValidateJobSpec"],
  ["backoffLimitPerIndex", "validateIndexedJobSpec"],
  ["maxFailedIndexes", "validateIndexedJobSpec"],
];

/** ValidateIPBlock: each except range of an ipBlock lies strictly inside its cidr. */
const exceptsInsideCidr: Check = (v) => {
  if (!isMap(v) || typeof v.cidr !== "string" || !Array.isArray(v.except)) return undefined;
  let out: Problem[] | undefined;
  for (let i = 0; i < v.except.length; i++) {
    const except: unknown = v.except[i];
    if (typeof except !== "string" || !exceptSubsetProblem(v.cidr, except)) continue;
    (out ??= []).push({ sub: ["except", i], message: `except range ${show(except)} is not a strict subset of cidr ${show(v.cidr)}: it must lie inside it and be smaller`, hint: `write a range inside ${v.cidr} with a longer prefix, or remove it` });
  }
  return out;
};

/** The key of the docker config each docker Secret type holds (core/v1 DockerConfigKey, DockerConfigJsonKey). */
const DOCKER_CONFIG_KEYS: Readonly<Record<string, string>> = { "kubernetes.io/dockercfg": ".dockercfg", "kubernetes.io/dockerconfigjson": ".dockerconfigjson" };

/**
 * ValidateSecret: the docker config must unmarshal into a map (a JSON object, or null). Judged
 * where the value is written; stringData wins over data (it is merged in last). A data value that is
 * not base64 is secret-invalid-base64's.
 */
const dockerConfigJson: Check = (v, ctx) => {
  const key = typeof ctx.parent?.type === "string" ? DOCKER_CONFIG_KEYS[ctx.parent.type] : undefined;
  if (!key || !isMap(v) || typeof v[key] !== "string") return undefined;
  const fromData = ctx.field === "data";
  if (fromData && isMap(ctx.parent!.stringData) && Object.hasOwn(ctx.parent!.stringData, key)) return undefined;
  let text = v[key] as string;
  if (fromData) {
    if (!isStdBase64(text)) return undefined;
    text = Buffer.from(text, "base64").toString("utf8");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { sub: [key], message: `key "${key}" of Secret "${ctx.resource.name}" is not valid JSON${fromData ? " once decoded" : ""}`, hint: "write the docker config as a JSON object, such as {\"auths\": {\"registry.example.com\": {\"auth\": \"...\"}}}" };
  }
  if (parsed === null || isMap(parsed)) return undefined;
  return { sub: [key], message: `key "${key}" of Secret "${ctx.resource.name}" is JSON but not an object`, hint: "write the docker config as a JSON object, such as {\"auths\": {...}}" };
};

/** The service of every backend of a networking.k8s.io/v1 Ingress. */
const INGRESS_SERVICES = ["spec.defaultBackend.service", "spec.rules[].http.paths[].backend.service"];

/** ValidateServiceName: the name rule of a Service for the target version, as invalid-name judges metadata.name. */
const ingressServiceName: Check = (v, ctx) => {
  if (typeof v !== "string" || v === "") return undefined;
  const relaxed = compareVersions(ctx.kubernetesVersion, RELAXED_SERVICE_NAMES_SINCE) >= 0;
  const problem = validateName(v, relaxed ? "dns1123-label" : "dns1035-label")[0];
  if (!problem) return undefined;
  return {
    message: `Service name ${show(v)} is not ${relaxed ? "a DNS-1123 label" : `a DNS-1035 label (before Kubernetes ${RELAXED_SERVICE_NAMES_SINCE})`}: it ${problem}`,
    hint: `use the Service's name: at most 63 lower-case letters, digits and '-'${relaxed ? "" : ", starting with a letter"}`,
  };
};

const serviceKinds = ["Service"];
const serviceNameish = (s: string) => (s.length > 253 ? "must be no more than 253 characters" : subdomain(s.replace(/\.$/, "")));

const objectSpec: FieldConstraint[] = [
  object(serviceKinds, "spec.ports[].port", "1 to 65535", `${CV} validateServicePort (IsValidPortNum)`, portNumber),
  object(serviceKinds, "spec.ports[].targetPort", "1 to 65535 or an IANA service name (0 and \"\" default to port)", `${CV} validateServicePort (ValidatePortNumOrName)`, targetPort),
  object(serviceKinds, "spec.ports[].name", "DNS-1123 label", `${CV} validateServicePort`, dnsName(label1123, "port name", `rename it: ${LABEL_HINT}`)),
  object(serviceKinds, "spec.ports[].appProtocol", "qualified name", `${CV} validateServicePort (ValidateQualifiedName)`, format(qualifiedNameProblem, "appProtocol", "use a standard name such as http, https or kubernetes.io/h2c, or a domain-prefixed one")),
  object(serviceKinds, "spec.clusterIP", "IP address or None", `${CV} validateServiceClusterIPsRelatedFields`, clusterIP),
  object(serviceKinds, "spec.clusterIPs[]", "IP address or None", `${CV} validateServiceClusterIPsRelatedFields`, clusterIP),
  object(serviceKinds, "spec.externalIPs[]", "IP address", `${CV} ValidateService (ValidateEndpointIP)`, format(ipProblem, "external IP", "write an IPv4 or IPv6 address such as 192.0.2.10")),
  object(serviceKinds, "spec.loadBalancerSourceRanges[]", "CIDR", `${CV} ValidateService (ParseCIDRSloppy)`, format((s) => cidrProblem(s.trim()), "source range", "write an IP range such as 10.0.0.0/8")),
  object(serviceKinds, "spec.externalName", "DNS-1123 subdomain for an ExternalName Service", `${CV} ValidateService`, when((s) => s.type === "ExternalName", format(serviceNameish, "externalName", "write a lower-case DNS name such as db.example.com"))),
  object(serviceKinds, "spec.sessionAffinityConfig.clientIP.timeoutSeconds", "1 to 86400 with ClientIP affinity", `${CV} validateAffinityTimeout`, intRange(1, 86400)),
  object(serviceKinds, "spec.trafficDistribution", "PreferClose, PreferSameZone or PreferSameNode", TRAFFIC_DISTRIBUTIONS.upstream, releaseOneOf(TRAFFIC_DISTRIBUTIONS)),
  object(serviceKinds, "spec.loadBalancerClass", "qualified name", `${CV} ValidateService (ValidateQualifiedName)`, format(qualifiedNameProblem, "loadBalancerClass", "use a domain-prefixed name such as example.com/internal-lb")),
  object(serviceKinds, "spec.selector", "keys qualified names, values label values", `${CV} ValidateService (ValidateLabels)`, labelMap("selector")),

  object(WORKLOAD_REPLICAS, "spec.replicas", "not negative", `${AV} ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidateStatefulSetSpec; ${CV} ValidateReplicationControllerSpec`, atLeast(0)),
  object(MIN_READY, "spec.minReadySeconds", "not negative", `${AV} ValidateDeploymentSpec, ValidateDaemonSetSpec, ValidateStatefulSetSpec, ValidateReplicaSetSpec`, atLeast(0)),
  object(["Deployment", "StatefulSet", "DaemonSet"], "spec.revisionHistoryLimit", "not negative", `${AV} ValidateDeploymentSpec, ValidateDaemonSetSpec, ValidateStatefulSetSpec`, atLeast(0)),
  object(["Deployment"], "spec.progressDeadlineSeconds", "not negative", `${AV} ValidateDeploymentSpec`, atLeast(0)),
  object(["Deployment"], "spec.strategy.rollingUpdate.maxUnavailable", "number >= 0 or percentage <= 100%", `${AV} ValidateRollingUpdateDeployment`, intOrPercent(true)),
  object(["Deployment"], "spec.strategy.rollingUpdate.maxSurge", "number >= 0 or percentage", `${AV} ValidateRollingUpdateDeployment`, intOrPercent(false)),
  object(["DaemonSet"], "spec.updateStrategy.rollingUpdate.maxUnavailable", "number >= 0 or percentage <= 100%", `${AV} ValidateRollingUpdateDaemonSet`, intOrPercent(true)),
  object(["DaemonSet"], "spec.updateStrategy.rollingUpdate.maxSurge", "number >= 0 or percentage <= 100%", `${AV} ValidateRollingUpdateDaemonSet`, intOrPercent(true)),
  object(["StatefulSet"], "spec.updateStrategy.rollingUpdate.partition", "not negative", `${AV} ValidateStatefulSetUpdateStrategy`, atLeast(0)),
  object(["StatefulSet"], "spec.ordinals.start", "not negative", `${AV} ValidateStatefulSetSpec`, atLeast(0)),
  object(["StatefulSet"], "spec.persistentVolumeClaimRetentionPolicy.whenDeleted", `Retain or Delete ("" is defaulted to Retain)`, `${AV} ValidatePersistentVolumeClaimRetentionPolicyType; pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet`, defaultedWhenEmpty(oneOf(["Retain", "Delete"]))),
  object(["StatefulSet"], "spec.persistentVolumeClaimRetentionPolicy.whenScaled", `Retain or Delete ("" is defaulted to Retain)`, `${AV} ValidatePersistentVolumeClaimRetentionPolicyType; pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet`, defaultedWhenEmpty(oneOf(["Retain", "Delete"]))),
  object(["StatefulSet"], "spec.volumeClaimTemplates[].spec.storageClassName", "DNS-1123 subdomain", `${CV} ValidatePersistentVolumeClaimSpec (ValidateClassName)`, nameOf("StorageClass")),

  ...JOB_FIELDS.map(([field, fn]) => object(["Job"], `spec.${field}`, "not negative", `${BV} ${fn}`, atLeast(0))),
  ...JOB_FIELDS.map(([field, fn]) => object(["CronJob"], `spec.jobTemplate.spec.${field}`, "not negative", `${BV} ${fn}`, atLeast(0))),
  object(["CronJob"], "spec.startingDeadlineSeconds", "not negative", `${BV} validateCronJobSpec`, atLeast(0)),
  object(["CronJob"], "spec.successfulJobsHistoryLimit", "not negative", `${BV} validateCronJobSpec`, atLeast(0)),
  object(["CronJob"], "spec.failedJobsHistoryLimit", "not negative", `${BV} validateCronJobSpec`, atLeast(0)),

  object(["PodDisruptionBudget"], "spec.minAvailable", "number >= 0 or percentage <= 100%", `${PV} ValidatePodDisruptionBudgetSpec`, intOrPercent(true)),
  object(["PodDisruptionBudget"], "spec.maxUnavailable", "number >= 0 or percentage <= 100%", `${PV} ValidatePodDisruptionBudgetSpec`, intOrPercent(true)),

  object(["HorizontalPodAutoscaler"], "spec.targetCPUUtilizationPercentage", "greater than 0", `${HV} ValidateHorizontalPodAutoscalerSpec (validateMetricTarget)`, atLeast(1)),
  object(["HorizontalPodAutoscaler"], "spec.metrics[].resource.target.averageUtilization", "greater than 0", `${HV} validateMetricTarget`, atLeast(1)),
  object(["HorizontalPodAutoscaler"], "spec.metrics[].containerResource.target.averageUtilization", "greater than 0", `${HV} validateMetricTarget`, atLeast(1)),
  ...(["scaleUp", "scaleDown"] as const).flatMap((dir) => [
    object(["HorizontalPodAutoscaler"], `spec.behavior.${dir}.stabilizationWindowSeconds`, "0 to 3600", `${HV} validateScalingRules`, intRange(0, 3600)),
    object(["HorizontalPodAutoscaler"], `spec.behavior.${dir}.policies[].periodSeconds`, "1 to 1800", `${HV} validateScalingPolicy`, intRange(1, 1800)),
    object(["HorizontalPodAutoscaler"], `spec.behavior.${dir}.policies[].value`, "greater than 0", `${HV} validateScalingPolicy`, atLeast(1)),
  ]),

  ...(["ingress", "egress"] as const).flatMap((dir) => {
    const peers = dir === "ingress" ? "from" : "to";
    return [
      object(["NetworkPolicy"], `spec.${dir}[].ports[].port`, "1 to 65535 or an IANA service name", `${NV} ValidateNetworkPolicyPort`, portNumberOrName),
      object(["NetworkPolicy"], `spec.${dir}[].ports[].endPort`, "1 to 65535", `${NV} ValidateNetworkPolicyPort`, portNumber),
      object(["NetworkPolicy"], `spec.${dir}[].${peers}[].ipBlock.cidr`, "CIDR", `${NV} ValidateIPBlock`, format(cidrProblem, "cidr", "write an IP range such as 10.0.0.0/16")),
      object(["NetworkPolicy"], `spec.${dir}[].${peers}[].ipBlock.except[]`, "CIDR", `${NV} ValidateIPBlock`, format(cidrProblem, "except range", "write an IP range such as 10.0.5.0/24")),
      object(["NetworkPolicy"], `spec.${dir}[].${peers}[].ipBlock`, "every except range a strict subset of cidr (inside it, same family, longer prefix)", `${NV} ValidateIPBlock`, exceptsInsideCidr),
    ];
  }),
  object(["Ingress"], INGRESS_SERVICES.map((s) => `${s}.name`).join(", "), "Service name: DNS-1035 label up to 1.35, DNS-1123 label from 1.36 (RelaxedServiceNameValidation)", `${NV} validateIngressBackend (ValidateServiceName)`, ingressServiceName),
  object(["Ingress"], INGRESS_SERVICES.map((s) => `${s}.port.name`).join(", "), "IANA service name (when no port number is set)", `${NV} validateIngressBackend (IsValidPortName)`, when((p) => !p.number, format(portNameProblem, "port name", `rename it: ${PORT_NAME_HINT}`))),
  object(["Ingress"], INGRESS_SERVICES.map((s) => `${s}.port.number`).join(", "), "1 to 65535 (when no port name is set)", `${NV} validateIngressBackend (IsValidPortNum)`, when((p) => !p.name, optionalPortNumber)),
  object(["Ingress"], "spec.ingressClassName", "DNS-1123 subdomain", `${NV} ValidateIngressSpec (ValidateIngressClassName)`, nameOf("IngressClass")),

  object(["PersistentVolumeClaim"], "spec.storageClassName", "DNS-1123 subdomain", `${CV} ValidatePersistentVolumeClaimSpec (ValidateClassName)`, nameOf("StorageClass")),
  object(["PersistentVolume"], "spec.storageClassName", "DNS-1123 subdomain", `${CV} ValidatePersistentVolume (ValidateClassName)`, nameOf("StorageClass")),
  object(["PersistentVolume"], "spec.capacity.storage", "greater than 0", `${CV} ValidatePersistentVolumeSpec (ValidatePositiveQuantityValue)`, positiveQuantity),
  object(["PersistentVolume"], "spec.hostPath.path", "without '..' elements", `${CV} validateHostPathVolumeSource (validatePathNoBacksteps)`, format(noBackstepsProblem, "hostPath", "write the node path without '..'")),
  object(["PersistentVolume"], "spec.local.path", "without '..' elements", `${CV} validateLocalVolumeSource (validatePathNoBacksteps)`, format(noBackstepsProblem, "local path", "write the node path without '..'")),
  object(["PersistentVolume"], "spec.nfs.path", "absolute path", `${CV} validateNFSVolumeSource`, format((s) => (s.startsWith("/") ? undefined : "must be an absolute path"), "NFS path", "write the exported path from the root, such as /exports/data")),
  object(["PersistentVolume"], "spec.csi.driver", "at most 63 characters, DNS-1123 subdomain", `${CV} ValidateCSIDriverName`, format((s) => (s.length > 63 ? "must be no more than 63 characters" : subdomain(s.toLowerCase())), "CSI driver", "use the driver's registered name, such as ebs.csi.aws.com")),
  object(["StorageClass"], "provisioner", "qualified name", `${SV} validateProvisioner`, format((s) => qualifiedNameProblem(s.toLowerCase()), "provisioner", "use the provisioner's registered name, such as ebs.csi.aws.com")),
  object(["StorageClass"], "reclaimPolicy", "Delete or Retain (not Recycle)", `${SV} validateReclaimPolicy`, (v) => (v === "Recycle" ? { message: `reclaimPolicy "Recycle" is not allowed for a StorageClass: only "Delete" and "Retain" are`, hint: "set reclaimPolicy to Delete or Retain" } : undefined)),

  object(["Role", "ClusterRole"], "rules[].verbs", "at least one verb", `${RV} ValidatePolicyRule`, (v) => (Array.isArray(v) && v.length === 0 ? { message: "a rule has no verbs: verbs must contain at least one value", hint: `add the verbs the rule grants, such as ["get", "list", "watch"]` } : undefined)),
  object(["Role"], "rules[].nonResourceURLs", "not in a namespaced Role", `${RV} ValidatePolicyRule`, (v) => (Array.isArray(v) && v.length > 0 ? { message: `a Role cannot grant nonResourceURLs ${show(v.join(", "))}: they are cluster-wide`, hint: "move the nonResourceURLs rule to a ClusterRole", target: "key" } : undefined)),
  object(["RoleBinding"], "roleRef.kind", "Role or ClusterRole", `${RV} ValidateRoleBinding`, oneOf(["Role", "ClusterRole"])),
  object(["ClusterRoleBinding"], "roleRef.kind", "ClusterRole", `${RV} ValidateClusterRoleBinding`, oneOf(["ClusterRole"], { reason: "a ClusterRoleBinding can only reference a ClusterRole (a Role belongs to one namespace)", hint: "set kind to ClusterRole, or bind the Role with a RoleBinding in its namespace" })),
  object(["RoleBinding", "ClusterRoleBinding"], "roleRef.apiGroup", `rbac.authorization.k8s.io ("" is defaulted to it)`, `${RV} ValidateRoleBinding, ValidateClusterRoleBinding; pkg/apis/rbac/v1/defaults.go SetDefaults_RoleBinding, SetDefaults_ClusterRoleBinding`, defaultedWhenEmpty(oneOf(["rbac.authorization.k8s.io"]))),
  object(["RoleBinding", "ClusterRoleBinding"], "subjects[].kind", "ServiceAccount, User or Group", `${RV} ValidateRoleBindingSubject`, oneOf(["ServiceAccount", "User", "Group"])),
  object(["RoleBinding", "ClusterRoleBinding"], "subjects[].apiGroup", `"" for a ServiceAccount, rbac.authorization.k8s.io for a User or Group ("" is defaulted to it)`, `${RV} ValidateRoleBindingSubject; pkg/apis/rbac/v1/defaults.go SetDefaults_Subject`, defaultedWhenEmpty((v, ctx) => {
    if (typeof v !== "string" || !ctx.parent) return undefined;
    const kind = ctx.parent.kind;
    const want = kind === "ServiceAccount" ? "" : kind === "User" || kind === "Group" ? "rbac.authorization.k8s.io" : undefined;
    if (want === undefined || v === want) return undefined;
    return { message: `apiGroup ${show(v)} of a ${kind} subject must be ${show(want)}`, hint: want ? `set apiGroup: ${want}` : "remove apiGroup from the ServiceAccount subject" };
  })),
  object(["RoleBinding", "ClusterRoleBinding"], "subjects[].name", "DNS-1123 subdomain for a ServiceAccount", `${RV} ValidateRoleBindingSubject (ValidateServiceAccountName)`, when((s) => s.kind === "ServiceAccount", nameOf("ServiceAccount"))),

  object(["ConfigMap"], "data", "keys ConfigMap keys", `${CV} ValidateConfigMap (IsConfigMapKey)`, keysIn(configMapKeyProblem, "key", "rename the key with letters, digits, '-', '_' and '.' (at most 253)")),
  object(["ConfigMap"], "binaryData", "keys ConfigMap keys", `${CV} ValidateConfigMap (IsConfigMapKey)`, keysIn(configMapKeyProblem, "key", "rename the key with letters, digits, '-', '_' and '.' (at most 253)")),
  object(["ConfigMap"], "data, binaryData", "1 MiB in all", `${CV} ValidateConfigMap (MaxSecretSize)`, payloadSize([["data", false], ["binaryData", true]])),
  object(["Secret"], "data", "keys Secret keys", `${CV} ValidateSecret (IsConfigMapKey)`, keysIn(configMapKeyProblem, "key", "rename the key with letters, digits, '-', '_' and '.' (at most 253)")),
  object(["Secret"], "stringData", "keys Secret keys", `${CV} ValidateSecret (IsConfigMapKey)`, keysIn(configMapKeyProblem, "key", "rename the key with letters, digits, '-', '_' and '.' (at most 253)")),
  object(["Secret"], "data, stringData", "1 MiB in all", `${CV} ValidateSecret (MaxSecretSize)`, payloadSize([["data", true], ["stringData", false]])),

  object(["Secret"], "data, stringData", "the docker config of a kubernetes.io/dockercfg or dockerconfigjson Secret is a JSON object", `${CV} ValidateSecret (json.Unmarshal of data[.dockercfg], data[.dockerconfigjson])`, dockerConfigJson),
  object(["PriorityClass"], "value", "at most 1000000000 for a user-defined class", `${SCV} ValidatePriorityClass`, (v, ctx) =>
    isInt(v) && v > 1000000000 && !ctx.resource.name.startsWith("system-") ? { message: `value ${v} is above 1000000000, the highest priority of a user-defined PriorityClass`, hint: "set value to at most 1000000000" } : undefined,
  ),
  object(["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"], "webhooks[].timeoutSeconds", "1 to 30", `${WV} validateValidatingWebhook, validateMutatingWebhook`, intRange(1, 30)),
  object(["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"], "webhooks[].name", "fully qualified name: a lower-case DNS subdomain of at least three segments", `${WV} validateValidatingWebhook, validateMutatingWebhook (IsFullyQualifiedName)`, format((s) => subdomain(s) ?? (s.split(".").length < 3 ? "should be a domain with at least three segments separated by dots" : undefined), "webhook name", "rename the webhook as a lower-case domain such as policy.example.com")),
  object(["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"], "webhooks[].sideEffects", "None or NoneOnDryRun in v1 (Some and Unknown were v1beta1's; other values are invalid-type's)", `${WV} validateValidatingWebhook (noSideEffectClasses)`, v1SideEffects),

  object(["*"], "metadata.finalizers[]", "qualified name", `${MV} ValidateFinalizerName`, format(qualifiedNameProblem, "finalizer", "use a domain-prefixed name such as example.com/cleanup")),
  object(["*"], "metadata.annotations", "256 KiB in all", `${MV} ValidateAnnotationsSize`, (v) => {
    if (!isMap(v)) return undefined;
    let bound = 0;
    for (const k in v) {
      const value = v[k];
      bound += k.length + (typeof value === "string" ? 3 * value.length : 0);
    }
    if (bound <= 262144) return undefined;
    let size = 0;
    for (const [k, value] of Object.entries(v)) size += k.length + (typeof value === "string" ? Buffer.byteLength(value) : 0);
    return size > 262144 ? { message: `annotations are ${size} bytes: at most 262144 (256 KiB) are allowed`, hint: "move large content out of annotations, into a ConfigMap", target: "key" } : undefined;
  }),
];

export const FIELD_CONSTRAINTS: readonly FieldConstraint[] = [...podSpec, ...containerSpec, ...volumeSpec, ...objectSpec, ...PROFILE_FIELD_CONSTRAINTS, ...LIMIT_RANGE_FIELD_CONSTRAINTS, ...POD_ANNOTATION_FIELD_CONSTRAINTS, ...RESOURCE_QUOTA_FIELD_CONSTRAINTS];

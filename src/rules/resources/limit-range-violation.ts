import { appliedApart } from "../../models/placement.js";
import { limitRangeSource } from "../../models/qos.js";
import { admittedContainers, containerKind, limitRangeItems, namespaceDefaults, quantities, resourcesPath, type AdmittedContainer } from "../../models/pods.js";
import type { PodSpec } from "../../models/k8s.js";
import { defaultedPodLevelResources } from "../../models/pod-level-resources.js";
import { podTotal } from "../../models/pod-totals.js";
import { compareQuantities, parseQuantity } from "../../models/quantity.js";
import type { Resource } from "../../models/resource.js";
import type { Path } from "../../types.js";
import { defineRule, type Finding } from "../types.js";
import { podLevelResourcesSet } from "./pod-level-resources.js";

type Section = "requests" | "limits";

/** What a Container or Pod constraint is checked against: the values and where each came from. */
interface Subject {
  /** "container \"api\"", "init container \"migrate\"" or the pod. */
  who: string;
  /** The pod's values are its containers' summed (no pod-level resources). */
  summed?: boolean;
  /** The admitted container, for a Container item. */
  container?: AdmittedContainer;
  requests: Readonly<Record<string, string>>;
  limits: Readonly<Record<string, string>>;
  /** Where to point for a value of a section (the container's resources, or the pod's containers). */
  pathOf(section: Section, name: string): Path;
  /** ` (the defaultRequest of LimitRange "x")` when admission wrote the value (models/qos.ts limitRangeSource); "" otherwise. */
  origin(section: Section, name: string): string;
}

export const rule = defineRule({
  id: "limit-range-violation",
  category: "resources",
  severity: "error",
  crossResource: true,
  appliesTo: ["workloads", "PersistentVolumeClaim"],
  summary: "The pods or claims break a LimitRange of their namespace (min, max, maxLimitRequestRatio), so admission refuses them.",
  explanation: `A LimitRange bounds the requests and limits of every container (type Container) or of the
whole pod (type Pod) created in its namespace. LimitRanger admission first writes the
LimitRange defaults into each container, then checks the bounds
(plugin/pkg/admission/limitranger/admission.go PodMutateLimitFunc, then PodValidateLimitFunc:
minConstraint, maxConstraint, limitRequestRatioConstraint): a request or limit below min, a
limit or request above max, a limit more than maxLimitRequestRatio times the request, a
missing limit where a Pod max applies or a missing request where a min applies. A pod that
breaks one is forbidden at creation ("maximum cpu usage per Container is 2, but limit is 4").
The Deployment, StatefulSet, DaemonSet or Job itself is accepted: its controller then fails to
create every pod (FailedCreate events) and nothing runs.
Defaults count: the API server defaults a Container item's default limit to its max and its
default request to the default limit, then to the min (pkg/apis/core/v1/defaults.go
SetDefaults_LimitRangeItem). A default can also make the pod invalid: a container that
requests 512Mi of memory and sets no limit gets the LimitRange default limit, say 256Mi, and
the API server then rejects the pod because its request exceeds its limit
(ValidateResourceRequirements in pkg/apis/core/validation/validation.go). So does a negative
default: ValidateLimitRange checks no sign, so the API server accepts a LimitRange whose default,
defaultRequest, max or min is negative, but a container's request or limit may not be negative,
and every pod that gets such a default is rejected.
Init containers are bounded like containers. A Pod item bounds the pod's requests and limits:
the sum of its containers and sidecars, or its largest init container when that is more (a
restartable init container is a sidecar from Kubernetes 1.29; before, the API server drops its
\`restartPolicy\` on write and admission counts it as an ordinary init container); from
Kubernetes 1.34 (PodLevelResources on by default), a pod that sets pod-level resources
(\`spec.resources\`) is bounded by those instead, as the API server defaults them: an unset
pod-level request is the containers' requests summed, or the pod-level limit when no container
requests that resource (pkg/apis/core/v1/defaults.go defaultPodRequests).
A PersistentVolumeClaim item bounds the storage a claim requests (PersistentVolumeClaimValidateLimitFunc:
min and max against \`spec.resources.requests\`, never defaulted): a PersistentVolumeClaim that
asks for more or less is refused by \`kubectl apply\`; the claims a StatefulSet's
volumeClaimTemplates or a pod's generic ephemeral volumes make are refused when their
controller creates them, and the pods that need them stay Pending.
A workload is judged against the LimitRanges whose namespace is as certain as its own (both
written, set by a listing kustomization or by --default-namespace, or both left to
\`kubectl apply -n\`), and a value
that LimitRanges of one namespace default differently is not judged: admission applies whichever
it lists first. A namespace-less LimitRange of a sibling folder (a tree of examples, each in
"default") is applied apart from the workload and does not bound it (models/placement.ts); where
one sits in a folder above or below the workload's, applied with it, the hint says to lint with
--per-directory if the two belong to different examples.`,
  fix: `Bring the container's requests and limits inside the LimitRange's bounds (or set them
explicitly where a default does not fit), or ask the namespace's administrator to change the
LimitRange.`,
  preventsStatus: [],
  check({ resource, index, settings, report: reportFinding }) {
    const report = (finding: Finding) => reportFinding(withSampleNote(finding, resource, settings.perDirectory));
    // LimitRanges of another sample are not in the namespace when this one is applied (models/placement.ts).
    const all = index.objectsOfKind("LimitRange", resource.namespace).filter((r) => !appliedApart(r, resource));
    // Judged only against LimitRanges whose namespace is as certain as the workload's: both
    // written (or set by a listing kustomization), or both left to `kubectl apply -n`.
    const ranges = all.filter((r) => r.namespaceCertain === resource.namespaceCertain);
    if (!ranges.length) return;
    for (const claim of claimsOf(resource)) judgeClaim(claim, ranges, report);
    const containers = admittedContainers(resource, index);
    if (!containers.length) return;
    if (ranges.length < all.length && containers.some((c) => [...c.defaultedBy.values()].some((lr) => !ranges.includes(lr)))) return;
    // A value defaulted where LimitRanges disagree depends on their (undefined) order: not judged.
    const { conflicts } = namespaceDefaults(index, resource.namespace, resource);
    const uncertain = (c: AdmittedContainer, name: string) =>
      conflicts.size > 0 && ["requests", "limits"].some((section) => c.defaultedBy.has(`${section}.${name}`) && conflicts.has(`${section}.${name}`));
    const tpl = resource.podTemplate!;
    const subjects = containers.map((c) => containerSubject(c, settings.kubernetesVersion));
    const pod = podLevelResourcesSet(tpl, settings.kubernetesVersion) ? podLevelSubject(tpl.spec, [...tpl.specPath, "resources"]) : podSubject(containers, [...tpl.specPath, "containers"], settings.kubernetesVersion);
    // After the defaults the pod is validated, before the bounds are checked: a negative value or
    // a request above a limit that a LimitRange default supplied makes it invalid, and that error
    // is the one seen.
    const invalid = new Map<AdmittedContainer, Set<string>>();
    for (const c of containers) {
      const negative = negativeDefaults(c).filter(({ name }) => !uncertain(c, name));
      if (negative.length) {
        for (const { name } of negative) invalid.set(c, (invalid.get(c) ?? new Set()).add(name));
        report(negativeDefaultsFinding(c, negative, settings.kubernetesVersion));
      }
      for (const [name, req] of Object.entries(c.requests)) {
        if (invalid.get(c)?.has(name)) continue;
        const lim = c.limits[name];
        const fromLimit = c.defaultedBy.get(`limits.${name}`);
        const fromRequest = c.defaultedBy.get(`requests.${name}`);
        if (lim === undefined || (!fromLimit && !fromRequest) || uncertain(c, name)) continue;
        const cmp = compareQuantities(req, lim);
        if (cmp === undefined || cmp <= 0) continue;
        invalid.set(c, (invalid.get(c) ?? new Set()).add(name));
        const subject = containerSubject(c, settings.kubernetesVersion);
        const limitRange = (fromLimit ?? fromRequest)!;
        report({
          path: subject.pathOf(fromLimit ? "requests" : "limits", name),
          message: `${subject.who} requests ${name} "${req}"${subject.origin("requests", name)}, more than its limit "${lim}"${subject.origin("limits", name)}: the API server rejects the pods`,
          hint: fromLimit ? `set resources.limits.${name} to at least ${req}, or lower the request` : `set resources.requests.${name} to at most ${lim}`,
          related: { resource: limitRange, path: ["spec", "limits"], message: `the defaults of LimitRange "${limitRange.name}"` },
        });
      }
    }
    for (const limitRange of ranges) {
      limitRangeItems(limitRange).forEach((item, i) => {
        const type = item.type;
        if (type !== "Container" && type !== "Pod") return;
        const targets = type === "Container" ? subjects : [pod];
        for (const [bound, check] of CONSTRAINTS) {
          for (const [name, enforced] of Object.entries(quantities(item[bound]))) {
            if (parseQuantity(enforced) === undefined) continue;
            const related = { resource: limitRange, path: ["spec", "limits", i, bound, name] as Path, message: `the ${bound} of LimitRange "${limitRange.name}"` };
            for (const subject of targets) {
              if (subject.container && (invalid.get(subject.container)?.has(name) || uncertain(subject.container, name))) continue;
              if (subject.summed && containers.some((c) => uncertain(c, name))) continue;
              const finding = check({ type, name, enforced, subject, limitRange });
              if (finding) report({ ...finding, related });
            }
          }
        }
      });
    }
  },
});

/** The folder of a display path (forward slashes). */
const folderOf = (file: string) => file.slice(0, Math.max(0, file.lastIndexOf("/")));

/**
 * A LimitRange without a namespace in a folder above or below the workload's (a sibling folder's
 * is applied apart, and not judged) may still be another example's: without --per-directory they
 * meet in one input, and the hint says how to keep them apart, as duplicate-resource's does.
 */
function withSampleNote(finding: Finding, workload: Resource, perDirectory: boolean | undefined): Finding {
  const limitRange = finding.related?.resource;
  if (perDirectory || !finding.hint || !limitRange || limitRange.kind !== "LimitRange" || limitRange.namespaceCertain) return finding;
  if (folderOf(limitRange.file) === folderOf(workload.file)) return finding;
  return { ...finding, hint: `${finding.hint}; if LimitRange "${limitRange.name}", of another folder, belongs to another example, lint with --per-directory so that each directory with a kustomization, or each sample folder, is its own input` };
}

/** A value a LimitRange default wrote into a container. */
interface DefaultedValue {
  section: Section;
  name: string;
  value: string;
  limitRange: Resource;
}

/** The negative values LimitRange defaults wrote into an admitted container (the API server accepts a LimitRange with them). */
function negativeDefaults(c: AdmittedContainer): DefaultedValue[] {
  const out: DefaultedValue[] = [];
  for (const section of ["limits", "requests"] as const) {
    for (const [name, value] of Object.entries(c[section])) {
      const limitRange = c.defaultedBy.get(`${section}.${name}`);
      const q = limitRange ? parseQuantity(value) : undefined;
      if (q && q.value < 0) out.push({ section, name, value, limitRange: limitRange! });
    }
  }
  return out;
}

/**
 * One finding per container for its negative defaults: validation refuses a negative request or
 * limit (ValidateResourceRequirements, ValidateResourceQuantityValue in
 * pkg/apis/core/validation/validation.go: "must be greater than or equal to 0"), which no
 * LimitRange validation prevents (ValidateLimitRange compares its values but checks no sign).
 */
function negativeDefaultsFinding(c: AdmittedContainer, negative: readonly DefaultedValue[], release: string): Finding {
  const subject = containerSubject(c, release);
  const fields = negative.map(({ section, name }) => `resources.${section}.${name}`);
  const ranges = [...new Set(negative.map((d) => d.limitRange))];
  const listed = (items: readonly string[]) => (items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}` : items[0]);
  const first = negative[0];
  // A negative max refuses every limit a container could set instead: only the LimitRange can change.
  const capped = negative.some(({ name, limitRange }) =>
    limitRangeItems(limitRange).some((item) => item.type === "Container" && (parseQuantity(quantities(item.max)[name] ?? "")?.value ?? 0) < 0),
  );
  const names = listed(ranges.map((r) => `"${r.name}"`));
  return {
    path: subject.pathOf(first.section, first.name),
    message: `${subject.who} gets negative defaults from ${ranges.length > 1 ? "LimitRanges" : "LimitRange"} ${names}: ${listed(negative.map((d, i) => `${fields[i]} "${d.value}"`))}; a request or limit may not be negative, so the API server rejects the pods`,
    hint: capped
      ? `make the max of LimitRange ${names} non-negative: the defaults come from it, and it refuses any limit the container sets`
      : `set ${listed(fields)} on the container, or make the defaults of LimitRange ${names} non-negative`,
    related: { resource: first.limitRange, path: ["spec", "limits"], message: `the defaults of LimitRange "${first.limitRange.name}"` },
  };
}

/** A claim LimitRanger admits: what it requests, where, and how messages name it. */
interface Claim {
  requests: Readonly<Record<string, string>>;
  /** The claim spec's path. */
  path: Path;
  who: string;
}

/**
 * The claims the resource is, or makes through a controller: a PersistentVolumeClaim, the one
 * per replica of each volumeClaimTemplate of a StatefulSet, the claim of each generic ephemeral
 * volume of a pod template (created by the ephemeral volume controller).
 */
function claimsOf(resource: Resource): Claim[] {
  const claim = (spec: unknown, path: Path, who: string): Claim[] => {
    if (!spec || typeof spec !== "object") return [];
    const resources = (spec as { resources?: unknown }).resources;
    const requests = quantities(resources && typeof resources === "object" ? (resources as { requests?: unknown }).requests : undefined);
    return [{ requests, path, who }];
  };
  if (resource.kind === "PersistentVolumeClaim") return claim(resource.raw.spec, ["spec"], `PersistentVolumeClaim "${resource.name}"`);
  const out: Claim[] = [];
  if (resource.kind === "StatefulSet") {
    const templates = resource.get(["spec", "volumeClaimTemplates"]);
    if (Array.isArray(templates)) {
      templates.forEach((t: unknown, i) => {
        const name = t && typeof t === "object" ? (t as { metadata?: { name?: unknown } }).metadata?.name : undefined;
        out.push(...claim((t as { spec?: unknown } | null)?.spec, ["spec", "volumeClaimTemplates", i, "spec"], `the claims of volumeClaimTemplate "${typeof name === "string" ? name : ""}"`));
      });
    }
  }
  const tpl = resource.podTemplate;
  const volumes = tpl ? resource.get([...tpl.specPath, "volumes"]) : undefined;
  if (tpl && Array.isArray(volumes)) {
    volumes.forEach((v: unknown, i) => {
      const ephemeral = v && typeof v === "object" ? (v as { ephemeral?: { volumeClaimTemplate?: { spec?: unknown } } }).ephemeral : undefined;
      const name = (v as { name?: unknown }).name;
      out.push(...claim(ephemeral?.volumeClaimTemplate?.spec, [...tpl.specPath, "volumes", i, "ephemeral", "volumeClaimTemplate", "spec"], `the claim of ephemeral volume "${typeof name === "string" ? name : ""}"`));
    });
  }
  return out;
}

/**
 * PersistentVolumeClaimValidateLimitFunc (plugin/pkg/admission/limitranger/admission.go): each
 * min and max of a PersistentVolumeClaim item against what the claim requests (minConstraint,
 * maxRequestConstraint). A claim that requests no storage at all is required-value's finding.
 */
function judgeClaim(claim: Claim, ranges: readonly Resource[], report: (finding: Finding) => void) {
  for (const limitRange of ranges) {
    limitRangeItems(limitRange).forEach((item, i) => {
      if (item.type !== "PersistentVolumeClaim") return;
      for (const bound of ["min", "max"] as const) {
        for (const [name, enforced] of Object.entries(quantities(item[bound]))) {
          const req = claim.requests[name];
          if (req === undefined || parseQuantity(enforced) === undefined) continue;
          const cmp = compareQuantities(req, enforced);
          if (cmp === undefined || (bound === "min" ? cmp >= 0 : cmp <= 0)) continue;
          report({
            path: [...claim.path, "resources", "requests", name],
            message: `the ${bound === "min" ? "minimum" : "maximum"} ${name} per PersistentVolumeClaim in LimitRange "${limitRange.name}" is ${enforced}, but ${claim.who} request${claim.who.startsWith("the claims ") ? "" : "s"} "${req}"`,
            hint: `${bound === "min" ? "raise" : "lower"} the ${name} request to ${bound === "min" ? "at least" : "at most"} ${enforced}`,
            related: { resource: limitRange, path: ["spec", "limits", i, bound, name], message: `the ${bound} of LimitRange "${limitRange.name}"` },
          });
        }
      }
    });
  }
}

interface ConstraintInput {
  type: "Container" | "Pod";
  name: string;
  enforced: string;
  subject: Subject;
  limitRange: Resource;
}

type Constraint = (input: ConstraintInput) => Omit<Finding, "related"> | undefined;

const per = (type: string, name: string, limitRange: Resource) => `${name} per ${type === "Container" ? "container" : "pod"} in LimitRange "${limitRange.name}"`;

/** minConstraint: a request must exist and be at least min; a limit, where set, too. */
const min: Constraint = ({ type, name, enforced, subject: s, limitRange }) => {
  const head = `the minimum ${per(type, name, limitRange)} is ${enforced}`;
  const req = s.requests[name];
  const lim = s.limits[name];
  if (req === undefined) return { path: s.pathOf("requests", name), message: `${head}, but ${s.who} requests no ${name}`, hint: `set resources.requests.${name} to at least ${enforced}` };
  if ((compareQuantities(req, enforced) ?? 0) < 0) return { path: s.pathOf("requests", name), message: `${head}, but ${s.who} requests "${req}"${s.origin("requests", name)}`, hint: `raise the ${name} request to at least ${enforced}` };
  if (lim !== undefined && (compareQuantities(lim, enforced) ?? 0) < 0) return { path: s.pathOf("limits", name), message: `${head}, but ${s.who} has limit "${lim}"${s.origin("limits", name)}`, hint: `raise the ${name} limit to at least ${enforced}` };
  return undefined;
};

/** maxConstraint: a limit must exist and be at most max; a request, where set, too. */
const max: Constraint = ({ type, name, enforced, subject: s, limitRange }) => {
  const head = `the maximum ${per(type, name, limitRange)} is ${enforced}`;
  const req = s.requests[name];
  const lim = s.limits[name];
  if (lim === undefined) return { path: s.pathOf("limits", name), message: `${head}, but ${s.who} sets no ${name} limit`, hint: `set resources.limits.${name} to at most ${enforced}${s.summed ? " on every container" : ""}` };
  if ((compareQuantities(lim, enforced) ?? 0) > 0) {
    // No limit can be at most a negative max: a container's limit may not be negative.
    const hint = parseQuantity(enforced)!.value < 0 ? `make the ${name} max of LimitRange "${limitRange.name}" non-negative: no ${name} limit can be at most ${enforced}` : `lower the ${name} limit to at most ${enforced}`;
    return { path: s.pathOf("limits", name), message: `${head}, but ${s.who} has limit "${lim}"${s.origin("limits", name)}`, hint };
  }
  if (req !== undefined && (compareQuantities(req, enforced) ?? 0) > 0) return { path: s.pathOf("requests", name), message: `${head}, but ${s.who} requests "${req}"${s.origin("requests", name)}`, hint: `lower the ${name} request to at most ${enforced}` };
  return undefined;
};

/** limitRequestRatioConstraint: a non-zero request and limit whose ratio is at most the bound. */
const maxLimitRequestRatio: Constraint = ({ type, name, enforced, subject: s, limitRange }) => {
  const head = `the maximum ${name} limit to request ratio per ${type === "Container" ? "container" : "pod"} in LimitRange "${limitRange.name}" is ${enforced}`;
  const req = s.requests[name] !== undefined ? parseQuantity(s.requests[name]) : undefined;
  const lim = s.limits[name] !== undefined ? parseQuantity(s.limits[name]) : undefined;
  // A value that is no quantity (5e2m) is the quantity rules' finding, not a missing one.
  if ((s.requests[name] !== undefined && !req) || (s.limits[name] !== undefined && !lim)) return undefined;
  if (!req || req.value === 0) return { path: s.pathOf("requests", name), message: `${head}, but ${s.who} requests no ${name} or 0`, hint: `set resources.requests.${name}` };
  if (!lim || lim.value === 0) return { path: s.pathOf("limits", name), message: `${head}, but ${s.who} sets no ${name} limit or 0`, hint: `set resources.limits.${name}` };
  const ratio = lim.value / req.value;
  if (ratio <= parseQuantity(enforced)!.value * (1 + 1e-12)) return undefined;
  return {
    path: s.pathOf("limits", name),
    message: `${head}, but ${s.who} has limit "${s.limits[name]}"${s.origin("limits", name)} for request "${s.requests[name]}"${s.origin("requests", name)} (ratio ${Number(ratio.toFixed(3))})`,
    hint: `raise the ${name} request or lower the limit to a ratio of at most ${enforced}`,
  };
};

const CONSTRAINTS: ReadonlyArray<readonly ["min" | "max" | "maxLimitRequestRatio", Constraint]> = [
  ["min", min],
  ["max", max],
  ["maxLimitRequestRatio", maxLimitRequestRatio],
];

function containerSubject(c: AdmittedContainer, release: string): Subject {
  return {
    who: `${containerKind(c, release)} "${c.name}"`,
    container: c,
    requests: c.requests,
    limits: c.limits,
    pathOf: (section, name) => (c.container.resources?.[section]?.[name] !== undefined ? [...c.path, "resources", section, name] : resourcesPath(c.container, c.path, section)),
    origin: (section, name) => {
      const lr = c.defaultedBy.get(`${section}.${name}`);
      return lr ? ` (${limitRangeSource(lr.name, section, c.defaultedFrom.get(`${section}.${name}`))})` : "";
    },
  };
}

/**
 * The pod's requests and limits as LimitRanger sums them (admission.go podRequests, podLimits;
 * models/pod-totals.ts). A restartable init container counts as a sidecar only where sidecars run
 * (sidecarsAt): before 1.29 the API server drops its restartPolicy on write (pkg/api/pod/util.go
 * dropDisabledFields), so admission sums an ordinary init container (docs/DECISIONS.md, "Before
 * 1.29 a restartable init container is an init container").
 */
function podSubject(containers: readonly AdmittedContainer[], path: Path, release: string): Subject {
  const total = (section: Section) => podTotal(containers.map((c) => ({ init: c.init, sidecar: containerKind(c, release) === "sidecar container", values: c[section] })));
  return { who: "the pod (as admission computes it from its containers)", summed: true, requests: total("requests"), limits: total("limits"), pathOf: () => path, origin: () => "" };
}

/**
 * The pod's requests and limits when its pod-level resources count (admission.go podRequests,
 * podLimits read pod.Spec.Resources), as the API server defaulted them before admission
 * (models/pod-level-resources.ts defaultedPodLevelResources): an unset pod-level request is the
 * containers' requests summed when any container requests it, else the pod-level limit.
 */
function podLevelSubject(spec: PodSpec, path: Path): Subject {
  const resources = spec.resources ?? {};
  const { requests, limits, summedFromContainers } = defaultedPodLevelResources(spec)!;
  const written = (section: Section) => quantities(resources[section]);
  return {
    who: "the pod (its pod-level resources)",
    requests,
    limits,
    pathOf: (section, name) => (written(section)[name] !== undefined ? [...path, section, name] : resources[section] ? [...path, section] : path),
    origin: (section, name) => (section === "requests" && summedFromContainers.has(name) ? " (unset, so the API server fills in the containers' requests, summed)" : ""),
  };
}

/**
 * What kustomize's label transformer adds to the objects of a build: a kustomization's
 * `commonLabels` and `labels` entries (sigs.k8s.io/kustomize api/types kustomization.go,
 * labels.go `Label`), on the fields of its field specs (api/internal/konfig/builtinpluginconsts
 * commonlabels.go, metadatalabels.go, templatelabels.go), as api/internal/target
 * kusttarget_configplugin.go configures the LabelTransformer and api/filters/labels applies it.
 * A kustomization's `configurations` files add field specs to those (api/internal/plugins/
 * builtinconfig transformerconfig.go MakeTransformerConfig, TransformerConfig.Merge).
 */
import type { Path } from "../types.js";
import { groupOf } from "./api-groups.js";

/** A field that labels go to (kustomize's types.FieldSpec): a map at `path`, on objects of the kind (group, version) named. */
export interface LabelFieldSpec {
  /** Segments of the path; one that holds a list is walked through each of its items, and one written `name[]` (a list) is never created. */
  path: readonly string[];
  kind?: string;
  group?: string;
  version?: string;
  /** Whether the map (and the maps on the way to it) is created when absent. */
  create: boolean;
}

/** The kustomization entry a label comes from, for messages. */
export interface LabelSource {
  /** Display path of the kustomization file. */
  kustomization: string;
  /** `commonLabels`, or `labels[i]` (the index of the entry as written). */
  entry: string;
  /** Whether the entry reaches selectors: commonLabels, or a labels entry with includeSelectors. */
  selectors: boolean;
}

/** One label transformer of a kustomization: the label pairs, the fields they go to and who sets them. */
export interface LabelTransformer {
  pairs: Readonly<Record<string, string>>;
  fields: readonly LabelFieldSpec[];
  /** The entry that sets the pairs; several when builds through different kustomizations agree (agreedLabels). */
  sources: readonly LabelSource[];
}

const spec = (path: string, create: boolean, kind?: string, group?: string, version?: string): LabelFieldSpec => ({ path: path.split("/"), create, kind, group, version });

const AFFINITY_TERMS = [
  "podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm",
  "podAffinity/requiredDuringSchedulingIgnoredDuringExecution",
  "podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm",
  "podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution",
];

/** metadataLabelsFieldSpecs: the object's labels and its pod templates' (kustomize's `templateLabels` are these too). */
const METADATA_LABELS: readonly LabelFieldSpec[] = [
  spec("metadata/labels", true),
  spec("spec/template/metadata/labels", true, "ReplicationController", undefined, "v1"),
  spec("spec/template/metadata/labels", true, "Deployment"),
  spec("spec/template/metadata/labels", true, "ReplicaSet"),
  spec("spec/template/metadata/labels", true, "DaemonSet"),
  spec("spec/template/metadata/labels", true, "StatefulSet", "apps"),
  spec("spec/template/metadata/labels", true, "Job", "batch"),
  spec("spec/jobTemplate/metadata/labels", true, "CronJob", "batch"),
  spec("spec/jobTemplate/spec/template/metadata/labels", true, "CronJob", "batch"),
];

/** volumeClaimTemplatesMetadataLabels. */
const CLAIM_TEMPLATE_LABELS: readonly LabelFieldSpec[] = [spec("spec/volumeClaimTemplates[]/metadata/labels", true, "StatefulSet", "apps")];

/** commonLabelFieldSpecs: selectors (created where a workload needs one), the pod-affinity and spread selectors of its pods, then the metadata and templates. */
const COMMON_LABELS: readonly LabelFieldSpec[] = [
  spec("spec/selector", true, "Service", undefined, "v1"),
  spec("spec/selector", true, "ReplicationController", undefined, "v1"),
  spec("spec/selector/matchLabels", true, "Deployment"),
  ...AFFINITY_TERMS.map((t) => spec(`spec/template/spec/affinity/${t}/labelSelector/matchLabels`, false, "Deployment", "apps")),
  spec("spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels", false, "Deployment", "apps"),
  spec("spec/selector/matchLabels", true, "ReplicaSet"),
  spec("spec/selector/matchLabels", true, "DaemonSet"),
  spec("spec/selector/matchLabels", true, "StatefulSet", "apps"),
  ...AFFINITY_TERMS.map((t) => spec(`spec/template/spec/affinity/${t}/labelSelector/matchLabels`, false, "StatefulSet", "apps")),
  spec("spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels", false, "StatefulSet", "apps"),
  spec("spec/selector/matchLabels", false, "Job", "batch"),
  spec("spec/jobTemplate/spec/selector/matchLabels", false, "CronJob", "batch"),
  spec("spec/selector/matchLabels", false, "PodDisruptionBudget", "policy"),
  spec("spec/podSelector/matchLabels", false, "NetworkPolicy", "networking.k8s.io"),
  spec("spec/ingress/from/podSelector/matchLabels", false, "NetworkPolicy", "networking.k8s.io"),
  spec("spec/egress/to/podSelector/matchLabels", false, "NetworkPolicy", "networking.k8s.io"),
  ...METADATA_LABELS,
  ...CLAIM_TEMPLATE_LABELS,
];

/**
 * The transformer configuration the Argo Rollouts docs (docs/features/kustomize.md) tell users
 * to list under `configurations`, as the docs site serves it or from the repository at any ref,
 * in its kustomize v5 variant too. Nothing is fetched here, so its `commonLabels` field specs
 * (the same in both: argoproj/argo-rollouts docs/features/kustomize/rollout-transform.yaml and
 * rollout-transform-kustomize-v5.yaml) are carried as data.
 */
const ARGO_ROLLOUTS_TRANSFORM =
  /^https:\/\/(?:argoproj\.github\.io\/argo-rollouts|raw\.githubusercontent\.com\/argoproj\/argo-rollouts\/[^/?#]+\/docs)\/features\/kustomize\/rollout-transform(?:-kustomize-v5)?\.yaml$/;
const ARGO_ROLLOUTS_COMMON_LABELS: readonly LabelFieldSpec[] = [
  spec("spec/selector/matchLabels", true, "Rollout"),
  spec("spec/template/metadata/labels", true, "Rollout"),
  ...AFFINITY_TERMS.map((t) => spec(`spec/template/spec/affinity/${t}/labelSelector/matchLabels`, false, "Rollout")),
];

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** The string pairs of a label map as kustomize reads it (map[string]string); other values are left out. */
function pairsOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isMap(v)) for (const [k, value] of Object.entries(v)) if (typeof value === "string") Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** An entry's own `fields` (custom field specs), as kustomize reads them: path with "/" separators, `create`, and the kind, group and version they select. */
function customFields(v: unknown): LabelFieldSpec[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isMap).flatMap((f) => {
    const path = text(f.path);
    return path ? [spec(path, f.create === true, text(f.kind), text(f.group), text(f.version))] : [];
  });
}

/** The `commonLabels` field specs of a transformer configuration file (kustomize builtinconfig TransformerConfig). */
export function configuredLabelFields(configuration: unknown): LabelFieldSpec[] {
  return isMap(configuration) ? customFields(configuration.commonLabels) : [];
}

/** The `commonLabels` field specs of a remote configuration known here by its URL, or undefined for any other URL (not read). */
export function knownRemoteLabelFields(url: string): readonly LabelFieldSpec[] | undefined {
  return ARGO_ROLLOUTS_TRANSFORM.test(url) ? ARGO_ROLLOUTS_COMMON_LABELS : undefined;
}

const sourceKey = (s: LabelSource): string => `${s.kustomization}\u0000${s.entry}`;

const fieldKey = (f: LabelFieldSpec): string => JSON.stringify([f.path, f.kind, f.group, f.version]);

/** The built-in commonLabels field specs with the configured ones added (kustomize FsSlice.MergeAll: a spec already there for the same path and kind is kept). */
function commonLabelFields(configured: readonly LabelFieldSpec[]): readonly LabelFieldSpec[] {
  if (!configured.length) return COMMON_LABELS;
  const seen = new Set(COMMON_LABELS.map(fieldKey));
  const out = [...COMMON_LABELS];
  for (const f of configured) if (!seen.has(fieldKey(f))) (seen.add(fieldKey(f)), out.push(f));
  return out;
}

/**
 * The label transformers of a kustomization, in kustomize's order: each `labels` entry (to
 * metadata.labels; with includeTemplates also to pod templates, with includeVolumeClaimTemplates
 * to claim templates; with includeSelectors to everything commonLabels reaches; its `fields`
 * always), then `commonLabels` (selectors, templates and metadata). `configured` are the
 * commonLabels field specs of the configurations in force (configuredLabelFields), which join
 * kustomize's own wherever those go.
 */
export function labelTransformers(kustomization: Record<string, unknown>, display: string, configured: readonly LabelFieldSpec[] = []): LabelTransformer[] {
  const out: LabelTransformer[] = [];
  const commonFields = commonLabelFields(configured);
  const labels = Array.isArray(kustomization.labels) ? kustomization.labels : [];
  labels.forEach((entry: unknown, i) => {
    if (!isMap(entry)) return;
    const pairs = pairsOf(entry.pairs);
    if (!Object.keys(pairs).length) return;
    const fields = customFields(entry.fields);
    const selectors = entry.includeSelectors === true;
    if (selectors) fields.push(...commonFields);
    else {
      if (entry.includeTemplates === true) fields.push(...METADATA_LABELS);
      if (entry.includeVolumeClaimTemplates === true) fields.push(...CLAIM_TEMPLATE_LABELS);
      fields.push(METADATA_LABELS[0]);
    }
    out.push({ pairs, fields, sources: [{ kustomization: display, entry: `labels[${i}]`, selectors }] });
  });
  const common = pairsOf(kustomization.commonLabels);
  if (Object.keys(common).length) out.push({ pairs: common, fields: commonFields, sources: [{ kustomization: display, entry: "commonLabels", selectors: true }] });
  return out;
}

/** Whether a field spec is for this object (kustomize resid.Gvk.IsSelected: each of kind, group, version that the spec names must match). */
function selects(field: LabelFieldSpec, apiVersion: string, kind: string): boolean {
  if (field.kind !== undefined && field.kind !== kind) return false;
  if (field.group !== undefined && field.group !== groupOf(apiVersion)) return false;
  return field.version === undefined || field.version === apiVersion.slice(apiVersion.indexOf("/") + 1);
}

/**
 * `node` with `pairs` added to the map at `path` below it, copying only what changes (the
 * input's objects stay as parsed). Lists on the way are walked item by item; a missing map is
 * created when `create` is set, else that branch is left as it is; a value of another type
 * (a kustomize build error) is left too.
 */
function withPairs(node: unknown, path: readonly string[], pairs: Readonly<Record<string, string>>, create: boolean): unknown {
  if (Array.isArray(node)) {
    let changed = false;
    const items = node.map((item) => {
      const next = withPairs(item, path, pairs, create);
      changed ||= next !== item;
      return next;
    });
    return changed ? items : node;
  }
  if (!path.length) return isMap(node) ? { ...node, ...pairs } : node === undefined || node === null ? (create ? { ...pairs } : node) : node;
  if (!isMap(node)) return node;
  const [segment, ...rest] = path;
  const key = segment.endsWith("[]") ? segment.slice(0, -2) : segment;
  const child = Object.hasOwn(node, key) ? node[key] : undefined;
  if ((child === undefined || child === null) && (!create || key !== segment)) return node;
  const next = withPairs(child ?? {}, rest, pairs, create);
  return next === child ? node : { ...node, [key]: next };
}

/** The object with the labels of `transformers` added where kustomize adds them (the same object when none applies). */
export function withLabels(raw: Record<string, unknown>, transformers: readonly LabelTransformer[]): Record<string, unknown> {
  const apiVersion = typeof raw.apiVersion === "string" ? raw.apiVersion : "";
  const kind = typeof raw.kind === "string" ? raw.kind : "";
  let out: unknown = raw;
  for (const { pairs, fields } of transformers) {
    for (const field of fields) if (selects(field, apiVersion, kind)) out = withPairs(out, field.path, pairs, field.create);
  }
  return out as Record<string, unknown>;
}

/**
 * The labels every build of an object adds alike (docs/DECISIONS.md "Labels of several builds"):
 * a key is kept only where every build puts it in the same fields with the same value, so that
 * what one object holds is one build's (a selector from one overlay and template labels from
 * another would disagree where no build does). Each build is its transformers in the order
 * kustomize runs them.
 */
export function agreedLabels(builds: readonly (readonly LabelTransformer[])[]): LabelTransformer[] {
  const perBuild = builds.map((transformers) => {
    const byField = new Map<string, { field: LabelFieldSpec; pairs: Record<string, string>; from: Map<string, readonly LabelSource[]> }>();
    for (const { pairs, fields, sources } of transformers) {
      for (const field of fields) {
        const key = JSON.stringify([field.path, field.kind, field.group, field.version, field.create]);
        const known = byField.get(key);
        const from = new Map(known?.from);
        for (const label of Object.keys(pairs)) from.set(label, sources);
        byField.set(key, { field, pairs: known ? { ...known.pairs, ...pairs } : { ...pairs }, from });
      }
    }
    return byField;
  });
  const [first, ...others] = perBuild;
  // What a build does with one label key: the fields it sets it in, with the value, as one string.
  const use = (build: (typeof perBuild)[number], label: string) =>
    [...build].filter(([, { pairs }]) => Object.hasOwn(pairs, label)).map(([key, { pairs }]) => `${key}\u0000${pairs[label]}`).sort().join("\u0001");
  const out: LabelTransformer[] = [];
  for (const [key, { field, pairs, from }] of first ?? []) {
    // The agreed keys of the field, grouped by the entries that set them (in the builds' order, each once).
    const groups = new Map<string, { pairs: Array<[string, string]>; sources: LabelSource[] }>();
    for (const [label, value] of Object.entries(pairs)) {
      if (!others.every((b) => use(b, label) === use(first, label))) continue;
      const sources = [...new Map([from, ...others.map((b) => b.get(key)!.from)].flatMap((f) => f.get(label)!).map((s) => [sourceKey(s), s])).values()];
      const id = sources.map(sourceKey).join("\u0001");
      const group = groups.get(id) ?? groups.set(id, { pairs: [], sources }).get(id)!;
      group.pairs.push([label, value]);
    }
    for (const group of groups.values()) out.push({ pairs: pairsOf(Object.fromEntries(group.pairs)), fields: [field], sources: group.sources });
  }
  return out;
}

/**
 * The kustomization entries that put labels at `path` of an object as `transformers` build it:
 * at a label key of a map they fill, the entries that set that key; at the map or a field on the
 * way to it, every entry that fills it. List indices of `path` stand for the lists field specs
 * walk through.
 */
export function labelSourcesAt(object: Record<string, unknown>, transformers: readonly LabelTransformer[], path: Path): LabelSource[] {
  const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : "";
  const kind = typeof object.kind === "string" ? object.kind : "";
  const segments = path.filter((s): s is string => typeof s === "string");
  const out = new Map<string, LabelSource>();
  for (const { pairs, fields, sources } of transformers) {
    const reaches = fields.some((field) => {
      if (!selects(field, apiVersion, kind)) return false;
      const fieldPath = field.path.map((s) => (s.endsWith("[]") ? s.slice(0, -2) : s));
      if (segments.length <= fieldPath.length) return segments.every((s, i) => s === fieldPath[i]);
      return segments.length === fieldPath.length + 1 && fieldPath.every((s, i) => s === segments[i]) && Object.hasOwn(pairs, segments[fieldPath.length]);
    });
    if (reaches) for (const s of sources) if (!out.has(sourceKey(s))) out.set(sourceKey(s), s);
  }
  return [...out.values()];
}

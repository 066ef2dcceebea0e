/**
 * Cross-field constraints of the objects around pods: workload specs (apps, batch), claims and
 * volumes (core), Ingress and NetworkPolicy (networking), Services, RBAC, PodDisruptionBudgets,
 * ConfigMaps. Each entry names the upstream function that decides it.
 */
import { parseQuantity } from "../../../models/quantity.js";
import type { Path } from "../../../types.js";
import { compareVersions } from "../../schema/api-changes.js";
import { at, count, isMap, isSet, listOf, nonEmpty, shown, statefulSetClaims, validatedClaims, volumeNeeds, type CheckContext, type CrossFieldConstraint, type Obj } from "./walk.js";
import { filled, filledList } from "../../../models/values.js";
import { PV_SOURCES } from "../../../models/one-of.js";
import { gatedValueOn, POD_FAILURE_POLICY_ACTIONS } from "../../schema/gated-enum-values.js";

const CORE = "pkg/apis/core/validation/validation.go";
const APPS = "pkg/apis/apps/validation/validation.go";
const BATCH = "pkg/apis/batch/validation/validation.go";
const NETWORKING = "pkg/apis/networking/validation/validation.go";
const RBAC = "pkg/apis/rbac/validation/validation.go";
const POLICY = "pkg/apis/policy/validation/validation.go";
const ADMISSION = "pkg/apis/admissionregistration/validation/validation.go";

/** The job spec of a Job, or of a CronJob's jobTemplate, with its path. */
function jobSpecOf(ctx: CheckContext): { spec: Obj; path: Path } | undefined {
  const path: Path = ctx.resource.kind === "CronJob" ? ["spec", "jobTemplate", "spec"] : ["spec"];
  const spec = at(ctx.obj, path);
  return isMap(spec) ? { spec, path } : undefined;
}

/** FailIndex, with the gate that brings it (JobBackoffLimitPerIndex). */
const FAIL_INDEX = POD_FAILURE_POLICY_ACTIONS.gated[0];

const storageOf = (spec: Obj) => at(spec, ["resources", "requests", "storage"]);

/**
 * Whether an int-or-percent is non-zero as apps validation's getIntOrPercentValue reads it: a
 * percentage by its number, another string by strconv.Atoi (0 when it is not a number, which
 * invalid-type reports). Values that do not decode to an IntOrString count as zero.
 */
function nonZeroIntOrPercent(v: unknown): boolean {
  if (typeof v === "number") return Number.isInteger(v) && v !== 0;
  if (typeof v !== "string") return false;
  const m = /^([0-9]+)%$/.exec(v) ?? /^[+-]?([0-9]+)$/.exec(v);
  return m !== null && Number(m[1]) !== 0;
}

/**
 * Whether a claim spec's resources or resources.requests is written as something other than a
 * map (`requests: "10Gi"`): invalid-type reports that, and "requests no storage" would be the
 * same cause twice.
 */
function requestsMistyped(spec: Obj): boolean {
  const resources = spec.resources;
  if (isSet(resources) && !isMap(resources)) return true;
  return isMap(resources) && isSet(resources.requests) && !isMap(resources.requests);
}

/** Claim constraints, shared by PersistentVolumeClaims and ephemeral volume claim templates (ValidatePersistentVolumeClaimSpec). */
function claimConstraints(): CrossFieldConstraint[] {
  // A pod's claims are its ephemeral volumes' (a PersistentVolumeClaim has no pod spec: the need does not apply to it).
  const where = { kinds: ["PersistentVolumeClaim", "Pod", "Deployment", "ReplicaSet", "ReplicationController", "StatefulSet", "DaemonSet", "Job", "CronJob", "PodTemplate"], needs: volumeNeeds("ephemeral") };
  return [
    {
      path: "spec.resources.requests.storage",
      ...where,
      constraint: "a claim (PersistentVolumeClaim or an ephemeral volume's claim template) requests storage",
      rule: "required-value",
      upstream: `${CORE} ValidatePersistentVolumeClaimSpec (Required "spec.resources[storage]")`,
      check(ctx) {
        for (const { spec, path, what } of validatedClaims(ctx)) {
          if (isSet(storageOf(spec)) || requestsMistyped(spec)) continue;
          const requests = at(spec, ["resources", "requests"]);
          ctx.report({
            path: isMap(requests) ? [...path, "resources", "requests"] : isMap(spec.resources) ? [...path, "resources"] : path,
            target: "key",
            message: `${what} requests no storage: a claim must say how much it needs`,
            hint: "add resources: {requests: {storage: 1Gi}} with the size the volume needs",
          });
        }
      },
    },
    {
      path: "spec.resources.requests.storage",
      ...where,
      constraint: "a claim's storage request is greater than zero",
      rule: "required-value",
      upstream: `${CORE} ValidatePersistentVolumeClaimSpec / ValidatePositiveQuantityValue ("must be greater than zero")`,
      check(ctx) {
        for (const { spec, path, what } of validatedClaims(ctx)) {
          const storage = storageOf(spec);
          if (typeof storage !== "string" && typeof storage !== "number") continue;
          const q = parseQuantity(storage);
          if (!q || q.value > 0) continue;
          ctx.report({ path: [...path, "resources", "requests", "storage"], message: `${what} requests storage "${String(storage)}": a claim's size must be greater than zero`, hint: "request the size the volume needs, for example storage: 1Gi" });
        }
      },
    },
    {
      path: "spec.accessModes",
      ...where,
      constraint: "a claim names at least one access mode",
      rule: "required-value",
      upstream: `${CORE} ValidatePersistentVolumeClaimSpec (Required "at least 1 access mode is required")`,
      check(ctx) {
        for (const { spec, path, what } of validatedClaims(ctx)) {
          if (filledList(spec.accessModes)) continue;
          ctx.report({ path: isSet(spec.accessModes) ? [...path, "accessModes"] : path, target: "key", message: `${what} names no access mode`, hint: "add accessModes: [ReadWriteOnce] (or ReadWriteOncePod, ReadOnlyMany, ReadWriteMany)" });
        }
      },
    },
    {
      path: "spec.accessModes",
      ...where,
      constraint: "ReadWriteOncePod is the only access mode of the claim that uses it",
      rule: "invalid-combination",
      upstream: `${CORE} ValidatePersistentVolumeClaimSpec (Forbidden "may not use ReadWriteOncePod with other access modes")`,
      check(ctx) {
        for (const { spec, path, what } of validatedClaims(ctx)) {
          const modes = Array.isArray(spec.accessModes) ? spec.accessModes : [];
          if (!modes.includes("ReadWriteOncePod") || new Set(modes).size < 2) continue;
          ctx.report({ path: [...path, "accessModes"], message: `${what} combines "ReadWriteOncePod" with ${modes.filter((m) => m !== "ReadWriteOncePod").map((m) => `"${shown(m)}"`).join(", ")}`, hint: "use accessModes: [ReadWriteOncePod] alone, or drop it for the others" });
        }
      },
    },
  ];
}

/**
 * What makes a StatefulSet's volumeClaimTemplate unusable: the StatefulSet is accepted (the API
 * server does not validate its claim templates), but the claims its controller creates from them
 * are validated and rejected, or can bind only once; its pods then stay Pending.
 */
function claimTemplateConstraints(): CrossFieldConstraint[] {
  const upstream = `pkg/controller/statefulset/stateful_pod_control.go createPersistentVolumeClaims; ${CORE} ValidatePersistentVolumeClaimSpec`;
  const base = { kinds: ["StatefulSet"], rule: "volumeclaimtemplate-unbindable" as const, upstream };
  return [
    {
      ...base,
      path: "spec.volumeClaimTemplates[].spec.resources.requests.storage",
      constraint: "a claim template requests storage greater than zero (else every claim the controller creates is rejected)",
      check(ctx) {
        for (const { spec, path, name } of statefulSetClaims(ctx)) {
          const storage = storageOf(spec);
          const q = typeof storage === "string" || typeof storage === "number" ? parseQuantity(storage) : undefined;
          if ((isSet(storage) && (!q || q.value > 0)) || requestsMistyped(spec)) continue;
          ctx.report({
            path: isSet(storage) ? [...path, "resources", "requests", "storage"] : path,
            target: isSet(storage) ? undefined : "key",
            message: isSet(storage)
              ? `volumeClaimTemplate "${name}" requests storage "${String(storage)}": the claims created from it are rejected, so the pods stay Pending`
              : `volumeClaimTemplate "${name}" requests no storage: the claims created from it are rejected, so the pods stay Pending`,
            hint: isSet(storage) ? "request the size each replica needs, for example storage: 1Gi" : "add resources: {requests: {storage: 1Gi}} with the size each replica needs",
          });
        }
      },
    },
    {
      ...base,
      path: "spec.volumeClaimTemplates[].spec.accessModes",
      constraint: "a claim template names at least one access mode (else every claim the controller creates is rejected)",
      check(ctx) {
        for (const { spec, path, name } of statefulSetClaims(ctx)) {
          if (filledList(spec.accessModes)) continue;
          ctx.report({ path: isSet(spec.accessModes) ? [...path, "accessModes"] : path, target: "key", message: `volumeClaimTemplate "${name}" names no access mode: the claims created from it are rejected, so the pods stay Pending`, hint: "add accessModes: [ReadWriteOnce]" });
        }
      },
    },
    {
      ...base,
      path: "spec.volumeClaimTemplates[].spec.volumeName",
      constraint: "a claim template of a StatefulSet with several replicas does not name one PersistentVolume (a volume binds one claim)",
      check(ctx) {
        const replicas = at(ctx.obj, ["spec", "replicas"]);
        if (typeof replicas !== "number" || replicas < 2) return;
        for (const { spec, path, name } of statefulSetClaims(ctx)) {
          if (!nonEmpty(spec.volumeName)) continue;
          ctx.report({
            path: [...path, "volumeName"],
            message: `volumeClaimTemplate "${name}" pins volumeName "${spec.volumeName}", but a PersistentVolume binds one claim and there are ${replicas} replicas: all pods but one stay Pending`,
            hint: "remove volumeName and let each replica's claim bind its own volume (a storageClassName or a selector chooses which)",
          });
        }
      },
    },
  ];
}


/** The backends of an Ingress in the v1 shape, with their paths (found once per resource). */
function ingressBackends(ctx: CheckContext): ReadonlyArray<{ backend: Obj; path: Path }> {
  return (ctx.shared.ingressBackends ??= findIngressBackends(ctx));
}

function findIngressBackends(ctx: CheckContext): Array<{ backend: Obj; path: Path }> {
  const out: Array<{ backend: Obj; path: Path }> = [];
  const spec = ctx.obj.spec;
  if (!isMap(spec)) return out;
  if (isMap(spec.defaultBackend) && v1Backend(spec.defaultBackend)) out.push({ backend: spec.defaultBackend, path: ["spec", "defaultBackend"] });
  const rules = listOf(spec.rules);
  for (let i = 0; i < rules.length; i++) {
    const paths = listOf(at(rules[i], ["http", "paths"]));
    for (let j = 0; j < paths.length; j++) {
      const p = paths[j];
      if (isMap(p) && isMap(p.backend) && v1Backend(p.backend)) out.push({ backend: p.backend, path: ["spec", "rules", i, "http", "paths", j, "backend"] });
    }
  }
  return out;
}

/** A backend written in the v1beta1 shape (serviceName) is reported once, by the schema rules, with its rewrite. */
function v1Backend(backend: Obj): boolean {
  return !isSet(backend.serviceName) && !isSet(backend.servicePort);
}

/** The class annotation that spec.ingressClassName replaced (networking annotationIngressClass). */
const INGRESS_CLASS_ANNOTATION = "kubernetes.io/ingress.class";
/** spec.ingressClassName, and ValidateIngressCreate's check of the annotation beside it, came in 1.18. */
const INGRESS_CLASS_NAME_SINCE = "1.18";
/** Up to 1.26 ValidateIngressCreate refused the annotation beside the field whatever their values; 1.27 allows equal ones (kubernetes/kubernetes#115447). */
const INGRESS_CLASS_EQUAL_ALLOWED_SINCE = "1.27";

const isV1Ingress = (ctx: CheckContext) => ctx.resource.apiVersion === "networking.k8s.io/v1";

/** The service backends of a networking.k8s.io/v1 Ingress, with whether their port has a name and a number (found once per resource). */
function ingressServicePorts(ctx: CheckContext): ReadonlyArray<{ service: Obj; port: { name: boolean; number: boolean }; path: Path }> {
  return (ctx.shared.ingressServicePorts ??= findIngressServicePorts(ctx));
}

function findIngressServicePorts(ctx: CheckContext): Array<{ service: Obj; port: { name: boolean; number: boolean }; path: Path }> {
  const out: Array<{ service: Obj; port: { name: boolean; number: boolean }; path: Path }> = [];
  if (!isV1Ingress(ctx)) return out;
  const backends = ingressBackends(ctx);
  for (let b = 0; b < backends.length; b++) {
    const service = backends[b].backend.service;
    if (!isMap(service)) continue;
    const port = service.port;
    out.push({ service, path: backends[b].path, port: { name: isMap(port) && filled(port.name), number: isMap(port) && isSet(port.number) && port.number !== 0 } });
  }
  return out;
}

function servicePorts(ctx: CheckContext): readonly unknown[] {
  return listOf(at(ctx.obj, ["spec", "ports"]));
}

const serviceType = (ctx: CheckContext) => (typeof at(ctx.obj, ["spec", "type"]) === "string" ? (at(ctx.obj, ["spec", "type"]) as string) : "ClusterIP");

function rbacRules(ctx: CheckContext): readonly unknown[] {
  return listOf(ctx.obj.rules);
}

function peers(ctx: CheckContext): Array<{ peer: Obj; path: Path }> {
  const out: Array<{ peer: Obj; path: Path }> = [];
  for (const [dir, key] of [["ingress", "from"], ["egress", "to"]] as const) {
    const rules = listOf(at(ctx.obj, ["spec", dir]));
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      const list = listOf(isMap(rule) ? rule[key] : undefined);
      for (let j = 0; j < list.length; j++) {
        const peer = list[j];
        if (isMap(peer)) out.push({ peer, path: ["spec", dir, i, key, j] });
      }
    }
  }
  return out;
}

function networkPolicyPorts(ctx: CheckContext): Array<{ port: Obj; path: Path }> {
  const out: Array<{ port: Obj; path: Path }> = [];
  for (const dir of ["ingress", "egress"]) {
    const rules = listOf(at(ctx.obj, ["spec", dir]));
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      const ports = listOf(isMap(rule) ? rule.ports : undefined);
      for (let j = 0; j < ports.length; j++) {
        const port = ports[j];
        if (isMap(port)) out.push({ port, path: ["spec", dir, i, "ports", j] });
      }
    }
  }
  return out;
}

const SERVICE_ACCOUNT_NAME_ANNOTATION = "kubernetes.io/service-account.name";

/** The Secret types that need keys (core/v1 SecretType*; ValidateSecret), with the keys they need and how. */
const SECRET_TYPE_KEYS: ReadonlyArray<{ type: string; keys: readonly string[]; need: "each" | "one" | "non-empty" }> = [
  { type: "kubernetes.io/tls", keys: ["tls.crt", "tls.key"], need: "each" },
  { type: "kubernetes.io/dockerconfigjson", keys: [".dockerconfigjson"], need: "each" },
  { type: "kubernetes.io/dockercfg", keys: [".dockercfg"], need: "each" },
  { type: "kubernetes.io/basic-auth", keys: ["username", "password"], need: "one" },
  { type: "kubernetes.io/ssh-auth", keys: ["ssh-privatekey"], need: "non-empty" },
];

/** Whether a Secret holds `key`: stringData is merged into data before validation (Convert_v1_Secret_To_core_Secret), stringData winning. */
function secretValue(obj: Obj, key: string): string | undefined {
  const stringData = obj.stringData;
  if (isMap(stringData) && Object.hasOwn(stringData, key)) return typeof stringData[key] === "string" ? (stringData[key] as string) : "";
  const data = obj.data;
  if (isMap(data) && Object.hasOwn(data, key)) return typeof data[key] === "string" ? (data[key] as string) : "";
  return undefined;
}

function secretTypeConstraint({ type, keys, need }: (typeof SECRET_TYPE_KEYS)[number]): CrossFieldConstraint {
  const upstream = need === "one" ? `(Required "data[${keys[0]}]", "data[${keys[1]}]": one of them)` : need === "non-empty" ? `(Required "data[${keys[0]}]", not empty)` : `(Required ${keys.map((k) => `"data[${k}]"`).join(", ")})`;
  return {
    path: keys.length === 1 ? `data.${keys[0]}` : `data.{${keys.join(",")}}`,
    kinds: ["Secret"],
    constraint: `a Secret of type ${type} holds ${need === "one" ? `${keys.join(" or ")}` : need === "non-empty" ? `a non-empty ${keys[0]}` : keys.join(" and ")} (in data or stringData)`,
    rule: "required-value",
    upstream: `${CORE} ValidateSecret ${upstream}`,
    check(ctx) {
      if (ctx.obj.type !== type || ctx.resource.partial) return;
      const missing = keys.filter((k) => secretValue(ctx.obj, k) === undefined);
      const problem =
        need === "one" ? (missing.length === keys.length ? `neither "${keys[0]}" nor "${keys[1]}"` : undefined) : need === "non-empty" ? (secretValue(ctx.obj, keys[0]) ? undefined : missing.length ? `no "${keys[0]}"` : `an empty "${keys[0]}"`) : missing.length ? `no ${missing.map((k) => `"${k}"`).join(" and ")}` : undefined;
      if (!problem) return;
      const written = need === "non-empty" && secretValue(ctx.obj, keys[0]) !== undefined;
      const where = written ? (isMap(ctx.obj.stringData) && Object.hasOwn(ctx.obj.stringData, keys[0]) ? ["stringData", keys[0]] : ["data", keys[0]]) : isMap(ctx.obj.data) ? ["data"] : isMap(ctx.obj.stringData) ? ["stringData"] : isSet(ctx.resource.raw.type) ? ["type"] : ["kind"];
      ctx.report({
        path: where,
        target: written ? undefined : "key",
        message: `Secret "${ctx.resource.name}" of type "${type}" has ${problem} in data or stringData`,
        hint: `add ${need === "one" ? `${keys[0]} (or ${keys[1]})` : keys.filter((k) => need === "non-empty" || missing.includes(k)).join(" and ")} to stringData (plain text) or data (base64), or use type Opaque`,
      });
    },
  };
}

export const OBJECT_CONSTRAINTS: readonly CrossFieldConstraint[] = [
  {
    path: "spec.progressDeadlineSeconds",
    kinds: ["Deployment"],
    constraint: "progressDeadlineSeconds (default 600) is greater than minReadySeconds",
    rule: "invalid-combination",
    upstream: `${APPS} ValidateDeploymentSpec ("must be greater than minReadySeconds"); apps/v1 SetDefaults_Deployment`,
    check(ctx) {
      const deadline = at(ctx.obj, ["spec", "progressDeadlineSeconds"]);
      const minReady = at(ctx.obj, ["spec", "minReadySeconds"]);
      if (typeof deadline !== "number" || typeof minReady !== "number" || deadline > minReady) return;
      const written = isSet(at(ctx.resource.raw, ["spec", "progressDeadlineSeconds"]));
      ctx.report({
        path: ["spec", written ? "progressDeadlineSeconds" : "minReadySeconds"],
        message: written
          ? `progressDeadlineSeconds "${deadline}" must be greater than minReadySeconds "${minReady}"`
          : `minReadySeconds "${minReady}" is not below the default progressDeadlineSeconds (600)`,
        hint: `set progressDeadlineSeconds above ${minReady} (for example ${minReady + 600}), or lower minReadySeconds`,
      });
    },
  },
  {
    path: "spec.strategy.rollingUpdate",
    kinds: ["Deployment"],
    constraint: "rollingUpdate is not set when strategy type is Recreate",
    rule: "forbidden-value",
    upstream: `${APPS} ValidateDeploymentStrategy (Forbidden "may not be specified when strategy \`type\` is 'Recreate'")`,
    check(ctx) {
      if (at(ctx.obj, ["spec", "strategy", "type"]) !== "Recreate" || !isSet(at(ctx.obj, ["spec", "strategy", "rollingUpdate"]))) return;
      ctx.report({ path: ["spec", "strategy", "rollingUpdate"], target: "key", message: `rollingUpdate is not allowed with strategy type "Recreate"`, hint: "remove rollingUpdate, or set type: RollingUpdate" });
    },
  },
  {
    path: "spec.updateStrategy.rollingUpdate",
    kinds: ["StatefulSet"],
    constraint: "rollingUpdate is set only for updateStrategy type RollingUpdate",
    rule: "forbidden-value",
    upstream: `${APPS} ValidateStatefulSetSpec ("only allowed for updateStrategy 'RollingUpdate'")`,
    check(ctx) {
      if (at(ctx.obj, ["spec", "updateStrategy", "type"]) !== "OnDelete" || !isSet(at(ctx.obj, ["spec", "updateStrategy", "rollingUpdate"]))) return;
      ctx.report({ path: ["spec", "updateStrategy", "rollingUpdate"], target: "key", message: `rollingUpdate is not allowed with updateStrategy type "OnDelete"`, hint: "remove rollingUpdate, or set type: RollingUpdate" });
    },
  },
  {
    path: "spec.updateStrategy.rollingUpdate.maxSurge",
    kinds: ["DaemonSet"],
    constraint: "a DaemonSet's rolling update sets maxSurge or maxUnavailable (default 1) above zero, not both (both zero is rolling-update-zero's)",
    rule: "invalid-combination",
    upstream: `${APPS} ValidateRollingUpdateDaemonSet ("may not be set when maxUnavailable is non-zero"); apps/v1 SetDefaults_DaemonSet`,
    check(ctx) {
      if (at(ctx.obj, ["spec", "updateStrategy", "type"]) !== "RollingUpdate") return;
      const ru = at(ctx.obj, ["spec", "updateStrategy", "rollingUpdate"]);
      if (!isMap(ru) || !nonZeroIntOrPercent(ru.maxSurge) || !nonZeroIntOrPercent(ru.maxUnavailable)) return;
      const written = isSet(at(ctx.resource.raw, ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"]));
      ctx.report({
        path: ["spec", "updateStrategy", "rollingUpdate", "maxSurge"],
        message: written
          ? `maxSurge "${shown(ru.maxSurge)}" is not allowed with maxUnavailable "${shown(ru.maxUnavailable)}": a DaemonSet surges or takes pods down during an update, not both`
          : `maxSurge "${shown(ru.maxSurge)}" is not allowed with the default maxUnavailable "1": a DaemonSet surges or takes pods down during an update, not both`,
        hint: "add maxUnavailable: 0 to surge (start the new pod before the old one stops), or remove maxSurge",
      });
    },
  },
  {
    path: "spec.selector",
    kinds: ["ReplicationController"],
    constraint: "a ReplicationController has a selector (defaulted from the template's labels)",
    rule: "required-value",
    upstream: `${CORE} ValidateReplicationControllerSpec (Required); core/v1 SetDefaults_ReplicationController`,
    check(ctx) {
      if (filledList(at(ctx.obj, ["spec", "selector"]))) return;
      ctx.report({ path: isMap(ctx.resource.raw.spec) ? ["spec"] : ["kind"], target: "key", message: `ReplicationController "${ctx.resource.name}" has no selector, and its template has no labels to take it from`, hint: "add labels to spec.template.metadata.labels (the selector defaults to them)" });
    },
  },
  {
    path: "spec.selector",
    kinds: ["Job"],
    constraint: "a Job with manualSelector: true has a selector",
    rule: "required-value",
    upstream: `${BATCH} validateJobSpec (Required "selector"); the Job strategy generates it only without manualSelector`,
    check(ctx) {
      if (at(ctx.obj, ["spec", "manualSelector"]) !== true || isSet(at(ctx.obj, ["spec", "selector"]))) return;
      ctx.report({ path: ["spec", "manualSelector"], message: `manualSelector "true" needs a selector, and Job "${ctx.resource.name}" has none`, hint: "add spec.selector matching the template's labels, or remove manualSelector to let the Job generate one" });
    },
  },
  {
    path: "spec.completions",
    kinds: ["Job", "CronJob"],
    constraint: "completionMode Indexed needs completions (defaulted to 1 only when parallelism is absent too)",
    rule: "required-value",
    upstream: `${BATCH} validateJobSpec (Required "when completion mode is Indexed")`,
    check(ctx) {
      const job = jobSpecOf(ctx);
      // SetDefaults_Job gives completions 1 when neither completions nor parallelism is written.
      if (!job || job.spec.completionMode !== "Indexed" || isSet(job.spec.completions)) return;
      ctx.report({ path: [...job.path, "completionMode"], message: `completionMode "Indexed" needs completions: the number of indexes to run`, hint: "add completions (the count of indexes 0..n-1)" });
    },
  },
  {
    path: "spec.backoffLimitPerIndex",
    kinds: ["Job", "CronJob"],
    constraint: "backoffLimitPerIndex needs completionMode Indexed",
    rule: "invalid-combination",
    upstream: `${BATCH} validateJobSpec ("requires indexed completion mode")`,
    check(ctx) {
      const job = jobSpecOf(ctx);
      if (!job || !isSet(job.spec.backoffLimitPerIndex) || job.spec.completionMode === "Indexed") return;
      ctx.report({ path: [...job.path, "backoffLimitPerIndex"], message: `backoffLimitPerIndex "${shown(job.spec.backoffLimitPerIndex)}" needs completionMode "Indexed", not "${shown(job.spec.completionMode)}"`, hint: "set completionMode: Indexed (with completions), or use backoffLimit" });
    },
  },
  {
    path: "spec.maxFailedIndexes",
    kinds: ["Job", "CronJob"],
    constraint: "maxFailedIndexes needs backoffLimitPerIndex",
    rule: "required-value",
    upstream: `${BATCH} validateJobSpec (Required "when maxFailedIndexes is specified")`,
    check(ctx) {
      const job = jobSpecOf(ctx);
      if (!job || !isSet(job.spec.maxFailedIndexes) || isSet(job.spec.backoffLimitPerIndex)) return;
      ctx.report({ path: [...job.path, "maxFailedIndexes"], message: `maxFailedIndexes "${shown(job.spec.maxFailedIndexes)}" needs backoffLimitPerIndex`, hint: "add backoffLimitPerIndex (and completionMode: Indexed), or remove maxFailedIndexes" });
    },
  },
  {
    path: "spec.successPolicy",
    kinds: ["Job", "CronJob"],
    constraint: "successPolicy needs completionMode Indexed",
    rule: "invalid-combination",
    upstream: `${BATCH} validateJobSpec / validateSuccessPolicy ("requires indexed completion mode")`,
    check(ctx) {
      const job = jobSpecOf(ctx);
      if (!job || !isSet(job.spec.successPolicy) || job.spec.completionMode === "Indexed") return;
      ctx.report({ path: [...job.path, "successPolicy"], target: "key", message: `successPolicy needs completionMode "Indexed", not "${shown(job.spec.completionMode)}"`, hint: "set completionMode: Indexed (with completions), or remove successPolicy" });
    },
  },
  {
    path: "spec.template.spec.restartPolicy",
    kinds: ["Job", "CronJob"],
    constraint: "a Job with a podFailurePolicy has restartPolicy Never",
    rule: "invalid-combination",
    upstream: `${BATCH} validateJobSpec / validatePodFailurePolicy (only "Never" is supported when podFailurePolicy is specified)`,
    check(ctx) {
      const job = jobSpecOf(ctx);
      if (!job || !isSet(job.spec.podFailurePolicy)) return;
      const policy = at(job.spec, ["template", "spec", "restartPolicy"]);
      // "Always" (written or defaulted) is job-restart-policy's finding.
      if (policy !== "OnFailure") return;
      ctx.report({ path: [...job.path, "template", "spec", "restartPolicy"], message: `restartPolicy "OnFailure" is not allowed with a podFailurePolicy: the policy judges failed pods, so they must not be restarted in place`, hint: "set restartPolicy: Never, or remove podFailurePolicy" });
    },
  },
  {
    path: "spec.podFailurePolicy.rules[].action",
    kinds: ["Job", "CronJob"],
    constraint: "a podFailurePolicy rule with action FailIndex needs backoffLimitPerIndex",
    rule: "invalid-combination",
    upstream: `${BATCH} validatePodFailurePolicyRule (Invalid "requires the backoffLimitPerIndex to be set")`,
    check(ctx) {
      const job = jobSpecOf(ctx);
      // Where FailIndex is unsupported or dropped with its gate, release-values.ts or feature-gated-field says so.
      if (!job || isSet(job.spec.backoffLimitPerIndex) || !gatedValueOn(FAIL_INDEX, ctx.kubernetesVersion)) return;
      const rules = listOf(at(job.spec, ["podFailurePolicy", "rules"]));
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i];
        if (!isMap(rule) || rule.action !== "FailIndex") continue;
        ctx.report({
          path: [...job.path, "podFailurePolicy", "rules", i, "action"],
          message: `podFailurePolicy action "FailIndex" needs backoffLimitPerIndex: an index fails on its own only in a Job with a backoff limit per index`,
          hint: "add backoffLimitPerIndex (with completionMode: Indexed), or use action FailJob or Count",
        });
      }
    },
  },
  ...claimConstraints(),
  ...claimTemplateConstraints(),
  {
    path: "spec.accessModes",
    kinds: ["PersistentVolume"],
    constraint: "a PersistentVolume names at least one access mode",
    rule: "required-value",
    upstream: `${CORE} ValidatePersistentVolumeSpec (Required)`,
    check(ctx) {
      if (filledList(at(ctx.obj, ["spec", "accessModes"])) || !isMap(ctx.obj.spec)) return;
      ctx.report({ path: isSet(at(ctx.obj, ["spec", "accessModes"])) ? ["spec", "accessModes"] : ["spec"], target: "key", message: `PersistentVolume "${ctx.resource.name}" names no access mode`, hint: "add accessModes: [ReadWriteOnce]" });
    },
  },
  {
    path: "spec.capacity.storage",
    kinds: ["PersistentVolume"],
    constraint: "a PersistentVolume has a storage capacity, and only that",
    rule: "required-value",
    upstream: `${CORE} ValidatePersistentVolumeSpec (Required "capacity"; NotSupported: only "storage")`,
    check(ctx) {
      if (!isMap(ctx.obj.spec)) return;
      const capacity = at(ctx.obj, ["spec", "capacity"]);
      if (isMap(capacity) && isSet(capacity.storage)) return;
      ctx.report({ path: isMap(capacity) ? ["spec", "capacity"] : ["spec"], target: "key", message: `PersistentVolume "${ctx.resource.name}" has no storage capacity`, hint: "add capacity: {storage: 10Gi}" });
    },
  },
  {
    path: "spec.<volume source>",
    kinds: ["PersistentVolume"],
    constraint: "a PersistentVolume has exactly one volume source",
    rule: "required-value",
    upstream: `${CORE} ValidatePersistentVolumeSpec ("must specify a volume type"; Forbidden "may not specify more than 1 volume type")`,
    check(ctx) {
      const spec = ctx.obj.spec;
      if (!isMap(spec)) return;
      const sources = PV_SOURCES.filter((s) => isSet(spec[s]));
      if (sources.length === 0) {
        ctx.report({ path: ["spec"], target: "key", message: `PersistentVolume "${ctx.resource.name}" has no volume source`, hint: "add the source of the storage it stands for, such as csi, nfs, local or hostPath" });
      }
      for (const extra of sources.slice(1)) {
        ctx.report({ path: ["spec", extra], target: "key", message: `PersistentVolume "${ctx.resource.name}" has a second volume source "${extra}" beside "${sources[0]}"`, hint: `keep one source; make another PersistentVolume for "${extra}"` });
      }
    },
  },
  {
    path: "spec.nodeAffinity",
    kinds: ["PersistentVolume"],
    constraint: "a local PersistentVolume has a node affinity",
    rule: "required-value",
    upstream: `${CORE} ValidatePersistentVolumeSpec (Required "Local volume requires node affinity")`,
    check(ctx) {
      if (!isSet(at(ctx.obj, ["spec", "local"])) || isSet(at(ctx.obj, ["spec", "nodeAffinity"]))) return;
      ctx.report({ path: ["spec", "local"], target: "key", message: `local PersistentVolume "${ctx.resource.name}" has no nodeAffinity: the scheduler must know which node holds the disk`, hint: "add nodeAffinity.required.nodeSelectorTerms naming the node (kubernetes.io/hostname)" });
    },
  },
  {
    path: "spec",
    kinds: ["Ingress"],
    constraint: "an Ingress has a defaultBackend or rules",
    rule: "required-value",
    upstream: `${NETWORKING} ValidateIngressSpec ("either \`defaultBackend\` or \`rules\` must be specified")`,
    check(ctx) {
      if (!isV1Ingress(ctx) || isSet(at(ctx.obj, ["spec", "defaultBackend"])) || filledList(at(ctx.obj, ["spec", "rules"]))) return;
      if (isSet(at(ctx.obj, ["spec", "backend"]))) return; // the v1beta1 name: unknown-field says to rename it
      ctx.report({ path: isMap(ctx.obj.spec) ? ["spec"] : ["kind"], target: "key", message: `Ingress "${ctx.resource.name}" has neither a defaultBackend nor rules: it routes nothing`, hint: "add rules with http paths, or a defaultBackend" });
    },
  },
  {
    path: "metadata.annotations.kubernetes.io/ingress.class",
    kinds: ["Ingress"],
    constraint: "the kubernetes.io/ingress.class annotation is not set beside spec.ingressClassName (from 1.18; from 1.27 it may be, with the same value; checked on create)",
    rule: "invalid-combination",
    upstream: `${NETWORKING} ValidateIngressCreate ("can not be set when the class field is also set" up to 1.26; "must match \`ingressClassName\` when both are specified" from 1.27)`,
    check(ctx) {
      const annotations = at(ctx.obj, ["metadata", "annotations"]);
      const className = at(ctx.obj, ["spec", "ingressClassName"]);
      // A nil ingressClassName is unset; "" is set (and differs from any class the annotation names).
      if (compareVersions(ctx.kubernetesVersion, INGRESS_CLASS_NAME_SINCE) < 0 || !isMap(annotations) || !Object.hasOwn(annotations, INGRESS_CLASS_ANNOTATION) || typeof className !== "string") return;
      const annotated = annotations[INGRESS_CLASS_ANNOTATION];
      if (typeof annotated !== "string") return;
      const equalAllowed = compareVersions(ctx.kubernetesVersion, INGRESS_CLASS_EQUAL_ALLOWED_SINCE) >= 0;
      if (annotated === className && equalAllowed) return;
      ctx.report({
        path: ["metadata", "annotations", INGRESS_CLASS_ANNOTATION],
        message:
          annotated === className
            ? `annotation ${INGRESS_CLASS_ANNOTATION} "${annotated}" is set beside ingressClassName "${className}": before 1.27 the API server refuses to create an Ingress that names its class both ways, even with the same value`
            : `annotation ${INGRESS_CLASS_ANNOTATION} "${annotated}" differs from ingressClassName "${className}": the API server refuses to create an Ingress whose class is given two ways`,
        hint: equalAllowed
          ? `remove the deprecated ${INGRESS_CLASS_ANNOTATION} annotation and keep ingressClassName (or make them equal)`
          : `remove the deprecated ${INGRESS_CLASS_ANNOTATION} annotation and keep ingressClassName`,
      });
    },
  },
  {
    path: "spec.rules[].http.paths",
    kinds: ["Ingress"],
    constraint: "an Ingress rule's http has at least one path",
    rule: "required-value",
    upstream: `${NETWORKING} validateHTTPIngressRuleValue (Required "paths")`,
    check(ctx) {
      if (!isV1Ingress(ctx)) return;
      const rules = listOf(at(ctx.obj, ["spec", "rules"]));
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i];
        if (!isMap(rule)) continue;
        const paths = at(rule, ["http", "paths"]);
        if (!Array.isArray(paths) || paths.length > 0) continue;
        ctx.report({ path: ["spec", "rules", i, "http", "paths"], target: "key", message: `the http of Ingress rule${nonEmpty(rule.host) ? ` for "${rule.host}"` : ` ${i}`} has no paths`, hint: "add a path: {path: /, pathType: Prefix, backend: {service: {name: ..., port: {number: 80}}}}" });
      }
    },
  },
  {
    path: "spec.rules[].http.paths[].backend",
    kinds: ["Ingress"],
    constraint: "an Ingress backend names a service or a resource, not both",
    rule: "invalid-combination",
    upstream: `${NETWORKING} validateIngressBackend ("cannot set both resource and service backends", "resource or service backend is required")`,
    check(ctx) {
      if (!isV1Ingress(ctx)) return;
      for (const { backend, path } of ingressBackends(ctx)) {
        const service = isSet(backend.service);
        const resource = isSet(backend.resource);
        if (service && resource) {
          ctx.report({ path: [...path, "resource"], target: "key", message: "this backend names both a service and a resource", hint: "keep service (a Service port) or resource (an object of another API), not both" });
        } else if (!service && !resource) {
          ctx.report({ path, target: "key", message: "this backend names neither a service nor a resource", hint: "add service: {name: <Service>, port: {number: <port>}}" });
        }
      }
    },
  },
  {
    path: "spec.rules[].http.paths[].backend.service.port",
    kinds: ["Ingress"],
    constraint: "an Ingress service backend has a port: a name or a number",
    rule: "required-value",
    upstream: `${NETWORKING} validateIngressBackend (Required "port name or number is required")`,
    check(ctx) {
      for (const { service, port, path } of ingressServicePorts(ctx)) {
        if (!port.name && !port.number) {
          ctx.report({ path: [...path, "service", ...(isSet(service.port) ? ["port"] : [])], target: "key", message: `the backend for Service "${shown(service.name ?? "")}" has no port`, hint: "add port: {number: 80} or port: {name: http}" });
        }
      }
    },
  },
  {
    path: "spec.rules[].http.paths[].backend.service.port",
    kinds: ["Ingress"],
    constraint: "an Ingress service backend's port is a name or a number, not both",
    rule: "invalid-combination",
    upstream: `${NETWORKING} validateIngressBackend (Invalid "cannot set both port name & port number")`,
    check(ctx) {
      for (const { service, port, path } of ingressServicePorts(ctx)) {
        if (port.name && port.number) {
          const { name, number } = service.port as Obj;
          ctx.report({ path: [...path, "service", "port", "number"], message: `the port of Service "${shown(service.name ?? "")}" is given both by name "${shown(name)}" and by number "${shown(number)}"`, hint: "keep one of port.name and port.number" });
        }
      }
    },
  },
  {
    path: "spec.ports",
    kinds: ["Service"],
    constraint: "a Service that is not headless or ExternalName has ports",
    rule: "required-value",
    upstream: `pkg/apis/core/validation/validation.go ValidateService (Required "ports")`,
    check(ctx) {
      if (filledList(at(ctx.obj, ["spec", "ports"])) || serviceType(ctx) === "ExternalName" || at(ctx.obj, ["spec", "clusterIP"]) === "None") return;
      // Only a ClusterIP Service may be headless: clusterIP None is refused for NodePort and LoadBalancer (validateServiceSpec).
      ctx.report({ path: isSet(at(ctx.resource.raw, ["spec", "ports"])) ? ["spec", "ports"] : ["spec"], target: "key", message: `Service "${ctx.resource.name}" of type "${serviceType(ctx)}" has no ports`, hint: serviceType(ctx) === "ClusterIP" ? "add ports: [{port: 80, targetPort: 8080}], or make it headless (clusterIP: None)" : "add ports: [{port: 80, targetPort: 8080}]" });
    },
  },
  {
    path: "spec.externalName",
    kinds: ["Service"],
    constraint: "an ExternalName Service has an externalName",
    rule: "required-value",
    upstream: `${CORE} ValidateService (Required "externalName")`,
    check(ctx) {
      if (serviceType(ctx) !== "ExternalName" || filled(at(ctx.obj, ["spec", "externalName"]))) return;
      ctx.report({ path: ["spec", "type"], message: `Service "${ctx.resource.name}" of type "ExternalName" names no externalName`, hint: "add externalName: the DNS name the Service stands for (db.example.com)" });
    },
  },
  {
    path: "spec.clusterIP",
    kinds: ["Service"],
    constraint: "an ExternalName Service has no cluster IP",
    rule: "forbidden-value",
    upstream: `${CORE} ValidateService (Forbidden "may not be set for ExternalName services")`,
    check(ctx) {
      const ip = at(ctx.obj, ["spec", "clusterIP"]);
      if (serviceType(ctx) !== "ExternalName" || !nonEmpty(ip)) return;
      ctx.report({ path: ["spec", "clusterIP"], message: `clusterIP "${ip}" is not allowed in an ExternalName Service: it is a DNS alias, not a virtual IP`, hint: "remove clusterIP" });
    },
  },
  {
    path: "spec.clusterIP",
    kinds: ["Service"],
    constraint: "a NodePort or LoadBalancer Service is not headless",
    rule: "invalid-combination",
    upstream: `${CORE} ValidateService ("may not be set to 'None' for LoadBalancer services" / "NodePort services")`,
    check(ctx) {
      const type = serviceType(ctx);
      if ((type !== "NodePort" && type !== "LoadBalancer") || at(ctx.obj, ["spec", "clusterIP"]) !== "None") return;
      ctx.report({ path: ["spec", "clusterIP"], message: `clusterIP "None" (headless) is not allowed for a Service of type "${type}"`, hint: `remove clusterIP: None, or use type: ClusterIP for a headless Service` });
    },
  },
  {
    path: "spec.ports[].nodePort",
    kinds: ["Service"],
    constraint: "nodePort is set only for NodePort and LoadBalancer Services",
    rule: "forbidden-value",
    upstream: `${CORE} ValidateService (Forbidden "may not be used when \`type\` is 'ClusterIP'")`,
    check(ctx) {
      const type = serviceType(ctx);
      if (type === "NodePort" || type === "LoadBalancer") return;
      const ports = servicePorts(ctx);
      for (let i = 0; i < ports.length; i++) {
        const port = ports[i];
        if (!isMap(port)) continue;
        if (!isSet(port.nodePort) || port.nodePort === 0) continue;
        ctx.report({ path: ["spec", "ports", i, "nodePort"], message: `nodePort "${shown(port.nodePort)}" is not allowed in a Service of type "${type}"`, hint: "remove nodePort, or set type: NodePort" });
      }
    },
  },
  {
    path: "spec.ports[]",
    kinds: ["Service"],
    constraint: "the (port, protocol) pairs of a Service are unique, and so are its nodePorts",
    rule: "duplicate-value",
    upstream: `${CORE} ValidateService (Duplicate "spec.ports[i]" and "spec.ports[i].nodePort")`,
    check(ctx) {
      const list = servicePorts(ctx);
      // A repeat needs two ports (most Services have one: no sets for them).
      if (list.length < 2) return;
      const ports = new Set<string>();
      const nodePorts = new Set<string>();
      for (let i = 0; i < list.length; i++) {
        const port = list[i];
        if (!isMap(port)) continue;
        const protocol = shown(port.protocol ?? "TCP");
        if (typeof port.port === "number") {
          const key = `${port.port}/${protocol}`;
          if (ports.has(key)) ctx.report({ path: ["spec", "ports", i, "port"], message: `port "${port.port}" (${protocol}) is already declared by an earlier port of the Service`, hint: "remove the copy, or use another port number" });
          ports.add(key);
        }
        if (typeof port.nodePort === "number" && port.nodePort !== 0) {
          const key = `${port.nodePort}/${protocol}`;
          if (nodePorts.has(key)) ctx.report({ path: ["spec", "ports", i, "nodePort"], message: `nodePort "${port.nodePort}" (${protocol}) is already used by an earlier port of the Service`, hint: "give each port its own nodePort, or leave nodePort out to have one allocated" });
          nodePorts.add(key);
        }
      }
    },
  },
  {
    path: "spec.loadBalancerSourceRanges",
    kinds: ["Service"],
    constraint: "loadBalancerSourceRanges and allocateLoadBalancerNodePorts are set only for LoadBalancer Services",
    rule: "forbidden-value",
    upstream: `${CORE} ValidateService (Forbidden "may only be used when \`type\` is 'LoadBalancer'")`,
    check(ctx) {
      const type = serviceType(ctx);
      if (type === "LoadBalancer") return;
      for (const field of ["loadBalancerSourceRanges", "allocateLoadBalancerNodePorts"]) {
        const v = at(ctx.resource.raw, ["spec", field]);
        if (!isSet(v) || (Array.isArray(v) && v.length === 0)) continue;
        ctx.report({ path: ["spec", field], target: "key", message: `${field} is not allowed in a Service of type "${type}"`, hint: `remove ${field}, or set type: LoadBalancer` });
      }
    },
  },
  {
    path: "spec.externalTrafficPolicy",
    kinds: ["Service"],
    constraint: "externalTrafficPolicy is set only for externally reachable Services (NodePort, LoadBalancer, or with externalIPs)",
    rule: "forbidden-value",
    upstream: `${CORE} validateServiceExternalTrafficPolicy ("may only be set for externally-accessible services")`,
    check(ctx) {
      const type = serviceType(ctx);
      const policy = at(ctx.resource.raw, ["spec", "externalTrafficPolicy"]);
      if (!nonEmpty(policy) || type === "NodePort" || type === "LoadBalancer" || count(at(ctx.obj, ["spec", "externalIPs"])) > 0) return;
      ctx.report({ path: ["spec", "externalTrafficPolicy"], message: `externalTrafficPolicy "${policy}" is not allowed in a Service of type "${type}" without externalIPs`, hint: "remove externalTrafficPolicy (internalTrafficPolicy governs traffic from inside the cluster)" });
    },
  },
  {
    path: "spec.ingress[].from[]",
    kinds: ["NetworkPolicy"],
    constraint: "a NetworkPolicy peer names something, and ipBlock stands alone",
    rule: "invalid-combination",
    upstream: `${NETWORKING} ValidateNetworkPolicyPeer (Required "must specify a peer"; Forbidden "may not specify both ipBlock and another peer")`,
    check(ctx) {
      for (const { peer, path } of peers(ctx)) {
        const kinds = ["podSelector", "namespaceSelector", "ipBlock"].filter((k) => isSet(peer[k]));
        if (kinds.length === 0) {
          ctx.report({ path, target: "key", message: "this NetworkPolicy peer is empty: it names no pods, namespaces or addresses", hint: "add podSelector, namespaceSelector or ipBlock (an empty podSelector: {} means every pod of the namespace)" });
        } else if (kinds.includes("ipBlock") && kinds.length > 1) {
          ctx.report({ path: [...path, "ipBlock"], target: "key", message: `ipBlock cannot be combined with ${kinds.filter((k) => k !== "ipBlock").join(" and ")} in one peer`, hint: "make the ipBlock its own item of the list (a new \"- ipBlock: ...\" entry)" });
        }
      }
    },
  },
  {
    path: "spec.ingress[].ports[].endPort",
    kinds: ["NetworkPolicy"],
    constraint: "endPort needs a numeric port no greater than it",
    rule: "invalid-combination",
    upstream: `${NETWORKING} validateNetworkPolicyPort (Required "must be specified when endPort is specified"; Forbidden "may not be specified when port is non-numeric"; "must be greater than or equal to \`port\`")`,
    check(ctx) {
      for (const { port, path } of networkPolicyPorts(ctx)) {
        if (!isSet(port.endPort)) continue;
        if (!isSet(port.port)) ctx.report({ path: [...path, "endPort"], message: `endPort "${shown(port.endPort)}" needs a port to start the range`, hint: "add port: the first number of the range" });
        else if (typeof port.port === "string") ctx.report({ path: [...path, "endPort"], message: `endPort "${shown(port.endPort)}" needs a numeric port, not the name "${port.port}"`, hint: "write the port as a number, or remove endPort" });
        else if (typeof port.port === "number" && typeof port.endPort === "number" && port.endPort < port.port) ctx.report({ path: [...path, "endPort"], message: `endPort "${port.endPort}" is below port "${port.port}"`, hint: `set endPort to at least ${port.port}` });
      }
    },
  },
  {
    path: "rules[]",
    kinds: ["Role", "ClusterRole"],
    constraint: "a resource rule (one without nonResourceURLs) names apiGroups and resources",
    rule: "required-value",
    upstream: `${RBAC} ValidatePolicyRule (Required "resource rules must supply at least one api group", "... at least one resource"; empty verbs are invalid-value's)`,
    check(ctx) {
      const rules = rbacRules(ctx);
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i];
        if (!isMap(rule)) continue;
        if (filledList(rule.nonResourceURLs)) continue;
        for (const field of ["apiGroups", "resources"]) {
          if (filledList(rule[field])) continue;
          ctx.report({ path: isSet(rule[field]) ? ["rules", i, field] : ["rules", i], target: "key", message: `this resource rule names no ${field}`, hint: field === "apiGroups" ? 'add apiGroups: [""] for the core group (pods, services...), or the group of the resources' : "add resources, for example [pods]" });
        }
      }
    },
  },
  {
    path: "rules[].nonResourceURLs",
    kinds: ["ClusterRole"],
    constraint: "a rule with nonResourceURLs names no apiGroups, resources or resourceNames (in a Role, nonResourceURLs are invalid-value's)",
    rule: "invalid-combination",
    upstream: `${RBAC} ValidatePolicyRule ("rules cannot apply to both regular resources and non-resource URLs")`,
    check(ctx) {
      const rules = rbacRules(ctx);
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i];
        if (!isMap(rule)) continue;
        if (count(rule.nonResourceURLs) === 0) continue;
        const named = ["apiGroups", "resources", "resourceNames"].filter((field) => count(rule[field]) > 0);
        const fields = named.length > 1 ? `${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}` : named[0];
        if (named.length) ctx.report({ path: ["rules", i, "nonResourceURLs"], target: "key", message: `this rule names nonResourceURLs together with ${fields}`, hint: `separate it into two rules: one for the nonResourceURLs, one for the ${fields}` });
      }
    },
  },
  {
    path: "subjects[].namespace",
    kinds: ["ClusterRoleBinding"],
    constraint: "a ServiceAccount subject of a ClusterRoleBinding names its namespace",
    rule: "required-value",
    upstream: `${RBAC} ValidateRoleBindingSubject (Required "namespace")`,
    check(ctx) {
      const subjects = listOf(ctx.obj.subjects);
      for (let i = 0; i < subjects.length; i++) {
        const subject = subjects[i];
        if (!isMap(subject)) continue;
        if (subject.kind !== "ServiceAccount" || filled(subject.namespace)) continue;
        ctx.report({ path: ["subjects", i], target: "key", message: `ServiceAccount subject "${shown(subject.name ?? "")}" has no namespace: a ClusterRoleBinding has none to lend it`, hint: "add namespace: the namespace of the ServiceAccount" });
      }
    },
  },
  {
    path: "spec.maxUnavailable",
    kinds: ["PodDisruptionBudget"],
    constraint: "a PodDisruptionBudget sets minAvailable or maxUnavailable, not both",
    rule: "invalid-combination",
    upstream: `${POLICY} ValidatePodDisruptionBudgetSpec ("minAvailable and maxUnavailable cannot be both set")`,
    check(ctx) {
      if (!isSet(at(ctx.obj, ["spec", "minAvailable"])) || !isSet(at(ctx.obj, ["spec", "maxUnavailable"]))) return;
      ctx.report({ path: ["spec", "maxUnavailable"], message: `PodDisruptionBudget "${ctx.resource.name}" sets both minAvailable "${shown(at(ctx.obj, ["spec", "minAvailable"]))}" and maxUnavailable "${shown(at(ctx.obj, ["spec", "maxUnavailable"]))}"`, hint: "keep one of them" });
    },
  },
  {
    path: "binaryData",
    kinds: ["ConfigMap"],
    constraint: "a ConfigMap key is in data or in binaryData, not both",
    rule: "duplicate-value",
    upstream: `${CORE} ValidateConfigMap (Invalid "duplicate of key present in data")`,
    check(ctx) {
      const data = ctx.obj.data;
      const binary = ctx.obj.binaryData;
      if (!isMap(data) || !isMap(binary)) return;
      for (const key of Object.keys(binary)) {
        if (!Object.hasOwn(data, key)) continue;
        ctx.report({ path: ["binaryData", key], target: "key", message: `key "${key}" is in both data and binaryData`, hint: "keep the key in one of them" });
      }
    },
  },
  {
    path: "spec.validationActions",
    kinds: ["ValidatingAdmissionPolicyBinding"],
    constraint: "validationActions does not hold both Deny and Warn",
    rule: "invalid-combination",
    upstream: `${ADMISSION} validateValidationActions ("must not contain both Deny and Warn")`,
    check(ctx) {
      const actions = at(ctx.obj, ["spec", "validationActions"]);
      if (!Array.isArray(actions) || !actions.includes("Deny") || !actions.includes("Warn")) return;
      ctx.report({ path: ["spec", "validationActions"], message: `validationActions holds both "Deny" and "Warn": a denied request already carries the failure, a warning would repeat it`, hint: "keep Deny (reject) or Warn (admit with a warning), not both; add Audit to record it too" });
    },
  },
  {
    path: "spec.validationActions[]",
    kinds: ["ValidatingAdmissionPolicyBinding"],
    constraint: "each validation action is given once",
    rule: "duplicate-value",
    upstream: `${ADMISSION} validateValidationActions (Duplicate "spec.validationActions[i]")`,
    check(ctx) {
      const actions = at(ctx.obj, ["spec", "validationActions"]);
      if (!Array.isArray(actions)) return;
      for (let i = 1; i < actions.length; i++) {
        const action: unknown = actions[i];
        if (typeof action === "string" && actions.indexOf(action) < i) ctx.report({ path: ["spec", "validationActions", i], message: `validation action "${action}" is already listed`, hint: "remove the copy" });
      }
    },
  },
  {
    path: "spec.validationActions",
    kinds: ["ValidatingAdmissionPolicyBinding"],
    constraint: "validationActions holds at least one action (an absent list is missing-required-field's)",
    rule: "required-value",
    upstream: `${ADMISSION} validateValidationActions (Required "at least one validation action is required")`,
    check(ctx) {
      const actions = at(ctx.obj, ["spec", "validationActions"]);
      if (!Array.isArray(actions) || actions.length > 0) return;
      ctx.report({ path: ["spec", "validationActions"], message: `ValidatingAdmissionPolicyBinding "${ctx.resource.name}" has no validation action: it would enforce nothing`, hint: "list at least one of Deny, Warn and Audit, such as validationActions: [Deny]" });
    },
  },
  ...SECRET_TYPE_KEYS.map(secretTypeConstraint),
  {
    path: "metadata.annotations.kubernetes.io/service-account.name",
    kinds: ["Secret"],
    constraint: "a Secret of type kubernetes.io/service-account-token names its ServiceAccount in the kubernetes.io/service-account.name annotation",
    rule: "required-value",
    upstream: `${CORE} ValidateSecret (Required "metadata.annotations[kubernetes.io/service-account.name]")`,
    check(ctx) {
      if (ctx.obj.type !== "kubernetes.io/service-account-token" || ctx.resource.partial) return;
      const annotations = at(ctx.obj, ["metadata", "annotations"]);
      if (isMap(annotations) && filled(annotations[SERVICE_ACCOUNT_NAME_ANNOTATION])) return;
      ctx.report({
        path: isMap(annotations) ? ["metadata", "annotations"] : ["type"],
        target: isMap(annotations) ? "key" : undefined,
        message: `Secret "${ctx.resource.name}" of type "kubernetes.io/service-account-token" names no ServiceAccount: the ${SERVICE_ACCOUNT_NAME_ANNOTATION} annotation is not set`,
        hint: `add the annotation ${SERVICE_ACCOUNT_NAME_ANNOTATION}: <ServiceAccount name>; the token controller fills in the token`,
      });
    },
  },
];

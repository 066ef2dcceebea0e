/**
 * Pod spec constraints that relate two fields, or a field and its owner. Source:
 * pkg/apis/core/validation/validation.go (ValidatePodSpec and the functions it calls, named per
 * constraint) and pkg/apis/apps/validation/validation.go for what a controller's template allows.
 */
import type { Path } from "../../../types.js";
import { containerNeeds, podNeeds, volumeNeeds,
  ALWAYS_RESTART_KINDS,
  at,
  containerLabel,
  containersOf,
  count,
  eachContainerItem,
  eachPodSpecItem,
  eachRepeatedContainerItem,
  isMap,
  isSet,
  listOf,
  nonEmpty,
  podSpecOf,
  POD_KINDS,
  shown,
  sourceCount,
  sourcesOf,
  type CheckContext,
  type ContainerSite,
  type CrossFieldConstraint,
  type Obj,
} from "./walk.js";
import { ENV_SOURCES, PROJECTION_SOURCES, VOLUME_SOURCES } from "../../../models/one-of.js";

import { filled, filledList } from "../../../models/values.js";
import { SIDECARS_ON_BY_DEFAULT, sidecarsAt } from "../../../models/pods.js";
import { compareVersions } from "../../schema/api-changes.js";
import { gateStageAt, tolerationOperatorsAt, TOLERATION_COMPARISON_OPERATORS } from "../../schema/feature-gates.js";
import { RESTART_RULE_CONSTRAINTS } from "./restart-rules.js";
import { LABEL_KEY_CONSTRAINTS } from "./label-keys.js";

const CORE = "pkg/apis/core/validation/validation.go";
/** ContainerRestartRules (KEP-5307): alpha in 1.34, a container's restartPolicy is dropped instead of refused; beta and on from 1.35. */
const CONTAINER_RESTART_RULES_SINCE = "1.34";
const APPS = "pkg/apis/apps/validation/validation.go";
const TEMPLATE_KINDS = POD_KINDS.filter((k) => k !== "Pod");

/** Where the upstream function for a controller's template lives, by kind. */
const TEMPLATE_VALIDATOR: Record<string, string> = {
  Deployment: `${APPS} ValidatePodTemplateSpecForReplicaSet (via ValidateDeploymentSpec)`,
  ReplicaSet: `${APPS} ValidatePodTemplateSpecForReplicaSet`,
  StatefulSet: `${APPS} ValidateStatefulSetSpec`,
  DaemonSet: `${APPS} ValidateDaemonSetSpec`,
  ReplicationController: `${CORE} ValidatePodTemplateSpecForRC`,
};

const restartPolicyAlwaysOnly: CrossFieldConstraint[] = ALWAYS_RESTART_KINDS.map((kind) => ({
  path: "spec.template.spec.restartPolicy",
  kinds: [kind],
  constraint: `a ${kind}'s pod template supports only restartPolicy Always`,
  rule: "forbidden-value",
  upstream: `${TEMPLATE_VALIDATOR[kind]} (NotSupported)`,
  check(ctx) {
    const policy = at(ctx.obj, ["spec", "template", "spec", "restartPolicy"]);
    // A value outside the pod's own enum (Nevr) is invalid-type's finding, not a second one here.
    if (policy !== "OnFailure" && policy !== "Never") return;
    ctx.report({
      path: ["spec", "template", "spec", "restartPolicy"],
      message: `restartPolicy "${policy}" is not supported in a ${kind}'s pod template: its pods must run forever`,
      hint: `set restartPolicy: Always (or remove it); for work that runs to completion use a Job`,
    });
  },
}));

const noActiveDeadline: CrossFieldConstraint[] = ALWAYS_RESTART_KINDS.map((kind) => ({
  path: "spec.template.spec.activeDeadlineSeconds",
  needs: podNeeds("activeDeadlineSeconds"),
  kinds: [kind],
  constraint: `a ${kind}'s pod template may not set activeDeadlineSeconds`,
  rule: "forbidden-value",
  upstream: `${TEMPLATE_VALIDATOR[kind]} (Forbidden)`,
  check(ctx) {
    const v = at(ctx.obj, ["spec", "template", "spec", "activeDeadlineSeconds"]);
    if (!isSet(v)) return;
    ctx.report({
      path: ["spec", "template", "spec", "activeDeadlineSeconds"],
      target: "key",
      message: `activeDeadlineSeconds "${shown(v)}" is not allowed in a ${kind}'s pod template: it would kill pods that must run forever`,
      hint: "remove activeDeadlineSeconds (use it in a Job, or a Job's pod template)",
    });
  },
}));

const INIT_ONLY_FIELDS = ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"] as const;

const initContainerFields: CrossFieldConstraint[] = INIT_ONLY_FIELDS.map((field) => ({
  path: `spec.template.spec.initContainers[].${field}`,
  needs: podNeeds("initContainers"),
  kinds: POD_KINDS,
  constraint: `an init container without restartPolicy Always (not a sidecar) may not set ${field}`,
  rule: "forbidden-value",
  upstream: `${CORE} validateInitContainers (Forbidden "may not be set for init containers without restartPolicy=Always")`,
  check(ctx) {
    const sites = containersOf(ctx);
    for (let s = 0; s < sites.length; s++) {
      const site = sites[s];
      if (site.list !== "initContainers" || site.sidecar || !isSet(site.container[field])) continue;
      ctx.report({
        path: [...site.path, field],
        target: "key",
        message: `${containerLabel(site)} sets ${field}, which only containers that keep running may have`,
        hint: sidecarsAt(ctx.kubernetesVersion)
          ? `remove ${field}, or make it a sidecar with restartPolicy: Always`
          : `remove ${field} (only a sidecar may have one, and sidecars run from Kubernetes ${SIDECARS_ON_BY_DEFAULT} on)`,
      });
    }
  },
}));

/** Linux-only fields of the pod's securityContext (validateWindows). */
const LINUX_POD_FIELDS = ["seLinuxOptions", "seccompProfile", "appArmorProfile", "runAsUser", "runAsGroup", "fsGroup", "fsGroupChangePolicy", "sysctls", "supplementalGroups", "supplementalGroupsPolicy", "seLinuxChangePolicy"];
/** Linux-only fields of a container's securityContext (validateWindows). */
const LINUX_CONTAINER_FIELDS = ["seLinuxOptions", "seccompProfile", "appArmorProfile", "capabilities", "readOnlyRootFilesystem", "privileged", "allowPrivilegeEscalation", "procMount", "runAsUser", "runAsGroup"];

/** An array that is empty counts as unset here: the decoded nil-or-empty distinction is not the user's intent. */
function written(v: unknown): boolean {
  return isSet(v) && !(Array.isArray(v) && v.length === 0);
}

function osName(spec: Obj): string | undefined {
  const name = at(spec, ["os", "name"]);
  return typeof name === "string" ? name : undefined;
}

/** A container port that takes a port of the node (a hostPort other than 0). */
function takesHostPortAt(port: Obj): boolean {
  return typeof port.hostPort === "number" && port.hostPort !== 0;
}

function takesHostPort(site: ContainerSite): boolean {
  const ports = listOf(site.container.ports);
  for (let k = 0; k < ports.length; k++) {
    const port = ports[k];
    if (isMap(port) && takesHostPortAt(port)) return true;
  }
  return false;
}

/** The downward API files of `files` (at `base`) that set both or neither of fieldRef and resourceFieldRef. */
function judgeDownwardAPIFiles(ctx: CheckContext, files: readonly unknown[], base: Path) {
  for (let k = 0; k < files.length; k++) {
    const file = files[k];
    if (!isMap(file)) continue;
    const both = isSet(file.fieldRef) && isSet(file.resourceFieldRef);
    const none = !isSet(file.fieldRef) && !isSet(file.resourceFieldRef);
    if (!both && !none) continue;
    ctx.report({
      path: [...base, k, ...(both ? ["resourceFieldRef"] : [])],
      target: "key",
      message: both
        ? `downward API file "${shown(file.path ?? "")}" sets both fieldRef and resourceFieldRef`
        : `downward API file "${shown(file.path ?? "")}" sets neither fieldRef nor resourceFieldRef`,
      hint: both ? "keep one of fieldRef and resourceFieldRef; make a second file for the other" : "add fieldRef (e.g. fieldPath: metadata.name) or resourceFieldRef (e.g. resource: limits.memory)",
    });
  }
}

const hostNamespacesWithUserNamespace: CrossFieldConstraint[] = (["hostNetwork", "hostPID", "hostIPC"] as const).map((field) => ({
  path: `spec.template.spec.${field}`,
  needs: podNeeds("hostUsers"),
  kinds: POD_KINDS,
  constraint: `${field}: true is not allowed with hostUsers: false (a user namespace)`,
  rule: "forbidden-value",
  upstream: `${CORE} validateHostUsers (Forbidden "when \`hostUsers\` is false")`,
  check(ctx) {
    const pod = podSpecOf(ctx);
    if (!pod || pod.spec.hostUsers !== false || pod.spec[field] !== true) return;
    ctx.report({
      path: [...pod.path, field],
      message: `${field} "true" is not allowed with hostUsers "false": a pod in its own user namespace cannot share the node's namespaces`,
      hint: `remove ${field}: true, or remove hostUsers: false`,
    });
  },
}));

export const POD_SPEC_CONSTRAINTS: readonly CrossFieldConstraint[] = [
  ...restartPolicyAlwaysOnly,
  ...noActiveDeadline,
  {
    path: "spec.template.spec.ephemeralContainers",
    needs: podNeeds("ephemeralContainers"),
    kinds: TEMPLATE_KINDS,
    constraint: "a pod template may not have ephemeral containers",
    rule: "forbidden-value",
    upstream: `${CORE} ValidatePodTemplateSpec (Forbidden "ephemeral containers not allowed in pod template")`,
    check(ctx) {
      const pod = podSpecOf(ctx);
      if (!pod || count(pod.spec.ephemeralContainers) === 0) return;
      ctx.report({
        path: [...pod.path, "ephemeralContainers"],
        target: "key",
        message: `a pod template may not have ephemeralContainers: they are added to running pods with kubectl debug`,
        hint: "remove ephemeralContainers (move the container to containers or initContainers)",
      });
    },
  },
  {
    path: "spec.ephemeralContainers",
    needs: podNeeds("ephemeralContainers"),
    kinds: ["Pod"],
    constraint: "a Pod may not be created with ephemeral containers",
    rule: "forbidden-value",
    upstream: `${CORE} ValidatePodCreate (Forbidden "cannot be set on create")`,
    check(ctx) {
      if (count(at(ctx.obj, ["spec", "ephemeralContainers"])) === 0) return;
      ctx.report({
        path: ["spec", "ephemeralContainers"],
        target: "key",
        message: "a Pod cannot be created with ephemeralContainers: they are added to a running pod with kubectl debug",
        hint: "remove ephemeralContainers (move the container to containers or initContainers)",
      });
    },
  },
  {
    path: "spec.template.spec.containers[].restartPolicy",
    needs: containerNeeds("restartPolicy"),
    kinds: POD_KINDS,
    constraint: "restartPolicy of a container is allowed only on init containers (until 1.33)",
    rule: "forbidden-value",
    upstream: `${CORE} validateContainers and validateEphemeralContainers (Forbidden; from 1.34 pkg/api/pod/util.go dropContainerRestartRules drops it while ContainerRestartRules is off, and from 1.35 the gate is on)`,
    check(ctx) {
      if (compareVersions(ctx.kubernetesVersion, CONTAINER_RESTART_RULES_SINCE) >= 0) return;
      const sites = containersOf(ctx);
      for (let s = 0; s < sites.length; s++) {
        const site = sites[s];
        if (site.list === "initContainers" || !isSet(site.container.restartPolicy)) continue;
        ctx.report({
          path: [...site.path, "restartPolicy"],
          message: `restartPolicy "${shown(site.container.restartPolicy)}" of ${containerLabel(site)} is only allowed on init containers (restartPolicy: Always makes a sidecar)`,
          hint: "remove restartPolicy from the container; to run it as a sidecar, move it to initContainers with restartPolicy: Always",
        });
      }
    },
  },
  {
    path: "spec.template.spec.initContainers[].restartPolicy",
    needs: containerNeeds("restartPolicy"),
    kinds: POD_KINDS,
    constraint: "an init container's restartPolicy can only be Always, a sidecar (until 1.33)",
    rule: "forbidden-value",
    upstream: `${CORE} validateInitContainers (NotSupported: supported values "Always"; from 1.34 the other values are container restart rules, dropped by dropContainerRestartRules while ContainerRestartRules is off)`,
    check(ctx) {
      if (compareVersions(ctx.kubernetesVersion, CONTAINER_RESTART_RULES_SINCE) >= 0) return;
      const sites = containersOf(ctx);
      for (let s = 0; s < sites.length; s++) {
        const site = sites[s];
        const policy = site.container.restartPolicy;
        if (site.list !== "initContainers" || !isSet(policy) || policy === "Always") continue;
        ctx.report({
          path: [...site.path, "restartPolicy"],
          message: `restartPolicy "${shown(policy)}" of ${containerLabel(site)} is not supported: an init container takes only "Always", which makes it a sidecar`,
          hint: "remove restartPolicy (the init container runs once, as the pod's restartPolicy says) or set restartPolicy: Always",
        });
      }
    },
  },
  ...RESTART_RULE_CONSTRAINTS,
  ...LABEL_KEY_CONSTRAINTS,
  ...initContainerFields,
  {
    path: "spec.template.spec.containers",
    kinds: POD_KINDS,
    constraint: "a pod has at least one container",
    rule: "required-value",
    upstream: `${CORE} validateContainers (Required)`,
    check(ctx) {
      const pod = podSpecOf(ctx);
      if (!pod || !Array.isArray(pod.spec.containers) || pod.spec.containers.length > 0) return;
      ctx.report({ path: [...pod.path, "containers"], target: "key", message: "containers is empty: a pod needs at least one container", hint: "add a container with a name and an image" });
    },
  },
  {
    path: "spec.template.spec.volumes[]",
    needs: podNeeds("volumes"),
    kinds: POD_KINDS,
    constraint: "a volume has exactly one source (none written means emptyDir)",
    rule: "forbidden-value",
    upstream: `${CORE} validateVolumeSource (Forbidden "may not specify more than 1 volume type"); SetDefaults_Volume for none`,
    check(ctx) {
      eachPodSpecItem(ctx, "volumes", (volume, i, pod) => {
        if (sourceCount(volume, VOLUME_SOURCES) < 2) return;
        const sources = sourcesOf(volume, VOLUME_SOURCES);
        for (const extra of sources.slice(1)) {
          ctx.report({
            path: [...pod.path, "volumes", i, extra],
            target: "key",
            message: `volume "${shown(volume.name ?? "")}" has a second source "${extra}" beside "${sources[0]}": a volume has exactly one`,
            hint: `separate it into two volumes with their own names, or remove "${extra}"`,
          });
        }
      });
    },
  },
  {
    path: "spec.template.spec.volumes[].projected.sources[]",
    needs: volumeNeeds("projected"),
    kinds: POD_KINDS,
    constraint: "each source of a projected volume names exactly one kind of source",
    rule: "forbidden-value",
    upstream: `${CORE} validateProjectionSources (Forbidden "may not specify more than 1 volume type per source")`,
    check(ctx) {
      eachPodSpecItem(ctx, "volumes", (volume, i, pod) => {
        if (!isMap(volume.projected)) return;
        const sources = listOf(volume.projected.sources);
        for (let j = 0; j < sources.length; j++) {
          const source = sources[j];
          if (!isMap(source) || sourceCount(source, PROJECTION_SOURCES) < 2) continue;
          const kinds = sourcesOf(source, PROJECTION_SOURCES);
          for (const extra of kinds.slice(1)) {
            ctx.report({
              path: [...pod.path, "volumes", i, "projected", "sources", j, extra],
              target: "key",
              message: `projected source ${j} of volume "${shown(volume.name ?? "")}" names "${extra}" beside "${kinds[0]}": each source names one`,
              hint: `make "${extra}" its own item of sources (a new "- ${extra}: ..." entry)`,
            });
          }
        }
      });
    },
  },
  {
    path: "spec.template.spec.volumes[].projected.sources[].*.items[].path",
    needs: volumeNeeds("projected"),
    kinds: POD_KINDS,
    constraint: "the files of a projected volume have distinct paths across its sources",
    rule: "duplicate-value",
    upstream: `${CORE} validateProjectionSources (Invalid "conflicting duplicate paths")`,
    check(ctx) {
      eachPodSpecItem(ctx, "volumes", (volume, i, pod) => {
        if (!isMap(volume.projected)) return;
        const seen = new Set<string>();
        const sources = listOf(volume.projected.sources);
        for (let j = 0; j < sources.length; j++) {
          const source = sources[j];
          if (!isMap(source)) continue;
          for (const kind of ["secret", "configMap", "downwardAPI"]) {
            const files = listOf(at(source, [kind, "items"]));
            for (let k = 0; k < files.length; k++) {
              const item = files[k];
              if (!isMap(item) || !nonEmpty(item.path)) continue;
              if (seen.has(item.path)) {
                ctx.report({
                  path: [...pod.path, "volumes", i, "projected", "sources", j, kind, "items", k, "path"],
                  message: `path "${item.path}" is projected twice into volume "${shown(volume.name ?? "")}"`,
                  hint: "give each projected file its own path",
                });
              }
              seen.add(item.path);
            }
          }
          for (const kind of ["serviceAccountToken", "clusterTrustBundle", "podCertificate"]) {
            const p = at(source, [kind, "path"]);
            if (!nonEmpty(p)) continue;
            if (seen.has(p)) ctx.report({ path: [...pod.path, "volumes", i, "projected", "sources", j, kind, "path"], message: `path "${p}" is projected twice into volume "${shown(volume.name ?? "")}"`, hint: "give each projected file its own path" });
            seen.add(p);
          }
        }
      });
    },
  },
  {
    path: "spec.template.spec.volumes[].downwardAPI.items[]",
    needs: podNeeds("volumes"),
    kinds: POD_KINDS,
    constraint: "a downward API file takes its value from exactly one of fieldRef and resourceFieldRef",
    rule: "invalid-combination",
    upstream: `${CORE} validateDownwardAPIVolumeFile ("fieldRef and resourceFieldRef can not be specified simultaneously", "one of fieldRef and resourceFieldRef is required")`,
    check(ctx) {
      eachPodSpecItem(ctx, "volumes", (volume, i, pod) => {
        const files = listOf(isMap(volume.downwardAPI) ? volume.downwardAPI.items : undefined);
        if (files.length) judgeDownwardAPIFiles(ctx, files, [...pod.path, "volumes", i, "downwardAPI", "items"]);
        const sources = listOf(isMap(volume.projected) ? volume.projected.sources : undefined);
        for (let j = 0; j < sources.length; j++) {
          const source = sources[j];
          const projected = listOf(isMap(source) && isMap(source.downwardAPI) ? source.downwardAPI.items : undefined);
          if (projected.length) judgeDownwardAPIFiles(ctx, projected, [...pod.path, "volumes", i, "projected", "sources", j, "downwardAPI", "items"]);
        }
      });
    },
  },
  {
    path: "spec.template.spec.containers[].env[].valueFrom",
    needs: containerNeeds("env"),
    kinds: POD_KINDS,
    constraint: "an environment variable has a value or a valueFrom, not both",
    rule: "invalid-combination",
    upstream: `${CORE} validateEnvVarValueFrom ("may not be specified when \`value\` is not empty")`,
    check(ctx) {
      eachContainerItem(ctx, "env", (env, k, site) => {
        if (!filled(env.value) || !isMap(env.valueFrom) || sourcesOf(env.valueFrom, ENV_SOURCES).length === 0) return;
        ctx.report({
          path: [...site.path, "env", k, "valueFrom"],
          target: "key",
          message: `env "${shown(env.name ?? "")}" of ${containerLabel(site)} sets both value "${env.value}" and valueFrom`,
          hint: "keep either value or valueFrom",
        });
      });
    },
  },
  {
    path: "spec.template.spec.containers[].env[].valueFrom",
    needs: containerNeeds("env"),
    kinds: POD_KINDS,
    constraint: "valueFrom names exactly one source (fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef)",
    rule: "invalid-combination",
    upstream: `${CORE} validateEnvVarValueFrom ("may not have more than one field specified at a time")`,
    check(ctx) {
      eachContainerItem(ctx, "env", (env, k, site) => {
        if (!isMap(env.valueFrom) || filled(env.value)) return;
        const sources = sourcesOf(env.valueFrom, ENV_SOURCES);
        for (const extra of sources.slice(1)) {
          ctx.report({
            path: [...site.path, "env", k, "valueFrom", extra],
            target: "key",
            message: `env "${shown(env.name ?? "")}" of ${containerLabel(site)} takes its value from "${sources[0]}" and "${extra}"`,
            hint: `keep one source; read "${extra}" into another variable`,
          });
        }
      });
    },
  },
  {
    path: "spec.template.spec.containers[].env[].valueFrom",
    needs: containerNeeds("env"),
    kinds: POD_KINDS,
    constraint: "valueFrom names a source",
    rule: "required-value",
    upstream: `${CORE} validateEnvVarValueFrom ("must specify one of: \`fieldRef\`, \`resourceFieldRef\`, \`configMapKeyRef\` or \`secretKeyRef\`")`,
    check(ctx) {
      eachContainerItem(ctx, "env", (env, k, site) => {
        if (!isMap(env.valueFrom) || sourcesOf(env.valueFrom, ENV_SOURCES).length > 0) return;
        ctx.report({
          path: [...site.path, "env", k, "valueFrom"],
          target: "key",
          message: `env "${shown(env.name ?? "")}" of ${containerLabel(site)} has an empty valueFrom`,
          hint: "add configMapKeyRef, secretKeyRef, fieldRef or resourceFieldRef under valueFrom, or write value instead",
        });
      });
    },
  },
  {
    path: "spec.template.spec.containers[].envFrom[]",
    needs: containerNeeds("envFrom"),
    kinds: POD_KINDS,
    constraint: "an envFrom entry names exactly one of configMapRef and secretRef",
    rule: "invalid-combination",
    upstream: `${CORE} validateEnvFrom ("may not have more than one field specified at a time")`,
    check(ctx) {
      eachContainerItem(ctx, "envFrom", (from, k, site) => {
        if (!isSet(from.configMapRef) || !isSet(from.secretRef)) return;
        ctx.report({
          path: [...site.path, "envFrom", k, "secretRef"],
          target: "key",
          message: `an envFrom entry of ${containerLabel(site)} names both configMapRef and secretRef`,
          hint: "separate it into two envFrom entries, one for the ConfigMap and one for the Secret",
        });
      });
    },
  },
  {
    path: "spec.template.spec.containers[].envFrom[]",
    needs: containerNeeds("envFrom"),
    kinds: POD_KINDS,
    constraint: "an envFrom entry names a ConfigMap or a Secret",
    rule: "required-value",
    upstream: `${CORE} validateEnvFrom ("must specify one of: \`configMapRef\` or \`secretRef\`")`,
    check(ctx) {
      eachContainerItem(ctx, "envFrom", (from, k, site) => {
        if (isSet(from.configMapRef) || isSet(from.secretRef)) return;
        ctx.report({
          path: [...site.path, "envFrom", k],
          target: "key",
          message: `an envFrom entry of ${containerLabel(site)} names neither configMapRef nor secretRef`,
          hint: "add configMapRef: {name: ...} or secretRef: {name: ...}",
        });
      });
    },
  },
  {
    path: "spec.template.spec.containers[].volumeMounts[].subPathExpr",
    needs: containerNeeds("volumeMounts", "[]", "subPathExpr"),
    kinds: POD_KINDS,
    constraint: "a volume mount sets subPath or subPathExpr, not both",
    rule: "invalid-combination",
    upstream: `${CORE} ValidateVolumeMounts ("subPathExpr and subPath are mutually exclusive")`,
    check(ctx) {
      eachContainerItem(ctx, "volumeMounts", (mount, k, site) => {
        if (!filled(mount.subPath) || !filled(mount.subPathExpr)) return;
        ctx.report({
          path: [...site.path, "volumeMounts", k, "subPathExpr"],
          message: `volume mount "${shown(mount.mountPath ?? "")}" of ${containerLabel(site)} sets both subPath "${mount.subPath}" and subPathExpr "${mount.subPathExpr}"`,
          hint: "keep one: subPath for a fixed path, subPathExpr to expand $(VAR)",
        });
      });
    },
  },
  {
    path: "spec.template.spec.containers[].volumeMounts[].mountPropagation",
    needs: containerNeeds("volumeMounts", "[]", "mountPropagation"),
    kinds: POD_KINDS,
    constraint: "Bidirectional mount propagation needs a privileged container",
    rule: "forbidden-value",
    upstream: `${CORE} validateMountPropagation (Forbidden "Bidirectional mount propagation is available only to privileged containers")`,
    check(ctx) {
      eachContainerItem(ctx, "volumeMounts", (mount, k, site) => {
        if (mount.mountPropagation !== "Bidirectional" || site.list === "ephemeralContainers" || at(site.container, ["securityContext", "privileged"]) === true) return;
        ctx.report({
          path: [...site.path, "volumeMounts", k, "mountPropagation"],
          message: `mountPropagation "Bidirectional" on "${shown(mount.mountPath ?? "")}" needs a privileged container, and ${containerLabel(site)} is not`,
          hint: "use mountPropagation: HostToContainer, or set securityContext.privileged: true if the container must propagate mounts to the node",
        });
      });
    },
  },
  {
    path: "spec.template.spec.containers[].volumeMounts[].mountPath",
    needs: containerNeeds("volumeMounts"),
    kinds: POD_KINDS,
    constraint: "the mount paths of a container are unique",
    rule: "duplicate-value",
    upstream: `${CORE} ValidateVolumeMounts (Invalid "must be unique")`,
    check(ctx) {
      eachRepeatedContainerItem(ctx, "volumeMounts", "mountPath", (_mount, k, site, mountPath) => {
        ctx.report({
          path: [...site.path, "volumeMounts", k, "mountPath"],
          message: `mountPath "${mountPath}" is already used by an earlier volume mount of ${containerLabel(site)}`,
          hint: "give each volume mount its own path (subPath puts single files into one directory)",
        });
      });
    },
  },
  {
    path: "spec.template.spec.containers[].volumeDevices[].devicePath",
    needs: containerNeeds("volumeDevices"),
    kinds: POD_KINDS,
    constraint: "the device paths of a container are unique",
    rule: "duplicate-value",
    upstream: `${CORE} validateVolumeDevices (Invalid "must be unique")`,
    check(ctx) {
      eachRepeatedContainerItem(ctx, "volumeDevices", "devicePath", (_device, k, site, devicePath) => {
        ctx.report({ path: [...site.path, "volumeDevices", k, "devicePath"], message: `devicePath "${devicePath}" is already used by an earlier device of ${containerLabel(site)}`, hint: "give each block device its own devicePath" });
      });
    },
  },
  {
    path: "spec.template.spec.containers[].ports[].name",
    needs: containerNeeds("ports"),
    kinds: POD_KINDS,
    constraint: "the port names of a container are unique",
    rule: "duplicate-value",
    upstream: `${CORE} validateContainerPorts (Duplicate)`,
    check(ctx) {
      eachRepeatedContainerItem(ctx, "ports", "name", (port, k, site, name) => {
        ctx.report({
          path: [...site.path, "ports", k, "name"],
          message: `port name "${name}" is already used by an earlier port of ${containerLabel(site)}`,
          hint: `rename the port (for example "${name.slice(0, 11)}-${String(port.protocol ?? "tcp").toLowerCase()}")`,
        });
      });
    },
  },
  {
    path: "spec.template.spec.containers[].ports[].hostPort",
    needs: containerNeeds("ports"),
    kinds: POD_KINDS,
    constraint: "a hostPort (with its protocol and hostIP) is used once among a pod's containers (each init container on its own)",
    rule: "duplicate-value",
    upstream: `${CORE} checkHostPortConflicts / AccumulateUniqueHostPorts (Duplicate)`,
    check(ctx) {
      const sites = containersOf(ctx);
      // Most pods take no host port: nothing to compare.
      if (!sites.some(takesHostPort)) return;
      const judge = (group: readonly ContainerSite[]) => {
        const seen = new Set<string>();
        for (const site of group) {
          const ports = listOf(site.container.ports);
          for (let k = 0; k < ports.length; k++) {
            const port = ports[k];
            if (!isMap(port) || !takesHostPortAt(port)) continue;
            const key = `${shown(port.protocol ?? "TCP")}/${shown(port.hostIP ?? "")}/${port.hostPort}`;
            if (seen.has(key)) {
              // Under hostNetwork a Pod's hostPort defaults to its containerPort (SetDefaults_Pod).
              const written = at(ctx.resource.raw, [...site.path, "ports", k, "hostPort"]) !== undefined;
              ctx.report({
                path: [...site.path, "ports", k, written ? "hostPort" : "containerPort"],
                message: written
                  ? `hostPort "${port.hostPort}" (${shown(port.protocol ?? "TCP")}) of ${containerLabel(site)} is already taken by another port of the pod`
                  : `containerPort "${port.hostPort}" (${shown(port.protocol ?? "TCP")}) of ${containerLabel(site)} is also its host port under hostNetwork, and another port of the pod already takes it`,
                hint: "use another hostPort, or drop hostPort (a Service or the pod IP reaches the container)",
              });
            }
            seen.add(key);
          }
        }
      };
      judge(sites.filter((site) => site.list === "containers"));
      for (const site of sites) if (site.list === "initContainers") judge([site]);
    },
  },
  {
    path: "spec.template.spec.containers[].ports[].containerPort",
    needs: podNeeds("hostNetwork"),
    kinds: POD_KINDS,
    constraint: "with hostNetwork: true, a port's hostPort equals its containerPort",
    rule: "invalid-combination",
    upstream: `${CORE} validateHostNetwork ("must match \`hostPort\` when \`hostNetwork\` is true")`,
    check(ctx) {
      const pod = podSpecOf(ctx);
      if (!pod || pod.spec.hostNetwork !== true) return;
      eachContainerItem(ctx, "ports", (port, k, site) => {
        if (site.list === "ephemeralContainers" || typeof port.hostPort !== "number" || port.hostPort === 0 || typeof port.containerPort !== "number" || port.hostPort === port.containerPort) return;
        ctx.report({
          path: [...site.path, "ports", k, "containerPort"],
          message: `containerPort "${port.containerPort}" of ${containerLabel(site)} differs from its hostPort "${port.hostPort}", but with hostNetwork the container listens on the node's port itself`,
          hint: `set containerPort and hostPort to the same number (or drop hostPort: it defaults to containerPort)`,
        });
      });
    },
  },
  ...hostNamespacesWithUserNamespace,
  {
    path: "spec.template.spec.shareProcessNamespace",
    needs: podNeeds("shareProcessNamespace"),
    kinds: POD_KINDS,
    constraint: "shareProcessNamespace and hostPID are not both true",
    rule: "invalid-combination",
    upstream: `${CORE} validatePodSpecSecurityContext ("ShareProcessNamespace and HostPID cannot both be enabled")`,
    check(ctx) {
      const pod = podSpecOf(ctx);
      if (!pod || pod.spec.shareProcessNamespace !== true || pod.spec.hostPID !== true) return;
      ctx.report({
        path: [...pod.path, "shareProcessNamespace"],
        message: `shareProcessNamespace "true" cannot be combined with hostPID "true"`,
        hint: "keep one: hostPID shares the node's processes, shareProcessNamespace only the pod's",
      });
    },
  },
  {
    path: "spec.template.spec.containers[].securityContext.allowPrivilegeEscalation",
    needs: containerNeeds("securityContext", "allowPrivilegeEscalation"),
    kinds: POD_KINDS,
    constraint: "allowPrivilegeEscalation: false contradicts privileged: true and adding CAP_SYS_ADMIN",
    rule: "invalid-combination",
    upstream: `${CORE} ValidateSecurityContext / validateContainerSecurityContext ("cannot set \`allowPrivilegeEscalation\` to false and \`privileged\` to true")`,
    check(ctx) {
      const sites = containersOf(ctx);
      for (let s = 0; s < sites.length; s++) {
        const site = sites[s];
        const sc = site.container.securityContext;
        if (!isMap(sc) || sc.allowPrivilegeEscalation !== false) continue;
        const sysAdmin = Array.isArray(at(sc, ["capabilities", "add"])) && (at(sc, ["capabilities", "add"]) as unknown[]).includes("CAP_SYS_ADMIN");
        if (sc.privileged !== true && !sysAdmin) continue;
        ctx.report({
          path: [...site.path, "securityContext", "allowPrivilegeEscalation"],
          message: `allowPrivilegeEscalation "false" of ${containerLabel(site)} contradicts ${sc.privileged === true ? `privileged "true"` : `the added capability "CAP_SYS_ADMIN"`}`,
          hint: sc.privileged === true ? "remove allowPrivilegeEscalation: false, or remove privileged: true" : "remove allowPrivilegeEscalation: false, or stop adding CAP_SYS_ADMIN",
        });
      }
    },
  },
  {
    path: "spec.template.spec.securityContext.<linux-only field>",
    needs: podNeeds("os"),
    kinds: POD_KINDS,
    constraint: `a pod with os.name windows may not set the Linux-only pod securityContext fields (${LINUX_POD_FIELDS.join(", ")}) or shareProcessNamespace`,
    rule: "forbidden-value",
    upstream: `${CORE} validateWindows (Forbidden "cannot be set for a windows pod")`,
    check(ctx) {
      const pod = podSpecOf(ctx);
      if (!pod || osName(pod.spec) !== "windows") return;
      const sc = isMap(pod.spec.securityContext) ? pod.spec.securityContext : {};
      const found: Array<[Path, string]> = LINUX_POD_FIELDS.filter((f) => written(sc[f])).map((f) => [[...pod.path, "securityContext", f], f]);
      if (isSet(pod.spec.shareProcessNamespace)) found.push([[...pod.path, "shareProcessNamespace"], "shareProcessNamespace"]);
      for (const [path, field] of found) {
        ctx.report({ path, target: "key", message: `${field} cannot be set for a pod with os.name "windows": it is a Linux-only setting`, hint: `remove ${field} (or securityContext.windowsOptions for the Windows equivalent)` });
      }
    },
  },
  {
    path: "spec.template.spec.containers[].securityContext.<linux-only field>",
    needs: podNeeds("os"),
    kinds: POD_KINDS,
    constraint: `a container of a pod with os.name windows may not set the Linux-only securityContext fields (${LINUX_CONTAINER_FIELDS.join(", ")})`,
    rule: "forbidden-value",
    upstream: `${CORE} validateWindows (Forbidden "cannot be set for a windows pod")`,
    check(ctx) {
      const pod = podSpecOf(ctx);
      if (!pod || osName(pod.spec) !== "windows") return;
      for (const site of containersOf(ctx)) {
        const sc = site.container.securityContext;
        if (!isMap(sc)) continue;
        for (const field of LINUX_CONTAINER_FIELDS.filter((f) => written(sc[f]))) {
          ctx.report({ path: [...site.path, "securityContext", field], target: "key", message: `${field} of ${containerLabel(site)} cannot be set in a pod with os.name "windows": it is a Linux-only setting`, hint: `remove ${field}` });
        }
      }
    },
  },
  {
    path: "spec.template.spec.securityContext.windowsOptions",
    needs: podNeeds("os"),
    kinds: POD_KINDS,
    constraint: "a pod with os.name linux may not set windowsOptions (pod or container securityContext)",
    rule: "forbidden-value",
    upstream: `${CORE} validateLinux (Forbidden "windows options cannot be set for a linux pod")`,
    check(ctx) {
      const pod = podSpecOf(ctx);
      if (!pod || osName(pod.spec) !== "linux") return;
      const found: Path[] = [];
      if (isSet(at(pod.spec, ["securityContext", "windowsOptions"]))) found.push([...pod.path, "securityContext", "windowsOptions"]);
      for (const site of containersOf(ctx)) if (isSet(at(site.container, ["securityContext", "windowsOptions"]))) found.push([...site.path, "securityContext", "windowsOptions"]);
      for (const path of found) ctx.report({ path, target: "key", message: `windowsOptions cannot be set for a pod with os.name "linux"`, hint: "remove windowsOptions, or set os.name: windows if the pod runs on Windows nodes" });
    },
  },
  {
    path: "spec.template.spec.dnsConfig",
    kinds: POD_KINDS,
    constraint: "dnsPolicy None needs a dnsConfig with at least one nameserver",
    rule: "required-value",
    upstream: `${CORE} validatePodDNSConfig ("must provide \`dnsConfig\` when \`dnsPolicy\` is None", "must provide at least one DNS nameserver")`,
    check(ctx) {
      const pod = podSpecOf(ctx);
      if (!pod || pod.spec.dnsPolicy !== "None") return;
      if (!isMap(pod.spec.dnsConfig)) {
        ctx.report({ path: [...pod.path, "dnsPolicy"], message: `dnsPolicy "None" needs a dnsConfig: the pod gets no DNS settings otherwise`, hint: "add dnsConfig with nameservers (and searches, options), or use dnsPolicy: ClusterFirst" });
      } else if (!filledList(pod.spec.dnsConfig.nameservers)) {
        ctx.report({ path: [...pod.path, "dnsConfig"], target: "key", message: `dnsPolicy "None" needs at least one nameserver in dnsConfig`, hint: "add dnsConfig.nameservers, for example [10.96.0.10]" });
      }
    },
  },
  {
    path: "spec.template.spec.tolerations[].operator",
    needs: podNeeds("tolerations"),
    kinds: POD_KINDS,
    constraint: "a toleration with operator Exists has no value; one without a key has operator Exists",
    rule: "invalid-combination",
    upstream: `${CORE} ValidateTolerations ("value must be empty when \`operator\` is 'Exists'", "operator must be Exists when \`key\` is empty")`,
    check(ctx) {
      eachPodSpecItem(ctx, "tolerations", (t, i, pod) => {
        // An operator of the wrong type is invalid-type's: what it was meant to be is unknown.
        if (isSet(t.operator) && typeof t.operator !== "string") return;
        const op = nonEmpty(t.operator) ? t.operator : "Equal";
        if (op === "Exists" && filled(t.value)) {
          ctx.report({ path: [...pod.path, "tolerations", i, "value"], message: `toleration value "${t.value}" is not allowed with operator "Exists"`, hint: "remove value (Exists matches every value), or use operator: Equal" });
        } else if (!filled(t.key) && op !== "Exists") {
          ctx.report({ path: [...pod.path, "tolerations", i, ...(isSet(t.operator) ? ["operator"] : [])], target: isSet(t.operator) ? undefined : "key", message: `a toleration without a key needs operator "Exists", not "${op}"`, hint: "add the taint's key, or set operator: Exists to tolerate every taint (of the effect)" });
        }
      });
    },
  },
  {
    path: "spec.template.spec.tolerations[].operator",
    needs: podNeeds("tolerations"),
    kinds: POD_KINDS,
    constraint: "operator Gt and Lt are refused while the TaintTolerationComparisonOperators gate is off by default (alpha from 1.35; before 1.35 only Equal and Exists exist)",
    rule: "forbidden-value",
    upstream: `${TOLERATION_COMPARISON_OPERATORS.source}; pkg/api/pod/util.go allowTaintTolerationComparisonOperators`,
    check(ctx) {
      const { refused } = tolerationOperatorsAt(ctx.kubernetesVersion);
      if (!refused.length) return;
      const g = TOLERATION_COMPARISON_OPERATORS;
      const stage = gateStageAt(g.stages, ctx.kubernetesVersion);
      eachPodSpecItem(ctx, "tolerations", (t, i, pod) => {
        if (typeof t.operator !== "string" || !refused.includes(t.operator)) return;
        const why = stage
          ? `is refused at ${ctx.kubernetesVersion} unless the ${g.gate} feature gate is on (${stage.stage}, off by default)`
          : `is not supported at ${ctx.kubernetesVersion}: the operator is "Equal" or "Exists" (Gt and Lt exist from ${g.stages[0].from}, behind the ${g.gate} feature gate)`;
        ctx.report({
          path: [...pod.path, "tolerations", i, "operator"],
          message: `toleration operator "${t.operator}" ${why}`,
          hint: `${stage ? `enable the ${g.gate} feature gate on the cluster, or ` : ""}set operator: Equal with the taint's exact value, or Exists to match any value of the key`,
        });
      });
    },
  },
  {
    path: "spec.template.spec.tolerations[].effect",
    needs: podNeeds("tolerations"),
    kinds: POD_KINDS,
    constraint: "tolerationSeconds needs effect NoExecute",
    rule: "invalid-combination",
    upstream: `${CORE} ValidateTolerations ("effect must be 'NoExecute' when \`tolerationSeconds\` is set")`,
    check(ctx) {
      eachPodSpecItem(ctx, "tolerations", (t, i, pod) => {
        if (!isSet(t.tolerationSeconds) || t.effect === "NoExecute") return;
        ctx.report({
          path: [...pod.path, "tolerations", i, isSet(t.effect) ? "effect" : "tolerationSeconds"],
          message: `tolerationSeconds "${shown(t.tolerationSeconds)}" needs effect "NoExecute", not "${shown(t.effect ?? "")}"`,
          hint: "set effect: NoExecute, or remove tolerationSeconds",
        });
      });
    },
  },
  {
    path: "spec.template.spec.topologySpreadConstraints[]",
    needs: podNeeds("topologySpreadConstraints"),
    kinds: POD_KINDS,
    constraint: "no two topology spread constraints share topologyKey and whenUnsatisfiable",
    rule: "duplicate-value",
    upstream: `${CORE} validateTopologySpreadConstraints / ValidateSpreadConstraintNotRepeat (Duplicate)`,
    check(ctx) {
      const seen = new Set<string>();
      eachPodSpecItem(ctx, "topologySpreadConstraints", (c, i, pod) => {
        if (!nonEmpty(c.topologyKey) || !nonEmpty(c.whenUnsatisfiable)) return;
        const key = `${c.topologyKey}\u0000${c.whenUnsatisfiable}`;
        if (seen.has(key)) {
          ctx.report({ path: [...pod.path, "topologySpreadConstraints", i, "topologyKey"], message: `topology spread constraint on "${c.topologyKey}" with whenUnsatisfiable "${c.whenUnsatisfiable}" repeats an earlier one`, hint: "fold the two constraints into one (one maxSkew per key and mode)" });
        }
        seen.add(key);
      });
    },
  },
  {
    path: "spec.template.spec.topologySpreadConstraints[].minDomains",
    needs: podNeeds("topologySpreadConstraints"),
    kinds: POD_KINDS,
    constraint: "minDomains needs whenUnsatisfiable DoNotSchedule",
    rule: "invalid-combination",
    upstream: `${CORE} validateMinDomains ("can only use minDomains if whenUnsatisfiable=DoNotSchedule")`,
    check(ctx) {
      eachPodSpecItem(ctx, "topologySpreadConstraints", (c, i, pod) => {
        if (!isSet(c.minDomains) || c.whenUnsatisfiable === "DoNotSchedule" || !nonEmpty(c.whenUnsatisfiable)) return;
        ctx.report({ path: [...pod.path, "topologySpreadConstraints", i, "minDomains"], message: `minDomains "${shown(c.minDomains)}" only works with whenUnsatisfiable "DoNotSchedule", not "${c.whenUnsatisfiable}"`, hint: "set whenUnsatisfiable: DoNotSchedule, or remove minDomains" });
      });
    },
  },
  {
    path: "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms",
    needs: podNeeds("affinity"),
    kinds: POD_KINDS,
    constraint: "a required node affinity has at least one node selector term",
    rule: "required-value",
    upstream: `${CORE} ValidateNodeSelector ("must have at least one node selector term")`,
    check(ctx) {
      const pod = podSpecOf(ctx);
      if (!pod) return;
      const path = ["affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"];
      const terms = at(pod.spec, path);
      if (!Array.isArray(terms) || terms.length > 0) return;
      ctx.report({ path: [...pod.path, ...path], target: "key", message: "nodeSelectorTerms is empty: a required node affinity needs at least one term", hint: "add a term with matchExpressions, or remove requiredDuringSchedulingIgnoredDuringExecution" });
    },
  },
];

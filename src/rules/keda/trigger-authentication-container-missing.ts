import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { defineRule } from "../types.js";
import { TRIGGER_AUTHENTICATION_KINDS, authenticationRefOf } from "./authentication.js";
import { KEDA_GROUP, scaledObjectTarget } from "./targets.js";

/** The names of the containers KEDA reads env from, and what holds them: a ScaledJob's jobTargetRef template, a ScaledObject's target when the input defines it. */
function targetContainers(resource: Resource, index: ResourceIndex): { holder: string; names: string[] } | undefined {
  let holder: string;
  let raw: unknown;
  if (resource.kind === "ScaledJob") {
    holder = `the jobTargetRef of ScaledJob "${resource.name}"`;
    raw = resource.get(["spec", "jobTargetRef", "template", "spec", "containers"]);
  } else {
    const t = scaledObjectTarget(resource);
    const target = t && index.findInSet(t.type, resource.namespace, t.name, resource);
    if (!target) return undefined;
    holder = `${target.kind} "${target.name}"`;
    raw = target.get(["spec", "template", "spec", "containers"]);
  }
  if (!Array.isArray(raw)) return undefined;
  return { holder, names: raw.map((c: { name?: unknown } | null) => c?.name).filter((n): n is string => typeof n === "string") };
}

export const rule = defineRule({
  id: "trigger-authentication-container-missing",
  category: "keda",
  severity: "warning",
  crossResource: true,
  appliesTo: ["ScaledObject", "ScaledJob"],
  summary: "A KEDA TriggerAuthentication's env[].containerName names a container that the scaled workload does not have.",
  explanation: `A TriggerAuthentication's spec.env entries read a parameter from an environment variable of the
workload KEDA scales: of the container env[].containerName names, else the first container
(pkg/scaling/resolver/scale_resolvers.go ResolveContainerEnv). When the scale target (a
ScaledObject's scaleTargetRef, a ScaledJob's jobTargetRef template) has no container of that
name, the parameter resolves to an empty string (ResolveAuthRef drops the lookup's error; the
"couldn't find container" event belongs to scaleTargetRef.envSourceContainerName): the trigger gets
no credential and its scaler fails to connect, so the ScaledObject or ScaledJob stops scaling. The check runs on each
ScaledObject and ScaledJob whose trigger's authenticationRef names a TriggerAuthentication or
ClusterTriggerAuthentication of the input and whose target is in the input, because one
authentication object may serve workloads with different containers. Only regular containers
count, as KEDA reads only those.`,
  fix: "Set env[].containerName to a container of the scaled workload, or remove it to read the first container.",
  preventsStatus: [],
  check({ resource, index, report }) {
    if (resource.group !== KEDA_GROUP) return;
    const triggers = resource.get(["spec", "triggers"]);
    if (!Array.isArray(triggers)) return;
    let containers: ReturnType<typeof targetContainers> | null = null;
    triggers.forEach((trigger: unknown, i) => {
      const ref = authenticationRefOf(trigger);
      if (!ref) return;
      const auth = ref.cluster ? index.findInSet(TRIGGER_AUTHENTICATION_KINDS.cluster, "", ref.name) : index.findInSet(TRIGGER_AUTHENTICATION_KINDS.namespaced, resource.namespace, ref.name, resource);
      const env = auth?.get(["spec", "env"]);
      if (!auth || !Array.isArray(env)) return;
      containers ??= targetContainers(resource, index);
      if (!containers) return;
      const { holder, names } = containers;
      env.forEach((e: { containerName?: unknown } | null, j) => {
        const name = e?.containerName;
        if (typeof name !== "string" || name === "" || names.includes(name)) return;
        report({
          path: ["spec", "triggers", i, "authenticationRef", "name"],
          message: `${auth.kind} "${auth.name}" reads env from container "${name}", which ${holder} does not have`,
          hint: names.length
            ? `set env[${j}].containerName of ${auth.kind} "${auth.name}" to ${names.length > 1 ? "one of " : ""}${names.map((n) => `"${n}"`).join(", ")}`
            : `add the container to ${holder}`,
          related: { resource: auth, path: ["spec", "env", j, "containerName"], message: `containerName "${name}"` },
        });
      });
    });
  },
});

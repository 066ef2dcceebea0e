import { containerKind } from "../../models/pods.js";
import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "duplicate-container-name",
  category: "workloads",
  severity: "error",
  appliesTo: "pod-templates",
  summary: "Two containers of a pod share a name.",
  explanation: `Container names identify containers within a pod: in status, logs (\`kubectl logs -c\`),
probes, resource fields and the kubelet's bookkeeping. The API server requires them to be unique
across containers, initContainers and ephemeralContainers and rejects the pod or workload
("Duplicate value"). This usually comes from copying a sidecar block without renaming it.`,
  fix: "Give each container (init containers included) its own name.",
  preventsStatus: ["CreateContainerError"],
  check({ resource, settings, report }) {
    const tpl = resource.podTemplate!;
    const seen = new Map<string, string>();
    for (const { container, path, init } of containersOf(tpl, { init: true, ephemeral: true })) {
      const name = container.name;
      if (typeof name !== "string" || name === "") continue;
      const where = path.includes("ephemeralContainers")
        ? "ephemeral container"
        : containerKind({ init, sidecar: init && container.restartPolicy === "Always" }, settings.kubernetesVersion);
      const first = seen.get(name);
      if (first) report({ path: [...path, "name"], message: `container name "${name}" is already used by ${first}`, hint: "rename one of the containers" });
      else seen.set(name, `an earlier ${where}`);
    }
  },
});

import { defineRule } from "../../types.js";
import { kindsOfRule, reportCrossFieldFindings } from "./constraints.js";

export const rule = defineRule({
  id: "duplicate-value",
  category: "api-validation",
  severity: "error",
  appliesTo: kindsOfRule("duplicate-value"),
  summary: "A list holds a value twice where the API server requires it to be unique (port names, mount paths, host ports, Service ports...).",
  explanation: `Some lists are keyed by a value that must be unique, and the API server rejects a repeat
("Duplicate value", or "must be unique"): the port names of a container (Services and probes find
ports by name), the mount paths and device paths of a container, the host ports of a pod (with
their protocol and host IP; init containers run one at a time and are judged alone), the
(port, protocol) pairs and node ports of a Service, the paths of a projected volume, the
(topologyKey, whenUnsatisfiable) pairs of topology spread constraints, and ConfigMap keys across
data and binaryData, and the validation actions of a ValidatingAdmissionPolicyBinding. Sources: validateContainerPorts, ValidateVolumeMounts, validateVolumeDevices,
AccumulateUniqueHostPorts, ValidateService, validateProjectionSources,
validateTopologySpreadConstraints and ValidateConfigMap in pkg/apis/core/validation/validation.go.
Duplicate container and volume names have their own rules (duplicate-container-name,
duplicate-volume-name); duplicate environment variables are accepted by validation and reported by
duplicate-env-var.`,
  fix: "Rename or remove the repeated entry; the message says which earlier entry it repeats.",
  preventsStatus: ["CreateContainerError"],
  check({ resource, settings, memo, report }) {
    reportCrossFieldFindings(resource, "duplicate-value", memo, settings.kubernetesVersion, report);
  },
});

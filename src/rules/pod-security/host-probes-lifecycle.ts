/** Pod Security Standards, baseline: policy/check_hostProbesAndhostLifecycle.go (hostProbesAndHostLifecycleV1Dot34), policy 1.34 and later. */
import { defineRule } from "../types.js";
import { asMap, atLeast, visitContainers } from "./policy.js";

const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"] as const;
const HOOKS = ["postStart", "preStop"] as const;
const ACTIONS = ["httpGet", "tcpSocket"] as const;

export const rule = defineRule({
  id: "pss-host-probes-lifecycle",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  presets: ["security"],
  podSecurityCheck: { id: "hostProbesAndHostLifecycle", level: "baseline" },
  summary: "Pod Security Standards (baseline, 1.34+): a probe or lifecycle hook sends its request to another host.",
  explanation: `From policy version 1.34 the baseline Pod Security Standard forbids the host field of httpGet
and tcpSocket in liveness, readiness and startup probes and in postStart and preStop hooks. The
kubelet makes those requests from the node, so a host field lets a pod's manifest make the node
connect to any address it names (other pods, node-local services, cloud metadata endpoints):
a server-side request forgery through the kubelet. Without host the request goes to the pod's own
IP, which is what a probe means. Earlier policy versions do not judge the field.`,
  fix: "Remove host from the probe or hook (the kubelet then targets the pod's IP); for a virtual host send a Host header under httpHeaders instead.",
  preventsStatus: [],
  check({ resource, settings, report }) {
    if (!atLeast(settings, "1.34")) return;
    for (const c of visitContainers(resource.podTemplate!)) {
      const handlers: Array<[string[], unknown]> = PROBES.map((p) => [[p], c.raw[p]]);
      const lifecycle = asMap(c.raw.lifecycle);
      for (const hook of HOOKS) handlers.push([["lifecycle", hook], lifecycle?.[hook]]);
      for (const [where, handler] of handlers) {
        for (const action of ACTIONS) {
          const host = asMap(asMap(handler)?.[action])?.host;
          if (typeof host !== "string" || host === "") continue;
          report({
            path: [...c.path, ...where, action, "host"],
            message: `container "${c.name}" ${where.join(".")} sends its ${action} to host "${host}"`,
            hint: "remove host; set a Host header under httpHeaders if the server needs one",
          });
        }
      }
    }
  },
});

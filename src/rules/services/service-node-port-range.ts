import { defineRule } from "../types.js";

const MIN = 30000;
const MAX = 32767;

export const rule = defineRule({
  id: "service-node-port-range",
  category: "services",
  severity: "error",
  appliesTo: ["Service"],
  checksPatches: true,
  summary: "A Service's nodePort is outside the cluster's node port range (30000-32767).",
  explanation: `The API server allocates and validates node ports from --service-node-port-range, which
is 30000-32767 unless the cluster administrator changed it. A NodePort or LoadBalancer Service
asking for a port outside it is rejected ("provided port is not in the valid range"), so the
Service is not created. Ports such as 80 or 8080 cannot be node ports; use a LoadBalancer or an
Ingress to expose well-known ports.`,
  fix: "Pick a nodePort between 30000 and 32767, or remove nodePort and let the API server allocate one.",
  hasSuggestions: true,
  preventsStatus: [],
  check({ resource, report }) {
    const spec = resource.spec("Service");
    spec?.ports?.forEach((p, i) => {
      if (typeof p.nodePort !== "number" || p.nodePort === 0) return;
      if (p.nodePort >= MIN && p.nodePort <= MAX) return;
      report({ path: ["spec", "ports", i, "nodePort"], message: `nodePort ${p.nodePort} is outside the node port range ${MIN}-${MAX}`, hint: `pick a port between ${MIN} and ${MAX}, or remove nodePort to get one allocated`,
        suggestions: [{ description: "remove nodePort to get one allocated", fix: [{ op: "remove", path: ["spec", "ports", i, "nodePort"] }] }],
      });
    });
  },
});

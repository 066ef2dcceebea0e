import { defineRule } from "../types.js";
import { handlersOf, PROBE_LABEL, probesOf } from "./probes.js";
import { PROBE_HANDLERS } from "../../models/one-of.js";

export const rule = defineRule({
  id: "probe-handler-invalid",
  category: "probes",
  severity: "error",
  appliesTo: "pod-templates",
  summary: "A probe must define exactly one of exec, httpGet, tcpSocket or grpc.",
  explanation: `A probe tells the kubelet how to check a container: run a command (exec), send an HTTP GET
(httpGet), open a TCP connection (tcpSocket) or call the gRPC health service (grpc). The API
server rejects a probe with no handler ("must specify a handler type") and one with several
("may not specify more than 1 handler type"), so the pod, or every pod a controller tries to
create from the template, is refused. It usually happens when timing fields are left behind
after the handler was deleted, or when a second handler is pasted in instead of replacing the
first.`,
  fix: "Keep exactly one handler in the probe; delete the others, or add the one that is missing.",
  preventsStatus: ["CrashLoopBackOff"],
  check({ resource, memo, report }) {
    for (const site of probesOf(resource, memo)) {
      const handlers = handlersOf(site.raw);
      const name = site.container.name ?? "";
      if (handlers.length === 0) {
        report({
          path: site.path,
          target: "key",
          message: `${PROBE_LABEL[site.kind]} of container "${name}" has no handler`,
          hint: `add one of ${PROBE_HANDLERS.join(", ")}`,
        });
      } else if (handlers.length > 1) {
        report({
          path: [...site.path, handlers[1]],
          target: "key",
          message: `${PROBE_LABEL[site.kind]} of container "${name}" has several handlers: ${handlers.map((h) => `"${h}"`).join(", ")}`,
          hint: `keep only one of ${handlers.join(", ")}`,
        });
      }
    }
  },
});

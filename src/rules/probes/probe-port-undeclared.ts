import { defineRule } from "../types.js";
import { PROBE_LABEL, probesOf } from "./probes.js";

export const rule = defineRule({
  id: "probe-port-undeclared",
  category: "probes",
  severity: "error",
  appliesTo: "workloads",
  summary: "A probe refers to a named port that the container does not declare.",
  explanation: `A probe's httpGet or tcpSocket port may be a number or the name of one of the container's
own ports. The kubelet resolves the name against that container's ports list only; when the
name is not there, every probe attempt fails before it is sent. A failing liveness probe
restarts a perfectly healthy container again and again (CrashLoopBackOff); a failing
readiness probe keeps the pod out of every Service forever; a failing startup probe does
both. Typical causes are a renamed port, a typo (htpp), or a port declared on another
container of the pod.`,
  fix: "Use a name from the container's ports list (or add a port with that name), or use the port number.",
  hasSuggestions: true,
  preventsStatus: ["CrashLoopBackOff", "Running", "NotReady"],
  check({ resource, memo, report }) {
    for (const site of probesOf(resource, memo)) {
      for (const handler of ["httpGet", "tcpSocket"] as const) {
        const port = site.probe[handler]?.port;
        if (typeof port !== "string" || /^\d+$/.test(port) || port === "") continue;
        const declared = (site.container.ports ?? []).map((p) => p?.name).filter((n): n is string => typeof n === "string");
        if (declared.includes(port)) continue;
        report({
          path: [...site.path, handler, "port"],
          message: `${PROBE_LABEL[site.kind]} of container "${site.container.name ?? ""}" uses port "${port}", which the container does not declare`,
          hint: declared.length ? `use one of the declared ports: ${declared.join(", ")}` : "add the port to the container's ports, or use its number",
          suggestions: declared.map((name) => ({ description: `use port "${name}"`, fix: [{ op: "set", path: [...site.path, handler, "port"], value: name }] })),
        });
      }
    }
  },
});

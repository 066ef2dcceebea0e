import { containersOf, type Resource } from "../../models/resource.js";
import { defineRule } from "../types.js";
import { minimumPods, scalerWords } from "./replicas.js";

/** maxUnavailable against a replica count: a percentage rounds down (deployment/util ResolveFenceposts). */
function unavailable(v: unknown, replicas: number): number | undefined {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  const m = typeof v === "string" ? /^(\d+)%$/.exec(v) : null;
  return m ? Math.floor((Number(m[1]) * replicas) / 100) : undefined;
}

export const rule = defineRule({
  id: "rolling-update-unavailable-all",
  category: "availability",
  severity: "warning",
  presets: ["production"],
  crossResource: true,
  appliesTo: ["Deployment"],
  summary: "A rolling update's maxUnavailable lets every replica be down at once.",
  explanation: `maxUnavailable is how many of the desired pods a rolling update may take down before their
replacements are ready; a percentage is taken of spec.replicas and rounded down
(ResolveFenceposts in pkg/controller/deployment/util/deployment_util.go). When it reaches
the replica count, the controller may scale the old ReplicaSet to zero at the start of the
rollout, exactly like strategy Recreate: the application is down until the new pods are
ready, and stays down if they never become ready. With spec.replicas: 1 a maxUnavailable of 1
has this effect, although it reads like "one at a time". kube-linter reports rolling updates
that can take everything down (no-rolling-update-strategy). A Deployment that an HPA scales runs
at least the HPA's minReplicas (the HPA controller writes spec.replicas), which is the count judged.`,
  fix: `Lower maxUnavailable below spec.replicas (maxUnavailable: 0 with maxSurge: 1 keeps every old pod
until its replacement is ready). Pods that hold a port of their node (a hostPort, or hostNetwork)
are the exception: a surge pod cannot be scheduled on a node whose port an old pod holds (the
scheduler's NodePorts filter), so maxUnavailable: 0 stalls the rollout unless another node is
free; there, run more replicas on more nodes than one.`,
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    const type = resource.get(["spec", "strategy", "type"]);
    if (type !== undefined && type !== "RollingUpdate") return;
    const written = resource.get(["spec", "strategy", "rollingUpdate", "maxUnavailable"]);
    // An HPA keeps at least its minReplicas: spec.replicas as written is not what runs.
    const pods = minimumPods(resource, index, memo);
    const replicas = pods?.count;
    if (written === undefined || !replicas) return;
    const n = unavailable(written, replicas);
    if (n === undefined || n < replicas) return;
    const scaled = pods.hpa ? ` (${scalerWords(pods.hpa)})` : "";
    report({
      path: ["spec", "strategy", "rollingUpdate", "maxUnavailable"],
      message: `maxUnavailable ${JSON.stringify(written)} lets ${replicas === 1 ? `the only replica${scaled}` : `all ${replicas} replicas${scaled}`} be down at once during a rollout`,
      hint: holdsNodePort(resource)
        ? `${replicas === 1 ? "raise spec.replicas above 1 and keep maxUnavailable below it" : `lower maxUnavailable below ${replicas}`}: the pods hold a port of their node, so a surge pod (maxUnavailable: 0 with maxSurge: 1) starts only where another node has the port free`
        : "set maxUnavailable: 0 and maxSurge: 1",
    });
  },
});

/** The pods take ports of their node: on the node's network (whatever they listen on), or a container's hostPort. */
function holdsNodePort(resource: Resource): boolean {
  const tpl = resource.podTemplate;
  if (!tpl) return false;
  if (tpl.spec.hostNetwork === true) return true;
  return containersOf(tpl).some(({ container }) => (container.ports ?? []).some((p) => typeof p.hostPort === "number" && p.hostPort > 0));
}

import { defaultedPodTemplate, defaultedValue } from "../../models/defaults.js";
import type { Resource } from "../../models/resource.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Memo } from "../../models/run-memo.js";
import { parseServiceSelector } from "../../models/selector.js";
import { longRunningContainers } from "../../models/pods.js";
import { defineRule } from "../types.js";
import { selectedWith } from "./selection.js";
import { portNameProblem } from "../../models/validation/formats.js";

export const rule = defineRule({
  id: "service-target-port-undeclared",
  category: "selectors",
  severity: "error",
  crossResource: true,
  appliesTo: ["Service"],
  summary: "A Service's named targetPort is not declared by the pods it selects.",
  explanation: `A Service port's targetPort may name a container port instead of giving a number. The
endpoints controller then looks the name (and protocol) up in the ports of each selected pod's
containers; a pod that declares no port of that name is left out of that Service port's
endpoints. If none of the selected pods declares it, the Service port has no endpoints at
all, and connections to it are refused even though the pods are running and ready (an error).
When another selected workload declares it, the port has that workload's endpoints and the
others' pods are only left out (a warning that names the workload that declares it: often a
workload of another sample or variant that carries the same labels). Typical
causes: the container port was renamed (http -> web), or the name was never declared
because containerPort alone "worked" with a numeric targetPort. A port that a kustomize
strategic-merge patch of the input adds to the workload (an exporter sidecar an overlay adds)
counts as declared: the pods of the builds that apply the patch have it.
Pods of a sibling folder (another sample of one repository) are not the Service's when neither
names a namespace of its own (none written, or \`default\`) and the Service's own folders hold
workloads (in a layout by kind, services/ beside deployments/, they do not).
A targetPort that no container port can be named (capitals, over 15 characters: a placeholder
such as \`PORT\` left in) is reported by invalid-value alone.`,
  fix: "Declare the named port in the container's ports (name and containerPort), or use the port number as targetPort. When the name is declared with another protocol, declare the port of this protocol under its own name (port names are unique in a container).",
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    const spec = resource.spec("Service");
    if (!spec || spec.type === "ExternalName") return;
    const selector = parseServiceSelector(spec.selector);
    if (selector.kind === "none") return;
    // Pods of another sample are not this Service's (models/placement.ts).
    const owners = selectedWith(index, resource, index.podOwnersSelectedBy(resource.namespace, selector, resource));
    if (!owners.length) return;
    (spec.ports ?? []).forEach((port, i) => {
      const target = port?.targetPort;
      // A name no container port can have is invalid-value's (an IANA service name: lower case, at most 15 characters).
      if (typeof target !== "string" || target === "" || /^\d+$/.test(target) || portNameProblem(target) !== undefined) return;
      // Protocols as the API server defaults them: absent or "" is TCP.
      const protocol = String(defaultedValue(resource, memo, ["spec", "ports", i, "protocol"]) ?? "TCP");
      const lacking = owners.filter((o) => !declares(o, target, protocol, index, memo));
      if (!lacking.length) return;
      const first = lacking[0];
      const sameName = declaredPort(first, target, index, memo);
      const more = lacking.length > 1 ? ` (and ${lacking.length - 1} more)` : "";
      // Another selected workload declares it: the port has endpoints, these pods are only left out of them.
      // A copy of a lacking one (a variant of the same object in another folder) is an alternative to it, not beside it.
      const serving = owners.find((o) => !lacking.includes(o) && !lacking.some((l) => l.kind === o.kind && l.namespace === o.namespace && l.name === o.name));
      const served = serving ? `, whose pods are left out of this Service port; ${serving.kind} "${serving.name}" declares it` : "";
      report({
        ...(serving ? { severity: "warning" as const } : {}),
        path: ["spec", "ports", i, "targetPort"],
        message: sameName
          ? `targetPort "${target}" is declared by ${first.kind} "${first.name}" with another protocol than ${protocol}${more}${served}`
          : `targetPort "${target}" is not declared by the containers of ${first.kind} "${first.name}"${more}${served}`,
        hint: sameName ? otherProtocolHint(first, target, protocol, sameName, index, memo) : `add a container port named "${target}" to ${first.kind} "${first.name}" or use the port number`,
        related: { resource: first, path: [...first.podTemplate!.specPath, "containers"], message: "selected pods" },
      });
    });
  },
});

/**
 * The fix when the name exists with another protocol: a second port of that name would be a
 * duplicate name, which API validation rejects (validateContainerPorts), so the port of this
 * protocol needs its own name, or the Service can use the number. When the pods already declare
 * that number for this protocol under another name, that name is the fix.
 */
function otherProtocolHint(owner: Resource, target: string, protocol: string, declared: { containerPort?: number }, index: ResourceIndex, memo: Memo): string {
  const number = declared.containerPort;
  const existing = number === undefined ? undefined : portsOf(owner, index, memo).find((p) => p.containerPort === number && p.protocol === protocol && p.name);
  if (existing) return `use targetPort "${existing.name}": that is the ${protocol} port ${number} the pods declare`;
  const example = `${target}-${protocol.toLowerCase()}`;
  const forNumber = number !== undefined ? ` for containerPort ${number}` : "";
  const ownName = example.length <= 15 ? `under its own name (such as "${example}"${forNumber})` : "under its own name";
  const byNumber = number !== undefined ? `the port number ${number}` : "the port number";
  const article = protocol === "SCTP" ? "an" : "a";
  return `declare ${article} ${protocol} container port ${ownName} and use that name, or use ${byNumber}: a second port named "${target}" would be a duplicate name, which the API rejects`;
}

type DeclaredPort = { name?: string; containerPort?: number; protocol?: string };

/** Every container port of the owner's long-running containers, and of those the kustomize patches of the owner add (a sidecar with its metrics port). */
function portsOf(owner: Resource, index: ResourceIndex, memo: Memo): DeclaredPort[] {
  const ports: DeclaredPort[] = [];
  for (const r of [owner, ...index.patchesOf(owner)]) {
    const tpl = defaultedPodTemplate(r, memo);
    if (tpl) for (const { container } of longRunningContainers(tpl)) ports.push(...(container.ports ?? []));
  }
  return ports;
}

/** The first port of this name the owner's pods declare, whatever its protocol. */
function declaredPort(owner: Resource, name: string, index: ResourceIndex, memo: Memo): { containerPort?: number } | undefined {
  return portsOf(owner, index, memo).find((p) => p.name === name);
}

/** Whether the owner's pods declare a port of this name and protocol, as FindPort looks them up. */
function declares(owner: Resource, name: string, protocol: string, index: ResourceIndex, memo: Memo): boolean {
  return portsOf(owner, index, memo).some((p) => p.name === name && p.protocol === protocol);
}

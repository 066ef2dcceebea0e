/** Pod Security Standards, baseline: policy/check_windowsHostProcess.go (windowsHostProcess_1_0). */
import type { Path } from "../../types.js";
import { defineRule } from "../types.js";
import { asMap, podSecurityContext, visitContainers } from "./policy.js";

export const rule = defineRule({
  id: "pss-windows-host-process",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  presets: ["security"],
  podSecurityCheck: { id: "windowsHostProcess", level: "baseline" },
  summary: "Pod Security Standards (baseline): a Windows pod or container runs as a HostProcess container.",
  explanation: `The baseline Pod Security Standard forbids securityContext.windowsOptions.hostProcess: true on the
pod and on every container. A Windows HostProcess container runs directly on the node, in the
node's network and with access to its file system and processes, like a privileged Linux
container. A namespace enforcing baseline rejects the pod.`,
  fix: "Remove windowsOptions.hostProcess, or run the node agent in a namespace labelled pod-security.kubernetes.io/enforce: privileged.",
  preventsStatus: [],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    const judge = (securityContext: Record<string, unknown> | undefined, path: Path, who: string) => {
      if (asMap(securityContext?.windowsOptions)?.hostProcess !== true) return;
      report({ path: [...path, "windowsOptions", "hostProcess"], message: `${who} runs as a Windows HostProcess container`, hint: "remove windowsOptions.hostProcess" });
    };
    judge(podSecurityContext(tpl), [...tpl.specPath, "securityContext"], "the pod");
    for (const c of visitContainers(tpl)) judge(c.securityContext, [...c.path, "securityContext"], `container "${c.name}"`);
  },
});

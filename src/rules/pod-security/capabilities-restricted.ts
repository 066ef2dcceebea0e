/** Pod Security Standards, restricted: policy/check_capabilities_restricted.go (capabilitiesRestricted_1_22, capabilitiesRestricted_1_25; overrides capabilities_baseline). */
import { defineRule } from "../types.js";
import { asMap, atLeast, capabilityName, containerAnchor, isWindowsPod, shown, visitContainers } from "./policy.js";

export const rule = defineRule({
  id: "pss-capabilities-restricted",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  presets: ["security"],
  fixable: true,
  podSecurityCheck: { id: "capabilities_restricted", level: "restricted" },
  summary: 'Pod Security Standards (restricted, 1.22+): a container does not drop ALL capabilities, or adds one other than NET_BIND_SERVICE.',
  explanation: `From policy version 1.22 the restricted Pod Security Standard requires every container to list
"ALL" under securityContext.capabilities.drop and to add back nothing but NET_BIND_SERVICE (binding
ports below 1024). The capabilities a runtime grants by default (CHOWN, DAC_OVERRIDE, SETUID,
NET_RAW...) are privileges an application rarely needs and an attacker often uses: NET_RAW alone
allows ARP and DNS spoofing on the node's network. A namespace enforcing restricted rejects the
pod. From policy 1.25 a Windows pod (spec.os.name: windows) is exempt. At the restricted level
this check replaces the baseline capabilities check.

Names are compared exactly: "all", "*" or "CAP_ALL" under drop is not "ALL", and
"CAP_NET_BIND_SERVICE" under add is not "NET_BIND_SERVICE". The container runtime adds the CAP_
prefix itself (containerd upper-cases the name and prefixes it, so "CAP_X" becomes the unknown
"CAP_CAP_X"); --fix writes such a name the way Pod Security reads it.`,
  fix: 'Set securityContext.capabilities.drop: ["ALL"] on every container, and add back only NET_BIND_SERVICE if it binds a port below 1024.',
  preventsStatus: [],
  check({ resource, settings, report }) {
    const tpl = resource.podTemplate!;
    if (!atLeast(settings, "1.22") || (atLeast(settings, "1.25") && isWindowsPod(tpl))) return;
    for (const c of visitContainers(tpl)) {
      const capabilities = asMap(c.securityContext?.capabilities);
      const drop = capabilities?.drop;
      const misspelt = Array.isArray(drop) && !drop.includes("ALL") ? drop.findIndex((cap) => capabilityName(cap) === "ALL") : -1;
      if (misspelt >= 0) {
        const at = [...c.path, "securityContext", "capabilities", "drop", misspelt];
        report({
          path: at,
          message: `container "${c.name}" drops ${shown((drop as unknown[])[misspelt])}, which Pod Security does not read as "ALL": names are compared exactly`,
          hint: 'write it as "ALL"',
          fix: [{ op: "set", path: at, value: "ALL" }],
        });
      } else if (!Array.isArray(drop) || !drop.includes("ALL")) {
        const at = capabilities ? [...c.path, "securityContext", "capabilities", ...(capabilities.drop !== undefined ? ["drop"] : [])] : containerAnchor(c);
        report({ path: at, absent: [...c.path, "securityContext", "capabilities", "drop"], message: `container "${c.name}" does not drop "ALL" capabilities`, hint: 'set securityContext.capabilities.drop: ["ALL"]' });
      }
      const add = capabilities?.add;
      if (!Array.isArray(add)) continue;
      add.forEach((cap, i) => {
        if (cap === "NET_BIND_SERVICE") return;
        const at = [...c.path, "securityContext", "capabilities", "add", i];
        if (capabilityName(cap) === "NET_BIND_SERVICE") {
          report({
            path: at,
            message: `container "${c.name}" adds capability ${shown(cap)}, which Pod Security does not read as "NET_BIND_SERVICE": names are compared exactly`,
            hint: 'write it as "NET_BIND_SERVICE": the container runtime adds the CAP_ prefix itself',
            fix: [{ op: "set", path: at, value: "NET_BIND_SERVICE" }],
          });
          return;
        }
        report({
          path: at,
          message: `container "${c.name}" adds capability ${shown(cap)}; only "NET_BIND_SERVICE" may be added`,
          hint: `remove ${shown(cap)} from capabilities.add`,
        });
      });
    }
  },
});

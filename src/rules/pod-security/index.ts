/**
 * Pod Security Standards: one rule per check of the pod-security admission controller
 * (k8s.io/pod-security-admission, policy/check_*.go), baseline checks first, then restricted, in
 * the order of its registry (check ids sorted).
 */
import type { Rule } from "../types.js";
import { rule as allowPrivilegeEscalation } from "./allow-privilege-escalation.js";
import { rule as apparmorProfile } from "./apparmor-profile.js";
import { rule as capabilitiesBaseline } from "./capabilities-baseline.js";
import { rule as capabilitiesRestricted } from "./capabilities-restricted.js";
import { rule as hostNamespaces } from "./host-namespaces.js";
import { rule as hostPathVolumes } from "./host-path-volumes.js";
import { rule as hostPorts } from "./host-ports.js";
import { rule as hostProbesLifecycle } from "./host-probes-lifecycle.js";
import { rule as privileged } from "./privileged.js";
import { rule as procMount } from "./proc-mount.js";
import { rule as procMountRestricted } from "./proc-mount-restricted.js";
import { rule as restrictedVolumes } from "./restricted-volumes.js";
import { rule as runAsNonRoot } from "./run-as-non-root.js";
import { rule as runAsUser } from "./run-as-user.js";
import { rule as seccompProfileBaseline } from "./seccomp-profile-baseline.js";
import { rule as seccompProfileRestricted } from "./seccomp-profile-restricted.js";
import { rule as selinuxOptions } from "./selinux-options.js";
import { rule as sysctls } from "./sysctls.js";
import { rule as windowsHostProcess } from "./windows-host-process.js";

export const rules: Rule[] = [
  apparmorProfile,
  capabilitiesBaseline,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbesLifecycle,
  privileged,
  procMount,
  seccompProfileBaseline,
  selinuxOptions,
  sysctls,
  windowsHostProcess,
  allowPrivilegeEscalation,
  capabilitiesRestricted,
  procMountRestricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seccompProfileRestricted,
];

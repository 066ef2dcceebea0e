/** Rules of the "security" category. */
import type { Rule } from "../types.js";
import { rule as hostNamespace } from "./host-namespace.js";
import { rule as hostpathVolume } from "./hostpath-volume.js";
import { rule as privilegedContainer } from "./privileged-container.js";
import { rule as runAsUserBreaksNonRoot } from "./run-as-user-breaks-non-root.js";

export const rules: Rule[] = [hostNamespace, privilegedContainer, hostpathVolume, runAsUserBreaksNonRoot];

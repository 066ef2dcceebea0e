/** Rules of the "flux" category: Flux's Kustomization and HelmRelease. */
import type { Rule } from "../types.js";
import { rule as fluxDependencyMissing } from "./flux-dependency-missing.js";
import { rule as fluxSourceMissing } from "./flux-source-missing.js";

export const rules: Rule[] = [fluxSourceMissing, fluxDependencyMissing];

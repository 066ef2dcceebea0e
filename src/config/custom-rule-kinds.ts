/**
 * The kinds a custom rule's `kinds:` may name. The config is read before the input, so the
 * kinds of the input's CRDs are not known yet: a kind k8s-lint knows (the Kubernetes API
 * catalogue, the bundled custom resource schemas, the operators of docs/operators.md, and the
 * rule scopes `workloads` and `pod-templates`) is accepted; a near miss of one (`Deploymnet`,
 * `deployment`) is a config error with the kind meant; any other kind is taken for a custom
 * resource's, and the run notes it when no resource of that kind was linted (docs/DECISIONS.md,
 * "Custom rule kinds").
 */
import { closestWithin, spellingDistance } from "../did-you-mean.js";
import { allKinds } from "../models/catalogue/index.js";
import { bundledKinds } from "../models/bundled-crds/index.js";
import { OPERATOR_KINDS } from "../models/operators.js";
import { KIND_GROUPS } from "../models/workloads.js";

/** Every kind a custom rule may name without a note. */
export async function knownKinds(): Promise<ReadonlySet<string>> {
  const operatorKinds = [...OPERATOR_KINDS.keys()].map((groupKind) => groupKind.split(".")[0]);
  return new Set([...allKinds(), ...(await bundledKinds()), ...operatorKinds, ...Object.keys(KIND_GROUPS)]);
}

/**
 * Whether a kind is a near miss of a known one: the same but for case, or one edit away (a
 * swap of two letters counts as one), two in a name of ten or more characters. Tighter than
 * the did-you-mean threshold, which also suggests for `Route` (OpenShift) the kind `Role`.
 */
function nearMiss(kind: string, known: string): boolean {
  const d = spellingDistance(kind, known);
  return d <= (kind.length >= 10 ? 2 : 1);
}

/** undefined: a known kind; "unfamiliar": presumably a custom resource's; else the problem, worded for the config error. */
export function kindProblem(kind: string, known: ReadonlySet<string>): string | "unfamiliar" | undefined {
  if (known.has(kind)) return undefined;
  const candidates = [...known];
  const meant = closestWithin(kind, candidates);
  if (meant !== undefined && nearMiss(kind, meant)) {
    const why = meant.toLowerCase() === kind.toLowerCase() ? ": kinds are case-sensitive" : "";
    return `unknown kind "${kind}"${why} (did you mean "${meant}"?)`;
  }
  return "unfamiliar";
}

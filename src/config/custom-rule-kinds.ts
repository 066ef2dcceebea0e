/**
 * The kinds a custom rule's `kinds:` may name. The config is read before the input, so the
 * kinds of the input's CRDs are not known yet: a kind k8s-lint knows (the Kubernetes API
 * catalogue, the bundled custom resource schemas, the operators of docs/operators.md, and the
 * rule scopes `workloads` and `pod-templates`) is accepted; a near miss of one (`Deploymnet`,
 * `deployment`) is a config error with the kind meant; any other kind is taken for a custom
 * resource's, and the run notes it when no resource of that kind was linted (docs/DECISIONS.md,
 * "Custom rule kinds"). A kind may carry its API group (`Deployment.apps`, "Custom rule kinds
 * with their API group").
 */
import { closestWithin, spellingDistance } from "../did-you-mean.js";
import { groupKind, groupOf } from "../models/api-groups.js";
import { allKinds, versionsOfKind } from "../models/catalogue/index.js";
import { bundledGroupKinds, bundledKinds } from "../models/bundled-crds/index.js";
import { OPERATOR_KINDS } from "../models/operators.js";
import { KIND_GROUPS } from "../models/workloads.js";

/** The kinds, and the GroupKinds (`Deployment.apps`, `Deployment.extensions`), k8s-lint knows. */
export interface KnownKinds {
  kinds: ReadonlySet<string>;
  groupKinds: ReadonlySet<string>;
}

/** Every kind a custom rule may name without a note, bare or as Kind.group. */
export async function knownKinds(): Promise<KnownKinds> {
  const operatorKinds = [...OPERATOR_KINDS.keys()].map((groupKind) => groupKind.split(".")[0]);
  // A built-in kind by its canonical group and by each group that serves it (extensions/v1beta1 Deployment).
  const builtIn = allKinds().flatMap((kind) => versionsOfKind(kind).flatMap(({ apiVersion }) => [groupKind(apiVersion, kind), groupOf(apiVersion) ? `${kind}.${groupOf(apiVersion)}` : kind]));
  return {
    kinds: new Set([...allKinds(), ...(await bundledKinds()), ...operatorKinds, ...Object.keys(KIND_GROUPS)]),
    groupKinds: new Set([...builtIn.filter((k) => k.includes(".")), ...(await bundledGroupKinds()), ...OPERATOR_KINDS.keys()]),
  };
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

/** A kind as written with its API group (`Deployment.apps`: apimachinery's GroupKind.String()); undefined for a bare kind. */
export function splitGroupKind(entry: string): { kind: string; group: string } | undefined {
  const dot = entry.indexOf(".");
  return dot < 0 ? undefined : { kind: entry.slice(0, dot), group: entry.slice(dot + 1) };
}

/** undefined: a known kind; "unfamiliar": presumably a custom resource's; else the problem, worded for the config error. */
export function kindProblem(kind: string, known: KnownKinds): string | "unfamiliar" | undefined {
  const grouped = splitGroupKind(kind);
  if (grouped) return groupKindProblem(kind, grouped, known);
  if (known.kinds.has(kind)) return undefined;
  const meant = closestWithin(kind, [...known.kinds]);
  if (meant !== undefined && nearMiss(kind, meant)) {
    const why = meant.toLowerCase() === kind.toLowerCase() ? ": kinds are case-sensitive" : "";
    return `unknown kind "${kind}"${why} (did you mean "${meant}"?)`;
  }
  return "unfamiliar";
}

/**
 * A kind written as Kind.group: the kind is checked as a bare one (a near miss is an error naming
 * the GroupKind meant); a known kind in a group near one that serves it (`Deployment.app`) is an
 * error too, and so is `core` for the core group, which has no name (`Pod`). Any other group is
 * taken for a custom resource's (`Deployment.example.com`).
 */
function groupKindProblem(entry: string, { kind, group }: { kind: string; group: string }, known: KnownKinds): string | "unfamiliar" | undefined {
  if (known.groupKinds.has(entry)) return undefined;
  if (!kind || !group) return `"${entry}" is neither a kind nor a kind with its API group (Kind.group, such as Deployment.apps)`;
  const bare = kindProblem(kind, known);
  if (bare !== undefined && bare !== "unfamiliar") {
    const meant = /did you mean "([^"]+)"/.exec(bare)?.[1];
    return `unknown kind "${entry}" (did you mean "${meant}.${group}"?)`;
  }
  if (group === "core" && versionsOfKind(kind).some((v) => v.apiVersion === "v1")) return `unknown kind "${entry}": the core API group has no name (did you mean "${kind}"?)`;
  const sameKind = [...known.groupKinds].filter((k) => k.startsWith(`${kind}.`));
  const meant = closestWithin(entry, sameKind);
  if (meant !== undefined && nearMiss(entry, meant)) return `unknown kind "${entry}" (did you mean "${meant}"?)`;
  return "unfamiliar";
}

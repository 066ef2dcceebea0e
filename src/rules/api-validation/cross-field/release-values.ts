/**
 * Values the target release does not support, of the fields whose supported values grew with a
 * feature gate (schema/gated-enum-values.ts): before the gate exists validation says
 * "Unsupported value"; while it is off by default the API server refuses the value unless the
 * gate is on. Values no release supports are invalid-type's (catalogue enums) or invalid-value's;
 * a value the registry drops while its gate is off is feature-gated-field's.
 */
import type { Path } from "../../../types.js";
import { eachValueAt, RELEASE_VALUES, standingAt, supportedAt, type EnumValueSite, type ReleaseValues, type ValueStanding } from "../../schema/gated-enum-values.js";
import { podNeeds, podSpecOf, POD_KINDS, type CheckContext, type CrossFieldConstraint, type Need } from "./walk.js";

const quoted = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(", ");

/** What a refused value costs where it is written: a claim template's claims are made later, by the StatefulSet controller. */
function consequence(site: EnumValueSite): string {
  return site.rule === "volumeclaimtemplate-unbindable" ? ": every claim the StatefulSet controller makes from this template is rejected, so its pods stay Pending" : "";
}

function report(ctx: CheckContext, field: ReleaseValues, site: EnumValueSite, value: string, path: Path, standing: Exclude<ValueStanding, { kind: "unknown" }>): void {
  const release = ctx.kubernetesVersion;
  const g = standing.gated;
  const later = standing.onFrom ? `, or target Kubernetes ${standing.onFrom} or later` : "";
  if (standing.kind === "not-yet") {
    const supported = supportedAt(field, release);
    const since = `${JSON.stringify(value)} exists from ${g.stages[0].from}, behind the ${g.gate} feature gate${standing.onFrom ? `, on by default from ${standing.onFrom}` : ""}`;
    ctx.report({
      path,
      message: `${field.field} ${JSON.stringify(value)} is not supported at ${release}: the ${field.field} is ${supported.length > 1 ? "one of " : ""}${quoted(supported)} (${since})${consequence(site)}`,
      hint: `${g.instead}${later}`,
    });
    return;
  }
  const stage = standing.stage;
  ctx.report({
    path,
    message: `${field.field} ${JSON.stringify(value)} is refused at ${release} unless the ${stage.gate ?? g.gate} feature gate is on (${stage.stage}, ${stage.offByDefault ?? "off by default"}${standing.onFrom ? `; on by default from ${standing.onFrom}` : ""})${consequence(site)}`,
    hint: `enable the ${stage.gate ?? g.gate} feature gate on the cluster${later}, or ${g.instead}`,
  });
}

/** What a pod spec must set for the site to hold anything: the keys of its pattern before the first "*" (as writesPrefix reads them). */
function needOf(site: EnumValueSite): Need | undefined {
  if (!("pod" in site.where)) return undefined;
  const pattern = site.where.pod;
  const star = pattern.indexOf("*");
  return podNeeds(...(star === -1 ? pattern : pattern.slice(0, star)));
}

function docPath(site: EnumValueSite): string {
  const pattern = "pod" in site.where ? ["spec", "template", "spec", ...site.where.pod] : site.where.path;
  return pattern.join(".").replace(/\.\*/g, "[]");
}

/**
 * Whether `root` holds a value at the keys of `pattern` before its first "*": most objects write
 * none of these fields, and the walk is then not started (a pod's securityContext, which every
 * defaulted pod spec has, rarely sets seLinuxChangePolicy).
 */
function writesPrefix(root: unknown, pattern: readonly string[]): boolean {
  let node = root;
  for (let i = 0; i < pattern.length && pattern[i] !== "*"; i++) {
    if (typeof node !== "object" || node === null || Array.isArray(node)) return false;
    node = (node as Record<string, unknown>)[pattern[i]];
    if (node === undefined || node === null) return false;
  }
  return true;
}

function constraintOf(field: ReleaseValues, site: EnumValueSite): CrossFieldConstraint {
  const gates = field.gated.map((g) => `${quoted(g.values)} from ${g.stages[0].from} behind ${g.gate}`).join("; ");
  return {
    path: docPath(site),
    kinds: "pod" in site.where ? POD_KINDS : site.where.kinds,
    constraint: `${field.field} ${gates}: refused before the gate exists and while it is off by default`,
    rule: site.rule,
    upstream: [field.upstream, ...field.gated.map((g) => g.source)].join("; "),
    needs: needOf(site),
    check(ctx) {
      let root: unknown = ctx.obj;
      let base: Path = [];
      if ("pod" in site.where) {
        const pod = podSpecOf(ctx);
        if (!pod) return;
        root = pod.spec;
        base = pod.path;
      }
      const pattern = "pod" in site.where ? site.where.pod : site.where.path;
      if (!writesPrefix(root, pattern)) return;
      eachValueAt(root, pattern, base, (value, path) => {
        if (typeof value !== "string") return;
        const standing = standingAt(field, value, ctx.kubernetesVersion);
        if (!standing || standing.kind === "unknown") return;
        // A value the API server drops while the gate is off is accepted, and a field it drops beside the value is a gated field: feature-gated-field says what follows.
        if (standing.kind === "gate-off" && standing.gated.whileOff !== "refused") return;
        report(ctx, field, site, value, path, standing);
      });
    },
  };
}

export const RELEASE_VALUE_CONSTRAINTS: readonly CrossFieldConstraint[] = RELEASE_VALUES.flatMap((field) => field.sites.map((site) => constraintOf(field, site)));

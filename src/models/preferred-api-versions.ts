/**
 * The apiVersion to write for a kind, when a manifest leaves it out: per API group that serves
 * the kind (the built-in catalogue, then the bundled schemas of common custom resources), the
 * version a new manifest should use. Kubernetes' own preference within a group is GA before
 * beta before alpha, the higher number first (version.CompareKubeAwareVersionStrings in
 * apimachinery pkg/version/helpers.go).
 */
import { groupOf } from "./api-groups.js";
import { BUNDLED_API_VERSIONS } from "./bundled-crds/releases.generated.js";
import { versionsOfKind } from "./catalogue/index.js";
import { versionOf } from "./crd.js";

const SHAPE = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

/** Sort key of a version: GA first, then beta, then alpha; the higher major, then minor, first. */
function rank(version: string): [number, number, number] {
  const m = SHAPE.exec(version);
  if (!m) return [3, 0, 0];
  return [m[2] === "alpha" ? 2 : m[2] === "beta" ? 1 : 0, -Number(m[1]), -Number(m[3] ?? 0)];
}

function preferred(a: string, b: string): number {
  const [ra, rb] = [rank(versionOf(a)), rank(versionOf(b))];
  return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
}

/** One apiVersion per API group that serves `kind`, built-in groups first; empty for a kind none serves. */
export function preferredApiVersions(kind: string): string[] {
  const candidates = [...versionsOfKind(kind).map((v) => v.apiVersion), ...(Object.hasOwn(BUNDLED_API_VERSIONS, kind) ? BUNDLED_API_VERSIONS[kind] : [])];
  const byGroup = new Map<string, string>();
  for (const apiVersion of candidates) {
    const group = groupOf(apiVersion);
    const best = byGroup.get(group);
    if (best === undefined || preferred(apiVersion, best) < 0) byGroup.set(group, apiVersion);
  }
  return [...byGroup.values()];
}

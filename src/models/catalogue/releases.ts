/**
 * Kubernetes releases as k8s-lint names them ("1.30"): the syntax a user may write for the
 * target release, and the range the catalogue knows (the oldest release of its history to the
 * newest release it describes in full).
 */
import { CATALOGUE_KUBERNETES_VERSION, OLDEST_KUBERNETES_VERSION } from "../kubernetes-version.js";

/**
 * Compares "1.25" style versions; unparsable parts count as 0. Rules compare the target release
 * with catalogue releases for every resource, so the common shape (digits and dots, an optional
 * leading "v") is compared in place, without splitting; anything else goes the general way.
 * (Splitting on every call cost 80-290 ms of a 10,000-resource run.)
 */
export function compareVersions(a: string, b: string): number {
  const fast = compareDottedNumbers(a, b);
  return fast === undefined ? compareVersionParts(a, b) : fast;
}

function compareVersionParts(a: string, b: string): number {
  const pa = a.replace(/^v/, "").split(".").map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.replace(/^v/, "").split(".").map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

const DOT = 46;
const ZERO = 48;
const NINE = 57;
/** Longer runs of digits are left to parseInt, whose rounding a running sum would not match. */
const MAX_DIGITS = 15;

/**
 * compareVersionParts for versions made of digits and dots only (after one optional "v"); undefined
 * when either holds anything else. Parts are read side by side, a missing part as 0.
 */
function compareDottedNumbers(a: string, b: string): number | undefined {
  let i = a.charCodeAt(0) === 118 /* v */ ? 1 : 0;
  let j = b.charCodeAt(0) === 118 /* v */ ? 1 : 0;
  // An empty string is one empty part (0), as "".split(".") gives [""].
  while (i <= a.length || j <= b.length) {
    let x = 0;
    let y = 0;
    let digits = 0;
    for (; i < a.length; i++) {
      const c = a.charCodeAt(i);
      if (c === DOT) break;
      if (c < ZERO || c > NINE || ++digits > MAX_DIGITS) return undefined;
      x = x * 10 + (c - ZERO);
    }
    digits = 0;
    for (; j < b.length; j++) {
      const c = b.charCodeAt(j);
      if (c === DOT) break;
      if (c < ZERO || c > NINE || ++digits > MAX_DIGITS) return undefined;
      y = y * 10 + (c - ZERO);
    }
    if (x !== y) return x - y;
    // Past the dot (or past the end, which ends that side's parts).
    i++;
    j++;
  }
  return 0;
}

/**
 * `1.30`, `v1.30`, `1.30.2` or `v1.30.2`: the release, without the patch level. After a patch
 * level, a pre-release or build suffix as `kubectl version` prints it on managed and packaged
 * clusters (`v1.30.2-gke.1`, `v1.30.2+k3s1`, `v1.30.2-eks-a1b2c3d`, `v1.30.0-rc.1`): judged by
 * major.minor (semver's -pre and +build; git-version of k8s.io/component-base/version).
 */
export const RELEASE_SYNTAX = /^v?(\d+)\.(\d+)(?:\.\d+(?:[-+][0-9A-Za-z.+_-]*)?)?$/;

export const RELEASE_SYNTAX_HELP = "a release such as 1.30, v1.30 or 1.30.2";

/** The release a target version names ("v1.30.2" -> "1.30"), or undefined when it names none. */
export function releaseOf(text: string): string | undefined {
  const m = RELEASE_SYNTAX.exec(text.trim());
  return m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
}

export type TargetRelease = { release: string; warning?: string } | { error: string };

/**
 * The release a run judges against. Older than the catalogue's history: an error naming the
 * range. Newer than the catalogue: judged as the newest, with a warning that says so.
 */
export function targetRelease(text: string): TargetRelease {
  const release = releaseOf(text);
  if (!release) return { error: `expects ${RELEASE_SYNTAX_HELP}, got "${text}"` };
  if (compareVersions(release, OLDEST_KUBERNETES_VERSION) < 0) {
    return { error: `names Kubernetes ${release}, older than the releases k8s-lint knows: ${OLDEST_KUBERNETES_VERSION} to ${CATALOGUE_KUBERNETES_VERSION}` };
  }
  if (compareVersions(release, CATALOGUE_KUBERNETES_VERSION) > 0) {
    return {
      release: CATALOGUE_KUBERNETES_VERSION,
      warning: `Kubernetes ${release} is newer than the newest release k8s-lint knows (${CATALOGUE_KUBERNETES_VERSION}): judged as ${CATALOGUE_KUBERNETES_VERSION}`,
    };
  }
  return { release };
}

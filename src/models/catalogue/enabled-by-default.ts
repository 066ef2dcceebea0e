/**
 * Which built-in group versions the API server serves without `--runtime-config`: the OpenAPI
 * of a release (which the history is generated from) lists every group version the release can
 * serve, switched on or not, so the catalogue alone treats an alpha API as served.
 *
 * Upstream: DefaultAPIResourceConfigSource, pkg/controlplane/instance.go (and its lists in
 * pkg/controlplane/apiserver/options in later releases):
 * - alpha group versions are always disabled by default (1.19-1.23: "disable alpha versions
 *   explicitly", DisableVersions(batchapiv2alpha1, nodev1alpha1, rbacv1alpha1, schedulingv1alpha1,
 *   settingsv1alpha1, storageapiv1alpha1, flowcontrolv1alpha1, ...); from 1.24
 *   alphaAPIGroupVersionsDisabledByDefault, "They are always disabled by default");
 * - until 1.23 every beta group version was enabled (EnableVersions lists them all);
 * - from 1.24 (KEP-3136, beta APIs off by default) betaAPIGroupVersionsDisabledByDefault holds
 *   every beta group version, and legacyBetaEnabledByDefaultResources switches back on only the
 *   beta resources that 1.23 already served by default, each until its removal ("remove in
 *   1.25", ... "remove in 1.29": HPA v2beta1/v2beta2, CronJob v1beta1, EndpointSlice, Event,
 *   RuntimeClass, PodDisruptionBudget, PodSecurityPolicy v1beta1, CSINode, CSIStorageCapacity,
 *   flowcontrol v1beta1 and v1beta2), plus flowcontrol v1beta3 FlowSchema and
 *   PriorityLevelConfiguration (1.26-1.31, "deprecate in 1.29, remove in 1.32"), the one
 *   newer beta the KEP allowed, as its group was already on by default at beta.
 * So a beta kind is on by default from 1.24 only when 1.23 served it under the same apiVersion
 * (the history answers that) or it is flowcontrol v1beta3's.
 */
import { compareVersions } from "./releases.js";
import { inRange, servedRange } from "./history.js";
import { lookupKind } from "./index.js";

/** The first release whose new beta APIs are off by default (KEP-3136). */
export const BETA_OFF_FROM = "1.24";
const LAST_BETA_ON = "1.23";

/** legacyBetaEnabledByDefaultResources entries whose kind 1.23 did not serve under that apiVersion. */
const NEWER_BETA_ON_BY_DEFAULT: readonly { apiVersion: string; kinds: readonly string[] }[] = [
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3", kinds: ["FlowSchema", "PriorityLevelConfiguration"] },
];

export interface DisabledByDefault {
  stage: "alpha" | "beta";
  /** The `--runtime-config` value that enables the group version. */
  runtimeConfig: string;
}

/** The stage of a built-in apiVersion ("alpha", "beta") or undefined for a GA version. */
export function stageOf(apiVersion: string): "alpha" | "beta" | undefined {
  const version = apiVersion.slice(apiVersion.lastIndexOf("/") + 1);
  return /^v\d+alpha\d+$/.test(version) ? "alpha" : /^v\d+beta\d+$/.test(version) ? "beta" : undefined;
}

/**
 * Whether the API server of `release` serves the kind under this apiVersion only when
 * `--runtime-config` enables it; undefined when it serves it by default. The caller has
 * established that the release serves the pair at all.
 */
export function disabledByDefault(apiVersion: string, kind: string, release: string): DisabledByDefault | undefined {
  const stage = stageOf(apiVersion);
  if (!stage) return undefined;
  const disabled = { stage, runtimeConfig: `${apiVersion}=true` };
  if (stage === "alpha") return disabled;
  if (compareVersions(release, BETA_OFF_FROM) < 0) return undefined;
  if (NEWER_BETA_ON_BY_DEFAULT.some((e) => e.apiVersion === apiVersion && e.kinds.includes(kind))) return undefined;
  const range = servedRange(apiVersion, kind, lookupKind(apiVersion, kind) !== undefined);
  return range && inRange(range, LAST_BETA_ON) ? undefined : disabled;
}

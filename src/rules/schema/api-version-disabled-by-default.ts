import { isBuiltinApiVersion } from "../../models/api-groups.js";
import { disabledByDefault, stageOf } from "../../models/catalogue/enabled-by-default.js";
import { inRange, knownReleases, servedRange, versionsServedAt } from "../../models/catalogue/history.js";
import { lookupKind } from "../../models/catalogue/index.js";
import { compareVersions } from "../../models/catalogue/releases.js";
import { defineRule } from "../types.js";

/** The first release from `target` on where some apiVersion serves the kind by default, GA first. */
function servedByDefaultFrom(kind: string, target: string): { apiVersion: string; release: string } | undefined {
  for (const release of knownReleases()) {
    if (compareVersions(release, target) < 0) continue;
    const onByDefault = versionsServedAt(kind, release).filter((v) => !disabledByDefault(v, kind, release));
    const pick = onByDefault.find((v) => !stageOf(v)) ?? onByDefault[0];
    if (pick) return { apiVersion: pick, release };
  }
  return undefined;
}

export const rule = defineRule({
  id: "api-version-disabled-by-default",
  category: "schema",
  severity: "warning",
  summary: "A built-in apiVersion that the target release has but serves only when kube-apiserver enables it with --runtime-config (alpha APIs, and beta APIs added since 1.24).",
  explanation: `The OpenAPI of a release lists every group version it can serve, but the API server
serves some only when \`--runtime-config\` switches them on (DefaultAPIResourceConfigSource in
pkg/controlplane/instance.go): alpha versions always, and since 1.24 (KEP-3136) every beta
version that was not already served by default at 1.23 (\`storage.k8s.io/v1beta1\`
VolumeAttributesClass, \`admissionregistration.k8s.io/v1beta1\` ValidatingAdmissionPolicy,
\`networking.k8s.io/v1beta1\` ServiceCIDR, \`resource.k8s.io/v1beta1\`, ...; flowcontrol
\`v1beta3\` is the one newer beta on by default). On a cluster with the default flags, which is
what most managed clusters run, \`kubectl apply\` fails with "no matches for kind ... in version
...", and nothing is created. Many of these APIs also need their feature gate on. A version the
target does not have at all is unknown-api-version's.`,
  fix: "Use the apiVersion that the target serves by default (the message names it and from when), or enable the group version on kube-apiserver with the --runtime-config flag the message names.",
  preventsStatus: [],
  check({ resource, settings, report }) {
    const { apiVersion, kind } = resource;
    // GA versions first: they never need the history.
    if (!apiVersion || !kind || !stageOf(apiVersion) || !isBuiltinApiVersion(apiVersion)) return;
    const target = settings.kubernetesVersion;
    const range = servedRange(apiVersion, kind, lookupKind(apiVersion, kind) !== undefined);
    // Not served at all at the target: unknown-api-version's (or removed-api-version's).
    if (!range || !inRange(range, target)) return;
    const disabled = disabledByDefault(apiVersion, kind, target);
    if (!disabled) return;
    const flag = `--runtime-config=${disabled.runtimeConfig}`;
    const why = disabled.stage === "alpha" ? "alpha APIs are disabled" : "beta APIs added since 1.24 are disabled";
    const instead = servedByDefaultFrom(kind, target);
    const later =
      instead === undefined
        ? `; no release up to ${knownReleases()[knownReleases().length - 1]} serves ${kind} by default`
        : instead.release === target
          ? `; ${instead.apiVersion} serves it by default`
          : `; ${instead.apiVersion} serves it by default from ${instead.release}`;
    report({
      path: ["apiVersion"],
      message: `apiVersion ${JSON.stringify(apiVersion)} of ${kind} is not served by default at ${target}: ${why} unless kube-apiserver runs with ${flag}${later}`,
      hint:
        instead?.release === target
          ? `set apiVersion to ${JSON.stringify(instead.apiVersion)}, or enable ${apiVersion} with ${flag}`
          : `enable ${apiVersion} on kube-apiserver with ${flag}${instead ? `, or target Kubernetes ${instead.release} or later and set apiVersion to ${JSON.stringify(instead.apiVersion)}` : ""}`,
    });
  },
});

/**
 * Operator Lifecycle Manager bundles: a folder (`manifests/` of a bundle) holding a
 * ClusterServiceVersion (operators.coreos.com/v1alpha1) beside the CRDs and other objects OLM
 * installs with it. OLM writes some of those objects itself at install time. For every CRD that a
 * webhook definition of type ConversionWebhook names in `spec.webhookdefinitions[].conversionCRDs`,
 * OLM sets the CRD's conversion to that webhook: a Service it creates for the definition's
 * deployment, in the namespace the operator is installed in (operator-lifecycle-manager,
 * pkg/controller/install/webhook.go and certresources.go; pkg/api/apis/operators/v1alpha1
 * clusterserviceversion_types.go WebhookDescription), so the clientConfig written in the bundle's
 * CRD is not what the API server calls.
 */
import { memoKey, type Memo } from "./run-memo.js";
import type { Resource } from "./resource.js";
import type { ResourceIndex } from "./resource-index.js";

const CSV_TYPE = "ClusterServiceVersion.operators.coreos.com";

/** A file's folder as its display path writes it ("" for a file at the root). */
const folderOf = (file: string): string => file.slice(0, Math.max(0, file.lastIndexOf("/")));

/**
 * Whether a ClusterServiceVersion sits in the folder of `resource` (a bundle's manifests/): OLM
 * installs the bundle's objects in the namespace the operator is installed in, whatever they
 * write, and creates there the Deployments of the ClusterServiceVersion's
 * `spec.install.spec.deployments`, whose pods the input shows only inside it.
 */
export function inOlmBundle(index: ResourceIndex, resource: Resource): boolean {
  const folder = folderOf(resource.file);
  return index.ofKind(CSV_TYPE).some((csv) => folderOf(csv.file) === folder);
}

/** By folder: the names of the CRDs whose conversion webhook a ClusterServiceVersion of that folder defines, with that ClusterServiceVersion. */
type ConvertedCrds = Map<string, Map<string, Resource>>;

/** Built once per input set from its index: only cross-resource rules read it. */
const CONVERTED_CRDS = memoKey<ConvertedCrds>("CRDs whose conversion webhook an OLM ClusterServiceVersion of their folder defines");

function convertedCrds(index: ResourceIndex): ConvertedCrds {
  const out: ConvertedCrds = new Map();
  for (const csv of index.ofKind(CSV_TYPE)) {
    const definitions = csv.get(["spec", "webhookdefinitions"]);
    if (!Array.isArray(definitions)) continue;
    for (const definition of definitions) {
      if (typeof definition !== "object" || definition === null || (definition as Record<string, unknown>).type !== "ConversionWebhook") continue;
      const crds = (definition as Record<string, unknown>).conversionCRDs;
      if (!Array.isArray(crds)) continue;
      const folder = folderOf(csv.file);
      let named = out.get(folder);
      if (!named) out.set(folder, (named = new Map()));
      for (const crd of crds) if (typeof crd === "string" && !named.has(crd)) named.set(crd, csv);
    }
  }
  return out;
}

/**
 * The ClusterServiceVersion in the CRD's own folder whose ConversionWebhook definition names the
 * CRD: OLM installs the CRD with it and writes its conversion webhook. Undefined for a CRD outside
 * a bundle (a kustomize base applied as written).
 */
export function olmConversionOwner(crd: Resource, index: ResourceIndex, memo: Memo): Resource | undefined {
  return memo(CONVERTED_CRDS, () => convertedCrds(index))
    .get(folderOf(crd.file))
    ?.get(crd.name);
}

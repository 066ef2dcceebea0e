/**
 * Configuration files that look like Kubernetes objects (apiVersion, kind) but are read by a
 * client-side tool and never sent to an API server: kustomizations, kubeadm, kubelet and
 * kube-proxy configurations, kubeconfig, kube-scheduler's legacy policy file, kind and k3d
 * cluster configs, webhook payloads (AdmissionReview, ConversionReview, ImageReview)... They are recognised by
 * their apiVersion group (every kind of a group in the table) and are not linted as objects.
 */
import { groupOf } from "./api-groups.js";

export interface ConfigurationFormat {
  /** The tool that reads the file, for listings ("kustomize", "kubeadm", "kubelet"...). */
  tool: string;
  /** The kinds known in the group, for reference: every kind of the group is recognised. */
  kinds: readonly string[];
  /** Where the types are defined upstream. */
  source: string;
  /** Written without an apiVersion (kube-state-metrics' custom resource state file): recognised by its kind alone. */
  withoutApiVersion?: true;
}

/** Client-side configuration groups; no API server serves them. */
const BY_GROUP: ReadonlyMap<string, ConfigurationFormat> = new Map([
  ["kustomize.config.k8s.io", { tool: "kustomize", kinds: ["Kustomization", "Component"], source: "sigs.k8s.io/kustomize/api/types/kustomization.go" }],
  ["config.kubernetes.io", { tool: "KRM function", kinds: ["ResourceList"], source: "https://github.com/kubernetes-sigs/kustomize/blob/master/cmd/config/docs/api-conventions/functions-spec.md" }],
  ["kpt.dev", { tool: "kpt", kinds: ["Kptfile"], source: "https://kpt.dev/reference/schema/kptfile/" }],
  ["kubeadm.k8s.io", { tool: "kubeadm", kinds: ["ClusterConfiguration", "InitConfiguration", "JoinConfiguration", "ResetConfiguration", "UpgradeConfiguration"], source: "k8s.io/kubernetes/cmd/kubeadm/app/apis/kubeadm/v1beta4" }],
  ["kubelet.config.k8s.io", { tool: "kubelet", kinds: ["KubeletConfiguration", "CredentialProviderConfig"], source: "k8s.io/kubelet/config/v1beta1" }],
  ["credentialprovider.kubelet.k8s.io", { tool: "kubelet", kinds: ["CredentialProviderRequest", "CredentialProviderResponse"], source: "k8s.io/kubelet/pkg/apis/credentialprovider/v1" }],
  ["kubeproxy.config.k8s.io", { tool: "kube-proxy", kinds: ["KubeProxyConfiguration"], source: "k8s.io/kube-proxy/config/v1alpha1" }],
  ["kubescheduler.config.k8s.io", { tool: "kube-scheduler", kinds: ["KubeSchedulerConfiguration"], source: "k8s.io/kube-scheduler/config/v1" }],
  ["kubecontrollermanager.config.k8s.io", { tool: "kube-controller-manager", kinds: ["KubeControllerManagerConfiguration"], source: "k8s.io/kube-controller-manager/config/v1alpha1" }],
  ["apiserver.config.k8s.io", { tool: "kube-apiserver", kinds: ["EncryptionConfiguration", "AdmissionConfiguration", "AuthenticationConfiguration", "AuthorizationConfiguration", "EgressSelectorConfiguration", "TracingConfiguration"], source: "k8s.io/apiserver/pkg/apis/apiserver/v1, k8s.io/apiserver/pkg/apis/config/v1" }],
  ["apiserver.k8s.io", { tool: "kube-apiserver", kinds: ["AdmissionConfiguration", "EgressSelectorConfiguration"], source: "k8s.io/apiserver/pkg/apis/apiserver/v1alpha1" }],
  ["audit.k8s.io", { tool: "kube-apiserver", kinds: ["Policy"], source: "k8s.io/apiserver/pkg/apis/audit/v1" }],
  ["pod-security.admission.config.k8s.io", { tool: "kube-apiserver", kinds: ["PodSecurityConfiguration"], source: "k8s.io/pod-security-admission/admission/api/v1" }],
  ["eventratelimit.admission.k8s.io", { tool: "kube-apiserver", kinds: ["Configuration"], source: "k8s.io/kubernetes/plugin/pkg/admission/eventratelimit/apis/eventratelimit/v1alpha1" }],
  ["client.authentication.k8s.io", { tool: "kubectl", kinds: ["ExecCredential"], source: "k8s.io/client-go/pkg/apis/clientauthentication/v1" }],
  ["kind.x-k8s.io", { tool: "kind", kinds: ["Cluster"], source: "sigs.k8s.io/kind/pkg/apis/config/v1alpha4" }],
  ["k3d.io", { tool: "k3d", kinds: ["Simple"], source: "github.com/k3d-io/k3d/v5/pkg/config/v1alpha5" }],
  ["ctlptl.dev", { tool: "ctlptl", kinds: ["Cluster", "Registry"], source: "github.com/tilt-dev/ctlptl/pkg/api" }],
  ["meta.pkg.crossplane.io", { tool: "Crossplane package metadata (crossplane xpkg build)", kinds: ["Configuration", "Provider", "Function"], source: "github.com/crossplane/crossplane apis/pkg/meta (never installed: apis/generate.go)" }],
  ["krew.googlecontainertools.github.com", { tool: "krew", kinds: ["Plugin"], source: "sigs.k8s.io/krew/pkg/index (a kubectl plugin's manifest in the krew index)" }],
  ["skaffold", { tool: "skaffold", kinds: ["Config"], source: "https://skaffold.dev/docs/references/yaml/" }],
  // istioctl's install file; the in-cluster operator that served IstioOperator was removed in Istio 1.24.
  ["install.istio.io", { tool: "istioctl", kinds: ["IstioOperator"], source: "istio.io/istio/operator/pkg/apis/types.go" }],
  ["kuttl.dev", { tool: "kuttl", kinds: ["TestSuite", "TestStep", "TestAssert"], source: "github.com/kudobuilder/kuttl/pkg/apis/testharness/v1beta1" }],
  ["chainsaw.kyverno.io", { tool: "chainsaw", kinds: ["Test", "TestStep", "StepTemplate", "Configuration"], source: "github.com/kyverno/chainsaw/pkg/apis/v1alpha1" }],
  // A provider's release metadata (metadata.yaml), which clusterctl reads to map releases to contracts; its Provider objects are custom resources.
  ["clusterctl.cluster.x-k8s.io", { tool: "clusterctl", kinds: ["Metadata"], source: "sigs.k8s.io/cluster-api/cmd/clusterctl/api/v1alpha3/metadata_type.go" }],
  // The request and response of an admission webhook call, kept as files by webhook and policy test suites (gator).
  ["admission.k8s.io", { tool: "admission webhook", kinds: ["AdmissionReview"], source: "k8s.io/api/admission/v1/types.go" }],
  ["test.gatekeeper.sh", { tool: "gator", kinds: ["Suite"], source: "github.com/open-policy-agent/gatekeeper/pkg/gator/verify/read_suites.go" }],
  // `gator policy generate-catalog`'s index of a policy library (gatekeeper-library's catalog.yaml); its metadata is gator's, not ObjectMeta.
  ["gator.gatekeeper.sh", { tool: "gator", kinds: ["PolicyCatalog"], source: "github.com/open-policy-agent/gatekeeper, gator's catalog package (gator policy generate-catalog)" }],
  // The Kyverno CLI's test files (`kyverno test`); the resources a Test names are test inputs (models/policy-tests.ts).
  ["cli.kyverno.io", { tool: "kyverno CLI", kinds: ["Test", "Values", "UserInfo", "Context"], source: "github.com/kyverno/kyverno/cmd/cli/kubectl-kyverno/apis/v1alpha1" }],
  // controller-runtime's component config, read by the manager binary from its --config file (deprecated in controller-runtime 0.15).
  ["controller-runtime.sigs.k8s.io", { tool: "controller-runtime manager", kinds: ["ControllerManagerConfig"], source: "sigs.k8s.io/controller-runtime/pkg/config/v1alpha1/types.go" }],
  // The ImagePolicyWebhook admission plugin's request to its backend; no API server serves it.
  ["imagepolicy.k8s.io", { tool: "image policy webhook", kinds: ["ImageReview"], source: "k8s.io/api/imagepolicy/v1alpha1/types.go" }],
  // eksctl's cluster file: `eksctl create cluster -f`; its metadata is eksctl's ClusterMeta (name, region, version, tags), not ObjectMeta.
  ["eksctl.io", { tool: "eksctl", kinds: ["ClusterConfig"], source: "github.com/eksctl-io/eksctl/pkg/apis/eksctl.io/v1alpha5/types.go" }],
  // nodeadm's node configuration, given to an EKS node (AL2023, hybrid nodes) as user data or `nodeadm init -c`; no API server serves it.
  ["node.eks.aws", { tool: "nodeadm", kinds: ["NodeConfig"], source: "github.com/awslabs/amazon-eks-ami/nodeadm/api/v1alpha1 (nodeadm/doc/api.md)" }],
  // kapp's own configuration (rebase, ownership and label scoping rules), given among the manifests it deploys; kapp never applies it.
  ["kapp.k14s.io", { tool: "kapp", kinds: ["Config"], source: "github.com/carvel-dev/kapp/pkg/kapp/config/config.go (docs/config.md)" }],
  // kOps' cluster specification (`kops create -f`, `kops replace -f`): kept in its state store (S3, GCS...), which kops and kops-controller read; no API server serves it.
  ["kops.k8s.io", { tool: "kops", kinds: ["Cluster", "InstanceGroup", "SSHCredential", "Keyset"], source: "k8s.io/kops/pkg/apis/kops/v1alpha2" }],
  ["k0sctl.k0sproject.io", { tool: "k0sctl", kinds: ["Cluster"], source: "github.com/k0sproject/k0sctl/pkg/apis/k0sctl.k0sproject.io/v1beta1/cluster.go" }],
  ["config.kwok.x-k8s.io", { tool: "kwok", kinds: ["KwokctlConfiguration", "KwokConfiguration"], source: "sigs.k8s.io/kwok/pkg/apis/config/v1alpha1" }],
  // Carvel's client-side tools: vendir's vendir.yml and its lock file, kbld's image configuration, imgpkg's bundle metadata, kctrl's package build files.
  ["vendir.k14s.io", { tool: "vendir", kinds: ["Config", "LockConfig"], source: "carvel.dev/vendir/pkg/vendir/config (vendir.yml spec)" }],
  ["kbld.k14s.io", { tool: "kbld", kinds: ["Config", "Sources", "ImageOverrides", "ImageDestinations", "ImageKeys"], source: "carvel.dev/kbld/pkg/kbld/config" }],
  ["imgpkg.carvel.dev", { tool: "imgpkg", kinds: ["ImagesLock", "Bundle"], source: "carvel.dev/imgpkg/pkg/imgpkg/lockconfig, bundle" }],
  ["kctrl.carvel.dev", { tool: "kctrl", kinds: ["PackageBuild", "PackageRepositoryBuild"], source: "carvel.dev/kapp-controller/cli/pkg/kctrl/cmd/package/release" }],
  // Backstage's software catalog (catalog-info.yaml at a repository's root): entity descriptors its catalog reads from the repository.
  ["backstage.io", { tool: "Backstage catalog", kinds: ["Component", "API", "Resource", "System", "Domain", "Group", "User", "Location"], source: "https://backstage.io/docs/features/software-catalog/descriptor-format" }],
  ["scaffolder.backstage.io", { tool: "Backstage scaffolder", kinds: ["Template"], source: "https://backstage.io/docs/features/software-templates/writing-templates" }],
  // The descheduler's policy, given to it as a file (--policy-config-file, mounted from a ConfigMap); no API server serves it.
  ["descheduler", { tool: "descheduler", kinds: ["DeschedulerPolicy"], source: "sigs.k8s.io/descheduler/pkg/api/v1alpha2/types.go" }],
  // Grafana's helm-test tool reads a chart's test plan (tests/*/test-plan.yaml): the cluster to create, the chart, its dependencies and checks.
  ["helm-chart-toolbox.grafana.com", { tool: "helm-test (Grafana helm-chart-toolbox)", kinds: ["TestPlan"], source: "github.com/grafana/helm-chart-toolbox tools/helm-test/TestPlan.md" }],
  // Tanka's environment (environments/<name>/spec.json): the API server and namespace `tk apply` deploys to; tk reads it, no API server serves it.
  ["tanka.dev", { tool: "Tanka", kinds: ["Environment"], source: "github.com/grafana/tanka/pkg/spec/v1alpha1/environment.go" }],
  // operator-sdk's scorecard configuration (bundle/tests/scorecard/config.yaml), read by `operator-sdk scorecard`.
  ["scorecard.operatorframework.io", { tool: "operator-sdk scorecard", kinds: ["Configuration"], source: "github.com/operator-framework/api/pkg/apis/scorecard/v1alpha3/configuration_types.go" }],
  // The metadata of a Gateway API enhancement proposal (geps/gep-*/metadata.yaml), read by the project's docs build.
  ["internal.gateway.networking.k8s.io", { tool: "Gateway API docs", kinds: ["GEPDetails"], source: "sigs.k8s.io/gateway-api/pkg/gep/gepdetail.go" }],
]);

/** kubeconfig: `apiVersion: v1, kind: Config` in the core group, which serves no kind "Config" (k8s.io/client-go/tools/clientcmd/api/v1). */
const KUBECONFIG: ConfigurationFormat = { tool: "kubectl (kubeconfig)", kinds: ["Config"], source: "k8s.io/client-go/tools/clientcmd/api/v1/types.go" };

/**
 * kube-scheduler's legacy scheduling policy, read from --policy-config-file until 1.23 (predicates,
 * priorities, extenders): `apiVersion: v1, kind: Policy` in the scheduler's own scheme
 * (k8s.io/kube-scheduler/config/v1, type Policy); the core group serves no kind "Policy".
 */
const SCHEDULER_POLICY: ConfigurationFormat = { tool: "kube-scheduler (legacy policy file)", kinds: ["Policy"], source: "k8s.io/kube-scheduler/config/v1/types.go (removed in 1.23)" };

/** kustomize's built-in generators and transformers (`apiVersion: builtin`), in `generators:`/`transformers:` files. */
const KUSTOMIZE_BUILTIN: ConfigurationFormat = { tool: "kustomize", kinds: ["PatchTransformer", "LabelTransformer", "HelmChartInflationGenerator"], source: "sigs.k8s.io/kustomize/api/builtins" };

/** A CRD's conversion webhook request and response: a wire type of a served group (apiextensions.k8s.io), never an object. */
const CONVERSION_REVIEW: ConfigurationFormat = { tool: "conversion webhook", kinds: ["ConversionReview"], source: "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1/types.go" };

/**
 * A Gateway API conformance report, which an implementation's conformance run writes and submits
 * to the project (conformance/reports/): a file in a served group's apiVersion that no API server
 * serves as a kind.
 */
const CONFORMANCE_REPORT: ConfigurationFormat = { tool: "Gateway API conformance suite", kinds: ["ConformanceReport"], source: "sigs.k8s.io/gateway-api/conformance/apis/v1/conformancereport.go" };

/**
 * Envoy Gateway's own configuration (envoy-gateway.yaml, mounted from the envoy-gateway-config
 * ConfigMap): a kind of a served group (gateway.envoyproxy.io, whose other kinds are custom
 * resources) that the controller reads from a file, no API server.
 */
const ENVOY_GATEWAY_CONFIG: ConfigurationFormat = { tool: "Envoy Gateway", kinds: ["EnvoyGateway"], source: "github.com/envoyproxy/gateway/api/v1alpha1/envoygateway_types.go" };

/**
 * kube-state-metrics' custom resource state configuration (--custom-resource-state-config-file):
 * `kind: CustomResourceStateMetrics` and its spec, written without an apiVersion.
 */
const CUSTOM_RESOURCE_STATE: ConfigurationFormat = { tool: "kube-state-metrics", kinds: ["CustomResourceStateMetrics"], source: "k8s.io/kube-state-metrics/pkg/customresourcestate/config.go", withoutApiVersion: true };

/** The configuration format of a document with this apiVersion and kind, or undefined for an API object. */
export function configurationFormat(apiVersion: string, kind: string): ConfigurationFormat | undefined {
  if (apiVersion === "v1" && kind === "Config") return KUBECONFIG;
  if (apiVersion === "v1" && kind === "Policy") return SCHEDULER_POLICY;
  if (kind === "ConversionReview" && groupOf(apiVersion) === "apiextensions.k8s.io") return CONVERSION_REVIEW;
  if (kind === "ConformanceReport" && groupOf(apiVersion) === "gateway.networking.k8s.io") return CONFORMANCE_REPORT;
  if (kind === "EnvoyGateway" && groupOf(apiVersion) === "gateway.envoyproxy.io") return ENVOY_GATEWAY_CONFIG;
  if (apiVersion === "builtin") return KUSTOMIZE_BUILTIN;
  if (kind === "CustomResourceStateMetrics" && apiVersion === "") return CUSTOM_RESOURCE_STATE;
  const group = groupOf(apiVersion);
  return BY_GROUP.get(group) ?? componentConfiguration(group, kind);
}

/**
 * A component's configuration file by Kubernetes' component config convention (KEP-115,
 * k8s.io/component-base/config): a kind named `*Configuration` in a group with a `config` label
 * (`config.jobset.x-k8s.io` Configuration, `controller.config.cert-manager.io`
 * ControllerConfiguration), which the component reads from a file given by a flag, often mounted
 * from a ConfigMap. A `*WebhookConfiguration` is an object (Karmada's `config.karmada.io` serves
 * ResourceInterpreterWebhookConfiguration).
 */
function componentConfiguration(group: string, kind: string): ConfigurationFormat | undefined {
  if (!kind.endsWith("Configuration") || kind.endsWith("WebhookConfiguration") || !group.split(".").includes("config")) return undefined;
  return { tool: `component configuration (${group})`, kinds: [kind], source: "k8s.io/component-base/config (KEP-115 component config)" };
}

/**
 * Whether a list is an Operator SDK watches file (a Helm or Ansible operator's watches.yaml): per
 * item the `group`, `version` and `kind` of the custom resource it reconciles, with the `chart`,
 * `role` or `playbook` that does it (operator-sdk internal/helm/watches, internal/ansible/watches).
 * Its `kind` names the resource watched; the list is no manifest.
 */
export function isOperatorSdkWatches(items: readonly unknown[]): boolean {
  return (
    items.length > 0 &&
    items.every((item) => {
      if (typeof item !== "object" || item === null || Array.isArray(item)) return false;
      const w = item as Record<string, unknown>;
      return typeof w.kind === "string" && typeof w.version === "string" && !("apiVersion" in w) && ["chart", "role", "playbook"].some((k) => typeof w[k] === "string");
    })
  );
}

/** The Kubernetes release the API catalogue describes; the default `--kubernetes-version`. */
export const CATALOGUE_KUBERNETES_VERSION = "1.34";

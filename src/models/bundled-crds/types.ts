/** A project whose custom resource schemas k8s-lint bundles (docs/bundled-schemas.md). */
export interface BundledRelease {
  project: string;
  home: string;
  /** The npm package the schemas were generated from, and its version. */
  package: string;
  packageVersion: string;
  /** The project's release whose CRD manifests the package read, when it records one. */
  upstream: string | null;
  /** The API groups taken from the package. */
  groups: readonly string[];
  /** The kinds taken from it, as `Kind.group`: a group may be shared (argoproj.io: Argo Rollouts and Argo CD), a kind is one project's. */
  kinds: readonly string[];
}

/**
 * Skaffold's build artifacts: the images a `skaffold.yaml` (apiVersion skaffold/v*, kind Config)
 * builds (`build.artifacts[].image`, and those of its `profiles`). When it deploys, Skaffold
 * replaces every image reference of the manifests whose name is an artifact's with the image it
 * built, tagged and usually pinned by digest (pkg/skaffold/deploy/util ReplaceImages, by the name
 * without tag or digest), so `image: frontend` in those manifests is not what the pods run.
 * Source: https://skaffold.dev/docs/references/yaml/ (build.artifacts.image).
 */

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether the document is a Skaffold configuration. */
export function isSkaffoldConfig(value: unknown): value is Record<string, unknown> {
  return isMap(value) && typeof value.apiVersion === "string" && value.apiVersion.startsWith("skaffold/") && value.kind === "Config";
}

/** The image names a Skaffold configuration builds, its profiles' included. */
export function skaffoldArtifacts(config: Record<string, unknown>): string[] {
  const out: string[] = [];
  const fromBuild = (build: unknown) => {
    const artifacts = isMap(build) ? build.artifacts : undefined;
    for (const a of Array.isArray(artifacts) ? artifacts : []) if (isMap(a) && typeof a.image === "string" && a.image !== "") out.push(a.image);
  };
  fromBuild(config.build);
  for (const p of Array.isArray(config.profiles) ? config.profiles : []) if (isMap(p)) fromBuild(p.build);
  return out;
}

/** An image reference without its digest and tag: the name Skaffold matches an artifact by. */
export function imageName(image: string): string {
  const at = image.indexOf("@");
  const name = at === -1 ? image : image.slice(0, at);
  const colon = name.indexOf(":", name.lastIndexOf("/") + 1);
  return colon === -1 ? name : name.slice(0, colon);
}

/**
 * The images the rules about images judge: what `kustomize build` emits for a container
 * (models/kustomize-images.ts), each with the words a message names it by. The finding stays at
 * the image as written; the words say when a kustomization's `images` set what is judged, and in
 * which builds, when the builds of the object differ.
 */
import { emittedImages, type EmittedImage } from "../../models/kustomize-images.js";
import type { Resource } from "../../models/resource.js";
import { imageName } from "../../models/skaffold.js";
import type { Path } from "../../types.js";

export interface JudgedImage {
  /** The image the pods run. */
  image: string;
  /** `image "nginx"`, or with what set it: `image "nginx" (set to "nginx:latest" by images in overlays/prod/kustomization.yaml)`. */
  subject: string;
}

const NOTHING_JUDGED: readonly JudgedImage[] = [];

/**
 * The images emitted for the image written at a container (`containerPath`: its list field and
 * index), in build order; none for an image a Skaffold configuration above the file builds
 * (models/skaffold.ts), which Skaffold replaces with the image it built when it deploys.
 * `fields`: the container's fields the caller judges with the image. A build whose JSON patches
 * write one of them emits a container this cannot know, so its image is left out (a test overlay
 * that sets imagePullPolicy: Never on an image other builds retag).
 */
export function judgedImages(resource: Resource, written: string, containerPath: Path, fields: readonly string[] = IMAGE_ONLY): readonly JudgedImage[] {
  const emitted = resource.imageBuilds ? emittedImages(resource.imageBuilds, written, containerPath) : undefined;
  const skaffold = resource.skaffoldImages;
  if (skaffold && (emitted ? emitted.some((e) => skaffold.has(imageName(e.image))) : skaffold.has(imageName(written)))) return NOTHING_JUDGED;
  if (!emitted) return patchedOtherwise(resource, written, containerPath, fields) ?? asWritten(written);
  const unpatched = (root: string) => !fields.some((field) => resource.patchedInBuild(root, [...containerPath, field]));
  let dropped = false;
  const kept = emitted.flatMap((e) => {
    const builds = e.builds.filter(unpatched);
    dropped ||= builds.length < e.builds.length;
    return builds.length || !e.builds.length ? [{ ...e, builds: e.builds.length ? builds : e.builds }] : [];
  });
  // The builds are named when others emit another image, or a container this cannot judge.
  return kept.map((e) => ({ image: e.image, subject: subject(written, e, kept.length > 1 || dropped) }));
}

const IMAGE_ONLY: readonly string[] = ["image"];

/**
 * Where no kustomization sets images but the builds' strategic-merge patches write one of `fields`
 * otherwise (prod's patch pins the image, dev's build keeps the base's): the image as written in the
 * builds that keep it, none when every build patches it; undefined when no build patches them.
 */
function patchedOtherwise(resource: Resource, written: string, containerPath: Path, fields: readonly string[]): readonly JudgedImage[] | undefined {
  const roots = resource.buildRoots;
  const kept = roots.filter((root) => !fields.some((field) => resource.changedInBuild(root, [...containerPath, field])));
  if (kept.length === roots.length) return undefined;
  return kept.length ? [{ image: written, subject: `image "${written}" (unchanged in the ${builds(kept)})` }] : NOTHING_JUDGED;
}

/**
 * The answer for an object no kustomization changes, kept per image while few: three rules ask
 * for every container of every workload, and a run has a few hundred distinct images. Frozen
 * because every caller shares them.
 */
const MAX_REMEMBERED = 4096;
const unchanged = new Map<string, readonly JudgedImage[]>();

function asWritten(image: string): readonly JudgedImage[] {
  let judged = unchanged.get(image);
  if (judged) return judged;
  judged = Object.freeze([Object.freeze({ image, subject: `image "${image}"` })]);
  if (unchanged.size >= MAX_REMEMBERED) unchanged.clear();
  unchanged.set(image, judged);
  return judged;
}

function subject(written: string, e: EmittedImage, buildsDiffer: boolean): string {
  const parts: string[] = [];
  if (e.setBy.length) parts.push(`set to "${e.image}" by images in ${listed(e.setBy)}`);
  // Name the builds when others emit another image, unless the kustomization that set it is the build itself.
  if (buildsDiffer && !e.setBy.length) parts.push(`unchanged in the ${builds(e.builds)}`);
  else if (buildsDiffer && e.builds.some((b) => !e.setBy.includes(b))) parts.push(`in the ${builds(e.builds)}`);
  return parts.length ? `image "${written}" (${parts.join(", ")})` : `image "${written}"`;
}

const builds = (roots: readonly string[]) => `${roots.length > 1 ? "builds" : "build"} of ${listed(roots)}`;

function listed(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}` : items[0];
}

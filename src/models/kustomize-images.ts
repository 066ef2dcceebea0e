/**
 * Kustomize's images transformer: the image a container runs after `kustomize build`, from the
 * `images` entries of the kustomizations (and Components) that build the object. Semantics follow
 * sigs.k8s.io/kustomize/api: types/image.go (the entry), internal/image/image.go (IsImageMatched,
 * Split), filters/imagetag/updater.go (SetImageValue), filters/imagetag/legacy.go and
 * internal/builtins/ImageTagTransformer.go (where it applies), konfig/builtinpluginconsts/images.go
 * (the default field specs).
 */
import type { Path } from "../types.js";

/** An entry of a kustomization's `images` (kustomize api/types/image.go Image). */
export interface ImageOverride {
  /** The image name, read as a regular expression (anchored); may carry a tag or digest (then it matches only that reference). */
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  tagSuffix?: string;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const FIELDS = ["newName", "newTag", "digest", "tagSuffix"] as const;

/**
 * The `images` entries of a kustomization, then those of the deprecated `imageTags` (kustomize
 * FixKustomizationPostUnmarshalling appends them). An entry with a field that is not a string
 * (`newTag: 1.27`, a YAML number) makes `kustomize build` fail ("cannot unmarshal number into
 * Go struct field Image.images.newTag of type string"): it changes no image.
 */
export function imageOverrides(kustomization: Record<string, unknown>): ImageOverride[] {
  const out: ImageOverride[] = [];
  for (const list of [kustomization.images, kustomization.imageTags]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (!isMap(entry) || typeof entry.name !== "string" || entry.name === "") continue;
      if (FIELDS.some((f) => entry[f] !== undefined && entry[f] !== null && typeof entry[f] !== "string")) continue;
      const override: ImageOverride = { name: entry.name };
      for (const f of FIELDS) if (typeof entry[f] === "string" && entry[f] !== "") override[f] = entry[f] as string;
      out.push(override);
    }
  }
  return out;
}

const matchers = new Map<string, RegExp | null>();
/** The characters of image references: of them only "." means something in a regular expression. */
const PLAIN_NAME = /^[A-Za-z0-9._\-/:@]+$/;

/**
 * IsImageMatched: `name` is put into a regular expression as written (dots match any
 * character), followed by an optional tag and digest. A name that does not compile matches
 * nothing, as upstream. Go's RE2 runs in linear time and JavaScript's engine backtracks, so a
 * name with other operators (`*`, `+`, groups: a pattern, not an image name) matches nothing
 * here rather than risk a run that never ends on a crafted kustomization.
 */
function matches(image: string, name: string): boolean {
  let re = matchers.get(name);
  if (re === undefined) {
    re = PLAIN_NAME.test(name) ? new RegExp(`^${name}(:[a-zA-Z0-9_.{}-]*)?(@[a-zA-Z0-9]+([.+_-][a-zA-Z0-9]+)*:[a-zA-Z0-9_.{}-]*)?$`) : null;
    if (matchers.size >= 1024) matchers.clear();
    matchers.set(name, re);
  }
  return re !== null && re.test(image);
}

/** Split: name, tag and digest, by the first ":" and "@" after the first "/" (a registry port is not a tag). */
function split(image: string): { name: string; tag: string; digest: string } {
  const slash = image.indexOf("/");
  const from = slash > 0 ? slash : 0;
  const search = image.slice(from);
  const at = search.indexOf("@");
  const colon = search.indexOf(":");
  if (colon < 0 && at < 0) return { name: image, tag: "", digest: "" };
  if (at >= 0 && (at < colon || colon < 0)) return { name: image.slice(0, from + at), tag: "", digest: image.slice(from + at + 1) };
  if (at >= 0) return { name: image.slice(0, from + colon), tag: image.slice(from + colon + 1, from + at), digest: image.slice(from + at + 1) };
  return { name: image.slice(0, from + colon), tag: image.slice(from + colon + 1), digest: "" };
}

/**
 * SetImageValue: the image after one entry. newName replaces the name; newTag and digest both
 * set replace tag and digest, newTag alone replaces the tag and drops the digest, digest alone
 * replaces the digest and drops the tag; otherwise tagSuffix is appended to the tag (an empty
 * tag too) and the digest dropped.
 */
export function applyImageOverride(image: string, o: ImageOverride): string {
  if (!matches(image, o.name)) return image;
  let { name, tag, digest } = split(image);
  if (o.newName) name = o.newName;
  if (o.newTag && o.digest) [tag, digest] = [o.newTag, o.digest];
  else if (o.newTag) [tag, digest] = [o.newTag, ""];
  else if (o.digest) [tag, digest] = ["", o.digest];
  else if (o.tagSuffix) [tag, digest] = [tag + o.tagSuffix, ""];
  return name + (tag ? `:${tag}` : "") + (digest ? `@${digest}` : "");
}

/**
 * How many times each `images` entry rewrites an image field: ImageTagTransformer runs the
 * LegacyFilter (every `image` of a list under a key `containers` or `initContainers`, at any
 * depth) and then the field-spec filter (spec/containers[]/image, spec/initContainers[]/image and
 * the same under spec/template/spec). A Pod's or a Deployment's containers are rewritten twice,
 * which only a tagSuffix shows: it is appended twice (kubernetes-sigs/kustomize#4814), a
 * CronJob's once. ephemeralContainers are not rewritten. `containerPath` ends with the list
 * field and the index.
 */
export function imagePasses(containerPath: Path): number {
  const field = containerPath[containerPath.length - 2];
  if (field !== "containers" && field !== "initContainers") return 0;
  const spec = containerPath.slice(0, -2).join("/");
  return spec === "spec" || spec === "spec/template/spec" ? 2 : 1;
}

/** The `images` entries of one kustomization or Component, applied in a build. */
export interface ImageStep {
  /** Display path of the kustomization file. */
  kustomization: string;
  overrides: readonly ImageOverride[];
}

/**
 * One `kustomize build` that emits an object: the kustomization built (not included by another
 * of the input) and the `images` steps applied to the object on the way, innermost first.
 */
export interface ImageBuild {
  /** Display path of the kustomization file built. */
  root: string;
  steps: readonly ImageStep[];
}

/** An image as some builds emit it. */
export interface EmittedImage {
  image: string;
  /** The kustomizations whose `images` last changed it (none: as written). */
  setBy: readonly string[];
  /** The builds that emit it (root kustomization files); none when no kustomization builds the object. */
  builds: readonly string[];
}

/**
 * The distinct images the builds of an object emit for the image written in a container at
 * `containerPath`, in build order; the image as written when no build includes the object.
 */
export function emittedImages(builds: readonly ImageBuild[] | undefined, written: string, containerPath: Path): EmittedImage[] {
  if (!builds?.length) return [{ image: written, setBy: [], builds: [] }];
  const passes = imagePasses(containerPath);
  const byImage = new Map<string, { image: string; setBy: string[]; builds: string[] }>();
  for (const build of builds) {
    let image = written;
    let setBy: string | undefined;
    for (const step of build.steps) {
      for (const o of step.overrides) {
        for (let i = 0; i < passes; i++) {
          const next = applyImageOverride(image, o);
          if (next !== image) [image, setBy] = [next, step.kustomization];
        }
      }
    }
    let emitted = byImage.get(image);
    if (!emitted) byImage.set(image, (emitted = { image, setBy: [], builds: [] }));
    if (setBy !== undefined && !emitted.setBy.includes(setBy)) emitted.setBy.push(setBy);
    if (!emitted.builds.includes(build.root)) emitted.builds.push(build.root);
  }
  return [...byImage.values()];
}

import { literalTagPart, parseImageReference } from "../../models/image.js";
import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";
import { judgedImages } from "./emitted-images.js";

export const rule = defineRule({
  id: "image-latest-tag",
  category: "workloads",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  judgesBuilds: true,
  summary: "A container image uses the latest tag, or no tag at all.",
  explanation: `An image without a tag means ":latest", and ":latest" moves. Different nodes end up running
different builds depending on when they pulled, a rollback re-deploys whatever latest is now,
and because imagePullPolicy defaults to Always for :latest every pod start needs the registry:
a registry outage or rate limit then turns restarts into ErrImagePull / ImagePullBackOff.
Images pinned by digest are fine whatever their tag. A \${...} placeholder in the registry or
repository (envsubst, Flux) does not hide the tag written after it: \${PREFIX}/app:latest is judged.
In a kustomize tree the image judged is the one
\`kustomize build\` emits: the \`images\` entries of the kustomizations that build the workload
(a base's own, and its overlays') apply first, and the finding names the kustomization that set it;
an image that some overlays' patches replace is judged in the builds that keep it, which the finding names.
An image that a Skaffold configuration (skaffold.yaml) in the manifest's folder or a folder above
builds (\`build.artifacts[].image\`) is not judged: Skaffold deploys the image it built and tagged
in its place.`,
  fix: "Pin a version tag (nginx:1.27.3) or a digest (nginx@sha256:...).",
  preventsStatus: ["ErrImagePull", "ImagePullBackOff", "ErrImageNeverPull"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    for (const { container, path } of containersOf(tpl, { init: true, ephemeral: false })) {
      if (typeof container.image !== "string" || container.image === "") continue;
      // The image kustomize emits, in each build: the first one that moves is reported.
      for (const { image, subject } of judgedImages(resource, container.image, path)) {
        // A ${...} placeholder in the repository leaves a tag written after it to judge.
        const literal = literalTagPart(image);
        const parsed = literal ? literal.parsed : parseImageReference(image);
        if (!parsed.ok || parsed.ref.digest) continue;
        const message = parsed.ref.tag === undefined ? `${subject} has no tag, so it means "${image}:latest"` : parsed.ref.tag === "latest" ? `${subject} uses the moving tag "latest"` : undefined;
        if (!message) continue;
        const within = literal && image === container.image ? { within: { start: literal.tagStart, end: image.length }, withinIsLiteral: true } : {};
        report({ path: [...path, "image"], message, hint: "pin a version tag or a digest", ...within });
        break;
      }
    }
  },
});

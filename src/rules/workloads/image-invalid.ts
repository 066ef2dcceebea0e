import { placeholderNote, placeholdersWithoutCapitals, replacePlaceholdersHint } from "../../models/catalogue/names.js";
import { hasEnvPlaceholder, literalTagPart, parseImageReference } from "../../models/image.js";
import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";
import { judgedImages } from "./emitted-images.js";

/** ko (ko.build) builds the Go program named after this prefix and writes its image by digest. */
const KO_PLACEHOLDER = "ko://";

export const rule = defineRule({
  id: "image-invalid",
  category: "workloads",
  severity: "error",
  appliesTo: "workloads",
  checksPatches: true,
  judgesBuilds: true,
  summary: "A container image is not a valid image reference.",
  explanation: `The kubelet parses each image with the container image reference grammar before pulling:
[registry[:port]/]repository[:tag][@digest], where the repository is lower case path components
separated by "/", a tag is up to 128 word characters, dots and dashes, and a digest is e.g.
sha256 with 64 lower-case hex digits. An image it cannot parse (upper case in the repository, an
empty tag after ":", a "//", a short digest, spaces) never gets pulled: the container stays
waiting with reason InvalidImageName and the pod never starts. A "ko://<Go import path>"
image is a placeholder of the ko build tool (Knative, Tekton), which \`ko resolve\` or
\`ko apply\` replaces with the built image by digest, so it is not judged. Likewise a placeholder
that the \`images\` entries of the kustomizations building the workload replace is judged as
\`kustomize build\` emits it, and an image that some overlays' patches replace is judged in the builds that
keep it, which the finding names. A \${...} placeholder in the registry or repository (envsubst, Flux)
leaves what is written after the last one to judge: the path components, tag and digest there
(envsubst's bare $NAME too). A placeholder a reader replaces by hand (<PROJECT_ID>, PROJECT_ID)
is still reported, and the hint is the value it stands for.`,
  fix: "Write the image as registry/repository:tag (lower-case repository), or pin it with @sha256:<64 hex digits>.",
  preventsStatus: ["InvalidImageName", "ErrImagePull", "ImagePullBackOff", "RegistryUnavailable", "RunContainerError", "StartError", "ContainerCannotRun"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    for (const { container, path } of containersOf(tpl, { init: true, ephemeral: true })) {
      if (typeof container.image !== "string" || container.image === "") continue;
      // The image kustomize emits, in each build (a placeholder its images entries replace is fine): the first invalid one is reported.
      for (const { image, subject } of judgedImages(resource, container.image, path)) {
        if (image.startsWith(KO_PLACEHOLDER)) continue;
        // A ${...} placeholder in the registry or repository: what is written after the last one is judged.
        const literal = literalTagPart(image);
        // A placeholder that may hold the tag (`$IMAGE_URL`, `app:${TAG}`): nothing written can be judged.
        if (!literal && hasEnvPlaceholder(image)) continue;
        const parsed = literal ? literal.parsed : parseImageReference(image);
        if (parsed.ok) continue;
        const within = literal && image === container.image ? { within: { start: literal.start, end: image.length }, withinIsLiteral: true } : {};
        // A placeholder a reader replaces by hand (<PROJECT_ID>, PROJECT_ID): the fix is its value, not a spelling of it.
        const placeholders = placeholdersWithoutCapitals(literal ? image.slice(literal.start) : image);
        if (placeholders.length) {
          // Why the placeholder does not parse (its capitals, its braces) is beside the point: it is to be replaced.
          report({ path: [...path, "image"], message: `${subject} is not a valid reference: ${placeholderNote(placeholders)}`, hint: replacePlaceholdersHint(placeholders), ...within });
        } else {
          report({ path: [...path, "image"], message: `${subject} is not a valid reference: ${parsed.error}`, hint: "write it as [registry[:port]/]repository[:tag][@sha256:digest] with a lower-case repository", ...within });
        }
        break;
      }
    }
  },
});

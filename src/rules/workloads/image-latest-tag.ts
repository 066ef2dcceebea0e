import { parseImageReference } from "../../models/image.js";
import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "image-latest-tag",
  category: "workloads",
  severity: "warning",
  appliesTo: "workloads",
  summary: "A container image uses the latest tag, or no tag at all.",
  explanation: `An image without a tag means ":latest", and ":latest" moves. Different nodes end up running
different builds depending on when they pulled, a rollback re-deploys whatever latest is now,
and because imagePullPolicy defaults to Always for :latest every pod start needs the registry:
a registry outage or rate limit then turns restarts into ErrImagePull / ImagePullBackOff.
Images pinned by digest are fine whatever their tag.`,
  fix: "Pin a version tag (nginx:1.27.3) or a digest (nginx@sha256:...).",
  preventsStatus: ["ErrImagePull", "ImagePullBackOff", "ErrImageNeverPull"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    for (const { container, path } of containersOf(tpl, { init: true, ephemeral: false })) {
      const image = container.image;
      if (typeof image !== "string" || image === "") continue;
      const parsed = parseImageReference(image);
      if (!parsed.ok || parsed.ref.digest) continue;
      if (parsed.ref.tag === undefined) {
        report({ path: [...path, "image"], message: `image "${image}" has no tag, so it means "${image}:latest"`, hint: "pin a version tag or a digest" });
      } else if (parsed.ref.tag === "latest") {
        report({ path: [...path, "image"], message: `image "${image}" uses the moving tag "latest"`, hint: "pin a version tag or a digest" });
      }
    }
  },
});

import { literalTagPart, parseImageReference } from "../../models/image.js";
import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";
import { judgedImages } from "../workloads/emitted-images.js";

/** Tags that name a channel, not a build: nginx:stable, node:lts-alpine, app:main. */
const CHANNEL = /^(stable|mainline|main|master|edge|dev|develop|development|nightly|canary|beta|alpha|lts|current|release|rolling|next|snapshot|unstable|testing|head|prod|production|staging)(-[a-z][a-z0-9.]*)?$/;
/**
 * A major version alone, re-pushed with every release of that major: postgres:16, node:20-alpine,
 * as Docker's official images tag them. major.minor is not judged: for some projects it is a full
 * version (postgres 16.4). Nor is a "v" number (gb-frontend:v5, guestbook:v3): more often a
 * project's release number, pushed once, than a moving major line.
 */
const PARTIAL_VERSION = /^\d{1,3}(-[a-z][a-z0-9.]*)?$/;

/** What the rule judges of a container: a build that JSON-patches either emits a container it cannot judge. */
const IMAGE_AND_POLICY: readonly string[] = ["image", "imagePullPolicy"];

export const rule = defineRule({
  id: "image-pull-policy-moving-tag",
  category: "hygiene",
  severity: "warning",
  presets: ["production"],
  appliesTo: "workloads",
  checksPatches: true,
  judgesBuilds: true,
  summary: "A container uses a tag that moves (stable, main, lts, a major version alone) without imagePullPolicy: Always.",
  explanation: `With imagePullPolicy IfNotPresent (the default for every tag except latest) a node pulls a
tag once and then runs whatever it has cached. A tag that moves (a channel such as stable, main
or lts, or a major version alone such as postgres:16 or node:20-alpine, which is re-pushed
with each release of that major; a "v" number such as gb-frontend:v5 is more often a release
pushed once, and is not judged) then means different builds on different nodes: two pods of one Deployment
run different code, a security fix pushed under the same tag never reaches nodes that pulled
before, and a rollback is not reproducible. kube-score (container-image-pull-policy) and Polaris
(pullPolicyNotAlways) ask for Always everywhere; this rule asks only where the tag moves. The
latest tag and untagged images are image-latest-tag's (recommended); images pinned by digest
are fine whatever their tag, and so is imagePullPolicy: Never, with which the kubelet never pulls
(the image is loaded onto the node by hand: kind load, a node image). In a kustomize tree the tag judged is the one \`kustomize build\`
emits, after the \`images\` entries of the kustomizations that build the workload (a build whose JSON or strategic-merge patch
sets the container's image or imagePullPolicy otherwise is left out, and the builds judged are named); an image a
Skaffold configuration above the manifest builds is not judged (Skaffold deploys its own build).`,
  fix: "Pin a full version (postgres:16.4) or a digest; if the tag must move, set imagePullPolicy: Always.",
  preventsStatus: [],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    for (const { container, path } of containersOf(tpl, { init: true, ephemeral: false })) {
      // Never: the kubelet never pulls; the image is loaded onto the node by hand (kind load, a node image), whatever its tag.
      if (typeof container.image !== "string" || container.imagePullPolicy === "Always" || container.imagePullPolicy === "Never") continue;
      // A patch that leaves imagePullPolicy out keeps the one its base sets.
      if (resource.partial && container.imagePullPolicy === undefined) continue;
      // The image kustomize emits, in each build: the first one that moves is reported.
      for (const { image, subject } of judgedImages(resource, container.image, path, IMAGE_AND_POLICY)) {
        // A ${...} placeholder in the repository leaves a tag written after it to judge.
        const literal = literalTagPart(image);
        const parsed = literal ? literal.parsed : parseImageReference(image);
        if (!parsed.ok || parsed.ref.digest || parsed.ref.tag === undefined) continue;
        const tag = parsed.ref.tag;
        const kind = CHANNEL.test(tag) ? "a channel" : PARTIAL_VERSION.test(tag) ? "a major version" : undefined;
        if (!kind) continue;
        // SetDefaults_Container: an empty imagePullPolicy is defaulted as an absent one.
        const explicit = container.imagePullPolicy !== undefined && container.imagePullPolicy !== "";
        const within = literal && !explicit && image === container.image ? { within: { start: literal.tagStart, end: image.length }, withinIsLiteral: true } : {};
        report({
          ...within,
          path: [...path, explicit ? "imagePullPolicy" : "image"],
          message: `${subject} uses tag "${tag}", ${kind} that moves, but imagePullPolicy is ${explicit ? container.imagePullPolicy : "IfNotPresent by default"}: nodes keep whichever build they pulled first`,
          hint: "pin a full version or a digest, or set imagePullPolicy: Always",
        });
        break;
      }
    }
  },
});

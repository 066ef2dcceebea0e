/**
 * Kustomize's images entry applied to one image, against the cases of kustomize's own tests
 * (api/filters/imagetag/imagetag_test.go, api/internal/image/image_test.go): the image written,
 * the entry, the image kustomize writes. Where a whole build is concerned (which builds, which
 * order, what is reported) the fixtures under fixtures/rules/image-*\/kustomize-*.set hold it.
 */
import { applyImageOverride, imageOverrides, imagePasses, type ImageOverride } from "../src/models/kustomize-images.js";

const DIGEST = "sha256:46d5b90a7f4e9996351ad893a26bcbd27216676ad4d5316088ce351fb2c2c3dd";

const cases: Array<[string, string, ImageOverride, string]> = [
  // imagetag_test.go "new Tag"
  ["a tag is replaced", "nginx:1.7.9", { name: "nginx", newTag: "v2" }, "nginx:v2"],
  ["latest is replaced", "nginx:latest", { name: "nginx", newTag: "v2" }, "nginx:v2"],
  ["no tag gets one", "nginx", { name: "nginx", newTag: "v2" }, "nginx:v2"],
  ["a new tag drops the digest", "nginx@sha256:111111111111111111", { name: "nginx", newTag: "v2" }, "nginx:v2"],
  ["another name is left", "foobar:1", { name: "nginx", newTag: "v2" }, "foobar:1"],
  ["a name is matched whole", "nginx-unprivileged:1.27", { name: "nginx", newTag: "v2" }, "nginx-unprivileged:1.27"],
  // "image with tag and digest new name", "... new name new tag", "... new tag and digest"
  ["a new name keeps tag and digest", `nginx:1.2.1@${DIGEST}`, { name: "nginx", newName: "apache" }, `apache:1.2.1@${DIGEST}`],
  ["a new name and tag drop the digest", `nginx:1.2.1@${DIGEST}`, { name: "nginx", newName: "apache", newTag: "1.3.0" }, "apache:1.3.0"],
  ["a new tag and digest are both written", `nginx:1.2.1@${DIGEST}`, { name: "nginx", newName: "apache", newTag: "1.3.0", digest: "sha256:xyz" }, "apache:1.3.0@sha256:xyz"],
  // "newDigest": a digest alone drops the tag
  ["a digest drops the tag", "nginx:1.7.9", { name: "nginx", digest: "sha256:222222222222222222" }, "nginx@sha256:222222222222222222"],
  // "updateimagesuffix"
  ["a suffix is appended to the tag", "redis:6.2.6", { name: "redis", tagSuffix: "-alpine" }, "redis:6.2.6-alpine"],
  ["a suffix of no tag starts with the separator", "redis", { name: "redis", tagSuffix: "-alpine" }, "redis:-alpine"],
  ["a new tag wins over a suffix", "redis:6.2.6", { name: "redis", newTag: "7", tagSuffix: "-alpine" }, "redis:7"],
  // image_test.go TestSplit: a registry's port is not a tag
  ["a registry port stays", "foo.com:443/nginx:1.2.3", { name: "foo.com:443/nginx", newTag: "1.3" }, "foo.com:443/nginx:1.3"],
  ["a registry port without tag", "foo.com:443/nginx", { name: "foo.com:443/nginx", newTag: "1.3" }, "foo.com:443/nginx:1.3"],
  // IsImageMatched: the name is a regular expression, which may carry a tag
  ["a name with a tag matches that tag", "redis:7.2", { name: "redis:7.2", newTag: "7.2.5" }, "redis:7.2.5"],
  ["a name with a tag does not match another", "redis:7.0", { name: "redis:7.2", newTag: "7.2.5" }, "redis:7.0"],
  ["a name with a tag does not match no tag", "redis", { name: "redis:7.2", newTag: "7.2.5" }, "redis"],
  ["the written name, not the normalised one", "docker.io/library/nginx", { name: "nginx", newTag: "v2" }, "docker.io/library/nginx"],
  ["a dot matches any character", "registryXexample/app", { name: "registry.example/app", newTag: "1" }, "registryXexample/app:1"],
  ["a name that is no regular expression matches nothing", "nginx", { name: "[", newTag: "v2" }, "nginx"],
  // Go's regular expressions run in linear time, JavaScript's backtrack: only the operators of image names are honoured.
  ["a pattern with other operators matches nothing", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", { name: "(a+)+", newTag: "v2" }, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"],
  ["braces in a tag still match", "nginx:{{.Tag}}", { name: "nginx", newTag: "v2" }, "nginx:v2"],
];

test.each(cases)("%s", (_what, written, override, emitted) => {
  expect(applyImageOverride(written, override)).toBe(emitted);
});

test("images entries are read as kustomize reads them: imageTags after images, an entry with a non-string field changes nothing", () => {
  const kustomization = {
    imageTags: [{ name: "redis", newTag: "7" }],
    images: [{ name: "nginx", newTag: "1.27.0" }, { name: "busybox", newTag: 1.36 }, { newTag: "1" }, "nginx", { name: "app", newName: "registry.example.test/app", digest: "" }],
  };
  expect(imageOverrides(kustomization)).toEqual([
    { name: "nginx", newTag: "1.27.0" },
    { name: "app", newName: "registry.example.test/app" },
    { name: "redis", newTag: "7" },
  ]);
});

test("the images transformer rewrites pod-template containers twice, a CronJob's once, ephemeral containers never", () => {
  expect(imagePasses(["spec", "template", "spec", "containers", 0])).toBe(2);
  expect(imagePasses(["spec", "initContainers", 1])).toBe(2);
  expect(imagePasses(["spec", "jobTemplate", "spec", "template", "spec", "containers", 0])).toBe(1);
  expect(imagePasses(["spec", "ephemeralContainers", 0])).toBe(0);
});

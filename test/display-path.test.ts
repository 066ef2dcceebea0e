/**
 * How reports name a file (engine/discover.ts displayPath): relative to the working directory,
 * absolute outside it.
 */
import { join, resolve, sep } from "node:path";
import { displayPath } from "../src/engine/discover.js";

const cwd = resolve("/work/repo");

test.each([
  ["a file of the working directory", join(cwd, "deploy.yaml"), "deploy.yaml"],
  ["a file in a folder below it, with forward slashes", join(cwd, "k8s", "base", "deploy.yaml"), "k8s/base/deploy.yaml"],
  ["a name that starts with two dots, inside", join(cwd, "..env.yaml"), "..env.yaml"],
  ["a folder that starts with two dots, inside", join(cwd, "..d", "x.yaml"), "..d/x.yaml"],
  ["a file beside the working directory: absolute", resolve(cwd, "..", "other", "x.yaml"), resolve(cwd, "..", "other", "x.yaml").split("\\").join("/")],
  ["the parent folder itself: absolute", resolve(cwd, ".."), resolve(cwd, "..").split("\\").join("/")],
  ["a dot file inside", join(cwd, ".k8s", "x.yaml"), ".k8s/x.yaml"],
  ["a path through the working directory's parent and back", `${cwd}${sep}..${sep}repo${sep}x.yaml`, "x.yaml"],
  ["a path with a doubled separator", `${cwd}${sep}a${sep}${sep}x.yaml`, "a/x.yaml"],
  ["a path with a dot segment", `${cwd}${sep}a${sep}.${sep}x.yaml`, "a/x.yaml"],
  ["a path whose first segment is a dot", `${cwd}${sep}.${sep}x.yaml`, "x.yaml"],
  ["a file whose name is two dots and more, in a dot folder", `${cwd}${sep}.k8s${sep}...yaml`, ".k8s/...yaml"],
  ["a path out of a dot folder and back up", `${cwd}${sep}.k8s${sep}..${sep}x.yaml`, "x.yaml"],
  ["a path with a dot segment after a dot folder", `${cwd}${sep}.k8s${sep}.${sep}x.yaml`, ".k8s/x.yaml"],
  ["a path that ends in a parent segment below a dot folder", `${cwd}${sep}.k8s${sep}a${sep}..`, ".k8s"],
  ["the working directory itself: absolute", cwd, cwd.split("\\").join("/")],
  ["a sibling whose name starts like the working directory: absolute", `${cwd}-other${sep}x.yaml`, `${cwd}-other${sep}x.yaml`.split("\\").join("/")],
])("%s", (_what, absolute, shown) => {
  expect(displayPath(absolute, cwd)).toBe(shown);
});

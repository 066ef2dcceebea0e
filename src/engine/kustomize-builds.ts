/**
 * The `kustomize build`s of the input that emit each file's objects, with the `images` entries
 * applied to them on the way (models/kustomize-images.ts judges what they do to an image).
 * Order within a kustomization follows kustomize api/internal/target/kusttarget.go
 * accumulateTarget: its resources (a base directory built completely, its own transformers
 * included), then its components in order (each adds its resources and then runs its
 * transformers on everything accumulated so far), then its own transformers. A build is a
 * kustomization that no other kustomization of the input includes: a base used by overlays is
 * built through each of them, a base nothing includes is built alone.
 */
import { basename, dirname, resolve } from "node:path";
import { componentEntries, isKustomization, resourceEntries } from "../models/kustomization.js";
import { imageOverrides, type ImageBuild, type ImageOverride, type ImageStep } from "../models/kustomize-images.js";
import { STDIN } from "./discover.js";
import type { LoadedFile } from "./load.js";

/** Builds reached from one file, at most: a deeper fan-out of overlays is judged by its first ones. */
const MAX_BUILDS = 64;

interface Kustomization {
  display: string;
  resources: string[];
  components: string[];
  overrides: ImageOverride[];
  /** Who includes it: a kustomization, and -1 (its `resources`) or the index of its `components` entry. */
  includedBy: Array<{ by: string; position: number }>;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The builds of each file (by absolute path), or undefined when no build changes an image of it. */
export function imageBuilds(loaded: readonly LoadedFile[]): (absolute: string) => readonly ImageBuild[] | undefined {
  const nodes = new Map<string, Kustomization>();
  let anyImages = false;
  for (const { file, docs } of loaded) {
    if (file.absolute === STDIN) continue;
    for (const doc of docs) {
      if (!isMap(doc.value) || !isKustomization(basename(file.absolute), doc.value)) continue;
      const dir = dirname(file.absolute);
      let node = nodes.get(dir);
      if (!node) nodes.set(dir, (node = { display: file.display, resources: [], components: [], overrides: [], includedBy: [] }));
      node.resources.push(...resourceEntries(doc.value).map((r) => resolve(dir, r)));
      node.components.push(...componentEntries(doc.value).map((c) => resolve(dir, c)));
      node.overrides.push(...imageOverrides(doc.value));
      anyImages ||= node.overrides.length > 0;
    }
  }
  if (!anyImages) return () => undefined;
  /** File -> the kustomizations that list it under `resources`. */
  const listedBy = new Map<string, string[]>();
  for (const [dir, node] of nodes) {
    for (const r of node.resources) {
      const base = nodes.get(r);
      if (base) base.includedBy.push({ by: dir, position: -1 });
      else if (!listedBy.get(r)?.includes(dir)) listedBy.set(r, [...(listedBy.get(r) ?? []), dir]);
    }
    node.components.forEach((c, i) => nodes.get(c)?.includedBy.push({ by: dir, position: i }));
  }

  const inProgress = new Set<string>();
  /** The steps a kustomization applies to an object that joins it at `position` (-1: its resources; i: its i-th component). */
  const stepsWithin = (dir: string, position: number): ImageStep[] => {
    const node = nodes.get(dir)!;
    const steps: ImageStep[] = [];
    node.components.forEach((c, i) => {
      // A component applied in a cycle is an error of kustomize; it adds nothing here.
      if (i <= position || !nodes.has(c) || inProgress.has(c)) return;
      inProgress.add(c);
      steps.push(...stepsWithin(c, -1));
      inProgress.delete(c);
    });
    if (node.overrides.length) steps.push({ kustomization: node.display, overrides: node.overrides });
    return steps;
  };
  const upward = new Map<string, ImageBuild[]>();
  /** The builds an object takes from joining `dir` at `position` to each root. */
  const buildsFrom = (dir: string, position: number): ImageBuild[] => {
    const key = `${dir}\u0000${position}`;
    const known = upward.get(key);
    if (known) return known;
    const within = stepsWithin(dir, position);
    const node = nodes.get(dir)!;
    const out: ImageBuild[] = [];
    if (!node.includedBy.length) out.push({ root: node.display, steps: within });
    inProgress.add(dir);
    for (const { by, position: at } of node.includedBy) {
      if (inProgress.has(by)) continue;
      for (const b of buildsFrom(by, at)) {
        if (out.length >= MAX_BUILDS) break;
        out.push({ root: b.root, steps: [...within, ...b.steps] });
      }
    }
    inProgress.delete(dir);
    upward.set(key, out);
    return out;
  };

  const perFile = new Map<string, readonly ImageBuild[] | undefined>();
  return (absolute) => {
    if (perFile.has(absolute)) return perFile.get(absolute);
    const builds = (listedBy.get(absolute) ?? []).flatMap((dir) => buildsFrom(dir, -1)).slice(0, MAX_BUILDS);
    const found = builds.some((b) => b.steps.length) ? builds : undefined;
    perFile.set(absolute, found);
    return found;
  };
}

/**
 * The `kustomize build`s of the input that emit each file's objects, with the `images` entries
 * applied to them on the way (models/kustomize-images.ts judges what they do to an image) and
 * the labels added to them (models/kustomize-labels.ts).
 * Order within a kustomization follows kustomize api/internal/target/kusttarget.go
 * accumulateTarget: its resources (a base directory built completely, its own transformers
 * included), then its components in order (each adds its resources and then runs its
 * transformers on everything accumulated so far), then its own transformers. A build is a
 * kustomization that no other kustomization of the input includes: a base used by overlays is
 * built through each of them, a base nothing includes is built alone.
 */
import { basename, dirname, resolve } from "node:path";
import { componentEntries, isKustomization, resourceEntries } from "../models/kustomization.js";
import { imageOverrides, type ImageBuild, type ImageOverride } from "../models/kustomize-images.js";
import { agreedLabels, labelTransformers, type LabelTransformer } from "../models/kustomize-labels.js";
import { STDIN } from "./discover.js";
import type { LoadedFile } from "./load.js";

/** Builds reached from one file, at most: a deeper fan-out of overlays is judged by its first ones. */
const MAX_BUILDS = 64;

interface Kustomization {
  display: string;
  resources: string[];
  components: string[];
  overrides: ImageOverride[];
  labels: LabelTransformer[];
  /** Who includes it: a kustomization, and -1 (its `resources`) or the index of its `components` entry. */
  includedBy: Array<{ by: string; position: number }>;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The transformers of one kustomization or Component that a build runs on an object. */
interface BuildStep {
  kustomization: string;
  overrides: readonly ImageOverride[];
  labels: readonly LabelTransformer[];
}

interface Build {
  root: string;
  steps: readonly BuildStep[];
}

/** What the builds of the input do to the objects of a file (by absolute path). */
export interface FileBuilds {
  /** The builds that emit the file's objects, or undefined when none changes an image of them. */
  imageBuildsOf(absolute: string): readonly ImageBuild[] | undefined;
  /** The labels added to the file's objects in every build that emits them (agreedLabels), or undefined when none adds any. */
  labelsOf(absolute: string): readonly LabelTransformer[] | undefined;
}

const NO_BUILDS: FileBuilds = { imageBuildsOf: () => undefined, labelsOf: () => undefined };

export function kustomizeBuilds(loaded: readonly LoadedFile[]): FileBuilds {
  const nodes = new Map<string, Kustomization>();
  let anyTransformer = false;
  for (const { file, docs } of loaded) {
    if (file.absolute === STDIN) continue;
    for (const doc of docs) {
      if (!isMap(doc.value) || !isKustomization(basename(file.absolute), doc.value)) continue;
      const dir = dirname(file.absolute);
      let node = nodes.get(dir);
      if (!node) nodes.set(dir, (node = { display: file.display, resources: [], components: [], overrides: [], labels: [], includedBy: [] }));
      node.resources.push(...resourceEntries(doc.value).map((r) => resolve(dir, r)));
      node.components.push(...componentEntries(doc.value).map((c) => resolve(dir, c)));
      node.overrides.push(...imageOverrides(doc.value));
      node.labels.push(...labelTransformers(doc.value));
      anyTransformer ||= node.overrides.length > 0 || node.labels.length > 0;
    }
  }
  if (!anyTransformer) return NO_BUILDS;
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
  const stepsWithin = (dir: string, position: number): BuildStep[] => {
    const node = nodes.get(dir)!;
    const steps: BuildStep[] = [];
    node.components.forEach((c, i) => {
      // A component applied in a cycle is an error of kustomize; it adds nothing here.
      if (i <= position || !nodes.has(c) || inProgress.has(c)) return;
      inProgress.add(c);
      steps.push(...stepsWithin(c, -1));
      inProgress.delete(c);
    });
    if (node.overrides.length || node.labels.length) steps.push({ kustomization: node.display, overrides: node.overrides, labels: node.labels });
    return steps;
  };
  const upward = new Map<string, Build[]>();
  /** The builds an object takes from joining `dir` at `position` to each root. */
  const buildsFrom = (dir: string, position: number): Build[] => {
    const key = `${dir}\u0000${position}`;
    const known = upward.get(key);
    if (known) return known;
    const within = stepsWithin(dir, position);
    const node = nodes.get(dir)!;
    const out: Build[] = [];
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

  const perFile = new Map<string, readonly Build[]>();
  const buildsOf = (absolute: string): readonly Build[] => {
    let builds = perFile.get(absolute);
    if (!builds) perFile.set(absolute, (builds = (listedBy.get(absolute) ?? []).flatMap((dir) => buildsFrom(dir, -1)).slice(0, MAX_BUILDS)));
    return builds;
  };
  return {
    imageBuildsOf(absolute) {
      const builds = buildsOf(absolute);
      if (!builds.some((b) => b.steps.some((s) => s.overrides.length))) return undefined;
      return builds.map((b) => ({ root: b.root, steps: b.steps.filter((s) => s.overrides.length).map((s) => ({ kustomization: s.kustomization, overrides: s.overrides })) }));
    },
    labelsOf(absolute) {
      const builds = buildsOf(absolute);
      if (!builds.some((b) => b.steps.some((s) => s.labels.length))) return undefined;
      const agreed = agreedLabels(builds.map((b) => b.steps.flatMap((s) => s.labels)));
      return agreed.length ? agreed : undefined;
    },
  };
}

/**
 * `--per-directory`: example and multi-environment repositories hold several desired states side
 * by side (overlays/dev and overlays/prod, one folder per sample). Each directory with a
 * kustomization is then an input set of its own, with what its kustomization includes (the
 * files and directories under `resources` and `components`, transitively, as `kustomize build`
 * reads them); the files of a Component belong to the first kustomization that applies it (a
 * Component is a fragment, not a desired state); a file under no kustomization belongs to its
 * sample folder: the first folder on its path below the directory all inputs share that holds
 * an input file itself (web/app-a, not web/, when web/ holds only sample folders), so a sample's
 * set does not depend on which other folders the run names. A folder where the definitions of
 * one object in two folders meet (examples/standard/ for a Gateway of one name in its own file
 * and in udp-routing/) holds samples side by side: each folder below it that holds manifests is a
 * sample of its own, while files above and beside it stay in their sample (forkFolders). A file
 * below a kustomization that names it nowhere (a rendered all-in-one manifest shipped beside a
 * kustomize base) is not part of its build: it is in the sample folder it sits in below the
 * kustomization's directory, and the files the kustomization leaves out at its own level are a
 * set of their own. A folder where two files outside a kustomize build define one object (Kong's
 * examples/ of single-file samples, Contour's examples/render/ with alternative all-in-one
 * installs its kustomization leaves out) holds samples side by side: each file directly in it is
 * a set of its own, those that redefine nothing too, seeing the files there that hold only what
 * an application is installed with (RBAC, namespaces, CRDs, configuration) and redefine none of
 * its objects, while its subfolders keep their rules (sideBySideFolders).
 * Duplicates and selection look only inside a set (references by name may reach the whole
 * input: see ResourceIndex).
 */
import { basename, dirname, relative, resolve, sep } from "node:path";
import { realOf } from "./entry-paths.js";
import { turnedOffResources } from "./turned-off-resources.js";
import { groupKind } from "../models/api-groups.js";
import { CLUSTER_SCOPED_KINDS } from "../models/k8s.js";
import { componentEntries, configurationEntries, isKustomization, patchFiles, pluginConfigFiles, resourceEntries } from "../models/kustomization.js";
import { STDIN } from "./discover.js";
import { nameWithDefaults } from "./placeholders.js";
import type { LoadedFile } from "./load.js";

export interface InputSets {
  /** The set a file belongs to (its key: a directory, the file itself for a sample of one file, or "" for stdin). */
  homeOf(absolute: string): string;
  /** The sets whose files a set's cross-resource lookups see: itself and what its kustomization includes (for a base several include, what they build). */
  visibleFrom(set: string): View;
  /** Whether `kustomize build` of the kustomization directory `root` reads the file. */
  inBuildOf(root: string, absolute: string): boolean;
  /** What `kustomize build` of the kustomization directory `root` reads: the sets and files. */
  buildOf(root: string): { sets: ReadonlySet<string>; files: ReadonlySet<string> };
}

/** What a set sees: the sets and files of the builds of `roots` (the set itself, or the kustomizations that include it). */
export interface View {
  sets: ReadonlySet<string>;
  files: ReadonlySet<string>;
  roots: readonly string[];
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `defaultNamespace`: the namespace of an object written without one, as the run places it (an object's identity, objectId). */
export function inputSets(loaded: readonly LoadedFile[], defaultNamespace: string): InputSets {
  const files = loaded.map((l) => l.file.absolute).filter((a) => a !== STDIN);
  const root = commonDirectory(files);
  /** The directories that hold an input file themselves. */
  const holding = new Set(files.map((f) => dirname(f)));
  /** Kustomization directory -> what its `resources` name (absolute paths). */
  const kustomizations = new Map<string, string[]>();
  /** Kustomization directory -> the files it names in any field, and its own file (absolute paths). */
  const named = new Map<string, Set<string>>();
  for (const { file, docs } of loaded) {
    if (file.absolute === STDIN) continue;
    for (const doc of docs) {
      if (!isMap(doc.value) || !isKustomization(basename(file.absolute), doc.value)) continue;
      const dir = dirname(file.absolute);
      const included = [...resourceEntries(doc.value), ...componentEntries(doc.value)].map((r) => resolve(dir, r));
      kustomizations.set(dir, [...(kustomizations.get(dir) ?? []), ...included]);
      let names = named.get(dir);
      if (!names) named.set(dir, (names = new Set()));
      names.add(file.absolute);
      for (const entry of [...included, ...patchFiles(doc.value), ...pluginConfigFiles(doc.value), ...configurationEntries(doc.value)]) names.add(resolve(dir, entry));
    }
  }
  // A resource file a kustomization turns off with a comment is in its build, as if turned on (turned-off-resources.ts).
  const turnedOff = turnedOffResources(loaded);
  if (turnedOff.size) {
    const absoluteOf = new Map(loaded.map((l) => [realOf(l.file), l.file.absolute]));
    const folderOf = new Map(loaded.map((l) => [dirname(realOf(l.file)), dirname(l.file.absolute)]));
    for (const [real, folder] of turnedOff) {
      const dir = folderOf.get(folder);
      const file = absoluteOf.get(real);
      if (dir === undefined || file === undefined || !kustomizations.has(dir)) continue;
      kustomizations.get(dir)!.push(file);
      named.get(dir)!.add(file);
    }
  }
  /** Component directory -> the first kustomization that applies it. */
  const appliedBy = new Map<string, string>();
  for (const { file, docs } of loaded) {
    if (file.absolute === STDIN) continue;
    for (const doc of docs) {
      if (!isMap(doc.value) || !isKustomization(basename(file.absolute), doc.value)) continue;
      const dir = dirname(file.absolute);
      for (const c of componentEntries(doc.value)) if (!appliedBy.has(resolve(dir, c))) appliedBy.set(resolve(dir, c), dir);
    }
  }
  /** Kustomization directory -> the kustomizations whose `resources` include it. */
  const includedBy = new Map<string, Set<string>>();
  for (const [dir, entries] of kustomizations) {
    for (const entry of entries) if (entry !== dir && kustomizations.has(entry)) (includedBy.get(entry) ?? includedBy.set(entry, new Set()).get(entry)!).add(dir);
  }
  /** The one kustomization that includes a base, when only one does: the base is built only as part of it. */
  const soleIncluder = (dir: string): string | undefined => {
    const by = includedBy.get(dir);
    return by?.size === 1 ? [...by][0] : undefined;
  };
  const forks = forkFolders(loaded, root, kustomizations, defaultNamespace);
  /** What `kustomize build` of `set` reads: it and, transitively, the kustomizations and files its `resources` and `components` name. */
  const built = new Map<string, { sets: Set<string>; files: Set<string> }>();
  const buildOf = (set: string): { sets: Set<string>; files: Set<string> } => {
    let v = built.get(set);
    if (v) return v;
    v = { sets: new Set(), files: new Set() };
    const queue = [set];
    while (queue.length) {
      const s = queue.pop()!;
      if (v.sets.has(s)) continue;
      v.sets.add(s);
      for (const entry of kustomizations.get(s) ?? []) {
        if (kustomizations.has(entry)) queue.push(entry);
        else v.files.add(entry);
      }
    }
    built.set(set, v);
    return v;
  };
  /**
   * A set's view: its build, and for a base that several kustomizations include (overlays/dev and
   * overlays/prod of one base/), the builds of those kustomizations (`roots`): its objects are
   * applied as part of them, so what an overlay adds (the PodDisruptionBudget or NetworkPolicy of
   * the base's Deployment) is there for them; the cross-resource rules judge its objects in each
   * of those builds apart (perBuild). Only the kustomizations that include it directly: a
   * platform build that includes those overlays among many others (kubeflow's example/) would
   * make the view the whole input again. The overlays' own views stay apart.
   */
  const visible = new Map<string, View>();
  const visibleFrom = (set: string): View => {
    let v = visible.get(set);
    if (v) return v;
    const includers = includedBy.get(set);
    const folder = sideBySide.get(dirname(set));
    if (folder?.files.has(set)) {
      // A file of a folder of samples side by side sees itself and the files it is applied with: those that hold only what an
      // application is installed with and redefine none of its objects.
      const conflicts = folder.conflicts.get(set);
      const sets = new Set([set]);
      for (const f of folder.supporting) if (!conflicts?.has(f)) sets.add(f);
      v = { sets, files: new Set(), roots: [set] };
    } else if (!includers || includers.size < 2) {
      v = { ...buildOf(set), roots: [set] };
    } else {
      const sets = new Set<string>();
      const files = new Set<string>();
      for (const root of includers) {
        const b = buildOf(root);
        for (const x of b.sets) sets.add(x);
        for (const f of b.files) files.add(f);
      }
      v = { sets, files, roots: [...includers] };
    }
    visible.set(set, v);
    return v;
  };
  /** The nearest kustomization directory above a file, up to the shared root. */
  const nearestKustomization = (absolute: string): string | undefined => {
    for (let dir = dirname(absolute); ; dir = dirname(dir)) {
      if (kustomizations.has(dir)) return dir;
      if (dir === root || dirname(dir) === dir || !isInside(dir, root)) return undefined;
    }
  };
  /** Part of a kustomize build: the nearest kustomization above it names it (a file it names nowhere is not read by `kustomize build`). */
  const inBuild = (absolute: string, kustomization: string): boolean => named.get(kustomization)!.has(absolute) || buildOf(kustomization).files.has(absolute);
  const sideBySide = sideBySideFolders(loaded, (absolute) => {
    const kustomization = nearestKustomization(absolute);
    return kustomization === undefined || !inBuild(absolute, kustomization);
  }, defaultNamespace);
  const homes = new Map<string, string>();
  const homeOf = (absolute: string): string => {
    if (absolute === STDIN) return "";
    let home = homes.get(absolute);
    if (home !== undefined) return home;
    const kustomization = nearestKustomization(absolute);
    if (kustomization !== undefined && inBuild(absolute, kustomization)) {
      let built = kustomization;
      // A Component is judged where it is applied, and a base that one kustomization alone includes with that build (keda's
      // config/manager with config/default, which adds its RBAC); the bound guards against kustomizations that include each other.
      for (let hops = 0; hops < 32; hops++) {
        const next = appliedBy.get(built) ?? soleIncluder(built);
        if (next === undefined) break;
        built = next;
      }
      home = built;
    } else if (sideBySide.has(dirname(absolute))) {
      home = absolute;
    } else if (kustomization !== undefined) {
      // Below a kustomization that names it nowhere: in a sample folder of its own below the
      // kustomization's directory, or with the other files it leaves out at its own level.
      const sample = sampleFolder(absolute, kustomization, holding, forks);
      home = sample === kustomization ? `${kustomization}${sep}\u0000unlisted` : sample;
    } else {
      home = sampleFolder(absolute, root, holding, forks);
    }
    homes.set(absolute, home);
    return home;
  };
  const inBuildOf = (root: string, absolute: string): boolean => {
    const build = buildOf(root);
    if (build.files.has(absolute)) return true;
    const kustomization = nearestKustomization(absolute);
    return kustomization !== undefined && build.sets.has(kustomization) && inBuild(absolute, kustomization);
  };
  return { homeOf, visibleFrom, inBuildOf, buildOf };
}

/**
 * The first folder on the path of `absolute` below `root` that holds an input file itself, or,
 * below a fork folder (forkFolders) on the path, the first such folder after the fork; `root`
 * for a file of the root.
 */
function sampleFolder(absolute: string, root: string, holding: ReadonlySet<string>, forks: ReadonlySet<string>): string {
  const parts = relative(root, absolute).split(sep);
  let home = root;
  let found = false;
  let split = false;
  let dir = root;
  // The file's own folder holds it: the loop ends there at the latest.
  for (const part of parts.slice(0, -1)) {
    dir = resolve(dir, part);
    if (holding.has(dir) && (!found || split)) {
      home = dir;
      found = true;
      split = false;
    }
    if (forks.has(dir)) split = true;
  }
  return home;
}

/**
 * The fork folders (at or below `root`): where two different folders that define one object
 * (group, kind, namespace, name: objectId) meet, their nearest common folder. Alternative
 * samples sit side by side below it, as in Gateway API's examples/standard/ and its
 * udp-routing/; the folders above it are not split for it (a sample whose variants sit in v/a and
 * v/b keeps its other folders together). Files under a kustomization are its build's, not
 * samples, and are not counted; two files of one folder defining an object do not make it a fork
 * (the folder's files are then samples apart: sideBySideFolders).
 * Each object's folders are counted up to `root` once each: linear in objects times depth.
 */
function forkFolders(loaded: readonly LoadedFile[], root: string, kustomizations: ReadonlyMap<string, unknown>, defaultNamespace: string): Set<string> {
  const underKustomization = (dir: string): boolean => {
    for (let d = dir; ; d = dirname(d)) {
      if (kustomizations.has(d)) return true;
      if (d === root || dirname(d) === d || !isInside(d, root)) return false;
    }
  };
  /** Object identity -> the folders that define it. */
  const definedIn = new Map<string, Set<string>>();
  for (const { file, docs } of loaded) {
    if (file.absolute === STDIN) continue;
    const dir = dirname(file.absolute);
    if (underKustomization(dir)) continue;
    for (const { value } of docs) {
      const id = objectId(value, defaultNamespace);
      if (id === undefined) continue;
      let dirs = definedIn.get(id);
      if (!dirs) definedIn.set(id, (dirs = new Set()));
      dirs.add(dir);
    }
  }
  const out = new Set<string>();
  for (const dirs of definedIn.values()) {
    if (dirs.size < 2) continue;
    // How many of the defining folders each folder holds (itself included), and the most any one of its subfolders holds.
    const holds = new Map<string, number>();
    for (const dir of dirs) {
      for (let d = dir; isInside(d, root); d = dirname(d)) {
        holds.set(d, (holds.get(d) ?? 0) + 1);
        if (d === root || dirname(d) === d) break;
      }
    }
    const inOneChild = new Map<string, number>();
    for (const [d, n] of holds) if (d !== root) inOneChild.set(dirname(d), Math.max(inOneChild.get(dirname(d)) ?? 0, n));
    // A fork: two of them below it (or it and one below) are not all in one subfolder.
    for (const [d, n] of holds) if (n >= 2 && (inOneChild.get(d) ?? 0) < n) out.add(d);
  }
  return out;
}

/**
 * The folders that hold samples side by side, one a file: two files directly in the folder, neither
 * part of a kustomize build (`free`), define one object (objectId), as Kong's examples/ does with
 * Service "echo" or Contour's examples/render/ with the all-in-one installs its kustomization
 * leaves out. For each such folder, its free files, the files among them that hold only what an
 * application is installed with (SHARED_KINDS), and for each file that redefines an object of
 * another, those others. A file goes with each file of its folder that holds only such kinds and
 * redefines none of its objects (kamatera's rbac.yaml with either variant of the autoscaler's
 * Deployment; Rook's common.yaml, itself a variant of common-external.yaml, with operator.yaml and
 * operator-openshift.yaml); a file with workloads or Services is a sample of its own (Kong's
 * echo-worker.yaml, whose pods carry the labels of the other samples' "echo"). Linear in objects
 * and in the pairs of files of a folder that define one object.
 */
function sideBySideFolders(loaded: readonly LoadedFile[], free: (absolute: string) => boolean, defaultNamespace: string): Map<string, SideBySide> {
  /** Folder and object identity -> the files of the folder that define it. */
  const definedBy = new Map<string, string[]>();
  const folders = new Map<string, SideBySide>();
  const freeFiles = new Map<string, string[]>();
  const supporting = new Set<string>();
  for (const { file, docs } of loaded) {
    if (file.absolute === STDIN || !free(file.absolute)) continue;
    const dir = dirname(file.absolute);
    const inDir = freeFiles.get(dir);
    if (inDir) inDir.push(file.absolute);
    else freeFiles.set(dir, [file.absolute]);
    if (docs.length && docs.every(({ value }) => isMap(value) && typeof value.kind === "string" && SHARED_KINDS.has(value.kind))) supporting.add(file.absolute);
    for (const { value } of docs) {
      const id = objectId(value, defaultNamespace);
      if (id === undefined) continue;
      const key = `${dir}\u0000${id}`;
      const files = definedBy.get(key);
      if (!files) {
        definedBy.set(key, [file.absolute]);
        continue;
      }
      if (files.includes(file.absolute)) continue;
      let folder = folders.get(dir);
      if (!folder) folders.set(dir, (folder = { files: new Set(), supporting: [], conflicts: new Map() }));
      for (const other of files) {
        (folder.conflicts.get(other) ?? folder.conflicts.set(other, new Set()).get(other)!).add(file.absolute);
        (folder.conflicts.get(file.absolute) ?? folder.conflicts.set(file.absolute, new Set()).get(file.absolute)!).add(other);
      }
      files.push(file.absolute);
    }
  }
  for (const [dir, folder] of folders) {
    folder.files = new Set(freeFiles.get(dir));
    folder.supporting = [...folder.files].filter((f) => supporting.has(f));
  }
  return folders;
}

/**
 * The kinds an application is installed with rather than run as: its namespace, identities and
 * permissions, API types, configuration and scheduling classes. A file of a side-by-side folder
 * that holds only these goes with each file there whose objects it does not redefine.
 */
const SHARED_KINDS: ReadonlySet<string> = new Set([
  "Namespace",
  "ServiceAccount",
  "Role",
  "ClusterRole",
  "RoleBinding",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "ConfigMap",
  "Secret",
  "PriorityClass",
  "StorageClass",
  "ResourceQuota",
  "LimitRange",
]);

/** A folder of samples side by side: its files outside kustomize builds, and which of them redefine each other's objects. */
interface SideBySide {
  files: Set<string>;
  /** The files that hold only SHARED_KINDS. */
  supporting: string[];
  /** A file that redefines an object of others -> those others. */
  conflicts: Map<string, Set<string>>;
}

/**
 * An object's identity: group, kind, namespace, name, as the duplicate check reads them (an
 * omitted namespace is the run's default one; a cluster-scoped kind has none; placeholders with
 * defaults read as their defaults, as the index reads them: kubernetes-engine-samples' copy of an
 * RBAC file with `${ROLE_NAME:-metrics-reader}` defines the same objects).
 */
function objectId(value: unknown, defaultNamespace: string): string | undefined {
  if (!isMap(value) || !isMap(value.metadata)) return undefined;
  const { apiVersion, kind } = value;
  const { name, namespace } = value.metadata;
  if (typeof apiVersion !== "string" || typeof kind !== "string" || typeof name !== "string") return undefined;
  const placed = CLUSTER_SCOPED_KINDS.has(kind) ? "" : typeof namespace === "string" && namespace !== "" ? nameWithDefaults(namespace) : defaultNamespace;
  return `${groupKind(apiVersion, kind)}\u0000${placed}\u0000${nameWithDefaults(name)}`;
}

function isInside(dir: string, root: string): boolean {
  const rel = relative(root, dir);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep));
}

/** The deepest directory that contains every file. */
function commonDirectory(files: readonly string[]): string {
  if (!files.length) return "";
  let common = dirname(files[0]);
  for (const f of files) while (!isInside(dirname(f), common) && dirname(common) !== common) common = dirname(common);
  return common;
}

/** The resources of each set (by home) and of each file, in input order. */
function grouped<R>(sets: InputSets, resources: readonly R[], absoluteOf: (r: R) => string): { byHome: Map<string, R[]>; byFile: Map<string, R[]> } {
  const byHome = new Map<string, R[]>();
  const byFile = new Map<string, R[]>();
  for (const r of resources) {
    const abs = absoluteOf(r);
    const home = sets.homeOf(abs);
    const inHome = byHome.get(home);
    if (inHome) inHome.push(r);
    else byHome.set(home, [r]);
    const inFile = byFile.get(abs);
    if (inFile) inFile.push(r);
    else byFile.set(abs, [r]);
  }
  return { byHome, byFile };
}

/** The members of the sets and files named, by id. */
function membersOf<R extends { id: number }>(view: { sets: ReadonlySet<string>; files: ReadonlySet<string> }, { byHome, byFile }: { byHome: Map<string, R[]>; byFile: Map<string, R[]> }): R[] {
  const members = new Set<R>();
  for (const s of view.sets) for (const m of byHome.get(s) ?? []) members.add(m);
  for (const f of view.files) for (const m of byFile.get(f) ?? []) members.add(m);
  return [...members].sort((a, b) => a.id - b.id);
}

/**
 * One lookup structure per input set, built on first use from the resources the set sees, in
 * input order (the first definition stays the one duplicates point at).
 */
export function perSet<T, R extends { id: number }>(sets: InputSets, resources: readonly R[], absoluteOf: (r: R) => string, build: (members: R[], home: string) => T): (r: R) => T {
  const groups = grouped(sets, resources, absoluteOf);
  const built = new Map<string, T>();
  return (r) => {
    const home = sets.homeOf(absoluteOf(r));
    let out = built.get(home);
    if (out === undefined) {
      out = build(membersOf(sets.visibleFrom(home), groups), home);
      built.set(home, out);
    }
    return out;
  };
}

/**
 * For a resource of a set that several builds include (a base under several overlays), one lookup
 * structure per build, from the resources that build reads (`root`: the kustomization directory);
 * undefined for the others. Each build's structure is made once.
 */
export function perBuild<T, R extends { id: number }>(sets: InputSets, resources: readonly R[], absoluteOf: (r: R) => string, build: (members: R[], root: string) => T): (r: R) => readonly T[] | undefined {
  const groups = grouped(sets, resources, absoluteOf);
  const built = new Map<string, T>();
  return (r) => {
    const { roots } = sets.visibleFrom(sets.homeOf(absoluteOf(r)));
    if (roots.length < 2) return undefined;
    return roots.map((root) => {
      let out = built.get(root);
      if (out === undefined) {
        out = build(membersOf(sets.buildOf(root), groups), root);
        built.set(root, out);
      }
      return out;
    });
  };
}

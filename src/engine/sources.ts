/**
 * The state a run keeps per input file, handed from stage to stage: collect fills it, the
 * diagnostics and suppress stages add to and filter its diagnostics, result reads it.
 */
import type { ParsedDocument } from "../models/document.js";
import type { ImageBuild } from "../models/kustomize-images.js";
import type { LabelTransformer } from "../models/kustomize-labels.js";
import type { BuiltNamespace, NamespaceSource } from "../models/kustomize-namespace.js";
import type { ReferralBuilds } from "../models/kustomize-nameref.js";
import type { GeneratorMerge, JsonPatchBuilds, NameAffixes, StrategicPatchBuilds } from "../models/kustomization.js";
import type { ConfigurationDocument, Diagnostic } from "../types.js";
import { LineIndex } from "./positions.js";

/** A file's text, its documents, and what the run found in it. */
export interface SourceFile {
  display: string;
  text: string;
  docs: ParsedDocument[];
  lines?: LineIndex;
  resources: number;
  skipped: number;
  /** The custom resources no CRD of the input nor bundled schema describes, as `Kind.group` (counted in `skipped` too). */
  unchecked: string[];
  /** Read for the index only (`--context`): not reported on. */
  contextOnly: boolean;
  diagnostics: EngineDiagnostic[];
  /** A kustomization applies the file as a patch: its objects are partial. */
  patch: boolean;
  /** For objects without metadata.namespace: the namespace a kustomization or Flux Kustomization gives them (namespaceSource), else the run's. */
  defaultNamespace: string;
  /** Whether namespaceSource, or the default namespace the user set, gives defaultNamespace (rather than the assumed "default"). */
  namespaceAssigned?: boolean;
  /** The kustomization (or Flux Kustomization) that sets the namespace of the file's objects. */
  namespaceSource?: NamespaceSource;
  /** The one that sets the other namespace fields kustomize sets (models/kustomize-namespace.ts BuiltNamespace.renamed). */
  renameSource?: NamespaceSource;
  /** The namespaces the kustomize builds that emit the file's objects give them (models/kustomize-namespace.ts BuiltNamespace). */
  builtNamespace?: BuiltNamespace;
  /** The kustomize builds that emit the file's objects, when one changes their images. */
  imageBuilds?: readonly ImageBuild[];
  /** The labels the kustomize builds that emit the file's objects add to them. */
  labels?: readonly LabelTransformer[];
  /** What each kustomize build that emits the file's objects adds to their names (namePrefix, nameSuffix). */
  affixes?: readonly NameAffixes[];
  /** The ServiceAccounts and Services of each kustomize build that emits the file's objects (models/kustomize-nameref.ts). */
  referrals?: ReferralBuilds;
  /** The generators with `behavior: merge` or `replace` of each kustomize build that emits the file's objects. */
  merges?: readonly (readonly GeneratorMerge[])[];
  /** The JSON patches of the kustomize builds that emit the file, with their targets (configurations.ts jsonPatchesOf). */
  jsonPatches?: JsonPatchBuilds;
  /** The strategic-merge patches of each kustomize build that emits the file's objects (configurations.ts strategicPatchesOf). */
  strategicPatches?: StrategicPatchBuilds;
  configurations: ConfigurationDocument[];
}

/** Where a diagnostic came from, for suppression; dropped from the result. */
export interface InternalInfo {
  docIndex: number;
  resourceId?: number;
}

export type EngineDiagnostic = Diagnostic & { internal: InternalInfo };

/** The file's line table, built on first use. */
export function lineIndex(src: SourceFile): LineIndex {
  return (src.lines ??= new LineIndex(src.text));
}

/**
 * What a document says it is: its apiVersion and kind, or why they cannot be read. kubectl
 * reads both by their exact, case-sensitive names as strings (an unstructured object's
 * `apiVersion` and `kind` keys) and rejects the object otherwise, so a mis-cased key or a
 * number is reported, never taken for "not a manifest". A document with neither, under any
 * spelling, is not a manifest (values files, kustomize patches); nor is one with only an
 * apiVersion and no metadata or spec (a Helm Chart.yaml), nor one with no apiVersion and a kind
 * that is no type's name (a Google API discovery document's "discovery#restDescription") or,
 * without metadata or spec either, no built-in kind (Istio's test topologies), nor one of another
 * tool whose group no API server can serve (anotherToolsData).
 */
import { BUILTIN_GROUPS } from "../models/api-groups.js";
import { ownValue } from "../models/input-keys.js";
import { preferredApiVersions } from "../models/preferred-api-versions.js";
import { kindOfValue } from "../models/values.js";
import { looseName } from "./type-meta-keys.js";

type TypeKey = "apiVersion" | "kind";

export interface TypeMetaProblem {
  /** The key the problem is about, as written in the document. */
  key: string;
  /** Whether the key itself or its value is wrong. */
  target: "key" | "value";
  message: string;
  hint: string;
}

export type TypeMeta =
  | { is: "not-a-manifest" }
  | { is: "manifest"; apiVersion: string; kind: string }
  | { is: "unreadable"; problems: TypeMetaProblem[] };

interface Written {
  /** The key as written: the exact name, or a spelling that differs only in case, "-" or "_". */
  key: string;
  value: unknown;
}


function written(doc: Record<string, unknown>, name: TypeKey): Written | undefined {
  const exact = ownValue(doc, name);
  if (exact !== undefined && exact !== null && exact !== "") return { key: name, value: exact };
  const key = Object.keys(doc).find((k) => k !== name && looseName(k) === looseName(name));
  const value = key === undefined ? undefined : doc[key];
  return key !== undefined && value !== null && value !== "" ? { key, value } : undefined;
}

/**
 * A name an API type can have: a Go type name for the built-in kinds, and for a custom resource
 * one whose lower case is a DNS-1035 label (apiextensions validation of spec.names.kind), so
 * letters, digits and inner hyphens, starting with a letter.
 */
const KIND_NAME = /^[A-Za-z](?:[-A-Za-z0-9]*[A-Za-z0-9])?$/;

const EXAMPLE: Record<TypeKey, string> = { apiVersion: '"apps/v1"', kind: '"Deployment"' };

function problemOf(name: TypeKey, w: Written): TypeMetaProblem | undefined {
  if (w.key !== name) {
    return {
      key: w.key,
      target: "key",
      message: `unknown key "${w.key}" (did you mean "${name}"?): keys are case-sensitive, so the API server finds no ${name}`,
      hint: `rename "${w.key}" to "${name}"`,
    };
  }
  if (typeof w.value !== "string") {
    return { key: name, target: "value", message: `${name} must be a string, got ${kindOfValue(w.value)}`, hint: `set ${name} to a string such as ${EXAMPLE[name]}` };
  }
  return undefined;
}

/**
 * "add apiVersion: <it>" for a kind one API group serves; the choices for a kind of several
 * groups (Event: v1 and events.k8s.io/v1); for a kind none serves, no apiVersion to name.
 */
function apiVersionHint(kind: string): string {
  const choices = preferredApiVersions(kind);
  if (choices.length === 1) return `add apiVersion: ${choices[0]}`;
  if (choices.length > 1) return `add apiVersion: one of ${choices.join(", ")} (each serves a kind ${kind})`;
  return `add the apiVersion of ${kind}`;
}

const NOT_A_MANIFEST: TypeMeta = { is: "not-a-manifest" };

/**
 * Whether a document that writes an apiVersion and a kind is another tool's data in that shape
 * (Istio's release notes: `apiVersion: release-notes/v2`, `kind: bug-fix`), not an object any
 * API server could serve: its group is a bare word that is not one of Kubernetes' own groups (a
 * CustomResourceDefinition's group must be a domain with at least one dot, apiextensions
 * validation ValidateCustomResourceDefinitionSpec), its kind is no built-in kind (so a misspelt
 * group, `app/v1` for a Deployment, is still judged), and it has no metadata map, which every
 * object carries.
 */
function anotherToolsData(doc: Record<string, unknown>, apiVersion: string, kind: string): boolean {
  const slash = apiVersion.indexOf("/");
  if (slash <= 0) return false;
  const group = apiVersion.slice(0, slash);
  if (group.includes(".") || BUILTIN_GROUPS.has(group)) return false;
  const metadata = ownValue(doc, "metadata");
  if (typeof metadata === "object" && metadata !== null) return false;
  return preferredApiVersions(kind).length === 0;
}

/**
 * Reads the type meta of a document (or of an item of a List). A file a kustomization applies
 * as a patch (`patch`) may leave out its apiVersion: the patch entry's `target` selects what it
 * applies to (kustomize api/filters/patchjson6902, api/internal/builtins/PatchTransformer.go), so
 * such a document is not judged as a manifest.
 */
export function readTypeMeta(doc: Record<string, unknown>, patch = false): TypeMeta {
  // Nearly every document writes both as non-empty strings: answer without the problem search.
  const writtenVersion = ownValue(doc, "apiVersion");
  const writtenKind = ownValue(doc, "kind");
  if (typeof writtenVersion === "string" && writtenVersion !== "" && typeof writtenKind === "string" && writtenKind !== "") {
    return anotherToolsData(doc, writtenVersion, writtenKind) ? NOT_A_MANIFEST : { is: "manifest", apiVersion: writtenVersion, kind: writtenKind };
  }
  const apiVersion = written(doc, "apiVersion");
  const kind = written(doc, "kind");
  if (!kind && (!apiVersion || (!Object.hasOwn(doc, "metadata") && !Object.hasOwn(doc, "spec")))) return { is: "not-a-manifest" };
  if (patch && !apiVersion) return { is: "not-a-manifest" };
  // Without an apiVersion, a kind no API type could have marks another format (a Google API discovery document's "discovery#restDescription").
  if (!apiVersion && kind?.key === "kind" && typeof kind.value === "string" && !KIND_NAME.test(kind.value)) return { is: "not-a-manifest" };
  // Without an apiVersion, metadata or spec, a kind that is no built-in one is another format's field (Istio's test topologies: `"kind": "Kubernetes"`).
  if (!apiVersion && kind?.key === "kind" && typeof kind.value === "string" && !Object.hasOwn(doc, "metadata") && !Object.hasOwn(doc, "spec") && !preferredApiVersions(kind.value).length) return NOT_A_MANIFEST;
  const problems: TypeMetaProblem[] = [];
  for (const [name, w] of [["apiVersion", apiVersion], ["kind", kind]] as const) {
    const problem = w && problemOf(name, w);
    if (problem) problems.push(problem);
  }
  if (!apiVersion || !kind) {
    const [present, missing] = kind ? [kind, "apiVersion"] : [apiVersion!, "kind"];
    problems.push({
      key: present.key,
      target: "key",
      message: `"${missing}" is missing: the API server cannot tell what this object is`,
      hint: kind && typeof kind.value === "string" ? apiVersionHint(kind.value) : `add the ${missing}`,
    });
  }
  if (problems.length || !apiVersion || !kind) return { is: "unreadable", problems };
  return { is: "manifest", apiVersion: apiVersion.value as string, kind: kind.value as string };
}

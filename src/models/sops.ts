/**
 * Manifests encrypted with SOPS (github.com/getsops/sops): the file keeps its shape, each value
 * the encryption covers is replaced by `ENC[<cipher>,data:...,iv:...,tag:...,type:<type>]`
 * (stores/yaml and aes/cipher.go: the type is str, int, float, bool, bytes or comment), and a
 * top-level `sops` map holds the key metadata, with `mac` and `lastmodified` always written
 * (stores/stores.go, Metadata). Flux's kustomize-controller decrypts such files before it
 * applies them, as `sops -d | kubectl apply -f -` does: the API server sees neither the `sops`
 * map nor the ciphertext.
 */
import type { ParsedDocument } from "./document.js";
import type { Path } from "../types.js";

type Obj = Record<string, unknown>;

const isMap = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A value SOPS encrypted: what the decryption puts there is unknown to a linter. */
const ENCRYPTED_VALUE = /^ENC\[[A-Z0-9_]+,data:[^\]]*,type:[a-z]+\]$/;

/** Whether `value` is the `sops` map of an encrypted file: its metadata's mac and lastmodified. */
export function isSopsMetadata(value: unknown): boolean {
  return isMap(value) && typeof value.mac === "string" && value.lastmodified !== undefined;
}

/** The object as it is once decrypted, less the values: without its top-level `sops` map (a copy; `value` when it has none). */
export function withoutSopsMetadata(value: Obj): Obj {
  if (!isSopsMetadata(value.sops)) return value;
  const out: Obj = {};
  for (const key of Object.keys(value)) if (key !== "sops") out[key] = value[key];
  return out;
}

/** Whether the value at `path` below `basePath` of an encrypted document is ciphertext (findings about it are about text the decryption replaces). */
export function encryptedValueAt(doc: ParsedDocument, basePath: Path, path: Path): boolean {
  const root = doc.value;
  if (!isMap(root) || !isSopsMetadata(root.sops)) return false;
  let node: unknown = root;
  for (const seg of basePath) node = step(node, seg);
  for (const seg of path) node = step(node, seg);
  return typeof node === "string" && ENCRYPTED_VALUE.test(node);
}

function step(node: unknown, seg: string | number): unknown {
  if (Array.isArray(node)) return typeof seg === "number" ? node[seg] : undefined;
  return isMap(node) && Object.hasOwn(node, seg) ? node[seg as string] : undefined;
}

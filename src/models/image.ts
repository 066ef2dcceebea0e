/**
 * Container image references as the kubelet parses them: distribution/reference's grammar
 * plus docker's normalisation (`ParseNormalizedNamed`). A reference that fails here is what
 * the kubelet reports as InvalidImageName.
 */

const alphanumeric = "[a-z0-9]+";
const separator = "(?:[._]|__|[-]+)";
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const ipv6 = "\\[(?:[a-fA-F0-9:]+)\\]";
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|${ipv6})`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const name = `(?:${domainAndPort}/)?${remoteName}`;
const tag = "[\\w][\\w.-]{0,127}";
const digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

const REFERENCE = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);
const ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/;
const NAME_TOTAL_LENGTH_MAX = 255;
/** Digest algorithms the kubelet's image library registers, with their hex lengths. */
const DIGEST_HEX_LENGTH: ReadonlyMap<string, number> = new Map([
  ["sha256", 64],
  ["sha384", 96],
  ["sha512", 128],
]);

export interface ImageReference {
  /** Registry host (and port), after normalisation: `docker.io` when none is written. */
  domain: string;
  /** Repository path, after normalisation (`library/nginx` for `nginx`). */
  path: string;
  tag?: string;
  digest?: string;
}

export type ImageParse = { ok: true; ref: ImageReference } | { ok: false; error: string };

function splitDomain(image: string): { domain: string; remainder: string } {
  const slash = image.indexOf("/");
  const first = slash === -1 ? "" : image.slice(0, slash);
  let domain = "docker.io";
  let remainder = image;
  if (slash !== -1 && (/[.:]/.test(first) || first === "localhost" || first.toLowerCase() !== first)) {
    domain = first === "index.docker.io" ? "docker.io" : first;
    remainder = image.slice(slash + 1);
  }
  if (domain === "docker.io" && !remainder.includes("/")) remainder = `library/${remainder}`;
  return { domain, remainder };
}

/**
 * Readings of the images seen, kept while few: several rules and the defaulting of pull policies
 * parse every container's image, and a run has a few hundred distinct ones. Bounded so that a
 * long-lived process (the language server) does not keep every spelling it saw; frozen because
 * every caller shares them.
 */
const MAX_REMEMBERED = 4096;
const parsedImages = new Map<string, ImageParse>();

/** Parses an image reference exactly as the kubelet would, or says why it cannot. The answer is shared: read it, never change it. */
export function parseImageReference(image: string): ImageParse {
  let parsed = parsedImages.get(image);
  if (parsed) return parsed;
  parsed = parse(image);
  if (parsed.ok) Object.freeze(parsed.ref);
  if (parsedImages.size >= MAX_REMEMBERED) parsedImages.clear();
  parsedImages.set(image, Object.freeze(parsed));
  return parsed;
}

function parse(image: string): ImageParse {
  if (image === "") return { ok: false, error: "repository name must have at least one component" };
  if (image.trim() !== image) return { ok: false, error: "must not have leading or trailing whitespace" };
  if (ANCHORED_IDENTIFIER.test(image)) {
    return { ok: false, error: "cannot specify 64-byte hexadecimal strings as a repository name" };
  }
  const { domain, remainder } = splitDomain(image);
  // The tag may carry upper case; the part before the first ":" must be lower case.
  const repoEnd = remainder.indexOf(":");
  const repository = repoEnd === -1 ? remainder : remainder.slice(0, repoEnd);
  // Named as written: without the "library/" that a Docker Hub name without a path is read with.
  const written = repository.startsWith("library/") && !image.startsWith("library/") && !image.includes("/library/") ? repository.slice("library/".length) : repository;
  if (repository.toLowerCase() !== repository) return { ok: false, error: `repository name "${written}" must be lowercase` };
  const full = `${domain}/${remainder}`;
  const m = REFERENCE.exec(full);
  if (!m) {
    if (REFERENCE.test(full.toLowerCase())) return { ok: false, error: "repository name must be lowercase" };
    return { ok: false, error: "invalid reference format" };
  }
  const [, named, tagValue, digestValue] = m;
  if (named.length > NAME_TOTAL_LENGTH_MAX) return { ok: false, error: `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters` };
  if (digestValue !== undefined) {
    const colon = digestValue.indexOf(":");
    const algorithm = digestValue.slice(0, colon);
    const hex = digestValue.slice(colon + 1);
    const want = DIGEST_HEX_LENGTH.get(algorithm);
    if (want === undefined) return { ok: false, error: `unsupported digest algorithm "${algorithm}"` };
    if (!/^[a-f0-9]+$/.test(hex) || hex.length !== want) return { ok: false, error: `invalid ${algorithm} digest: want ${want} lower-case hex characters` };
  }
  return {
    ok: true,
    ref: { domain, path: named.slice(domain.length + 1), ...(tagValue !== undefined ? { tag: tagValue } : {}), ...(digestValue !== undefined ? { digest: digestValue } : {}) },
  };
}

/**
 * A `${NAME}` placeholder (envsubst, Flux post-build substitution), with any operator inside the
 * braces, or envsubst's bare `$NAME` (gettext envsubst fills in both forms; no image holds a "$").
 */
const ENV_PLACEHOLDER = /\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g;

/** Whether `image` holds an envsubst or Flux placeholder (`${NAME}`, `$NAME`). */
export function hasEnvPlaceholder(image: string): boolean {
  return image.includes("$") && image.search(ENV_PLACEHOLDER) >= 0;
}

/** What stands for the placeholders when the literal rest of an image is parsed: a valid one-component repository. */
const STAND_IN = "x";

/** What of an image holding placeholders is written literally and can be judged (literalTagPart). */
export interface LiteralImagePart {
  /** The literal text after the last placeholder, parsed behind a stand-in registry: its tag, digest and path components. */
  parsed: ImageParse;
  /** Where that literal text starts in the image. */
  start: number;
  /** Where its tag or digest starts (the ":" or "@"), or its last path component when it has neither. */
  tagStart: number;
}

/**
 * The tag and digest of an image whose registry or repository holds `${...}` (or `$NAME`) placeholders, when
 * they are written after the last placeholder: `${PREFIX}/api-gateway:latest` has the tag
 * "latest", and `${REGISTRY}/app` has none, whatever the placeholders hold. Undefined for an image
 * without placeholders, and when a placeholder may hold the tag (`app:${TAG}`, `acme/${NAME}`).
 */
export function literalTagPart(image: string): LiteralImagePart | undefined {
  let end = -1;
  for (const m of image.matchAll(ENV_PLACEHOLDER)) end = m.index + m[0].length;
  if (end < 0) return undefined;
  const tail = image.slice(end);
  const component = tail.lastIndexOf("/") + 1;
  const marker = tail.slice(component).search(/[:@]/);
  // No "/" after the placeholder and no ":" or "@": the placeholder's last path component may carry the tag.
  if (component === 0 && marker < 0) return undefined;
  const parsed = parseImageReference(`${STAND_IN}${tail}`);
  // An error that quotes the stand-in quotes the placeholders as written instead.
  const judged: ImageParse = parsed.ok ? parsed : { ok: false, error: parsed.error.replace(`"${STAND_IN}${tail.slice(0, 1)}`, `"${image.slice(0, end)}${tail.slice(0, 1)}`) };
  return { parsed: judged, start: end, tagStart: end + component + (marker < 0 ? 0 : marker) };
}

/**
 * The CEL libraries Kubernetes adds to every CRD validation rule and admission policy
 * expression, from k8s.io/apiserver/pkg/cel/library (lists.go, regex.go, urls.go,
 * quantity.go, ip.go, cidr.go, format.go) and the cel-go extensions it enables
 * (ext.Strings, ext.Sets: k8s.io/apiserver/pkg/cel/environment/base.go), semverlib.go
 * (Kubernetes 1.33). authz.go's `authorizer` is declared with its types so that policy
 * expressions that read it compile, but it answers only a live API server: its checks throw,
 * and the policy code does not evaluate an expression that reads it (docs/DECISIONS.md).
 */
import { Optional, type Environment } from "@marcbachmann/cel-js";
import { parseQuantity } from "../quantity.js";
import { cidrProblem, dns1035Label, dns1123Label, dns1123Subdomain, ipProblem, labelValue, qualifiedName } from "../validation/formats.js";
import { compileRe2, type Re2 } from "./regex.js";
import { charAt, registerNullComparison, replace } from "./standard-overrides.js";

class CelError extends Error {}

function regex(pattern: string): Re2 {
  const re = compileRe2(pattern);
  if (typeof re === "string") throw new CelError(re);
  return re;
}

/**
 * == and != (cel-js adds != from ==) of the Kubernetes types, from their Equal methods: a
 * Quantity by value (quantity.go: Quantity.Equal, so 1Gi == 1024Mi), an IP by address and
 * family (ip.go: netip.Addr ==, so ::1 == 0:0:0:0:0:0:0:1), a CIDR by address and prefix length
 * (cidr.go: netip.Prefix ==), a URL by its string (urls.go: URL.String()).
 */
function registerEquality(env: Environment): void {
  const sameIP = (a: KubernetesIP, b: KubernetesIP) => a.family === b.family && a.bits === b.bits;
  env.registerOperator("kubernetes.Quantity == kubernetes.Quantity", (a: KubernetesQuantity, b: KubernetesQuantity) => a.value === b.value);
  env.registerOperator("net.IP == net.IP", sameIP);
  env.registerOperator("net.CIDR == net.CIDR", (a: KubernetesCIDR, b: KubernetesCIDR) => a.prefix === b.prefix && sameIP(a.ip, b.ip));
  env.registerOperator("kubernetes.URL == kubernetes.URL", (a: KubernetesURL, b: KubernetesURL) => a.toString() === b.toString());
}

/** lists.go: comparable element values (ints, uints, doubles, strings, bools). */
function compare(a: unknown, b: unknown): number {
  if (typeof a === "bigint" && typeof b === "bigint") return a < b ? -1 : a > b ? 1 : 0;
  const x = a as number | string;
  const y = b as number | string;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The Quantity type of quantity.go: the text and its value in base units. */
export class KubernetesQuantity {
  constructor(
    readonly text: string,
    readonly value: number,
  ) {}
  toString() {
    return this.text;
  }
}

function quantity(text: string): KubernetesQuantity {
  const q = parseQuantity(text);
  if (!q) throw new CelError(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
  return new KubernetesQuantity(text, q.value);
}

function formatQuantity(value: number): KubernetesQuantity {
  return new KubernetesQuantity(Number.isInteger(value) ? String(value) : String(value), value);
}

/** net.IP of ip.go: an address in its parsed form. */
export class KubernetesIP {
  constructor(
    readonly text: string,
    readonly family: 4 | 6,
    /** The address as bits (IPv4: 32, IPv6: 128). */
    readonly bits: bigint,
  ) {}
  toString() {
    return this.text;
  }
}

/** net.CIDR of cidr.go. */
export class KubernetesCIDR {
  constructor(
    readonly text: string,
    readonly ip: KubernetesIP,
    readonly prefix: number,
  ) {}
  toString() {
    return this.text;
  }
}

function parseIPBits(text: string): { family: 4 | 6; bits: bigint } | undefined {
  if (ipProblem(text)) return undefined;
  if (!text.includes(":")) return { family: 4, bits: text.split(".").reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n) };
  let s = text;
  let tail: bigint[] = [];
  const lastColon = s.lastIndexOf(":");
  if (s.includes(".")) {
    const v4 = s.slice(lastColon + 1).split(".").map((p) => BigInt(Number(p)));
    tail = [(v4[0] << 8n) | v4[1], (v4[2] << 8n) | v4[3]];
    s = s.slice(0, lastColon + 1) + "x";
  }
  const [head, rest] = s.split("::");
  const groups = (part: string | undefined) => (part ? part.split(":").filter((g) => g !== "x").map((g) => BigInt(parseInt(g, 16))) : []);
  const h = groups(head);
  const r = [...groups(rest), ...tail];
  const all = rest === undefined && !s.includes("::") ? [...h, ...tail] : [...h, ...Array(8 - h.length - r.length).fill(0n), ...r];
  return { family: 6, bits: all.reduce((acc, g) => (acc << 16n) | g, 0n) };
}

function ip(text: string): KubernetesIP {
  // ip.go refuses IPv4-mapped IPv6 addresses and zones.
  if (text.includes("%")) throw new CelError("IP address with zone value is not allowed");
  const parsed = parseIPBits(text);
  if (!parsed) throw new CelError(`IP Address ${JSON.stringify(text)} parse error during conversion from string: ParseAddr(${JSON.stringify(text)}): unable to parse IP`);
  if (parsed.family === 6 && parsed.bits >> 32n === 0xffffn) throw new CelError("IPv4-mapped IPv6 address is not allowed");
  return new KubernetesIP(text, parsed.family, parsed.bits);
}

function bitsToText(family: 4 | 6, bits: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((bits >> s) & 255n)).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => ((bits >> BigInt((7 - i) * 16)) & 0xffffn).toString(16));
  // The canonical form (RFC 5952): the longest run of two or more zero groups becomes "::".
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === "0") j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  if (best < 0) return groups.join(":");
  return `${groups.slice(0, best).join(":")}::${groups.slice(best + bestLen).join(":")}`;
}

function cidr(text: string): KubernetesCIDR {
  if (cidrProblem(text)) throw new CelError(`network address parse error during conversion from string: ParsePrefix(${JSON.stringify(text)}): bad prefix`);
  const slash = text.indexOf("/");
  return new KubernetesCIDR(text, ip(text.slice(0, slash)), Number(text.slice(slash + 1)));
}

function width(x: KubernetesIP): bigint {
  return x.family === 4 ? 32n : 128n;
}

function masked(c: KubernetesCIDR): bigint {
  const w = width(c.ip);
  const hostBits = w - BigInt(c.prefix);
  return (c.ip.bits >> hostBits) << hostBits;
}

function containsIP(c: KubernetesCIDR, addr: KubernetesIP): boolean {
  if (addr.family !== c.ip.family) return false;
  const hostBits = width(c.ip) - BigInt(c.prefix);
  return addr.bits >> hostBits === masked(c) >> hostBits;
}

/** URL of urls.go: an absolute URI or an absolute path, as Go's url.ParseRequestURI reads them. */
export class KubernetesURL {
  constructor(readonly url: URL | { pathname: string; search: string; path: true }) {}
  toString() {
    return "path" in this.url ? this.url.pathname + this.url.search : this.url.href;
  }
}

function url(text: string): KubernetesURL {
  if (text.startsWith("/")) {
    const q = text.indexOf("?");
    return new KubernetesURL({ pathname: q < 0 ? text : text.slice(0, q), search: q < 0 ? "" : text.slice(q), path: true });
  }
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) || /\s/.test(text)) throw new CelError(`URL parse error during conversion from string: parse ${JSON.stringify(text)}: invalid URI for request`);
  try {
    return new KubernetesURL(new URL(text));
  } catch {
    throw new CelError(`URL parse error during conversion from string: parse ${JSON.stringify(text)}: invalid URI for request`);
  }
}

/** format.go: the named formats, each a validator returning its errors. */
const FORMATS: Record<string, (s: string) => string[]> = {
  dns1123Label,
  dns1123Subdomain,
  dns1035Label,
  qualifiedName,
  labelValue,
  dns1123LabelPrefix: (s) => dns1123Label(s.endsWith("-") ? s.slice(0, -1) : s),
  dns1123SubdomainPrefix: (s) => dns1123Subdomain(s.endsWith("-") || s.endsWith(".") ? s.slice(0, -1) : s),
  dns1035LabelPrefix: (s) => dns1035Label(s.endsWith("-") ? s.slice(0, -1) : s),
  uri: (s) => {
    try {
      url(s);
      return [];
    } catch (err) {
      return [(err as Error).message];
    }
  },
  uuid: (s) => (/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s) ? [] : ["does not match the UUID format"]),
  byte: (s) => (/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s) ? [] : ["invalid base64"]),
  date: (s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) ? [] : ["invalid date"]),
  datetime: (s) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i.test(s) && !Number.isNaN(Date.parse(s)) ? [] : ["invalid datetime"]),
};

export class NamedFormat {
  constructor(readonly name: string) {}
  toString() {
    return this.name;
  }
}

class FormatNamespace {}

/** Registers the Kubernetes libraries on a CEL environment. */
export function registerKubernetesLibrary(env: Environment): void {
  const optionalOf = (v: unknown) => Optional.of(v);
  const optionalNone = () => Optional.none();
  const fn = (signature: string, handler: (...args: never[]) => unknown) => env.registerFunction(signature, handler as never);

  // lists.go
  for (const t of ["int", "uint", "double", "string", "bool", "bytes", "dyn"]) {
    fn(`list<${t}>.isSorted(): bool`, (l: unknown[]) => l.every((v, i) => i === 0 || compare(l[i - 1], v) <= 0));
    fn(`list<${t}>.indexOf(${t}): int`, (l: unknown[], v: unknown) => BigInt(l.findIndex((x) => x === v || compare(x, v) === 0 && typeof x === typeof v)));
    fn(`list<${t}>.lastIndexOf(${t}): int`, (l: unknown[], v: unknown) => {
      for (let i = l.length - 1; i >= 0; i--) if (l[i] === v || (compare(l[i], v) === 0 && typeof l[i] === typeof v)) return BigInt(i);
      return -1n;
    });
  }
  for (const t of ["int", "double", "string", "dyn"]) {
    const extreme = (sign: number) => (l: unknown[]) => {
      if (!l.length) throw new CelError(`${sign < 0 ? "min" : "max"}() called on an empty list`);
      return l.reduce((a, b) => (compare(b, a) * sign > 0 ? b : a));
    };
    fn(`list<${t}>.min(): ${t}`, extreme(-1));
    fn(`list<${t}>.max(): ${t}`, extreme(1));
  }
  fn("list<int>.sum(): int", (l: bigint[]) => l.reduce((a, b) => a + b, 0n));
  fn("list<double>.sum(): double", (l: number[]) => l.reduce((a, b) => a + b, 0));
  fn("list<dyn>.sum(): dyn", (l: unknown[]) => (l.every((x) => typeof x === "bigint") ? (l as bigint[]).reduce((a, b) => a + b, 0n) : (l as number[]).reduce((a, b) => Number(a) + Number(b), 0)));

  // regex.go

  fn("string.find(string): string", (s: string, p: string) => regex(p).find(s) ?? "");
  const findAll = (s: string, p: string, limit: bigint) => regex(p).findAll(s, limit < 0n ? -1 : Number(limit));
  fn("string.findAll(string): list<string>", (s: string, p: string) => findAll(s, p, -1n));
  fn("string.findAll(string, int): list<string>", (s: string, p: string, n: bigint) => findAll(s, p, n));

  // ext.Strings (version 2, as Kubernetes enables it) beyond what the CEL standard library has.
  fn("string.charAt(int): string", charAt);
  fn("string.replace(string, string): string", (s: string, a: string, b: string) => replace(s, a, b));
  fn("string.replace(string, string, int): string", replace);
  fn("string.reverse(): string", (s: string) => [...s].reverse().join(""));
  fn("string.format(list): string", formatString);
  class StringsNamespace {}
  env.registerType("StringsNamespace", StringsNamespace);
  env.registerConstant("strings", "StringsNamespace", new StringsNamespace());
  fn("StringsNamespace.quote(string): string", (_ns: unknown, s: string) => JSON.stringify(s));

  // ext.Sets
  class SetsNamespace {}
  env.registerType("SetsNamespace", SetsNamespace);
  env.registerConstant("sets", "SetsNamespace", new SetsNamespace());
  const has = (l: unknown[], v: unknown) => l.some((x) => x === v || (typeof x === typeof v && compare(x, v) === 0 && typeof x !== "object"));
  fn("SetsNamespace.contains(list, list): bool", (_ns: unknown, a: unknown[], b: unknown[]) => b.every((v) => has(a, v)));
  fn("SetsNamespace.equivalent(list, list): bool", (_ns: unknown, a: unknown[], b: unknown[]) => b.every((v) => has(a, v)) && a.every((v) => has(b, v)));
  fn("SetsNamespace.intersects(list, list): bool", (_ns: unknown, a: unknown[], b: unknown[]) => b.some((v) => has(a, v)));

  // urls.go
  env.registerType("kubernetes.URL", KubernetesURL);
  fn("url(string): kubernetes.URL", url);
  fn("isURL(string): bool", (s: string) => {
    try {
      url(s);
      return true;
    } catch {
      return false;
    }
  });
  const isPath = (u: KubernetesURL) => "path" in u.url;
  fn("kubernetes.URL.getScheme(): string", (u: KubernetesURL) => (isPath(u) ? "" : (u.url as URL).protocol.replace(/:$/, "")));
  fn("kubernetes.URL.getHost(): string", (u: KubernetesURL) => (isPath(u) ? "" : (u.url as URL).host));
  fn("kubernetes.URL.getHostname(): string", (u: KubernetesURL) => (isPath(u) ? "" : (u.url as URL).hostname.replace(/^\[(.*)\]$/, "$1")));
  fn("kubernetes.URL.getPort(): string", (u: KubernetesURL) => (isPath(u) ? "" : (u.url as URL).port));
  fn("kubernetes.URL.getEscapedPath(): string", (u: KubernetesURL) => u.url.pathname);
  fn("kubernetes.URL.getQuery(): map<string, list<string>>", (u: KubernetesURL) => {
    const out = new Map<string, string[]>();
    for (const [k, v] of new URLSearchParams(u.url.search)) out.set(k, [...(out.get(k) ?? []), v]);
    return out;
  });

  // quantity.go
  env.registerType("kubernetes.Quantity", KubernetesQuantity);
  fn("quantity(string): kubernetes.Quantity", quantity);
  fn("isQuantity(string): bool", (s: string) => parseQuantity(s) !== undefined);
  fn("kubernetes.Quantity.sign(): int", (q: KubernetesQuantity) => BigInt(Math.sign(q.value)));
  fn("kubernetes.Quantity.isInteger(): bool", (q: KubernetesQuantity) => Number.isInteger(q.value) && Math.abs(q.value) <= Number.MAX_SAFE_INTEGER);
  fn("kubernetes.Quantity.asInteger(): int", (q: KubernetesQuantity) => {
    if (!Number.isInteger(q.value)) throw new CelError("cannot convert value to integer");
    return BigInt(q.value);
  });
  fn("kubernetes.Quantity.asApproximateFloat(): double", (q: KubernetesQuantity) => q.value);
  fn("kubernetes.Quantity.add(kubernetes.Quantity): kubernetes.Quantity", (a: KubernetesQuantity, b: KubernetesQuantity) => formatQuantity(a.value + b.value));
  fn("kubernetes.Quantity.add(int): kubernetes.Quantity", (a: KubernetesQuantity, b: bigint) => formatQuantity(a.value + Number(b)));
  fn("kubernetes.Quantity.sub(kubernetes.Quantity): kubernetes.Quantity", (a: KubernetesQuantity, b: KubernetesQuantity) => formatQuantity(a.value - b.value));
  fn("kubernetes.Quantity.sub(int): kubernetes.Quantity", (a: KubernetesQuantity, b: bigint) => formatQuantity(a.value - Number(b)));
  fn("kubernetes.Quantity.isGreaterThan(kubernetes.Quantity): bool", (a: KubernetesQuantity, b: KubernetesQuantity) => a.value > b.value);
  fn("kubernetes.Quantity.isLessThan(kubernetes.Quantity): bool", (a: KubernetesQuantity, b: KubernetesQuantity) => a.value < b.value);
  fn("kubernetes.Quantity.compareTo(kubernetes.Quantity): int", (a: KubernetesQuantity, b: KubernetesQuantity) => BigInt(Math.sign(a.value - b.value)));

  // ip.go
  env.registerType("net.IP", KubernetesIP);
  fn("ip(string): net.IP", ip);
  fn("isIP(string): bool", (s: string) => {
    try {
      ip(s);
      return true;
    } catch {
      return false;
    }
  });
  fn("net.IP.family(): int", (x: KubernetesIP) => BigInt(x.family));
  fn("net.IP.isUnspecified(): bool", (x: KubernetesIP) => x.bits === 0n);
  fn("net.IP.isLoopback(): bool", (x: KubernetesIP) => (x.family === 4 ? x.bits >> 24n === 127n : x.bits === 1n));
  fn("net.IP.isLinkLocalMulticast(): bool", (x: KubernetesIP) => (x.family === 4 ? x.bits >> 8n === 0xe00000n : x.bits >> 112n === 0xff02n));
  fn("net.IP.isLinkLocalUnicast(): bool", (x: KubernetesIP) => (x.family === 4 ? x.bits >> 16n === 0xa9fen : x.bits >> 118n === 0x3fan));
  fn("net.IP.isGlobalUnicast(): bool", (x: KubernetesIP) => {
    if (x.family === 4) return x.bits !== 0xffffffffn && x.bits !== 0n && x.bits >> 24n !== 127n && x.bits >> 28n !== 0xen && x.bits >> 16n !== 0xa9fen;
    return x.bits !== 0n && x.bits !== 1n && x.bits >> 120n !== 0xffn && x.bits >> 118n !== 0x3fan;
  });
  fn("string(net.IP): string", (x: KubernetesIP) => bitsToText(x.family, x.bits));
  // ip.isCanonical(string), a global function with a dotted name: `ip` is also a namespace value.
  class IPNamespace {}
  env.registerType("IPNamespace", IPNamespace);
  env.registerConstant("ip", "IPNamespace", new IPNamespace());
  fn("IPNamespace.isCanonical(string): bool", (_ns: unknown, s: string) => {
    const x = ip(s);
    // netip.Addr.String() is the canonical form: the text is canonical when it is that string.
    return bitsToText(x.family, x.bits) === s;
  });
  env.registerType("net.CIDR", KubernetesCIDR);
  registerEquality(env);
  fn("cidr(string): net.CIDR", cidr);
  fn("isCIDR(string): bool", (s: string) => {
    try {
      cidr(s);
      return true;
    } catch {
      return false;
    }
  });
  fn("net.CIDR.containsIP(string): bool", (c: KubernetesCIDR, s: string) => containsIP(c, ip(s)));
  fn("net.CIDR.containsIP(net.IP): bool", containsIP);
  const containsCIDR = (c: KubernetesCIDR, o: KubernetesCIDR) => o.prefix >= c.prefix && containsIP(c, o.ip);
  fn("net.CIDR.containsCIDR(string): bool", (c: KubernetesCIDR, s: string) => containsCIDR(c, cidr(s)));
  fn("net.CIDR.containsCIDR(net.CIDR): bool", containsCIDR);
  fn("net.CIDR.ip(): net.IP", (c: KubernetesCIDR) => c.ip);
  fn("net.CIDR.prefixLength(): int", (c: KubernetesCIDR) => BigInt(c.prefix));
  fn("net.CIDR.masked(): net.CIDR", (c: KubernetesCIDR) => {
    const bits = masked(c);
    const text = `${bitsToText(c.ip.family, bits)}/${c.prefix}`;
    return new KubernetesCIDR(text, new KubernetesIP(bitsToText(c.ip.family, bits), c.ip.family, bits), c.prefix);
  });
  fn("string(net.CIDR): string", (c: KubernetesCIDR) => c.text);

  // format.go
  env.registerType("kubernetes.NamedFormat", NamedFormat);
  env.registerType("FormatNamespace", FormatNamespace);
  env.registerConstant("format", "FormatNamespace", new FormatNamespace());
  for (const name of Object.keys(FORMATS)) fn(`FormatNamespace.${name}(): kubernetes.NamedFormat`, () => new NamedFormat(name));
  fn("FormatNamespace.named(string): optional<kubernetes.NamedFormat>", (_ns: unknown, name: string) => (Object.hasOwn(FORMATS, name) ? optionalOf(new NamedFormat(name)) : optionalNone()));
  fn("kubernetes.NamedFormat.validate(string): optional<list<string>>", (f: NamedFormat, s: string) => {
    const errors = FORMATS[f.name](s);
    return errors.length ? optionalOf(errors) : optionalNone();
  });

  // semverlib.go (SemverLib version 1: the normalize argument), on blang/semver's grammar.
  env.registerType("kubernetes.Semver", KubernetesSemver);
  fn("semver(string): kubernetes.Semver", (s: string) => semver(s, false));
  fn("semver(string, bool): kubernetes.Semver", semver);
  fn("isSemver(string): bool", (s: string) => parseSemver(s) !== undefined);
  fn("isSemver(string, bool): bool", (s: string, normalize: boolean) => parseSemver(normalize ? normalizeSemver(s) : s) !== undefined);
  fn("kubernetes.Semver.major(): int", (v: KubernetesSemver) => v.major);
  fn("kubernetes.Semver.minor(): int", (v: KubernetesSemver) => v.minor);
  fn("kubernetes.Semver.patch(): int", (v: KubernetesSemver) => v.patch);
  fn("kubernetes.Semver.isGreaterThan(kubernetes.Semver): bool", (a: KubernetesSemver, b: KubernetesSemver) => compareSemver(a, b) === 1);
  fn("kubernetes.Semver.isLessThan(kubernetes.Semver): bool", (a: KubernetesSemver, b: KubernetesSemver) => compareSemver(a, b) === -1);
  fn("kubernetes.Semver.compareTo(kubernetes.Semver): int", (a: KubernetesSemver, b: KubernetesSemver) => BigInt(compareSemver(a, b)));

  // authz.go (and AuthzSelectors, 1.31): the types and functions, so that expressions compile.
  const live = () => {
    throw new CelError("the authorizer needs a live API server");
  };
  class AuthzObject {}
  for (const t of ["PathCheck", "GroupCheck", "ResourceCheck", "Decision"]) env.registerType(`kubernetes.authorization.${t}`, class extends AuthzObject {});
  env.registerType("kubernetes.authorization.Authorizer", { ctor: class extends AuthzObject {}, fields: { requestResource: "kubernetes.authorization.ResourceCheck" } });
  const A = "kubernetes.authorization.";
  fn(`${A}Authorizer.path(string): ${A}PathCheck`, live);
  fn(`${A}Authorizer.group(string): ${A}GroupCheck`, live);
  fn(`${A}Authorizer.serviceAccount(string, string): ${A}Authorizer`, live);
  fn(`${A}GroupCheck.resource(string): ${A}ResourceCheck`, live);
  for (const m of ["subresource", "namespace", "name", "fieldSelector", "labelSelector"]) fn(`${A}ResourceCheck.${m}(string): ${A}ResourceCheck`, live);
  fn(`${A}PathCheck.check(string): ${A}Decision`, live);
  fn(`${A}ResourceCheck.check(string): ${A}Decision`, live);
  fn(`${A}Decision.allowed(): bool`, live);
  fn(`${A}Decision.errored(): bool`, live);
  fn(`${A}Decision.reason(): string`, live);
  fn(`${A}Decision.error(): string`, live);

  // Each type above is an object or opaque type of cel-go: its values compare with null.
  registerNullComparison(env, ["kubernetes.URL", "kubernetes.Quantity", "net.IP", "net.CIDR", "kubernetes.NamedFormat", "kubernetes.Semver", AUTHORIZER_TYPE, ...["PathCheck", "GroupCheck", "ResourceCheck", "Decision"].map((t) => A + t)]);
}

/** The type of the `authorizer` variable of admission policy expressions (authz.go). */
export const AUTHORIZER_TYPE = "kubernetes.authorization.Authorizer";

/** semver.Version of github.com/blang/semver/v4, as semverlib.go wraps it. */
export class KubernetesSemver {
  constructor(
    readonly text: string,
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string[],
  ) {}
  toString() {
    return this.text;
  }
}

const NUMERIC = /^(?:0|[1-9]\d*)$/;
const IDENTIFIER = /^[0-9A-Za-z-]+$/;

/** blang/semver's Parse: major.minor.patch, numbers without leading zeros, -prerelease and +build of [0-9A-Za-z-] parts. */
function parseSemver(text: string): KubernetesSemver | undefined {
  const plus = text.indexOf("+");
  const build = plus < 0 ? undefined : text.slice(plus + 1);
  const main = plus < 0 ? text : text.slice(0, plus);
  if (build !== undefined && !build.split(".").every((p) => IDENTIFIER.test(p))) return undefined;
  const dash = main.indexOf("-");
  const core = dash < 0 ? main : main.slice(0, dash);
  const pre = dash < 0 ? [] : main.slice(dash + 1).split(".");
  const parts = core.split(".");
  if (parts.length !== 3 || !parts.every((p) => NUMERIC.test(p))) return undefined;
  if (!pre.every((p) => IDENTIFIER.test(p) && (!/^\d+$/.test(p) || NUMERIC.test(p)))) return undefined;
  return new KubernetesSemver(text, BigInt(parts[0]), BigInt(parts[1]), BigInt(parts[2]), pre);
}

/** normalizeAndParse of semverlib.go: no "v" prefix, leading zeros dropped, missing minor and patch as 0. */
function normalizeSemver(text: string): string {
  // strings.SplitN(s, ".", 3): the third part keeps its dots (prerelease, build).
  const split = (text.startsWith("v") ? text.slice(1) : text).split(".");
  const three = split.length > 3 ? [split[0], split[1], split.slice(2).join(".")] : split;
  const trimmed = three.map((p) => {
    if (p.length <= 1) return p;
    const t = p.replace(/^0+/, "");
    return t.length === 0 || !/^[0-9]/.test(t) ? `0${t}` : t;
  });
  if (trimmed.length < 3) {
    if (/[+-]/.test(trimmed[trimmed.length - 1])) return "\u0000";
    while (trimmed.length < 3) trimmed.push("0");
  }
  return trimmed.join(".");
}

function semver(text: string, normalize: boolean): KubernetesSemver {
  const v = parseSemver(normalize ? normalizeSemver(text) : text);
  if (!v) throw new CelError(`Invalid semver ${JSON.stringify(text)}`);
  return v;
}

/** semver.Version.Compare: major, minor, patch, then a release above its prereleases, prerelease parts in order. */
function compareSemver(a: KubernetesSemver, b: KubernetesSemver): -1 | 0 | 1 {
  for (const k of ["major", "minor", "patch"] as const) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  if (!a.pre.length || !b.pre.length) return a.pre.length === b.pre.length ? 0 : a.pre.length ? -1 : 1;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const [x, y] = [a.pre[i], b.pre[i]];
    if (x === y) continue;
    const [xn, yn] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (xn && yn) return BigInt(x) < BigInt(y) ? -1 : 1;
    if (xn !== yn) return xn ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.pre.length === b.pre.length ? 0 : a.pre.length < b.pre.length ? -1 : 1;
}

/** ext.Strings' default precision of %f and %e (cel-go ext/formatting.go). */
const DEFAULT_PRECISION = 6;

/** The %s text of a value (FormatString of cel-go ext/formatting.go): lists and maps as CEL literals, map keys sorted. */
function formatS(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : v === Infinity ? "+Inf" : v === -Infinity ? "-Inf" : String(v);
  if (v === null || v === undefined) return "null";
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  const member = (x: unknown) => (typeof x === "string" ? JSON.stringify(x) : typeof x === "number" && Number.isFinite(x) ? x.toFixed(DEFAULT_PRECISION) : formatS(x));
  if (Array.isArray(v)) return `[${v.map(member).join(", ")}]`;
  const entries = v instanceof Map ? [...v] : Object.getPrototypeOf(v) === Object.prototype ? Object.entries(v as object) : undefined;
  if (!entries) throw new CelError(`error during formatting: string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps`);
  return `{${entries.map(([k, x]) => `${member(k)}:${member(x)}`).sort().join(", ")}}`;
}

/**
 * `<string>.format(<list>)` of ext.Strings (cel-go ext/formatting.go, version 2 as Kubernetes
 * enables it): %s, %d, %f and %e (with .precision), %b, %o, %x, %X and %%.
 */
function formatString(pattern: string, args: unknown[]): string {
  let out = "";
  let next = 0;
  const arg = () => {
    if (next >= args.length) throw new CelError(`index ${next} out of range`);
    return args[next++];
  };
  const integer = (v: unknown, verb: string): bigint => {
    if (typeof v === "bigint") return v;
    if (verb === "b" && typeof v === "boolean") return v ? 1n : 0n;
    throw new CelError(`error during formatting: ${verb === "d" ? "decimal" : verb === "b" ? "binary" : "octal"} clause can only be used on integers, was given ${celTypeName(v)}`);
  };
  const float = (v: unknown, verb: string): number => {
    if (typeof v === "number") return v;
    if (v === "NaN" || v === "Infinity" || v === "-Infinity") return Number(v);
    throw new CelError(`error during formatting: ${verb === "f" ? "fixed-point" : "scientific"} clause can only be used on doubles, was given ${celTypeName(v)}`);
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c !== "%") {
      out += c;
      continue;
    }
    const clause = /^%(?:\.(\d+))?([sdfeboxX%])/.exec(pattern.slice(i));
    if (!clause) throw new CelError(`could not parse formatting clause: unrecognized formatting clause ${JSON.stringify(pattern.slice(i + 1, i + 2))}`);
    i += clause[0].length - 1;
    const precision = clause[1] === undefined ? DEFAULT_PRECISION : Number(clause[1]);
    const verb = clause[2];
    if (verb === "%") out += "%";
    else if (verb === "s") out += formatS(arg());
    else if (verb === "d") out += String(integer(arg(), "d"));
    else if (verb === "b") out += integer(arg(), "b").toString(2);
    else if (verb === "o") out += integer(arg(), "o").toString(8);
    else if (verb === "f") {
      const f = float(arg(), "f");
      out += Number.isFinite(f) ? f.toFixed(precision) : Number.isNaN(f) ? "NaN" : f > 0 ? "∞" : "-∞";
    } else if (verb === "e") {
      const f = float(arg(), "e");
      // Go writes the exponent with at least two digits: 1.000000e+03.
      out += Number.isFinite(f) ? f.toExponential(precision).replace(/e([+-])(\d)$/, "e$10$2") : Number.isNaN(f) ? "NaN" : f > 0 ? "∞" : "-∞";
    } else {
      const v = arg();
      let hex: string;
      if (typeof v === "bigint") hex = v.toString(16);
      else if (typeof v === "string" || v instanceof Uint8Array) hex = [...(typeof v === "string" ? new TextEncoder().encode(v) : v)].map((b) => b.toString(16).padStart(2, "0")).join("");
      else throw new CelError(`error during formatting: only integers, byte buffers, and strings can be formatted as hex, was given ${celTypeName(v)}`);
      out += verb === "X" ? hex.toUpperCase() : hex;
    }
  }
  return out;
}

function celTypeName(v: unknown): string {
  return typeof v === "number" ? "double" : typeof v === "boolean" ? "bool" : v === null ? "null_type" : Array.isArray(v) ? "list" : typeof v === "string" ? "string" : "map";
}

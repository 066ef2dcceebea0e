/**
 * Value formats the API server checks in Go, as k8s.io/apimachinery/pkg/util/validation
 * (validation.go, ip.go) and pkg/apis/core/validation/validation.go define them. Each function
 * returns why the value is invalid, phrased like upstream, or undefined when it is valid.
 * Names (DNS-1123 label and subdomain, DNS-1035 label, qualified names, label values) live in
 * models/catalogue/names.ts and are reused from there.
 */
import { dns1035Label, dns1123Label, dns1123Subdomain, labelValue, labelValueFix, qualifiedName } from "../catalogue/names.js";

export { dns1035Label, dns1123Label, dns1123Subdomain, labelValue, labelValueFix, qualifiedName };

/** IsValidPortNum: 1-65535 inclusive. */
export function portNumProblem(port: number): string | undefined {
  return port >= 1 && port <= 65535 ? undefined : "must be between 1 and 65535, inclusive";
}

/**
 * IsValidPortName: an IANA service name (RFC 6335): at most 15 characters, lower-case letters,
 * digits and '-', at least one letter, no leading, trailing or doubled '-'.
 */
export function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return "must be no more than 15 characters";
  if (!/^[-a-z0-9]+$/.test(name)) return "must contain only lower-case alphanumeric characters and '-'";
  if (!/[a-z]/.test(name)) return "must contain at least one letter";
  if (name.includes("--")) return "must not contain consecutive hyphens";
  if (name.startsWith("-") || name.endsWith("-")) return "must not begin or end with a hyphen";
  return undefined;
}

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** IsEnvVarName: a letter, '_', '-' or '.', then letters, digits, '_', '-' or '.'. */
export function envVarNameProblem(name: string): string | undefined {
  return ENV_VAR_NAME.test(name) ? undefined : "must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";
}

/** IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation): printable ASCII except '='. */
export function relaxedEnvVarNameProblem(name: string): string | undefined {
  for (const ch of name) {
    const c = ch.codePointAt(0)!;
    if (c < 32 || c > 126 || ch === "=") return "must consist only of printable ASCII characters other than '='";
  }
  return undefined;
}

const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

/** IsConfigMapKey: at most 253 of letters, digits, '-', '_' and '.', and not "." or "..". */
export function configMapKeyProblem(key: string): string | undefined {
  if (key.length > 253) return "must be no more than 253 characters";
  if (!CONFIG_MAP_KEY.test(key)) return "must consist of alphanumeric characters, '-', '_' or '.'";
  if (key === "." || key === "..") return `must not be '${key}'`;
  if (key.startsWith("..")) return "must not start with '..'";
  return undefined;
}

/** IsHTTPHeaderName: letters, digits and '-'. */
export function httpHeaderNameProblem(name: string): string | undefined {
  return /^[-A-Za-z0-9]+$/.test(name) ? undefined : "must be a valid HTTP header name: letters, digits and '-'";
}

/**
 * IsValidUserID / IsValidGroupID: an unsigned 32-bit id, 0-4294967295 (releases before the
 * uint32 range capped ids at 2147483647; the wider range is judged, so nothing accepted is reported).
 */
export const MAX_ID = 4294967295;
export function idProblem(id: number): string | undefined {
  return id >= 0 && id <= MAX_ID ? undefined : `must be between 0 and ${MAX_ID}, inclusive`;
}

/** The file mode check of validateVolumeSource and validateKeyToPath: 0-0777 (octal). */
export function fileModeProblem(mode: number): string | undefined {
  return mode >= 0 && mode <= 0o777 ? undefined : "must be a number between 0 and 0777 (octal), both inclusive";
}

/** validateLocalDescendingPath: relative, without a '..' element. */
export function localDescendingPathProblem(path: string): string | undefined {
  if (path.startsWith("/")) return "must be a relative path";
  if (path.replace(/\\/g, "/").split("/").includes("..")) return "must not contain '..'";
  return undefined;
}

/** ValidateLocalNonReservedPath: a local descending path that does not start with '..'. */
export function localNonReservedPathProblem(path: string): string | undefined {
  return localDescendingPathProblem(path) ?? (path.startsWith("..") ? "must not start with '..'" : undefined);
}

/** validatePathNoBacksteps: no '..' element. */
export function noBackstepsProblem(path: string): string | undefined {
  return path.replace(/\\/g, "/").split("/").includes("..") ? "must not contain '..'" : undefined;
}

/** IPv4 as Go's netutils.ParseIPSloppy reads it: four decimal octets, any number of leading zeros (Go 1.16's dtoi). */
function isIPv4(s: string): boolean {
  const parts = s.split(".");
  return parts.length === 4 && parts.every((p) => /^[0-9]+$/.test(p) && Number(p) <= 255);
}

function isIPv6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || s.length < 2) return false;
  let groups = 8;
  let text = s;
  const lastColon = text.lastIndexOf(":");
  if (text.includes(".")) {
    if (!isIPv4(text.slice(lastColon + 1))) return false;
    text = text.slice(0, lastColon + 1) + "0:0";
  }
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const parse = (h: string) => (h === "" ? [] : h.split(":"));
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  // Go 1.16's xtoi: any number of hex digits up to 0xFFFF.
  if (![...head, ...tail].every((g) => /^[0-9A-Fa-f]+$/.test(g) && Number.parseInt(g, 16) <= 0xffff)) return false;
  const count = head.length + tail.length;
  return halves.length === 2 ? count < groups : count === (groups = 8);
}

/** IsValidIP (ParseIPSloppy): an IPv4 or IPv6 address. */
export function ipProblem(s: string): string | undefined {
  return isIPv4(s) || isIPv6(s) ? undefined : "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
}

/** IsValidCIDR (ParseCIDRSloppy): an address, '/', and a prefix length for its family. */
export function cidrProblem(s: string): string | undefined {
  const slash = s.indexOf("/");
  const bad = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";
  if (slash < 0) return bad;
  const ip = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!/^[0-9]+$/.test(bits)) return bad;
  if (isIPv4(ip)) return Number(bits) <= 32 ? undefined : bad;
  if (isIPv6(ip)) return Number(bits) <= 128 ? undefined : bad;
  return bad;
}

/** A parsed CIDR as Go's net.IPNet holds it: the masked address (4 bytes for IPv4, 16 for IPv6) and its mask. */
interface IPNet {
  ip: number[];
  mask: number[];
}

function ipv4Bytes(s: string): number[] {
  return s.split(".").map(Number);
}

/** The 16 bytes of an address isIPv6 accepts. */
function ipv6Bytes(s: string): number[] {
  let text = s;
  let tail: number[] = [];
  if (text.includes(".")) {
    const lastColon = text.lastIndexOf(":");
    tail = ipv4Bytes(text.slice(lastColon + 1));
    text = text.slice(0, lastColon + 1) + "0:0";
  }
  const [head, rest] = text.split("::");
  const groups = (h: string | undefined) => (h ? h.split(":").map((g) => Number.parseInt(g, 16)) : []);
  const front = groups(head);
  const back = groups(rest);
  const all = rest === undefined ? front : [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
  const bytes = all.flatMap((g) => [g >> 8, g & 255]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** netutils.ParseCIDRSloppy: the network of a CIDR cidrProblem accepts (IPv4 as 4 bytes, IPv6 as 16), undefined otherwise. */
export function parseCIDRSloppy(s: string): IPNet | undefined {
  if (cidrProblem(s)) return undefined;
  const [addr, bits] = s.split("/");
  const ip = isIPv4(addr) ? ipv4Bytes(addr) : ipv6Bytes(addr);
  const prefix = Number(bits);
  const mask = ip.map((_, i) => (prefix >= 8 * (i + 1) ? 255 : prefix <= 8 * i ? 0 : (0xff00 >> (prefix - 8 * i)) & 255));
  return { ip: ip.map((b, i) => b & mask[i]), mask };
}

/** IP.To4: an IPv4 address, or an IPv4-mapped IPv6 one, as 4 bytes. */
function to4(ip: number[]): number[] | undefined {
  if (ip.length === 4) return ip;
  return ip.slice(0, 10).every((b) => b === 0) && ip[10] === 255 && ip[11] === 255 ? ip.slice(12) : undefined;
}

/** IPNet.Contains, as Go's net package decides it (an IPv4 address is never inside an IPv6 network but a mapped one). */
function netContains(net: IPNet, address: number[]): boolean {
  const nn = to4(net.ip) ?? net.ip;
  const mask = nn.length === 4 && net.mask.length === 16 ? net.mask.slice(12) : net.mask;
  if (nn.length !== mask.length) return false;
  const ip = to4(address) ?? address;
  return ip.length === nn.length && ip.every((b, i) => (b & mask[i]) === (nn[i] & mask[i]));
}

const maskOnes = (mask: number[]) => mask.reduce((n, b) => n + (b.toString(2).match(/1/g)?.length ?? 0), 0);

/**
 * ValidateIPBlock (pkg/apis/networking/validation): an except range inside the cidr (IPNet.Contains
 * of its first address) with a longer prefix; undefined when either is not a CIDR (cidrProblem's).
 */
export function exceptSubsetProblem(cidr: string, except: string): string | undefined {
  const net = parseCIDRSloppy(cidr);
  const sub = parseCIDRSloppy(except);
  if (!net || !sub) return undefined;
  return netContains(net, sub.ip) && maskOnes(net.mask) < maskOnes(sub.mask) ? undefined : "must be a strict subset of `cidr`";
}

/**
 * An int-or-string "percent or number" (ValidatePositiveIntOrPercent and IsNotMoreThan100Percent
 * in pkg/apis/apps/validation): a number of at least 0, or "<n>%" (the format itself is judged
 * by the schema walk); `max100` caps percentages at 100%.
 */
export function intOrPercentProblem(value: unknown, max100: boolean): string | undefined {
  if (typeof value === "number") return value < 0 ? "must be greater than or equal to 0" : undefined;
  if (typeof value !== "string") return undefined;
  const m = /^([0-9]+)%$/.exec(value);
  if (!m) return undefined;
  return max100 && Number(m[1]) > 100 ? "must not be greater than 100%" : undefined;
}

/** IsQualifiedName, first problem only. */
export function qualifiedNameProblem(value: string): string | undefined {
  return qualifiedName(value)[0];
}

/**
 * Kubernetes resource quantities, as k8s.io/apimachinery/pkg/api/resource/quantity.go
 * (ParseQuantity) and suffix.go read them:
 *   <quantity> ::= <signedNumber><suffix>
 *   <number>   ::= <digits> | <digits>.<digits> | <digits>. | .<digits>
 *   <suffix>   ::= <binarySI> | <decimalSI> | <decimalExponent>
 *   <binarySI> ::= Ki | Mi | Gi | Ti | Pi | Ei
 *   <decimalSI> ::= n | u | m | "" | k | M | G | T | P | E
 *   <decimalExponent> ::= (e|E)<signed integer>
 */
const QUANTITY_RE = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

/** The suffixes of the grammar, in the order upstream lists them (for hints and docs). */
export const QUANTITY_SUFFIXES = {
  decimal: ["n", "u", "m", "k", "M", "G", "T", "P", "E"],
  binary: ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"],
} as const;

const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ["", 1],
  ["n", 1e-9],
  ["u", 1e-6],
  ["m", 1e-3],
  ["k", 1e3],
  ["M", 1e6],
  ["G", 1e9],
  ["T", 1e12],
  ["P", 1e15],
  ["E", 1e18],
  ["Ki", 2 ** 10],
  ["Mi", 2 ** 20],
  ["Gi", 2 ** 30],
  ["Ti", 2 ** 40],
  ["Pi", 2 ** 50],
  ["Ei", 2 ** 60],
]);

export interface Quantity {
  /** The value in base units (cores, bytes), as a float. */
  value: number;
  /** The text as written. */
  text: string;
}

/**
 * Readings of the quantities seen, kept while few: the QoS and resource rules compare the same
 * handful of values ("100m", "512Mi") across every container. Bounded so that a long-lived
 * process (the language server) does not keep every spelling it saw; frozen because every
 * caller shares them.
 */
const MAX_REMEMBERED = 4096;
const parsedQuantities = new Map<string, Quantity | undefined>();

/** Parses a quantity written as a string or a YAML number; undefined when invalid. The answer is shared: read it, never change it. */
export function parseQuantity(input: string | number): Quantity | undefined {
  const text = typeof input === "number" ? String(input) : input;
  if (typeof input === "number" && !Number.isFinite(input)) return undefined;
  let q = parsedQuantities.get(text);
  if (q !== undefined || parsedQuantities.has(text)) return q;
  q = parse(text);
  if (parsedQuantities.size >= MAX_REMEMBERED) parsedQuantities.clear();
  parsedQuantities.set(text, q && Object.freeze(q));
  return q;
}

function parse(text: string): Quantity | undefined {
  const m = QUANTITY_RE.exec(text);
  if (!m) return undefined;
  const [, sign, digits, suffix = ""] = m;
  const multiplier = MULTIPLIERS.get(suffix) ?? 10 ** Number(suffix.slice(1));
  const value = (sign === "-" ? -1 : 1) * Number(digits) * multiplier;
  if (!Number.isFinite(value)) return undefined;
  return { value, text };
}

export function isValidQuantity(input: string | number): boolean {
  return parseQuantity(input) !== undefined;
}

/** Compares two quantities: negative, zero or positive; undefined when either is invalid. */
export function compareQuantities(a: string | number, b: string | number): number | undefined {
  const qa = parseQuantity(a);
  const qb = parseQuantity(b);
  if (!qa || !qb) return undefined;
  const diff = qa.value - qb.value;
  // Float noise on equal values written differently (1Gi vs 1073741824) is not a difference.
  return Math.abs(diff) <= Math.max(Math.abs(qa.value), Math.abs(qb.value)) * 1e-12 ? 0 : diff;
}

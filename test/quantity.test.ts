/** The quantity grammar of k8s.io/apimachinery resource.Quantity, both ways. */
import { compareQuantities, isValidQuantity, parseQuantity } from "../src/models/quantity.js";

const VALID: Array<[string | number, number]> = [
  ["0", 0], ["1", 1], ["+1", 1], ["-1", -1], [".5", 0.5], ["5.", 5], ["0.5", 0.5], ["1.5Gi", 1.5 * 2 ** 30],
  ["1Ki", 1024], ["1Mi", 2 ** 20], ["1Gi", 2 ** 30], ["1Ti", 2 ** 40], ["1Pi", 2 ** 50], ["1Ei", 2 ** 60],
  ["500m", 0.5], ["0.1m", 0.0001], ["1k", 1000], ["1M", 1e6], ["1G", 1e9], ["1T", 1e12], ["1P", 1e15], ["1E", 1e18],
  ["1e3", 1000], ["1E3", 1000], ["1e-3", 0.001], ["1e+3", 1000], ["1.5e3", 1500], ["-1e3", -1000], ["100", 100],
  ["250m", 0.25], ["128Mi", 128 * 2 ** 20], ["+.5", 0.5], ["-.5Mi", -0.5 * 2 ** 20], ["007", 7], ["2.5k", 2500],
  [1, 1], [0.5, 0.5], [1000, 1000],
  ["250000u", 0.25], ["500000000n", 0.5], ["1n", 1e-9], ["1.5u", 1.5e-6], ["-3n", -3e-9],
];

const INVALID: Array<string | number> = [
  "", " ", "500mi", "1GB", "1gi", "1KB", "1K", "1kb", "1 Gi", " 1Gi", "1Gi ", "Gi", "m", "1.2.3", "1e", "1e3.5",
  "1Gi3", "++1", "+-1", "1Mi1", "0x10", "1,5", "abc", "1Gii", "1mM", "1ki", "1b", "1B", "e3", ".", "+", "-", "1..2",
  "1e3Gi", "5%", "infinity", "NaN", "1_000", "1N", "1U", "1µ", "1nm", "1un", "1p", Number.NaN, Number.POSITIVE_INFINITY,
];

describe("valid quantities", () => {
  test.each(VALID)("%p is valid", (text, value) => {
    const q = parseQuantity(text);
    expect(q).toBeDefined();
    expect(q!.value).toBeCloseTo(value, 10);
  });
});

describe("invalid quantities", () => {
  test.each(INVALID)("%p is rejected", (text) => {
    expect(isValidQuantity(text)).toBe(false);
  });
});

test("the table has at least 60 cases", () => {
  expect(VALID.length + INVALID.length).toBeGreaterThanOrEqual(60);
});

test("comparison across units", () => {
  expect(compareQuantities("1Gi", "1073741824")).toBe(0);
  expect(compareQuantities("1G", "1Gi")).toBeLessThan(0);
  expect(compareQuantities("500m", "0.5")).toBe(0);
  expect(compareQuantities("2", "1500m")).toBeGreaterThan(0);
  expect(compareQuantities("1Mi", "500mi")).toBeUndefined();
});

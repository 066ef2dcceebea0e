/**
 * The test that decides whether a file's integers beyond 2^53 are looked for
 * (models/exact-integers.ts hasLongDigits): a run of 16 digits anywhere, as `/\d{16}/` finds it,
 * read at one offset of every 16.
 */
import { hasLongDigits } from "../src/models/exact-integers.js";
import { seededInts } from "./seeded.js";

const REFERENCE = /\d{16}/;

test.each([
  ["empty", ""],
  ["15 digits", "123456789012345"],
  ["16 digits", "1234567890123456"],
  ["16 digits at the start", "1234567890123456 rest"],
  ["16 digits at the end", "port: 1234567890123456"],
  ["17 digits across a sampled offset", "x".repeat(9) + "12345678901234567"],
  ["two runs of 15 split by one letter", "123456789012345a123456789012345"],
  ["a run of 16 starting one after a sampled offset", "x".repeat(16) + "1234567890123456"],
  ["digits of other scripts are not \\d", "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦"],
  ["a long base64 value", "MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ".repeat(20)],
])("%s", (_name, text) => {
  expect(hasLongDigits(text)).toBe(REFERENCE.test(text));
});

test("agrees with /\\d{16}/ on 20,000 texts of digits and letters, runs of every length at every offset", () => {
  const random = seededInts(17);
  let found = 0;
  for (let t = 0; t < 20_000; t++) {
    let text = "";
    const parts = 1 + random(6);
    for (let p = 0; p < parts; p++) text += random(3) === 0 ? "ab\n".slice(random(3)) : "9".repeat(random(20));
    const expected = REFERENCE.test(text);
    if (expected) found++;
    expect(hasLongDigits(text)).toBe(expected);
  }
  // Both answers are common: the texts test the boundary, not one side of it.
  expect(found).toBeGreaterThan(2000);
  expect(found).toBeLessThan(18_000);
});

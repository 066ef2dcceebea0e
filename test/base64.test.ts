/**
 * The base64 test of `[]byte` fields (models/base64.ts): Go's base64.StdEncoding as encoding/json
 * decodes a Secret's data, padded standard alphabet with CR and LF skipped, against the expression
 * it replaces, on hand-picked and generated texts.
 */
import { isStdBase64 } from "../src/models/base64.js";
import { seededInts } from "./seeded.js";

/** The reference: the padded standard alphabet, after every CR and LF is removed. */
const reference = (text: string) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text.replace(/[\r\n]/g, ""));

test.each([
  ["empty", "", true],
  ["one group", "YWJj", true],
  ["two of padding", "YQ==", true],
  ["one of padding", "YWI=", true],
  ["a certificate across lines, CRLF", "TUlJQ2lq\r\nQ0NBWEtn\r\nQXdJQkFn\r\n", true],
  ["line breaks inside a group", "YW\nJj", true],
  ["three of padding", "Y===", false],
  ["padding inside", "YQ==YWJj", false],
  ["a length that is not a multiple of four", "YWJjZ", false],
  ["URL-safe alphabet", "YW-_", false],
  ["a space", "YWJj YWJj", false],
  ["a letter beyond ASCII", "YWJé", false],
  ["padding alone", "==", false],
])("%s", (_name, text, valid) => {
  expect(isStdBase64(text)).toBe(valid);
  expect(reference(text)).toBe(valid);
});

test("agrees with the expression on 20,000 generated texts", () => {
  const pieces = ["YWJj", "QQ", "=", "==", "\n", "\r\n", "+/", "-", " ", "Zm9v", "é", "A"];
  const random = seededInts(5);
  let valid = 0;
  for (let t = 0; t < 20_000; t++) {
    let text = "";
    for (let p = random(8); p > 0; p--) text += pieces[random(pieces.length)];
    const expected = reference(text);
    if (expected) valid++;
    expect(isStdBase64(text)).toBe(expected);
  }
  expect(valid).toBeGreaterThan(1000);
});

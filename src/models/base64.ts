/**
 * Whether a `[]byte` field's text decodes: what the API server's JSON decoding of a byte slice (a
 * Secret's `data` value, any field of OpenAPI format `byte` in a built-in type) accepts. Go's
 * encoding/json decodes it with base64.StdEncoding, which takes the padded standard alphabet
 * (RFC 4648 section 4) and skips every CR and LF (encoding/base64 decodeQuantum), so a
 * certificate written across lines decodes.
 */

/** The standard alphabet by character code: `A-Z`, `a-z`, `0-9`, `+`, `/`. */
const ALPHABET = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") ALPHABET[c.charCodeAt(0)] = 1;

const LF = 10;
const CR = 13;
const PAD = 61;

/**
 * True when `text` without its CRs and LFs is whole groups of four characters of the alphabet, the
 * last one padded to `xx==` or `xxx=` at most (the empty text is valid). One pass, no copy: the
 * values are certificates and keys of many kilobytes.
 */
export function isStdBase64(text: string): boolean {
  let count = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) continue;
    count++;
    if (c === PAD) padding++;
    else if (padding > 0 || c > 127 || ALPHABET[c] === 0) return false;
  }
  return count % 4 === 0 && padding <= 2;
}

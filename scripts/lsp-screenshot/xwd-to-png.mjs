// Converts an X window dump (what `xwd` writes: TrueColor, 24 or 32 bits per pixel) to PNG with
// node's zlib alone, so the screenshot needs no image tool beyond x11-apps.
// Usage: node xwd-to-png.mjs <in.xwd> <out.png>
import { readFileSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const [input, output] = process.argv.slice(2);
const xwd = readFileSync(input);
const h = (i) => xwd.readUInt32BE(i * 4);
const headerSize = h(0);
const [width, height, byteOrder, bitsPerPixel, bytesPerLine, ncolors] = [h(4), h(5), h(7), h(11), h(12), h(19)];
const [redMask, greenMask, blueMask] = [h(14), h(15), h(16)];
if (bitsPerPixel !== 32 && bitsPerPixel !== 24) throw new Error(`unsupported xwd: ${bitsPerPixel} bits per pixel`);
const pixels = headerSize + ncolors * 12;
const shift = (mask) => 31 - Math.clz32(mask & -mask);
const channel = (v, mask) => ((v & mask) >>> shift(mask)) * 255 / (mask >>> shift(mask));

const raw = Buffer.alloc((width * 3 + 1) * height);
for (let y = 0; y < height; y++) {
  raw[y * (width * 3 + 1)] = 0;
  for (let x = 0; x < width; x++) {
    const at = pixels + y * bytesPerLine + x * (bitsPerPixel / 8);
    const v = bitsPerPixel === 32 ? (byteOrder === 0 ? xwd.readUInt32LE(at) : xwd.readUInt32BE(at)) : byteOrder === 0 ? xwd.readUIntLE(at, 3) : xwd.readUIntBE(at, 3);
    const o = y * (width * 3 + 1) + 1 + x * 3;
    raw[o] = channel(v, redMask);
    raw[o + 1] = channel(v, greenMask);
    raw[o + 2] = channel(v, blueMask);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(width, 0);
ihdr.writeUInt32BE(height, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 2; // colour type: RGB
writeFileSync(output, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]));

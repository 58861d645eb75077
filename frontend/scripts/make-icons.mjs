// Generates the app icons as real PNG files using only Node built-ins (zlib).
// Run with `npm run icons`; the output is committed under public/icons/.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
mkdirSync(outDir, { recursive: true });

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const BG = [15, 118, 110]; // teal-700, the theme colour
const FG = [255, 255, 255];

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  const x = ax + t * dx - px, y = ay + t * dy - py;
  return Math.sqrt(x * x + y * y);
}
function inRoundedRect(x, y, r) {
  // unit square [0,1] with corner radius r
  const cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

// The mark: a rising, stepped "load line" with a dot at its end, in unit coordinates of the
// content box (0..1). `content` is the fraction of the icon the mark may use (smaller for maskable).
const LINE = [
  [0.12, 0.74], [0.36, 0.74], [0.36, 0.52], [0.6, 0.52], [0.6, 0.3], [0.8, 0.3],
];
const DOT = [0.8, 0.3, 0.085];
const STROKE = 0.085;

function draw(size, { rounded, content }) {
  const buf = Buffer.alloc(size * size * 4);
  const S = 4; // supersampling per axis
  const off = (1 - content) / 2;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bgCov = 0, fgCov = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          const inBg = rounded ? inRoundedRect(x, y, 0.22) : true;
          if (!inBg) continue;
          bgCov++;
          const cx = (x - off) / content, cy = (y - off) / content;
          let on = false;
          for (let i = 0; i < LINE.length - 1 && !on; i++) {
            const [ax, ay] = LINE[i], [bx, by] = LINE[i + 1];
            if (distToSegment(cx, cy, ax, ay, bx, by) <= STROKE / 2) on = true;
          }
          if (!on && (cx - DOT[0]) ** 2 + (cy - DOT[1]) ** 2 <= DOT[2] ** 2) on = true;
          if (on) fgCov++;
        }
      }
      const n = S * S;
      const a = bgCov / n, f = bgCov ? fgCov / bgCov : 0;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) buf[i + c] = Math.round(BG[c] * (1 - f) + FG[c] * f);
      buf[i + 3] = Math.round(a * 255);
    }
  }
  return png(size, buf);
}

const files = [
  ['icon-192.png', 192, { rounded: true, content: 0.86 }],
  ['icon-512.png', 512, { rounded: true, content: 0.86 }],
  // Maskable: full-bleed background, mark inside the 80% safe zone.
  ['maskable-192.png', 192, { rounded: false, content: 0.62 }],
  ['maskable-512.png', 512, { rounded: false, content: 0.62 }],
  ['apple-touch-icon.png', 180, { rounded: false, content: 0.72 }],
  ['favicon-32.png', 32, { rounded: true, content: 0.9 }],
];
for (const [name, size, opts] of files) {
  writeFileSync(join(outDir, name), draw(size, opts));
  console.log(`wrote public/icons/${name} (${size}x${size})`);
}

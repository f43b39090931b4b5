import express, { type Router } from 'express';

/** The icon: a white speech bubble on the demo site's blue, drawn for 16 px and up. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#3b4cca"/><path d="M9 8h14a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3h-8l-6 5v-5a3 3 0 0 1-3-3v-8a3 3 0 0 1 3-3z" fill="#fff"/></svg>`;

const SIZE = 16;
const BLUE = [0xca, 0x4c, 0x3b, 0xff]; // BGRA
const WHITE = [0xff, 0xff, 0xff, 0xff];

/** Whether pixel (x, y) of the 16 px icon (top-down) is inside the bubble: its body and its tail. */
function inBubble(x: number, y: number): boolean {
  const body = x >= 3 && x <= 12 && y >= 4 && y <= 10 && !((x === 3 || x === 12) && (y === 4 || y === 10));
  const tail = y >= 11 && y <= 13 && x >= 4 && x <= 4 + (13 - y);
  return body || tail;
}

/**
 * The same icon as a 16×16 32-bit ICO, for the `/favicon.ico` browsers ask for on their own
 * (an ICO holds a bottom-up BMP without its file header, then a 1-bit mask, all transparent bits 0).
 */
export function faviconIco(): Buffer {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let row = 0; row < SIZE; row++) {
    const y = SIZE - 1 - row;
    for (let x = 0; x < SIZE; x++) {
      const corner = (x === 0 || x === SIZE - 1) && (y === 0 || y === SIZE - 1);
      const colour = corner ? [0, 0, 0, 0] : inBubble(x, y) ? WHITE : BLUE;
      pixels.set(colour, (row * SIZE + x) * 4);
    }
  }
  const mask = Buffer.alloc((SIZE / 8 + 2) * SIZE); // rows padded to 4 bytes; alpha decides
  const bmp = Buffer.alloc(40);
  bmp.writeUInt32LE(40, 0);
  bmp.writeInt32LE(SIZE, 4);
  bmp.writeInt32LE(SIZE * 2, 8); // colour and mask, stacked
  bmp.writeUInt16LE(1, 12);
  bmp.writeUInt16LE(32, 14);
  bmp.writeUInt32LE(pixels.length + mask.length, 20);
  const image = Buffer.concat([bmp, pixels, mask]);
  const head = Buffer.alloc(22);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // icon
  head.writeUInt16LE(1, 4); // one image
  head.writeUInt8(SIZE, 6);
  head.writeUInt8(SIZE, 7);
  head.writeUInt16LE(1, 10);
  head.writeUInt16LE(32, 12);
  head.writeUInt32LE(image.length, 14);
  head.writeUInt32LE(22, 18);
  return Buffer.concat([head, image]);
}

/** `/favicon.svg` for the pages that link it, `/favicon.ico` for browsers that ask without a link. */
export function faviconRoutes(): Router {
  const r = express.Router();
  const ico = faviconIco();
  const cache = 'public, max-age=86400';
  r.get('/favicon.svg', (_req, res) => {
    res.setHeader('Cache-Control', cache);
    res.type('image/svg+xml').send(FAVICON_SVG);
  });
  r.get('/favicon.ico', (_req, res) => {
    res.setHeader('Cache-Control', cache);
    res.type('image/x-icon').send(ico);
  });
  return r;
}

const ADJECTIVES = [
  'Amber',
  'Azure',
  'Brave',
  'Bright',
  'Calm',
  'Clever',
  'Coral',
  'Cosy',
  'Crimson',
  'Curious',
  'Gentle',
  'Golden',
  'Happy',
  'Indigo',
  'Jade',
  'Jolly',
  'Kind',
  'Lively',
  'Lucky',
  'Mellow',
  'Misty',
  'Noble',
  'Olive',
  'Plum',
  'Quiet',
  'Rosy',
  'Rusty',
  'Sage',
  'Silver',
  'Sunny',
  'Swift',
  'Teal',
];
const ANIMALS = [
  'Badger',
  'Bear',
  'Beaver',
  'Crane',
  'Deer',
  'Dolphin',
  'Falcon',
  'Finch',
  'Fox',
  'Gecko',
  'Hare',
  'Heron',
  'Ibis',
  'Koala',
  'Lark',
  'Lynx',
  'Marten',
  'Moose',
  'Otter',
  'Owl',
  'Panda',
  'Puffin',
  'Raven',
  'Robin',
  'Seal',
  'Sparrow',
  'Stork',
  'Swan',
  'Tiger',
  'Wolf',
  'Wren',
  'Yak',
];

/**
 * A stable, friendly name for a visitor who has not given one ("Calm Otter"). FNV-1a, not a
 * cryptographic hash: it runs for every message of an anonymous visitor, and ids are random.
 */
export function friendlyName(visitorId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < visitorId.length; i++) h = Math.imul(h ^ visitorId.charCodeAt(i), 0x01000193);
  h >>>= 0;
  return `${ADJECTIVES[h % ADJECTIVES.length]} ${ANIMALS[(h >>> 8) % ANIMALS.length]}`;
}

import { createHash } from 'node:crypto';

const ADJECTIVES = [
  'Amber', 'Azure', 'Brave', 'Bright', 'Calm', 'Clever', 'Coral', 'Cosy', 'Crimson', 'Curious',
  'Gentle', 'Golden', 'Happy', 'Indigo', 'Jade', 'Jolly', 'Kind', 'Lively', 'Lucky', 'Mellow',
  'Misty', 'Noble', 'Olive', 'Plum', 'Quiet', 'Rosy', 'Rusty', 'Sage', 'Silver', 'Sunny', 'Swift', 'Teal',
];
const ANIMALS = [
  'Badger', 'Bear', 'Beaver', 'Crane', 'Deer', 'Dolphin', 'Falcon', 'Finch', 'Fox', 'Gecko',
  'Hare', 'Heron', 'Ibis', 'Koala', 'Lark', 'Lynx', 'Marten', 'Moose', 'Otter', 'Owl',
  'Panda', 'Puffin', 'Raven', 'Robin', 'Seal', 'Sparrow', 'Stork', 'Swan', 'Tiger', 'Wolf', 'Wren', 'Yak',
];

/** A stable, friendly name for a visitor who has not given one ("Calm Otter"). */
export function friendlyName(visitorId: string): string {
  const h = createHash('sha256').update(visitorId).digest();
  return `${ADJECTIVES[h[0]! % ADJECTIVES.length]} ${ANIMALS[h[1]! % ANIMALS.length]}`;
}

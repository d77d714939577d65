/** Small IDLs several translator tests load, written once. */
import type { Restspec } from '../../src/migrate/idl.ts';

/** An association: compound keys of the parts `a` (a string) and `b` (a long), batch get. */
export const pairs: Restspec = {
  name: 'pairs',
  path: '/pairs',
  association: {
    identifier: 'pairsId',
    assocKeys: [
      { name: 'a', type: 'string' },
      { name: 'b', type: 'long' },
    ],
    supports: ['batch_get'],
    entity: { path: '/pairs/{pairsId}' },
  },
} as Restspec;

import type { Store } from '../db.js';
import { accountsDb, type FollowKind } from './tables.js';

export interface Follow {
  kind: FollowKind;
  value: string;
}

/**
 * What the user follows. A user who has chosen nothing follows the default
 * (DEFAULT_FOLLOWS: Breaking and every region), so a new account shows the
 * whole desk in a reader at once.
 */
export async function listFollows(store: Store, userId: number): Promise<Follow[]> {
  const rows = await accountsDb(store).selectFrom('user_follows').select(['kind', 'value']).where('user_id', '=', userId).orderBy('kind').orderBy('value').execute();
  return rows.length > 0 ? rows : DEFAULT_FOLLOWS;
}

export const DEFAULT_FOLLOWS: Follow[] = [
  { kind: 'breaking', value: 'breaking' },
  ...['africa', 'asia', 'europe', 'middle-east', 'north-america', 'latin-america', 'oceania'].map((value) => ({ kind: 'region' as const, value })),
];

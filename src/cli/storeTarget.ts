/**
 * Which database a command opens: --database-url URL or GLOBEDESK_DATABASE_URL
 * (PostgreSQL, issue 10), else --db FILE or GLOBEDESK_DB (SQLite). A flag
 * wins over the environment; a URL wins over a file.
 */
import { ConfigError, type Config } from '../config/config.js';

export interface StoreTarget {
  file: string;
  url: string | null;
  /** For messages: the file, or the URL with its password hidden. */
  label: string;
}

export function storeTarget(flags: Record<string, string | true>, config: Config): StoreTarget {
  const flag = flags['database-url'];
  if (flag === true) throw new ConfigError('--database-url', '', 'a PostgreSQL URL such as postgres://globedesk:secret@db.lan:5432/globedesk');
  if (typeof flag === 'string' && !/^postgres(ql)?:\/\/\S+$/i.test(flag))
    throw new ConfigError('--database-url', flag.replace(/:[^:@/]*@/, ':***@'), 'a PostgreSQL URL such as postgres://globedesk:secret@db.lan:5432/globedesk');
  const url = (typeof flag === 'string' ? flag : null) ?? config.databaseUrl ?? null;
  const file = typeof flags.db === 'string' ? flags.db : config.dbFile;
  return { file, url, label: url ? url.replace(/:[^:@/]*@/, ':***@') : file };
}

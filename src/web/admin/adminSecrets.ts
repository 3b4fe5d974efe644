/**
 * What admin sessions need to outlive a restart: the key that signs session
 * cookies and CSRF tokens, and the session generation that signing out
 * raises (every cookie names the generation it was issued in; a cookie of an
 * older one is no session). Both live in one small JSON file beside the
 * database, `<database>.secret`, created with permissions 0600 and refused
 * when anyone but its owner may read it. GLOBEDESK_SECRET_KEY, when set,
 * gives the key instead (at least 32 characters, e.g. `openssl rand -hex 32`),
 * and the file then keeps only the generation.
 *
 * Without a file (an in-memory database, tests) both stay in memory: a
 * restart then signs everyone out, as it always did.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { MIN_SECRET_KEY_LENGTH } from '../../config/config.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { Store } from '../../storage/db.js';
import { claimMeta, getMeta, raiseMeta } from '../../storage/meta.js';

export interface AdminSecrets {
  /** 32 bytes; the same across restarts when a file or the environment holds it. */
  readonly key: Buffer;
  /** The current session generation. */
  generation(): number;
  /** Raises the generation (ending every session) and keeps it; returns the new one. */
  bump(): number;
}

interface SecretFile {
  key?: string;
  generation?: number;
}

/** Key and generation in memory only. */
export function memorySecrets(key: Buffer = randomBytes(32)): AdminSecrets {
  let gen = 0;
  return { key, generation: () => gen, bump: () => ++gen };
}

/** The file that holds the secrets of a database, or null for ":memory:". */
export function secretFileFor(dbFile: string): string | null {
  return dbFile === ':memory:' || dbFile === '' ? null : `${dbFile}.secret`;
}

/** The signing key GLOBEDESK_SECRET_KEY gives (its SHA-256), null when unset; too short a key is refused. */
function keyFromEnv(envKey: string | null): Result<Buffer | null> {
  if (envKey === null) return ok(null);
  if (envKey.length < MIN_SECRET_KEY_LENGTH) {
    return err('admin', 'weak_secret_key', `GLOBEDESK_SECRET_KEY must be at least ${MIN_SECRET_KEY_LENGTH} characters (try: openssl rand -hex 32)`);
  }
  return ok(createHash('sha256').update(envKey).digest());
}

/**
 * Loads (or creates) the secrets for a desk. `envKey` is GLOBEDESK_SECRET_KEY;
 * `file` is where the rest is kept (null: memory only).
 */
export function loadAdminSecrets(file: string | null, envKey: string | null): Result<AdminSecrets> {
  const env = keyFromEnv(envKey);
  if (!env.ok) return env;
  const fromEnv = env.value;
  if (file === null) return ok(memorySecrets(fromEnv ?? undefined));

  let stored: SecretFile = {};
  let exists = true;
  try {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      return err('admin', 'secret_file_open', `${file} may be read by others (mode ${mode.toString(8)}); run: chmod 600 ${file}`);
    }
    stored = JSON.parse(readFileSync(file, 'utf8')) as SecretFile;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return err('admin', 'secret_file_unreadable', `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, e);
    exists = false;
  }
  let key = fromEnv;
  if (key === null) {
    const k = typeof stored.key === 'string' ? Buffer.from(stored.key, 'base64') : null;
    key = k !== null && k.length === 32 ? k : randomBytes(32);
  }
  let gen = Number.isSafeInteger(stored.generation) && stored.generation! >= 0 ? stored.generation! : 0;
  const keyText = fromEnv === null ? key.toString('base64') : undefined;
  const save = (): void => writeSecretFile(file, { ...(keyText !== undefined ? { key: keyText } : {}), generation: gen });
  try {
    if (!exists || (keyText !== undefined && stored.key !== keyText)) save();
  } catch (e) {
    return err('admin', 'secret_file_unwritable', `cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  const k = key;
  return ok({
    key: k,
    generation: () => gen,
    bump: () => {
      gen++;
      // The new generation must be on disk before the sign-out is reported done:
      // a restart must not bring the ended sessions back.
      save();
      return gen;
    },
  });
}

/** Writes the file whole (a temporary file, then rename), readable by its owner only. */
function writeSecretFile(file: string, content: SecretFile): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(content) + '\n');
  } finally {
    closeSync(fd);
  }
  chmodSync(tmp, 0o600); // openSync's mode is filtered by the umask, never widened; make sure
  renameSync(tmp, file);
}

/** How often a server on a shared database re-reads the session generation (a sign-out elsewhere takes effect here within this). */
export const GENERATION_POLL_MS = 5_000;
const KEY_META = 'admin_secret_key';
const GENERATION_META = 'admin_session_generation';

/**
 * The secrets of a desk on PostgreSQL, where any number of `serve --no-poll`
 * processes on several machines answer for one database and have no file
 * in common: they live in the database's `meta` table. Every server signs
 * with the same key (GLOBEDESK_SECRET_KEY, else one made by the first server
 * and kept in `meta`; whoever reads the database can read every account
 * anyway), and a sign-out raises the generation there, which every server
 * re-reads each GENERATION_POLL_MS. The raise is written before the sign-out
 * answers on this server only as far as a synchronous bump() allows: it
 * takes effect here at once and is stored right after (a failed write is
 * logged and retried at the next poll).
 */
export async function databaseSecrets(
  store: Store,
  envKey: string | null,
  log: (line: string) => void = () => {},
): Promise<Result<AdminSecrets & { sync(): Promise<void>; stop(): void }>> {
  const env = keyFromEnv(envKey);
  if (!env.ok) return env;
  const key = env.value ?? Buffer.from(await claimMeta(store, KEY_META, randomBytes(32).toString('base64')), 'base64');
  if (key.length !== 32) return err('admin', 'secret_meta_bad', `the database's ${KEY_META} is not a 32-byte key; delete that row of meta to make a new one (everyone is signed out)`);
  const read = async () => {
    const v = Number(await getMeta(store, GENERATION_META));
    return Number.isSafeInteger(v) && v >= 0 ? v : 0;
  };
  let gen = await read();
  let unsaved = false;
  /** Stores a raise not stored yet, else takes a raise made elsewhere; one at a time, in call order. */
  const step = async () => {
    try {
      if (unsaved) {
        const want = gen;
        // Raised, never lowered, in one statement: two sign-outs at once on two servers agree on the higher.
        const stored = await raiseMeta(store, GENERATION_META, want);
        // A sign-out while this one was stored queued its own step.
        if (gen === want) unsaved = false;
        gen = Math.max(gen, stored);
      } else gen = Math.max(gen, await read());
    } catch (e) {
      log(`admin: cannot ${unsaved ? 'store' : 'read'} the session generation (${(e instanceof Error ? e.message : String(e)).split('\n')[0]}); retrying`);
    }
  };
  let turn: Promise<void> = Promise.resolve();
  const sync = () => (turn = turn.then(step));
  const poll = setInterval(() => void sync(), GENERATION_POLL_MS);
  poll.unref();
  return ok({
    key,
    generation: () => gen,
    bump: () => {
      gen++;
      unsaved = true;
      void sync();
      return gen;
    },
    sync,
    stop: () => clearInterval(poll),
  });
}

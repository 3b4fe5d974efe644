/**
 * globedesk users: accounts of the desk.
 *
 *   users add NAME [--admin]      password from standard input (first line)
 *   users list [--json]
 *   users remove NAME
 *   users passwd NAME             new password from standard input; revokes the user's sessions and tokens
 *   users role NAME admin|reader
 *
 * Passwords are never taken from argv: argv is visible to every user of the
 * machine (ps, /proc/PID/cmdline) and lands in shell history. Every
 * subcommand takes --db FILE (default GLOBEDESK_DB), or --database-url URL
 * (default GLOBEDESK_DATABASE_URL) for a desk on PostgreSQL.
 */
import { loadConfig } from '../config/config.js';
import { openStore } from '../storage/db.js';
import { addUser } from '../storage/accounts/addUser.js';
import { findUserByName } from '../storage/accounts/findUser.js';
import { listUsers } from '../storage/accounts/listUsers.js';
import { removeUser } from '../storage/accounts/removeUser.js';
import { setUserPassword } from '../storage/accounts/setUserPassword.js';
import { setUserRole } from '../storage/accounts/setUserRole.js';
import { feverKey, feverKeyHash, hashPassword, passwordProblem } from '../accounts/password.js';
import { parseFlags, readAll, write, type CommandIO } from './io.js';
import { storeTarget } from './storeTarget.js';

const USAGE = `usage: globedesk users <subcommand> [--db FILE | --database-url URL]

  add NAME [--admin]            add a user; the password is read from standard input
  list [--json]                 every user with their role
  remove NAME                   remove a user and everything that is theirs
  passwd NAME                   set a new password (from standard input); ends their sessions and tokens
  role NAME admin|reader        make a user an admin or a reader

  e.g.  printf '%s\\n' "$PASSWORD" | globedesk users add alice
`;

/** The first line of standard input, without its line ending. */
async function readPassword(io: CommandIO): Promise<string> {
  const raw = (await readAll(io.stdin, 64 * 1024)).toString('utf8');
  return raw.split(/\r?\n/)[0] ?? '';
}

export async function run(io: CommandIO): Promise<number> {
  const { flags, positionals } = parseFlags(io.argv, ['json', 'admin', 'help']);
  const [sub, name, extra] = positionals;
  if (!sub || flags.help) {
    io.stdout.write(USAGE);
    return sub || flags.help ? 0 : 2;
  }
  if (typeof flags.password === 'string') {
    write(io.stderr, 'users: a password is never taken from the command line; pipe it to standard input');
    return 2;
  }
  const config = loadConfig(io.env);
  const target = storeTarget(flags, config);
  const fail = (message: string, code = 1): number => {
    write(io.stderr, `users: ${message}`);
    return code;
  };
  const needName = () => (name ? null : fail(`${sub} needs a user name\n${USAGE}`, 2));
  if (!['add', 'list', 'remove', 'passwd', 'role'].includes(sub)) return fail(`unknown subcommand "${sub}"\n${USAGE}`, 2);
  if (sub !== 'list') {
    const bad = needName();
    if (bad !== null) return bad;
  }
  // Read the password before opening the database: a missing one fails fast and changes nothing.
  let password: string | null = null;
  if (sub === 'add' || sub === 'passwd') {
    password = await readPassword(io);
    const problem = passwordProblem(password);
    if (problem) return fail(`${problem} (read from standard input)`, 2);
  }
  const store = await openStore({ file: target.file, url: target.url, readonly: sub === 'list' ? undefined : false });
  try {
    const now = new Date();
    switch (sub) {
      case 'add': {
        const r = await addUser(store, { name: name!, passwordHash: await hashPassword(password!), feverKeyHash: feverKeyHash(feverKey(name!, password!)), role: flags.admin ? 'admin' : 'reader', now });
        if (!r.ok) return fail(r.error.message);
        write(io.stdout, `added ${r.value.role} ${r.value.name}`);
        return 0;
      }
      case 'list': {
        const users = await listUsers(store);
        if (flags.json) write(io.stdout, JSON.stringify(users));
        else if (users.length === 0) write(io.stdout, 'no users; the desk is public and read-only (add one with "globedesk users add NAME")');
        else for (const u of users) write(io.stdout, `${u.name}\t${u.role}\t${u.createdAt}`);
        return 0;
      }
      case 'remove':
        return (await removeUser(store, name!)) ? (write(io.stdout, `removed ${name}`), 0) : fail(`no user named ${name}`);
      case 'passwd': {
        const u = await findUserByName(store, name!);
        if (!u) return fail(`no user named ${name}`);
        // The Fever key is MD5 of the name as stored, so it is derived from u.name, not what was typed.
        await setUserPassword(store, u.id, await hashPassword(password!), feverKeyHash(feverKey(u.name, password!)), now);
        write(io.stdout, `new password for ${u.name}; their sessions and tokens are revoked`);
        return 0;
      }
      case 'role': {
        if (extra !== 'admin' && extra !== 'reader') return fail('role is admin or reader', 2);
        return (await setUserRole(store, name!, extra)) ? (write(io.stdout, `${name} is now ${extra === 'admin' ? 'an admin' : 'a reader'}`), 0) : fail(`no user named ${name}`);
      }
    }
    return 2;
  } finally {
    await store.close();
  }
}

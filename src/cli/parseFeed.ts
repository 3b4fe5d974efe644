import type { CommandIO } from './io.js';

// Placeholder until this command lands; it fails loudly rather than pretending.
export async function run(io: CommandIO): Promise<number> {
  io.stderr.write('globedesk: this command is not built yet\n');
  return 1;
}

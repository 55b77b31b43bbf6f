import { createInterface } from 'node:readline';
import type { Core } from '../core';

/** `--name value` from the command line. */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Ctrl+C or a service stop: stop answering, close the database, exit. */
export function closeOnSignals(http: { close(): Promise<void> }, core: Core): void {
  const stop = async () => {
    await http.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** A command's main(): its error printed (a refusal's own words), exit code 1. */
export function runMain(main: () => Promise<void>, words: (err: unknown) => unknown = (err) => err): void {
  main().catch((err) => {
    console.error(words(err));
    process.exit(1);
  });
}

/** A line typed at the console, not echoed (a password). */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Echo nothing but the question itself.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stdout.write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

/**
 * A new password from the server's console: typed twice at a terminal, or the first line of what
 * is piped in (for scripts). Null when the two typed differ.
 */
export async function passwordFromConsole(): Promise<string | null> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const first = await promptHidden('新的管理员密码：');
  const again = await promptHidden('再输入一次：');
  return first === again ? first : null;
}

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

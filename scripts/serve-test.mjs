// Starts the built app's HTTP server on a fresh, empty data folder (end-to-end tests only).
import { rmSync, mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';

const [port, dir] = process.argv.slice(2);
const dataDir = path.resolve(dir);
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const child = spawn(process.execPath, ['dist/electron/http/serve.js', '--port', port, '--data', dataDir], {
  stdio: 'inherit',
});
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));

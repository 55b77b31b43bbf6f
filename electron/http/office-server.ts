/**
 * `npm run server`: the office server (办公室服务器). The core on PostgreSQL, reached by every desk over
 * HTTPS on the LAN (the desktop app in client mode, or a browser). Settings from `server.json` in the
 * data folder (or --config FILE), each overridable by the environment:
 *
 *   { "postgres": "postgres://griddesk:secret@127.0.0.1:5432/griddesk",   GRIDDESK_PG_URL
 *     "host": "0.0.0.0", "port": 5781,                                     GRIDDESK_SERVER_HOST / _PORT
 *     "certFile": "…", "keyFile": "…" }                                    the office's own certificate (else self-signed)
 *
 * `npm run server -- --move-from <griddesk.sqlite>` copies a standalone database into the server's
 * (empty) PostgreSQL database once, checks every table, and exits.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fingerprintGroups } from '../contract';
import { createCore } from '../core';
import { moveToServer, MoveRefused } from '../core/db/move-to-server';
import { lanAddresses, loadServerCertificate } from './certificate';
import { arg, closeOnSignals, runMain } from './process';
import { defaultDataDir } from './serve';
import { startHttpServer } from './server';

export interface ServerConfig {
  postgres: string;
  host: string;
  port: number;
  certFile?: string;
  keyFile?: string;
}

/** The config file, then the environment over it; refuses to start without a database. */
export function readServerConfig(file: string, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const fromFile = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<ServerConfig>) : {};
  const postgres = env.GRIDDESK_PG_URL ?? fromFile.postgres;
  if (!postgres) throw new Error(`没有配置数据库：请在 ${file} 中写 "postgres": "postgres://用户:密码@主机:5432/griddesk"，或设置环境变量 GRIDDESK_PG_URL。`);
  const port = Number(env.GRIDDESK_SERVER_PORT ?? fromFile.port ?? 5781);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`端口无效：${port}`);
  return {
    postgres,
    host: env.GRIDDESK_SERVER_HOST ?? fromFile.host ?? '0.0.0.0',
    port,
    ...(fromFile.certFile && fromFile.keyFile ? { certFile: fromFile.certFile, keyFile: fromFile.keyFile } : {}),
  };
}

/** The connection string without its password, for the console. */
export const withoutPassword = (url: string) => url.replace(/:\/\/([^:/@]+):[^@]*@/, '://$1:***@');

async function main() {
  const dataDir = arg('data') ?? defaultDataDir();
  mkdirSync(dataDir, { recursive: true });
  const config = readServerConfig(arg('config') ?? path.join(dataDir, 'server.json'));

  const moveFrom = arg('move-from');
  if (moveFrom) {
    console.log(`正在把单机数据库 ${moveFrom} 迁移到 ${withoutPassword(config.postgres)} …`);
    const report = await moveToServer(path.resolve(moveFrom), { connectionString: config.postgres }, os.userInfo().username, (t, n) => console.log(`  ${t}: ${n} 行`));
    const bad = report.tables.filter((t) => !t.checksumsMatch);
    for (const t of report.tables) console.log(`  ${t.checksumsMatch ? '✓' : '✗'} ${t.table.padEnd(28)} 文件 ${t.sourceRows} 行  服务器 ${t.targetRows} 行`);
    if (bad.length > 0) throw new Error(`迁移后核对不一致：${bad.map((t) => t.table).join(', ')}`);
    console.log(`迁移完成：${report.tables.length} 张表，${report.rows} 行，用时 ${(report.ms / 1000).toFixed(1)} 秒；逐表行数与校验和一致。`);
    return;
  }

  const certificate = await loadServerCertificate(dataDir, config.certFile && config.keyFile ? { certFile: config.certFile, keyFile: config.keyFile } : undefined);
  const core = await createCore({ file: path.join(dataDir, 'server-work'), postgres: { connectionString: config.postgres, max: 20 } });
  const staticDir = path.resolve(__dirname, '..', '..', 'renderer');
  const http = await startHttpServer({ core, host: config.host, port: config.port, staticDir, tls: certificate });
  const port = (http.server.address() as { port: number }).port;
  console.log(`GridDesk 办公室服务器已启动，端口 ${port}`);
  for (const ip of lanAddresses()) console.log(`  客户端地址：https://${ip}:${port}`);
  // Printed in the groups the client's screen shows, for comparing them by eye.
  console.log(`证书指纹（SHA-256）：${certificate.fingerprint}`);
  for (const group of fingerprintGroups(certificate.fingerprint)) console.log(`    ${group}`);
  console.log(certificate.created ? '  这是新生成的证书：每台客户端第一次连接时请核对上面的指纹。' : '  客户端首次连接时显示的指纹应与此一致。');
  console.log(`数据库：${withoutPassword(config.postgres)}`);
  closeOnSignals(http, core);
}

if (require.main === module) runMain(main, (err) => (err instanceof MoveRefused ? err.message : err));

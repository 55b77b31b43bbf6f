/**
 * `npm run server`: the office server (办公室服务器). The core on PostgreSQL, reached by every desk over
 * HTTPS on the LAN (the desktop app in client mode, or a browser). Settings from `server.json` in the
 * data folder (or --config FILE), each overridable by the environment:
 *
 *   { "postgres": "postgres://griddesk:secret@127.0.0.1:5432/griddesk",   GRIDDESK_PG_URL
 *     "host": "0.0.0.0", "port": 5781,                                     GRIDDESK_SERVER_HOST / _PORT
 *     "certFile": "…", "keyFile": "…",                                     the office's own certificate (else self-signed)
 *     "pgBin": "C:\\Program Files\\PostgreSQL\\16\\bin" }                  GRIDDESK_PG_BIN: where pg_dump is (else PATH)
 *
 * `npm run server -- --move-from <griddesk.sqlite>` copies a standalone database into the server's
 * (empty) PostgreSQL database once, checks every table, and exits.
 * `npm run server -- --admin-password` sets the first admin password at this console, and exits.
 * Otherwise a fresh server prints a one-time setup code that the first run over the network needs.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fingerprintGroups, newPassword } from '../contract';
import { createCore, type Core } from '../core';
import { moveToServer, MoveRefused } from '../core/db/move-to-server';
import { lanAddresses, loadServerCertificate } from './certificate';
import { firstRunCode, setupCodeFile } from './first-run-code';
import { dumpDatabase, findPgDump } from './pg-dump';
import { arg, closeOnSignals, passwordFromConsole, runMain } from './process';
import { prepareDataDir } from '../core/host/data-folder';
import { startHttpServer } from './server';

export interface ServerConfig {
  postgres: string;
  host: string;
  port: number;
  certFile?: string;
  keyFile?: string;
  /** The folder with pg_dump (the server backs its database up before upgrading it); else found on PATH. */
  pgBin?: string;
}

/** The config file, then the environment over it; refuses to start without a database. */
export function readServerConfig(file: string, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const fromFile = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<ServerConfig>) : {};
  const postgres = env.GRIDDESK_PG_URL ?? fromFile.postgres;
  if (!postgres)
    throw new Error(
      `没有配置数据库：请在 ${file} 中写 "postgres": "postgres://用户:密码@主机:5432/griddesk"，或设置环境变量 GRIDDESK_PG_URL。`,
    );
  const port = Number(env.GRIDDESK_SERVER_PORT ?? fromFile.port ?? 5781);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口无效：${port}`);
  return {
    postgres,
    host: env.GRIDDESK_SERVER_HOST ?? fromFile.host ?? '0.0.0.0',
    port,
    ...(fromFile.certFile && fromFile.keyFile ? { certFile: fromFile.certFile, keyFile: fromFile.keyFile } : {}),
    ...((env.GRIDDESK_PG_BIN ?? fromFile.pgBin) ? { pgBin: env.GRIDDESK_PG_BIN ?? fromFile.pgBin } : {}),
  };
}

/** `--admin-password`: the first admin password typed at the server's own console (no network, no code to copy). */
async function setAdminPasswordAtConsole(core: Core, needsSetup: boolean, code: string): Promise<void> {
  if (!needsSetup) throw new ConsoleRefusal('管理员密码已经设置过。忘记密码时，请另一位管理员在“用户管理”中重置。');
  const password = await passwordFromConsole();
  if (password === null) throw new ConsoleRefusal('两次输入的密码不一致，未设置。');
  const checked = newPassword.safeParse(password);
  if (!checked.success) throw new ConsoleRefusal('密码至少 8 位，且须同时包含字母和数字；未设置。');
  await core.dispatch('accounts.setup', { password: checked.data, setupCode: code }, {});
  console.log('管理员（admin）密码已设置。现在运行 npm run server 启动服务器。');
}

/**
 * Before this version changes the server's tables: a pg_dump into the data folder's backups/. Without
 * pg_dump the server refuses to migrate unless started with --migrate (someone has a backup already).
 */
async function backUpBeforeMigrating(config: ServerConfig, dataDir: string, pending: string[]): Promise<void> {
  const pgDump = findPgDump(config.pgBin);
  if (!pgDump) {
    if (process.argv.includes('--migrate')) {
      console.warn(`警告：找不到 pg_dump，数据库升级（${pending.length} 项）前未备份（已按 --migrate 继续）。`);
      return;
    }
    throw new ConsoleRefusal(
      `数据库需要升级（${pending.length} 项：${pending.join('、')}），升级前要先用 pg_dump 备份，但找不到 pg_dump。\n` +
        '请安装 PostgreSQL 客户端工具，或在 server.json 中用 "pgBin" 指明其所在文件夹；已另有备份时，可加 --migrate 启动以跳过这一步。数据库未作任何改动。',
    );
  }
  console.log(`数据库需要升级（${pending.length} 项），先备份…`);
  const file = dumpDatabase(pgDump, config.postgres, path.join(dataDir, 'backups'), 'before-migration');
  console.log(`  已备份到 ${file}（可用 pg_restore 恢复）`);
}

/** A refusal at the console: its words are printed, no stack. */
class ConsoleRefusal extends Error {}

/** The connection string without its password, for the console. */
export const withoutPassword = (url: string) => url.replace(/:\/\/([^:/@]+):[^@]*@/, '://$1:***@');

async function main() {
  const dataDir = prepareDataDir(arg('data'));
  const config = readServerConfig(arg('config') ?? path.join(dataDir, 'server.json'));

  const moveFrom = arg('move-from');
  if (moveFrom) {
    console.log(`正在把单机数据库 ${moveFrom} 迁移到 ${withoutPassword(config.postgres)} …`);
    const report = await moveToServer(
      path.resolve(moveFrom),
      { connectionString: config.postgres },
      os.userInfo().username,
      (t, n) => console.log(`  ${t}: ${n} 行`),
    );
    const bad = report.tables.filter((t) => !t.checksumsMatch);
    for (const t of report.tables)
      console.log(
        `  ${t.checksumsMatch ? '✓' : '✗'} ${t.table.padEnd(28)} 文件 ${t.sourceRows} 行  服务器 ${t.targetRows} 行`,
      );
    if (bad.length > 0) throw new Error(`迁移后核对不一致：${bad.map((t) => t.table).join(', ')}`);
    console.log(
      `迁移完成：${report.tables.length} 张表，${report.rows} 行，用时 ${(report.ms / 1000).toFixed(1)} 秒；逐表行数与校验和一致。`,
    );
    return;
  }

  const setupCode = firstRunCode(dataDir);
  const core = await createCore({
    file: path.join(dataDir, 'server-work'),
    postgres: { connectionString: config.postgres, max: 20 },
    firstRunCode: setupCode,
    beforeMigrate: (pending) => backUpBeforeMigrating(config, dataDir, pending),
  });
  const { needsSetup } = (await core.dispatch('accounts.setupStatus', {}, {})) as { needsSetup: boolean };

  if (process.argv.includes('--admin-password')) {
    try {
      await setAdminPasswordAtConsole(core, needsSetup, setupCode.code);
    } finally {
      await core.close();
    }
    return;
  }

  const certificate = await loadServerCertificate(
    dataDir,
    config.certFile && config.keyFile ? { certFile: config.certFile, keyFile: config.keyFile } : undefined,
  );
  const staticDir = path.resolve(__dirname, '..', '..', 'renderer');
  // New versions for the desks: an admin drops latest.yml and the installer here (README: updates).
  const updatesDir = path.join(dataDir, 'updates');
  mkdirSync(updatesDir, { recursive: true });
  const http = await startHttpServer({
    core,
    host: config.host,
    port: config.port,
    staticDir,
    updatesDir,
    tls: certificate,
  });
  const port = (http.server.address() as { port: number }).port;
  console.log(`GridDesk 办公室服务器已启动，端口 ${port}`);
  for (const ip of lanAddresses()) console.log(`  客户端地址：https://${ip}:${port}`);
  console.log(`  客户端更新文件夹：${updatesDir}（放入 latest.yml 与安装程序，各台电脑每天检查一次）`);
  // Printed in the groups the client's screen shows, for comparing them by eye.
  console.log(`证书指纹（SHA-256）：${certificate.fingerprint}`);
  for (const group of fingerprintGroups(certificate.fingerprint)) console.log(`    ${group}`);
  console.log(
    certificate.created
      ? '  这是新生成的证书：每台客户端第一次连接时请核对上面的指纹。'
      : '  客户端首次连接时显示的指纹应与此一致。',
  );
  console.log(`数据库：${withoutPassword(config.postgres)}`);
  if (needsSetup) {
    // Whoever reaches a fresh server first must not become its admin: the first run needs this code.
    setupCode.keep();
    console.log(`首次设置码：${setupCode.code}`);
    console.log(`  在客户端首次设置管理员密码时输入（也保存在 ${setupCodeFile(dataDir)}，用过即失效）；`);
    console.log('  或在本机运行 npm run server -- --admin-password 直接设置。');
  } else setupCode.discard();
  closeOnSignals(http, core);
}

if (require.main === module)
  runMain(main, (err) => (err instanceof MoveRefused || err instanceof ConsoleRefusal ? err.message : err));

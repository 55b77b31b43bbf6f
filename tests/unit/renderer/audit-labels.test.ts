import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../electron/contract';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

// The 操作日志 reads in words: every method that writes has its name in both languages.
const writes = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].writes);

describe.each([
  ['zh-CN', zhCN.audit.methods as Record<string, string>],
  ['en', en.audit.methods as Record<string, string>],
])('%s', (_lang, methods) => {
  it('names every method that writes', () => {
    expect(writes.filter((m) => !methods[m])).toEqual([]);
  });
});

import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../electron/contract';
import { auditWords } from '../../../renderer/src/features/audit/audit-words';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    keySeparator: '.',
    nsSeparator: false,
    interpolation: { escapeValue: false },
  });
});

const row = (r: Partial<AuditRow>): AuditRow => ({
  id: 1,
  at: '2026-12-05T04:31:22Z',
  username: 'manager1',
  userName: '王主任',
  method: 'x',
  entity: null,
  entityId: null,
  summary: null,
  before: null,
  after: null,
  ...r,
});

describe('the audit log in words', () => {
  const reject = row({
    method: 'upgrades.transition',
    entity: 'upgrades',
    entityId: '5',
    summary: 'reject: submitted → rejected (方案不全)',
    before: { status: 'submitted' },
    after: {
      status: 'rejected',
      action: 'reject',
      requestNo: 'JG-2026-0012',
      equipmentName: '城关1号配变',
      comment: '方案不全',
    },
  });

  it('names the step, the record by its number and the change of state', () => {
    expect(auditWords(i18n.getFixedT('zh-CN'), reject)).toBe('驳回 技改申请 JG-2026-0012：已提交 → 已驳回，“方案不全”');
    expect(auditWords(i18n.getFixedT('en'), reject)).toMatch(
      /^Reject Upgrade request JG-2026-0012: ?Submitted → Rejected/i,
    );
  });

  it('says what the roster generation did, with its figure', () => {
    const generated = row({
      method: 'roster.generate',
      entity: 'seasons',
      entityId: '3',
      summary: 'generated 1152 assignments',
      after: { name: '2027 迎峰度夏' },
    });
    expect(auditWords(i18n.getFixedT('zh-CN'), generated)).toBe('自动排班 值班季 2027 迎峰度夏：排 1152 人次');
  });

  it('names a ledger record by its line and towers, and the kind of write', () => {
    const saved = row({
      method: 'vegetation.save',
      entity: 'vegetation',
      entityId: '471',
      summary: 'created',
      after: { lineName: '10kV 清溪一线', towerRange: '#12–#15', status: 'unscheduled' },
    });
    expect(auditWords(i18n.getFixedT('zh-CN'), saved)).toBe('保存树障记录 10kV 清溪一线 #12–#15：新建');
  });

  it('falls back to the record id and the method where it knows nothing better, never to nothing', () => {
    expect(
      auditWords(
        i18n.getFixedT('zh-CN'),
        row({ method: 'staff.delete', entity: 'staff', entityId: '9', summary: 'deleted to recycle bin' }),
      ),
    ).toBe('删除人员 #9：移入回收站');
  });
});

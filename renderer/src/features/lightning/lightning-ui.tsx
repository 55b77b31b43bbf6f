import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import type { TestJudgement } from '@contract';

/** 合格 / 不合格 / 未完成 as a coloured tag, with the failing reasons on hover. */
export function VerdictTag({
  t,
  verdict,
  reasons,
}: {
  t: TFunction;
  verdict: 'pass' | 'fail' | null;
  reasons?: string[];
}) {
  const tag = (
    <Tag color={verdict === 'pass' ? 'green' : verdict === 'fail' ? 'red' : 'default'} data-testid="verdict">
      {t(`lightning.verdicts.${verdict ?? 'pending'}`)}
    </Tag>
  );
  return reasons && reasons.length > 0 ? <Tooltip title={reasons.join('；')}>{tag}</Tooltip> : tag;
}

/** Each line of a judgement: the check, the reading, the limit and where it came from. */
export function JudgementLines({ t, judgement }: { t: TFunction; judgement: TestJudgement }) {
  return (
    <ul className="judgement" data-testid="judgement">
      {judgement.items.map((i) => (
        <li key={i.check} className={i.pass ? undefined : 'row-overdue'}>
          {t('lightning.judgePreview', {
            check: t(`lightning.checks.${i.check}`),
            value: i.value ?? '—',
            limit: i.limit,
            verdict: t(`lightning.verdicts.${i.pass ? 'pass' : 'fail'}`),
          })}
          <div className="small">{i.standard}</div>
        </li>
      ))}
    </ul>
  );
}

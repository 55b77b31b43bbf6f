import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Judgement } from '@contract';
import { call } from '../../api/client';
import { basisText, GradeTag } from './vegetation.columns';

/** Live grade while typing: asks the core, so the form and the saved record judge by the same rules. */
export function JudgePreview({ values }: { values: Record<string, unknown> }) {
  const { t } = useTranslation();
  const [judgement, setJudgement] = useState<Judgement | null>(null);
  const { lineId, treeClass, verticalDistance, horizontalDistance } = values as {
    lineId?: number;
    treeClass?: 'general' | 'street';
    verticalDistance?: number | null;
    horizontalDistance?: number | null;
  };
  useEffect(() => {
    const valid = (d: unknown) => (typeof d === 'number' && d >= 0 ? d : null);
    if (!lineId || (valid(verticalDistance) === null && valid(horizontalDistance) === null)) {
      setJudgement(null);
      return;
    }
    const timer = setTimeout(() => {
      call('vegetation.judge', {
        lineId,
        treeClass: treeClass ?? 'general',
        verticalDistance: valid(verticalDistance),
        horizontalDistance: valid(horizontalDistance),
      }).then(setJudgement, () => setJudgement(null));
    }, 250);
    return () => clearTimeout(timer);
  }, [lineId, treeClass, verticalDistance, horizontalDistance]);
  if (!judgement) return null;
  return (
    <div className="basis-box" data-testid="judge-preview">
      <Typography.Text strong>{t('vegetation.judgePreview')}</Typography.Text>{' '}
      <GradeTag row={{ hazardGrade: judgement.grade, hazardBasis: judgement.basis }} t={t} />
      <div>{basisText(t, judgement.basis)}</div>
      <Typography.Text type="secondary">
        {t('vegetation.basisMargin', { margin: judgement.basis.margin })}
      </Typography.Text>
    </div>
  );
}

import type { TFunction } from 'i18next';
import type { OutputOf } from '@contract';
import { call } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { priorityBreakdown } from '../upgrades/priority-text';
import { Signatures, todayLocal } from './Signatures';

export interface ApprovalSheetData {
  request: OutputOf<'upgrades.get'>;
  asOf: string;
}

export async function loadApprovalSheet(params: Record<string, unknown>): Promise<ApprovalSheetData> {
  return { request: await call('upgrades.get', { id: Number(params.id) }), asOf: todayLocal() };
}

/** 技改大修项目审批单: the request, its priority and why, and every decision with who and when, for the file. */
export function ApprovalSheetDocument({ t, data }: { t: TFunction; data: ApprovalSheetData }) {
  const r = data.request;
  return (
    <article className="print-doc" data-testid="print-approval-sheet">
      <h1>{t('print.approvalSheet.title')}</h1>
      <p className="print-sub">
        {t(r.requestNo ? 'print.approvalSheet.sub' : 'print.approvalSheet.subDraft', {
          no: r.requestNo ?? '',
          asOf: data.asOf,
        })}
      </p>
      <table className="print-meta">
        <tbody>
          <tr>
            <th>{t('upgrades.equipment')}</th>
            <td colSpan={3}>
              {r.equipmentName}（{t(`equipment.kinds.${r.equipmentKind}`)}）
            </td>
          </tr>
          <tr>
            <th>{t('upgrades.projectType')}</th>
            <td>{t(`upgrades.projectTypes.${r.projectType}`)}</td>
            <th>{t('upgrades.status')}</th>
            <td>{t(`upgrades.statuses.${r.status}`)}</td>
          </tr>
          <tr>
            <th>{t('upgrades.problem')}</th>
            <td colSpan={3}>{r.problem}</td>
          </tr>
          <tr>
            <th>{t('upgrades.proposedWork')}</th>
            <td colSpan={3}>{r.proposedWork}</td>
          </tr>
          <tr>
            <th>{t('upgrades.estimatedCost')}</th>
            <td>{r.estimatedCost}</td>
            <th>{t('upgrades.customersAffected')}</th>
            <td>{r.customersAffected}</td>
          </tr>
          <tr>
            <th>{t('upgrades.priority')}</th>
            <td colSpan={3}>
              {r.priority}（{priorityBreakdown(t, r.priorityParts)}）
            </td>
          </tr>
          {r.projectNo && (
            <tr>
              <th>{t('upgrades.projectNo')}</th>
              <td>{r.projectNo}</td>
              <th>{t('upgrades.approvedAmount')}</th>
              <td>
                {r.approvedAmount ?? '—'}（{r.fundingYear ?? ''} {r.fundingSource ?? ''}）
              </td>
            </tr>
          )}
          <tr>
            <th>{t('upgrades.requestedBy')}</th>
            <td colSpan={3}>{r.requestedByName}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t('upgrades.history')}</h2>
      <table className="print-table">
        <colgroup>
          <col style={{ width: '22%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '26%' }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th>{t('print.approvalSheet.when')}</th>
            <th>{t('print.approvalSheet.who')}</th>
            <th>{t('print.approvalSheet.what')}</th>
            <th>{t('upgrades.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {r.history.map((h, i) => (
            <tr key={i}>
              <td>{formatDateTime(h.at)}</td>
              <td>{h.name}</td>
              <td>
                {t(`upgrades.actions.${h.action}`)} → {t(`upgrades.statuses.${h.to}`)}
              </td>
              <td>{h.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Signatures
        t={t}
        roles={['print.approvalSheet.applicant', 'print.approvalSheet.reviewer', 'print.approvalSheet.approver']}
      />
    </article>
  );
}

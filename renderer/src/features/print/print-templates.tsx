import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { ApprovalSheetDocument, loadApprovalSheet, type ApprovalSheetData } from './ApprovalSheet';
import { DutySheetDocument, loadDutySheet, type DutySheetData } from './DutySheet';
import { HazardListDocument, loadHazardList, type HazardListData } from './HazardList';
import { TestReportDocument, loadTestReport, testReportTitle, type TestReportData } from './TestReport';
import { WorkOrderDocument, loadWorkOrder, type WorkOrderData } from './WorkOrder';
import { NoticeLettersDocument, loadNoticeLetters, type NoticeLettersData } from './NoticeLetters';
import { OutageNoticeDocument, loadOutageNotice, type OutageNoticeData } from './OutageNotice';
import { PackageOrderDocument, loadPackageOrder, type PackageOrderData } from './PackageOrder';
import { WeekPlanDocument, loadWeekPlan, type WeekPlanData } from './WeekPlan';
import { LineFileSheetDocument, loadLineFileSheet } from './LineFileSheet';
import type { LineFile } from '@contract';

/**
 * Printable documents. Each loads its data through the API and renders A4 pages; the print page
 * adds the toolbar, PDF and the print dialog.
 */
export interface PrintTemplate<D> {
  load(params: Record<string, unknown>): Promise<D>;
  title(t: TFunction, data: D): string;
  render(t: TFunction, data: D): ReactNode;
}

function template<D>(spec: PrintTemplate<D>): PrintTemplate<unknown> {
  return spec as PrintTemplate<unknown>;
}

export const PRINT_TEMPLATES: Record<string, PrintTemplate<unknown>> = {
  workOrder: template<WorkOrderData>({
    load: loadWorkOrder,
    title: (t) => t('print.workOrder.title'),
    render: (t, d) => <WorkOrderDocument t={t} data={d} />,
  }),
  approvalSheet: template<ApprovalSheetData>({
    load: loadApprovalSheet,
    title: (t) => t('print.approvalSheet.title'),
    render: (t, d) => <ApprovalSheetDocument t={t} data={d} />,
  }),
  dutySheet: template<DutySheetData>({
    load: loadDutySheet,
    title: (t, d) => t('print.dutySheet.title', { season: d.view.season.name }),
    render: (t, d) => <DutySheetDocument t={t} data={d} />,
  }),
  testReport: template<TestReportData>({
    load: loadTestReport,
    title: testReportTitle,
    render: (t, d) => <TestReportDocument t={t} data={d} />,
  }),
  lineFile: template<LineFile>({
    load: loadLineFileSheet,
    title: (t, d) => t('lineFile.printTitle', { line: d.line.name }),
    render: (t, d) => <LineFileSheetDocument t={t} data={d} />,
  }),
  hazardList: template<HazardListData>({
    load: loadHazardList,
    title: (t, d) => t('print.hazardList.title', { line: d.line.name }),
    render: (t, d) => <HazardListDocument t={t} data={d} />,
  }),
  notices: template<NoticeLettersData>({
    load: loadNoticeLetters,
    title: (t, d) => `${t('printTrimming.notice.title')}（${d.letters.length}）`,
    render: (t, d) => <NoticeLettersDocument t={t} data={d} />,
  }),
  weekPlan: template<WeekPlanData>({
    load: loadWeekPlan,
    title: (t, d) => `${t('printTrimming.weekPlan.title')} ${d.from}`,
    render: (t, d) => <WeekPlanDocument t={t} data={d} />,
  }),
  packageOrder: template<PackageOrderData>({
    load: loadPackageOrder,
    title: (t, d) => `${t('printTrimming.order.title')} ${d.pkg.orderNo ?? ''}`,
    render: (t, d) => <PackageOrderDocument t={t} data={d} />,
  }),
  outageNotice: template<OutageNoticeData>({
    load: loadOutageNotice,
    title: (t, d) => `${t('printTrimming.outage.title')} ${d.window.lineName} ${d.window.date}`,
    render: (t, d) => <OutageNoticeDocument t={t} data={d} />,
  }),
};

import { useEffect, useState } from 'react';
import { Alert, Button, Space, Spin } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/errors';
import { useRouteFilters } from '../../navigation';
import { PRINT_TEMPLATES } from './print-templates';

/**
 * A document ready to print: A4 pages as they will come out (the print stylesheet sets the paper,
 * margins and page numbers), with print and PDF on the desktop, the browser's print in a browser.
 */
export function PrintPage({ template }: { template: string }) {
  const { t } = useTranslation();
  const params = useRouteFilters() ?? {};
  const spec = PRINT_TEMPLATES[template];
  const [data, setData] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const desktop = window.griddesk;

  useEffect(() => {
    if (!spec) return;
    spec
      .load(params)
      .then(setData, (err: unknown) =>
        setError(err instanceof Error && err.message.startsWith('print.') ? t(err.message) : errorText(t, err)),
      );
  }, [template, JSON.stringify(params)]); // eslint-disable-line react-hooks/exhaustive-deps

  const title = spec && data !== null ? spec.title(t, data as never) : '';
  useEffect(() => {
    if (title) document.title = title;
    return () => {
      document.title = t('app.name');
    };
  }, [title, t]);

  if (!spec) return <Alert type="error" message={t('print.unknown')} />;
  return (
    <div className="print-page">
      <div className="print-toolbar">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => window.history.back()}>
            {t('print.back')}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={data === null}
            onClick={() => (desktop ? void desktop.print() : window.print())}
            data-testid="print-now"
          >
            {t('print.print')}
          </Button>
          {desktop && (
            <Button
              icon={<FilePdfOutlined />}
              disabled={data === null}
              onClick={async () => setSaved((await desktop.printToPDF(title)).path ?? null)}
            >
              {t('print.pdf')}
            </Button>
          )}
          <span className="print-hint">{t('print.hint')}</span>
        </Space>
        {saved && (
          <Alert type="success" showIcon message={t('print.saved', { path: saved })} style={{ marginTop: 8 }} />
        )}
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ margin: 16 }} />}
      {data === null && !error ? <Spin style={{ margin: 40 }} /> : data !== null && spec.render(t, data as never)}
    </div>
  );
}

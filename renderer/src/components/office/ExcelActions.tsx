import { lazy, Suspense, useState } from 'react';
import { Button } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SheetName } from '@contract';
import type { DataGridHandle } from '../DataGrid';
import { ExportButton } from './ExportButton';
// The wizard loads when first opened.
const ImportWizard = lazy(() => import('./ImportWizard').then((m) => ({ default: m.ImportWizard })));

interface Props {
  sheet: SheetName;
  grid: React.RefObject<DataGridHandle | null>;
  params?: object;
  canImport: boolean;
}

/** Import and export for a ledger page: what every module plugs into its title bar. */
export function ExcelActions({ sheet, grid, params, canImport }: Props) {
  const { t } = useTranslation();
  const [importing, setImporting] = useState(false);
  return (
    <>
      {canImport && (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid={`${sheet}-import`}>
          {t('import.button')}
        </Button>
      )}
      <ExportButton sheet={sheet} grid={grid} params={params} />
      {canImport && importing && (
        <Suspense fallback={null}>
          <ImportWizard
            sheet={sheet}
            open={importing}
            onClose={() => setImporting(false)}
            onImported={() => grid.current?.refresh()}
          />
        </Suspense>
      )}
    </>
  );
}

import { themeQuartz } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';

/** The look every AG Grid in the app shares; `spacing` differs for dense grids (rosters, entry sheets). */
export const gridTheme = (spacing = 6) =>
  themeQuartz.withParams({ fontFamily: 'inherit', headerFontWeight: 600, spacing, fontSize: 13 });

/** AG Grid's own texts (filters, menus) in the app's language. */
export const gridLocale = (language: string) => (language === 'en' ? AG_GRID_LOCALE_EN : AG_GRID_LOCALE_CN);

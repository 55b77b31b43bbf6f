import dayjs from 'dayjs';
import i18n from 'i18next';

/**
 * Dates and times as the current language writes them: 2026-12-05 12:31 (24 h) in Chinese,
 * Dec 5, 2026 12:31 in English. Stored values are ISO instants; they are shown in local time.
 */
export function formatDateTime(iso: string | null | undefined, opts: { seconds?: boolean } = {}): string {
  if (!iso) return '';
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  const time = opts.seconds ? 'HH:mm:ss' : 'HH:mm';
  return d.format(i18n.language === 'en' ? `MMM D, YYYY ${time}` : `YYYY-MM-DD ${time}`);
}

/** A calendar day (YYYY-MM-DD, no time zone) as the current language writes it. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  return i18n.language === 'en' ? dayjs(day).format('MMM D, YYYY') : day;
}

import type { TFunction } from 'i18next';

/** Signature lines: who signs, a line to sign on, and the date. */
export function Signatures({ t, roles }: { t: TFunction; roles: string[] }) {
  return (
    <table className="print-signatures">
      <tbody>
        {roles.map((role) => (
          <tr key={role}>
            <th>{t(role)}</th>
            <td className="sign-line" />
            <th>{t('print.sign.date')}</th>
            <td className="sign-date">{t('print.sign.dateBlank')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Today as YYYY-MM-DD on this computer: the date a document is issued. */
export function todayLocal(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

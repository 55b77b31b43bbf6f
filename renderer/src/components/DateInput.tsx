import { useEffect, useState } from 'react';
import { Button, Calendar, Input, Popover } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { parseDateText } from '@contract';

interface Props {
  /** YYYY-MM-DD, or the text as typed while it is not a date (so nothing typed is ever dropped). */
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
  id?: string;
}

/**
 * The one date field: typed the way the import reads dates (2026/5/3, 2026.5.3, 20260503,
 * 2026年5月3日, full-width digits), shown as YYYY-MM-DD once it is one, or picked from a calendar.
 * Text that is not a date stays in the field, marked, for the form's check to name.
 */
export function DateInput({ value, onChange, disabled, placeholder, style, id, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const [open, setOpen] = useState(false);
  useEffect(() => setText(value ?? ''), [value]);

  const parsed = parseDateText(text);
  const settle = () => {
    const p = parseDateText(text);
    const next = p.ok ? p.value : text;
    if (p.ok && p.value !== null) setText(p.value);
    if (next !== (value ?? null)) onChange?.(next);
  };
  const picked = parsed.ok && parsed.value ? dayjs(parsed.value) : dayjs();

  return (
    <Input
      id={id}
      value={text}
      disabled={disabled}
      style={style}
      aria-label={rest['aria-label']}
      placeholder={placeholder ?? t('common.datePlaceholder')}
      status={parsed.ok ? undefined : 'error'}
      allowClear
      onChange={(e) => {
        setText(e.target.value);
        // Cleared with the × button: say so at once.
        if (e.target.value === '') onChange?.(null);
      }}
      onBlur={settle}
      onPressEnter={settle}
      suffix={
        <Popover
          open={open && !disabled}
          onOpenChange={setOpen}
          trigger="click"
          placement="bottomRight"
          content={
            <div style={{ width: 290 }}>
              <Calendar
                fullscreen={false}
                value={picked}
                onSelect={(d, info) => {
                  if (info.source !== 'date') return;
                  const iso = d.format('YYYY-MM-DD');
                  setText(iso);
                  onChange?.(iso);
                  setOpen(false);
                }}
              />
            </div>
          }
        >
          <Button type="text" size="small" icon={<CalendarOutlined />} disabled={disabled} aria-label={t('common.pickDate')} tabIndex={-1} style={{ height: 20 }} />
        </Popover>
      }
    />
  );
}

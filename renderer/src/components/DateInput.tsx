import { useEffect, useRef, useState } from 'react';
import { Button, Calendar, Input, Popover } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { parseDateText, parseDateTimeText } from '@contract';

interface Props {
  /** YYYY-MM-DD (YYYY-MM-DDTHH:mm with a time), or the text as typed while it is not one (so nothing typed is ever dropped). */
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
  id?: string;
  /** A date and a time (接报时间): 2026/8/3 14:05 → 2026-08-03T14:05. */
  withTime?: boolean;
}

/** How a value is shown: 2026-08-03T14:05 as 2026-08-03 14:05. */
const shown = (value: string | null | undefined) => (value ?? '').replace(/^(\d{4}-\d{2}-\d{2})T/, '$1 ');

/**
 * The one date field: typed the way the import reads dates (2026/5/3, 2026.5.3, 20260503,
 * 2026年5月3日, full-width digits), shown as YYYY-MM-DD once it is one, or picked from a calendar.
 * Text that is not a date stays in the field, marked, for the form's check to name.
 */
export function DateInput({ value, onChange, disabled, placeholder, style, id, withTime, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(shown(value));
  const [open, setOpen] = useState(false);
  const input = useRef<{ focus: () => void } | null>(null);
  useEffect(() => setText(shown(value)), [value]);

  const parse = withTime ? parseDateTimeText : parseDateText;
  const parsed = parse(text);
  const settle = () => {
    const p = parse(text);
    const next = p.ok ? p.value : text;
    if (p.ok && p.value !== null) setText(shown(p.value));
    if (next !== (value ?? null)) onChange?.(next);
  };
  const picked = parsed.ok && parsed.value ? dayjs(parsed.value.slice(0, 10)) : dayjs();

  return (
    <Input
      ref={(r) => void (input.current = r)}
      id={id}
      value={text}
      disabled={disabled}
      style={style}
      aria-label={rest['aria-label']}
      placeholder={placeholder ?? t(withTime ? 'common.dateTimePlaceholder' : 'common.datePlaceholder')}
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
                  setOpen(false);
                  if (withTime) {
                    // The calendar gives the day; the time is typed after it (no made-up time).
                    const time = parsed.ok && parsed.value ? parsed.value.slice(11) : '';
                    setText(`${iso} ${time}`);
                    if (time) onChange?.(`${iso}T${time}`);
                    else input.current?.focus();
                    return;
                  }
                  setText(iso);
                  onChange?.(iso);
                }}
              />
            </div>
          }
        >
          <Button
            type="text"
            size="small"
            icon={<CalendarOutlined />}
            disabled={disabled}
            aria-label={t('common.pickDate')}
            tabIndex={-1}
            style={{ height: 20 }}
          />
        </Popover>
      }
    />
  );
}

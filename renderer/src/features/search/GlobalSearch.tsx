import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Input, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SearchGroup } from '@contract';
import { call } from '../../api/client';
import { navigate } from '../../navigation';
import { openHit } from './open-hit';

/**
 * The header's search box (Ctrl+K): hits from every module, grouped; choosing one opens the record
 * on its page.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const [groups, setGroups] = useState<SearchGroup[]>([]);
  const [text, setText] = useState('');
  const latest = useRef(0);
  const box = useRef<{ focus: () => void } | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        box.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setGroups([]);
      return;
    }
    const n = ++latest.current;
    const timer = setTimeout(() => {
      void call('search.global', { q }).then(
        (r) => n === latest.current && setGroups(r.groups),
        () => undefined,
      );
    }, 150);
    return () => clearTimeout(timer);
  }, [text]);

  const options = groups.map((g) => ({
    label: (
      <Typography.Text type="secondary">
        {t(`nav.${g.module}`)}
        {g.more ? ` · ${t('search.more')}` : ''}
      </Typography.Text>
    ),
    options: g.hits.map((h) => ({
      value: `${g.page}:${h.id}:${h.title}`,
      label: (
        <div data-testid="search-hit">
          <div>{h.title}</div>
          {h.subtitle && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {h.subtitle}
            </Typography.Text>
          )}
        </div>
      ),
    })),
  }));

  return (
    <AutoComplete
      style={{ width: 280 }}
      options={options}
      value={text}
      onChange={setText}
      onSelect={(value: string) => {
        setText('');
        const [page, id, ...title] = value.split(':');
        openHit(page!, { id: Number(id), title: title.join(':'), subtitle: '' });
      }}
      notFoundContent={text.trim() ? t('search.none') : null}
      popupMatchSelectWidth={360}
      // 查看全部 under the list: every hit of every module, as a page.
      popupRender={(list) => (
        <>
          {list}
          {groups.length > 0 && (
            <div className="search-see-all">
              <Typography.Link
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  const q = text.trim();
                  setText('');
                  navigate('search', { search: q });
                }}
                data-testid="search-see-all"
              >
                {t('search.seeAll')}
              </Typography.Link>
            </div>
          )}
        </>
      )}
    >
      <Input
        className="header-search"
        ref={(r) => void (box.current = r)}
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('search.placeholder')}
        data-testid="global-search"
      />
    </AutoComplete>
  );
}

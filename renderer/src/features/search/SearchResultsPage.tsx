import { useEffect, useState } from 'react';
import { Button, Card, Empty, Input, List, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SearchGroup } from '@contract';
import { call } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { navigate, useRouteFilters } from '../../navigation';
import { openHit } from './open-hit';
import { showFailure } from '../../components/failure';

const PER_MODULE = 100;

/** 查看全部: every module's hits for the header's search, up to 100 each, with the way to each module's own filtered list. */
export function SearchResultsPage() {
  const { t } = useTranslation();
  const filters = useRouteFilters();
  const q = typeof filters?.search === 'string' ? filters.search.trim() : '';
  const [groups, setGroups] = useState<SearchGroup[] | null>(null);
  useEffect(() => {
    setGroups(null);
    if (!q) return setGroups([]);
    void call('search.global', { q, perModule: PER_MODULE }).then(
      (r) => setGroups(r.groups),
      (err: unknown) => {
        setGroups([]);
        showFailure(err);
      },
    );
  }, [q]);

  return (
    <div className="page page-scroll" data-testid="search-results">
      <PageTitle title={t('search.results', { q })}>
        <Input.Search
          key={q}
          defaultValue={q}
          allowClear
          style={{ width: 280 }}
          maxLength={40}
          onSearch={(s) => s.trim() && navigate('search', { search: s.trim() })}
          data-testid="search-results-box"
        />
      </PageTitle>
      {groups === null && <Spin />}
      {groups?.length === 0 && <Empty description={q ? t('search.none') : t('search.placeholder')} />}
      {groups?.map((g) => (
        <Card
          key={g.module}
          size="small"
          title={`${t(`nav.${g.module}`)} · ${g.more ? t('search.first', { count: g.hits.length }) : t('common.rows', { count: g.hits.length })}`}
          extra={
            <Button
              size="small"
              type="link"
              onClick={() => navigate(g.page, { search: q })}
              data-testid={`search-open-page-${g.module}`}
            >
              {t('search.openPage', { page: t(`nav.${g.page}`) })}
            </Button>
          }
          data-testid={`search-group-${g.module}`}
        >
          <List
            size="small"
            dataSource={g.hits}
            renderItem={(h) => (
              <List.Item onClick={() => openHit(g.page, h)} className="search-result" data-testid="search-result">
                <div>
                  <div>{h.title}</div>
                  {h.subtitle && (
                    <Typography.Text type="secondary" className="small">
                      {h.subtitle}
                    </Typography.Text>
                  )}
                </div>
              </List.Item>
            )}
          />
        </Card>
      ))}
    </div>
  );
}

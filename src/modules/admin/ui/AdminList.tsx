import {
  Button,
  Card,
  Center,
  Group,
  Loader,
  Pagination,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader } from '../../../../web/src/components/Page.tsx';
import { formatNumber } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconSearch } from '../../../../web/src/icons.tsx';

export const PAGE_SIZE = 50;

export interface Column<T> {
  key: string;
  label: string;
  render: (row: T) => ReactNode;
  width?: number | string;
}

/** A searchable, paginated operator table; the filter and page live in the URL (?q=&page=). */
export function AdminList<T extends { id: string }>(props: {
  title: string;
  description: string;
  endpoint: string;
  filterParam: 'q' | 'action';
  filterLabel: string;
  filterPlaceholder?: string;
  columns: Column<T>[];
  minWidth?: number;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const filter = params.get(props.filterParam) ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState(filter);
  useEffect(() => setDraft(filter), [filter]);

  const list = useQuery({
    queryKey: ['admin', props.endpoint, filter, page],
    queryFn: () =>
      api<{ items: T[]; total: number }>(props.endpoint, { query: { [props.filterParam]: filter, page } }),
    placeholderData: keepPreviousData,
  });

  const update = (next: { filter?: string; page?: number }) => {
    const p = new URLSearchParams(params);
    if (next.filter !== undefined) {
      if (next.filter) p.set(props.filterParam, next.filter);
      else p.delete(props.filterParam);
    }
    const pg = next.page ?? 1;
    if (pg > 1) p.set('page', String(pg));
    else p.delete('page');
    setParams(p);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ filter: draft.trim(), page: 1 });
  };

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader title={props.title} description={props.description} />
      <Card withBorder padding="lg">
        <Stack gap="md">
          <form onSubmit={submit}>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={props.filterLabel}
                placeholder={props.filterPlaceholder}
                value={draft}
                onChange={(e) => setDraft(e.currentTarget.value)}
                leftSection={<IconSearch size={16} />}
                style={{ flex: '1 1 240px' }}
              />
              <Button type="submit">{t('common.search')}</Button>
              {filter ? (
                <Button variant="default" onClick={() => update({ filter: '', page: 1 })}>
                  {t('common.clear')}
                </Button>
              ) : null}
            </Group>
          </form>
          {list.isError ? <ErrorAlert error={list.error} /> : null}
          <Group justify="space-between">
            <Text size="sm" c="dimmed" role="status">
              {list.data ? t('admin.total', { count: total, formatted: formatNumber(total, lang) }) : ' '}
            </Text>
            {list.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
          </Group>
          {list.isPending ? (
            <Center py="xl">
              <Loader aria-label={t('common.loading')} />
            </Center>
          ) : (
            <Table.ScrollContainer minWidth={props.minWidth ?? 720}>
              <Table
                striped
                highlightOnHover
                verticalSpacing="xs"
                style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
              >
                <Table.Thead>
                  <Table.Tr>
                    {props.columns.map((c) => (
                      <Table.Th key={c.key} w={c.width}>
                        {c.label}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(list.data?.items ?? []).map((row) => (
                    <Table.Tr key={row.id}>
                      {props.columns.map((c) => (
                        <Table.Td key={c.key}>{c.render(row)}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                  {list.data && list.data.items.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={props.columns.length}>
                        <Text c="dimmed" ta="center" py="lg">
                          {t('admin.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {pages > 1 ? (
            <Group justify="center">
              <Pagination
                total={pages}
                value={Math.min(page, pages)}
                onChange={(p) => update({ page: p })}
                getControlProps={(control) =>
                  control === 'previous'
                    ? { 'aria-label': t('admin.prevPage') }
                    : control === 'next'
                      ? { 'aria-label': t('admin.nextPage') }
                      : {}
                }
              />
            </Group>
          ) : null}
        </Stack>
      </Card>
    </>
  );
}

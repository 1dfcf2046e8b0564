import { BarChart } from '@mantine/charts';
import {
  Alert,
  Box,
  Button,
  Card,
  Container,
  Grid,
  Group,
  Modal,
  Pagination,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  useMatches,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { PublicHero } from '../../../../web/src/components/PublicHero.tsx';
import { EmptyState, ResultsSection } from '../../../../web/src/components/Results.tsx';
import {
  IndustrySelect,
  PrefectureSelect,
  SearchBox,
  SearchPanel,
  SegmentedFilter,
  useSearchText,
} from '../../../../web/src/components/SearchPanel.tsx';
import { formatDate, formatNumber } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { useMe } from '../../../../web/src/me.ts';
import { INDUSTRIES, PREFECTURES, refLabel } from '../../../../web/src/reference.ts';
import {
  type Declaration,
  REGISTRY_KEY,
  REGISTRY_PAGE_SIZE,
  type RegistryQuery,
  type RegistryStats,
  useRegistry,
  useRegistryStats,
} from './declaration-api.ts';
import { LevelBadge } from './Stars.tsx';

function readQuery(params: URLSearchParams): RegistryQuery {
  const star = Number(params.get('star'));
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? undefined,
    prefecture: params.get('prefecture') ?? undefined,
    industry: params.get('industry') ?? undefined,
    star: star === 1 || star === 2 ? star : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** /declarations — the public registry of SECURITY ACTION declarations, with statistics. */
export function RegistryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('declaration.registry.docTitle'));
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const stats = useRegistryStats();

  const update = (patch: Partial<RegistryQuery>) => {
    const next = { ...query, page: 1, ...patch };
    const p = new URLSearchParams();
    if (next.q) p.set('q', next.q);
    if (next.prefecture) p.set('prefecture', next.prefecture);
    if (next.industry) p.set('industry', next.industry);
    if (next.star) p.set('star', String(next.star));
    if (next.page > 1) p.set('page', String(next.page));
    setParams(p, { replace: false, preventScrollReset: true });
  };

  return (
    <>
      <PublicHero
        kicker="SECURITY ACTION"
        title={t('declaration.registry.title')}
        lead={t('declaration.registry.lead')}
        leadWidth={620}
        aside={<HeroFigures stats={stats.data} loading={stats.isPending} />}
        uppercaseKicker
      />
      <Container size="lg" py={{ base: 'lg', sm: 'xl' }} px={{ base: 'md', sm: 'md' }}>
        <Stack gap="xl">
          <SearchForm query={query} onChange={update} />
          <Results query={query} onPage={(page) => update({ page })} />
          <Statistics stats={stats.data} loading={stats.isPending} error={stats.error} />
          <Alert color="gray" variant="light" title={t('declaration.registry.aboutTitle')}>
            <Text size="sm">{t('declaration.registry.about')}</Text>
          </Alert>
        </Stack>
      </Container>
    </>
  );
}

function HeroFigures({ stats, loading }: { stats: RegistryStats | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const figures: [string, number | undefined][] = [
    [t('declaration.registry.total'), stats?.total],
    [t('declaration.registry.oneStarCount'), stats?.oneStar],
    [t('declaration.registry.twoStarCount'), stats?.twoStar],
  ];
  return (
    <SimpleGrid cols={3} spacing="sm">
      {figures.map(([label, value]) => (
        <Box key={label} className="hero-panel" p="sm" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
          <Text size="xs" c="brand.0" lh={1.4}>
            {label}
          </Text>
          {loading ? (
            <Skeleton h={30} mt={4} />
          ) : (
            <Text fz={{ base: 22, sm: 28 }} fw={800} c="white" lh={1.3}>
              {formatNumber(value ?? 0, lang)}
            </Text>
          )}
        </Box>
      ))}
    </SimpleGrid>
  );
}

function SearchForm({
  query,
  onChange,
}: {
  query: RegistryQuery;
  onChange: (p: Partial<RegistryQuery>) => void;
}) {
  const { t } = useTranslation();
  const _lang = useLang();
  const { text, setText, submit } = useSearchText(query.q, (q) => onChange({ q }));
  const filtered = Boolean(query.q || query.prefecture || query.industry || query.star);
  return (
    <SearchPanel
      id="registry-search-title"
      title={t('declaration.registry.searchTitle')}
      onSubmit={submit}
      filtered={filtered}
      onClear={() => {
        setText('');
        onChange({ q: undefined, prefecture: undefined, industry: undefined, star: undefined });
      }}
    >
      <Stack gap="md">
        <SearchBox
          label={t('declaration.registry.q')}
          placeholder={t('declaration.registry.qPlaceholder')}
          value={text}
          onChange={setText}
          submitLabel={t('declaration.registry.search')}
        />
        <Grid gap="md" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <PrefectureSelect
              label={t('declaration.registry.prefecture')}
              value={query.prefecture}
              onChange={(prefecture) => onChange({ prefecture })}
              placeholder={t('declaration.registry.all')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 5 }}>
            <IndustrySelect
              label={t('declaration.registry.industry')}
              value={query.industry}
              onChange={(industry) => onChange({ industry })}
              placeholder={t('declaration.registry.all')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <SegmentedFilter
              id="registry-star-label"
              label={t('declaration.registry.level')}
              value={query.star ? String(query.star) : 'all'}
              onChange={(v) => onChange({ star: v === 'all' ? undefined : Number(v) })}
              data={[
                { value: 'all', label: t('declaration.registry.all') },
                { value: '1', label: '★' },
                { value: '2', label: '★★' },
              ]}
            />
          </Grid.Col>
        </Grid>
      </Stack>
    </SearchPanel>
  );
}

function Results({ query, onPage }: { query: RegistryQuery; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const operator = Boolean(me.data?.user.isOperator);
  const wide = useMatches({ base: false, sm: true });
  const result = useRegistry(query);
  const [revoking, setRevoking] = useState<Declaration | null>(null);
  const pages = result.data ? Math.max(1, Math.ceil(result.data.total / REGISTRY_PAGE_SIZE)) : 1;
  const first = (query.page - 1) * REGISTRY_PAGE_SIZE + 1;
  const last = result.data ? Math.min(result.data.total, first + result.data.items.length - 1) : 0;

  return (
    <ResultsSection
      id="registry-results-title"
      title={t('declaration.registry.resultsTitle')}
      count={
        result.data
          ? result.data.total === 0
            ? t('declaration.registry.none')
            : t('declaration.registry.count', {
                total: formatNumber(result.data.total, lang),
                first,
                last,
              })
          : null
      }
    >
      {result.isPending ? (
        <Stack gap="xs">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={48} />
          ))}
        </Stack>
      ) : result.isError ? (
        <ErrorAlert error={result.error} />
      ) : result.data.items.length === 0 ? (
        <EmptyState>{t('declaration.registry.noneBody')}</EmptyState>
      ) : wide ? (
        <Card withBorder padding={0} style={{ opacity: result.isPlaceholderData ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('declaration.registry.col.company')}</Table.Th>
                  <Table.Th>{t('declaration.registry.col.prefecture')}</Table.Th>
                  <Table.Th>{t('declaration.registry.col.level')}</Table.Th>
                  <Table.Th>{t('declaration.registry.col.declaredAt')}</Table.Th>
                  <Table.Th>{t('declaration.registry.col.id')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('declaration.registry.col.links')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.data.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {d.orgName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {refLabel(INDUSTRIES, d.industry, lang)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{refLabel(PREFECTURES, d.prefecture, lang)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <LevelBadge star={d.star} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(d.declaredAt, lang)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {d.id}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" justify="flex-end">
                        <Button
                          component="a"
                          href={`/verify/${d.id}`}
                          target="_blank"
                          rel="noopener"
                          size="compact-sm"
                          variant="light"
                        >
                          {t('declaration.registry.verify')}
                        </Button>
                        {operator ? (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            onClick={() => setRevoking(d)}
                          >
                            {t('declaration.revoke.button')}
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ) : (
        <Stack
          gap="sm"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none', opacity: result.isPlaceholderData ? 0.6 : 1 }}
        >
          {result.data.items.map((d) => (
            <Card component="li" key={d.id} withBorder padding="md">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Text fw={700} style={{ minWidth: 0 }}>
                  {d.orgName}
                </Text>
                <LevelBadge star={d.star} style={{ flexShrink: 0 }} />
              </Group>
              <Text size="sm" c="dimmed">
                {refLabel(PREFECTURES, d.prefecture, lang)}・{refLabel(INDUSTRIES, d.industry, lang)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('declaration.registry.declaredOn', { date: formatDate(d.declaredAt, lang) })}
                {'　'}
                <Text component="span" ff="monospace" size="sm">
                  {d.id}
                </Text>
              </Text>
              <Group gap="xs" mt="xs">
                <Button
                  component="a"
                  href={`/verify/${d.id}`}
                  target="_blank"
                  rel="noopener"
                  size="sm"
                  variant="light"
                >
                  {t('declaration.registry.verify')}
                </Button>
                {operator ? (
                  <Button size="sm" variant="subtle" color="red" onClick={() => setRevoking(d)}>
                    {t('declaration.revoke.button')}
                  </Button>
                ) : null}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {pages > 1 ? (
        <Group justify="center" mt="lg">
          <Pagination
            total={pages}
            value={Math.min(query.page, pages)}
            onChange={onPage}
            siblings={wide ? 1 : 0}
            aria-label={t('declaration.registry.pagination')}
            getItemProps={(page) => ({ 'aria-label': t('declaration.registry.pageN', { page }) })}
            getControlProps={(control) => ({
              'aria-label': t(`declaration.registry.pageControl.${control}`),
            })}
          />
        </Group>
      ) : null}
      {operator ? <RevokeModal target={revoking} onClose={() => setRevoking(null)} /> : null}
    </ResultsSection>
  );
}

function RevokeModal({ target, onClose }: { target: Declaration | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (d: Declaration) =>
      api<Declaration>(`/api/v1/admin/declarations/${d.id}/revoke`, {
        method: 'POST',
        body: { reason: reason.trim() },
      }),
    onSuccess: async (d) => {
      notifications.show({
        color: 'gray',
        message: t('declaration.revoke.done', { id: d.id, name: d.orgName }),
      });
      setReason('');
      onClose();
      await qc.invalidateQueries({ queryKey: REGISTRY_KEY });
    },
  });
  const close = () => {
    setError(null);
    revoke.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    if (!reason.trim()) {
      setError(t('declaration.revoke.reasonRequired'));
      return;
    }
    setError(null);
    revoke.mutate(target);
  };
  return (
    <Modal opened={target !== null} onClose={close} title={t('declaration.revoke.title')} centered>
      {target ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('declaration.revoke.body', { name: target.orgName, id: target.id })}</Text>
            <Textarea
              label={t('declaration.revoke.reason')}
              description={t('declaration.revoke.reasonHint')}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setError(null);
              }}
              error={error}
              required
              autosize
              minRows={3}
              maxLength={500}
              data-autofocus
            />
            {revoke.isError ? (
              <Alert color="red" role="alert">
                {errorMessage(revoke.error)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={revoke.isPending}>
                {t('declaration.revoke.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}

function Statistics({
  stats,
  loading,
  error,
}: {
  stats: RegistryStats | undefined;
  loading: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const narrow = useMatches({ base: true, sm: false });
  if (loading) return <Skeleton h={240} />;
  if (error || !stats) return <ErrorAlert error={error} />;
  const rows = stats.byPrefecture.filter((p) => p.oneStar + p.twoStar > 0);
  const oneLabel = `★ ${t('declaration.level.oneStar')}`;
  const twoLabel = `★★ ${t('declaration.level.twoStar')}`;
  return (
    <Box component="section" aria-labelledby="registry-stats-title">
      <Title order={2} size="h3" id="registry-stats-title" mb={4}>
        {t('declaration.registry.statsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('declaration.registry.statsLead')}
      </Text>
      {rows.length === 0 ? (
        <EmptyState>{t('declaration.registry.noStats')}</EmptyState>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card withBorder padding="lg" h="100%">
              <Text fw={600} size="sm" mb="sm" id="registry-chart-title">
                {t('declaration.registry.chartTitle')}
              </Text>
              <Box
                role="img"
                aria-labelledby="registry-chart-title"
                aria-describedby="registry-stats-table-caption"
              >
                <BarChart
                  h={Math.max(180, rows.length * 40 + 70)}
                  data={rows}
                  dataKey="name"
                  type="stacked"
                  orientation="vertical"
                  series={[
                    { name: 'oneStar', label: oneLabel, color: 'yellow.5' },
                    { name: 'twoStar', label: twoLabel, color: 'brand.6' },
                  ]}
                  yAxisProps={{ width: narrow ? 64 : 96, tick: { fontSize: 12 } }}
                  xAxisProps={{ allowDecimals: false }}
                  withLegend
                  legendProps={{ verticalAlign: 'bottom', height: 40 }}
                  gridAxis="x"
                  maxBarWidth={22}
                />
              </Box>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder padding={0} h="100%">
              <Table.ScrollContainer minWidth={280} mah={460}>
                <Table verticalSpacing={6} striped stickyHeader>
                  <Table.Caption id="registry-stats-table-caption" ta="left" px="md">
                    {t('declaration.registry.tableCaption', {
                      total: formatNumber(stats.total, lang),
                    })}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('declaration.registry.col.prefecture')}</Table.Th>
                      <Table.Th ta="right">{oneLabel}</Table.Th>
                      <Table.Th ta="right">{twoLabel}</Table.Th>
                      <Table.Th ta="right">{t('declaration.registry.sum')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <Table.Tr key={r.prefecture}>
                        <Table.Td>{r.name}</Table.Td>
                        <Table.Td ta="right">{formatNumber(r.oneStar, lang)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(r.twoStar, lang)}</Table.Td>
                        <Table.Td ta="right" fw={700}>
                          {formatNumber(r.oneStar + r.twoStar, lang)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          </Grid.Col>
        </Grid>
      )}
    </Box>
  );
}

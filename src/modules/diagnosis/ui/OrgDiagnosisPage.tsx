import { LineChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconArrowRight, IconClipboardCheck, IconFileText } from '../../../../web/src/icons.tsx';
import { useMe } from '../../../../web/src/me.ts';
import {
  BAND_COLORS,
  type BandId,
  canEditDiagnosis,
  csvUrl,
  type DiagnosisSummary,
  useDiagnoses,
} from './diagnosis-api.ts';
import { ImprovementPlan } from './ImprovementPlan.tsx';
import { signed } from './points.ts';

export function BandBadge({ band, size = 'md' }: { band: BandId; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge tt="none" color={BAND_COLORS[band]} variant="light" size={size}>
      {t(`diagnosis.bands.${band}`)}
    </Badge>
  );
}

function LatestCard({ orgId, items }: { orgId: string; items: DiagnosisSummary[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const latest = items[0];
  if (!latest) return null;
  const prev = items[1];
  const color = BAND_COLORS[latest.band];
  return (
    <Card
      withBorder
      padding="lg"
      h="100%"
      component="section"
      aria-labelledby="diag-latest-title"
      className="diag-band-card"
      style={{ borderLeftColor: `var(--mantine-color-${color}-6)` }}
    >
      <Title order={2} size="h4" id="diag-latest-title">
        {t('diagnosis.home.latest')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {formatDate(latest.createdAt, lang)}
      </Text>
      <Group align="baseline" gap={6} aria-hidden="true">
        <Text fz={56} fw={800} lh={1} c={`${color}.8`} data-testid="diagnosis-latest-total">
          {latest.total}
        </Text>
        <Text fw={700} c="dimmed">
          {t('diagnosis.result.outOf', { max: 100 })}
        </Text>
      </Group>
      <VisuallyHidden>{t('diagnosis.result.totalLabel', { total: latest.total, max: 100 })}</VisuallyHidden>
      <Group gap="xs" mt="sm">
        <BandBadge band={latest.band} size="lg" />
        {prev ? (
          <Badge
            tt="none"
            variant="outline"
            color={latest.total > prev.total ? 'teal' : latest.total < prev.total ? 'red' : 'gray'}
          >
            {t('diagnosis.home.sincePrevious', { delta: signed(latest.total - prev.total) })}
          </Badge>
        ) : null}
      </Group>
      <Button
        component={Link}
        to={`/orgs/${orgId}/diagnoses/${latest.id}`}
        variant="light"
        mt="lg"
        rightSection={<IconArrowRight size={16} />}
      >
        {t('diagnosis.home.openLatest')}
      </Button>
    </Card>
  );
}

function HistoryChart({ items }: { items: DiagnosisSummary[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const data = [...items].reverse().map((d) => ({ date: formatDate(d.createdAt, lang), total: d.total }));
  const low = Math.min(0, ...items.map((d) => d.total));
  return (
    <Card withBorder padding="lg" h="100%" component="section" aria-labelledby="diag-trend-title">
      <Title order={2} size="h4" id="diag-trend-title" mb="xs">
        {t('diagnosis.home.trend')}
      </Title>
      {items.length < 2 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('diagnosis.home.trendOne')}
        </Text>
      ) : null}
      <Box aria-hidden="true">
        <LineChart
          h={220}
          data={data}
          dataKey="date"
          series={[{ name: 'total', label: t('diagnosis.home.total'), color: 'brand.6' }]}
          yAxisProps={{ domain: [low, 100], width: 36 }}
          referenceLines={[{ y: 70, color: 'blue.3', label: t('diagnosis.home.line70') }]}
          curveType="linear"
          withDots
          dotProps={{ r: 5 }}
          connectNulls
        />
      </Box>
      <Text size="xs" c="dimmed" mt="xs">
        {t('diagnosis.home.trendSummary', {
          count: items.length,
          first: items.at(-1)?.total ?? 0,
          last: items[0]?.total ?? 0,
        })}
      </Text>
    </Card>
  );
}

function HistoryList({ orgId, items }: { orgId: string; items: DiagnosisSummary[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="diag-history-title">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h3" id="diag-history-title">
          {t('diagnosis.home.history')}
        </Title>
        <Button
          component="a"
          href={csvUrl(orgId)}
          download
          variant="default"
          size="sm"
          leftSection={<IconFileText size={16} />}
        >
          {t('diagnosis.home.csv')}
        </Button>
      </Group>
      <Box visibleFrom="sm">
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('diagnosis.home.date')}</Table.Th>
              <Table.Th ta="right">{t('diagnosis.home.total')}</Table.Th>
              <Table.Th>{t('diagnosis.home.band')}</Table.Th>
              <Table.Th>{t('diagnosis.home.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/orgs/${orgId}/diagnoses/${d.id}`} fw={600} size="sm">
                    {formatDate(d.createdAt, lang)}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" fw={700}>
                    {t('diagnosis.result.pointsValue', { value: d.total })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <BandBadge band={d.band} size="sm" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{d.createdByName ?? '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <Stack gap="xs" hiddenFrom="sm">
        {items.map((d) => (
          <Card
            key={d.id}
            withBorder
            padding="sm"
            radius="md"
            component={Link}
            to={`/orgs/${orgId}/diagnoses/${d.id}`}
          >
            <Group justify="space-between" wrap="nowrap">
              <Box>
                <Text size="sm" fw={700}>
                  {formatDate(d.createdAt, lang)}
                </Text>
                <Text size="xs" c="dimmed">
                  {d.createdByName ?? '—'}
                </Text>
              </Box>
              <Group gap="xs" wrap="nowrap">
                <BandBadge band={d.band} size="sm" />
                <Text fw={800}>{t('diagnosis.result.pointsValue', { value: d.total })}</Text>
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
    </Card>
  );
}

/** The organisation's diagnosis home: the latest score, the history and the improvement plan. */
export function OrgDiagnosisPage() {
  const { orgId } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const list = useDiagnoses(orgId);
  const org = me.data?.orgs.find((o) => o.id === orgId);
  const edit = canEditDiagnosis(org?.role);

  if (list.isPending) return <PageLoader />;
  if (list.isError || !orgId)
    return (
      <>
        <PageHeader title={t('diagnosis.home.title')} />
        <ErrorAlert error={list.error} />
      </>
    );
  const items = list.data.items;

  return (
    <>
      <PageHeader
        title={t('diagnosis.home.title')}
        description={t('diagnosis.home.lead', { org: org?.name ?? '' })}
        actions={
          items.length > 0 && edit ? (
            <Button component={Link} to="/diagnosis" leftSection={<IconClipboardCheck size={16} />}>
              {t('diagnosis.home.again')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        {items.length === 0 ? (
          <Card withBorder padding="xl" data-testid="diagnosis-none">
            <Group align="flex-start" gap="lg" wrap="wrap">
              <ThemeIcon size={56} radius="xl" variant="light">
                <IconClipboardCheck size={30} />
              </ThemeIcon>
              <Stack gap="xs" style={{ flex: '1 1 280px' }}>
                <Title order={2} size="h3">
                  {t('diagnosis.home.noneTitle')}
                </Title>
                <Text c="dimmed">
                  {edit ? t('diagnosis.home.noneBody') : t('diagnosis.home.noneBodyReader')}
                </Text>
                {edit ? (
                  <Group mt="sm">
                    <Button
                      component={Link}
                      to="/diagnosis"
                      size="md"
                      rightSection={<IconArrowRight size={18} />}
                    >
                      {t('diagnosis.start')}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Group>
          </Card>
        ) : (
          <>
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 4 }}>
                <LatestCard orgId={orgId} items={items} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 8 }}>
                <HistoryChart items={items} />
              </Grid.Col>
            </Grid>
            <HistoryList orgId={orgId} items={items} />
          </>
        )}
        <ImprovementPlan orgId={orgId} role={org?.role} />
      </Stack>
    </>
  );
}

import { BarChart } from '@mantine/charts';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatNumber } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import {
  IconActivity,
  IconAlert,
  IconArrowRight,
  IconCheck,
  IconMail,
  IconShield,
} from '../../../../web/src/icons.tsx';
import { type Dashboard, type IncidentSummary, useDashboard, useOrgContext, useOrgOf } from './desk-api.ts';
import { MonitoringTabs, SeverityBadge, StatusBadge, targetText, When } from './parts.tsx';

const categories = ['mail', 'malware', 'access'] as const;
const categoryIcon = { mail: IconMail, malware: IconShield, access: IconActivity };

/** The SME's "at hand" view: what needs doing now, what was stopped, whether the sensors work. */
export function SmeDashboard({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const org = useOrgOf(orgId);
  const context = useOrgContext(orgId);
  const d = useDashboard(orgId);
  const name = context.name;
  if (d.isPending) return <PageLoader />;
  return (
    <>
      <PageHeader
        title={t('monitoringDesk.dashboard.title')}
        description={t('monitoringDesk.dashboard.lead', { name })}
      />
      <MonitoringTabs orgId={orgId} />
      {d.isError ? (
        <ErrorAlert error={d.error} />
      ) : (
        <Stack gap="lg">
          {d.data.providers.length === 0 ? <NoProvider orgId={orgId} owner={org?.role === 'owner'} /> : null}
          <NowCard orgId={orgId} data={d.data} />
          <FiguresCard data={d.data} />
          <TimelineCard data={d.data} />
          <SensorsCard orgId={orgId} data={d.data} />
        </Stack>
      )}
    </>
  );
}

function NoProvider({ orgId, owner }: { orgId: string; owner: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" title={t('monitoringDesk.dashboard.noProviderTitle')}>
      <Text size="sm" mb={owner ? 'sm' : 0}>
        {t('monitoringDesk.dashboard.noProviderBody')}
      </Text>
      {owner ? (
        <Button component={Link} to={`/orgs/${orgId}/monitoring/providers`} size="sm">
          {t('monitoringDesk.dashboard.chooseProvider')}
        </Button>
      ) : null}
    </Alert>
  );
}

function NowCard({ orgId, data }: { orgId: string; data: Dashboard }) {
  const { t } = useTranslation();
  const { items, total } = data.openIncidents;
  const providerNames = data.providers.map((p) => p.name).join('、');
  if (total === 0) {
    return (
      <Card withBorder padding="lg" component="section" aria-labelledby="now-title" bg="teal.0">
        <Group wrap="nowrap" align="flex-start" gap="md">
          <ThemeIcon size={48} radius="xl" color="teal">
            <IconCheck size={28} />
          </ThemeIcon>
          <Stack gap={4}>
            <Title order={2} size="h3" id="now-title">
              {t('monitoringDesk.dashboard.allClearTitle')}
            </Title>
            <Text>{t('monitoringDesk.dashboard.allClearBody')}</Text>
            {providerNames ? (
              <Text size="sm" c="dimmed">
                {t('monitoringDesk.dashboard.providerLine', { names: providerNames })}
              </Text>
            ) : null}
            <Anchor component={Link} to={`/orgs/${orgId}/monitoring/incidents`} size="sm">
              {t('monitoringDesk.dashboard.allIncidents')}
            </Anchor>
          </Stack>
        </Group>
      </Card>
    );
  }
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="now-title"
      style={{ borderColor: 'var(--mantine-color-red-4)' }}
    >
      <Group wrap="nowrap" align="flex-start" gap="md" mb="md">
        <ThemeIcon size={48} radius="xl" color="red">
          <IconAlert size={28} />
        </ThemeIcon>
        <Stack gap={4}>
          <Title order={2} size="h3" id="now-title">
            {t('monitoringDesk.dashboard.needActionTitle', { count: total })}
          </Title>
          <Text size="sm">{t('monitoringDesk.dashboard.needActionBody')}</Text>
          {providerNames ? (
            <Text size="sm" c="dimmed">
              {t('monitoringDesk.dashboard.providerLine', { names: providerNames })}
            </Text>
          ) : null}
        </Stack>
      </Group>
      <Stack gap="md">
        {items.map((i) => (
          <IncidentCard key={i.id} orgId={orgId} incident={i} />
        ))}
      </Stack>
      {total > items.length ? (
        <Anchor component={Link} to={`/orgs/${orgId}/monitoring/incidents`} mt="md" display="block">
          {t('monitoringDesk.dashboard.more', { count: total - items.length })}
        </Anchor>
      ) : null}
    </Card>
  );
}

/** One open incident in plain words: what happened and the steps to take now. */
export function IncidentCard({ orgId, incident: i }: { orgId: string; incident: IncidentSummary }) {
  const { t } = useTranslation();
  const where = targetText(i.target);
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-label={i.title}
      data-testid="open-incident"
    >
      <Group gap="xs" mb={6} wrap="wrap">
        <SeverityBadge severity={i.severity} long />
        <StatusBadge status={i.status} />
      </Group>
      <Title order={3} size="h4" mb={2}>
        {i.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {where
          ? t('monitoringDesk.common.target', { target: where })
          : t('monitoringDesk.common.targetUnknown')}
        {' ・ '}
        <When iso={i.firstSeenAt} />
      </Text>
      <Text fw={700} size="sm">
        {t('monitoringDesk.dashboard.whatHappened')}
      </Text>
      <Text size="sm" mb="sm">
        {i.what}
      </Text>
      {i.actions.length > 0 && i.status !== 'resolved' && i.status !== 'closed' ? (
        <Box p="sm" bg="yellow.0" style={{ borderRadius: 8 }}>
          <Text fw={700} size="sm" mb={4}>
            {t('monitoringDesk.dashboard.whatToDo')}
          </Text>
          <List type="ordered" size="sm" spacing={4}>
            {i.actions.map((a) => (
              <List.Item key={a}>{a}</List.Item>
            ))}
          </List>
        </Box>
      ) : null}
      {i.providerDoing ? (
        <Box p="sm" mt="sm" bg="teal.0" style={{ borderRadius: 8 }}>
          <Text fw={700} size="sm" mb={2}>
            {t('monitoringDesk.dashboard.providerDoing')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {i.providerDoing}
          </Text>
        </Box>
      ) : null}
      <Group justify="flex-end" mt="sm">
        <Button
          component={Link}
          to={`/orgs/${orgId}/monitoring/incidents/${i.id}`}
          variant="light"
          size="sm"
          rightSection={<IconArrowRight size={14} />}
        >
          {t('monitoringDesk.dashboard.details')}
        </Button>
      </Group>
    </Card>
  );
}

function FiguresCard({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [period, setPeriod] = useState<'week' | 'month'>('week');
  const f = data[period];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="figures-title">
      <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
        <Title order={2} size="h4" id="figures-title">
          {t('monitoringDesk.dashboard.blocked')} ・ {t('monitoringDesk.dashboard.detected')}
        </Title>
        <SegmentedControl
          value={period}
          onChange={(v) => setPeriod(v as 'week' | 'month')}
          data={[
            { value: 'week', label: t('monitoringDesk.dashboard.week') },
            { value: 'month', label: t('monitoringDesk.dashboard.month') },
          ]}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        {categories.map((c) => {
          const Icon = categoryIcon[c];
          return (
            <Card key={c} withBorder radius="md" padding="md" data-testid={`figure-${c}`}>
              <Group gap="xs" mb="xs" wrap="nowrap">
                <ThemeIcon variant="light" radius="xl">
                  <Icon size={18} />
                </ThemeIcon>
                <Text fw={700}>{t(`monitoringDesk.category.${c}`)}</Text>
              </Group>
              <Group grow gap="xs">
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t('monitoringDesk.dashboard.blocked')}
                  </Text>
                  <Text size="xl" fw={800} c="teal.8">
                    {formatNumber(f.blocked[c], lang)}
                  </Text>
                </Stack>
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t('monitoringDesk.dashboard.detected')}
                  </Text>
                  <Text size="xl" fw={800} c={f.detected[c] > 0 ? 'orange.8' : undefined}>
                    {formatNumber(f.detected[c], lang)}
                  </Text>
                </Stack>
              </Group>
            </Card>
          );
        })}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        {t('monitoringDesk.dashboard.legend')}
      </Text>
      {f.bySensor.length ? (
        <>
          <Text fw={700} size="sm" mt="md" mb={4}>
            {t('monitoringDesk.dashboard.bySensor')}
          </Text>
          <Stack gap={4}>
            {f.bySensor.map((s) => (
              <Group key={s.sensorId} justify="space-between" wrap="nowrap" gap="sm">
                <Text size="sm" truncate>
                  {s.name}
                </Text>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('monitoringDesk.dashboard.sensorCounts', {
                    blocked: formatNumber(s.blocked, lang),
                    detected: formatNumber(s.detected, lang),
                  })}
                </Text>
              </Group>
            ))}
          </Stack>
        </>
      ) : null}
    </Card>
  );
}

function TimelineCard({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const rows = data.timeline.map((d) => ({ ...d, day: d.day.slice(5).replace('-', '/') }));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="md">
        {t('monitoringDesk.dashboard.timeline')}
      </Title>
      <BarChart
        h={220}
        data={rows}
        dataKey="day"
        type="stacked"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        tickLine="none"
        gridAxis="y"
        series={[
          { name: 'blocked', label: t('monitoringDesk.dashboard.blocked'), color: 'teal.6' },
          { name: 'detected', label: t('monitoringDesk.dashboard.detected'), color: 'orange.6' },
        ]}
        xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 16 }}
        yAxisProps={{ allowDecimals: false, width: 32 }}
      />
    </Card>
  );
}

function SensorsCard({ orgId, data }: { orgId: string; data: Dashboard }) {
  const { t } = useTranslation();
  const color = { ok: 'teal', waiting: 'gray', silent: 'red', revoked: 'gray' } as const;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sensor-health-title">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4" id="sensor-health-title">
          {t('monitoringDesk.dashboard.sensors')}
        </Title>
        <Anchor component={Link} to={`/orgs/${orgId}/monitoring/sensors`} size="sm">
          {t('monitoringDesk.dashboard.manageSensors')}
        </Anchor>
      </Group>
      {data.sensors.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('monitoringDesk.dashboard.noSensors')}
        </Text>
      ) : (
        <Stack gap="xs">
          {data.sensors.map((s) => (
            <Group key={s.id} justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fw={600} size="sm">
                  {s.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {s.lastSeenAt ? t('monitoringDesk.common.lastSeen', { when: '' }) : null}
                  <When iso={s.lastSeenAt} />
                </Text>
              </Stack>
              <Badge color={color[s.status]} variant="light">
                {t(`monitoringDesk.sensorStatus.${s.status}`)}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

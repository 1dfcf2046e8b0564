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
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconAlert, IconArrowRight, IconCheck, IconFileText, IconPlus } from '../../../../web/src/icons.tsx';
import {
  monthLabel,
  pct,
  pdfUrl,
  type Recommendation,
  type Report,
  toneColor,
  useGenerateReport,
  useReport,
} from './reports-api.ts';

function Kpi({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Text fz={28} fw={800} lh={1.1}>
        {value}
      </Text>
      <Text size="sm" c="dimmed" mt={4}>
        {label}
      </Text>
    </Card>
  );
}

function Recommendations({ items }: { items: Recommendation[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text>{t('reports.page.nextNone')}</Text>;
  return (
    <List type="ordered" spacing="lg" styles={{ itemWrapper: { width: '100%' } }}>
      {items.map((r) => (
        <List.Item key={r.id}>
          <Text fw={700}>{r.title}</Text>
          <Text size="sm" mt={4}>
            {r.text}
          </Text>
          {r.item?.answerLabel ? (
            <Text size="sm" c="dimmed" mt={4}>
              {t('reports.page.answerWas', {
                no: r.item.no,
                topic: r.item.topic,
                answer: r.item.answerLabel,
              })}
            </Text>
          ) : null}
          {r.link ? (
            <Anchor component={Link} to={r.link.path} size="sm" mt={4} display="inline-flex">
              <Group gap={4} wrap="nowrap">
                {r.link.label}
                <IconArrowRight size={14} />
              </Group>
            </Anchor>
          ) : null}
        </List.Item>
      ))}
    </List>
  );
}

function DailyChart({ report }: { report: Report }) {
  const { t } = useTranslation();
  const data = report.days.map((d) => ({
    day: String(Number(d.day.slice(8))),
    passed: d.total - d.blocked,
    blocked: d.blocked,
  }));
  return (
    <Box role="img" aria-label={t('reports.page.chartLabel')}>
      <BarChart
        h={220}
        data={data}
        dataKey="day"
        type="stacked"
        series={[
          { name: 'passed', label: t('reports.page.passed'), color: 'gray.4' },
          { name: 'blocked', label: t('reports.page.blocked'), color: 'blue.7' },
        ]}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 36 }}
        yAxisProps={{ allowDecimals: false, width: 48 }}
        gridAxis="x"
        maxBarWidth={14}
      />
    </Box>
  );
}

/** One titled part of the report; `empty` replaces its content when there is nothing to show. */
function Section(props: { id: string; title: string; empty?: string | false; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={props.id}>
      <Title order={2} size="h4" id={props.id} mb="sm">
        {props.title}
      </Title>
      {props.empty ? <Text c="dimmed">{props.empty}</Text> : props.children}
    </Card>
  );
}

function ReportView({ report }: { report: Report }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap="lg">
      <Alert
        color={toneColor[report.tone]}
        variant="light"
        icon={report.tone === 'calm' ? <IconCheck /> : <IconAlert />}
        title={report.headline}
        data-testid="report-headline"
      >
        {report.final ? null : t('reports.page.interimNote')}
      </Alert>

      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
        <Kpi
          testId="kpi-events"
          label={t('reports.kpi.events')}
          value={formatNumber(report.totals.events, lang)}
        />
        <Kpi
          testId="kpi-blocked"
          label={t('reports.kpi.blocked')}
          value={formatNumber(report.totals.blocked, lang)}
        />
        <Kpi
          testId="kpi-detected"
          label={t('reports.kpi.detected')}
          value={formatNumber(report.totals.alerts, lang)}
        />
        <Kpi
          testId="kpi-incidents"
          label={t('reports.kpi.incidents')}
          value={formatNumber(report.totals.incidents, lang)}
        />
        <Kpi testId="kpi-uptime" label={t('reports.kpi.uptime')} value={pct(report.totals.uptime)} />
      </SimpleGrid>

      <Section id="report-summary" title={t('reports.page.summary')}>
        <Stack gap={6}>
          {report.summary.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
        </Stack>
      </Section>

      <Section id="report-next" title={t('reports.page.next')}>
        <Recommendations items={report.recommendations} />
        {report.diagnosis ? (
          <Text size="sm" c="dimmed" mt="md">
            {t('reports.page.diagnosis', {
              total: report.diagnosis.total,
              band: report.diagnosis.bandTitle,
              date: formatDate(report.diagnosis.createdAt, lang),
            })}
          </Text>
        ) : null}
      </Section>

      <Section id="report-chart" title={t('reports.page.chart')}>
        <DailyChart report={report} />
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section
          id="report-detected"
          title={t('reports.page.detected')}
          empty={report.rules.length === 0 && t('reports.page.detectedNone')}
        >
          <Stack gap="sm">
            {report.rules.map((r) => (
              <Box key={r.ruleId}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Group gap="xs" wrap="nowrap">
                    <Badge
                      color={r.severity >= 4 ? 'red' : r.severity === 3 ? 'orange' : 'yellow'}
                      variant="light"
                      tt="none"
                    >
                      {r.severityLabel}
                    </Badge>
                    <Text fw={600}>{r.title}</Text>
                  </Group>
                  <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {t('reports.page.alerts', { n: formatNumber(r.alerts, lang) })}
                  </Text>
                </Group>
                <Text size="sm" c="dimmed" mt={2}>
                  {r.what}
                </Text>
              </Box>
            ))}
          </Stack>
        </Section>

        <Section
          id="report-incidents"
          title={t('reports.page.incidents')}
          empty={report.incidents.length === 0 && t('reports.page.incidentsNone')}
        >
          <Stack gap="sm">
            {report.incidents.map((i) => (
              <Group key={i.id} justify="space-between" wrap="nowrap" align="flex-start">
                <Box>
                  <Text fw={600}>{i.rules.join(t('reports.page.sep')) || i.entity}</Text>
                  <Text size="sm" c="dimmed">
                    {formatDate(i.firstSeenAt, lang)}・{i.entity}
                  </Text>
                </Box>
                <Badge color={i.done ? 'teal' : 'red'} variant="light" tt="none" style={{ flexShrink: 0 }}>
                  {i.statusLabel}
                </Badge>
              </Group>
            ))}
          </Stack>
        </Section>
      </SimpleGrid>

      <Section
        id="report-sensors"
        title={t('reports.page.sensors')}
        empty={report.sensors.length === 0 && t('reports.page.sensorsNone')}
      >
        <Table.ScrollContainer minWidth={300}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.page.sensor')}</Table.Th>
                <Table.Th ta="right">{t('reports.kpi.events')}</Table.Th>
                <Table.Th w="40%">{t('reports.kpi.uptime')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.sensors.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {s.name}{' '}
                    <Text span size="xs" c="dimmed">
                      {s.kind.toUpperCase()}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(s.events, lang)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Progress
                        value={(s.uptime ?? 0) * 100}
                        color={s.uptime !== null && s.uptime < 0.9 ? 'orange' : 'teal'}
                        style={{ flex: 1 }}
                        aria-label={`${s.name} ${pct(s.uptime)}`}
                      />
                      <Text size="sm" w={52} ta="right">
                        {pct(s.uptime)}
                      </Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>
      <Text size="xs" c="dimmed">
        {t('reports.page.generated', { date: formatDateTime(report.generatedAt, lang) })}
      </Text>
    </Stack>
  );
}

/** One month's report: how the month went, what to do next, and the details behind it. */
export function ReportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { orgId, month } = useParams();
  const report = useReport(orgId, month);
  const generate = useGenerateReport(orgId);
  const label = month && /^\d{4}-\d{2}$/.test(month) ? monthLabel(month, lang) : (month ?? '');
  const title = t('reports.page.title', { month: label });
  if (report.isPending) return <PageLoader />;
  const missing = report.error instanceof ApiError && report.error.status === 404;
  const r = report.data;
  return (
    <>
      <PageHeader
        title={title}
        description={r ? r.orgName : undefined}
        actions={
          r ? (
            <>
              {r.final ? null : (
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} />}
                  loading={generate.isPending}
                  onClick={() => generate.mutate(r.month)}
                >
                  {t('reports.page.refresh')}
                </Button>
              )}
              <Button
                component="a"
                href={pdfUrl(r.orgId, r.month, lang)}
                download
                leftSection={<IconFileText size={16} />}
              >
                {t('reports.page.pdf')}
              </Button>
            </>
          ) : null
        }
      />
      <Stack gap="md">
        <Anchor component={Link} to={`/orgs/${orgId}/reports`} size="sm">
          {t('reports.page.back')}
        </Anchor>
        <ErrorAlert error={missing ? null : (report.error ?? generate.error)} />
        {missing ? (
          <Card withBorder padding="lg">
            <Group gap="md" wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" size={36}>
                <IconFileText size={20} />
              </ThemeIcon>
              <Stack gap="sm">
                <Text>{t('reports.page.missing')}</Text>
                {month ? (
                  <Button w="fit-content" loading={generate.isPending} onClick={() => generate.mutate(month)}>
                    {t('reports.page.make')}
                  </Button>
                ) : null}
              </Stack>
            </Group>
          </Card>
        ) : null}
        {r ? <ReportView report={r} /> : null}
      </Stack>
    </>
  );
}

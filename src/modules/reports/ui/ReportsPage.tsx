import { Alert, Anchor, Badge, Button, Card, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDateTime, formatNumber } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconFileText, IconPlus } from '../../../../web/src/icons.tsx';
import { useMe } from '../../../../web/src/me.ts';
import { monthLabel, useGenerateReport, useReports } from './reports-api.ts';

/** The SME's monthly reports, newest first, and a button for this month so far. */
export function ReportsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { orgId } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const [page, setPage] = useState(1);
  const reports = useReports(orgId, page);
  const generate = useGenerateReport(orgId);
  const ownOrg = me.data?.orgs.find((o) => o.id === orgId);
  const data = reports.data;

  if (reports.isPending) return <PageLoader />;
  const make = async (month: string) => {
    await generate.mutateAsync(month);
    navigate(`/orgs/${orgId}/reports/${month}`);
  };
  const hasCurrent = data?.items.some((r) => r.month === data.currentMonth);
  return (
    <>
      <PageHeader
        title={t('reports.list.title')}
        description={t('reports.list.description')}
        actions={
          data && ownOrg?.kind !== 'provider' && ownOrg?.role !== 'employee' ? (
            <Button
              leftSection={<IconPlus size={16} />}
              loading={generate.isPending}
              onClick={() => make(data.currentMonth)}
            >
              {hasCurrent
                ? t('reports.list.refresh', { month: monthLabel(data.currentMonth, lang) })
                : t('reports.list.make', { month: monthLabel(data.currentMonth, lang) })}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <ErrorAlert error={reports.error ?? generate.error} />
        {ownOrg?.kind === 'provider' ? (
          <Alert color="blue" variant="light">
            {t('reports.list.providerNote')}
          </Alert>
        ) : null}
        {data && data.items.length === 0 ? (
          <Card withBorder padding="lg">
            <Text>{t('reports.list.empty')}</Text>
          </Card>
        ) : null}
        {data && data.items.length > 0 ? (
          <Card withBorder padding={0}>
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="sm" horizontalSpacing="md" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.list.month')}</Table.Th>
                    <Table.Th ta="right">{t('reports.kpi.events')}</Table.Th>
                    <Table.Th ta="right">{t('reports.kpi.blocked')}</Table.Th>
                    <Table.Th ta="right">{t('reports.kpi.detected')}</Table.Th>
                    <Table.Th ta="right">{t('reports.kpi.incidents')}</Table.Th>
                    <Table.Th>{t('reports.list.made')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((r) => (
                    <Table.Tr key={r.month}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <IconFileText size={16} />
                          <Anchor component={Link} to={`/orgs/${orgId}/reports/${r.month}`} fw={600}>
                            {monthLabel(r.month, lang)}
                          </Anchor>
                          {r.final ? null : (
                            <Badge variant="light" color="gray" tt="none">
                              {t('reports.interim')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(r.events, lang)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(r.blocked, lang)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(r.alerts, lang)}</Table.Td>
                      <Table.Td ta="right">
                        {formatNumber(r.incidents, lang)}
                        {r.openIncidents > 0 ? (
                          <Badge ml={6} color="red" variant="light" tt="none">
                            {t('reports.list.open', { n: r.openIncidents })}
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {formatDateTime(r.generatedAt, lang)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        ) : null}
        {data && data.total > data.pageSize ? (
          <Pagination
            total={Math.ceil(data.total / data.pageSize)}
            value={page}
            onChange={setPage}
            aria-label={t('reports.list.pages')}
          />
        ) : null}
        <Text size="sm" c="dimmed">
          {t('reports.list.schedule')}
        </Text>
      </Stack>
    </>
  );
}

import { Card, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { useIncidents } from './desk-api.ts';
import { MonitoringTabs, Pager } from './parts.tsx';
import { IncidentCard } from './SmeDashboardPage.tsx';

/** All incidents of one SME, open ones or everything, page by page. */
export function IncidentsPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const [status, setStatus] = useState('open');
  const [page, setPage] = useState(1);
  const q = useIncidents(orgId, status, page);
  return (
    <>
      <PageHeader title={t('monitoringDesk.incidents.title')} />
      <MonitoringTabs orgId={orgId} />
      <SegmentedControl
        mb="md"
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        data={[
          { value: 'open', label: t('monitoringDesk.incidents.open') },
          { value: 'all', label: t('monitoringDesk.incidents.all') },
        ]}
        aria-label={t('monitoringDesk.incidents.filterStatus')}
      />
      {q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Stack gap="md">
            {q.data.items.length === 0 ? (
              <Card withBorder padding="lg">
                <Text c="dimmed">{t('monitoringDesk.incidents.empty')}</Text>
              </Card>
            ) : null}
            {q.data.items.map((i) => (
              <IncidentCard key={i.id} orgId={orgId} incident={i} />
            ))}
          </Stack>
          <Pager page={page} total={q.data.total} pageSize={q.data.pageSize} onChange={setPage} />
        </>
      )}
    </>
  );
}

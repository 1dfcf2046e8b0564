import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { type Customer, deskKeys, useCustomers, useOrgOf } from './desk-api.ts';
import { EndContractModal, MonitoringTabs, Pager } from './parts.tsx';

/** The provider's customers, those with new incidents standing out. */
export function CustomersPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const manager = useOrgOf(orgId)?.role === 'manager';
  const [page, setPage] = useState(1);
  const [ending, setEnding] = useState<Customer | null>(null);
  const q = useCustomers(orgId, page);
  const end = useMutation({
    mutationFn: (c: Customer) => api(`/api/v1/orgs/${orgId}/customers/${c.orgId}`, { method: 'DELETE' }),
    onSuccess: async (_r, c) => {
      notifications.show({ color: 'teal', message: t('monitoringDesk.customers.ended', { name: c.name }) });
      setEnding(null);
      await qc.invalidateQueries({ queryKey: deskKeys.org(orgId) });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  return (
    <>
      <PageHeader
        title={t('monitoringDesk.customers.title')}
        description={t('monitoringDesk.customers.lead')}
      />
      <MonitoringTabs orgId={orgId} />
      {q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : q.data.total === 0 ? (
        <Card withBorder padding="lg">
          <Text c="dimmed">{t('monitoringDesk.customers.empty')}</Text>
        </Card>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {q.data.items.map((c) => (
              <Card
                key={c.orgId}
                withBorder
                padding="lg"
                component="article"
                aria-label={c.name}
                style={c.newIncidents > 0 ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}
                data-testid="customer-card"
              >
                <Title order={2} size="h4" mb={4} style={{ overflowWrap: 'anywhere' }}>
                  {c.name}
                </Title>
                <Text size="xs" c="dimmed" mb="sm">
                  {t('monitoringDesk.customers.since')}：{formatDate(c.since, lang)}
                </Text>
                <Group gap="xs" mb="md" wrap="wrap">
                  <Badge
                    color={c.newIncidents > 0 ? 'red' : 'gray'}
                    variant={c.newIncidents > 0 ? 'filled' : 'light'}
                  >
                    {t('monitoringDesk.customers.fresh')} {c.newIncidents}
                  </Badge>
                  <Badge color={c.openIncidents > 0 ? 'orange' : 'gray'} variant="light">
                    {t('monitoringDesk.customers.open')} {c.openIncidents}
                  </Badge>
                  <Badge color="blue" variant="light">
                    {t('monitoringDesk.customers.sensors')} {c.sensors}
                  </Badge>
                  {c.silentSensors > 0 ? (
                    <Badge color="red" variant="light">
                      {t('monitoringDesk.customers.silent', { count: c.silentSensors })}
                    </Badge>
                  ) : null}
                </Group>
                <Stack gap={6}>
                  <Button
                    component={Link}
                    to={`/orgs/${orgId}/monitoring?customer=${encodeURIComponent(c.orgId)}`}
                    size="xs"
                  >
                    {t('monitoringDesk.customers.queue')}
                  </Button>
                  <Group gap="xs" grow>
                    <Button component={Link} to={`/orgs/${c.orgId}/monitoring`} size="xs" variant="light">
                      {t('monitoringDesk.customers.dashboard')}
                    </Button>
                    <Button
                      component={Link}
                      to={`/orgs/${c.orgId}/monitoring/sensors`}
                      size="xs"
                      variant="light"
                    >
                      {t('monitoringDesk.customers.sensorsLink')}
                    </Button>
                  </Group>
                  {manager ? (
                    <Button size="xs" variant="subtle" color="red" onClick={() => setEnding(c)}>
                      {t('monitoringDesk.customers.end')}
                    </Button>
                  ) : null}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
          <Pager page={page} total={q.data.total} pageSize={q.data.pageSize} onChange={setPage} />
        </>
      )}
      <EndContractModal
        opened={ending !== null}
        title={t('monitoringDesk.customers.endTitle', { name: ending?.name ?? '' })}
        body={t('monitoringDesk.customers.endBody')}
        confirmLabel={t('monitoringDesk.customers.end')}
        loading={end.isPending}
        onClose={() => setEnding(null)}
        onConfirm={() => ending && end.mutate(ending)}
      />
    </>
  );
}

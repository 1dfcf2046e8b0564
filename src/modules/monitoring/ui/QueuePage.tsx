import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { IconArrowRight, IconUser } from '../../../../web/src/icons.tsx';
import {
  deskKeys,
  type IncidentSummary,
  incidentStatuses,
  type QueueFilters,
  useCustomers,
  useQueue,
  useRules,
} from './desk-api.ts';
import { MonitoringTabs, Pager, SeverityBadge, StatusBadge, targetText, When } from './parts.tsx';

/** The provider's day: every customer's incidents in one list, newest and most serious first. */
export function QueuePage({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  // The customers page links here with ?customer= to open one customer's incidents.
  const [params] = useSearchParams();
  const [f, setF] = useState<QueueFilters>({ status: 'open', page: 1, customer: params.get('customer') });
  const queue = useQueue(orgId, f);
  const customers = useCustomers(orgId, 1, 200);
  const rules = useRules();
  const set = (patch: Partial<QueueFilters>) => setF((prev) => ({ ...prev, ...patch, page: 1 }));
  const sev = (n: number) => t(`monitoringDesk.severity.${n}`);
  return (
    <>
      <PageHeader title={t('monitoringDesk.queue.title')} description={t('monitoringDesk.queue.lead')} />
      <MonitoringTabs orgId={orgId} />
      <Card withBorder padding="md" mb="md" component="section" aria-label={t('monitoringDesk.queue.title')}>
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
          <Select
            label={t('monitoringDesk.queue.customer')}
            placeholder={t('monitoringDesk.queue.allCustomers')}
            data={(customers.data?.items ?? []).map((c) => ({ value: c.orgId, label: c.name }))}
            value={f.customer ?? null}
            onChange={(v) => set({ customer: v })}
            clearable
            searchable
          />
          <Select
            label={t('monitoringDesk.queue.severity')}
            data={[
              { value: '', label: t('monitoringDesk.queue.severityAny') },
              ...[2, 3, 4].map((n) => ({
                value: String(n),
                label: t('monitoringDesk.queue.severityMin', { label: sev(n) }),
              })),
            ]}
            value={f.severity ?? ''}
            onChange={(v) => set({ severity: v || null })}
            allowDeselect={false}
          />
          <Select
            label={t('monitoringDesk.queue.status')}
            data={[
              { value: 'open', label: t('monitoringDesk.queue.statusOpen') },
              { value: 'all', label: t('monitoringDesk.queue.statusAll') },
              ...incidentStatuses.map((s) => ({ value: s, label: t(`monitoringDesk.status.${s}`) })),
            ]}
            value={f.status ?? 'open'}
            onChange={(v) => set({ status: v ?? 'open' })}
            allowDeselect={false}
          />
          <Select
            label={t('monitoringDesk.queue.rule')}
            placeholder={t('monitoringDesk.queue.ruleAny')}
            data={(rules.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
            value={f.rule ?? null}
            onChange={(v) => set({ rule: v })}
            clearable
            searchable
          />
          <Select
            label={t('monitoringDesk.queue.assignee')}
            data={[
              { value: '', label: t('monitoringDesk.queue.assigneeAny') },
              { value: 'me', label: t('monitoringDesk.queue.assigneeMe') },
              { value: 'none', label: t('monitoringDesk.queue.assigneeNone') },
            ]}
            value={f.assignee ?? ''}
            onChange={(v) => set({ assignee: v || null })}
            allowDeselect={false}
          />
        </SimpleGrid>
      </Card>
      {queue.isPending ? (
        <PageLoader />
      ) : queue.isError ? (
        <ErrorAlert error={queue.error} />
      ) : (
        <>
          <Stack gap="sm" aria-live="polite">
            {queue.data.items.length === 0 ? (
              <Card withBorder padding="lg">
                <Text c="dimmed">{t('monitoringDesk.queue.empty')}</Text>
              </Card>
            ) : null}
            {queue.data.items.map((i) => (
              <QueueRow key={i.id} incident={i} />
            ))}
          </Stack>
          <Pager
            page={f.page}
            total={queue.data.total}
            pageSize={queue.data.pageSize}
            onChange={(page) => setF((prev) => ({ ...prev, page }))}
          />
        </>
      )}
    </>
  );
}

function QueueRow({ incident: i }: { incident: IncidentSummary }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const take = useMutation({
    mutationFn: () =>
      api(`/api/v1/orgs/${i.orgId}/incidents/${i.id}/assign`, { method: 'POST', body: { assignee: 'me' } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: deskKeys.all }),
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  const where = targetText(i.target);
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="article"
      aria-label={`${i.customerName ?? ''} ${i.title}`}
      data-testid="queue-row"
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <SeverityBadge severity={i.severity} />
            <StatusBadge status={i.status} />
            {i.verdict ? (
              <Badge variant="outline" color="gray" radius="sm">
                {t(`monitoringDesk.verdict.${i.verdict}`)}
              </Badge>
            ) : null}
            {i.escalated ? (
              <Badge color="grape" variant="light" radius="sm">
                {t('monitoringDesk.queue.escalated')}
              </Badge>
            ) : null}
          </Group>
          <Title order={2} size="h5">
            {i.customerName} ・ {i.title}
          </Title>
          <Text size="sm" c="dimmed">
            {where || t('monitoringDesk.common.targetUnknown')} ・{' '}
            {t('monitoringDesk.queue.alerts', { count: i.alertCount })} ・{' '}
            {t('monitoringDesk.queue.lastSeen')} <When iso={i.lastSeenAt} />
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {i.assignee ? (
            <Group gap={4} wrap="nowrap">
              <IconUser size={14} />
              <Text size="sm">{i.assignee.name}</Text>
            </Group>
          ) : (
            <Button size="xs" variant="light" loading={take.isPending} onClick={() => take.mutate()}>
              {t('monitoringDesk.queue.takeIt')}
            </Button>
          )}
          <Button
            size="xs"
            component={Link}
            to={`/orgs/${i.orgId}/monitoring/incidents/${i.id}`}
            rightSection={<IconArrowRight size={12} />}
          >
            {t('monitoringDesk.queue.open')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}

import { Anchor, Box, Button, Card, Group, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconPlus } from '../../../../web/src/icons.tsx';
import { type ConsultationSummary, PRIORITIES, STATUSES, useConsultations } from './helpdesk-api.ts';
import { ClockLine, OverdueBadge, Pager, PriorityBadge, StatusBadge, useMembership } from './parts.tsx';

/** /orgs/:orgId/consultations: an SME's own consultations, or a provider's queue across its customers. */
export function ConsultationsPage() {
  const { orgId } = useParams();
  const org = useMembership(orgId);
  const { t } = useTranslation();
  if (!org) return <PageLoader />;
  if (org.kind === 'provider')
    return (
      <ConsultationList
        mode="desk"
        listUrl={`/api/v1/orgs/${org.id}/helpdesk/queue`}
        providerOrgId={org.id}
      />
    );
  return (
    <ConsultationList
      mode="customer"
      listUrl={`/api/v1/orgs/${org.id}/consultations`}
      action={
        <Button
          component={Link}
          to={`/orgs/${org.id}/consultations/new`}
          leftSection={<IconPlus size={16} />}
        >
          {t('helpdesk.list.new')}
        </Button>
      }
    />
  );
}

/** The operator's desk: consultations of SMEs without a provider, and an overview of all. */
export function AdminConsultationsPage() {
  return <ConsultationList mode="operator" listUrl="/api/v1/admin/helpdesk/consultations" />;
}

function useFilters() {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const filters = {
    status: get('status') ?? 'active',
    priority: get('priority'),
    overdue: get('overdue'),
    customer: get('customer'),
    servedBy: get('servedBy') ?? 'operator',
    page: Number(get('page') ?? 1) || 1,
  };
  const update = (patch: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  return { filters, update };
}

function ConsultationList({
  mode,
  listUrl,
  providerOrgId,
  action,
}: {
  mode: 'customer' | 'desk' | 'operator';
  listUrl: string;
  providerOrgId?: string;
  action?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { filters, update } = useFilters();
  const query = {
    status: filters.status === 'all' ? undefined : filters.status,
    priority: filters.priority,
    overdue: filters.overdue,
    page: filters.page,
    ...(mode === 'desk' ? { customer: filters.customer } : {}),
    ...(mode === 'operator' ? { servedBy: filters.servedBy === 'all' ? undefined : filters.servedBy } : {}),
  };
  const list = useConsultations(listUrl, query);
  const customers = useQuery({
    queryKey: ['helpdesk', 'customers', providerOrgId],
    queryFn: () =>
      api<{ items: { customerOrgId: string; customerName: string }[] }>(
        `/api/v1/orgs/${providerOrgId}/customers`,
      ),
    enabled: mode === 'desk',
  });
  const side = mode === 'customer' ? 'customer' : 'desk';
  const statusOptions = [
    { value: 'active', label: t('helpdesk.list.active') },
    { value: 'all', label: t('helpdesk.list.all') },
    ...STATUSES.map((s) => ({ value: s, label: t(`helpdesk.status.${side}.${s}`) })),
  ];
  return (
    <>
      <PageHeader
        title={t(`helpdesk.list.title.${mode}`)}
        description={t(`helpdesk.list.lead.${mode}`)}
        actions={action}
      />
      <Stack gap="md">
        <Card withBorder padding="md" component="section" aria-label={t('helpdesk.list.filters')}>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('helpdesk.list.status')}
              data={statusOptions}
              value={filters.status}
              onChange={(v) => update({ status: v === 'active' ? null : v })}
              allowDeselect={false}
              w={200}
            />
            <Select
              label={t('helpdesk.list.priority')}
              data={PRIORITIES.map((p) => ({ value: p, label: t(`helpdesk.priority.${p}`) }))}
              value={filters.priority ?? null}
              onChange={(v) => update({ priority: v })}
              placeholder={t('helpdesk.list.any')}
              clearable
              w={180}
            />
            {mode === 'desk' ? (
              <Select
                label={t('helpdesk.list.customer')}
                data={(customers.data?.items ?? []).map((c) => ({
                  value: c.customerOrgId,
                  label: c.customerName,
                }))}
                value={filters.customer ?? null}
                onChange={(v) => update({ customer: v })}
                placeholder={t('helpdesk.list.any')}
                searchable
                clearable
                w={240}
              />
            ) : null}
            {mode === 'operator' ? (
              <Select
                label={t('helpdesk.list.servedByLabel')}
                data={[
                  { value: 'operator', label: t('helpdesk.list.servedBy.operator') },
                  { value: 'provider', label: t('helpdesk.list.servedBy.provider') },
                  { value: 'all', label: t('helpdesk.list.all') },
                ]}
                value={filters.servedBy}
                onChange={(v) => update({ servedBy: v === 'operator' ? null : v })}
                allowDeselect={false}
                w={220}
              />
            ) : null}
            <Switch
              label={t('helpdesk.list.overdueOnly')}
              checked={filters.overdue === 'true'}
              onChange={(e) => update({ overdue: e.currentTarget.checked ? 'true' : null })}
              mb={8}
            />
          </Group>
        </Card>
        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <ErrorAlert error={list.error} />
        ) : (
          <Card withBorder padding="lg" component="section" aria-label={t(`helpdesk.list.title.${mode}`)}>
            <Text size="sm" c="dimmed" mb="sm" role="status">
              {t('helpdesk.list.count', { count: list.data.total })}
            </Text>
            {list.data.items.length === 0 ? (
              <Text c="dimmed" ta="center" py="lg">
                {t(`helpdesk.list.empty.${mode}`)}
              </Text>
            ) : (
              <Rows items={list.data.items} mode={mode} />
            )}
            <Box mt="md">
              <Pager
                total={list.data.total}
                pageSize={list.data.pageSize}
                page={filters.page}
                onChange={(p) => update({ page: p })}
              />
            </Box>
          </Card>
        )}
      </Stack>
    </>
  );
}

const linkTo = (c: ConsultationSummary, mode: string) =>
  mode === 'operator' ? `/admin/helpdesk/${c.id}` : `/orgs/${c.orgId}/consultations/${c.id}`;

function Rows({ items, mode }: { items: ConsultationSummary[]; mode: 'customer' | 'desk' | 'operator' }) {
  const { t } = useTranslation();
  const lang = useLang();
  const side = mode === 'customer' ? 'customer' : 'desk';
  return (
    <>
      <Box visibleFrom="md">
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('helpdesk.list.subject')}</Table.Th>
                {mode !== 'customer' ? <Table.Th>{t('helpdesk.list.customer')}</Table.Th> : null}
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('helpdesk.list.priority')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('helpdesk.list.status')}</Table.Th>
                <Table.Th>{t('helpdesk.list.sla')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr
                  key={c.id}
                  bg={c.overdue ? 'var(--mantine-color-red-light)' : undefined}
                  data-overdue={c.overdue || undefined}
                >
                  <Table.Td>
                    <Anchor component={Link} to={linkTo(c, mode)} fw={600}>
                      {c.subject}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      #{c.ref} · {c.categoryTitle} · {formatDateTime(c.createdAt, lang)}
                    </Text>
                  </Table.Td>
                  {mode !== 'customer' ? (
                    <Table.Td>
                      <Text size="sm">{c.orgName}</Text>
                      {mode === 'operator' ? (
                        <Text size="xs" c="dimmed">
                          {t(`helpdesk.list.servedBy.${c.servedBy}`)}
                        </Text>
                      ) : null}
                    </Table.Td>
                  ) : null}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <PriorityBadge priority={c.priority} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Group gap={6} wrap="nowrap">
                      <StatusBadge status={c.status} side={side} />
                      {c.overdue ? <OverdueBadge /> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Clocks c={c} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Stack hiddenFrom="md" gap="sm">
        {items.map((c) => (
          <Card
            key={c.id}
            withBorder
            padding="sm"
            component={Link}
            to={linkTo(c, mode)}
            bg={c.overdue ? 'var(--mantine-color-red-light)' : undefined}
            style={{ borderColor: c.overdue ? 'var(--mantine-color-red-6)' : undefined }}
          >
            <Group gap={6} mb={4}>
              <PriorityBadge priority={c.priority} />
              <StatusBadge status={c.status} side={side} />
              {c.overdue ? <OverdueBadge /> : null}
            </Group>
            <Text fw={600}>{c.subject}</Text>
            <Text size="xs" c="dimmed" mb={4}>
              #{c.ref} · {mode !== 'customer' ? `${c.orgName} · ` : ''}
              {c.categoryTitle}
            </Text>
            <Clocks c={c} />
          </Card>
        ))}
      </Stack>
    </>
  );
}

function Clocks({ c }: { c: ConsultationSummary }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {c.firstResponse.state !== 'met' ? (
        <ClockLine label={t('helpdesk.sla.firstResponse')} clock={c.firstResponse} />
      ) : null}
      <ClockLine label={t('helpdesk.sla.resolution')} clock={c.resolution} />
    </Stack>
  );
}

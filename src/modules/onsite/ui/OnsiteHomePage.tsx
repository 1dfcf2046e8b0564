import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate, formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconPlus } from '../../../../web/src/icons.tsx';
import { useMe } from '../../../../web/src/me.ts';
import {
  CLAIM_STATUSES,
  DISPATCH_STATUSES,
  PAGE_SIZE,
  useClaims,
  useCustomers,
  useDispatches,
  yen,
} from './onsite-api.ts';
import { ClaimBadge, DispatchBadge } from './parts.tsx';

/** /orgs/:orgId/onsite — an SME's own dispatches and claims, or a provider's across its customers. */
export function OnsiteHomePage() {
  const { orgId } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'claims' ? 'claims' : 'dispatches';
  if (me.isPending) return <PageLoader />;
  const org = me.data?.orgs.find((o) => o.id === orgId);
  const provider = org?.kind === 'provider';
  const canRequest = provider || org?.role === 'owner' || org?.role === 'practitioner';
  if (org && !provider && org.role === 'employee') {
    return (
      <>
        <PageHeader title={t('onsite.home.title')} />
        <Alert color="gray">{t('onsite.home.viewerOnly')}</Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t('onsite.home.title')}
        description={provider ? t('onsite.home.leadProvider') : t('onsite.home.leadSme')}
        actions={
          canRequest ? (
            <>
              <Button component={Link} to={`/orgs/${orgId}/onsite/dispatches/new`} leftSection={<IconPlus />}>
                {provider ? t('onsite.home.requestProvider') : t('onsite.home.request')}
              </Button>
              {provider ? (
                <Button component={Link} to={`/orgs/${orgId}/onsite/claims/new`} variant="light">
                  {t('onsite.home.newClaim')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v === 'claims' ? { tab: 'claims' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="dispatches">{t('onsite.home.tabDispatches')}</Tabs.Tab>
          <Tabs.Tab value="claims">{t('onsite.home.tabClaims')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="dispatches">
          <DispatchList orgId={orgId as string} provider={provider} />
        </Tabs.Panel>
        <Tabs.Panel value="claims">
          <ClaimList orgId={orgId as string} provider={provider} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** For a provider: narrow its lists to one customer (filtered by the server). */
function CustomerFilter(props: {
  providerOrgId: string;
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const { t } = useTranslation();
  const customers = useCustomers(props.providerOrgId);
  return (
    <Select
      label={t('onsite.home.filterCustomer')}
      placeholder={t('onsite.home.all')}
      data={(customers.data?.items ?? []).map((c) => ({ value: c.customerOrgId, label: c.customerName }))}
      value={props.value}
      onChange={props.onChange}
      clearable
      searchable
      w={260}
      maw="100%"
    />
  );
}

function StatusFilter(props: {
  value: string | null;
  onChange: (v: string | null) => void;
  options: string[];
  ns: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('onsite.home.filterStatus')}
      placeholder={t('onsite.home.all')}
      data={props.options.map((s) => ({ value: s, label: t(`${props.ns}.${s}`) }))}
      value={props.value}
      onChange={props.onChange}
      clearable
      w={260}
      maw="100%"
    />
  );
}

/** Filter state shared by both lists: changing the status or the customer goes back to page 1. */
function useListFilters() {
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [customer, setCustomer] = useState<string | null>(null);
  return {
    status,
    page,
    customer,
    setPage,
    setStatus: (v: string | null) => {
      setStatus(v);
      setPage(1);
    },
    setCustomer: (v: string | null) => {
      setCustomer(v);
      setPage(1);
    },
  };
}

function ListFilters(props: {
  orgId: string;
  provider: boolean;
  filters: ReturnType<typeof useListFilters>;
  options: string[];
  ns: string;
}) {
  const { filters } = props;
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <StatusFilter
        value={filters.status}
        onChange={filters.setStatus}
        options={props.options}
        ns={props.ns}
      />
      {props.provider ? (
        <CustomerFilter providerOrgId={props.orgId} value={filters.customer} onChange={filters.setCustomer} />
      ) : null}
    </Group>
  );
}

function ListPager(props: { total: number; page: number; onChange: (page: number) => void }) {
  if (props.total <= PAGE_SIZE) return null;
  return (
    <Group justify="center">
      <Pagination total={Math.ceil(props.total / PAGE_SIZE)} value={props.page} onChange={props.onChange} />
    </Group>
  );
}

function DispatchList({ orgId, provider }: { orgId: string; provider: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const filters = useListFilters();
  const { status, page, customer } = filters;
  const q = useDispatches(orgId, { status, page, customer });
  const narrow = useMediaQuery('(max-width: 48em)');
  return (
    <Stack gap="md">
      <ListFilters
        orgId={orgId}
        provider={provider}
        filters={filters}
        options={DISPATCH_STATUSES}
        ns="onsite.dispatchStatus"
      />
      {q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <Text c="dimmed">
          {provider || status ? t('onsite.home.noDispatches') : t('onsite.home.noDispatchesSme')}
        </Text>
      ) : narrow ? (
        <Stack gap="sm">
          {q.data.items.map((d) => (
            <Card
              key={d.id}
              withBorder
              padding="md"
              component={Link}
              to={`/orgs/${d.orgId}/onsite/dispatches/${d.id}`}
            >
              <Stack gap={4} mb={4} align="flex-start">
                <DispatchBadge status={d.status} />
                <Text size="sm" c="dimmed">
                  {formatDate(d.requestedAt, lang)} ・ {provider ? d.orgName : d.providerName}
                </Text>
              </Stack>
              <Text lineClamp={2}>{d.reason}</Text>
              {d.scheduledAt ? (
                <Text size="sm" c="dimmed" mt={4}>
                  {t('onsite.home.colVisit')}: {formatDateTime(d.scheduledAt, lang)} {d.engineerName ?? ''}
                </Text>
              ) : null}
            </Card>
          ))}
        </Stack>
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('onsite.home.colRequested')}</Table.Th>
                  <Table.Th>
                    {provider ? t('onsite.home.colCustomer') : t('onsite.home.colProvider')}
                  </Table.Th>
                  <Table.Th>{t('onsite.home.colReason')}</Table.Th>
                  <Table.Th>{t('onsite.home.colVisit')}</Table.Th>
                  <Table.Th>{t('onsite.home.colStatus')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.requestedAt, lang)}</Table.Td>
                    <Table.Td>{provider ? d.orgName : d.providerName}</Table.Td>
                    <Table.Td maw={320}>
                      <Anchor
                        component={Link}
                        to={`/orgs/${d.orgId}/onsite/dispatches/${d.id}`}
                        lineClamp={2}
                      >
                        {d.reason}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {d.scheduledAt ? formatDateTime(d.scheduledAt, lang) : '—'}
                      {d.engineerName ? (
                        <Text size="xs" c="dimmed">
                          {d.engineerName}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <DispatchBadge status={d.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {q.data ? <ListPager total={q.data.total} page={page} onChange={filters.setPage} /> : null}
    </Stack>
  );
}

function ClaimList({ orgId, provider }: { orgId: string; provider: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const filters = useListFilters();
  const { status, page, customer } = filters;
  const q = useClaims(orgId, { status, page, customer });
  const narrow = useMediaQuery('(max-width: 48em)');
  return (
    <Stack gap="md">
      <ListFilters
        orgId={orgId}
        provider={provider}
        filters={filters}
        options={CLAIM_STATUSES}
        ns="onsite.claimStatus"
      />
      {q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <Text c="dimmed">{t('onsite.home.noClaims')}</Text>
      ) : narrow ? (
        <Stack gap="sm">
          {q.data.items.map((c) => (
            <Card
              key={c.id}
              withBorder
              padding="md"
              component={Link}
              to={`/orgs/${c.orgId}/onsite/claims/${c.id}`}
            >
              <Stack gap={4} mb={4} align="flex-start">
                <ClaimBadge status={c.status} />
                <Text size="sm" c="dimmed">
                  {formatDate(`${c.lossDate}T00:00:00+09:00`, lang)} ・{' '}
                  {provider ? c.orgName : c.providerName}
                </Text>
              </Stack>
              <Group justify="space-between">
                <Text>{c.insurer}</Text>
                <Text fw={600}>{yen(c.coveredTotalYen, lang)}</Text>
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('onsite.home.colLossDate')}</Table.Th>
                  <Table.Th>
                    {provider ? t('onsite.home.colCustomer') : t('onsite.home.colProvider')}
                  </Table.Th>
                  <Table.Th>{t('onsite.home.colInsurer')}</Table.Th>
                  <Table.Th ta="right">{t('onsite.home.colTotal')}</Table.Th>
                  <Table.Th>{t('onsite.home.colStatus')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/orgs/${c.orgId}/onsite/claims/${c.id}`}>
                        {formatDate(`${c.lossDate}T00:00:00+09:00`, lang)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{provider ? c.orgName : c.providerName}</Table.Td>
                    <Table.Td>{c.insurer}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {yen(c.coveredTotalYen, lang)}
                    </Table.Td>
                    <Table.Td>
                      <ClaimBadge status={c.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {q.data ? <ListPager total={q.data.total} page={page} onChange={filters.setPage} /> : null}
    </Stack>
  );
}

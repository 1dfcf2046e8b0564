import { Anchor, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../../web/src/components/Page.tsx';
import { IconAlert, IconShieldCheck } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { useDashboard, useQueue } from './desk-api.ts';
import { SeverityBadge } from './parts.tsx';

/** On /dashboard: for an SME owner or practitioner, what needs doing now; for a provider, new incidents. */
export function MonitoringDashboardWidget() {
  const me = useMe();
  const org = activeOrg(me.data);
  if (!org) return null;
  if (org.kind === 'provider') return <ProviderWidget orgId={org.id} />;
  if (org.role !== 'owner' && org.role !== 'practitioner') return null;
  return <SmeWidget orgId={org.id} />;
}

function Shell({
  alert,
  children,
  to,
  link,
}: {
  alert: boolean;
  children: React.ReactNode;
  to: string;
  link: string;
}) {
  const { t } = useTranslation();
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="monitoring-widget-title"
      data-testid="monitoring-widget"
    >
      <Group justify="space-between" mb="md" gap="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="md" variant="light" color={alert ? 'red' : 'teal'}>
            {alert ? <IconAlert size={22} /> : <IconShieldCheck size={22} />}
          </ThemeIcon>
          <Title order={2} size="h4" id="monitoring-widget-title">
            {t('monitoringDesk.widget.title')}
          </Title>
        </Group>
        <Anchor component={Link} to={to} size="sm" style={{ whiteSpace: 'nowrap' }}>
          {link}
        </Anchor>
      </Group>
      {children}
    </Card>
  );
}

function SmeWidget({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const d = useDashboard(orgId);
  const open = d.data?.openIncidents.total ?? 0;
  return (
    <Shell alert={open > 0} to={`/orgs/${orgId}/monitoring`} link={t('monitoringDesk.widget.openDashboard')}>
      {d.isPending ? (
        <Skeleton h={48} />
      ) : d.isError ? (
        <ErrorAlert error={d.error} />
      ) : (
        <Stack gap={6}>
          <Text fw={700} c={open > 0 ? 'red.8' : 'teal.8'}>
            {open > 0 ? t('monitoringDesk.widget.open', { count: open }) : t('monitoringDesk.widget.clear')}
          </Text>
          {d.data.openIncidents.items.slice(0, 3).map((i) => (
            <Group key={i.id} gap="xs" wrap="nowrap">
              <SeverityBadge severity={i.severity} />
              <Anchor component={Link} to={`/orgs/${orgId}/monitoring/incidents/${i.id}`} size="sm" truncate>
                {i.title}
              </Anchor>
            </Group>
          ))}
          <Text size="sm" c="dimmed">
            {t('monitoringDesk.widget.blockedWeek', {
              count: d.data.week.blocked.mail + d.data.week.blocked.malware + d.data.week.blocked.access,
            })}
          </Text>
        </Stack>
      )}
    </Shell>
  );
}

function ProviderWidget({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const q = useQueue(orgId, { status: 'new', page: 1 });
  const n = q.data?.total ?? 0;
  return (
    <Shell alert={n > 0} to={`/orgs/${orgId}/monitoring`} link={t('monitoringDesk.widget.openQueue')}>
      {q.isPending ? (
        <Skeleton h={48} />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : (
        <Stack gap={6}>
          <Text fw={700} c={n > 0 ? 'red.8' : 'teal.8'}>
            {t('monitoringDesk.widget.queueNew', { count: n })}
          </Text>
          {q.data.items.slice(0, 3).map((i) => (
            <Group key={i.id} gap="xs" wrap="nowrap">
              <SeverityBadge severity={i.severity} />
              <Anchor
                component={Link}
                to={`/orgs/${i.orgId}/monitoring/incidents/${i.id}`}
                size="sm"
                truncate
              >
                {i.customerName} ・ {i.title}
              </Anchor>
            </Group>
          ))}
        </Stack>
      )}
    </Shell>
  );
}

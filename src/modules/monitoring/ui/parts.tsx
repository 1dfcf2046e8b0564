import { Badge, Button, Group, Modal, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import type { IncidentStatus } from './desk-api.ts';
import { severityColor, statusColor, useOrgOf } from './desk-api.ts';

export function SeverityBadge({ severity, long }: { severity: number; long?: boolean }) {
  const { t } = useTranslation();
  const s = Math.min(4, Math.max(1, severity));
  return (
    <Badge color={severityColor(s)} variant={s >= 3 ? 'filled' : 'light'} radius="sm">
      {long ? t(`monitoringDesk.severityLong.${s}`) : t(`monitoringDesk.severity.${s}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor(status)} variant="light" radius="sm">
      {t(`monitoringDesk.status.${status}`)}
    </Badge>
  );
}

/** "pc-keiri, 192.0.2.10" — the computers or addresses an incident is about. */
export function targetText(target: Record<string, string>): string {
  return Object.values(target).filter(Boolean).join(', ');
}

export function When({ iso }: { iso: string | null }) {
  const lang = useLang();
  const { t } = useTranslation();
  return <>{iso ? formatDateTime(iso, lang) : t('monitoringDesk.common.never')}</>;
}

export function Pager({
  page,
  total,
  pageSize,
  onChange,
}: {
  page: number;
  total: number;
  pageSize: number;
  onChange: (p: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed">
        {t('monitoringDesk.common.count', { count: total })}
      </Text>
      {pages > 1 ? (
        <Pagination
          value={page}
          total={pages}
          onChange={onChange}
          size="sm"
          aria-label={t('monitoringDesk.common.page')}
        />
      ) : null}
    </Group>
  );
}

/** The monitoring pages of an organisation, as tabs that fit its kind (SME or provider). */
export function MonitoringTabs({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const org = useOrgOf(orgId);
  const { pathname } = useLocation();
  const base = `/orgs/${orgId}`;
  // The provider's staff on a customer's pages see its dashboard and sensors, not its contracts.
  const tabs =
    org?.kind === 'provider'
      ? [
          { to: `${base}/monitoring`, label: t('monitoringDesk.tabs.queue') },
          { to: `${base}/customers`, label: t('monitoringDesk.tabs.customers') },
        ]
      : [
          { to: `${base}/monitoring`, label: t('monitoringDesk.tabs.dashboard') },
          { to: `${base}/monitoring/sensors`, label: t('monitoringDesk.tabs.sensors') },
          ...(org ? [{ to: `${base}/monitoring/providers`, label: t('monitoringDesk.tabs.providers') }] : []),
        ];
  return (
    <Group gap="xs" mb="lg" component="nav" aria-label={t('monitoringDesk.nav.monitoring')}>
      {tabs.map((x) => {
        const here = x.to === pathname;
        return (
          <Button
            key={x.to}
            component={Link}
            to={x.to}
            radius="xl"
            size="sm"
            variant={here ? 'filled' : 'light'}
            aria-current={here ? 'page' : undefined}
          >
            {x.label}
          </Button>
        );
      })}
    </Group>
  );
}

/** Asks before a monitoring contract between a provider and a customer is ended (either side may end it). */
export function EndContractModal(props: {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  loading: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <Text size="sm" mb="md">
        {props.body}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {t('monitoringDesk.common.cancel')}
        </Button>
        <Button color="red" loading={props.loading} onClick={props.onConfirm}>
          {props.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}

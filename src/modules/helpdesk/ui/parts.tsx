import { Badge, Group, Pagination, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconAlert, IconClock } from '../../../../web/src/icons.tsx';
import { type MeOrg, useMe } from '../../../../web/src/me.ts';
import {
  type Clock,
  type Priority,
  priorityColor,
  type Severity,
  type Status,
  severityColor,
  statusColor,
} from './helpdesk-api.ts';

/** The signed-in user's membership in `orgId` (kind and role decide which view a page shows). */
export function useMembership(orgId: string | undefined): MeOrg | null {
  const me = useMe();
  return me.data?.orgs.find((o) => o.id === orgId) ?? null;
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={priorityColor[priority]}
      variant={priority === 'critical' ? 'filled' : 'light'}
      miw="max-content"
    >
      {t(`helpdesk.priority.${priority}`)}
    </Badge>
  );
}

export function StatusBadge({ status, side }: { status: Status; side: 'customer' | 'desk' }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light" miw="max-content">
      {t(`helpdesk.status.${side}.${status}`)}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={severityColor[severity]}
      variant={severity === 'critical' ? 'filled' : 'light'}
      miw="max-content"
    >
      {t(`helpdesk.severity.${severity}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" leftSection={<IconAlert size={12} />} miw="max-content">
      {t('helpdesk.sla.overdue')}
    </Badge>
  );
}

/** One SLA clock in words: "最初の回答: 11月24日 10:00 まで", paused, met or late. */
export function ClockLine({ label, clock }: { label: string; clock: Clock }) {
  const { t } = useTranslation();
  const lang = useLang();
  const color =
    clock.state === 'overdue' || clock.state === 'breached'
      ? 'red'
      : clock.state === 'met'
        ? 'teal'
        : undefined;
  const text =
    clock.state === 'paused'
      ? t('helpdesk.sla.paused')
      : clock.state === 'met'
        ? t('helpdesk.sla.met', { at: formatDateTime(clock.metAt, lang) })
        : clock.state === 'breached'
          ? t('helpdesk.sla.breached', { at: formatDateTime(clock.metAt, lang) })
          : clock.state === 'overdue'
            ? t('helpdesk.sla.lateSince', { at: formatDateTime(clock.dueAt, lang) })
            : t('helpdesk.sla.until', { at: formatDateTime(clock.dueAt, lang) });
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <IconClock size={14} aria-hidden="true" style={{ flexShrink: 0 }} />
      <Text size="sm" c={color} fw={color === 'red' ? 700 : undefined}>
        {label}: {text}
      </Text>
    </Group>
  );
}

export function Pager({
  total,
  pageSize,
  page,
  onChange,
}: {
  total: number;
  pageSize: number;
  page: number;
  onChange: (p: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <Group justify="center">
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        getControlProps={(control) =>
          control === 'previous'
            ? { 'aria-label': t('helpdesk.list.prev') }
            : control === 'next'
              ? { 'aria-label': t('helpdesk.list.next') }
              : {}
        }
      />
    </Group>
  );
}

/** The targets as an SME reads them: "平日 9:00〜18:00 に 4 時間以内". */
export function TargetHint({ allDay, minutes }: { allDay: boolean; minutes: number }) {
  const { t } = useTranslation();
  const hours = minutes / 60;
  // Whole business days (9 business hours each) read better than "18 hours".
  const text =
    !allDay && hours >= 9 && hours % 9 === 0
      ? t('helpdesk.sla.withinDays', { count: hours / 9 })
      : t(allDay ? 'helpdesk.sla.allDay' : 'helpdesk.sla.business', { count: hours });
  return (
    <Tooltip label={allDay ? t('helpdesk.sla.allDayHint') : t('helpdesk.sla.businessHint')}>
      <Text span inherit>
        {text}
      </Text>
    </Tooltip>
  );
}

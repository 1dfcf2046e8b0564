import {
  Badge,
  type BadgeProps,
  Box,
  Group,
  List,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/src/format.ts';
import { type Lang, useLang } from '../../../../web/src/i18n.ts';
import { IconAlert, IconCheck, IconClock } from '../../../../web/src/icons.tsx';
import { PREFECTURES, refLabel } from '../../../../web/src/reference.ts';
import {
  type Application,
  type CheckItem,
  type CheckStatus,
  groupReviews,
  hasDevices,
  hasNetwork,
  type ReviewEntry,
  type ServiceStatus,
  type ServiceType,
  type Tier,
  yen,
} from './services-api.ts';

const STATUS_COLOR: Record<ServiceStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  in_review: 'indigo',
  changes_requested: 'orange',
  approved: 'teal',
  rejected: 'red',
};

export function StatusBadge({ status, ...rest }: { status: ServiceStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light" tt="none" {...rest}>
      {t(`services.status.${status}`)}
    </Badge>
  );
}

export function TypeBadge({ type, ...rest }: { type: ServiceType } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color="brand" variant="light" tt="none" {...rest}>
      {t(`services.type.${type}`)}
    </Badge>
  );
}

export function TierBadge({ tier, ...rest }: { tier: Tier } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={tier === '2' ? 'grape' : 'cyan'} variant="outline" tt="none" {...rest}>
      {t(`services.tier.${tier}`)}
    </Badge>
  );
}

/** "全国" or the prefecture names (the first `max`, then "ほか N"). */
export function prefectureText(codes: string[], lang: Lang, t: TFunction, max = 0) {
  if (codes.includes('all')) return t('services.nationwide');
  const names = codes.map((c) => refLabel(PREFECTURES, c, lang));
  if (max > 0 && names.length > max)
    return t('services.prefecturesMore', {
      list: names.slice(0, max).join(t('services.listSeparator')),
      count: names.length - max,
    });
  return names.join(t('services.listSeparator'));
}

/** The monthly price lines of a service (tax excluded). */
export function PriceLines({ data, size = 'md' }: { data: Application; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const lang = useLang();
  const big = size === 'lg' ? 28 : size === 'md' ? 22 : 18;
  const lines: { label: string; value: string; unit: string }[] = [];
  if (hasNetwork(data.type) && data.monthlyNetworkFee != null)
    lines.push({
      label: t('services.price.network'),
      value: yen(data.monthlyNetworkFee, lang),
      unit: t('services.price.perMonth'),
    });
  if (hasDevices(data.type) && data.monthlyFeePerDevice != null)
    lines.push({
      label: t('services.price.device'),
      value: yen(data.monthlyFeePerDevice, lang),
      unit: t('services.price.perDeviceMonth'),
    });
  return (
    <Stack gap={4}>
      {lines.map((l) => (
        <Box key={l.label}>
          <Text size="xs" c="dimmed" lh={1.3}>
            {l.label}
          </Text>
          <Group gap={4} align="baseline" wrap="nowrap">
            <Text fz={big} fw={800} c="brand.8" lh={1.2}>
              {l.value}
            </Text>
            <Text size="xs" c="dimmed">
              {l.unit}
            </Text>
          </Group>
        </Box>
      ))}
      <Text size="xs" c="dimmed">
        {t('services.price.taxExcluded')}
      </Text>
    </Stack>
  );
}

const CHECK_COLOR: Record<CheckStatus, string> = { ok: 'teal', fail: 'red', review: 'yellow' };

export function CheckIcon({ status, size = 28 }: { status: CheckStatus; size?: number }) {
  return (
    <ThemeIcon size={size} radius="xl" color={CHECK_COLOR[status]} variant="filled" aria-hidden="true">
      {status === 'ok' ? (
        <IconCheck size={size * 0.6} />
      ) : status === 'fail' ? (
        <Text fw={800} size="sm" lh={1}>
          ✗
        </Text>
      ) : (
        <IconClock size={size * 0.6} />
      )}
    </ThemeIcon>
  );
}

/** The requirements with ✓ / ✗ / 要審査 and the server's message; reviewer comments below each. */
export function CheckList({
  items,
  comments,
  serverFields,
  compact = false,
}: {
  items: CheckItem[];
  comments?: Record<string, string[]>;
  serverFields?: Record<string, string>;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={compact ? 6 : 'xs'} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((c) => (
        <Box
          component="li"
          key={c.id}
          p={compact ? 8 : 'sm'}
          data-check={c.id}
          data-status={c.status}
          style={{
            border: `1px solid var(--mantine-color-${CHECK_COLOR[c.status]}-${c.status === 'review' ? 4 : 3})`,
            borderRadius: 'var(--mantine-radius-md)',
            background: c.status === 'fail' ? 'var(--mantine-color-red-0)' : 'white',
          }}
        >
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <CheckIcon status={c.status} size={compact ? 24 : 28} />
            <Box style={{ flex: 1, minWidth: 0 }}>
              <Text fw={700} size="sm" lh={1.4}>
                {c.title}
                <Text
                  component="span"
                  size="xs"
                  fw={700}
                  ml={8}
                  c={c.status === 'ok' ? 'teal.8' : c.status === 'fail' ? 'red.8' : 'yellow.9'}
                  style={{ whiteSpace: 'nowrap', display: 'inline-block' }}
                >
                  {t(`services.check.${c.status}`)}
                </Text>
              </Text>
              <Text size="sm" c={c.status === 'fail' ? 'red.9' : 'dimmed'} lh={1.5}>
                {serverFields?.[c.id] ?? c.message}
              </Text>
              {comments?.[c.id]?.map((text) => (
                <Paper key={text} mt={6} p={8} radius="sm" bg="orange.0" withBorder>
                  <Text size="xs" fw={700} c="orange.9">
                    {t('services.review.commentFromReviewer')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {text}
                  </Text>
                </Paper>
              ))}
            </Box>
          </Group>
        </Box>
      ))}
    </Stack>
  );
}

/** Counts of a check result for a one-line summary. */
export function checkSummary(items: CheckItem[]) {
  return {
    fail: items.filter((c) => c.status === 'fail').length,
    review: items.filter((c) => c.status === 'review').length,
  };
}

export function CheckSummaryText({ items }: { items: CheckItem[] }) {
  const { t } = useTranslation();
  const { fail, review } = checkSummary(items);
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      {fail > 0 ? (
        <IconAlert size={16} color="var(--mantine-color-red-7)" style={{ flexShrink: 0, marginTop: 3 }} />
      ) : (
        <IconCheck size={16} color="var(--mantine-color-teal-7)" style={{ flexShrink: 0, marginTop: 3 }} />
      )}
      <Text size="sm" c={fail > 0 ? 'red.8' : 'teal.8'} fw={600}>
        {fail > 0
          ? t('services.check.summaryFail', { count: fail })
          : review > 0
            ? t('services.check.summaryReview', { count: review })
            : t('services.check.summaryOk')}
      </Text>
    </Group>
  );
}

/** The review log as a timeline: who did what on which version, comments per requirement. */
export function ReviewHistory({ reviews, order }: { reviews: ReviewEntry[]; order: string[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const groups = groupReviews(reviews, order);
  if (groups.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('services.review.noHistory')}
      </Text>
    );
  return (
    <Timeline bulletSize={22} lineWidth={2} active={-1}>
      {groups.map((g) => (
        <Timeline.Item
          key={`${g.entry.version}-${g.entry.createdAt}-${g.entry.action}`}
          title={
            <Group gap={8} wrap="wrap">
              <Text fw={700} size="sm">
                {t(`services.review.action.${g.entry.action}`, { defaultValue: g.entry.action })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('services.review.versionOn', {
                  version: g.entry.version,
                  standard: g.entry.standardVersion,
                  date: formatDateTime(g.entry.createdAt, lang),
                })}
              </Text>
            </Group>
          }
        >
          {g.entry.comment ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {g.entry.comment}
            </Text>
          ) : null}
          {g.comments.length > 0 ? (
            <List size="sm" spacing={4} mt={4}>
              {g.comments.map((c) => (
                <List.Item key={`${c.requirementId}-${c.comment}`}>
                  <Text component="span" fw={700} size="sm">
                    {c.requirementTitle ?? c.requirementId}
                  </Text>
                  {t('services.review.colon')}
                  <Text component="span" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {c.comment}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** A titled block of label / value rows for the service details. */
export function FactSection({
  id,
  title,
  icon,
  children,
}: {
  id: string;
  title: string;
  icon?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Box component="section" aria-labelledby={id}>
      <Group gap="xs" mb="xs" wrap="nowrap">
        {icon ? (
          <ThemeIcon size={30} radius="md" variant="light" color="brand">
            {icon}
          </ThemeIcon>
        ) : null}
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
      </Group>
      {children}
    </Box>
  );
}

export function FactRows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Box component="dl" m={0} className="svc-facts">
      {rows.map(([label, value]) => (
        <Box key={label} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" c="dimmed" py={6}>
            {label}
          </Text>
          <Box component="dd" m={0} py={6} style={{ minWidth: 0 }}>
            {typeof value === 'string' || typeof value === 'number' ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {value}
              </Text>
            ) : (
              value
            )}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

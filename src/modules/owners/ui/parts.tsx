import { Badge, Box, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionStatus, Corner, OwnerAction } from './owners-api.ts';

const STATUS_COLOR: Record<ActionStatus, string> = {
  not_started: 'gray',
  in_progress: 'brand',
  done: 'teal',
};

export function StatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tt="none" color={STATUS_COLOR[status]} variant={status === 'done' ? 'filled' : 'light'} size="lg">
      {t(`owners.status.${status}`)}
    </Badge>
  );
}

/** Overdue / due today, when the review date has come. */
export function ReviewBadge({ action }: { action: OwnerAction }) {
  const { t } = useTranslation();
  if (action.overdue)
    return (
      <Badge tt="none" color="red" variant="filled">
        {t('owners.corner.overdue')}
      </Badge>
    );
  if (action.dueToday)
    return (
      <Badge tt="none" color="yellow" variant="filled" c="dark">
        {t('owners.corner.dueToday')}
      </Badge>
    );
  return null;
}

/** "2 of 7 done" with a two-tone bar (done, in progress). */
export function ProgressSummary({
  summary,
  size = 'lg',
}: {
  summary: Corner['summary'];
  size?: 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const pct = (n: number) => (summary.total ? (n / summary.total) * 100 : 0);
  return (
    <Box>
      <Text fw={800} fz={size === 'lg' ? 26 : 22} lh={1.3} mb={8}>
        {t('owners.corner.doneOf', { done: summary.done })}
      </Text>
      <Progress.Root
        size={size === 'lg' ? 'xl' : 'lg'}
        radius="xl"
        aria-label={t('owners.corner.progressLabel', summary)}
      >
        <Progress.Section value={pct(summary.done)} color="teal" />
        <Progress.Section value={pct(summary.inProgress)} color="brand.3" />
      </Progress.Root>
      <Group gap="xs" mt="sm">
        <Badge tt="none" variant="light" color="teal">
          {t('owners.status.done')} {summary.done}
        </Badge>
        <Badge tt="none" variant="light" color="brand">
          {t('owners.corner.countInProgress', { count: summary.inProgress })}
        </Badge>
        <Badge tt="none" variant="light" color="gray">
          {t('owners.corner.countNotStarted', { count: summary.notStarted })}
        </Badge>
        {summary.overdue > 0 ? (
          <Badge tt="none" variant="filled" color="red">
            {t('owners.corner.countOverdue', { count: summary.overdue })}
          </Badge>
        ) : null}
      </Group>
    </Box>
  );
}

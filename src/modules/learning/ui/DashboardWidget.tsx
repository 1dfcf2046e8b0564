import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Progress,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../../web/src/components/Page.tsx';
import { IconArrowRight, IconBook } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { nextTheme, themeStatus, useProgress } from './learning-api.ts';
import { MinutesLabel } from './parts.tsx';

/** My learning progress in the active organisation, with the next theme to study. */
export function LearningDashboardWidget() {
  const { t } = useTranslation();
  const me = useMe();
  const org = activeOrg(me.data);
  const progress = useProgress(org?.id);
  if (!org) return null;
  const base = `/orgs/${org.id}/learning`;
  const p = progress.data;
  const next = p ? nextTheme(p.themes) : null;
  const value = p?.total ? Math.round((p.completed / p.total) * 100) : 0;
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="learn-widget-title"
      data-testid="learning-widget"
    >
      <Group justify="space-between" mb="md" gap="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="md" variant="light" color="cyan">
            <IconBook size={22} />
          </ThemeIcon>
          <Title order={2} size="h4" id="learn-widget-title">
            {t('learning.widget.title')}
          </Title>
        </Group>
        <Anchor component={Link} to={base} size="sm" style={{ whiteSpace: 'nowrap' }}>
          {t('learning.widget.all')}
        </Anchor>
      </Group>
      {progress.isPending ? (
        <Stack gap="sm">
          <Skeleton h={28} w={160} />
          <Skeleton h={12} />
          <Skeleton h={64} />
        </Stack>
      ) : progress.isError ? (
        <ErrorAlert error={progress.error} />
      ) : p ? (
        <Stack gap="md">
          <Box>
            <Group justify="space-between" align="baseline" mb={6}>
              <Text fw={800} fz={24} lh={1.2}>
                {t('learning.home.completedOf', { completed: p.completed, total: p.total })}
              </Text>
              <Text size="sm" c="dimmed">
                {value}%
              </Text>
            </Group>
            <Progress
              value={value}
              color="teal"
              size="md"
              radius="xl"
              aria-label={t('learning.home.progressLabel', { completed: p.completed, total: p.total })}
            />
          </Box>
          {next ? (
            <Card withBorder padding="md" radius="md" bg="gray.0">
              <Stack gap={6}>
                <Group gap={6}>
                  <Text size="xs" c="dimmed">
                    {next.recommended ? t('learning.home.nextRecommended') : t('learning.home.next')}
                  </Text>
                  {next.recommended ? (
                    <Badge size="xs" color="orange" variant="light">
                      {t('learning.recommendedBadge')}
                    </Badge>
                  ) : null}
                </Group>
                <Text fw={700}>{next.title}</Text>
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {next.summary}
                </Text>
                <Group justify="space-between" gap="sm" mt={4}>
                  <MinutesLabel minutes={next.minutes} />
                  <Button
                    component={Link}
                    to={`${base}/${next.id}`}
                    size="sm"
                    rightSection={<IconArrowRight size={14} />}
                  >
                    {themeStatus(next) === 'trying' ? t('learning.home.continue') : t('learning.home.start')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ) : (
            <Text size="sm" c="teal.8" fw={600}>
              {t('learning.home.allDone')}
            </Text>
          )}
        </Stack>
      ) : null}
    </Card>
  );
}

import {
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  RingProgress,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconArrowRight, IconClipboardCheck } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { BAND_COLORS, canEditDiagnosis, useDiagnoses, useTasks } from './diagnosis-api.ts';
import { sortTasks, TaskStatusBadges } from './ImprovementPlan.tsx';

const SHOWN_TASKS = 5;

/** Dashboard: the active organisation's latest score (or a call to take the diagnosis) and open tasks. */
export function DashboardWidget() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const org = activeOrg(me.data);
  const list = useDiagnoses(org?.id);
  const tasks = useTasks(org?.id);
  if (!org) return null;
  const edit = canEditDiagnosis(org.role);
  const latest = list.data?.items[0];
  const open = sortTasks(tasks.data?.items ?? []).filter((x) => x.status === 'open');
  const overdue = open.filter((x) => x.overdue).length;
  const home = `/orgs/${org.id}/diagnosis`;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="diag-widget-title">
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} size="h4" id="diag-widget-title">
          {t('diagnosis.widget.title')}
        </Title>
        <Button
          component={Link}
          to={home}
          variant="subtle"
          size="sm"
          rightSection={<IconArrowRight size={14} />}
        >
          {t('diagnosis.widget.open')}
        </Button>
      </Group>
      {list.isPending ? (
        <Skeleton h={120} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, sm: 5 }}>
            {latest ? (
              <Group gap="md" wrap="nowrap" align="center">
                <RingProgress
                  size={112}
                  thickness={10}
                  roundCaps
                  sections={[{ value: Math.max(0, latest.total), color: `${BAND_COLORS[latest.band]}.6` }]}
                  label={
                    <Text ta="center" fw={800} fz={28} lh={1}>
                      {latest.total}
                    </Text>
                  }
                  aria-hidden="true"
                />
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Text size="sm" c="dimmed">
                    {t('diagnosis.widget.latest', { date: formatDate(latest.createdAt, lang) })}
                  </Text>
                  <Text fw={800} data-testid="diagnosis-widget-total">
                    {t('diagnosis.result.totalLabel', { total: latest.total, max: 100 })}
                  </Text>
                  <Badge tt="none" color={BAND_COLORS[latest.band]} variant="light">
                    {t(`diagnosis.bands.${latest.band}`)}
                  </Badge>
                  <Button
                    component={Link}
                    to={`/orgs/${org.id}/diagnoses/${latest.id}`}
                    variant="light"
                    size="xs"
                    mt={4}
                    w="fit-content"
                  >
                    {t('diagnosis.widget.seeResult')}
                  </Button>
                </Stack>
              </Group>
            ) : (
              <Stack gap="xs" align="flex-start">
                <Text fw={700}>{t('diagnosis.widget.noneTitle')}</Text>
                <Text size="sm" c="dimmed">
                  {edit ? t('diagnosis.widget.noneBody') : t('diagnosis.home.noneBodyReader')}
                </Text>
                <Button component={Link} to="/diagnosis" leftSection={<IconClipboardCheck size={16} />}>
                  {t('diagnosis.start')}
                </Button>
              </Stack>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <Group gap="xs" mb="xs">
              <Text fw={700} size="sm">
                {t('diagnosis.widget.tasks')}
              </Text>
              {overdue > 0 ? (
                <Badge tt="none" color="red" variant="filled">
                  {t('diagnosis.plan.overdueCount', { count: overdue })}
                </Badge>
              ) : null}
            </Group>
            {tasks.isPending ? (
              <Skeleton h={60} />
            ) : open.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('diagnosis.widget.noTasks')}
              </Text>
            ) : (
              <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {open.slice(0, SHOWN_TASKS).map((task) => (
                  <Box
                    component="li"
                    key={task.id}
                    p="xs"
                    className={task.overdue ? 'diag-task-overdue' : undefined}
                    style={{
                      borderRadius: 'var(--mantine-radius-md)',
                      border: '1px solid var(--mantine-color-gray-2)',
                    }}
                  >
                    <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
                      <Box style={{ minWidth: 0, flex: '1 1 220px' }}>
                        <Text size="sm" fw={600} lineClamp={2}>
                          {task.title}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('diagnosis.widget.taskMeta', {
                            assignee: task.assigneeName ?? t('diagnosis.plan.noAssignee'),
                            due: task.dueDate ? formatDate(task.dueDate, lang) : t('diagnosis.plan.noDate'),
                          })}
                        </Text>
                      </Box>
                      <TaskStatusBadges task={task} />
                    </Group>
                  </Box>
                ))}
                {open.length > SHOWN_TASKS ? (
                  <Text size="xs" c="dimmed" component="li">
                    {t('diagnosis.widget.more', { count: open.length - SHOWN_TASKS })}
                  </Text>
                ) : null}
              </Stack>
            )}
          </Grid.Col>
        </Grid>
      )}
    </Card>
  );
}

import { Anchor, Box, Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconArrowRight, IconBriefcase } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { useCorner } from './owners-api.ts';
import { ProgressSummary } from './parts.tsx';

const SHOWN = 3;

/** Dashboard: the owner's 7 actions — how many are done, which reviews are overdue, what is next. */
export function OwnersDashboardWidget() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const org = activeOrg(me.data);
  // Staff read the corner when they want to; the dashboard card is for the people who keep it.
  const keeper = org && (org.role === 'owner' || org.role === 'practitioner' || org.role === 'manager');
  const corner = useCorner(keeper ? org.id : undefined);
  if (!org || !keeper) return null;
  const home = `/orgs/${org.id}/owners`;
  const c = corner.data;
  const late = (c?.actions ?? []).filter((a) => a.overdue || a.dueToday);
  const next = c?.actions.find((a) => a.no === c.summary.next);

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="owners-widget-title"
      data-testid="owners-widget"
    >
      <Group justify="space-between" mb="md" gap="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="md" variant="light" color="brand" aria-hidden>
            <IconBriefcase size={22} />
          </ThemeIcon>
          <Title order={2} size="h4" id="owners-widget-title">
            {t('owners.widget.title')}
          </Title>
        </Group>
        <Anchor component={Link} to={home} size="sm" style={{ whiteSpace: 'nowrap' }}>
          {t('owners.widget.open')}
        </Anchor>
      </Group>
      {corner.isPending ? (
        <Stack gap="sm">
          <Skeleton h={28} w={200} />
          <Skeleton h={14} />
        </Stack>
      ) : corner.isError ? (
        <ErrorAlert error={corner.error} />
      ) : c ? (
        <Stack gap="md">
          <ProgressSummary summary={c.summary} size="md" />
          {late.length > 0 ? (
            <Box>
              <Text size="sm" fw={700} c="red.8" mb={4}>
                {t('owners.widget.overdueTitle')}
              </Text>
              <Stack gap={2}>
                {late.slice(0, SHOWN).map((a) => (
                  <Anchor key={a.no} component={Link} to={`${home}#action-${a.no}`} size="sm" c="red.8">
                    {a.no}. {a.title}（{a.reviewDate ? formatDate(a.reviewDate, lang) : ''}）
                  </Anchor>
                ))}
              </Stack>
            </Box>
          ) : null}
          {next && !(next.overdue || next.dueToday) ? (
            <Card padding="sm" radius="md" bg="gray.0">
              <Text size="xs" c="dimmed">
                {t('owners.corner.nextTitle')}
              </Text>
              <Group justify="space-between" gap="sm" mt={2}>
                <Text fw={700} size="sm" style={{ flex: '1 1 200px' }}>
                  {next.no}. {next.title}
                </Text>
                <Button
                  component={Link}
                  to={`${home}#action-${next.no}`}
                  size="xs"
                  rightSection={<IconArrowRight size={12} />}
                >
                  {t('owners.corner.openAction')}
                </Button>
              </Group>
            </Card>
          ) : null}
        </Stack>
      ) : null}
    </Card>
  );
}

import { Anchor, Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconLifebuoy, IconPlus } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { useAdvisories, useConsultations } from './helpdesk-api.ts';
import { SeverityBadge } from './parts.tsx';

/** The desk at a glance: what needs me now (answers to read, late items) and the newest advisories. */
export function HelpdeskDashboardWidget() {
  const { t } = useTranslation();
  const me = useMe();
  const org = activeOrg(me.data);
  const provider = org?.kind === 'provider';
  const desk = provider && (org.role === 'manager' || org.role === 'analyst');
  const listUrl = org
    ? desk
      ? `/api/v1/orgs/${org.id}/helpdesk/queue`
      : provider
        ? null
        : `/api/v1/orgs/${org.id}/consultations`
    : null;
  const waiting = useConsultations(listUrl, { status: desk ? 'open' : 'waiting_customer' });
  const answered = useConsultations(desk ? null : listUrl, { status: 'answered' });
  const active = useConsultations(desk ? null : listUrl, { status: 'active' });
  const overdue = useConsultations(desk ? listUrl : null, { overdue: 'true' });
  const advisories = useAdvisories(org ? `/api/v1/orgs/${org.id}/advisories` : '/api/v1/advisories', {
    page: 1,
  });
  if (!org) return null;
  const loading = (listUrl !== null && waiting.isPending) || advisories.isPending;
  const base = `/orgs/${org.id}/consultations`;
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="hd-widget-title"
      data-testid="helpdesk-widget"
    >
      <Group justify="space-between" mb="md" gap="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="md" variant="light" color="grape">
            <IconLifebuoy size={22} />
          </ThemeIcon>
          <Title order={2} size="h4" id="hd-widget-title">
            {t('helpdesk.widget.title')}
          </Title>
        </Group>
        <Anchor component={Link} to={base} size="sm" style={{ whiteSpace: 'nowrap' }}>
          {t('helpdesk.widget.all')}
        </Anchor>
      </Group>
      {loading ? (
        <Stack gap="sm">
          <Skeleton h={16} w={200} />
          <Skeleton h={16} w={240} />
          <Skeleton h={48} />
        </Stack>
      ) : (
        <Stack gap="xs">
          {desk ? (
            <>
              <Text size="sm">{t('helpdesk.widget.unanswered', { count: waiting.data?.total ?? 0 })}</Text>
              {overdue.data?.total ? (
                <Text size="sm" c="red" fw={700}>
                  {t('helpdesk.widget.overdue', { count: overdue.data.total })}
                </Text>
              ) : null}
            </>
          ) : provider ? null : (
            <>
              <Text size="sm">{t('helpdesk.widget.active', { count: active.data?.total ?? 0 })}</Text>
              {waiting.data?.total ? (
                <Text size="sm" c="orange.8" fw={700}>
                  {t('helpdesk.widget.yourTurn', { count: waiting.data.total })}
                </Text>
              ) : null}
              {answered.data?.total ? (
                <Text size="sm">{t('helpdesk.widget.answered', { count: answered.data.total })}</Text>
              ) : null}
              <Group>
                <Button
                  component={Link}
                  to={`${base}/new`}
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                >
                  {t('helpdesk.list.new')}
                </Button>
              </Group>
            </>
          )}
          <Text size="sm" fw={600} mt="xs">
            {t('helpdesk.widget.advisories')}
          </Text>
          {(advisories.data?.items ?? []).slice(0, 3).map((a) => (
            <Group key={a.id} gap="xs" wrap="nowrap">
              <SeverityBadge severity={a.severity} />
              <Anchor component={Link} to={`/orgs/${org.id}/advisories/${a.id}`} size="sm" lineClamp={1}>
                {a.title}
              </Anchor>
            </Group>
          ))}
          {advisories.data && advisories.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('helpdesk.advisories.empty')}
            </Text>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}

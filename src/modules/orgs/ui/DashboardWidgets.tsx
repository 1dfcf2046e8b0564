import {
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../../web/src/components/Page.tsx';
import { useLang } from '../../../../web/src/i18n.ts';
import {
  IconArrowRight,
  IconBuilding,
  IconCheck,
  IconLock,
  IconPlus,
  IconSettings,
  IconUsers,
} from '../../../../web/src/icons.tsx';
import { activeOrg, canManage, useMe } from '../../../../web/src/me.ts';
import { roleLabel } from '../../../../web/src/reference.ts';
import { OrgDetails } from './OrgDetails.tsx';
import { useMembers, useOrg } from './org-api.ts';

/** The active organisation, or a call to create one. */
export function OrgOverviewWidget() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const current = activeOrg(me.data);
  const org = useOrg(current?.id);

  if (!current) {
    return (
      <Card withBorder padding="xl" data-testid="no-org">
        <Group align="flex-start" gap="lg" wrap="wrap">
          <ThemeIcon size={56} radius="xl" variant="light">
            <IconBuilding size={30} />
          </ThemeIcon>
          <Stack gap="xs" style={{ flex: '1 1 280px' }}>
            <Title order={2} size="h3">
              {t('orgs.dashboard.noOrgTitle')}
            </Title>
            <Text c="dimmed">{t('orgs.dashboard.noOrgBody')}</Text>
            <Group mt="sm">
              <Button component={Link} to="/orgs/new" size="md" leftSection={<IconPlus size={18} />}>
                {t('orgs.dashboard.createOrg')}
              </Button>
            </Group>
            <Text size="sm" c="dimmed" mt="xs">
              {t('orgs.dashboard.invitedHint')}
            </Text>
          </Stack>
        </Group>
      </Card>
    );
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="active-org-title">
      <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="sm">
        <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
          <ThemeIcon size={48} radius="md" variant="light">
            <IconBuilding size={26} />
          </ThemeIcon>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {t('orgs.dashboard.activeOrg')}
            </Text>
            <Title order={2} size="h3" id="active-org-title" style={{ overflowWrap: 'anywhere' }}>
              {current.name}
            </Title>
          </Stack>
        </Group>
        <Group gap={6}>
          <Badge variant="light">{t(`orgs.kinds.${current.kind}`)}</Badge>
          <Badge variant="outline" color="gray">
            {t('orgs.yourRole', { role: roleLabel(current.role, lang) })}
          </Badge>
        </Group>
      </Group>
      {org.isPending ? (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} h={40} />
          ))}
        </SimpleGrid>
      ) : org.isError ? (
        <ErrorAlert error={org.error} />
      ) : (
        <OrgDetails org={org.data} />
      )}
      <Group mt="lg" gap="sm">
        <Button
          component={Link}
          to={`/orgs/${current.id}/members`}
          variant="light"
          leftSection={<IconUsers size={16} />}
        >
          {t('orgs.nav.members')}
        </Button>
        <Button
          component={Link}
          to={`/orgs/${current.id}/settings`}
          variant="default"
          leftSection={<IconSettings size={16} />}
        >
          {t('orgs.nav.settings')}
        </Button>
      </Group>
    </Card>
  );
}

interface Step {
  key: string;
  to: string;
  done: boolean;
  icon: ReactNode;
}

/** What to do next, with what is already done ticked. */
export function NextStepsWidget() {
  const { t } = useTranslation();
  const me = useMe();
  const current = activeOrg(me.data);
  const manage = canManage(current?.role);
  const members = useMembers(current?.id, manage);
  if (!me.data) return null;

  const steps: Step[] = [];
  if (!current) {
    steps.push({ key: 'createOrg', to: '/orgs/new', done: false, icon: <IconBuilding size={18} /> });
  } else if (manage) {
    const team = members.data
      ? members.data.members.length > 1 || members.data.invitations.length > 0
      : false;
    steps.push({
      key: 'checkProfile',
      to: `/orgs/${current.id}/settings`,
      done: false,
      icon: <IconSettings size={18} />,
    });
    steps.push({
      key: 'invite',
      to: `/orgs/${current.id}/members`,
      done: team,
      icon: <IconUsers size={18} />,
    });
  } else {
    steps.push({
      key: 'seeMembers',
      to: `/orgs/${current.id}/members`,
      done: false,
      icon: <IconUsers size={18} />,
    });
  }
  steps.push({
    key: 'twoFactor',
    to: '/account',
    done: me.data.user.twoFactorEnabled,
    icon: <IconLock size={18} />,
  });
  const open = steps.filter((s) => !s.done).length;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="next-steps-title">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4" id="next-steps-title">
          {t('orgs.nextSteps.title')}
        </Title>
        <Badge variant="light" color={open === 0 ? 'teal' : 'brand'}>
          {open === 0 ? t('orgs.nextSteps.allDone') : t('orgs.nextSteps.remaining', { count: open })}
        </Badge>
      </Group>
      <Stack gap="sm">
        {steps.map((s) => (
          <Card key={s.key} withBorder padding="md" radius="md" bg={s.done ? 'gray.0' : undefined}>
            <Group wrap="nowrap" gap="md" align="flex-start">
              <ThemeIcon
                radius="xl"
                size={36}
                variant={s.done ? 'filled' : 'light'}
                color={s.done ? 'teal' : 'brand'}
              >
                {s.done ? <IconCheck size={18} /> : s.icon}
              </ThemeIcon>
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Text fw={700} td={s.done ? 'line-through' : undefined} c={s.done ? 'dimmed' : undefined}>
                  {t(`orgs.nextSteps.${s.key}.title`)}
                </Text>
                <Text size="sm" c="dimmed">
                  {s.done ? t('orgs.nextSteps.done') : t(`orgs.nextSteps.${s.key}.body`)}
                </Text>
              </Stack>
              {s.done ? null : (
                <Button
                  component={Link}
                  to={s.to}
                  variant="subtle"
                  size="sm"
                  rightSection={<IconArrowRight size={14} />}
                  visibleFrom="sm"
                >
                  {t(`orgs.nextSteps.${s.key}.action`)}
                </Button>
              )}
            </Group>
            {s.done ? null : (
              <Button component={Link} to={s.to} variant="light" size="sm" mt="sm" fullWidth hiddenFrom="sm">
                {t(`orgs.nextSteps.${s.key}.action`)}
              </Button>
            )}
          </Card>
        ))}
      </Stack>
    </Card>
  );
}

import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Button,
  Container,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  useMatches,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { authClient } from '../auth-client.ts';
import { IconLogout, IconUser } from '../icons.tsx';
import { activeOrg, ME_KEY, useMe } from '../me.ts';
import type { ModuleNavItem, NavSection } from '../module-ui.ts';
import { modules } from '../modules.ts';
import { Brand } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { OrgSwitcher } from './OrgSwitcher.tsx';

const SECTIONS: NavSection[] = ['main', 'org', 'operator'];

interface ResolvedNav extends ModuleNavItem {
  href: string;
}

/** The signed-in navigation, from every module's manifest. */
function useNav(): { section: NavSection; items: ResolvedNav[] }[] {
  const me = useMe();
  const org = activeOrg(me.data);
  const isOperator = Boolean(me.data?.user.isOperator);
  const items: ResolvedNav[] = modules
    .flatMap((m) => m.nav)
    .filter((n) => n.section !== 'operator' || isOperator)
    .filter((n) => !n.orgKinds || (org !== null && n.orgKinds.includes(org.kind)))
    .flatMap((n) => {
      if (!n.to.includes(':orgId')) return [{ ...n, href: n.to }];
      return org ? [{ ...n, href: n.to.replace(':orgId', org.id) }] : [];
    });
  return SECTIONS.map((section) => ({
    section,
    items: items.filter((i) => i.section === section).sort((a, b) => (a.order ?? 100) - (b.order ?? 100)),
  })).filter((s) => s.items.length > 0);
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const user = me.data?.user;
  if (!user) return null;
  const signOut = async () => {
    await authClient.signOut();
    // Leave the signed-in pages first (committed synchronously, not as a transition): clearing the
    // session while still on them would make RequireUser send the user to /sign-in?redirect=… instead.
    await navigate('/', { flushSync: true });
    qc.setQueryData(ME_KEY, null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  };
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          px={6}
          aria-label={t('common.userMenu')}
          data-testid="user-menu"
        >
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} color="brand" radius="xl">
              {user.name.slice(0, 1).toUpperCase()}
            </Avatar>
            <Text size="sm" fw={600} visibleFrom="md" maw={140} truncate>
              {user.name}
            </Text>
          </Group>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark" truncate>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account" leftSection={<IconUser size={16} />}>
          {t('common.accountSettings')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
          {t('common.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const nav = useNav();
  // one organisation switcher: in the header on wide screens, at the top of the menu on narrow ones
  const wide = useMatches({ base: false, md: true });

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('common.closeMenu') : t('common.openMenu')}
            />
            <Brand to="/dashboard" />
          </Group>
          <Group gap="xs" wrap="nowrap">
            {wide ? <OrgSwitcher /> : null}
            <LanguageSwitch compact />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('common.navLabel')}>
        {wide ? null : (
          <AppShell.Section mb="sm">
            <OrgSwitcher withLabel />
          </AppShell.Section>
        )}
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap="md" component="nav" aria-label={t('common.navLabel')}>
            {nav.map((group) => (
              <Box key={group.section}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                  {t(`common.nav.sections.${group.section}`)}
                </Text>
                {group.items.map((item) => {
                  const active =
                    location.pathname === item.href ||
                    (item.href !== '/dashboard' && location.pathname.startsWith(`${item.href}/`));
                  const Icon = item.icon;
                  return (
                    <NavLink
                      key={item.href}
                      component={Link}
                      to={item.href}
                      label={t(item.labelKey)}
                      leftSection={Icon ? <Icon size={18} /> : null}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      style={{ borderRadius: 'var(--mantine-radius-md)' }}
                      onClick={close}
                    />
                  );
                })}
              </Box>
            ))}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" bg="gray.0">
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

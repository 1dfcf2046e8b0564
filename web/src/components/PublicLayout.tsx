import {
  Anchor,
  Box,
  Button,
  Container,
  Divider,
  Group,
  SimpleGrid,
  Stack,
  Text,
  useMatches,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useMe } from '../me.ts';
import { Brand } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function PublicHeader() {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = Boolean(me.data);
  const narrow = useMatches({ base: true, sm: false });
  return (
    <Box
      component="header"
      h={64}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', background: 'white' }}
    >
      <Container size="lg" h="100%" px={{ base: 12, sm: 'md' }}>
        <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
          <Brand />
          <Group gap={6} wrap="nowrap">
            <Button component={Link} to="/declarations" variant="subtle" size="compact-md" visibleFrom="sm">
              {t('declaration.nav.registry')}
            </Button>
            <LanguageSwitch compact />
            {signedIn ? (
              <Button component={Link} to="/dashboard" size={narrow ? 'compact-sm' : 'compact-md'}>
                {t('common.nav.dashboard')}
              </Button>
            ) : (
              <>
                <Button
                  component={Link}
                  to="/sign-in"
                  variant="default"
                  size={narrow ? 'compact-sm' : 'compact-md'}
                >
                  {t('common.signIn')}
                </Button>
                <Button
                  component={Link}
                  to="/sign-up"
                  size={narrow ? 'compact-sm' : 'compact-md'}
                  visibleFrom="sm"
                >
                  {t('common.signUpFree')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      </Container>
    </Box>
  );
}

/** The footer's link columns: a heading and its links (i18n keys). */
const FOOTER_COLUMNS: { title: string; links: { to: string; label: string }[] }[] = [
  {
    title: 'common.footer.account',
    links: [
      { to: '/sign-up', label: 'common.signUpFree' },
      { to: '/sign-in', label: 'common.signIn' },
      { to: '/forgot-password', label: 'auth.signIn.forgot' },
    ],
  },
  {
    title: 'common.footer.explore',
    links: [
      { to: '/diagnosis', label: 'home.features.diagnosis.title' },
      { to: '/learning', label: 'home.features.learning.title' },
      { to: '/declarations', label: 'common.footer.registry' },
      { to: '/services', label: 'services.footer.catalogue' },
      { to: '/subsidy', label: 'services.footer.subsidy' },
      { to: '/presenters', label: 'directory.footer.presenters' },
      { to: '/directory', label: 'directory.footer.providers' },
      { to: '/library', label: 'library.footer' },
    ],
  },
];

export function PublicFooter() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  return (
    <Box component="footer" bg="brand.9" c="white" py={40} mt="auto">
      <Container size="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xl">
          <Stack gap="xs">
            <Brand inverted />
            <Text size="sm" c="brand.1">
              {t('common.footer.tagline')}
            </Text>
          </Stack>
          {FOOTER_COLUMNS.map((column) => (
            <Stack key={column.title} gap={6}>
              <Text fw={700} size="sm">
                {t(column.title)}
              </Text>
              {column.links.map((link) => (
                <Anchor key={link.to} component={Link} to={link.to} c="white" size="sm">
                  {t(link.label)}
                </Anchor>
              ))}
            </Stack>
          ))}
          <Stack gap={6}>
            <Text fw={700} size="sm">
              {t('common.footer.about')}
            </Text>
            <Text size="sm" c="brand.1">
              {t('common.footer.disclaimer')}
            </Text>
          </Stack>
        </SimpleGrid>
        <Divider my="lg" color="brand.7" />
        <Text size="xs" c="brand.2">
          {t('common.footer.copyright', { year })}
        </Text>
      </Container>
    </Box>
  );
}

export function PublicLayout() {
  return (
    <Box style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <PublicHeader />
      <Box component="main" id="main" style={{ flex: 1 }}>
        <Outlet />
      </Box>
      <PublicFooter />
    </Box>
  );
}

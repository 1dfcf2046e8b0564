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
          <Stack gap={6}>
            <Text fw={700} size="sm">
              {t('common.footer.account')}
            </Text>
            <Anchor component={Link} to="/sign-up" c="white" size="sm">
              {t('common.signUpFree')}
            </Anchor>
            <Anchor component={Link} to="/sign-in" c="white" size="sm">
              {t('common.signIn')}
            </Anchor>
            <Anchor component={Link} to="/forgot-password" c="white" size="sm">
              {t('auth.signIn.forgot')}
            </Anchor>
          </Stack>
          <Stack gap={6}>
            <Text fw={700} size="sm">
              {t('common.footer.explore')}
            </Text>
            <Anchor component={Link} to="/diagnosis" c="white" size="sm">
              {t('home.features.diagnosis.title')}
            </Anchor>
            <Anchor component={Link} to="/learning" c="white" size="sm">
              {t('home.features.learning.title')}
            </Anchor>
            <Anchor component={Link} to="/declarations" c="white" size="sm">
              {t('common.footer.registry')}
            </Anchor>
            <Anchor component={Link} to="/services" c="white" size="sm">
              {t('services.footer.catalogue')}
            </Anchor>
            <Anchor component={Link} to="/subsidy" c="white" size="sm">
              {t('services.footer.subsidy')}
            </Anchor>
            <Anchor component={Link} to="/presenters" c="white" size="sm">
              {t('directory.footer.presenters')}
            </Anchor>
            <Anchor component={Link} to="/directory" c="white" size="sm">
              {t('directory.footer.providers')}
            </Anchor>
          </Stack>
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

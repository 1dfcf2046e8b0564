import {
  Box,
  Button,
  Container,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, PageLoader, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { IconBook, IconCheck } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { useThemes } from './learning-api.ts';
import { ThemeCard } from './parts.tsx';

/** /learning — the 25 themes, open to everyone. */
export function PublicLearningPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('learning.public.title'));
  const me = useMe();
  const org = activeOrg(me.data);
  const themes = useThemes();
  return (
    <>
      <Box className="hero" py={{ base: 36, sm: 56 }}>
        <Container size="lg">
          <Stack gap="md" maw={760}>
            <Group gap="sm">
              <ThemeIcon size={44} radius="xl" variant="white" color="brand">
                <IconBook size={24} />
              </ThemeIcon>
              <Text fw={700} c="brand.1">
                {t('learning.public.kicker')}
              </Text>
            </Group>
            <Title order={1} fz={{ base: 28, sm: 38 }} lh={1.3}>
              {t('learning.public.title')}
            </Title>
            <Text fz={{ base: 'md', sm: 'lg' }}>{t('learning.public.lead')}</Text>
            <Box className="hero-panel" p="md" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
              <List
                spacing={6}
                icon={
                  <ThemeIcon size={22} radius="xl" color="teal">
                    <IconCheck size={14} />
                  </ThemeIcon>
                }
              >
                <List.Item>{t('learning.public.benefitProgress')}</List.Item>
                <List.Item>{t('learning.public.benefitCertificate')}</List.Item>
                <List.Item>{t('learning.public.benefitRecommend')}</List.Item>
              </List>
            </Box>
            <Group gap="sm">
              {me.data && org ? (
                <Button component={Link} to={`/orgs/${org.id}/learning`} size="md" color="white" c="brand.9">
                  {t('learning.public.myProgress')}
                </Button>
              ) : me.data ? null : (
                <>
                  <Button
                    component={Link}
                    to="/sign-up?redirect=%2Flearning"
                    size="md"
                    color="white"
                    c="brand.9"
                  >
                    {t('learning.public.signUp')}
                  </Button>
                  <Button
                    component={Link}
                    to="/sign-in?redirect=%2Flearning"
                    size="md"
                    variant="outline"
                    color="white"
                  >
                    {t('learning.public.signIn')}
                  </Button>
                </>
              )}
            </Group>
          </Stack>
        </Container>
      </Box>
      <Box
        component="section"
        aria-labelledby="learn-public-themes"
        className="soft-section"
        py={{ base: 32, sm: 48 }}
      >
        <Container size="lg">
          <Title order={2} size="h3" mb={4} id="learn-public-themes">
            {t('learning.public.themesTitle')}
          </Title>
          <Text c="dimmed" mb="lg">
            {t('learning.public.themesLead')}
          </Text>
          {themes.isPending ? (
            <PageLoader />
          ) : themes.isError ? (
            <ErrorAlert error={themes.error} />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {themes.data.map((th) => (
                <ThemeCard key={th.id} theme={th} to={`/learning/${th.id}`} />
              ))}
            </SimpleGrid>
          )}
        </Container>
      </Box>
    </>
  );
}

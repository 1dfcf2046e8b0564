import {
  Badge,
  Box,
  Button,
  Card,
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
import { useDocumentTitle } from '../components/Page.tsx';
import {
  type Icon,
  IconArrowRight,
  IconBook,
  IconCheck,
  IconClipboardCheck,
  IconFileText,
  IconFlag,
  IconLifebuoy,
  IconMessage,
} from '../icons.tsx';
import { useMe } from '../me.ts';

const FEATURES: { key: string; icon: Icon; color: string; tags?: string[]; to?: string }[] = [
  { key: 'diagnosis', icon: IconClipboardCheck, color: 'brand', to: '/diagnosis' },
  { key: 'declaration', icon: IconFlag, color: 'teal', to: '/declarations' },
  { key: 'policy', icon: IconFileText, color: 'indigo' },
  { key: 'learning', icon: IconBook, color: 'cyan', to: '/learning' },
  { key: 'services', icon: IconLifebuoy, color: 'teal', tags: ['desk', 'monitoring', 'onsite', 'insurance'] },
  { key: 'helpdesk', icon: IconMessage, color: 'brand' },
];

const REASONS = ['noExpert', 'oneAccount', 'partners'] as const;
const STEPS = ['register', 'company', 'diagnose'] as const;

function CallToAction({ inverted = false }: { inverted?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.data) {
    return (
      <Group gap="sm">
        <Button
          component={Link}
          to="/dashboard"
          size="lg"
          color={inverted ? 'white' : 'brand'}
          variant={inverted ? 'white' : 'filled'}
          rightSection={<IconArrowRight size={18} />}
        >
          {t('common.goToDashboard')}
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="sm">
      <Button
        component={Link}
        to="/sign-up"
        size="lg"
        variant={inverted ? 'white' : 'filled'}
        rightSection={<IconArrowRight size={18} />}
      >
        {t('common.signUpFree')}
      </Button>
      <Button
        component={Link}
        to="/sign-in"
        size="lg"
        variant={inverted ? 'outline' : 'default'}
        color={inverted ? 'white' : undefined}
      >
        {t('common.signIn')}
      </Button>
    </Group>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.docTitle'));
  return (
    <>
      <Box className="hero" py={{ base: 48, sm: 80 }}>
        <Container size="lg">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing={48} style={{ alignItems: 'center' }}>
            <Stack gap="lg">
              <Badge variant="white" color="brand" size="lg" radius="sm" w="fit-content">
                {t('home.hero.eyebrow')}
              </Badge>
              <Title order={1} fz={{ base: 30, sm: 44 }} lh={1.3}>
                {t('home.hero.title')}
              </Title>
              <Text fz={{ base: 'md', sm: 'lg' }} c="brand.0">
                {t('home.hero.lead')}
              </Text>
              <CallToAction inverted />
              <Text size="sm" c="brand.1">
                {t('home.hero.note')}
              </Text>
            </Stack>
            <Card className="hero-panel" p="xl" c="white" bg="transparent">
              <Text fw={700} size="lg" mb="md">
                {t('home.hero.panelTitle')}
              </Text>
              <Stack gap="md">
                {STEPS.map((s, i) => (
                  <Group key={s} gap="md" wrap="nowrap" align="flex-start">
                    <ThemeIcon size={36} radius="xl" variant="white" color="brand">
                      <Text fw={800}>{i + 1}</Text>
                    </ThemeIcon>
                    <Box>
                      <Text fw={700}>{t(`home.steps.${s}.title`)}</Text>
                      <Text size="sm" c="brand.0">
                        {t(`home.steps.${s}.body`)}
                      </Text>
                    </Box>
                  </Group>
                ))}
              </Stack>
            </Card>
          </SimpleGrid>
        </Container>
      </Box>

      <Box component="section" py={{ base: 48, sm: 72 }} aria-labelledby="features-title">
        <Container size="lg">
          <Stack gap={4} mb={36} align="center">
            <Text c="brand.7" fw={700} size="sm">
              {t('home.features.eyebrow')}
            </Text>
            <Title id="features-title" order={2} ta="center" fz={{ base: 24, sm: 32 }}>
              {t('home.features.title')}
            </Title>
            <Text c="dimmed" ta="center" maw={680}>
              {t('home.features.lead')}
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
            {FEATURES.map((f) => {
              const FeatureIcon = f.icon;
              return (
                <Card key={f.key} withBorder padding="xl" className="feature-card" component="article">
                  <ThemeIcon size={52} radius="md" variant="light" color={f.color} mb="md">
                    <FeatureIcon size={28} />
                  </ThemeIcon>
                  <Title order={3} size="h4" mb="xs">
                    {t(`home.features.${f.key}.title`)}
                  </Title>
                  <Text c="dimmed" size="sm">
                    {t(`home.features.${f.key}.body`)}
                  </Text>
                  {f.tags ? (
                    <Group gap={6} mt="md">
                      {f.tags.map((tag) => (
                        <Badge key={tag} variant="light" color="teal" radius="sm">
                          {t(`home.features.${f.key}.tags.${tag}`)}
                        </Badge>
                      ))}
                    </Group>
                  ) : null}
                  {f.to ? (
                    <Button component={Link} to={f.to} variant="light" mt="md" size="sm">
                      {t(`home.features.${f.key}.try`)}
                    </Button>
                  ) : null}
                </Card>
              );
            })}
          </SimpleGrid>
        </Container>
      </Box>

      <Box
        component="section"
        className="soft-section"
        py={{ base: 48, sm: 72 }}
        aria-labelledby="reasons-title"
      >
        <Container size="lg">
          <Title id="reasons-title" order={2} ta="center" fz={{ base: 24, sm: 32 }} mb={36}>
            {t('home.reasons.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
            {REASONS.map((r) => (
              <Stack key={r} gap="xs">
                <Group gap="sm" wrap="nowrap">
                  <ThemeIcon radius="xl" size={32} color="teal">
                    <IconCheck size={18} />
                  </ThemeIcon>
                  <Title order={3} size="h4">
                    {t(`home.reasons.${r}.title`)}
                  </Title>
                </Group>
                <Text c="dimmed" size="sm">
                  {t(`home.reasons.${r}.body`)}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        </Container>
      </Box>

      <Box component="section" py={{ base: 48, sm: 72 }} aria-labelledby="declaration-title">
        <Container size="lg">
          <Card withBorder padding="xl" radius="lg">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
              <Stack gap="sm">
                <Title id="declaration-title" order={2} fz={{ base: 22, sm: 28 }}>
                  {t('home.declaration.title')}
                </Title>
                <Text c="dimmed">{t('home.declaration.body')}</Text>
              </Stack>
              <List
                spacing="sm"
                icon={
                  <ThemeIcon size={24} radius="xl" color="teal" variant="light">
                    <IconCheck size={14} />
                  </ThemeIcon>
                }
              >
                <List.Item>{t('home.declaration.one')}</List.Item>
                <List.Item>{t('home.declaration.two')}</List.Item>
                <List.Item>{t('home.declaration.badge')}</List.Item>
              </List>
            </SimpleGrid>
          </Card>
        </Container>
      </Box>

      <Box component="section" className="hero" py={{ base: 48, sm: 64 }} aria-labelledby="cta-title">
        <Container size="md">
          <Stack align="center" gap="md">
            <Title id="cta-title" order={2} ta="center" fz={{ base: 22, sm: 30 }}>
              {t('home.cta.title')}
            </Title>
            <Text ta="center" c="brand.0" maw={600}>
              {t('home.cta.body')}
            </Text>
            <CallToAction inverted />
          </Stack>
        </Container>
      </Box>
    </>
  );
}

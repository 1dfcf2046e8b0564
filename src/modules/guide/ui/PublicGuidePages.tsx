import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Container,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert, PageLoader, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { IconLifebuoy } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { useReferrals, useTopic, useTopics } from './guide-api.ts';
import { DontBox, EmergencyStrip, ReferralCard, TopicCard } from './parts.tsx';
import { TopicSteps } from './TopicSteps.tsx';

/** /help/guide — "something happened": pick what it looks like. Open to everyone. */
export function PublicGuidePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('guide.public.title'));
  const topics = useTopics();
  return (
    <>
      <Box className="hero" py={{ base: 28, sm: 48 }}>
        <Container size="lg">
          <Stack gap="sm" maw={760}>
            <Group gap="sm">
              <ThemeIcon size={44} radius="xl" variant="white" color="brand">
                <IconLifebuoy size={24} />
              </ThemeIcon>
              <Text fw={700} c="brand.1">
                {t('guide.public.kicker')}
              </Text>
            </Group>
            <Title order={1} fz={{ base: 26, sm: 36 }} lh={1.3}>
              {t('guide.public.title')}
            </Title>
            <Text fz={{ base: 'md', sm: 'lg' }}>{t('guide.public.lead')}</Text>
          </Stack>
        </Container>
      </Box>
      <Container size="lg" py={{ base: 'md', sm: 'xl' }}>
        <Stack gap="xl">
          <EmergencyStrip />
          <Box component="section" aria-labelledby="guide-topics">
            <Title order={2} size="h3" id="guide-topics" mb={4}>
              {t('guide.public.topicsTitle')}
            </Title>
            <Text c="dimmed" mb="md">
              {t('guide.public.topicsLead')}
            </Text>
            {topics.isPending ? (
              <PageLoader />
            ) : topics.isError ? (
              <ErrorAlert error={topics.error} />
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                {topics.data.map((tp) => (
                  <TopicCard key={tp.id} topic={tp} to={`/help/guide/${tp.id}`} />
                ))}
              </SimpleGrid>
            )}
          </Box>
          <ReferralMap />
          <Card withBorder padding="lg" radius="md" bg="gray.0">
            <Group justify="space-between" gap="md">
              <Stack gap={2} style={{ flex: '1 1 320px' }}>
                <Title order={2} size="h4">
                  {t('guide.public.threatsTitle')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('guide.public.threatsLead')}
                </Text>
              </Stack>
              <Button component={Link} to="/help/threats" variant="light">
                {t('guide.public.threatsLink')}
              </Button>
            </Group>
          </Card>
        </Stack>
      </Container>
    </>
  );
}

/** The referral map: pick a kind of trouble, see whom to ask. */
function ReferralMap() {
  const { t } = useTranslation();
  const [topic, setTopic] = useState<string | null>(null);
  const refs = useReferrals(topic ?? undefined);
  return (
    <Box component="section" aria-labelledby="guide-map">
      <Title order={2} size="h3" id="guide-map" mb={4}>
        {t('guide.map.title')}
      </Title>
      <Text c="dimmed" mb="md">
        {t('guide.map.lead')}
      </Text>
      <Select
        label={t('guide.map.topic')}
        placeholder={t('guide.map.all')}
        data={(refs.data?.topics ?? []).map((x) => ({ value: x.id, label: x.title }))}
        value={topic}
        onChange={setTopic}
        clearable
        maw={520}
        mb="md"
      />
      {refs.isError ? <ErrorAlert error={refs.error} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {(refs.data?.items ?? []).map((r) => (
          <ReferralCard key={r.id} referral={r} />
        ))}
      </SimpleGrid>
    </Box>
  );
}

/** /help/guide/:topic — what to do first, what not to do, whom to call. */
export function PublicTopicPage() {
  const { topic: topicId = '' } = useParams();
  const { t } = useTranslation();
  const topic = useTopic(topicId);
  const me = useMe();
  const org = activeOrg(me.data);
  useDocumentTitle(topic.data?.title ?? t('guide.public.title'));
  return (
    <Box bg="gray.0" py={{ base: 'md', sm: 40 }}>
      <Container size={900} px={{ base: 'sm', sm: 'lg' }}>
        <Anchor component={Link} to="/help/guide" size="sm">
          ← {t('guide.public.backToList')}
        </Anchor>
        {topic.isPending ? (
          <PageLoader />
        ) : topic.isError ? (
          <ErrorAlert error={topic.error} />
        ) : (
          <Stack gap="lg" mt="sm">
            <Stack gap={6}>
              <Badge variant="light" color="red" w="fit-content">
                {t('guide.public.kicker')}
              </Badge>
              <Title order={1} fz={{ base: 24, sm: 32 }} lh={1.3}>
                {topic.data.title}
              </Title>
              <Text fz="lg">{topic.data.summary}</Text>
            </Stack>
            <EmergencyStrip />
            <TopicSteps steps={topic.data.steps} afterFirst={<DontBox items={topic.data.dont} />} />
            {topic.data.reportForms.length ? (
              <Card withBorder padding="lg" radius="md">
                <Title order={2} size="h4" mb={4}>
                  {t('guide.public.reportsTitle')}
                </Title>
                <Text size="sm" mb="sm">
                  {t('guide.public.reportsLead')}
                </Text>
                <List size="sm">
                  {topic.data.reportForms.map((f) => (
                    <List.Item key={f.id}>{f.title}</List.Item>
                  ))}
                </List>
              </Card>
            ) : null}
            <Card withBorder padding="lg" radius="md" bg="brand.0" data-testid="guide-track-cta">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('guide.public.trackTitle')}
                </Title>
                <Text size="sm">{t('guide.public.trackLead')}</Text>
                <Group>
                  {org ? (
                    <Button component={Link} to={`/orgs/${org.id}/help/guide?topic=${topic.data.id}`}>
                      {t('guide.public.trackStart')}
                    </Button>
                  ) : (
                    <Button
                      component={Link}
                      to={`/sign-in?redirect=${encodeURIComponent(`/help/guide/${topic.data.id}`)}`}
                      variant="default"
                    >
                      {t('guide.public.trackSignIn')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Card>
            {topic.data.threats.length ? (
              <Text size="sm">
                {t('guide.public.relatedThreats')}{' '}
                {topic.data.threats.map((th, i) => (
                  <span key={th.id}>
                    {i > 0 ? t('guide.public.separator') : ''}
                    <Anchor component={Link} to={`/help/threats/${th.id}`}>
                      {th.title}
                    </Anchor>
                  </span>
                ))}
              </Text>
            ) : null}
          </Stack>
        )}
      </Container>
    </Box>
  );
}

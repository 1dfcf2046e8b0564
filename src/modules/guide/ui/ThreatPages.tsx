import {
  Alert,
  Anchor,
  Box,
  Card,
  Container,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert, PageLoader, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { type ThreatListMeta, useThreat, useThreats } from './guide-api.ts';
import { RankBadge } from './parts.tsx';

function ListSource({ meta }: { meta: ThreatListMeta }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('guide.threats.source', { year: meta.year, date: formatDate(meta.publishedOn, lang) })}{' '}
        <Anchor href={meta.sourceUrl} target="_blank" rel="noopener noreferrer" size="sm">
          {t('guide.threats.sourceLink')}
        </Anchor>
      </Text>
      {meta.orderConfirmed ? null : (
        <Alert color="orange" variant="light" data-testid="threats-unconfirmed">
          {t('guide.threats.unconfirmed')}
        </Alert>
      )}
    </Stack>
  );
}

/** /help/threats — this year's ten biggest threats to organisations, in plain words. */
export function ThreatsPage() {
  const { t } = useTranslation();
  const threats = useThreats();
  useDocumentTitle(t('guide.threats.title', { year: threats.data?.year ?? '' }));
  return (
    <Box bg="gray.0" py={{ base: 'md', sm: 40 }}>
      <Container size="lg">
        {threats.isPending ? (
          <PageLoader />
        ) : threats.isError ? (
          <ErrorAlert error={threats.error} />
        ) : (
          <Stack gap="lg">
            <Stack gap={6}>
              <Title order={1} fz={{ base: 24, sm: 32 }}>
                {t('guide.threats.title', { year: threats.data.year })}
              </Title>
              <Text fz="lg">{t('guide.threats.lead')}</Text>
              <ListSource meta={threats.data} />
            </Stack>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {threats.data.items.map((th) => (
                <Card key={th.id} withBorder padding="lg" radius="md" className="guide-topic-card">
                  <Stack gap="xs">
                    <Group gap="sm" wrap="nowrap" align="flex-start">
                      <RankBadge rank={th.rank} />
                      <Title order={2} size="h4">
                        <Anchor
                          component={Link}
                          to={`/help/threats/${th.id}`}
                          c="inherit"
                          fw={700}
                          className="guide-stretch"
                        >
                          {th.title}
                        </Anchor>
                      </Title>
                    </Group>
                    <Text size="sm">{th.summary}</Text>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          </Stack>
        )}
      </Container>
    </Box>
  );
}

/** /help/threats/:id — one threat: what it does, what helps, and where Mamori checks and teaches it. */
export function ThreatPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const th = useThreat(id);
  useDocumentTitle(th.data?.title ?? null);
  return (
    <Box bg="gray.0" py={{ base: 'md', sm: 40 }}>
      <Container size={900}>
        <Anchor component={Link} to="/help/threats" size="sm">
          ← {t('guide.threats.back')}
        </Anchor>
        {th.isPending ? (
          <PageLoader />
        ) : th.isError ? (
          <ErrorAlert error={th.error} />
        ) : (
          <Stack gap="lg" mt="sm">
            <Stack gap={6}>
              <RankBadge rank={th.data.rank} />
              <Title order={1} fz={{ base: 24, sm: 30 }}>
                {th.data.title}
              </Title>
              <Text fz="lg">{th.data.summary}</Text>
              <ListSource meta={th.data} />
            </Stack>
            <Card withBorder padding="lg" radius="md">
              <Title order={2} size="h4" mb={4}>
                {t('guide.threats.impact')}
              </Title>
              <Text>{th.data.impact}</Text>
            </Card>
            <Card withBorder padding="lg" radius="md">
              <Title order={2} size="h4" mb="xs">
                {t('guide.threats.measures')}
              </Title>
              <List spacing={4}>
                {th.data.measures.map((m) => (
                  <List.Item key={m}>{m}</List.Item>
                ))}
              </List>
            </Card>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <LinkListCard
                testId="threat-diagnosis"
                title={t('guide.threats.diagnosis')}
                lead={t('guide.threats.diagnosisLead')}
                links={th.data.diagnosisItems.map((i) => ({
                  key: String(i.no),
                  to: '/diagnosis',
                  label: t('guide.threats.item', { no: i.no, topic: i.topic }),
                }))}
              />
              <LinkListCard
                testId="threat-learning"
                title={t('guide.threats.learning')}
                lead={t('guide.threats.learningLead')}
                links={th.data.learningThemes.map((x) => ({
                  key: x.id,
                  to: `/learning/${x.id}`,
                  label: x.title,
                }))}
              />
            </SimpleGrid>
            {th.data.guideTopics.length ? (
              <Card withBorder padding="lg" radius="md" bg="red.0">
                <Title order={2} size="h4" mb="xs">
                  {t('guide.threats.ifHappened')}
                </Title>
                <List spacing={4}>
                  {th.data.guideTopics.map((g) => (
                    <List.Item key={g.id}>
                      <Anchor component={Link} to={`/help/guide/${g.id}`}>
                        {g.title}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              </Card>
            ) : null}
          </Stack>
        )}
      </Container>
    </Box>
  );
}

/** Where to go next from a threat: a titled card of links (diagnosis items, lessons). */
function LinkListCard(props: {
  testId: string;
  title: string;
  lead: string;
  links: { key: string; to: string; label: string }[];
}) {
  return (
    <Card withBorder padding="lg" radius="md" data-testid={props.testId}>
      <Title order={2} size="h4" mb={4}>
        {props.title}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {props.lead}
      </Text>
      <List spacing={4} size="sm">
        {props.links.map((l) => (
          <List.Item key={l.key}>
            <Anchor component={Link} to={l.to}>
              {l.label}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

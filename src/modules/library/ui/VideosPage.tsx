import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Container,
  Group,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../../../web/src/api.ts';
import { useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { PublicHero } from '../../../../web/src/components/PublicHero.tsx';
import { CardGridResults, ResultsSection } from '../../../../web/src/components/Results.tsx';
import { SegmentedFilter } from '../../../../web/src/components/SearchPanel.tsx';
import { IconCheck, IconClock, IconGlobe } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import {
  readQuery,
  toParams,
  useSetWatched,
  useTaxonomy,
  useVideos,
  useWatched,
  type Video,
  type VideoQuery,
} from './library-api.ts';
import { ChipFilter, Pager } from './parts.tsx';

const KEYS = ['topic', 'viewer'] as const;

/** /library/videos — curated public videos, filterable by topic; members mark what they watched. */
export function VideosPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('library.videos.docTitle'));
  const [params, setParams] = useSearchParams();
  const query: VideoQuery = readQuery(params, KEYS);
  const update = (patch: Partial<VideoQuery>) =>
    setParams(toParams({ ...query, page: undefined, ...patch }), { preventScrollReset: true });
  const tax = useTaxonomy();
  const me = useMe();
  const org = activeOrg(me.data);
  const watched = useWatched(org?.id ?? null);
  const seen = new Set((watched.data?.items ?? []).map((w) => w.videoId));
  const result = useVideos(query);
  const totalVideos = (tax.data?.topics ?? []).reduce((n, x) => n + x.count, 0);

  return (
    <>
      <PublicHero
        kicker={t('library.videos.kicker')}
        title={t('library.videos.title')}
        lead={t('library.videos.lead')}
        leadWidth={680}
      />
      <Container size="lg" py={{ base: 'lg', sm: 'xl' }}>
        <Stack gap="xl">
          <Card withBorder padding="lg" component="section" aria-labelledby="video-filter-title" shadow="xs">
            <Stack gap="md">
              <div>
                <ChipFilter
                  id="video-filter-title"
                  label={t('library.videos.topic')}
                  allLabel={t('library.home.all')}
                  value={query.topic ?? ''}
                  onChange={(topic) => update({ topic })}
                  options={(tax.data?.topics ?? []).filter((x) => x.count > 0)}
                />
              </div>
              <SegmentedFilter
                id="video-viewer-label"
                label={t('library.videos.viewer')}
                value={query.viewer ?? ''}
                onChange={(v) => update({ viewer: v || undefined })}
                data={[
                  { value: '', label: t('library.home.all') },
                  ...(tax.data?.viewers ?? []).map((x) => ({ value: x.id, label: x.label })),
                ]}
              />
              {org ? (
                watched.data && totalVideos ? (
                  <div>
                    <Text size="sm" fw={500} mb={4}>
                      {t('library.videos.watchedCount', { count: seen.size, total: totalVideos })}
                    </Text>
                    <Progress
                      value={(100 * seen.size) / totalVideos}
                      color="teal"
                      aria-label={t('library.videos.watchedCount', { count: seen.size, total: totalVideos })}
                    />
                  </div>
                ) : null
              ) : me.isSuccess && !me.data ? (
                <Alert color="blue" variant="light" p="xs">
                  <Text size="sm">
                    {t('library.videos.signInToMark')}{' '}
                    <Anchor component={Link} to="/sign-in?redirect=/library/videos" size="sm">
                      {t('common.signIn')}
                    </Anchor>
                  </Text>
                </Alert>
              ) : null}
            </Stack>
          </Card>
          <ResultsSection
            id="video-results"
            title={t('library.videos.resultsTitle')}
            count={result.data ? t('library.home.count', { count: result.data.total }) : null}
          >
            <CardGridResults
              result={result}
              cols={{ base: 1, sm: 2, lg: 3 }}
              skeleton={{ count: 3, h: 280 }}
              empty={t('library.videos.none')}
            >
              {(v) => <VideoCard key={v.id} video={v} orgId={org?.id ?? null} watched={seen.has(v.id)} />}
            </CardGridResults>
            {result.data ? (
              <Pager
                page={result.data.page}
                total={result.data.total}
                pageSize={result.data.pageSize}
                onChange={(page) => update({ ...query, page })}
              />
            ) : null}
          </ResultsSection>
        </Stack>
      </Container>
    </>
  );
}

function VideoCard({ video: v, orgId, watched }: { video: Video; orgId: string | null; watched: boolean }) {
  const { t } = useTranslation();
  const set = useSetWatched(orgId);
  const headingId = `video-${v.id}`;
  return (
    <Card
      component="li"
      withBorder
      padding="lg"
      radius="md"
      aria-labelledby={headingId}
      className="library-card"
      data-watched={watched || undefined}
    >
      <Group gap={6} mb="xs">
        <Badge variant="filled" color="brand" radius="sm" tt="none">
          {v.topic.label}
        </Badge>
        <Badge variant="light" color="gray" radius="sm" tt="none" leftSection={<IconClock size={12} />}>
          {t('library.videos.minutes', { minutes: v.minutes })}
        </Badge>
        {watched ? (
          <Badge variant="light" color="teal" radius="sm" tt="none" leftSection={<IconCheck size={12} />}>
            {t('library.videos.watched')}
          </Badge>
        ) : null}
      </Group>
      <Title order={3} size="h5" id={headingId} lh={1.45}>
        {v.title}
      </Title>
      <Text size="xs" c="dimmed" mt={2}>
        {t('library.videos.by', { publisher: v.publisher })} ・ {v.viewers.map((x) => x.label).join('、')}
      </Text>
      <Text size="sm" mt="sm">
        {v.description}
      </Text>
      <Text
        size="xs"
        mt="sm"
        c={v.training === 'free' ? 'teal.8' : 'orange.8'}
        fw={600}
        className="library-training"
      >
        {t(`library.videos.training.${v.training}`)}
      </Text>
      <Group mt="auto" pt="md" gap="xs" justify="space-between">
        <Button
          component="a"
          href={v.url}
          target="_blank"
          rel="noopener noreferrer"
          variant="light"
          size="xs"
          leftSection={<IconGlobe size={14} />}
          aria-label={t('library.videos.openNamed', { title: v.title })}
        >
          {t('library.videos.open')}
        </Button>
        {orgId ? (
          <Button
            size="xs"
            variant={watched ? 'filled' : 'default'}
            color={watched ? 'teal' : undefined}
            leftSection={watched ? <IconCheck size={14} /> : null}
            aria-pressed={watched}
            aria-label={t(watched ? 'library.videos.unmarkNamed' : 'library.videos.markWatchedNamed', {
              title: v.title,
            })}
            loading={set.isPending}
            onClick={() =>
              set.mutate(
                { videoId: v.id, on: !watched },
                { onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }) },
              )
            }
          >
            {watched ? t('library.videos.watched') : t('library.videos.markWatched')}
          </Button>
        ) : null}
      </Group>
    </Card>
  );
}

import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  CloseButton,
  Container,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { PublicHero } from '../../../../web/src/components/PublicHero.tsx';
import { CardGridResults, ResultsSection } from '../../../../web/src/components/Results.tsx';
import {
  SearchBox,
  SearchPanel,
  SegmentedFilter,
  useSearchText,
} from '../../../../web/src/components/SearchPanel.tsx';
import { IconArrowRight, IconBook, IconClipboardCheck } from '../../../../web/src/icons.tsx';
import {
  type EntryQuery,
  type EntrySummary,
  readQuery,
  toParams,
  useEntries,
  useTaxonomy,
} from './library-api.ts';
import { AudienceBadges, CategoryBadge, ChipFilter, Pager } from './parts.tsx';

const KEYS = ['q', 'category', 'tag', 'audience'] as const;

/** Starting points in everyday words, each opening the pages that answer it. */
const PROBLEMS: Array<{ key: string; query: EntryQuery }> = [
  { key: 'leak', query: { tag: 'leak-report' } },
  { key: 'mynumber', query: { tag: 'my-number' } },
  { key: 'secret', query: { tag: 'trade-secret' } },
  { key: 'account', query: { tag: 'unauthorized-access' } },
  { key: 'phone', query: { tag: 'mobile' } },
  { key: 'learn', query: { category: 'qualification' } },
];

/** /library — the reference library: search by words, category, audience and theme. */
export function LibraryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('library.home.docTitle'));
  const [params, setParams] = useSearchParams();
  const query: EntryQuery = readQuery(params, KEYS);
  const update = (patch: Partial<EntryQuery>) =>
    setParams(toParams({ ...query, page: undefined, ...patch }), { preventScrollReset: true });

  return (
    <>
      <PublicHero
        kicker={t('library.home.kicker')}
        title={t('library.home.title')}
        lead={t('library.home.lead')}
        leadWidth={640}
        span={8}
        aside={
          <Stack gap="sm">
            <Button
              component={Link}
              to="/library/videos"
              variant="white"
              leftSection={<IconBook size={18} />}
              rightSection={<IconArrowRight size={14} />}
              justify="space-between"
              fullWidth
            >
              {t('library.home.videos')}
            </Button>
            <Button
              component={Link}
              to="/library/practice"
              variant="white"
              leftSection={<IconClipboardCheck size={18} />}
              rightSection={<IconArrowRight size={14} />}
              justify="space-between"
              fullWidth
            >
              {t('library.home.practice')}
            </Button>
          </Stack>
        }
      />
      <Container size="lg" py={{ base: 'lg', sm: 'xl' }}>
        <Stack gap="xl">
          <Problems onPick={(q) => update({ q: undefined, category: undefined, tag: undefined, ...q })} />
          <SearchForm query={query} onChange={update} />
          <Results query={query} onChange={update} />
        </Stack>
      </Container>
    </>
  );
}

function Problems({ onPick }: { onPick: (q: EntryQuery) => void }) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-labelledby="library-problems">
      <Title order={2} size="h4" id="library-problems" mb="sm">
        {t('library.home.problemsTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        {PROBLEMS.map((p) => (
          <UnstyledButton
            key={p.key}
            className="library-problem"
            onClick={() => {
              onPick(p.query);
              document.getElementById('library-results')?.scrollIntoView({ behavior: 'smooth' });
            }}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text fw={600} size="sm">
                {t(`library.home.problems.${p.key}`)}
              </Text>
              <IconArrowRight size={16} />
            </Group>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Box>
  );
}

function SearchForm({ query, onChange }: { query: EntryQuery; onChange: (p: Partial<EntryQuery>) => void }) {
  const { t } = useTranslation();
  const tax = useTaxonomy();
  const { text, setText, submit } = useSearchText(query.q, (q) => onChange({ q }));
  const filtered = Boolean(query.q || query.category || query.tag || query.audience);
  const tag = tax.data?.tags.find((x) => x.id === query.tag);
  return (
    <SearchPanel
      id="library-search-title"
      title={t('library.home.searchTitle')}
      onSubmit={submit}
      filtered={filtered}
      clearSpacing="sm"
      onClear={() => {
        setText('');
        onChange({ q: undefined, category: undefined, tag: undefined, audience: undefined });
      }}
    >
      <Stack gap="md">
        <SearchBox
          label={t('library.home.q')}
          placeholder={t('library.home.qPlaceholder')}
          value={text}
          onChange={setText}
          submitLabel={t('library.home.search')}
        />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <ChipFilter
              id="library-category-label"
              label={t('library.home.category')}
              allLabel={t('library.home.all')}
              value={query.category ?? ''}
              onChange={(category) => onChange({ category })}
              options={tax.data?.categories ?? []}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <SegmentedFilter
              id="library-audience-label"
              label={t('library.home.audience')}
              value={query.audience ?? ''}
              onChange={(v) => onChange({ audience: v || undefined })}
              data={[
                { value: '', label: t('library.home.all') },
                ...(tax.data?.audiences ?? []).map((a) => ({ value: a.id, label: a.label })),
              ]}
            />
          </Grid.Col>
        </Grid>
        {tag ? (
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t('library.home.tags')}:
            </Text>
            <Badge
              size="lg"
              variant="light"
              tt="none"
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={t('common.clear')}
                  onClick={() => onChange({ tag: undefined })}
                />
              }
            >
              {tag.label}
            </Badge>
          </Group>
        ) : null}
      </Stack>
    </SearchPanel>
  );
}

function Results({ query, onChange }: { query: EntryQuery; onChange: (p: Partial<EntryQuery>) => void }) {
  const { t } = useTranslation();
  const result = useEntries(query);
  return (
    <ResultsSection
      id="library-results"
      title={t('library.home.resultsTitle')}
      count={result.data ? t('library.home.count', { count: result.data.total }) : null}
    >
      <CardGridResults
        result={result}
        cols={{ base: 1, md: 2 }}
        skeleton={{ count: 4, h: 180 }}
        empty={
          <>
            {t('library.home.none')}{' '}
            <Anchor component={Link} to="/library/videos">
              {t('library.home.noneVideos')}
            </Anchor>
          </>
        }
      >
        {(e) => <EntryCard key={e.id} entry={e} onTag={(tag) => onChange({ tag })} />}
      </CardGridResults>
      {result.data ? (
        <Pager
          page={result.data.page}
          total={result.data.total}
          pageSize={result.data.pageSize}
          onChange={(page) => {
            onChange({ ...query, page });
            document.getElementById('library-results')?.scrollIntoView();
          }}
        />
      ) : null}
    </ResultsSection>
  );
}

function EntryCard({ entry: e, onTag }: { entry: EntrySummary; onTag: (tag: string) => void }) {
  const { t } = useTranslation();
  const headingId = `entry-${e.id}`;
  return (
    <Card
      component="li"
      withBorder
      padding="lg"
      radius="md"
      aria-labelledby={headingId}
      className="library-card"
    >
      <Group gap={6} mb="xs">
        <CategoryBadge category={e.category} />
        <AudienceBadges audiences={e.audiences} />
      </Group>
      <Title order={3} size="h4" id={headingId} lh={1.4}>
        <Anchor component={Link} to={`/library/${e.id}`} c="dark" className="library-card-link">
          {e.title}
        </Anchor>
      </Title>
      <Text size="sm" c="dimmed" mt={6} lineClamp={3}>
        {e.summary}
      </Text>
      <Group justify="space-between" align="flex-end" mt="auto" pt="md" wrap="nowrap" gap="xs">
        <Group gap={4}>
          {e.tags.map((tag) => (
            <Badge
              key={tag.id}
              component="button"
              type="button"
              variant="light"
              color="gray"
              tt="none"
              radius="sm"
              className="library-tag"
              onClick={() => onTag(tag.id)}
            >
              #{tag.label}
            </Badge>
          ))}
        </Group>
        <Button
          component={Link}
          to={`/library/${e.id}`}
          variant="light"
          size="xs"
          rightSection={<IconArrowRight size={14} />}
          aria-label={t('library.home.readNamed', { title: e.title })}
          style={{ flexShrink: 0 }}
        >
          {t('library.home.read')}
        </Button>
      </Group>
    </Card>
  );
}

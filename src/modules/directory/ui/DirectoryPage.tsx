import { Anchor, Badge, Box, Button, Card, Container, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { PublicHero } from '../../../../web/src/components/PublicHero.tsx';
import { CardGridResults, ResultsSection } from '../../../../web/src/components/Results.tsx';
import {
  FilterSelect,
  IndustrySelect,
  PrefectureSelect,
  SearchBox,
  SearchPanel,
  useSearchText,
} from '../../../../web/src/components/SearchPanel.tsx';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconArrowRight, IconGlobe } from '../../../../web/src/icons.tsx';
import { INDUSTRIES, refLabel } from '../../../../web/src/reference.ts';
import {
  type DirectoryQuery,
  type Listing,
  prefectureNames,
  readParams,
  toParams,
  useDirectory,
  useLists,
} from './directory-api.ts';

const KEYS = ['category', 'prefecture', 'industry', 'q'] as const;

/** /directory — information-security service providers and IT supporters. */
export function DirectoryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('directory.list.docTitle'));
  const [params, setParams] = useSearchParams();
  const query: DirectoryQuery = readParams(params, KEYS);
  const update = (patch: Partial<DirectoryQuery>) =>
    setParams(toParams({ ...query, ...patch }), { preventScrollReset: true });
  return (
    <>
      <PublicHero
        kicker={t('directory.list.kicker')}
        title={t('directory.list.title')}
        lead={t('directory.list.lead')}
        leadWidth={680}
      />
      <Container size="lg" py={{ base: 'lg', sm: 'xl' }}>
        <Stack gap="xl">
          <SearchForm query={query} onChange={update} />
          <Results query={query} />
          <Card withBorder padding="lg" radius="md" bg="gray.0">
            <Group justify="space-between" wrap="wrap" gap="md">
              <Box style={{ flex: '1 1 320px' }}>
                <Title order={2} size="h4">
                  {t('directory.list.otasukeTitle')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('directory.list.otasukeBody')}
                </Text>
              </Box>
              <Group gap="sm">
                <Button component={Link} to="/services" rightSection={<IconArrowRight size={14} />}>
                  {t('directory.list.otasukeButton')}
                </Button>
                <Button component={Link} to="/presenters" variant="default">
                  {t('directory.list.presentersButton')}
                </Button>
              </Group>
            </Group>
          </Card>
        </Stack>
      </Container>
    </>
  );
}

function SearchForm({
  query,
  onChange,
}: {
  query: DirectoryQuery;
  onChange: (p: Partial<DirectoryQuery>) => void;
}) {
  const { t } = useTranslation();
  const lists = useLists();
  const { text, setText, submit } = useSearchText(query.q, (q) => onChange({ q }));
  const filtered = Boolean(query.q || query.category || query.prefecture || query.industry);
  return (
    <SearchPanel
      id="dir-search-title"
      title={t('directory.list.searchTitle')}
      onSubmit={submit}
      filtered={filtered}
      clearSpacing="sm"
      onClear={() => {
        setText('');
        onChange({ q: undefined, category: undefined, prefecture: undefined, industry: undefined });
      }}
    >
      <Grid gap="md" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <FilterSelect
            label={t('directory.list.category')}
            data={(lists.data?.categories ?? []).map((c) => ({ value: c.id, label: c.label }))}
            value={query.category}
            onChange={(category) => onChange({ category })}
            placeholder={t('directory.all')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <PrefectureSelect
            label={t('directory.list.prefecture')}
            value={query.prefecture}
            onChange={(prefecture) => onChange({ prefecture })}
            placeholder={t('directory.all')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <IndustrySelect
            label={t('directory.list.industry')}
            value={query.industry}
            onChange={(industry) => onChange({ industry })}
            placeholder={t('directory.all')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <SearchBox
            label={t('directory.q')}
            placeholder={t('directory.list.qPlaceholder')}
            value={text}
            onChange={setText}
            submitLabel={t('directory.search')}
          />
        </Grid.Col>
      </Grid>
    </SearchPanel>
  );
}

function Results({ query }: { query: DirectoryQuery }) {
  const { t } = useTranslation();
  const result = useDirectory(query);
  return (
    <ResultsSection
      id="dir-results-title"
      title={t('directory.list.resultsTitle')}
      count={result.data ? t('directory.count', { count: result.data.items.length }) : null}
    >
      <CardGridResults
        result={result}
        cols={{ base: 1, sm: 2 }}
        skeleton={{ count: 2, h: 200 }}
        empty={t('directory.list.none')}
      >
        {(l) => <ListingCard key={l.orgId} listing={l} />}
      </CardGridResults>
    </ResultsSection>
  );
}

export function ListingCard({ listing: l, as = 'li' }: { listing: Listing; as?: 'li' | 'div' }) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = `listing-${l.orgId}`;
  return (
    <Card component={as} withBorder padding="lg" radius="md" className="dir-card" aria-labelledby={headingId}>
      <Group gap={4} mb="xs">
        {l.categories.map((c) => (
          <Badge key={c.id} variant="light" color="brand" tt="none">
            {c.label}
          </Badge>
        ))}
      </Group>
      <Title order={3} size="h4" id={headingId}>
        {l.name}
      </Title>
      <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
        {l.description}
      </Text>
      <Stack gap={2} mt="sm">
        <Text size="xs" c="dimmed">
          {t('directory.list.area', { list: prefectureNames(l.prefectures, lang, t, 5) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('directory.list.industries', {
            list: l.industries.length
              ? l.industries.map((i) => refLabel(INDUSTRIES, i, lang)).join(t('directory.listSeparator'))
              : t('directory.list.anyIndustry'),
          })}
        </Text>
      </Stack>
      {l.url ? (
        <Group gap={6} mt="auto" pt="sm">
          <IconGlobe size={16} />
          <Anchor
            href={l.url}
            target="_blank"
            rel="noopener noreferrer"
            size="sm"
            aria-label={t('directory.list.websiteNamed', { name: l.name })}
          >
            {t('directory.list.website')}
          </Anchor>
        </Group>
      ) : null}
    </Card>
  );
}

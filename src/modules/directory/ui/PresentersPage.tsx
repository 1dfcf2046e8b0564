import {
  Anchor,
  Avatar,
  Badge,
  Box,
  Button,
  Card,
  Container,
  Grid,
  Group,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { PublicHero } from '../../../../web/src/components/PublicHero.tsx';
import { CardGridResults, ResultsSection } from '../../../../web/src/components/Results.tsx';
import {
  FilterSelect,
  PrefectureSelect,
  SearchBox,
  SearchPanel,
  useSearchText,
} from '../../../../web/src/components/SearchPanel.tsx';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconArrowRight } from '../../../../web/src/icons.tsx';
import {
  type Presenter,
  type PresenterQuery,
  prefectureNames,
  readParams,
  toParams,
  useLists,
  usePresenters,
} from './directory-api.ts';

const KEYS = ['prefecture', 'qualification', 'q'] as const;

/** /presenters — search security presenters by prefecture and qualification. */
export function PresentersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('directory.presenters.docTitle'));
  const [params, setParams] = useSearchParams();
  const query: PresenterQuery = readParams(params, KEYS);
  const update = (patch: Partial<PresenterQuery>) =>
    setParams(toParams({ ...query, ...patch }), { preventScrollReset: true });

  return (
    <>
      <PublicHero
        kicker={t('directory.presenters.kicker')}
        title={t('directory.presenters.title')}
        lead={t('directory.presenters.lead')}
        leadWidth={640}
        aside={
          <Box className="hero-panel" p="md" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
            <Text size="sm" c="white" fw={700}>
              {t('directory.presenters.joinTitle')}
            </Text>
            <Text size="sm" c="brand.0" mb="sm">
              {t('directory.presenters.joinBody')}
            </Text>
            <Button
              component={Link}
              to="/presenter"
              variant="white"
              rightSection={<IconArrowRight size={14} />}
            >
              {t('directory.presenters.join')}
            </Button>
          </Box>
        }
        span={8}
      />
      <Container size="lg" py={{ base: 'lg', sm: 'xl' }}>
        <Stack gap="xl">
          <SearchForm query={query} onChange={update} />
          <Results query={query} />
        </Stack>
      </Container>
    </>
  );
}

function SearchForm({
  query,
  onChange,
}: {
  query: PresenterQuery;
  onChange: (p: Partial<PresenterQuery>) => void;
}) {
  const { t } = useTranslation();
  const lists = useLists();
  const { text, setText, submit } = useSearchText(query.q, (q) => onChange({ q }));
  const filtered = Boolean(query.q || query.prefecture || query.qualification);
  return (
    <SearchPanel
      id="presenter-search-title"
      title={t('directory.presenters.searchTitle')}
      onSubmit={submit}
      filtered={filtered}
      clearSpacing="sm"
      onClear={() => {
        setText('');
        onChange({ q: undefined, prefecture: undefined, qualification: undefined });
      }}
    >
      <Grid gap="md" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <PrefectureSelect
            label={t('directory.presenters.prefecture')}
            value={query.prefecture}
            onChange={(prefecture) => onChange({ prefecture })}
            placeholder={t('directory.all')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <FilterSelect
            label={t('directory.presenters.qualification')}
            data={(lists.data?.qualifications ?? []).map((q) => ({ value: q.id, label: q.label }))}
            value={query.qualification}
            onChange={(qualification) => onChange({ qualification })}
            placeholder={t('directory.all')}
            searchable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <SearchBox
            label={t('directory.q')}
            placeholder={t('directory.presenters.qPlaceholder')}
            value={text}
            onChange={setText}
            submitLabel={t('directory.search')}
          />
        </Grid.Col>
      </Grid>
    </SearchPanel>
  );
}

function Results({ query }: { query: PresenterQuery }) {
  const { t } = useTranslation();
  const result = usePresenters(query);
  return (
    <ResultsSection
      id="presenter-results-title"
      title={t('directory.presenters.resultsTitle')}
      count={result.data ? t('directory.count', { count: result.data.items.length }) : null}
    >
      <CardGridResults
        result={result}
        cols={{ base: 1, sm: 2, md: 3 }}
        skeleton={{ count: 3, h: 240 }}
        empty={t('directory.presenters.none')}
      >
        {(p) => <PresenterCard key={p.id} presenter={p} />}
      </CardGridResults>
    </ResultsSection>
  );
}

export function QualificationBadges({
  presenter: p,
  size = 'sm',
}: {
  presenter: Presenter;
  size?: 'sm' | 'md';
}) {
  return (
    <Group gap={4}>
      {p.qualifications.map((q) => (
        <Badge key={q.id} variant="light" color="teal" tt="none" size={size}>
          {q.label}
        </Badge>
      ))}
      {p.qualificationOther ? (
        <Badge variant="outline" color="gray" tt="none" size={size}>
          {p.qualificationOther}
        </Badge>
      ) : null}
    </Group>
  );
}

function PresenterCard({ presenter: p }: { presenter: Presenter }) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = `presenter-${p.id}`;
  return (
    <Card component="li" withBorder padding="lg" radius="md" className="dir-card" aria-labelledby={headingId}>
      <Group gap="sm" wrap="nowrap" mb="sm" align="flex-start">
        <Avatar size={48} radius="xl" color="brand" aria-hidden="true">
          {p.name.slice(0, 1)}
        </Avatar>
        <Box style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed" lh={1.3}>
            {p.kana}
          </Text>
          <Title order={3} size="h4" id={headingId} lh={1.3}>
            <Anchor component={Link} to={`/presenters/${p.id}`} c="dark" className="dir-card-link">
              {p.name}
            </Anchor>
          </Title>
          {p.affiliation ? (
            <Text size="sm" c="dimmed">
              {p.affiliation}
            </Text>
          ) : null}
        </Box>
      </Group>
      <QualificationBadges presenter={p} />
      <Text size="sm" lineClamp={3} mt="sm">
        {p.pr}
      </Text>
      <Text size="xs" c="dimmed" mt="sm">
        {t('directory.presenters.area', { list: prefectureNames(p.prefectures, lang, t, 4) })}
      </Text>
      <Group justify="flex-end" mt="auto" pt="md">
        <Button
          component={Link}
          to={`/presenters/${p.id}`}
          variant="light"
          rightSection={<IconArrowRight size={14} />}
          aria-label={t('directory.presenters.profileNamed', { name: p.name })}
        >
          {t('directory.presenters.profile')}
        </Button>
      </Group>
    </Card>
  );
}

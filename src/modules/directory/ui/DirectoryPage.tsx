import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Container,
  Grid,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconArrowRight, IconGlobe, IconSearch } from '../../../../web/src/icons.tsx';
import { INDUSTRIES, PREFECTURES, refLabel, refOptions } from '../../../../web/src/reference.ts';
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
      <Box className="hero" py={{ base: 32, sm: 48 }}>
        <Container size="lg">
          <Text size="sm" fw={700} c="teal.1" mb={4}>
            {t('directory.list.kicker')}
          </Text>
          <Title order={1} c="white" fz={{ base: 26, sm: 34 }}>
            {t('directory.list.title')}
          </Title>
          <Text c="brand.0" mt="sm" maw={680}>
            {t('directory.list.lead')}
          </Text>
        </Container>
      </Box>
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
  const lang = useLang();
  const lists = useLists();
  const [text, setText] = useState(query.q ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ q: text.trim() || undefined });
  };
  const filtered = Boolean(query.q || query.category || query.prefecture || query.industry);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="dir-search-title" shadow="xs">
      <Title order={2} size="h4" id="dir-search-title" mb="md">
        {t('directory.list.searchTitle')}
      </Title>
      <form onSubmit={submit}>
        <Grid gap="md" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <Select
              label={t('directory.list.category')}
              data={(lists.data?.categories ?? []).map((c) => ({ value: c.id, label: c.label }))}
              value={query.category ?? null}
              onChange={(v) => onChange({ category: v ?? undefined })}
              placeholder={t('directory.all')}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <Select
              label={t('directory.list.prefecture')}
              data={refOptions(PREFECTURES, lang)}
              value={query.prefecture ?? null}
              onChange={(v) => onChange({ prefecture: v ?? undefined })}
              placeholder={t('directory.all')}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Select
              label={t('directory.list.industry')}
              data={refOptions(INDUSTRIES, lang)}
              value={query.industry ?? null}
              onChange={(v) => onChange({ industry: v ?? undefined })}
              placeholder={t('directory.all')}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Group gap="sm" align="flex-end" wrap="nowrap">
              <TextInput
                label={t('directory.q')}
                placeholder={t('directory.list.qPlaceholder')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                leftSection={<IconSearch size={16} />}
                style={{ flex: 1, minWidth: 0 }}
                maxLength={100}
                type="search"
              />
              <Button type="submit">{t('directory.search')}</Button>
            </Group>
          </Grid.Col>
        </Grid>
        {filtered ? (
          <Group justify="flex-end" mt="sm">
            <Button
              variant="subtle"
              onClick={() => {
                setText('');
                onChange({ q: undefined, category: undefined, prefecture: undefined, industry: undefined });
              }}
            >
              {t('common.clear')}
            </Button>
          </Group>
        ) : null}
      </form>
    </Card>
  );
}

function Results({ query }: { query: DirectoryQuery }) {
  const { t } = useTranslation();
  const result = useDirectory(query);
  return (
    <Box component="section" aria-labelledby="dir-results-title">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h3" id="dir-results-title">
          {t('directory.list.resultsTitle')}
        </Title>
        {result.data ? (
          <Text size="sm" c="dimmed" role="status">
            {t('directory.count', { count: result.data.items.length })}
          </Text>
        ) : null}
      </Group>
      {result.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {[0, 1].map((i) => (
            <Skeleton key={i} h={200} radius="md" />
          ))}
        </SimpleGrid>
      ) : result.isError ? (
        <ErrorAlert error={result.error} />
      ) : result.data.items.length === 0 ? (
        <Card withBorder padding="xl">
          <Text c="dimmed" ta="center">
            {t('directory.list.none')}
          </Text>
        </Card>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2 }}
          spacing="md"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none', opacity: result.isPlaceholderData ? 0.6 : 1 }}
        >
          {result.data.items.map((l) => (
            <ListingCard key={l.orgId} listing={l} />
          ))}
        </SimpleGrid>
      )}
    </Box>
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

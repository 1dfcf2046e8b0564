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
import { IconArrowRight, IconSearch } from '../../../../web/src/icons.tsx';
import { PREFECTURES, refOptions } from '../../../../web/src/reference.ts';
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
      <Box className="hero" py={{ base: 32, sm: 48 }}>
        <Container size="lg">
          <Grid gap="xl" align="center">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Text size="sm" fw={700} c="teal.1" mb={4}>
                {t('directory.presenters.kicker')}
              </Text>
              <Title order={1} c="white" fz={{ base: 26, sm: 34 }}>
                {t('directory.presenters.title')}
              </Title>
              <Text c="brand.0" mt="sm" maw={640}>
                {t('directory.presenters.lead')}
              </Text>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
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
            </Grid.Col>
          </Grid>
        </Container>
      </Box>
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
  const lang = useLang();
  const lists = useLists();
  const [text, setText] = useState(query.q ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ q: text.trim() || undefined });
  };
  const filtered = Boolean(query.q || query.prefecture || query.qualification);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="presenter-search-title" shadow="xs">
      <Title order={2} size="h4" id="presenter-search-title" mb="md">
        {t('directory.presenters.searchTitle')}
      </Title>
      <form onSubmit={submit}>
        <Grid gap="md" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={t('directory.presenters.prefecture')}
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
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <Select
              label={t('directory.presenters.qualification')}
              data={(lists.data?.qualifications ?? []).map((q) => ({ value: q.id, label: q.label }))}
              value={query.qualification ?? null}
              onChange={(v) => onChange({ qualification: v ?? undefined })}
              placeholder={t('directory.all')}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Group gap="sm" align="flex-end" wrap="nowrap">
              <TextInput
                label={t('directory.q')}
                placeholder={t('directory.presenters.qPlaceholder')}
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
                onChange({ q: undefined, prefecture: undefined, qualification: undefined });
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

function Results({ query }: { query: PresenterQuery }) {
  const { t } = useTranslation();
  const result = usePresenters(query);
  return (
    <Box component="section" aria-labelledby="presenter-results-title">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h3" id="presenter-results-title">
          {t('directory.presenters.resultsTitle')}
        </Title>
        {result.data ? (
          <Text size="sm" c="dimmed" role="status">
            {t('directory.count', { count: result.data.items.length })}
          </Text>
        ) : null}
      </Group>
      {result.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={240} radius="md" />
          ))}
        </SimpleGrid>
      ) : result.isError ? (
        <ErrorAlert error={result.error} />
      ) : result.data.items.length === 0 ? (
        <Card withBorder padding="xl">
          <Text c="dimmed" ta="center">
            {t('directory.presenters.none')}
          </Text>
        </Card>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2, md: 3 }}
          spacing="md"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none', opacity: result.isPlaceholderData ? 0.6 : 1 }}
        >
          {result.data.items.map((p) => (
            <PresenterCard key={p.id} presenter={p} />
          ))}
        </SimpleGrid>
      )}
    </Box>
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

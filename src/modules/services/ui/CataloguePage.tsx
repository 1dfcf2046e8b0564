import {
  Affix,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  CloseButton,
  Container,
  Divider,
  Grid,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
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
  SegmentedFilter,
} from '../../../../web/src/components/SearchPanel.tsx';
import { formatNumber } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import {
  IconActivity,
  IconArrowRight,
  IconLifebuoy,
  IconMessage,
  IconShieldCheck,
} from '../../../../web/src/icons.tsx';
import { MAX_COMPARE, useCompare } from './compare-store.ts';
import { PriceLines, prefectureText, TierBadge, TypeBadge } from './parts.tsx';
import { monitoringText, onsiteText } from './ServiceFacts.tsx';
import {
  type CatalogueQuery,
  type PublicService,
  SERVICE_TYPES,
  type ServiceType,
  type Standard,
  type Tier,
  useCatalogue,
  useStandard,
  yen,
} from './services-api.ts';

function readQuery(p: URLSearchParams): CatalogueQuery {
  const type = p.get('type');
  const tier = p.get('tier');
  const max = Number(p.get('maxMonthly'));
  return {
    type: SERVICE_TYPES.includes(type as ServiceType) ? (type as ServiceType) : undefined,
    tier: tier === '1' || tier === '2' ? tier : undefined,
    prefecture: p.get('prefecture') ?? undefined,
    maxMonthly: p.get('maxMonthly') && Number.isInteger(max) && max >= 0 ? max : undefined,
    q: p.get('q') ?? undefined,
  };
}

/** /services — the public catalogue of registered お助け隊 services. */
export function CataloguePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('services.catalogue.docTitle'));
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const standard = useStandard();
  const comparing = useCompare().picked.length > 0;

  const update = (patch: Partial<CatalogueQuery>) => {
    const next = { ...query, ...patch };
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '') p.set(k, String(v));
    setParams(p, { preventScrollReset: true });
  };

  return (
    <>
      <PublicHero
        kicker={t('services.catalogue.kicker')}
        title={t('services.catalogue.title')}
        lead={t('services.catalogue.lead')}
        leadWidth={620}
        aside={<CapsPanel standard={standard.data} loading={standard.isPending} />}
      />
      <Container size="lg" py={{ base: 'lg', sm: 'xl' }} pb={comparing ? 140 : undefined}>
        <Stack gap="xl">
          <SearchForm query={query} onChange={update} />
          <Results query={query} />
          <About standard={standard.data} />
          <SubsidyPromo />
        </Stack>
      </Container>
      <CompareBar />
    </>
  );
}

function CapsPanel({ standard, loading }: { standard: Standard | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const caps = standard?.tiers.find((x) => x.id === '1')?.caps;
  return (
    <Box className="hero-panel" p="md" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
      <Text size="sm" fw={700} c="white" mb={6}>
        {t('services.catalogue.capsTitle')}
      </Text>
      {loading || !caps ? (
        <Skeleton h={64} />
      ) : (
        <SimpleGrid cols={2} spacing="sm">
          <Box>
            <Text size="xs" c="brand.0" lh={1.4}>
              {t('services.type.network')}
            </Text>
            <Text fz={{ base: 20, sm: 24 }} fw={800} c="white" lh={1.3}>
              {yen(caps.networkMonthly, lang)}
            </Text>
            <Text size="xs" c="brand.0">
              {t('services.catalogue.capPerMonth')}
            </Text>
          </Box>
          <Box>
            <Text size="xs" c="brand.0" lh={1.4}>
              {t('services.type.endpoint')}
            </Text>
            <Text fz={{ base: 20, sm: 24 }} fw={800} c="white" lh={1.3}>
              {yen(caps.endpointMonthlyPerDevice, lang)}
            </Text>
            <Text size="xs" c="brand.0">
              {t('services.catalogue.capPerDevice')}
            </Text>
          </Box>
        </SimpleGrid>
      )}
      <Text size="xs" c="brand.0" mt={8}>
        {t('services.catalogue.capsNote')}
      </Text>
    </Box>
  );
}

function About({ standard }: { standard: Standard | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const items = [
    { key: 'desk', icon: <IconMessage size={22} /> },
    { key: 'monitoring', icon: <IconActivity size={22} /> },
    { key: 'onsite', icon: <IconLifebuoy size={22} /> },
    { key: 'insurance', icon: <IconShieldCheck size={22} /> },
  ];
  const tier1 = standard?.tiers.find((x) => x.id === '1');
  const tier2 = standard?.tiers.find((x) => x.id === '2');
  return (
    <Box component="section" aria-labelledby="svc-about-title">
      <Title order={2} size="h3" id="svc-about-title" mb={4}>
        {t('services.about.title')}
      </Title>
      <Text c="dimmed" mb="md" maw={760}>
        {t('services.about.lead')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing={{ base: 'xs', sm: 'md' }}>
        {items.map((it) => (
          <Card key={it.key} withBorder padding="md" radius="md">
            <ThemeIcon size={40} radius="md" variant="light" color="teal" mb="xs" aria-hidden="true">
              {it.icon}
            </ThemeIcon>
            <Text fw={700}>{t(`services.about.${it.key}.title`)}</Text>
            <Text size="sm" c="dimmed">
              {t(`services.about.${it.key}.body`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Paper withBorder radius="md" p="md" mt="md" bg="gray.0">
        <Text fw={700} size="sm" mb={4}>
          {t('services.about.capsTitle')}
        </Text>
        {tier1?.caps ? (
          <Text size="sm">
            {t('services.about.capsTier1', {
              network: yen(tier1.caps.networkMonthly, lang),
              device: yen(tier1.caps.endpointMonthlyPerDevice, lang),
              sum: yen(tier1.caps.networkMonthly + tier1.caps.endpointMonthlyPerDevice, lang),
            })}
          </Text>
        ) : (
          <Skeleton h={20} />
        )}
        {tier2 ? (
          <Text size="sm" mt={4}>
            {t('services.about.tier2', { description: tier2.description })}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed" mt={6}>
          {standard ? t('services.about.source', { title: standard.title, version: standard.version }) : ''}
        </Text>
      </Paper>
    </Box>
  );
}

function SearchForm({
  query,
  onChange,
}: {
  query: CatalogueQuery;
  onChange: (p: Partial<CatalogueQuery>) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [text, setText] = useState(query.q ?? '');
  const [max, setMax] = useState<string | number>(query.maxMonthly ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ q: text.trim() || undefined, maxMonthly: typeof max === 'number' ? max : undefined });
  };
  const filtered = Boolean(
    query.q || query.type || query.tier || query.prefecture || query.maxMonthly !== undefined,
  );
  return (
    <SearchPanel
      id="svc-search-title"
      title={t('services.catalogue.searchTitle')}
      onSubmit={submit}
      filtered={filtered}
      onClear={() => {
        setText('');
        setMax('');
        onChange({
          q: undefined,
          type: undefined,
          tier: undefined,
          prefecture: undefined,
          maxMonthly: undefined,
        });
      }}
    >
      <Grid gap="md" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <FilterSelect
            label={t('services.catalogue.type')}
            data={SERVICE_TYPES.map((v) => ({ value: v, label: t(`services.type.${v}`) }))}
            value={query.type}
            onChange={(v) => onChange({ type: v as ServiceType | undefined })}
            placeholder={t('services.catalogue.all')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <PrefectureSelect
            label={t('services.catalogue.prefecture')}
            value={query.prefecture}
            onChange={(prefecture) => onChange({ prefecture })}
            placeholder={t('services.catalogue.all')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <SegmentedFilter
            id="svc-tier-label"
            label={t('services.catalogue.tier')}
            value={query.tier ?? 'all'}
            onChange={(v) => onChange({ tier: v === 'all' ? undefined : (v as Tier) })}
            data={[
              { value: 'all', label: t('services.catalogue.all') },
              { value: '1', label: t('services.tier.1') },
              { value: '2', label: t('services.tier.2') },
            ]}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <NumberInput
            label={t('services.catalogue.maxMonthly')}
            description={t('services.catalogue.maxMonthlyHint')}
            value={max}
            onChange={setMax}
            min={0}
            step={1000}
            thousandSeparator=","
            allowDecimal={false}
            allowNegative={false}
            suffix={lang === 'ja' ? ' 円' : undefined}
            prefix={lang === 'ja' ? undefined : '¥'}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 8 }}>
          <SearchBox
            label={t('services.catalogue.q')}
            placeholder={t('services.catalogue.qPlaceholder')}
            value={text}
            onChange={setText}
            submitLabel={t('services.catalogue.search')}
          />
        </Grid.Col>
      </Grid>
    </SearchPanel>
  );
}

function Results({ query }: { query: CatalogueQuery }) {
  const { t } = useTranslation();
  const lang = useLang();
  const result = useCatalogue(query);
  return (
    <ResultsSection
      id="svc-results-title"
      title={t('services.catalogue.resultsTitle')}
      count={
        result.data
          ? t('services.catalogue.count', {
              count: result.data.items.length,
              n: formatNumber(result.data.items.length, lang),
            })
          : null
      }
    >
      <CardGridResults
        result={result}
        cols={{ base: 1, sm: 2, md: 3 }}
        skeleton={{ count: 3, h: 320 }}
        empty={t('services.catalogue.none')}
      >
        {(s) => <ServiceCard key={s.id} service={s} />}
      </CardGridResults>
    </ResultsSection>
  );
}

function ServiceCard({ service: s }: { service: PublicService }) {
  const { t } = useTranslation();
  const lang = useLang();
  const compare = useCompare();
  const a = s.data;
  const picked = compare.has(s.id);
  const headingId = `svc-card-${s.id}`;
  return (
    <Card component="li" withBorder padding="lg" radius="md" className="svc-card" aria-labelledby={headingId}>
      <Group gap={6} mb="xs">
        <TypeBadge type={a.type} />
        <TierBadge tier={a.tier} />
      </Group>
      <Title order={3} size="h4" id={headingId} lh={1.35}>
        <Anchor component={Link} to={`/services/${s.id}`} c="dark" fw={700} className="svc-card-link">
          {a.name}
        </Anchor>
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {s.providerName}
      </Text>
      <Text size="sm" lineClamp={3} mb="md">
        {a.summary}
      </Text>
      <Box className="svc-price" p="sm" mb="sm">
        <PriceLines data={a} size="sm" />
      </Box>
      <Stack gap={2} mb="md">
        <Feature label={t('services.card.monitoring')} value={monitoringText(a, t)} />
        <Feature label={t('services.card.onsite')} value={onsiteText(a, t)} />
        <Feature
          label={t('services.card.insurance')}
          value={a.insurance ? t('services.card.insuranceYes') : t('services.facts.insuranceNone')}
        />
        <Feature label={t('services.card.area')} value={prefectureText(a.prefectures, lang, t, 3)} />
      </Stack>
      <Divider mt="auto" mb="sm" />
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Checkbox
          label={t('services.card.compare')}
          aria-label={t('services.card.compareNamed', { name: a.name })}
          checked={picked}
          disabled={!picked && compare.full}
          onChange={(e) => compare.toggle({ id: s.id, name: a.name }, e.currentTarget.checked)}
          title={!picked && compare.full ? t('services.compare.fullHint', { max: MAX_COMPARE }) : undefined}
        />
        <Button
          component={Link}
          to={`/services/${s.id}`}
          variant="light"
          rightSection={<IconArrowRight size={14} />}
          aria-label={t('services.card.moreNamed', { name: a.name })}
        >
          {t('services.card.more')}
        </Button>
      </Group>
    </Card>
  );
}

function Feature({ label, value }: { label: string; value: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="xs" c="dimmed" w={84} style={{ flexShrink: 0 }} lh={1.7}>
        {label}
      </Text>
      <Text size="sm" lh={1.5} style={{ minWidth: 0 }}>
        {value}
      </Text>
    </Group>
  );
}

function SubsidyPromo() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" radius="md" className="svc-promo">
      <Group justify="space-between" wrap="wrap" gap="md">
        <Box style={{ flex: '1 1 320px' }}>
          <Title order={2} size="h4">
            {t('services.catalogue.subsidyTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('services.catalogue.subsidyBody')}
          </Text>
        </Box>
        <Button component={Link} to="/subsidy" rightSection={<IconArrowRight size={14} />}>
          {t('services.catalogue.subsidyButton')}
        </Button>
      </Group>
    </Card>
  );
}

/** The bar at the bottom of the screen while services are picked for comparison. */
export function CompareBar() {
  const { t } = useTranslation();
  const compare = useCompare();
  if (compare.picked.length === 0) return null;
  const ids = compare.picked.map((p) => p.id).join(',');
  return (
    <Affix position={{ bottom: 0, left: 0, right: 0 }} zIndex={150}>
      <Paper
        shadow="lg"
        p="sm"
        radius={0}
        component="section"
        aria-label={t('services.compare.barLabel')}
        style={{ borderTop: '2px solid var(--mantine-color-brand-5)' }}
      >
        <Container size="lg" px={{ base: 0, sm: 'md' }}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap={6} wrap="wrap" style={{ flex: '1 1 260px', minWidth: 0 }}>
              <Text size="sm" fw={700}>
                {t('services.compare.barCount', { count: compare.picked.length, max: MAX_COMPARE })}
              </Text>
              {compare.picked.map((p) => (
                <Badge
                  key={p.id}
                  variant="light"
                  tt="none"
                  size="lg"
                  maw={220}
                  rightSection={
                    <CloseButton
                      size="xs"
                      onClick={() => compare.remove(p.id)}
                      aria-label={t('services.compare.removeNamed', { name: p.name })}
                    />
                  }
                >
                  {p.name}
                </Badge>
              ))}
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Button variant="subtle" color="gray" onClick={compare.clear}>
                {t('services.compare.clear')}
              </Button>
              {compare.picked.length >= 2 ? (
                <Button component={Link} to={`/services/compare?ids=${ids}`}>
                  {t('services.compare.open')}
                </Button>
              ) : (
                <Button disabled>{t('services.compare.open')}</Button>
              )}
            </Group>
          </Group>
        </Container>
      </Paper>
    </Affix>
  );
}

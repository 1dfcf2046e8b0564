import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Container,
  Grid,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Skeleton,
  Slider,
  Stack,
  Switch,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../../../web/src/api.ts';
import { ErrorAlert, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconAlert, IconArrowRight, IconCheck } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { type Estimate, SERVICES_KEY, yen } from './services-api.ts';

const YEARS = [2022, 2023, 2024, 2025, 2026];

/** The Japanese fiscal year (from April) of today, kept inside the years the rules know. */
function defaultYear(): number {
  const now = new Date();
  const fy = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  return Math.min(Math.max(fy, YEARS[0] as number), YEARS[YEARS.length - 1] as number);
}

function intParam(p: URLSearchParams, key: string, min: number, max: number): number | null {
  const n = Number(p.get(key));
  return p.get(key) && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** /subsidy — 補助金の目安: what the IT導入補助金 security track could pay towards a service. */
export function SubsidyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  useDocumentTitle(t('services.subsidy.docTitle'));
  const [params] = useSearchParams();
  const [year, setYear] = useState<string>(String(defaultYear()));
  const [fee, setFee] = useState<string | number>(intParam(params, 'monthlyFee', 1, 100_000_000) ?? '');
  const [months, setMonths] = useState<number>(intParam(params, 'months', 1, 24) ?? 24);
  const [small, setSmall] = useState(false);
  const input = {
    fiscalYear: Number(year),
    monthlyFee: typeof fee === 'number' ? fee : 0,
    months,
    smallBusiness: small,
  };
  const [debounced] = useDebouncedValue(input, 350);
  const ready = debounced.monthlyFee >= 1;
  const estimate = useQuery({
    queryKey: [...SERVICES_KEY, 'subsidy', debounced, lang],
    queryFn: () => api<Estimate>('/api/v1/subsidy/estimate', { method: 'POST', body: debounced }),
    enabled: ready,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const fields = estimate.error instanceof ApiError ? estimate.error.fields : {};

  return (
    <>
      <Box className="hero" py={{ base: 28, sm: 40 }}>
        <Container size="lg">
          <Text size="sm" fw={700} c="teal.1" mb={4}>
            {t('services.subsidy.kicker')}
          </Text>
          <Title order={1} c="white" fz={{ base: 26, sm: 34 }}>
            {t('services.subsidy.title')}
          </Title>
          <Text c="brand.0" mt="sm" maw={680}>
            {t('services.subsidy.lead')}
          </Text>
        </Container>
      </Box>
      <Container size="lg" py={{ base: 'lg', sm: 'xl' }}>
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Card
              withBorder
              padding="lg"
              radius="md"
              component="section"
              aria-labelledby="subsidy-form-title"
            >
              <Title order={2} size="h4" id="subsidy-form-title" mb="md">
                {t('services.subsidy.formTitle')}
              </Title>
              <form onSubmit={(e) => e.preventDefault()} noValidate>
                <Stack gap="lg">
                  <Select
                    label={t('services.subsidy.year')}
                    description={t('services.subsidy.yearHint')}
                    data={YEARS.map((y) => ({
                      value: String(y),
                      label: t('services.subsidy.yearOption', { year: y }),
                    }))}
                    value={year}
                    onChange={(v) => v && setYear(v)}
                    allowDeselect={false}
                    error={fields.fiscalYear}
                    comboboxProps={{ withinPortal: true }}
                  />
                  <NumberInput
                    label={t('services.subsidy.monthlyFee')}
                    description={t('services.subsidy.monthlyFeeHint')}
                    value={fee}
                    onChange={setFee}
                    min={1}
                    max={100_000_000}
                    step={1000}
                    thousandSeparator=","
                    allowDecimal={false}
                    allowNegative={false}
                    suffix={lang === 'ja' ? ' 円' : undefined}
                    prefix={lang === 'ja' ? undefined : '¥'}
                    error={fields.monthlyFee}
                    placeholder={lang === 'ja' ? '9,800 円' : '¥9,800'}
                  />
                  <Box>
                    <NumberInput
                      label={t('services.subsidy.months')}
                      description={t('services.subsidy.monthsHint')}
                      value={months}
                      onChange={(v) => {
                        const n = typeof v === 'number' ? v : Number(v);
                        if (Number.isInteger(n) && n >= 1 && n <= 24) setMonths(n);
                      }}
                      min={1}
                      max={24}
                      clampBehavior="strict"
                      allowDecimal={false}
                      allowNegative={false}
                      suffix={lang === 'ja' ? ' か月' : ' months'}
                      error={fields.months}
                    />
                    <Slider
                      mt="md"
                      mb="lg"
                      mx={18}
                      min={1}
                      max={24}
                      step={1}
                      value={months}
                      onChange={setMonths}
                      thumbLabel={t('services.subsidy.monthsSlider')}
                      label={(v) => t('services.subsidy.monthsValue', { count: v })}
                      marks={[
                        { value: 1, label: t('services.subsidy.monthsValue', { count: 1 }) },
                        { value: 12, label: t('services.subsidy.monthsValue', { count: 12 }) },
                        { value: 24, label: t('services.subsidy.monthsValue', { count: 24 }) },
                      ]}
                    />
                  </Box>
                  <Switch
                    label={t('services.subsidy.small')}
                    description={t('services.subsidy.smallHint')}
                    checked={small}
                    onChange={(e) => setSmall(e.currentTarget.checked)}
                    size="md"
                  />
                </Stack>
              </form>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="md">
              <Box aria-live="polite">
                {!ready ? (
                  <Card withBorder padding="xl" radius="md" bg="gray.0">
                    <Text c="dimmed" ta="center">
                      {t('services.subsidy.enterFee')}
                    </Text>
                  </Card>
                ) : estimate.isPending ? (
                  <Skeleton h={260} radius="md" />
                ) : estimate.isError && !estimate.data ? (
                  <ErrorAlert error={estimate.error} />
                ) : estimate.data ? (
                  <ResultCard e={estimate.data} stale={estimate.isPlaceholderData || estimate.isFetching} />
                ) : null}
              </Box>
              {estimate.data && !estimate.data.confirmed && estimate.data.note ? (
                <Alert
                  color="yellow"
                  variant="light"
                  icon={<IconAlert />}
                  title={t('services.subsidy.unconfirmed')}
                >
                  {estimate.data.note}
                </Alert>
              ) : null}
              <Alert color="blue" variant="light" title={t('services.subsidy.estimateTitle')}>
                <Text size="sm">{t('services.subsidy.estimateBody')}</Text>
              </Alert>
            </Stack>
          </Grid.Col>
        </Grid>
        <Conditions conditions={estimate.data?.conditions} scheme={estimate.data?.scheme} />
        <Card withBorder padding="lg" radius="md" mt="xl">
          <Group justify="space-between" wrap="wrap" gap="md">
            <Box style={{ flex: '1 1 320px' }}>
              <Title order={2} size="h4">
                {t('services.subsidy.findTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('services.subsidy.findBody')}
              </Text>
            </Box>
            <Button component={Link} to="/services" rightSection={<IconArrowRight size={14} />}>
              {t('services.subsidy.findButton')}
            </Button>
          </Group>
        </Card>
      </Container>
    </>
  );
}

function ResultCard({ e, stale }: { e: Estimate; stale: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const own = Math.max(0, e.eligibleCost - e.subsidy);
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      shadow="sm"
      component="section"
      aria-labelledby="subsidy-result-title"
      style={{
        opacity: stale ? 0.7 : 1,
        borderTop: `4px solid var(--mantine-color-${e.eligible ? 'teal' : 'orange'}-6)`,
      }}
    >
      <Title order={2} size="h4" id="subsidy-result-title">
        {t('services.subsidy.resultTitle')}
      </Title>
      {e.eligible ? (
        <>
          <Text size="sm" c="dimmed" mt="xs">
            {t('services.subsidy.subsidy')}
          </Text>
          <Text fz={{ base: 34, sm: 40 }} fw={800} c="teal.8" lh={1.2} data-testid="subsidy-amount">
            {yen(e.subsidy, lang)}
          </Text>
          {e.subsidy >= e.maxSubsidy ? (
            <Text size="sm" c="orange.8">
              {t('services.subsidy.capped')}
            </Text>
          ) : null}
        </>
      ) : (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlert />}
          mt="sm"
          title={t('services.subsidy.notEligible')}
        >
          {e.reason}
        </Alert>
      )}
      <SimpleGrid cols={2} spacing="sm" mt="md">
        <Figure label={t('services.subsidy.eligibleCost')} value={yen(e.eligibleCost, lang)} />
        <Figure label={t('services.subsidy.rate')} value={e.rateLabel} />
        {e.eligible ? <Figure label={t('services.subsidy.ownShare')} value={yen(own, lang)} /> : null}
        <Figure
          label={t('services.subsidy.range')}
          value={t('services.subsidy.rangeValue', {
            min: yen(e.minSubsidy, lang),
            max: yen(e.maxSubsidy, lang),
          })}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        {t('services.subsidy.taxNote')}
      </Text>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Box
      p="xs"
      style={{ background: 'var(--mantine-color-gray-0)', borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
    </Box>
  );
}

function Conditions({
  conditions,
  scheme,
}: {
  conditions: string[] | undefined;
  scheme: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      mt="xl"
      component="section"
      aria-labelledby="subsidy-cond-title"
    >
      <Title order={2} size="h4" id="subsidy-cond-title">
        {t('services.subsidy.conditionsTitle')}
      </Title>
      {scheme ? (
        <Text size="sm" c="dimmed" mb="md">
          {scheme}
        </Text>
      ) : null}
      {conditions ? (
        <List
          spacing="xs"
          icon={
            <ThemeIcon size={22} radius="xl" color="teal" variant="light">
              <IconCheck size={14} />
            </ThemeIcon>
          }
        >
          {conditions.map((c) => (
            <List.Item key={c}>
              <Text size="sm">{c}</Text>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          {t('services.subsidy.conditionsLater')}
        </Text>
      )}
      <DeclarationHint />
    </Card>
  );
}

function DeclarationHint() {
  const { t } = useTranslation();
  const me = useMe();
  const org = activeOrg(me.data);
  return (
    <Text size="sm" mt="md">
      {t('services.subsidy.declarationHint')}{' '}
      {org?.kind === 'sme' ? (
        <Anchor component={Link} to={`/orgs/${org.id}/declaration`}>
          {t('services.subsidy.declarationLink')}
        </Anchor>
      ) : me.data ? null : (
        <Anchor component={Link} to="/sign-up">
          {t('services.subsidy.declarationSignUp')}
        </Anchor>
      )}
    </Text>
  );
}

import { BarChart } from '@mantine/charts';
import {
  Alert,
  Box,
  Card,
  Grid,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  useMatches,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatNumber } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { INDUSTRIES, refLabel } from '../../../../web/src/reference.ts';
import { BAND_COLORS, type BandId, useDiagnosisStats } from './diagnosis-api.ts';

const BANDS: BandId[] = ['complete', 'mostly', 'insufficient', 'urgent'];

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="lg">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={800} fz={32} lh={1.3}>
        {value}
      </Text>
    </Card>
  );
}

/** Operator statistics: how many organisations took the diagnosis, by industry and band, weakest items. */
export function AdminDiagnosisStatsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const narrow = useMatches({ base: true, sm: false });
  const stats = useDiagnosisStats();
  if (stats.isPending) return <PageLoader />;
  if (stats.isError)
    return (
      <>
        <PageHeader title={t('diagnosis.admin.title')} />
        <ErrorAlert error={stats.error} />
      </>
    );
  const s = stats.data;
  const orgs = s.byIndustry.reduce((a, r) => a + r.orgs, 0);
  const average = orgs ? s.byIndustry.reduce((a, r) => a + r.orgs * r.average, 0) / orgs : 0;
  const industryData = s.byIndustry.map((r) => ({
    industry: narrow ? r.industry : refLabel(INDUSTRIES, r.industry, lang),
    average: Math.round(r.average * 10) / 10,
  }));
  const bandCount = (b: BandId) => s.byBand.find((x) => x.band === b)?.orgs ?? 0;
  const bandTotal = BANDS.reduce((a, b) => a + bandCount(b), 0);
  const pct = (n: number, of: number) => (of ? Math.round((n / of) * 100) : 0);

  return (
    <>
      <PageHeader title={t('diagnosis.admin.title')} description={t('diagnosis.admin.lead')} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="lg">
          <Figure label={t('diagnosis.admin.diagnoses')} value={formatNumber(s.diagnoses, lang)} />
          <Figure label={t('diagnosis.admin.organizations')} value={formatNumber(s.organizations, lang)} />
          <Figure
            label={t('diagnosis.admin.average')}
            value={orgs ? t('diagnosis.result.pointsValue', { value: average.toFixed(1) }) : '—'}
          />
        </SimpleGrid>
        {s.organizations === 0 ? <Alert color="gray">{t('diagnosis.admin.empty')}</Alert> : null}
        <Card withBorder padding="lg" component="section" aria-labelledby="diag-admin-industry">
          <Title order={2} size="h4" id="diag-admin-industry" mb="xs">
            {t('diagnosis.admin.byIndustry')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('diagnosis.admin.byIndustryLead')}
          </Text>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('diagnosis.admin.industry')}</Table.Th>
                    <Table.Th ta="right">{t('diagnosis.admin.orgs')}</Table.Th>
                    <Table.Th ta="right">{t('diagnosis.admin.averageShort')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.byIndustry.map((r) => (
                    <Table.Tr key={r.industry}>
                      <Table.Td>
                        <Text size="sm">
                          {r.industry}　{refLabel(INDUSTRIES, r.industry, lang)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(r.orgs, lang)}</Table.Td>
                      <Table.Td ta="right">{r.average.toFixed(1)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              {industryData.length > 0 ? (
                <Box aria-hidden="true">
                  <BarChart
                    h={Math.max(160, industryData.length * 44 + 40)}
                    data={industryData}
                    dataKey="industry"
                    orientation="vertical"
                    series={[{ name: 'average', label: t('diagnosis.admin.averageShort'), color: 'brand.6' }]}
                    xAxisProps={{ domain: [0, 100] }}
                    yAxisProps={{ width: narrow ? 32 : 160, tick: { fontSize: 12 } }}
                    withBarValueLabel
                    valueFormatter={(v) => String(v)}
                    gridAxis="x"
                    maxBarWidth={24}
                  />
                </Box>
              ) : null}
            </Grid.Col>
          </Grid>
        </Card>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder padding="lg" h="100%" component="section" aria-labelledby="diag-admin-bands">
              <Title order={2} size="h4" id="diag-admin-bands" mb="md">
                {t('diagnosis.admin.byBand')}
              </Title>
              <Stack gap="md">
                {BANDS.map((b) => (
                  <Box key={b}>
                    <Text size="sm" mb={4}>
                      <Text span fw={700}>
                        {t(`diagnosis.bands.${b}`)}
                      </Text>
                      {'　'}
                      {t('diagnosis.admin.bandCount', {
                        count: bandCount(b),
                        pct: pct(bandCount(b), bandTotal),
                      })}
                    </Text>
                    <Progress
                      value={pct(bandCount(b), bandTotal)}
                      color={BAND_COLORS[b]}
                      size="lg"
                      aria-label={t(`diagnosis.bands.${b}`)}
                    />
                  </Box>
                ))}
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card withBorder padding="lg" h="100%" component="section" aria-labelledby="diag-admin-weak">
              <Title order={2} size="h4" id="diag-admin-weak" mb="xs">
                {t('diagnosis.admin.weakItems')}
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                {t('diagnosis.admin.weakLead')}
              </Text>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('diagnosis.admin.rank')}</Table.Th>
                    <Table.Th>{t('diagnosis.admin.item')}</Table.Th>
                    <Table.Th ta="right">{t('diagnosis.admin.weakOrgs')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.weakItems.map((w, i) => (
                    <Table.Tr key={w.no}>
                      <Table.Td>{i + 1}</Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {w.no}. {w.topic}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {t('diagnosis.admin.weakValue', { count: w.weak, pct: pct(w.weak, s.organizations) })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

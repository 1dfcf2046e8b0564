import { BarChart } from '@mantine/charts';
import { Alert, Box, Card, Grid, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatNumber } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { useLearningStats } from './learning-api.ts';

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

/** /admin/learning — completions per theme and the questions people miss most. */
export function AdminLearningStatsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const stats = useLearningStats();
  if (stats.isPending) return <PageLoader />;
  if (stats.isError)
    return (
      <>
        <PageHeader title={t('learning.admin.title')} />
        <ErrorAlert error={stats.error} />
      </>
    );
  const s = stats.data;
  const completions = s.themes.reduce((a, x) => a + x.completions, 0);
  const chart = s.themes.map((x, i) => ({ theme: `${i + 1}`, title: x.title, completions: x.completions }));
  return (
    <>
      <PageHeader title={t('learning.admin.title')} description={t('learning.admin.lead')} />
      <Box mb="lg">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="lg">
          <Figure label={t('learning.admin.attempts')} value={formatNumber(s.attempts, lang)} />
          <Figure label={t('learning.admin.completions')} value={formatNumber(completions, lang)} />
          <Figure label={t('learning.admin.themes')} value={formatNumber(s.themes.length, lang)} />
        </SimpleGrid>
      </Box>
      {s.attempts === 0 ? (
        <Alert color="gray" mb="lg">
          {t('learning.admin.empty')}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder padding="lg" component="section" aria-labelledby="learn-admin-themes" h="100%">
            <Title order={2} size="h4" id="learn-admin-themes" mb="xs">
              {t('learning.admin.byTheme')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('learning.admin.byThemeLead')}
            </Text>
            <Box aria-hidden="true" mb="md">
              <BarChart
                h={220}
                data={chart}
                dataKey="theme"
                series={[
                  { name: 'completions', label: t('learning.admin.completionsShort'), color: 'teal.6' },
                ]}
                tickLine="y"
                gridAxis="y"
                withTooltip
                tooltipProps={{
                  labelFormatter: (label: unknown) =>
                    chart.find((c) => c.theme === String(label))?.title ?? String(label),
                }}
                barProps={{ radius: [4, 4, 0, 0] }}
              />
            </Box>
            <Table.ScrollContainer minWidth={320}>
              <Table verticalSpacing={6} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={48}>{t('learning.admin.no')}</Table.Th>
                    <Table.Th>{t('learning.admin.theme')}</Table.Th>
                    <Table.Th ta="right">{t('learning.admin.completionsShort')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.themes.map((x, i) => (
                    <Table.Tr key={x.id}>
                      <Table.Td>{i + 1}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{x.title}</Text>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {t('learning.admin.peopleValue', { count: x.completions })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card withBorder padding="lg" component="section" aria-labelledby="learn-admin-missed" h="100%">
            <Title order={2} size="h4" id="learn-admin-missed" mb="xs">
              {t('learning.admin.mostMissed')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('learning.admin.mostMissedLead')}
            </Text>
            {s.mostMissed.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('learning.admin.noMissed')}
              </Text>
            ) : (
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>{t('learning.admin.rank')}</Table.Th>
                    <Table.Th>{t('learning.admin.question')}</Table.Th>
                    <Table.Th ta="right">{t('learning.admin.wrong')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.mostMissed.map((q, i) => (
                    <Table.Tr key={`${q.themeId}-${q.questionId}`}>
                      <Table.Td>{i + 1}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{q.question}</Text>
                        <Text size="xs" c="dimmed">
                          {q.themeTitle}（{q.questionId.toUpperCase()}）
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {t('learning.admin.timesValue', { count: q.wrong })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}

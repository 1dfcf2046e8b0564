import { BarChart } from '@mantine/charts';
import {
  Alert,
  Badge,
  Box,
  Card,
  Grid,
  Group,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
  useMatches,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconAlert, IconCheck, IconSearch } from '../../../../web/src/icons.tsx';
import {
  ANSWER_COLORS,
  type Answer,
  BAND_COLORS,
  POINTS,
  type ScoreResult,
  type WeakItem,
} from './diagnosis-api.ts';
import { pts } from './points.ts';

export function AnswerBadge({ answer, size = 'md' }: { answer: Answer; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge tt="none" color={ANSWER_COLORS[answer]} variant="light" size={size} style={{ flexShrink: 0 }}>
      {t(`diagnosis.answers.${answer}`)}
    </Badge>
  );
}

/** The big total with its band: what the score means and what to do next. */
export function TotalCard({ result, meta }: { result: ScoreResult; meta?: ReactNode }) {
  const { t } = useTranslation();
  const color = BAND_COLORS[result.band];
  return (
    <Card
      withBorder
      p={{ base: 'lg', sm: 'xl' }}
      className="diag-band-card"
      style={{ borderLeftColor: `var(--mantine-color-${color}-6)` }}
      bg={`${color}.0`}
      component="section"
      aria-labelledby="diag-band-title"
    >
      <Grid gap="xl" align="center">
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Stack gap={4}>
            <Text fw={700} size="sm" c="dimmed">
              {t('diagnosis.result.totalCaption')}
            </Text>
            <Title
              order={2}
              className="diag-total"
              aria-label={t('diagnosis.result.totalLabel', { total: result.total, max: result.max })}
              data-testid="diagnosis-total"
            >
              <span className="diag-total-number" style={{ color: `var(--mantine-color-${color}-8)` }}>
                {result.total}
              </span>
              <span className="diag-total-max">{t('diagnosis.result.outOf', { max: result.max })}</span>
            </Title>
            {meta}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <Stack gap="sm">
            <Group gap="sm" wrap="nowrap" align="center">
              <ThemeIcon color={color} radius="xl" size={36} variant="filled">
                {result.band === 'complete' || result.band === 'mostly' ? (
                  <IconCheck size={20} />
                ) : (
                  <IconAlert size={20} />
                )}
              </ThemeIcon>
              <Title order={3} size="h3" id="diag-band-title" c={`${color}.9`}>
                {result.bandInfo.title}
              </Title>
            </Group>
            <Text>{result.bandInfo.meaning}</Text>
            <Box
              p="md"
              bg="white"
              style={{
                borderRadius: 'var(--mantine-radius-md)',
                border: '1px solid var(--mantine-color-gray-3)',
              }}
            >
              <Text fw={700} size="sm" mb={4}>
                {t('diagnosis.result.nextStep')}
              </Text>
              <Text size="sm">{result.bandInfo.next}</Text>
            </Box>
          </Stack>
        </Grid.Col>
      </Grid>
    </Card>
  );
}

/** Part scores as a bar chart (score against the maximum) and the same numbers as a table. */
export function PartScores({ result }: { result: ScoreResult }) {
  const { t } = useTranslation();
  const narrow = useMatches({ base: true, sm: false });
  const color = BAND_COLORS[result.band];
  const data = result.parts.map((p) => ({ part: p.title, score: p.score, max: p.max }));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="diag-parts-title">
      <Title order={2} size="h4" id="diag-parts-title" mb="xs">
        {t('diagnosis.result.partsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('diagnosis.result.partsLead')}
      </Text>
      <Grid gap="lg" align="center">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Box aria-hidden="true">
            <BarChart
              h={narrow ? 180 : 200}
              data={data}
              dataKey="part"
              orientation="vertical"
              series={[
                { name: 'max', label: t('diagnosis.result.max'), color: 'gray.2' },
                { name: 'score', label: t('diagnosis.result.score'), color: `${color}.6` },
              ]}
              barChartProps={{ barGap: -26, margin: { right: 28 } }}
              valueFormatter={(v) => String(v)}
              withLegend
              legendProps={{ verticalAlign: 'bottom', height: 32 }}
              withBarValueLabel
              valueLabelProps={(s) =>
                s.name === 'max'
                  ? { position: 'right', fill: 'var(--mantine-color-dimmed)', fontSize: 12 }
                  : { position: 'insideRight', fill: 'white', fontSize: 13, fontWeight: 700 }
              }
              withTooltip={false}
              gridAxis="none"
              yAxisProps={{ width: narrow ? 96 : 150, tick: { fontSize: narrow ? 11 : 13 } }}
              xAxisProps={{ domain: [0, 'dataMax'] }}
              withXAxis={false}
              barProps={{ radius: 4 }}
              maxBarWidth={26}
              accessibilityLayer={false}
            />
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Table verticalSpacing="xs" striped={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('diagnosis.result.part')}</Table.Th>
                <Table.Th ta="right">{t('diagnosis.result.score')}</Table.Th>
                <Table.Th ta="right">{t('diagnosis.result.rate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.parts.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {p.title}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{t('diagnosis.result.scoreOf', { score: p.score, max: p.max })}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{Math.max(0, Math.round((p.score / p.max) * 100))}%</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Grid.Col>
      </Grid>
    </Card>
  );
}

function WeakItemCard({ item, action }: { item: WeakItem; action?: ReactNode }) {
  const { t } = useTranslation();
  const unknown = item.answer === 'unknown';
  return (
    <Card
      withBorder
      padding="lg"
      component="article"
      aria-labelledby={`diag-weak-${item.no}`}
      data-testid={`weak-item-${item.no}`}
    >
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Text size="xs" fw={700} c="dimmed">
            {t('diagnosis.questionNo', { no: item.no })}
          </Text>
          <Title order={3} size="h4" id={`diag-weak-${item.no}`}>
            {item.topic}
          </Title>
        </Stack>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed">
            {t('diagnosis.result.yourAnswer')}
          </Text>
          <AnswerBadge answer={item.answer} />
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('diagnosis.points', { count: POINTS[item.answer], points: pts(POINTS[item.answer]) })}
          </Text>
        </Group>
      </Group>
      <Stack gap="sm">
        <Box>
          <Text fw={700} size="sm" c={unknown ? 'gray.8' : 'red.8'}>
            {unknown ? t('diagnosis.result.whyCheck') : t('diagnosis.result.risk')}
          </Text>
          <Text size="sm">{item.advice}</Text>
        </Box>
        <Box>
          <Text fw={700} size="sm" mb={6}>
            {unknown ? t('diagnosis.result.checkThenDo') : t('diagnosis.result.actions')}
          </Text>
          <ul className="diag-checklist">
            {item.actions.map((a) => (
              <li key={a}>
                <span className="diag-checkbox" aria-hidden="true" />
                <Text size="sm" component="span">
                  {a}
                </Text>
              </li>
            ))}
          </ul>
        </Box>
        {action ? (
          <Group justify="flex-end" className="diag-no-print">
            {action}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** Weak items, worst first: "no" (0 points) before "partial" (2 points), then by number. */
function worstFirst(a: WeakItem, b: WeakItem): number {
  return POINTS[a.answer] - POINTS[b.answer] || a.no - b.no;
}

export function WeakItems({
  items,
  itemAction,
}: {
  items: WeakItem[];
  itemAction?: (item: WeakItem) => ReactNode;
}) {
  const { t } = useTranslation();
  const toImprove = items.filter((i) => i.answer !== 'unknown').sort(worstFirst);
  const toCheck = items.filter((i) => i.answer === 'unknown').sort((a, b) => a.no - b.no);
  return (
    <>
      <Box component="section" aria-labelledby="diag-improve-title">
        <Group justify="space-between" align="center" mb={4}>
          <Title order={2} size="h3" id="diag-improve-title">
            {t('diagnosis.result.improveTitle')}
          </Title>
          <Badge tt="none" color={toImprove.length ? 'orange' : 'teal'} variant="light" size="lg">
            {t('diagnosis.result.itemCount', { count: toImprove.length })}
          </Badge>
        </Group>
        <Text c="dimmed" size="sm" mb="md">
          {t('diagnosis.result.improveLead')}
        </Text>
        {toImprove.length === 0 ? (
          <Alert color="teal" variant="light" icon={<IconCheck />}>
            {t('diagnosis.result.improveNone')}
          </Alert>
        ) : (
          <Stack gap="md">
            {toImprove.map((item) => (
              <WeakItemCard key={item.no} item={item} action={itemAction?.(item)} />
            ))}
          </Stack>
        )}
      </Box>
      {toCheck.length > 0 ? (
        <Box component="section" aria-labelledby="diag-check-title">
          <Group justify="space-between" align="center" mb={4}>
            <Title order={2} size="h3" id="diag-check-title">
              {t('diagnosis.result.checkTitle')}
            </Title>
            <Badge tt="none" color="gray" variant="light" size="lg">
              {t('diagnosis.result.itemCount', { count: toCheck.length })}
            </Badge>
          </Group>
          <Group gap="xs" mb="md" wrap="nowrap" align="flex-start">
            <IconSearch size={18} style={{ flexShrink: 0, marginTop: 3 }} />
            <Text c="dimmed" size="sm">
              {t('diagnosis.result.checkLead')}
            </Text>
          </Group>
          <Stack gap="md">
            {toCheck.map((item) => (
              <WeakItemCard key={item.no} item={item} action={itemAction?.(item)} />
            ))}
          </Stack>
        </Box>
      ) : null}
    </>
  );
}

/**
 * A diagnosis result, for a visitor's unsaved answers and for a saved diagnosis alike.
 * `heading` names whose result it is (company, date) and is printed; `afterSummary` goes between
 * the scores and the weak items (save call, comparison).
 */
export function ResultView(props: {
  result: ScoreResult;
  heading?: ReactNode;
  meta?: ReactNode;
  afterSummary?: ReactNode;
  itemAction?: (item: WeakItem) => ReactNode;
}) {
  return (
    <Stack gap="xl" className="diag-printable">
      {props.heading}
      <Stack gap="lg">
        <TotalCard result={props.result} meta={props.meta} />
        <PartScores result={props.result} />
      </Stack>
      {props.afterSummary}
      <WeakItems items={props.result.weakItems} itemAction={props.itemAction} />
    </Stack>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert, PageLoader, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { formatDate, formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconArrowRight, IconFileText, IconPlus } from '../../../../web/src/icons.tsx';
import { useMe } from '../../../../web/src/me.ts';
import { EMPLOYEE_BANDS, INDUSTRIES, refLabel } from '../../../../web/src/reference.ts';
import {
  type Answer,
  type Comparison,
  canEditDiagnosis,
  POINTS,
  pdfUrl,
  useComparison,
  useDiagnoses,
  useDiagnosis,
  useTasks,
  type WeakItem,
} from './diagnosis-api.ts';
import { emptyDraft, ImprovementPlan, type TaskDraft, TaskFormModal, useTopics } from './ImprovementPlan.tsx';
import { signed } from './points.ts';
import { AnswerBadge, ResultView } from './ResultView.tsx';

function FromTo({ from, to }: { from: Answer; to: Answer }) {
  const up = POINTS[to] > POINTS[from];
  return (
    <Group gap={6} wrap="nowrap">
      <AnswerBadge answer={from} size="sm" />
      <Text span c={up ? 'teal.8' : 'red.8'} fw={800} aria-hidden="true">
        →
      </Text>
      <AnswerBadge answer={to} size="sm" />
    </Group>
  );
}

function Change({ from, to }: { from: Answer; to: Answer }) {
  const { t } = useTranslation();
  const diff = POINTS[to] - POINTS[from];
  const up = diff > 0;
  return (
    <Text size="sm" fw={700} c={up ? 'teal.8' : 'red.8'} style={{ whiteSpace: 'nowrap' }}>
      <span aria-hidden="true">{up ? '↑ ' : '↓ '}</span>
      {up ? t('diagnosis.compare.better') : t('diagnosis.compare.worse')}（
      {t('diagnosis.compare.delta', { delta: signed(diff) })}）
    </Text>
  );
}

function PreviousCard({ comparison, total }: { comparison: Comparison; total: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const topic = useTopics();
  const prev = comparison.previous;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="diag-prev-title">
      <Title order={2} size="h4" id="diag-prev-title" mb="sm">
        {t('diagnosis.compare.previousTitle')}
      </Title>
      {!prev ? (
        <Text size="sm" c="dimmed">
          {t('diagnosis.compare.firstTime')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Group gap="md" align="baseline" wrap="wrap">
            <Text size="sm" c="dimmed">
              {t('diagnosis.compare.previousLine', {
                date: formatDate(prev.createdAt, lang),
                before: prev.total,
                now: total,
              })}
            </Text>
            <Badge
              tt="none"
              size="xl"
              variant="light"
              color={prev.delta > 0 ? 'teal' : prev.delta < 0 ? 'red' : 'gray'}
              data-testid="diagnosis-delta"
            >
              {t('diagnosis.compare.delta', { delta: signed(prev.delta) })}
            </Badge>
          </Group>
          {prev.changedItems.length === 0 ? (
            <Text size="sm">{t('diagnosis.compare.noChanges')}</Text>
          ) : (
            <>
              <Box visibleFrom="sm">
                <Table verticalSpacing={8} aria-labelledby="diag-prev-title">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('diagnosis.compare.item')}</Table.Th>
                      <Table.Th>{t('diagnosis.compare.fromTo')}</Table.Th>
                      <Table.Th>{t('diagnosis.compare.change')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {prev.changedItems.map((c) => (
                      <Table.Tr key={c.no}>
                        <Table.Td>
                          <Text size="sm">
                            <Text span fw={700}>
                              {c.no}.
                            </Text>{' '}
                            {topic(c.no)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <FromTo from={c.from} to={c.to} />
                        </Table.Td>
                        <Table.Td>
                          <Change from={c.from} to={c.to} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Box>
              <Stack gap={0} hiddenFrom="sm">
                {prev.changedItems.map((c) => (
                  <Box key={c.no} py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                      <Text size="sm">
                        <Text span fw={700}>
                          {c.no}.
                        </Text>{' '}
                        {topic(c.no)}
                      </Text>
                      <Change from={c.from} to={c.to} />
                    </Group>
                    <Box mt={4}>
                      <FromTo from={c.from} to={c.to} />
                    </Box>
                  </Box>
                ))}
              </Stack>
            </>
          )}
        </Stack>
      )}
    </Card>
  );
}

function PeersCard({ comparison, total }: { comparison: Comparison; total: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const peers = comparison.peers;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="diag-peers-title">
      <Title order={2} size="h4" id="diag-peers-title" mb="sm">
        {t('diagnosis.compare.peersTitle')}
      </Title>
      {!peers ? (
        <Text size="sm" c="dimmed" data-testid="diagnosis-peers">
          {t('diagnosis.compare.notEnough', { count: comparison.peerCount, min: comparison.peerMinimum })}
        </Text>
      ) : (
        <Stack gap="sm" data-testid="diagnosis-peers">
          <Text size="sm" c="dimmed">
            {t('diagnosis.compare.group', {
              industry: refLabel(INDUSTRIES, peers.industry, lang),
              employees: refLabel(EMPLOYEE_BANDS, peers.employees, lang),
            })}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
            <Box>
              <Text size="xs" c="dimmed">
                {t('diagnosis.compare.yourScore')}
              </Text>
              <Text fw={800} fz={28} lh={1.3}>
                {t('diagnosis.result.pointsValue', { value: total })}
              </Text>
            </Box>
            <Box>
              <Text size="xs" c="dimmed">
                {t('diagnosis.compare.average', { count: peers.count })}
              </Text>
              <Text fw={800} fz={28} lh={1.3}>
                {t('diagnosis.result.pointsValue', { value: peers.average })}
              </Text>
            </Box>
            <Box>
              <Text size="xs" c="dimmed">
                {t('diagnosis.compare.position')}
              </Text>
              <Text fw={800} fz={28} lh={1.3}>
                {t('diagnosis.compare.positionValue', { percentile: peers.percentile })}
              </Text>
            </Box>
          </SimpleGrid>
          <Text size="sm">
            {t('diagnosis.compare.percentile', { count: peers.count, percentile: peers.percentile })}
            {total > peers.average
              ? t('diagnosis.compare.aboveAverage')
              : total < peers.average
                ? t('diagnosis.compare.belowAverage')
                : t('diagnosis.compare.atAverage')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('diagnosis.compare.anonymous')}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

/** A saved diagnosis: the result, the change since last time, peers, and adding weak items to the plan. */
export function SavedDiagnosisPage() {
  const { orgId, id } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const diagnosis = useDiagnosis(orgId, id);
  const comparison = useComparison(orgId, id);
  const list = useDiagnoses(orgId);
  const tasks = useTasks(orgId);
  const [adding, setAdding] = useState<TaskDraft | null>(null);
  const org = me.data?.orgs.find((o) => o.id === orgId);
  const edit = canEditDiagnosis(org?.role);
  useDocumentTitle(
    diagnosis.data
      ? t('diagnosis.saved.docTitle', { date: formatDate(diagnosis.data.createdAt, lang) })
      : t('diagnosis.result.title'),
  );

  if (diagnosis.isPending) return <PageLoader />;
  if (diagnosis.isError || !orgId || !id) return <ErrorAlert error={diagnosis.error} />;
  const d = diagnosis.data;
  const by = list.data?.items.find((x) => x.id === d.id)?.createdByName;
  const planned = (no: number) => (tasks.data?.items ?? []).filter((x) => x.itemNo === no).length;

  const itemAction = edit
    ? (item: WeakItem) => {
        const n = planned(item.no);
        return (
          <>
            {n > 0 ? (
              <Badge tt="none" variant="light" color="teal">
                {t('diagnosis.saved.planned', { count: n })}
              </Badge>
            ) : null}
            <Button
              size="sm"
              variant={n > 0 ? 'default' : 'light'}
              leftSection={<IconPlus size={16} />}
              onClick={() => setAdding(emptyDraft(item.no, item.actions[0] ?? item.topic))}
              aria-label={t('diagnosis.saved.addToPlanFor', { no: item.no, topic: item.topic })}
            >
              {t('diagnosis.saved.addToPlan')}
            </Button>
          </>
        );
      }
    : undefined;

  return (
    <>
      <ResultView
        result={d}
        heading={
          <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
            <Stack gap={2} style={{ flex: '1 1 280px', minWidth: 0 }}>
              <Text size="sm" c="dimmed">
                {org?.name}
              </Text>
              <Title order={1} size="h2">
                {t('diagnosis.saved.title', { date: formatDate(d.createdAt, lang) })}
              </Title>
              <Text size="sm" c="dimmed">
                {by
                  ? t('diagnosis.saved.byLine', { date: formatDateTime(d.createdAt, lang), name: by })
                  : formatDateTime(d.createdAt, lang)}
              </Text>
            </Stack>
            <Group gap="sm" className="diag-no-print">
              <Button
                component="a"
                href={pdfUrl(orgId, d.id)}
                target="_blank"
                rel="noopener"
                leftSection={<IconFileText size={16} />}
              >
                {t('diagnosis.saved.pdf')}
              </Button>
              <Button variant="default" onClick={() => window.print()}>
                {t('diagnosis.print')}
              </Button>
            </Group>
          </Group>
        }
        afterSummary={
          comparison.isError ? (
            <ErrorAlert error={comparison.error} />
          ) : comparison.data ? (
            <Stack gap="lg">
              <PreviousCard comparison={comparison.data} total={d.total} />
              <PeersCard comparison={comparison.data} total={d.total} />
            </Stack>
          ) : null
        }
        itemAction={itemAction}
      />
      <Stack gap="lg" mt="xl" className="diag-no-print">
        {edit ? <ImprovementPlan orgId={orgId} role={org?.role} /> : null}
        <Group>
          <Anchor component={Link} to={`/orgs/${orgId}/diagnosis`}>
            <Group gap={4} component="span">
              {t('diagnosis.saved.backToHome')}
              <IconArrowRight size={14} />
            </Group>
          </Anchor>
        </Group>
      </Stack>
      {!edit ? (
        <Alert color="gray" variant="light" mt="lg" className="diag-no-print">
          {t('diagnosis.saved.readOnly')}
        </Alert>
      ) : null}
      {edit ? (
        <TaskFormModal
          orgId={orgId}
          opened={adding !== null}
          onClose={() => setAdding(null)}
          initial={adding ?? emptyDraft()}
          fixedItem
        />
      ) : null}
    </>
  );
}

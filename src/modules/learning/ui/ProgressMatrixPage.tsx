import {
  Accordion,
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconMail } from '../../../../web/src/icons.tsx';
import { roleLabel } from '../../../../web/src/reference.ts';
import { type Matrix, type MatrixCell, useMatrix } from './learning-api.ts';

type CellState = 'done' | 'trying' | 'none';
const cellState = (c: MatrixCell | undefined): CellState =>
  c?.completedAt ? 'done' : c?.lastAttemptAt ? 'trying' : 'none';

/** /orgs/:orgId/learning/progress — members × themes, and a reminder to those who have not started. */
export function ProgressMatrixPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const matrix = useMatrix(orgId);
  const back = (
    <Anchor component={Link} to={`/orgs/${orgId}/learning`} size="sm" w="fit-content" mb="xs" display="block">
      ← {t('learning.lesson.backToList')}
    </Anchor>
  );
  const header = <PageHeader title={t('learning.matrix.title')} description={t('learning.matrix.lead')} />;
  if (matrix.isPending) return <PageLoader />;
  if (matrix.isError)
    return (
      <>
        {back}
        {header}
        <ErrorAlert error={matrix.error} />
      </>
    );
  const m = matrix.data;
  const notStarted = m.members.filter((x) => !x.started).length;
  const finishedAll = m.members.filter((x) => m.themes.length > 0 && x.completed >= m.themes.length).length;
  return (
    <>
      {back}
      {header}
      <Stack gap="lg">
        <SimpleGrid cols={3} spacing={{ base: 'xs', sm: 'md' }}>
          <Figure
            label={t('learning.matrix.members')}
            value={t('learning.matrix.people', { count: m.members.length })}
          />
          <Figure
            label={t('learning.matrix.notStarted')}
            value={t('learning.matrix.people', { count: notStarted })}
          />
          <Figure
            label={t('learning.matrix.finishedAll')}
            value={t('learning.matrix.people', { count: finishedAll })}
          />
        </SimpleGrid>
        <Reminder orgId={orgId} notStarted={notStarted} />
        <MatrixTable matrix={m} />
        <Accordion variant="contained" radius="md" bg="white">
          <Accordion.Item value="themes">
            <Accordion.Control>{t('learning.matrix.themeIndex')}</Accordion.Control>
            <Accordion.Panel>
              <Box component="ol" m={0} pl="lg">
                {m.themes.map((th) => (
                  <Text component="li" size="sm" key={th.id} value={th.item}>
                    {th.title}
                  </Text>
                ))}
              </Box>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm" px={{ base: 'xs', sm: 'md' }}>
      <Text fz={{ base: 'xs', sm: 'sm' }} c="dimmed" lh={1.4}>
        {label}
      </Text>
      <Text fw={800} fz={{ base: 20, sm: 26 }} lh={1.3}>
        {value}
      </Text>
    </Card>
  );
}

function Reminder({ orgId, notStarted }: { orgId: string; notStarted: number }) {
  const { t } = useTranslation();
  const remind = useMutation({
    mutationFn: () => api<{ sent: number }>(`/api/v1/orgs/${orgId}/learning/reminders`, { method: 'POST' }),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="learn-remind">
      <Group justify="space-between" gap="md" wrap="wrap" align="center">
        <Box style={{ flex: '1 1 280px' }}>
          <Text fw={700} id="learn-remind">
            {t('learning.matrix.remindTitle')}
          </Text>
          <Text size="sm" c="dimmed">
            {notStarted > 0
              ? t('learning.matrix.remindLead', { count: notStarted })
              : t('learning.matrix.everyoneStarted')}
          </Text>
        </Box>
        <Button
          leftSection={<IconMail size={18} />}
          onClick={() => remind.mutate()}
          loading={remind.isPending}
          disabled={notStarted === 0}
        >
          {t('learning.matrix.remind')}
        </Button>
      </Group>
      {remind.isSuccess ? (
        <Alert color="teal" variant="light" mt="md" role="status">
          {t('learning.matrix.sent', { count: remind.data.sent })}
        </Alert>
      ) : null}
      {remind.isError ? (
        <Box mt="md">
          <ErrorAlert error={remind.error} />
        </Box>
      ) : null}
    </Card>
  );
}

function MatrixTable({ matrix }: { matrix: Matrix }) {
  const { t } = useTranslation();
  const lang = useLang();
  const label: Record<CellState, string> = {
    done: t('learning.matrix.cellDone'),
    trying: t('learning.matrix.cellTrying'),
    none: t('learning.matrix.cellNone'),
  };
  return (
    <Card withBorder padding={0} component="section" aria-labelledby="learn-matrix-title">
      <Group justify="space-between" gap="sm" p="md" wrap="wrap">
        <Text fw={700} id="learn-matrix-title">
          {t('learning.matrix.tableTitle')}
        </Text>
        <Group gap="md" aria-hidden="true">
          <Text size="xs" c="dimmed">
            <span className="learn-cell-done">✓</span> {label.done}
          </Text>
          <Text size="xs" c="dimmed">
            <span className="learn-cell-trying">●</span> {label.trying}
          </Text>
          <Text size="xs" c="dimmed">
            <span className="learn-legend-none">　</span> {label.none}
          </Text>
        </Group>
      </Group>
      <Box
        className="learn-matrix-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('learning.matrix.scrollLabel')}
      >
        <Table className="learn-matrix" withRowBorders verticalSpacing={6} horizontalSpacing={0}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th className="learn-sticky" scope="col">
                {t('learning.matrix.member')}
              </Table.Th>
              <Table.Th className="learn-count" scope="col">
                {t('learning.matrix.completed')}
              </Table.Th>
              {matrix.themes.map((th) => (
                <Table.Th key={th.id} className="learn-cell" scope="col" title={th.title}>
                  <span aria-hidden="true">{th.item}</span>
                  <VisuallyHidden>{th.title}</VisuallyHidden>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {matrix.members.map((mem) => (
              <Table.Tr key={mem.userId}>
                <Table.Th className="learn-sticky" scope="row">
                  <Text size="sm" fw={600} lh={1.3} truncate>
                    {mem.name}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.3} truncate>
                    {roleLabel(mem.role, lang)}
                  </Text>
                </Table.Th>
                <Table.Td className="learn-count">
                  <Text size="sm" fw={700}>
                    {mem.completed}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      / {matrix.themes.length}
                    </Text>
                  </Text>
                </Table.Td>
                {matrix.themes.map((th) => {
                  const c = matrix.cells[mem.userId]?.[th.id];
                  const s = cellState(c);
                  const when = c?.completedAt ?? c?.lastAttemptAt;
                  return (
                    <Table.Td
                      key={th.id}
                      className={`learn-cell learn-cell-${s}`}
                      title={`${th.item}. ${th.title} — ${label[s]}${when ? ` (${formatDate(when, lang)})` : ''}`}
                    >
                      <span aria-hidden="true">{s === 'done' ? '✓' : s === 'trying' ? '●' : ''}</span>
                      <VisuallyHidden>{label[s]}</VisuallyHidden>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Card>
  );
}

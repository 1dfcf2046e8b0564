import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconPlus, IconTrash } from '../../../../web/src/icons.tsx';
import {
  type ClaimStatus,
  type CostItem,
  type DispatchStatus,
  type IncidentOption,
  type IncidentSummary,
  type Step,
  yen,
} from './onsite-api.ts';

const dispatchColor: Record<DispatchStatus, string> = {
  requested: 'orange',
  scheduled: 'blue',
  on_site: 'grape',
  work_done: 'yellow',
  confirmed: 'teal',
  cancelled: 'gray',
};
const claimColor: Record<ClaimStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  approved: 'teal',
  rejected: 'red',
  paid: 'green',
};

export function DispatchBadge({ status }: { status: DispatchStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={dispatchColor[status]} variant="light" size="lg" style={{ textTransform: 'none' }}>
      {t(`onsite.dispatchStatus.${status}`)}
    </Badge>
  );
}

export function ClaimBadge({ status }: { status: ClaimStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={claimColor[status]} variant="light" size="lg" style={{ textTransform: 'none' }}>
      {t(`onsite.claimStatus.${status}`)}
    </Badge>
  );
}

export function Section(props: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={props.title}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {props.title}
        </Title>
        {props.actions}
      </Group>
      {props.children}
    </Card>
  );
}

/** Label and value pairs; on a phone they stack. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
      {items.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value || '—'}</Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

export function CostTable(props: {
  items: (CostItem & { source?: string })[];
  totalLabel: string;
  empty?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  if (props.items.length === 0) return <Text c="dimmed">{props.empty ?? t('onsite.dispatch.noCosts')}</Text>;
  const total = props.items.reduce((a, c) => a + c.amountYen, 0);
  return (
    <Table striped={false} verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('onsite.dispatch.costLabel')}</Table.Th>
          <Table.Th ta="right">{t('onsite.dispatch.costAmount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.items.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: cost lines have no id and never reorder here
          <Table.Tr key={i}>
            <Table.Td>
              {c.label}
              {c.source === 'dispatch' ? (
                <Badge ml={6} size="xs" variant="outline" style={{ textTransform: 'none' }}>
                  {t('onsite.claim.fromDispatch')}
                </Badge>
              ) : null}
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {yen(c.amountYen, lang)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{props.totalLabel}</Table.Th>
          <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
            {yen(total, lang)}
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

export interface CostRow {
  label: string;
  amount: number | string;
  source?: string;
}

export const toRows = (items: (CostItem & { source?: string })[]): CostRow[] =>
  items.map((c) => ({ label: c.label, amount: c.amountYen, source: c.source }));

/** Cost lines as the API wants them; empty rows are dropped. */
export function fromRows(rows: CostRow[]): (CostItem & { source?: 'dispatch' | 'manual' })[] {
  return rows
    .filter((r) => r.label.trim() !== '' || r.amount !== '')
    .map((r) => ({
      label: r.label.trim(),
      amountYen: typeof r.amount === 'number' ? r.amount : Number(r.amount),
      ...(r.source ? { source: r.source === 'dispatch' ? 'dispatch' : 'manual' } : {}),
    }));
}

/** Whole yen only: the browser refuses fractions before the server has to. */
export function costRowErrors(rows: CostRow[], t: (k: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  rows.forEach((r, i) => {
    const blank = r.label.trim() === '' && r.amount === '';
    if (blank) return;
    if (r.label.trim() === '') errors[`${i}.label`] = t('onsite.fields.required');
    const n = typeof r.amount === 'number' ? r.amount : Number.NaN;
    if (!Number.isInteger(n) || n < 0) errors[`${i}.amountYen`] = t('onsite.fields.amount');
  });
  return errors;
}

export function CostEditor(props: {
  legend: string;
  rows: CostRow[];
  onChange: (rows: CostRow[]) => void;
  /** Messages by "<index>.<field>" (from the browser or the server). */
  errors: Record<string, string>;
  hint?: string;
  /** Lines shown above the editable ones (copied by the server), counted in the total. */
  fixed?: { node: ReactNode; yen: number };
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const set = (i: number, patch: Partial<CostRow>) =>
    props.onChange(props.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const total =
    (props.fixed?.yen ?? 0) +
    props.rows.reduce((a, r) => a + (typeof r.amount === 'number' ? r.amount : 0), 0);
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
      <Text component="legend" fw={600} size="sm" mb={4}>
        {props.legend}
      </Text>
      {props.hint ? (
        <Text size="xs" c="dimmed" mb={6}>
          {props.hint}
        </Text>
      ) : null}
      {props.fixed?.node}
      <Stack gap="xs">
        {props.rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
          <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
            <TextInput
              aria-label={`${props.legend} ${i + 1}: ${t('onsite.dispatch.costLabel')}`}
              placeholder={t('onsite.dispatch.costLabel')}
              value={r.label}
              onChange={(e) => set(i, { label: e.currentTarget.value })}
              error={props.errors[`${i}.label`]}
              style={{ flex: 1, minWidth: 0 }}
              rightSection={
                r.source === 'dispatch' ? (
                  <Badge size="xs" variant="outline" style={{ textTransform: 'none' }}>
                    {t('onsite.claim.fromDispatch')}
                  </Badge>
                ) : null
              }
              rightSectionWidth={r.source === 'dispatch' ? 96 : undefined}
            />
            <NumberInput
              aria-label={`${props.legend} ${i + 1}: ${t('onsite.dispatch.costAmount')}`}
              placeholder="0"
              value={r.amount}
              onChange={(v) => set(i, { amount: v })}
              error={props.errors[`${i}.amountYen`]}
              min={0}
              step={1000}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              suffix={lang === 'ja' ? ' 円' : undefined}
              prefix={lang === 'ja' ? undefined : '¥'}
              w={150}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={4}
              aria-label={`${t('onsite.actions.removeCost')} (${i + 1})`}
              onClick={() => props.onChange(props.rows.filter((_, j) => j !== i))}
            >
              <IconTrash />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus />}
            onClick={() => props.onChange([...props.rows, { label: '', amount: '' }])}
          >
            {t('onsite.actions.addCost')}
          </Button>
          <Text size="sm" fw={600}>
            {t('onsite.dispatch.total')}: {yen(total, lang)}
          </Text>
        </Group>
      </Stack>
    </fieldset>
  );
}

export function StepTimeline({ steps }: { steps: Step[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Timeline bulletSize={14} lineWidth={2} active={steps.length - 1}>
      {steps.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows at the end
        <Timeline.Item key={i} title={t(`onsite.steps.${s.kind}`, { defaultValue: s.kind })}>
          <Text size="xs" c="dimmed">
            {formatDateTime(s.at, lang)}
            {s.actorName ? ` ・ ${s.actorName}` : ''}
          </Text>
          {s.note ? (
            <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
              {s.note}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

export const incidentPath = (orgId: string, incidentId: string) =>
  `/orgs/${orgId}/monitoring/incidents/${incidentId}`;

export function IncidentFacts(props: {
  orgId: string;
  incident: IncidentSummary | null;
  incidentId: string | null;
  detected?: IncidentOption;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!props.incidentId) return <Text c="dimmed">{t('onsite.dispatch.noIncident')}</Text>;
  const i = props.incident;
  return (
    <Stack gap="sm">
      <Facts
        items={[
          [t('onsite.dispatch.detected'), props.detected?.summary ?? ''],
          [t('onsite.dispatch.device'), i?.entity ?? ''],
          [
            t('onsite.dispatch.severity'),
            i ? t(`onsite.severity.${i.severity}`, { defaultValue: String(i.severity) }) : '',
          ],
          [t('onsite.dispatch.firstSeen'), i ? formatDateTime(i.firstSeenAt, lang) : ''],
        ]}
      />
      <Anchor component={Link} to={incidentPath(props.orgId, props.incidentId)} size="sm">
        {t('onsite.dispatch.openIncident')}
      </Anchor>
    </Stack>
  );
}

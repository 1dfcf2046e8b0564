import {
  Alert,
  Anchor,
  Button,
  Collapse,
  Grid,
  Group,
  NumberInput,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import {
  type DispatchDetail,
  type DispatchStatus,
  dispatchesUrl,
  isoToLocal,
  localToIso,
  minutesText,
  onsiteKeys,
  useClaims,
  useDispatch,
  useIncidentOptions,
} from './onsite-api.ts';
import {
  ClaimBadge,
  CostEditor,
  type CostRow,
  CostTable,
  costRowErrors,
  DispatchBadge,
  Facts,
  fromRows,
  IncidentFacts,
  Section,
  StepTimeline,
} from './parts.tsx';

const FLOW: DispatchStatus[] = ['requested', 'scheduled', 'on_site', 'work_done', 'confirmed'];

export function DispatchPage() {
  const { orgId, dispatchId } = useParams();
  const { t } = useTranslation();
  const q = useDispatch(orgId, dispatchId);
  if (q.isPending) return <PageLoader />;
  if (q.isError)
    return (
      <>
        <PageHeader title={t('onsite.dispatch.title')} />
        <ErrorAlert error={q.error} />
      </>
    );
  return <DispatchView d={q.data} />;
}

function DispatchView({ d }: { d: DispatchDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const side = d.side;
  const incidents = useIncidentOptions(d.incidentId ? d.orgId : undefined);
  const detected = incidents.data?.find((i) => i.id === d.incidentId);
  const active = d.status === 'cancelled' ? -1 : FLOW.indexOf(d.status) + 1;
  const when = d.scheduledAt ? formatDateTime(d.scheduledAt, lang) : '';

  return (
    <>
      <PageHeader
        title={t('onsite.dispatch.title')}
        docTitle={`${t('onsite.dispatch.title')} — ${d.orgName}`}
        description={t('onsite.dispatch.for', { customer: d.orgName, provider: d.providerName })}
        actions={<DispatchBadge status={d.status} />}
      />
      <Stack gap="lg">
        {d.status !== 'cancelled' ? (
          // On a phone the badge and the guide below say the same; five steps do not fit a row.
          <Stepper
            visibleFrom="sm"
            active={active}
            size="sm"
            allowNextStepsSelect={false}
            aria-label={t('onsite.dispatch.history')}
          >
            {FLOW.map((s) => (
              <Stepper.Step key={s} label={t(`onsite.stepper.${s}`)} />
            ))}
          </Stepper>
        ) : null}
        <Alert
          color={d.status === 'work_done' && side === 'sme' ? 'yellow' : 'blue'}
          variant="light"
          role="status"
        >
          {t(`onsite.guide.${side}.${d.status}`, {
            when,
            engineer: d.engineerName ?? '',
          })}
        </Alert>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="lg">
              <Actions d={d} />
              <Section title={t('onsite.dispatch.details')}>
                <Facts
                  items={[
                    [t('onsite.dispatch.reason'), d.reason],
                    [t('onsite.dispatch.requestedAt'), formatDateTime(d.requestedAt, lang)],
                    [t('onsite.dispatch.site'), d.siteAddress],
                    [t('onsite.dispatch.contact'), [d.contactName, d.contactPhone].filter(Boolean).join(' ')],
                    [
                      t('onsite.dispatch.preferred'),
                      d.preferredAt ? formatDateTime(d.preferredAt, lang) : t('onsite.dispatch.asap'),
                    ],
                    [t('onsite.dispatch.engineer'), d.engineerName],
                    [t('onsite.dispatch.scheduledAt'), when],
                    [t('onsite.dispatch.arrivedAt'), d.arrivedAt ? formatDateTime(d.arrivedAt, lang) : ''],
                  ]}
                />
              </Section>
              {d.workSummary !== null ? (
                <Section title={t('onsite.dispatch.work')}>
                  <Stack gap="md">
                    <Text style={{ whiteSpace: 'pre-wrap' }}>{d.workSummary}</Text>
                    <Text size="sm">
                      {t('onsite.dispatch.workTime')}:{' '}
                      {d.workMinutes ? minutesText(d.workMinutes, lang) : '—'}
                    </Text>
                    <CostTable items={d.costs} totalLabel={t('onsite.dispatch.total')} />
                  </Stack>
                </Section>
              ) : null}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <Section title={t('onsite.dispatch.incident')}>
                <IncidentFacts
                  orgId={d.orgId}
                  incident={d.incident}
                  incidentId={d.incidentId}
                  detected={detected}
                />
              </Section>
              {d.incidentId ? <DispatchClaims d={d} /> : null}
              <Section title={t('onsite.dispatch.history')}>
                <StepTimeline steps={d.steps} />
              </Section>
              <Anchor component={Link} to={`/orgs/${d.orgId}/onsite`} size="sm">
                {t('onsite.dispatch.back')}
              </Anchor>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

/** Claims already made from this dispatch, and the button to make one. */
function DispatchClaims({ d }: { d: DispatchDetail }) {
  const { t } = useTranslation();
  const claims = useClaims(d.orgId, { page: 1 });
  const mine = (claims.data?.items ?? []).filter((c) => c.dispatchId === d.id);
  if (!d.can.claim && mine.length === 0) return null;
  return (
    <Section title={t('onsite.dispatch.claims')}>
      <Stack gap="xs">
        {mine.map((c) => (
          <Group key={c.id} justify="space-between">
            <Anchor component={Link} to={`/orgs/${d.orgId}/onsite/claims/${c.id}`}>
              {c.insurer}
            </Anchor>
            <ClaimBadge status={c.status} />
          </Group>
        ))}
        {d.can.claim ? (
          <Button
            component={Link}
            to={`/orgs/${d.orgId}/onsite/claims/new?dispatch=${d.id}&incident=${d.incidentId}`}
            variant="light"
          >
            {t('onsite.dispatch.makeClaim')}
          </Button>
        ) : null}
      </Stack>
    </Section>
  );
}

function useStep(d: DispatchDetail) {
  const qc = useQueryClient();
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const run = async (name: string, body: unknown) => {
    setBusy(name);
    setError(null);
    setFields({});
    try {
      const next = await api<DispatchDetail>(`${dispatchesUrl(d.orgId)}/${d.id}/${name}`, {
        method: 'POST',
        body,
      });
      qc.setQueryData(onsiteKeys.dispatch(d.orgId, d.id), next);
      await qc.invalidateQueries({ queryKey: onsiteKeys.all });
      notifications.show({ color: 'teal', message: t('onsite.actions.done') });
      return true;
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { run, busy, error, fields, setFields };
}

function Actions({ d }: { d: DispatchDetail }) {
  const { t } = useTranslation();
  const step = useStep(d);
  const { can } = d;
  const any = can.schedule || can.arrive || can.recordWork || can.confirm || can.dispute || can.cancel;
  if (!any) return null;
  return (
    <Section title={t('onsite.actions.title')}>
      <Stack gap="lg">
        {step.error ? (
          <Alert color="red" role="alert">
            {step.error}
          </Alert>
        ) : null}
        {can.confirm ? <ConfirmForm step={step} /> : null}
        {can.arrive ? (
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              {t('onsite.actions.arrivedNow')}
            </Text>
            <Button loading={step.busy === 'arrive'} onClick={() => void step.run('arrive', {})}>
              {t('onsite.actions.arrive')}
            </Button>
          </Group>
        ) : null}
        {can.recordWork ? <WorkForm step={step} /> : null}
        {can.schedule ? <ScheduleForm d={d} step={step} /> : null}
        {can.cancel ? <CancelForm step={step} /> : null}
      </Stack>
    </Section>
  );
}

type StepApi = ReturnType<typeof useStep>;

function ScheduleForm({ d, step }: { d: DispatchDetail; step: StepApi }) {
  const { t } = useTranslation();
  const again = d.status === 'scheduled';
  const [open, setOpen] = useState(!again);
  const [engineer, setEngineer] = useState(d.engineerName ?? '');
  const [at, setAt] = useState(isoToLocal(d.scheduledAt ?? d.preferredAt));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!engineer.trim()) found.engineerName = t('onsite.fields.required');
    if (!localToIso(at)) found.scheduledAt = t('onsite.fields.required');
    setErrors(found);
    if (Object.keys(found).length) return;
    await step.run('schedule', {
      engineerName: engineer.trim(),
      scheduledAt: localToIso(at),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  const err = { ...step.fields, ...errors };
  return (
    <Stack gap="xs">
      {again ? (
        <Button variant="default" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {t('onsite.actions.reschedule')}
        </Button>
      ) : null}
      <Collapse expanded={open}>
        <form onSubmit={submit} noValidate aria-label={t('onsite.actions.schedule')}>
          <Stack gap="sm">
            <TextInput
              label={t('onsite.actions.engineerName')}
              value={engineer}
              onChange={(e) => setEngineer(e.currentTarget.value)}
              error={err.engineerName}
              required
              maxLength={100}
            />
            <TextInput
              label={t('onsite.actions.scheduledAt')}
              type="datetime-local"
              value={at}
              onChange={(e) => setAt(e.currentTarget.value)}
              error={err.scheduledAt}
              required
              maw={300}
            />
            <Textarea
              label={t('onsite.actions.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={1000}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={step.busy === 'schedule'}>
                {again ? t('onsite.actions.reschedule') : t('onsite.actions.schedule')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Collapse>
    </Stack>
  );
}

function WorkForm({ step }: { step: StepApi }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState('');
  const [hours, setHours] = useState<number | string>('');
  const [rows, setRows] = useState<CostRow[]>([{ label: '', amount: '' }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!summary.trim()) found.summary = t('onsite.fields.required');
    if (typeof hours !== 'number' || hours < 0.25) found.workMinutes = t('onsite.fields.hours');
    for (const [k, v] of Object.entries(costRowErrors(rows, t))) found[`costs.${k}`] = v;
    setErrors(found);
    if (Object.keys(found).length) return;
    await step.run('work', {
      summary: summary.trim(),
      workMinutes: Math.round((hours as number) * 60),
      costs: fromRows(rows).map(({ label, amountYen }) => ({ label, amountYen })),
    });
  };
  const err = { ...step.fields, ...errors };
  const costErrors = Object.fromEntries(
    Object.entries(err)
      .filter(([k]) => k.startsWith('costs.'))
      .map(([k, v]) => [k.slice('costs.'.length), v]),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('onsite.actions.recordWork')}>
      <Stack gap="sm">
        <Textarea
          label={t('onsite.actions.summary')}
          description={t('onsite.actions.summaryHint')}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={err.summary}
          required
          autosize
          minRows={3}
          maxLength={4000}
        />
        <NumberInput
          label={t('onsite.actions.hours')}
          description={t('onsite.actions.hoursHint')}
          value={hours}
          onChange={setHours}
          error={err.workMinutes}
          min={0.25}
          step={0.25}
          decimalScale={2}
          required
          maw={220}
        />
        <CostEditor legend={t('onsite.dispatch.costs')} rows={rows} onChange={setRows} errors={costErrors} />
        <Group justify="flex-end">
          <Button type="submit" loading={step.busy === 'work'}>
            {t('onsite.actions.recordWork')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ConfirmForm({ step }: { step: StepApi }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [disputing, setDisputing] = useState(false);
  const [problem, setProblem] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <Stack gap="sm">
      <Textarea
        label={t('onsite.actions.confirmComment')}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
      />
      <Group justify="space-between" wrap="wrap">
        <Button
          variant="default"
          color="gray"
          onClick={() => setDisputing((v) => !v)}
          aria-expanded={disputing}
        >
          {t('onsite.actions.dispute')}
        </Button>
        <Button
          color="teal"
          loading={step.busy === 'confirm'}
          onClick={() => void step.run('confirm', comment.trim() ? { comment: comment.trim() } : {})}
        >
          {t('onsite.actions.confirm')}
        </Button>
      </Group>
      <Collapse expanded={disputing}>
        <Stack gap="xs">
          <Textarea
            label={t('onsite.actions.disputeComment')}
            value={problem}
            onChange={(e) => setProblem(e.currentTarget.value)}
            error={error ?? step.fields.comment}
            required
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Group justify="flex-end">
            <Button
              color="orange"
              loading={step.busy === 'dispute'}
              onClick={() => {
                if (!problem.trim()) {
                  setError(t('onsite.fields.required'));
                  return;
                }
                setError(undefined);
                void step.run('dispute', { comment: problem.trim() });
              }}
            >
              {t('onsite.actions.disputeSend')}
            </Button>
          </Group>
        </Stack>
      </Collapse>
    </Stack>
  );
}

function CancelForm({ step }: { step: StepApi }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Button variant="subtle" color="red" onClick={() => setOpen((v) => !v)} aria-expanded={open}>
          {t('onsite.actions.cancel')}
        </Button>
      </Group>
      <Collapse expanded={open}>
        <Stack gap="xs">
          <TextInput
            label={t('onsite.actions.cancelReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error ?? step.fields.reason}
            required
            maxLength={1000}
          />
          <Group justify="flex-end">
            <Button
              color="red"
              loading={step.busy === 'cancel'}
              onClick={() => {
                if (!reason.trim()) {
                  setError(t('onsite.fields.required'));
                  return;
                }
                setError(undefined);
                void step.run('cancel', { reason: reason.trim() });
              }}
            >
              {t('onsite.actions.cancelSend')}
            </Button>
          </Group>
        </Stack>
      </Collapse>
    </Stack>
  );
}

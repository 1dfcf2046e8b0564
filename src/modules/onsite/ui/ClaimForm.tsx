import {
  Alert,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../../web/src/api.ts';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { type ClaimDetail, useDispatches, useIncidentOptions } from './onsite-api.ts';
import { CostEditor, type CostRow, CostTable, costRowErrors, fromRows, toRows } from './parts.tsx';

export interface ClaimFormValues {
  incidentId: string | null;
  dispatchId: string | null;
  useDispatchCosts: boolean;
  insurer: string;
  policyNumber: string;
  lossDate: string;
  covered: CostRow[];
  other: CostRow[];
  notes: string;
}

export function emptyClaim(incidentId: string | null, dispatchId: string | null): ClaimFormValues {
  return {
    incidentId,
    dispatchId,
    useDispatchCosts: Boolean(dispatchId),
    insurer: '',
    policyNumber: '',
    lossDate: '',
    covered: [],
    other: [],
    notes: '',
  };
}

export function claimToForm(c: ClaimDetail): ClaimFormValues {
  return {
    incidentId: c.incidentId,
    dispatchId: c.dispatchId,
    useDispatchCosts: false,
    insurer: c.insurer,
    policyNumber: c.policyNumber,
    lossDate: c.lossDate,
    covered: toRows(c.coveredItems),
    other: toRows(c.otherCosts),
    notes: c.notes ?? '',
  };
}

/** Server field paths (coveredItems.0.amountYen) as the editors' keys (0.amountYen). */
function under(prefix: string, errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith(`${prefix}.`))
      .map(([k, v]) => [k.slice(prefix.length + 1), v]),
  );
}

/**
 * The claim's facts and costs. New claims pick the incident and, optionally, the dispatch whose
 * costs the server copies in; an edited draft changes its lines directly.
 */
export function ClaimForm(props: {
  smeOrgId: string | null;
  mode: 'create' | 'edit';
  initial: ClaimFormValues;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [v, setV] = useState(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const incidents = useIncidentOptions(props.mode === 'create' ? (props.smeOrgId ?? undefined) : undefined);
  const dispatches = useDispatches(props.smeOrgId ?? undefined, { page: 1, pageSize: 100 });
  const usable = (dispatches.data?.items ?? []).filter(
    (d) =>
      (d.status === 'work_done' || d.status === 'confirmed') &&
      (!d.incidentId || !v.incidentId || d.incidentId === v.incidentId),
  );
  const chosen = usable.find((d) => d.id === v.dispatchId);
  const set = (patch: Partial<ClaimFormValues>) => setV((x) => ({ ...x, ...patch }));

  const incidentData = (incidents.data ?? []).map((i) => ({
    value: i.id,
    label: `${i.summary} ・ ${formatDateTime(i.lastSeenAt, lang)}`,
  }));
  if (v.incidentId && !incidentData.some((o) => o.value === v.incidentId)) {
    incidentData.unshift({ value: v.incidentId, label: v.incidentId });
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (props.mode === 'create' && !v.incidentId) found.incidentId = t('onsite.claim.incidentRequired');
    if (!v.insurer.trim()) found.insurer = t('onsite.fields.required');
    if (!v.policyNumber.trim()) found.policyNumber = t('onsite.fields.required');
    if (!v.lossDate) found.lossDate = t('onsite.fields.required');
    for (const [k, m] of Object.entries(costRowErrors(v.covered, t))) found[`coveredItems.${k}`] = m;
    for (const [k, m] of Object.entries(costRowErrors(v.other, t))) found[`otherCosts.${k}`] = m;
    setErrors(found);
    setError(null);
    if (Object.keys(found).length) return;
    const common = {
      insurer: v.insurer.trim(),
      policyNumber: v.policyNumber.trim(),
      lossDate: v.lossDate,
      coveredItems: fromRows(v.covered).map((c) => ({ ...c, source: c.source ?? 'manual' })),
      otherCosts: fromRows(v.other).map(({ label, amountYen }) => ({ label, amountYen })),
    };
    const body =
      props.mode === 'create'
        ? {
            ...common,
            incidentId: v.incidentId,
            ...(v.dispatchId ? { dispatchId: v.dispatchId, useDispatchCosts: v.useDispatchCosts } : {}),
            ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
          }
        : { ...common, dispatchId: v.dispatchId, notes: v.notes.trim() || null };
    setBusy(true);
    try {
      await props.onSubmit(body);
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fields);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        {props.mode === 'create' ? (
          <Select
            label={t('onsite.claim.incident')}
            data={incidentData}
            value={v.incidentId}
            onChange={(x) => set({ incidentId: x, dispatchId: null, useDispatchCosts: false })}
            error={errors.incidentId}
            required
            disabled={!props.smeOrgId}
          />
        ) : null}
        <Select
          label={t('onsite.claim.dispatch')}
          placeholder={t('onsite.claim.dispatchNone')}
          data={usable.map((d) => ({
            value: d.id,
            label: `${d.engineerName ?? ''} ・ ${formatDateTime(d.scheduledAt ?? d.requestedAt, lang)} ・ ${d.reason.slice(0, 30)}`,
          }))}
          value={v.dispatchId}
          onChange={(x) => set({ dispatchId: x, useDispatchCosts: Boolean(x) && props.mode === 'create' })}
          error={errors.dispatchId}
          clearable
          disabled={!props.smeOrgId}
        />
        {props.mode === 'create' && chosen ? (
          <Stack gap="xs">
            <Checkbox
              label={t('onsite.claim.useDispatchCosts')}
              checked={v.useDispatchCosts}
              onChange={(e) => set({ useDispatchCosts: e.currentTarget.checked })}
            />
          </Stack>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('onsite.claim.insurer')}
            value={v.insurer}
            onChange={(e) => set({ insurer: e.currentTarget.value })}
            error={errors.insurer}
            required
            maxLength={200}
          />
          <TextInput
            label={t('onsite.claim.policyNumber')}
            value={v.policyNumber}
            onChange={(e) => set({ policyNumber: e.currentTarget.value })}
            error={errors.policyNumber}
            required
            maxLength={100}
          />
        </SimpleGrid>
        <TextInput
          label={t('onsite.claim.lossDate')}
          type="date"
          value={v.lossDate}
          onChange={(e) => set({ lossDate: e.currentTarget.value })}
          error={errors.lossDate}
          required
          maw={220}
        />
        <CostEditor
          legend={t('onsite.claim.covered')}
          hint={t('onsite.claim.coveredHint')}
          rows={v.covered}
          onChange={(covered) => set({ covered })}
          errors={under('coveredItems', errors)}
          fixed={
            props.mode === 'create' && chosen && v.useDispatchCosts
              ? {
                  yen: chosen.totalYen,
                  node: (
                    <CostTable
                      items={chosen.costs.map((c) => ({ ...c, source: 'dispatch' }))}
                      totalLabel={t('onsite.claim.dispatchSubtotal')}
                    />
                  ),
                }
              : undefined
          }
        />
        <CostEditor
          legend={t('onsite.claim.other')}
          rows={v.other}
          onChange={(other) => set({ other })}
          errors={under('otherCosts', errors)}
        />
        <Textarea
          label={t('onsite.claim.notes')}
          value={v.notes}
          onChange={(e) => set({ notes: e.currentTarget.value })}
          error={errors.notes}
          autosize
          minRows={2}
          maxLength={4000}
        />
        <Group justify="flex-end">
          {props.onCancel ? (
            <Button variant="default" onClick={props.onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={busy}>
            {props.mode === 'create' ? t('onsite.claim.create') : t('onsite.claim.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  FileButton,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate, formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconFileText, IconTrash } from '../../../../web/src/icons.tsx';
import { useMe } from '../../../../web/src/me.ts';
import { ClaimForm, claimToForm, emptyClaim } from './ClaimForm.tsx';
import {
  type ClaimDetail,
  type ClaimStatus,
  claimsUrl,
  onsiteKeys,
  uploadFile,
  useClaim,
  useCustomers,
  useIncidentOptions,
  yen,
} from './onsite-api.ts';
import { ClaimBadge, CostTable, Facts, IncidentFacts, Section, StepTimeline } from './parts.tsx';

/** /orgs/:orgId/onsite/claims/new — the provider prepares a claim (orgId is the SME, or the provider with a customer picker). */
export function NewClaimPage() {
  const { orgId } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const mine = me.data?.orgs.find((o) => o.id === orgId);
  const pickCustomer = mine?.kind === 'provider';
  const customers = useCustomers(orgId, pickCustomer);
  const [customer, setCustomer] = useState<string | null>(params.get('customer'));
  if (me.isPending) return <PageLoader />;
  const target = pickCustomer ? customer : (orgId ?? null);
  return (
    <>
      <PageHeader title={t('onsite.claim.newTitle')} description={t('onsite.claim.lead')} />
      <Card withBorder padding="lg" maw={820}>
        <Stack gap="md">
          {pickCustomer ? (
            <Select
              label={t('onsite.claim.customer')}
              data={(customers.data?.items ?? []).map((c) => ({
                value: c.customerOrgId,
                label: c.customerName,
              }))}
              value={customer}
              onChange={setCustomer}
              required
              searchable
            />
          ) : null}
          <ClaimForm
            key={target ?? ''}
            smeOrgId={target}
            mode="create"
            initial={emptyClaim(params.get('incident'), params.get('dispatch'))}
            onSubmit={async (body) => {
              if (!target) return;
              const c = await api<ClaimDetail>(claimsUrl(target), { method: 'POST', body });
              await qc.invalidateQueries({ queryKey: onsiteKeys.all });
              await navigate(`/orgs/${target}/onsite/claims/${c.id}`);
            }}
          />
        </Stack>
      </Card>
    </>
  );
}

export function ClaimPage() {
  const { orgId, claimId } = useParams();
  const { t } = useTranslation();
  const q = useClaim(orgId, claimId);
  if (q.isPending) return <PageLoader />;
  if (q.isError)
    return (
      <>
        <PageHeader title={t('onsite.claim.title')} />
        <ErrorAlert error={q.error} />
      </>
    );
  return <ClaimView c={q.data} />;
}

function ClaimView({ c }: { c: ClaimDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const incidents = useIncidentOptions(c.orgId);
  const detected = incidents.data?.find((i) => i.id === c.incidentId);
  const pdf = (l: 'ja' | 'en') => `${claimsUrl(c.orgId)}/${c.id}/pdf?lang=${l}`;
  const refresh = async (next?: ClaimDetail) => {
    if (next) qc.setQueryData(onsiteKeys.claim(c.orgId, c.id), next);
    await qc.invalidateQueries({ queryKey: onsiteKeys.all });
  };

  return (
    <>
      <PageHeader
        title={t('onsite.claim.title')}
        docTitle={`${t('onsite.claim.title')} — ${c.orgName}`}
        description={`${c.orgName} ／ ${c.insurer}`}
        actions={<ClaimBadge status={c.status} />}
      />
      <Stack gap="lg">
        <Alert color={c.status === 'rejected' ? 'red' : 'blue'} variant="light" role="status">
          {c.side === 'provider'
            ? t(`onsite.claim.guide.${c.status}`)
            : t(`onsite.claim.guideSme.${c.status}`)}
        </Alert>
        <Group gap="sm">
          <Button component="a" href={pdf('ja')} leftSection={<IconFileText />} variant="light" download>
            {t('onsite.claim.pdf')}
          </Button>
          <Button component="a" href={pdf('en')} leftSection={<IconFileText />} variant="default" download>
            {t('onsite.claim.pdfEn')}
          </Button>
        </Group>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="lg">
              {c.can.moveTo.length > 0 ? <StatusActions c={c} onDone={refresh} /> : null}
              {editing ? (
                <Section title={t('onsite.claim.edit')}>
                  <ClaimForm
                    smeOrgId={c.orgId}
                    mode="edit"
                    initial={claimToForm(c)}
                    onCancel={() => setEditing(false)}
                    onSubmit={async (body) => {
                      const next = await api<ClaimDetail>(`${claimsUrl(c.orgId)}/${c.id}`, {
                        method: 'PATCH',
                        body,
                      });
                      await refresh(next);
                      setEditing(false);
                      notifications.show({ color: 'teal', message: t('onsite.actions.done') });
                    }}
                  />
                </Section>
              ) : (
                <>
                  <Section
                    title={t('onsite.claim.title')}
                    actions={
                      c.can.edit ? (
                        <Button size="xs" variant="light" onClick={() => setEditing(true)}>
                          {t('onsite.claim.edit')}
                        </Button>
                      ) : null
                    }
                  >
                    <Facts
                      items={[
                        [t('onsite.claim.customer'), c.orgName],
                        [t('onsite.claim.provider'), c.providerName],
                        [t('onsite.claim.insurer'), c.insurer],
                        [t('onsite.claim.policyNumber'), c.policyNumber],
                        [t('onsite.claim.lossDate'), formatDate(`${c.lossDate}T00:00:00+09:00`, lang)],
                        [
                          t('onsite.claim.submittedAt'),
                          c.submittedAt ? formatDateTime(c.submittedAt, lang) : '',
                        ],
                        [
                          t('onsite.claim.approvedAmount'),
                          c.approvedAmountYen !== null ? yen(c.approvedAmountYen, lang) : '',
                        ],
                        [t('onsite.claim.paidAt'), c.paidAt ? formatDateTime(c.paidAt, lang) : ''],
                      ]}
                    />
                    {c.notes ? (
                      <Text mt="md" style={{ whiteSpace: 'pre-wrap' }}>
                        {c.notes}
                      </Text>
                    ) : null}
                  </Section>
                  <Section title={t('onsite.claim.covered')}>
                    <CostTable items={c.coveredItems} totalLabel={t('onsite.claim.coveredTotal')} />
                  </Section>
                  <Section title={t('onsite.claim.other')}>
                    <CostTable items={c.otherCosts} totalLabel={t('onsite.claim.otherTotal')} />
                  </Section>
                </>
              )}
              <Evidence c={c} onDone={refresh} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              {c.side === 'sme' ? (
                <Alert color="gray" variant="light">
                  {t('onsite.claim.readOnly')}
                </Alert>
              ) : null}
              <Section title={t('onsite.dispatch.incident')}>
                <IncidentFacts
                  orgId={c.orgId}
                  incident={c.incident}
                  incidentId={c.incidentId}
                  detected={detected}
                />
              </Section>
              {c.dispatchId ? (
                <Anchor component={Link} to={`/orgs/${c.orgId}/onsite/dispatches/${c.dispatchId}`}>
                  {t('onsite.claim.openDispatch')}
                </Anchor>
              ) : null}
              <Section title={t('onsite.claim.history')}>
                <StepTimeline steps={c.steps} />
              </Section>
              <Anchor component={Link} to={`/orgs/${c.orgId}/onsite?tab=claims`} size="sm">
                {t('onsite.dispatch.back')}
              </Anchor>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

function StatusActions({ c, onDone }: { c: ClaimDetail; onDone: (next: ClaimDetail) => Promise<void> }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [approved, setApproved] = useState<number | string>(c.coveredTotalYen);
  const [busy, setBusy] = useState<ClaimStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const move = async (to: ClaimStatus) => {
    setBusy(to);
    setError(null);
    try {
      const next = await api<ClaimDetail>(`${claimsUrl(c.orgId)}/${c.id}/status`, {
        method: 'POST',
        body: {
          to,
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(to === 'approved' && typeof approved === 'number' ? { approvedAmountYen: approved } : {}),
        },
      });
      setNote('');
      await onDone(next);
      notifications.show({ color: 'teal', message: t('onsite.actions.done') });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Section title={t('onsite.actions.title')}>
      <Stack gap="sm">
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Textarea
          label={t('onsite.claim.moveNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {c.can.moveTo.includes('approved') ? (
          <NumberInput
            label={t('onsite.claim.approvedInput')}
            value={approved}
            onChange={setApproved}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            maw={240}
          />
        ) : null}
        <Group justify="flex-end" gap="sm">
          {c.can.moveTo.map((to) => (
            <Button
              key={to}
              color={to === 'rejected' ? 'red' : to === 'draft' ? 'gray' : undefined}
              variant={to === 'rejected' || to === 'draft' ? 'light' : 'filled'}
              loading={busy === to}
              onClick={() => void move(to)}
            >
              {t(`onsite.claim.move.${to}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Section>
  );
}

function Evidence({ c, onDone }: { c: ClaimDetail; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `${claimsUrl(c.orgId)}/${c.id}/attachments`;
  const add = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const a = await uploadFile(base, file);
      await onDone();
      notifications.show({ color: 'teal', message: t('onsite.claim.uploaded', { name: a.filename }) });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string) => {
    try {
      await api(`${base}/${id}`, { method: 'DELETE' });
      await onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Section
      title={t('onsite.claim.evidence')}
      actions={
        c.can.attach ? (
          <FileButton onChange={(f) => void add(f)} accept="application/pdf,image/png,image/jpeg,text/plain">
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={busy}>
                {t('onsite.claim.upload')}
              </Button>
            )}
          </FileButton>
        ) : null
      }
    >
      <Stack gap="xs">
        {c.can.attach ? (
          <Text size="xs" c="dimmed">
            {t('onsite.claim.evidenceHint')}
          </Text>
        ) : null}
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        {c.attachments.length === 0 ? <Text c="dimmed">{t('onsite.claim.noEvidence')}</Text> : null}
        {c.attachments.map((a) => (
          <Group key={a.id} justify="space-between" wrap="nowrap">
            <Anchor href={`${base}/${a.id}`} download={a.filename} style={{ overflowWrap: 'anywhere' }}>
              {a.filename}
            </Anchor>
            <Group gap={6} wrap="nowrap">
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {Math.max(1, Math.round(a.size / 1024)).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB')} KB
              </Text>
              {c.can.attach ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`${t('onsite.claim.remove')}: ${a.filename}`}
                  onClick={() => void remove(a.id)}
                >
                  <IconTrash />
                </ActionIcon>
              ) : null}
            </Group>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}

import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconAlert } from '../../../../web/src/icons.tsx';
import { useMe } from '../../../../web/src/me.ts';
import {
  type DispatchDetail,
  dispatchesUrl,
  localToIso,
  onsiteKeys,
  useCustomers,
  useIncidentOptions,
  useProviders,
} from './onsite-api.ts';

/** /orgs/:orgId/onsite/dispatches/new — the SME asks for an engineer, or the provider enters it for a customer. */
export function NewDispatchPage() {
  const { orgId } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  if (me.isPending) return <PageLoader />;
  const mine = me.data?.orgs.find((o) => o.id === orgId);
  const provider = mine?.kind === 'provider';
  return (
    <>
      <PageHeader
        title={provider ? t('onsite.request.titleProvider') : t('onsite.request.title')}
        description={provider ? t('onsite.request.leadProvider') : t('onsite.request.lead')}
      />
      <RequestForm
        orgId={orgId as string}
        provider={provider}
        initialCustomer={params.get('customer')}
        initialIncident={params.get('incident')}
      />
    </>
  );
}

function RequestForm(props: {
  orgId: string;
  provider: boolean;
  initialCustomer: string | null;
  initialIncident: string | null;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const customers = useCustomers(props.orgId, props.provider);
  const providers = useProviders(props.orgId, !props.provider);
  const [customer, setCustomer] = useState<string | null>(props.initialCustomer);
  const target = props.provider ? customer : props.orgId;
  const incidents = useIncidentOptions(target ?? undefined);
  const [providerOrgId, setProviderOrgId] = useState<string | null>(null);
  const [incident, setIncident] = useState<string | null>(props.initialIncident);
  const [reason, setReason] = useState('');
  const [site, setSite] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [preferred, setPreferred] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (props.provider && customers.isPending) return <PageLoader />;
  if (!props.provider && providers.isPending) return <PageLoader />;
  const providerList = providers.data?.items ?? [];
  if (!props.provider && providerList.length === 0) {
    return (
      <Alert color="yellow" icon={<IconAlert />} maw={760}>
        {t('onsite.request.noProvider')}
      </Alert>
    );
  }
  if (props.provider && (customers.data?.items.length ?? 0) === 0) {
    return (
      <Alert color="gray" maw={760}>
        {t('onsite.request.noCustomers')}
      </Alert>
    );
  }

  const incidentData = (incidents.data ?? []).map((i) => ({
    value: i.id,
    label: `${i.summary} ・ ${formatDateTime(i.lastSeenAt, lang)}`,
  }));
  if (incident && !incidentData.some((o) => o.value === incident)) {
    incidentData.unshift({ value: incident, label: incident });
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (props.provider && !customer) found.customer = t('onsite.fields.required');
    if (!reason.trim()) found.reason = t('onsite.fields.required');
    if (!props.provider && providerList.length > 1 && !providerOrgId)
      found.providerOrgId = t('onsite.fields.required');
    setErrors(found);
    setError(null);
    if (Object.keys(found).length > 0 || !target) return;
    setBusy(true);
    try {
      const d = await api<DispatchDetail>(dispatchesUrl(target), {
        method: 'POST',
        body: {
          reason: reason.trim(),
          ...(incident ? { incidentId: incident } : {}),
          ...(providerOrgId ? { providerOrgId } : {}),
          ...(site.trim() ? { siteAddress: site.trim() } : {}),
          ...(contactName.trim() ? { contactName: contactName.trim() } : {}),
          ...(contactPhone.trim() ? { contactPhone: contactPhone.trim() } : {}),
          ...(localToIso(preferred) ? { preferredAt: localToIso(preferred) } : {}),
        },
      });
      await qc.invalidateQueries({ queryKey: onsiteKeys.all });
      await navigate(`/orgs/${target}/onsite/dispatches/${d.id}`);
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fields);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="lg" maw={760}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          {props.provider ? (
            <Select
              label={t('onsite.request.customer')}
              data={(customers.data?.items ?? []).map((c) => ({
                value: c.customerOrgId,
                label: c.customerName,
              }))}
              value={customer}
              onChange={(v) => {
                setCustomer(v);
                setIncident(null);
              }}
              error={errors.customer}
              required
              searchable
            />
          ) : providerList.length > 1 ? (
            <Select
              label={t('onsite.request.provider')}
              data={providerList.map((p) => ({ value: p.providerOrgId, label: p.providerName }))}
              value={providerOrgId}
              onChange={setProviderOrgId}
              error={errors.providerOrgId}
              required
            />
          ) : null}
          <Select
            label={t('onsite.request.incident')}
            description={t('onsite.request.incidentHint')}
            placeholder={t('onsite.request.incidentNone')}
            data={incidentData}
            value={incident}
            onChange={setIncident}
            error={errors.incidentId}
            clearable
            disabled={!target}
          />
          <Textarea
            label={t('onsite.request.reason')}
            placeholder={t('onsite.request.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            required
            autosize
            minRows={3}
            maxLength={2000}
          />
          <TextInput
            label={t('onsite.request.site')}
            value={site}
            onChange={(e) => setSite(e.currentTarget.value)}
            error={errors.siteAddress}
            maxLength={300}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('onsite.request.contactName')}
              value={contactName}
              onChange={(e) => setContactName(e.currentTarget.value)}
              error={errors.contactName}
              maxLength={100}
            />
            <TextInput
              label={t('onsite.request.contactPhone')}
              type="tel"
              value={contactPhone}
              onChange={(e) => setContactPhone(e.currentTarget.value)}
              error={errors.contactPhone}
              maxLength={30}
            />
          </SimpleGrid>
          <TextInput
            label={t('onsite.request.preferredAt')}
            description={t('onsite.request.preferredHint')}
            type="datetime-local"
            value={preferred}
            onChange={(e) => setPreferred(e.currentTarget.value)}
            error={errors.preferredAt}
            maw={300}
          />
          {!props.provider ? (
            <Alert color="blue" variant="light">
              {t('onsite.request.before')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('onsite.request.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

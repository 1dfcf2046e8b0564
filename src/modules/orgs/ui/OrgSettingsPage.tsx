import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { useLang } from '../../../../web/src/i18n.ts';
import { canManage, ME_KEY } from '../../../../web/src/me.ts';
import { roleLabel } from '../../../../web/src/reference.ts';
import { OrgDetails } from './OrgDetails.tsx';
import {
  normaliseCorporateNumber,
  normaliseWebsite,
  OrgFields,
  type OrgFormErrors,
  type OrgFormValues,
  validateOrgForm,
} from './OrgFields.tsx';
import { type Org, orgKey, useOrg } from './org-api.ts';

function toForm(org: Org): OrgFormValues {
  return {
    name: org.name,
    corporateNumber: org.corporateNumber ?? '',
    prefecture: org.prefecture,
    industry: org.industry,
    employees: org.employees,
    website: org.website ?? '',
  };
}

export function OrgSettingsPage() {
  const { orgId } = useParams();
  const org = useOrg(orgId);
  const { t } = useTranslation();
  if (org.isPending) return <PageLoader />;
  if (org.isError)
    return (
      <>
        <PageHeader title={t('orgs.settings.title')} />
        <ErrorAlert error={org.error} />
      </>
    );
  return <SettingsForm key={org.data.id + org.dataUpdatedAt} org={org.data} />;
}

function SettingsForm({ org }: { org: Org }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const editable = canManage(org.role);
  const [values, setValues] = useState<OrgFormValues>(() => toForm(org));
  const [errors, setErrors] = useState<OrgFormErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateOrgForm(values, t);
    setErrors(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    const before = toForm(org);
    const body: Record<string, string | null> = {};
    const name = values.name.trim();
    if (name !== before.name) body.name = name;
    const cn = normaliseCorporateNumber(values.corporateNumber);
    if (cn !== before.corporateNumber) body.corporateNumber = cn || null;
    for (const k of ['prefecture', 'industry', 'employees'] as const)
      if (values[k] !== before[k]) body[k] = values[k];
    const site = normaliseWebsite(values.website);
    if (site !== before.website) body.website = site || null;
    if (Object.keys(body).length === 0) {
      notifications.show({ color: 'gray', message: t('orgs.settings.noChanges') });
      return;
    }
    setBusy(true);
    try {
      const updated = await api<Org>(`/api/v1/orgs/${org.id}`, { method: 'PATCH', body });
      qc.setQueryData(orgKey(org.id), updated);
      await qc.invalidateQueries({ queryKey: ME_KEY });
      notifications.show({ color: 'teal', message: t('orgs.settings.saved') });
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fields as OrgFormErrors);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('orgs.settings.title')}
        description={editable ? t('orgs.settings.lead') : t('orgs.settings.readOnlyLead')}
        actions={
          <Group gap={6}>
            <Badge variant="light">{t(`orgs.kinds.${org.kind}`)}</Badge>
            <Badge variant="outline" color="gray">
              {t('orgs.yourRole', { role: roleLabel(org.role, lang) })}
            </Badge>
          </Group>
        }
      />
      {editable ? (
        <Card withBorder padding="lg" maw={760}>
          <form onSubmit={submit} noValidate>
            <Stack gap="lg">
              {error ? (
                <Alert color="red" role="alert">
                  {error}
                </Alert>
              ) : null}
              <OrgFields values={values} onChange={setValues} errors={errors} />
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  {t('orgs.settings.kindFixed')}
                </Text>
                <Button type="submit" loading={busy}>
                  {t('common.saveChanges')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      ) : (
        <Card withBorder padding="lg" maw={760}>
          <Stack gap="lg">
            <OrgDetails org={org} withName />
            <Alert color="gray" variant="light">
              {t('orgs.settings.readOnlyNote')}
            </Alert>
          </Stack>
        </Card>
      )}
    </>
  );
}

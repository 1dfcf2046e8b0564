import { Alert, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { PageHeader } from '../../../../web/src/components/Page.tsx';
import { type OrgKind, refreshSession } from '../../../../web/src/me.ts';
import {
  emptyOrgForm,
  normaliseCorporateNumber,
  normaliseWebsite,
  OrgFields,
  type OrgFormErrors,
  type OrgFormValues,
  validateOrgForm,
} from './OrgFields.tsx';
import type { Org } from './org-api.ts';

export function NewOrgPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [kind, setKind] = useState<OrgKind>('sme');
  const [values, setValues] = useState<OrgFormValues>(emptyOrgForm);
  const [errors, setErrors] = useState<OrgFormErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateOrgForm(values, t);
    setErrors(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const corporateNumber = normaliseCorporateNumber(values.corporateNumber);
    const website = normaliseWebsite(values.website);
    try {
      const org = await api<Org>('/api/v1/orgs', {
        method: 'POST',
        body: {
          kind,
          name: values.name.trim(),
          prefecture: values.prefecture,
          industry: values.industry,
          employees: values.employees,
          ...(corporateNumber ? { corporateNumber } : {}),
          ...(website ? { website } : {}),
        },
      });
      try {
        await api(`/api/v1/orgs/${org.id}/activate`, { method: 'POST' });
      } catch {
        // the organisation exists; the switcher can still select it
      }
      await refreshSession(qc);
      notifications.show({ color: 'teal', message: t('orgs.new.created', { name: org.name }) });
      navigate('/dashboard');
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && Object.keys(err.fields).length > 0)
        setErrors(err.fields as OrgFormErrors);
      setError(errorMessage(err));
    }
  };

  return (
    <>
      <PageHeader title={t('orgs.new.title')} description={t('orgs.new.lead')} />
      <Card withBorder padding="lg" maw={760}>
        <form onSubmit={submit} noValidate>
          <Stack gap="lg">
            {error ? (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            ) : null}
            <Stack gap={6}>
              <Text fw={500} size="sm" id="org-kind-label">
                {t('orgs.fields.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="org-kind-label"
                value={kind}
                onChange={(v) => setKind(v === 'provider' ? 'provider' : 'sme')}
                data={[
                  { value: 'sme', label: t('orgs.kinds.sme') },
                  { value: 'provider', label: t('orgs.kinds.provider') },
                ]}
                fullWidth
                maw={480}
              />
              <Text size="xs" c="dimmed">
                {kind === 'sme' ? t('orgs.new.kindHintSme') : t('orgs.new.kindHintProvider')}
              </Text>
              {errors.kind ? (
                <Text size="xs" c="red">
                  {errors.kind}
                </Text>
              ) : null}
            </Stack>
            <OrgFields values={values} onChange={setValues} errors={errors} />
            <Group justify="flex-end">
              <Button component={Link} to="/dashboard" variant="default">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('orgs.new.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </>
  );
}

import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconDownload, IconExternal } from '../../../../web/src/icons.tsx';
import {
  caseKey,
  type FormId,
  isFormId,
  type ReportDraft,
  type ReportField,
  type ReportValues,
  reportUrl,
  useReport,
} from './guide-api.ts';

function Field(props: {
  field: ReportField;
  value: string | string[];
  onChange: (v: string | string[]) => void;
}) {
  const { t } = useTranslation();
  const { field: f, value, onChange } = props;
  const text = typeof value === 'string' ? value : '';
  switch (f.kind) {
    case 'textarea':
      return (
        <Textarea
          label={f.label}
          autosize
          minRows={3}
          maxLength={8000}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'date':
      return (
        <TextInput
          type="date"
          label={f.label}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'choice':
      return (
        <Select
          label={f.label}
          placeholder={t('guide.report.choose')}
          data={(f.options ?? []).map((o) => ({ value: o.value, label: o.label }))}
          value={text || null}
          onChange={(v) => onChange(v ?? '')}
          clearable
        />
      );
    case 'multi':
      return (
        <Checkbox.Group label={f.label} value={Array.isArray(value) ? value : []} onChange={onChange}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
            {(f.options ?? []).map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      );
    default:
      return (
        <TextInput
          label={f.label}
          maxLength={300}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}

/** Starts a download of the saved draft as a .txt file. */
function download(orgId: string, caseId: string, form: FormId) {
  const a = document.createElement('a');
  a.href = `${reportUrl(orgId, caseId, form)}/text`;
  a.download = `ipa-${form}-report-draft.txt`;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** /orgs/:orgId/help/guide/cases/:caseId/reports/:form — the IPA report draft, pre-filled and editable. */
export function ReportPage() {
  const { orgId = '', caseId = '', form = '' } = useParams();
  const { t } = useTranslation();
  if (!isFormId(form)) return <ErrorAlert error={t('guide.report.unknownForm')} />;
  return <ReportEditor orgId={orgId} caseId={caseId} form={form} key={`${caseId}-${form}`} />;
}

function ReportEditor({ orgId, caseId, form }: { orgId: string; caseId: string; form: FormId }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const draft = useReport(orgId, caseId, form);
  const [values, setValues] = useState<ReportValues | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (draft.data && values === null) {
      setValues(draft.data.values);
      setSavedAt(draft.data.savedAt);
    }
  }, [draft.data, values]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<ReportDraft>(reportUrl(orgId, caseId, form), { method: 'PUT', body: { values } });
      setSavedAt(r.savedAt);
      await qc.invalidateQueries({ queryKey: caseKey(orgId, caseId) });
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (draft.isPending || values === null)
    return draft.isError ? <ErrorAlert error={draft.error} /> : <PageLoader />;
  const d = draft.data;
  if (!d) return <ErrorAlert error={draft.error} />;

  return (
    <Stack gap="lg" maw={920}>
      <Anchor component={Link} to={`/orgs/${orgId}/help/guide/cases/${caseId}`} size="sm">
        ← {t('guide.report.back')}
      </Anchor>
      <PageHeader title={d.form.title} description={d.form.lead} />
      <Alert color="blue" variant="light" title={t('guide.report.neverSentTitle')}>
        <Stack gap={6}>
          <Text size="sm">{t('guide.report.neverSent')}</Text>
          {d.fromIncident ? <Text size="sm">{t('guide.report.fromIncident')}</Text> : null}
          <Text size="sm">{d.form.note}</Text>
        </Stack>
      </Alert>
      <ErrorAlert error={error} />
      {d.form.sections.map((s) => (
        <Card key={s.id} withBorder padding="lg" radius="md" component="section" aria-label={s.title}>
          <Title order={2} size="h4" mb="sm">
            {s.title}
          </Title>
          <Stack gap="md">
            {s.fields.map((f) => (
              <Field
                key={f.id}
                field={f}
                value={values[f.id] ?? (f.kind === 'multi' ? [] : '')}
                onChange={(v) => setValues({ ...values, [f.id]: v })}
              />
            ))}
          </Stack>
        </Card>
      ))}
      <Card withBorder padding="lg" radius="md" className="guide-report-actions">
        <Stack gap="sm">
          <Group gap="sm">
            <Button loading={busy} onClick={() => void save()}>
              {t('guide.report.save')}
            </Button>
            <Button
              variant="light"
              leftSection={<IconDownload size={18} />}
              loading={busy}
              onClick={async () => {
                if (await save()) download(orgId, caseId, form);
              }}
            >
              {t('guide.report.download')}
            </Button>
            <Button
              component="a"
              href={d.form.submitUrl}
              target="_blank"
              rel="noopener noreferrer"
              variant="default"
              leftSection={<IconExternal size={18} />}
            >
              {t('guide.report.openIpa')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" role="status">
            {savedAt
              ? t('guide.report.savedAt', { at: formatDateTime(savedAt, lang) })
              : t('guide.report.notSaved')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('guide.report.example')}{' '}
            <Anchor href={d.form.exampleUrl} target="_blank" rel="noopener noreferrer" size="xs">
              {d.form.exampleUrl}
            </Anchor>
          </Text>
        </Stack>
      </Card>
    </Stack>
  );
}

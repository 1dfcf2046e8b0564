import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Divider,
  Grid,
  Group,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconCheck, IconClipboardCheck } from '../../../../web/src/icons.tsx';
import { PolicyFieldInput, toRequestFields } from './PolicyFields.tsx';
import { PolicyPreview } from './PolicyPreview.tsx';
import {
  canWrite,
  type FieldValue,
  type PolicyDefaults,
  type PolicyDocument,
  type PolicyTemplate,
  policiesKey,
  useDefaults,
  useOrgRole,
  usePolicies,
  usePolicy,
  useTemplates,
} from './policy-api.ts';
import { VersionPanel } from './VersionPanel.tsx';

/** /orgs/:orgId/policies/new/:template and /orgs/:orgId/policies/:id — fill in, save, approve, publish. */
export function PolicyEditorPage() {
  const { orgId = '', id, template } = useParams();
  const { t } = useTranslation();
  const templates = useTemplates();
  const doc = usePolicy(orgId, id);
  const templateId = template ?? doc.data?.template;
  const defaults = useDefaults(orgId, templateId);
  const list = usePolicies(template ? orgId : undefined);

  const pending =
    templates.isPending ||
    defaults.isPending ||
    (id ? doc.isPending : false) ||
    (template ? list.isPending : false);
  if (pending) return <PageLoader />;
  // One document per template: "new" for a template that already has one opens that one.
  const existing = template ? list.data?.items.find((p) => p.template === template) : undefined;
  if (existing) return <Navigate to={`/orgs/${orgId}/policies/${existing.id}`} replace />;
  const error = templates.error ?? defaults.error ?? (id ? doc.error : null);
  const tpl = templates.data?.find((x) => x.id === templateId);
  if (error || !tpl || !defaults.data) {
    return (
      <>
        <PageHeader title={t('policy.editor.titleFallback')} />
        <ErrorAlert error={error ?? t('policy.editor.unknownTemplate')} />
        <Anchor component={Link} to={`/orgs/${orgId}/policies`} mt="md" display="inline-block">
          {t('policy.editor.back')}
        </Anchor>
      </>
    );
  }
  const current = id ? doc.data : undefined;
  return (
    <Editor
      key={current ? `${current.id}:${current.current.version}:${current.versions[0]?.updatedAt}` : 'new'}
      orgId={orgId}
      template={tpl}
      defaults={defaults.data}
      doc={current}
    />
  );
}

function initialValues(tpl: PolicyTemplate, defaults: PolicyDefaults, doc: PolicyDocument | undefined) {
  const source = doc ? doc.current.fields : defaults.fields;
  const values: Record<string, FieldValue> = {};
  for (const f of tpl.fields) {
    const v = source[f.id];
    values[f.id] = v === undefined ? (f.type === 'boolean' ? false : null) : v;
  }
  const sections: Record<string, boolean> = {};
  for (const s of tpl.sections.filter((x) => x.optional)) {
    sections[s.id] = doc?.current.sections[s.id] ?? defaults.sections[s.id] ?? false;
  }
  return { values, sections };
}

function Editor(props: {
  orgId: string;
  template: PolicyTemplate;
  defaults: PolicyDefaults;
  doc: PolicyDocument | undefined;
}) {
  const { orgId, template: tpl, defaults, doc } = props;
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const role = useOrgRole(orgId);
  const writable = canWrite(role);
  const [initial] = useState(() => initialValues(tpl, defaults, doc));
  const [values, setValues] = useState(initial.values);
  const [sections, setSections] = useState(initial.sections);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  const optional = tpl.sections.filter((s) => s.optional);
  const latest = doc?.versions[0];

  const save = useMutation({
    mutationFn: () => {
      const body = { fields: toRequestFields(tpl.fields, values), sections };
      return doc
        ? api<{ id: string; version: number; status: string }>(`/api/v1/orgs/${orgId}/policies/${doc.id}`, {
            method: 'PUT',
            body,
          })
        : api<{ id: string; version: number; status: string }>(`/api/v1/orgs/${orgId}/policies`, {
            method: 'POST',
            body: { template: tpl.id, ...body },
          });
    },
    onMutate: () => setErrors({}),
    onSuccess: async (res) => {
      setDirty(false);
      notifications.show({ color: 'teal', message: t('policy.editor.saved', { n: res.version }) });
      await qc.invalidateQueries({ queryKey: policiesKey(orgId) });
      if (!doc) navigate(`/orgs/${orgId}/policies/${res.id}`, { replace: true });
    },
    onError: (err) => {
      if (!(err instanceof ApiError)) return;
      setErrors(err.fields);
      // Take the user to the first field the server named.
      const first = tpl.fields.find((f) => err.fields[`fields.${f.id}`]);
      if (first) window.setTimeout(() => document.getElementById(`policy-field-${first.id}`)?.focus(), 0);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (writable) save.mutate();
  };

  const setValue = (fieldId: string, v: FieldValue) => {
    setValues((old) => ({ ...old, [fieldId]: v }));
    setDirty(true);
  };

  return (
    <>
      <PageHeader
        title={tpl.title}
        description={tpl.description}
        actions={
          <Button component={Link} to={`/orgs/${orgId}/policies`} variant="default">
            {t('policy.editor.back')}
          </Button>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card withBorder padding="lg" component="section" aria-labelledby="policy-form-title">
            <form onSubmit={submit} noValidate>
              <Stack gap="lg">
                <Group justify="space-between" align="center" wrap="wrap" gap="xs">
                  <Title order={2} size="h4" id="policy-form-title">
                    {t('policy.editor.formTitle')}
                  </Title>
                  {latest ? (
                    <Badge variant="light" color={latest.status === 'approved' ? 'teal' : 'yellow'}>
                      {latest.status === 'approved'
                        ? t('policy.status.approvedN', { n: latest.version })
                        : t('policy.status.draftN', { n: latest.version })}
                    </Badge>
                  ) : (
                    <Badge variant="light" color="gray">
                      {t('policy.status.notSaved')}
                    </Badge>
                  )}
                </Group>
                {!doc && defaults.basedOnDiagnosis ? (
                  <Alert color="teal" variant="light" icon={<IconClipboardCheck />}>
                    {t('policy.editor.basedOnDiagnosis', {
                      date: formatDate(defaults.basedOnDiagnosis, lang),
                    })}
                  </Alert>
                ) : null}
                {!doc && !defaults.basedOnDiagnosis ? (
                  <Alert color="gray" variant="light" icon={<IconClipboardCheck />}>
                    <Text size="sm">{t('policy.editor.noDiagnosis')}</Text>
                    <Anchor component={Link} to={`/orgs/${orgId}/diagnosis`} size="sm" fw={600}>
                      {t('policy.editor.doDiagnosis')}
                    </Anchor>
                  </Alert>
                ) : null}
                {latest?.status === 'approved' && writable ? (
                  <Alert color="brand" variant="light" icon={<IconCheck />}>
                    {t('policy.editor.approvedNote', { n: latest.version, next: latest.version + 1 })}
                  </Alert>
                ) : null}
                {!writable ? (
                  <Alert color="gray" variant="light">
                    {t('policy.editor.readOnly')}
                  </Alert>
                ) : null}
                {save.isError ? (
                  <Alert color="red" role="alert" title={t('policy.editor.saveFailed')}>
                    {errorMessage(save.error)}
                  </Alert>
                ) : null}
                <Stack gap="md">
                  {tpl.fields.map((f) => (
                    <PolicyFieldInput
                      key={f.id}
                      field={f}
                      value={values[f.id]}
                      onChange={(v) => setValue(f.id, v)}
                      error={errors[`fields.${f.id}`]}
                      readOnly={!writable}
                    />
                  ))}
                </Stack>
                {optional.length > 0 ? (
                  <>
                    <Divider />
                    <Stack gap="sm" component="fieldset" m={0} p={0} style={{ border: 0 }}>
                      <Title order={3} size="h5" component="legend" p={0} mb={4}>
                        {t('policy.editor.sectionsTitle')}
                      </Title>
                      <Text size="sm" c="dimmed">
                        {t('policy.editor.sectionsLead')}
                      </Text>
                      {optional.map((s) => (
                        <Card key={s.id} withBorder padding="sm" radius="md">
                          <Group justify="space-between" wrap="nowrap" gap="md">
                            <Text fw={600} id={`policy-section-${s.id}`} style={{ minWidth: 0 }}>
                              {s.heading}
                            </Text>
                            <Switch
                              label={t('policy.editor.includeSection')}
                              aria-label={t('policy.editor.includeSectionNamed', { heading: s.heading })}
                              checked={sections[s.id] ?? false}
                              onChange={(e) => {
                                const on = e.currentTarget.checked;
                                setSections((old) => ({ ...old, [s.id]: on }));
                                setDirty(true);
                              }}
                              disabled={!writable}
                              error={errors[`sections.${s.id}`]}
                              labelPosition="left"
                              style={{ flexShrink: 0 }}
                            />
                          </Group>
                        </Card>
                      ))}
                    </Stack>
                  </>
                ) : null}
                {writable ? (
                  <Group justify="space-between" wrap="wrap" gap="sm">
                    <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'} role="status">
                      {dirty
                        ? t('policy.editor.unsaved')
                        : doc
                          ? t('policy.editor.allSaved')
                          : t('policy.editor.notYetSaved')}
                    </Text>
                    <Button type="submit" loading={save.isPending} size="md">
                      {t('policy.editor.save')}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </form>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          {doc ? (
            <VersionPanel orgId={orgId} doc={doc} dirty={dirty} />
          ) : (
            <Card withBorder padding="lg">
              <Title order={2} size="h5" mb="xs">
                {t('policy.versions.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('policy.versions.beforeFirstSave')}
              </Text>
            </Card>
          )}
        </Grid.Col>
        {doc ? (
          <Grid.Col span={12}>
            <PolicyPreview orgId={orgId} doc={doc} />
          </Grid.Col>
        ) : null}
      </Grid>
    </>
  );
}

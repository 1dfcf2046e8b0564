import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Grid,
  Group,
  List,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconAlert, IconCheck } from '../../../../web/src/icons.tsx';
import { ApplicationForm } from './ApplicationForm.tsx';
import {
  emptyForm,
  type FormErrors,
  type FormValues,
  fromApplication,
  mapServerFields,
  toApplication,
  toOffer,
  validate,
} from './application-form.ts';
import { versionText } from './ProviderServicesPage.tsx';
import { ProviderGate } from './ProviderShell.tsx';
import { CheckList, CheckSummaryText, ReviewHistory, StatusBadge } from './parts.tsx';
import { ServiceFacts } from './ServiceFacts.tsx';
import {
  type CheckResult,
  canApply,
  groupReviews,
  type MyService,
  myServicesKey,
  openRequests,
  SERVICES_KEY,
  type Standard,
  useMyService,
  useStandard,
} from './services-api.ts';

interface Carried {
  error: string;
  failed: Record<string, string> | null;
}

/** /orgs/:orgId/services/new and /orgs/:orgId/services/:serviceId — the application form. */
export function ApplicationPage() {
  const { orgId = '', serviceId } = useParams();
  const { t } = useTranslation();
  const title = serviceId ? t('services.form.editTitle') : t('services.form.newTitle');
  return (
    <ProviderGate orgId={orgId} title={title}>
      {(org) => <Loaded orgId={orgId} serviceId={serviceId} canEdit={canApply(org.role)} />}
    </ProviderGate>
  );
}

function Loaded({ orgId, serviceId, canEdit }: { orgId: string; serviceId?: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const service = useMyService(orgId, serviceId);
  const standard = useStandard();
  if ((serviceId && service.isPending) || standard.isPending) return <PageLoader />;
  if (service.isError || standard.isError)
    return (
      <>
        <PageHeader title={t('services.form.editTitle')} />
        <ErrorAlert error={service.error ?? standard.error} />
      </>
    );
  return (
    <Editor
      key={service.data?.id ?? 'new'}
      orgId={orgId}
      service={service.data}
      standard={standard.data}
      canEdit={canEdit}
    />
  );
}

function Editor({
  orgId,
  service,
  standard,
  canEdit,
}: {
  orgId: string;
  service: MyService | undefined;
  standard: Standard;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const lang = useLang();
  const location = useLocation();
  // A failed submission of a new application arrives here after the page moved to the saved draft.
  const carried = (location.state ?? null) as Carried | null;
  const [values, setValues] = useState<FormValues>(() =>
    service ? fromApplication(service.data) : emptyForm,
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<string | null>(carried?.error ?? null);
  const [failed, setFailed] = useState<Record<string, string> | null>(carried?.failed ?? null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const order = standard.requirements.map((r) => r.id);

  const locked = !canEdit || service?.status === 'submitted' || service?.status === 'in_review';
  const saved = JSON.stringify(toApplication(service ? fromApplication(service.data) : emptyForm));
  const dirty = JSON.stringify(toApplication(values)) !== saved;

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((old) => ({ ...old, [key]: value }));
    if (errors[key]) setErrors((old) => ({ ...old, [key]: undefined }));
    setFailed(null);
  };

  // The live check: what the standard says about the form as it is now.
  const [offer] = useDebouncedValue(
    useMemo(() => toOffer(values), [values]),
    400,
  );
  const check = useQuery({
    queryKey: [...SERVICES_KEY, 'check', offer, lang],
    queryFn: ({ signal }) =>
      api<CheckResult>('/api/v1/services/check', { method: 'POST', body: offer, signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const items = check.data?.results ?? service?.checks;

  const requests = service ? openRequests(service, order) : null;
  const comments: Record<string, string[]> = {};
  for (const c of requests?.comments ?? []) {
    if (!c.requirementId || !c.comment) continue;
    comments[c.requirementId] = [...(comments[c.requirementId] ?? []), c.comment];
  }

  const save = async (): Promise<MyService | null> => {
    const found = validate(values, t);
    setErrors(found);
    setError(null);
    setFailed(null);
    if (Object.keys(found).length > 0) {
      setError(t('services.form.errors.fix'));
      return null;
    }
    const body = toApplication(values);
    try {
      const saved = service
        ? await api<MyService>(`/api/v1/orgs/${orgId}/services/${service.id}`, { method: 'PUT', body })
        : await api<MyService>(`/api/v1/orgs/${orgId}/services`, { method: 'POST', body });
      return saved;
    } catch (err) {
      if (err instanceof ApiError) setErrors(mapServerFields(err.fields));
      setError(errorMessage(err));
      return null;
    }
  };

  const finish = async (done: MyService, carry?: Carried) => {
    await qc.invalidateQueries({ queryKey: myServicesKey(orgId) });
    if (!service) navigate(`/orgs/${orgId}/services/${done.id}`, { replace: true, state: carry ?? null });
  };

  const onSave = async () => {
    setBusy('save');
    const done = await save();
    setBusy(null);
    if (!done) return;
    notifications.show({ color: 'teal', message: t('services.form.saved') });
    await finish(done);
  };

  const onSubmit = async () => {
    setBusy('submit');
    let current: MyService | null | undefined = service;
    if (!service || dirty) current = await save();
    if (!current) {
      setBusy(null);
      return;
    }
    try {
      const submitted = await api<MyService>(`/api/v1/orgs/${orgId}/services/${current.id}/submit`, {
        method: 'POST',
      });
      notifications.show({ color: 'teal', message: t('services.form.submitted') });
      await finish(submitted);
    } catch (err) {
      const carry: Carried = {
        error: errorMessage(err),
        failed: err instanceof ApiError && err.code === 'checks_failed' ? err.fields : null,
      };
      setFailed(carry.failed);
      setError(carry.error);
      if (current !== service) await finish(current, carry);
    } finally {
      setBusy(null);
    }
  };

  const titleFor = (id: string) => standard.requirements.find((r) => r.id === id)?.title ?? id;

  return (
    <>
      <Anchor component={Link} to={`/orgs/${orgId}/services`} size="sm">
        {t('services.form.back')}
      </Anchor>
      <PageHeader
        title={service ? service.data.name : t('services.form.newTitle')}
        docTitle={
          service ? `${service.data.name} — ${t('services.form.editTitle')}` : t('services.form.newTitle')
        }
        description={service ? versionText(service, t) : t('services.form.newLead')}
        actions={service ? <StatusBadge status={service.status} size="lg" /> : null}
      />
      <Stack gap="lg">
        {service ? <StatusNote service={service} requestsCount={requests?.comments.length ?? 0} /> : null}
        {!canEdit ? (
          <Alert color="gray" variant="light">
            {t('services.provider.readOnly')}
          </Alert>
        ) : null}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            {locked && service ? (
              <Card
                withBorder
                padding="lg"
                radius="md"
                component="section"
                aria-labelledby="app-readonly-title"
              >
                <Title order={2} size="h4" id="app-readonly-title">
                  {t('services.form.readOnlyTitle')}
                </Title>
                <Text size="sm" fw={600} mt="xs">
                  {service.data.summary}
                </Text>
                <Text size="sm" mt="xs" mb="lg" style={{ whiteSpace: 'pre-wrap' }}>
                  {service.data.description}
                </Text>
                <ServiceFacts data={service.data} />
              </Card>
            ) : (
              <ApplicationForm
                values={values}
                set={set}
                errors={errors}
                standard={standard}
                checks={items}
                disabled={locked}
              />
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md" className="svc-sticky">
              <Card withBorder padding="md" radius="md" component="section" aria-labelledby="check-title">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Title order={2} size="h4" id="check-title">
                    {t('services.check.title')}
                  </Title>
                  {check.isFetching ? <Loader size="xs" aria-label={t('services.check.checking')} /> : null}
                </Group>
                <Text size="xs" c="dimmed" mb="sm">
                  {t('services.check.lead', { version: check.data?.standardVersion ?? standard.version })}
                </Text>
                {items ? (
                  <Stack gap="sm">
                    <Box role="status" aria-live="polite">
                      <CheckSummaryText items={items} />
                    </Box>
                    <CheckList items={items} compact comments={comments} serverFields={failed ?? undefined} />
                  </Stack>
                ) : check.isError ? (
                  <ErrorAlert error={check.error} />
                ) : (
                  <Loader size="sm" />
                )}
              </Card>
              {locked ? null : (
                <Card withBorder padding="md" radius="md">
                  <Stack gap="sm">
                    {error ? (
                      <Alert color="red" role="alert" icon={<IconAlert />} p="sm">
                        <Text size="sm">{error}</Text>
                        {failed ? (
                          <List size="sm" mt={4}>
                            {Object.entries(failed).map(([id, msg]) => (
                              <List.Item key={id}>
                                <Text component="span" fw={700} size="sm">
                                  {titleFor(id)}
                                </Text>
                                {t('services.review.colon')}
                                {msg}
                              </List.Item>
                            ))}
                          </List>
                        ) : null}
                      </Alert>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {service?.status === 'approved'
                        ? t('services.form.approvedNote')
                        : t('services.form.submitNote')}
                    </Text>
                    <Button
                      variant="default"
                      onClick={() => void onSave()}
                      loading={busy === 'save'}
                      disabled={busy !== null}
                    >
                      {t('services.form.save')}
                    </Button>
                    <Button
                      onClick={() => void onSubmit()}
                      loading={busy === 'submit'}
                      disabled={busy !== null}
                    >
                      {t('services.form.submit')}
                    </Button>
                  </Stack>
                </Card>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
        {service ? (
          <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="history-title">
            <Title order={2} size="h4" id="history-title" mb="md">
              {t('services.review.historyTitle')}
            </Title>
            <ReviewHistory reviews={service.reviews} order={order} />
          </Card>
        ) : null}
      </Stack>
    </>
  );
}

function StatusNote({ service: s, requestsCount }: { service: MyService; requestsCount: number }) {
  const { t } = useTranslation();
  const last = groupReviews(s.reviews)[0];
  switch (s.status) {
    case 'draft':
      return (
        <Alert color="gray" variant="light">
          {t('services.form.status.draft')}
        </Alert>
      );
    case 'submitted':
    case 'in_review':
      return (
        <Alert color="blue" variant="light" title={t(`services.status.${s.status}`)}>
          {t(`services.form.status.${s.status}`)}
        </Alert>
      );
    case 'changes_requested':
      return (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlert />}
          title={t('services.form.status.changesTitle')}
        >
          {t('services.form.status.changes_requested', { count: requestsCount })}
          {last?.entry.action === 'request_changes' && last.entry.comment ? (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {last.entry.comment}
            </Text>
          ) : null}
        </Alert>
      );
    case 'approved':
      return (
        <Alert color="teal" variant="light" icon={<IconCheck />} title={t('services.status.approved')}>
          {t('services.form.status.approved')}{' '}
          <Anchor component={Link} to={`/services/${s.id}`} size="sm">
            {t('services.provider.viewPublic')}
          </Anchor>
        </Alert>
      );
    case 'rejected':
      return (
        <Alert color="red" variant="light" title={t('services.status.rejected')}>
          {s.approvedVersion
            ? t('services.form.status.rejectedKeepPublic', { version: s.approvedVersion })
            : t('services.form.status.rejected')}
          {last?.entry.action === 'reject' && last.entry.comment ? (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {last.entry.comment}
            </Text>
          ) : null}
        </Alert>
      );
    default:
      return null;
  }
}

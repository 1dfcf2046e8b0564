import { Alert, Button, Card, Code, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, errorMessage, fieldErrors } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconCopy, IconSearch } from '../../../../web/src/icons.tsx';
import { deskKeys, type ServiceLink, useOrgOf, useProviders, type Webhook } from './desk-api.ts';
import { EndContractModal, MonitoringTabs, When } from './parts.tsx';

/** The SME's side of the お助け隊 contract: which provider watches it, and its own webhook. */
export function ProvidersPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const org = useOrgOf(orgId);
  const links = useProviders(orgId);
  const owner = org?.role === 'owner';
  if (links.isPending) return <PageLoader />;
  return (
    <>
      <PageHeader
        title={t('monitoringDesk.providers.title')}
        description={t('monitoringDesk.providers.lead', { name: org?.name ?? '' })}
      />
      <MonitoringTabs orgId={orgId} />
      {links.isError ? (
        <ErrorAlert error={links.error} />
      ) : (
        <Stack gap="lg">
          <Current orgId={orgId} links={links.data.items} owner={owner} />
          {owner ? (
            <Pick orgId={orgId} links={links.data.items} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('monitoringDesk.providers.ownerOnly')}
            </Text>
          )}
          {owner ? <WebhookCard orgId={orgId} /> : null}
        </Stack>
      )}
    </>
  );
}

function Current({ orgId, links, owner }: { orgId: string; links: ServiceLink[]; owner: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [ending, setEnding] = useState<ServiceLink | null>(null);
  const end = useMutation({
    mutationFn: (l: ServiceLink) =>
      api(`/api/v1/orgs/${orgId}/providers/${l.providerOrgId}`, { method: 'DELETE' }),
    onSuccess: async (_r, l) => {
      notifications.show({
        color: 'teal',
        message: t('monitoringDesk.providers.ended', { name: l.providerName }),
      });
      setEnding(null);
      await qc.invalidateQueries({ queryKey: deskKeys.org(orgId) });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="current-providers">
      <Title order={2} size="h4" id="current-providers" mb="md">
        {t('monitoringDesk.providers.current')}
      </Title>
      {links.length === 0 ? (
        <Text c="dimmed">{t('monitoringDesk.providers.none')}</Text>
      ) : (
        <Stack gap="sm">
          {links.map((l) => (
            <Group
              key={l.providerOrgId}
              justify="space-between"
              wrap="wrap"
              gap="sm"
              data-testid="provider-link"
            >
              <Stack gap={0}>
                <Text fw={700}>{l.providerName}</Text>
                <Text size="xs" c="dimmed">
                  {t('monitoringDesk.providers.since', { when: formatDate(l.since, lang) })}
                </Text>
              </Stack>
              {owner ? (
                <Button size="xs" color="red" variant="light" onClick={() => setEnding(l)}>
                  {t('monitoringDesk.providers.end')}
                </Button>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      <EndContractModal
        opened={ending !== null}
        title={t('monitoringDesk.providers.endTitle', { name: ending?.providerName ?? '' })}
        body={t('monitoringDesk.providers.endBody')}
        confirmLabel={t('monitoringDesk.providers.endConfirm')}
        loading={end.isPending}
        onClose={() => setEnding(null)}
        onConfirm={() => ending && end.mutate(ending)}
      />
    </Card>
  );
}

function Pick({ orgId, links }: { orgId: string; links: ServiceLink[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const results = useQuery({
    queryKey: ['providers-search', q],
    queryFn: () =>
      api<{ items: Array<{ id: string; name: string; prefecture: string }> }>('/api/v1/providers', {
        query: { q: q ?? '' },
      }),
    enabled: q !== null,
  });
  const grant = useMutation({
    mutationFn: (p: { id: string; name: string }) =>
      api(`/api/v1/orgs/${orgId}/providers`, { method: 'POST', body: { providerOrgId: p.id } }),
    onSuccess: async (_r, p) => {
      notifications.show({ color: 'teal', message: t('monitoringDesk.providers.chosen', { name: p.name }) });
      await qc.invalidateQueries({ queryKey: deskKeys.org(orgId) });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  const chosen = new Set(links.map((l) => l.providerOrgId));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(text.trim());
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="pick-provider">
      <Title order={2} size="h4" id="pick-provider">
        {t('monitoringDesk.providers.pickTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('monitoringDesk.providers.pickLead')}
      </Text>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('monitoringDesk.providers.search')}
            placeholder={t('monitoringDesk.providers.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: '1 1 240px' }}
            maxLength={100}
          />
          <Button type="submit" leftSection={<IconSearch size={16} />} loading={results.isFetching}>
            {t('monitoringDesk.providers.searchButton')}
          </Button>
        </Group>
      </form>
      {results.isError ? <ErrorAlert error={results.error} /> : null}
      {results.data ? (
        <Stack gap="xs" mt="md" aria-live="polite">
          {results.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('monitoringDesk.providers.noResults')}
            </Text>
          ) : null}
          {results.data.items.map((p) => (
            <Group key={p.id} justify="space-between" wrap="wrap" gap="sm" data-testid="provider-result">
              <Text fw={600}>{p.name}</Text>
              {chosen.has(p.id) ? (
                <Text size="sm" c="teal.8">
                  {t('monitoringDesk.providers.already')}
                </Text>
              ) : (
                <Button size="xs" loading={grant.isPending} onClick={() => grant.mutate(p)}>
                  {t('monitoringDesk.providers.choose')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      ) : null}
    </Card>
  );
}

function WebhookCard({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = [...deskKeys.org(orgId), 'webhook'];
  const hook = useQuery({
    queryKey: key,
    queryFn: () => api<{ webhook: Webhook | null }>(`/api/v1/orgs/${orgId}/monitoring/webhook`),
  });
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      api<Webhook & { secret: string }>(`/api/v1/orgs/${orgId}/monitoring/webhook`, {
        method: 'PUT',
        body: { url: url.trim() },
      }),
    onSuccess: async (r) => {
      setSecret(r.secret);
      setFields({});
      setUrl('');
      await qc.invalidateQueries({ queryKey: key });
    },
    onError: (err) => {
      setFields(fieldErrors(err));
      if (!Object.keys(fieldErrors(err)).length)
        notifications.show({ color: 'red', message: errorMessage(err) });
    },
  });
  const test = useMutation({
    mutationFn: () => api(`/api/v1/orgs/${orgId}/monitoring/webhook/test`, { method: 'POST' }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('monitoringDesk.webhook.testSent') });
      setTimeout(() => void qc.invalidateQueries({ queryKey: key }), 3000);
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  const remove = useMutation({
    mutationFn: () => api(`/api/v1/orgs/${orgId}/monitoring/webhook`, { method: 'DELETE' }),
    onSuccess: async () => {
      setSecret(null);
      notifications.show({ color: 'teal', message: t('monitoringDesk.webhook.removed') });
      await qc.invalidateQueries({ queryKey: key });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  const h = hook.data?.webhook;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="webhook-title">
      <Title order={2} size="h4" id="webhook-title">
        {t('monitoringDesk.webhook.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('monitoringDesk.webhook.lead')}
      </Text>
      {h ? (
        <Stack gap={4} mb="md">
          <Code style={{ overflowWrap: 'anywhere' }}>{h.url}</Code>
          <Text size="sm">
            {h.lastAt ? (
              <>
                {t('monitoringDesk.webhook.last', { when: '' })}
                <When iso={h.lastAt} />{' '}
                {h.lastError
                  ? t('monitoringDesk.webhook.lastFailed', { error: h.lastError })
                  : t('monitoringDesk.webhook.lastOk', { status: h.lastStatus })}
              </>
            ) : (
              t('monitoringDesk.webhook.never')
            )}
          </Text>
          <Text size="xs" c="dimmed">
            {t('monitoringDesk.webhook.signature', { header: h.signatureHeader })}
          </Text>
          <Group gap="xs" mt="xs">
            <Button size="xs" variant="light" loading={test.isPending} onClick={() => test.mutate()}>
              {t('monitoringDesk.webhook.test')}
            </Button>
            <Button
              size="xs"
              color="red"
              variant="subtle"
              loading={remove.isPending}
              onClick={() => remove.mutate()}
            >
              {t('monitoringDesk.webhook.remove')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {secret ? (
        <Alert color="yellow" mb="md" title={t('monitoringDesk.webhook.secret')}>
          <Text size="sm" mb="xs">
            {t('monitoringDesk.webhook.saved')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Code style={{ overflowWrap: 'anywhere' }}>{secret}</Code>
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy} leftSection={<IconCopy size={14} />}>
                  {copied ? t('monitoringDesk.sensors.copied') : t('monitoringDesk.sensors.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('monitoringDesk.webhook.url')}
            placeholder="https://"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={fields.url}
            style={{ flex: '1 1 280px' }}
            maxLength={2000}
          />
          <Button type="submit" mt={25} loading={save.isPending} disabled={!url.trim()}>
            {t('monitoringDesk.webhook.save')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}

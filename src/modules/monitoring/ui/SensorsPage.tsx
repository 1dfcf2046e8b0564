import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  List,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { FormCard } from '../../../../web/src/components/FormCard.tsx';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { IconCopy, IconPlus } from '../../../../web/src/icons.tsx';
import { deskKeys, type ListedSensor, type Sensor, useOrgContext, useOrgOf, useSensors } from './desk-api.ts';
import { MonitoringTabs, When } from './parts.tsx';
import { SensorParseFailures, SensorTraffic } from './SensorHealth.tsx';

const kinds = ['utm', 'edr', 'ids', 'other'] as const;
const statusColor = { ok: 'teal', waiting: 'gray', silent: 'red', revoked: 'gray' } as const;

/**
 * Sensors of an SME: its owner and practitioners, or its provider's staff, register them (the
 * token is shown once) and stop them; everyone with access sees whether they still report.
 */
export function SensorsPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const org = useOrgOf(orgId);
  const context = useOrgContext(orgId);
  const sensors = useSensors(orgId);
  // Members other than owner/practitioner only read; provider staff (not members) may manage.
  const manage = !org || org.role === 'owner' || org.role === 'practitioner';
  const [created, setCreated] = useState<(Sensor & { token: string }) | null>(null);
  if (sensors.isPending) return <PageLoader />;
  return (
    <>
      <PageHeader
        title={t('monitoringDesk.sensors.title')}
        description={t('monitoringDesk.sensors.lead', { name: context.name })}
      />
      <MonitoringTabs orgId={orgId} />
      {sensors.isError ? (
        <ErrorAlert error={sensors.error} />
      ) : (
        <Stack gap="lg">
          {created ? <TokenCard sensor={created} onDone={() => setCreated(null)} /> : null}
          {manage ? (
            <RegisterForm orgId={orgId} onCreated={setCreated} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('monitoringDesk.sensors.readOnly')}
            </Text>
          )}
          <SensorList orgId={orgId} sensors={sensors.data.items} manage={manage} />
        </Stack>
      )}
    </>
  );
}

function RegisterForm({
  orgId,
  onCreated,
}: {
  orgId: string;
  onCreated: (s: Sensor & { token: string }) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>('utm');
  const [vendor, setVendor] = useState('');
  const [sourceAddress, setSourceAddress] = useState('');
  const [hostname, setHostname] = useState('');
  const [interval, setInterval] = useState<number | string>(60);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<Sensor & { token: string }>(`/api/v1/orgs/${orgId}/sensors`, { method: 'POST', body }),
    onSuccess: async (s) => {
      notifications.show({ color: 'teal', message: t('monitoringDesk.sensors.created', { name: s.name }) });
      setName('');
      setVendor('');
      setSourceAddress('');
      setHostname('');
      setFields({});
      onCreated(s);
      await qc.invalidateQueries({ queryKey: deskKeys.org(orgId) });
    },
    onError: (err) => {
      setFields(err instanceof ApiError ? err.fields : {});
      setError(errorMessage(err));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!name.trim() || !kind) return;
    create.mutate({
      name: name.trim(),
      kind,
      ...(vendor.trim() ? { vendor: vendor.trim() } : {}),
      ...(sourceAddress.trim() ? { sourceAddress: sourceAddress.trim() } : {}),
      ...(hostname.trim() ? { hostname: hostname.trim() } : {}),
      ...(typeof interval === 'number' ? { expectedIntervalMinutes: interval } : {}),
    });
  };
  return (
    <FormCard
      id="register-sensor"
      title={t('monitoringDesk.sensors.add')}
      lead={t('monitoringDesk.sensors.addLead')}
      onSubmit={submit}
      error={error}
      gap="sm"
      actions={
        <Button
          type="submit"
          loading={create.isPending}
          leftSection={<IconPlus size={16} />}
          disabled={!name.trim()}
        >
          {t('monitoringDesk.sensors.submit')}
        </Button>
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('monitoringDesk.sensors.name')}
          placeholder={t('monitoringDesk.sensors.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fields.name}
          required
          maxLength={100}
        />
        <Select
          label={t('monitoringDesk.sensors.kind')}
          data={kinds.map((k) => ({ value: k, label: t(`monitoringDesk.kind.${k}`) }))}
          value={kind}
          onChange={setKind}
          error={fields.kind}
          allowDeselect={false}
          required
        />
        <TextInput
          label={t('monitoringDesk.sensors.vendor')}
          placeholder={t('monitoringDesk.sensors.vendorPlaceholder')}
          value={vendor}
          onChange={(e) => setVendor(e.currentTarget.value)}
          error={fields.vendor}
          maxLength={100}
        />
        <NumberInput
          label={t('monitoringDesk.sensors.interval')}
          value={interval}
          onChange={setInterval}
          min={5}
          max={10080}
          error={fields.expectedIntervalMinutes}
        />
        <TextInput
          label={t('monitoringDesk.sensors.sourceAddress')}
          placeholder="192.0.2.10"
          value={sourceAddress}
          onChange={(e) => setSourceAddress(e.currentTarget.value)}
          error={fields.sourceAddress}
        />
        <TextInput
          label={t('monitoringDesk.sensors.hostname')}
          placeholder="utm-honsha"
          value={hostname}
          onChange={(e) => setHostname(e.currentTarget.value)}
          error={fields.hostname}
        />
      </SimpleGrid>
    </FormCard>
  );
}

function TokenCard({ sensor, onDone }: { sensor: Sensor & { token: string }; onDone: () => void }) {
  const { t } = useTranslation();
  const setup = useQuery({
    queryKey: ['monitoring-setup'],
    queryFn: () => api<{ ingestUrl: string; syslogPort: number | null }>('/api/v1/monitoring/setup'),
  });
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t('monitoringDesk.sensors.tokenTitle')}
      data-testid="sensor-token"
    >
      <Text size="sm" mb="sm">
        {t('monitoringDesk.sensors.tokenBody')}
      </Text>
      <Group gap="xs" mb="md" wrap="nowrap" align="center">
        <Code style={{ overflowWrap: 'anywhere', fontSize: 14 }} data-testid="token-value">
          {sensor.token}
        </Code>
        <CopyButton value={sensor.token}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              onClick={copy}
              leftSection={<IconCopy size={14} />}
              color={copied ? 'teal' : undefined}
            >
              {copied ? t('monitoringDesk.sensors.copied') : t('monitoringDesk.sensors.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Title order={3} size="h5" mb={4}>
        {t('monitoringDesk.sensors.setupTitle')}
      </Title>
      <List size="sm" spacing={4}>
        <List.Item>
          {t('monitoringDesk.sensors.setupHttps', { url: setup.data?.ingestUrl ?? '…/api/v1/ingest' })}
        </List.Item>
        {setup.data?.syslogPort ? (
          <List.Item>{t('monitoringDesk.sensors.setupSyslog', { port: setup.data.syslogPort })}</List.Item>
        ) : null}
      </List>
      <Group justify="flex-end" mt="sm">
        <Button size="xs" variant="default" onClick={onDone}>
          {t('monitoringDesk.sensors.tokenDone')}
        </Button>
      </Group>
    </Alert>
  );
}

function SensorList({ orgId, sensors, manage }: { orgId: string; sensors: ListedSensor[]; manage: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [revoking, setRevoking] = useState<Sensor | null>(null);
  const revoke = useMutation({
    mutationFn: (s: Sensor) => api(`/api/v1/orgs/${orgId}/sensors/${s.id}/revoke`, { method: 'POST' }),
    onSuccess: async (_r, s) => {
      notifications.show({ color: 'teal', message: t('monitoringDesk.sensors.revoked', { name: s.name }) });
      setRevoking(null);
      await qc.invalidateQueries({ queryKey: deskKeys.org(orgId) });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sensor-list">
      <Title order={2} size="h4" id="sensor-list" mb="md">
        {t('monitoringDesk.sensors.list')}
      </Title>
      {sensors.length === 0 ? (
        <Text c="dimmed">{t('monitoringDesk.sensors.empty')}</Text>
      ) : (
        <Stack gap="sm">
          {sensors.map((s) => (
            <Card key={s.id} withBorder radius="md" padding="sm" data-testid="sensor-row">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={700}>{s.name}</Text>
                    <Badge color={statusColor[s.status]} variant="light">
                      {t(`monitoringDesk.sensorStatus.${s.status}`)}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t(`monitoringDesk.kind.${s.kind}`)}
                    {s.vendor ? ` ・ ${s.vendor}` : ''}
                    {s.sourceAddress ? ` ・ ${s.sourceAddress}` : ''}
                    {s.hostname ? ` ・ ${s.hostname}` : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('monitoringDesk.sensors.lastSeen')}：<When iso={s.lastSeenAt} /> ・{' '}
                    {t('monitoringDesk.sensors.token')}：<Code>{s.tokenPrefix}…</Code>
                  </Text>
                  <SensorTraffic sensor={s} />
                </Stack>
                {manage && s.status !== 'revoked' ? (
                  <Button size="xs" color="red" variant="subtle" onClick={() => setRevoking(s)}>
                    {t('monitoringDesk.sensors.revoke')}
                  </Button>
                ) : null}
              </Group>
              <SensorParseFailures sensor={s} />
            </Card>
          ))}
        </Stack>
      )}
      <Modal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('monitoringDesk.sensors.revokeTitle', { name: revoking?.name ?? '' })}
      >
        <Text size="sm" mb="md">
          {t('monitoringDesk.sensors.revokeBody')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setRevoking(null)}>
            {t('monitoringDesk.common.cancel')}
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking)}>
            {t('monitoringDesk.sensors.revoke')}
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}

import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { FormCard } from '../../../../web/src/components/FormCard.tsx';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconPlus, IconTrash } from '../../../../web/src/icons.tsx';
import {
  type Buyer,
  buyersKey,
  canDeclare,
  canKeepSuppliers,
  type Supplier,
  suppliersKey,
  useBuyers,
  useOrgRole,
  useSuppliers,
} from './declaration-api.ts';
import { LevelBadge } from './Stars.tsx';

/** /orgs/:orgId/suppliers — the buyer's list of suppliers, and the supplier's consent to its buyers. */
export function SuppliersPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const role = useOrgRole(orgId);
  const suppliers = useSuppliers(orgId);
  const buyers = useBuyers(orgId);
  if (suppliers.isPending || buyers.isPending) return <PageLoader />;
  if (suppliers.isError || buyers.isError)
    return (
      <>
        <PageHeader title={t('declaration.suppliers.title')} />
        <ErrorAlert error={suppliers.error ?? buyers.error} />
      </>
    );
  return (
    <>
      <PageHeader title={t('declaration.suppliers.title')} description={t('declaration.suppliers.lead')} />
      <Stack gap="lg">
        {canKeepSuppliers(role) ? <AddSupplier orgId={orgId} /> : null}
        <SupplierTable orgId={orgId} items={suppliers.data.items} editable={canKeepSuppliers(role)} />
        <Buyers orgId={orgId} items={buyers.data.items} editable={canDeclare(role)} />
      </Stack>
    </>
  );
}

function normaliseDigits(value: string): string {
  return value
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-ー－]/g, '');
}

function AddSupplier({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [label, setLabel] = useState('');
  const [declarationId, setDeclarationId] = useState('');
  const [corporateNumber, setCorporateNumber] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: () => {
      const body: Record<string, string> = { label: label.trim() };
      const id = declarationId.trim().toUpperCase();
      const cn = normaliseDigits(corporateNumber);
      if (id) body.declarationId = id;
      if (cn) body.corporateNumber = cn;
      return api<Supplier>(`/api/v1/orgs/${orgId}/suppliers`, { method: 'POST', body });
    },
    onSuccess: async (s) => {
      notifications.show({ color: 'teal', message: t('declaration.suppliers.added', { name: s.label }) });
      setLabel('');
      setDeclarationId('');
      setCorporateNumber('');
      await qc.invalidateQueries({ queryKey: suppliersKey(orgId) });
    },
    onError: (err) => {
      if (!(err instanceof ApiError)) return;
      const f = { ...err.fields };
      if (err.code === 'unknown_declaration') f.declarationId = err.message;
      setErrors(f);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!label.trim()) found.label = t('declaration.suppliers.errors.label');
    if (!declarationId.trim() && !corporateNumber.trim())
      found.declarationId = t('declaration.suppliers.errors.key');
    const cn = normaliseDigits(corporateNumber);
    if (cn && !/^\d{13}$/.test(cn)) found.corporateNumber = t('declaration.suppliers.errors.corporateNumber');
    setErrors(found);
    if (Object.keys(found).length === 0) add.mutate();
  };
  const general =
    add.error instanceof ApiError && add.error.code !== 'unknown_declaration'
      ? errorMessage(add.error)
      : null;

  return (
    <FormCard
      id="supplier-add-title"
      title={t('declaration.suppliers.addTitle')}
      lead={t('declaration.suppliers.addLead')}
      onSubmit={submit}
      error={general}
      actions={
        <Button type="submit" loading={add.isPending} leftSection={<IconPlus size={16} />}>
          {t('declaration.suppliers.add')}
        </Button>
      }
    >
      <TextInput
        label={t('declaration.suppliers.label')}
        description={t('declaration.suppliers.labelHint')}
        value={label}
        onChange={(e) => setLabel(e.currentTarget.value)}
        error={errors.label}
        required
        maxLength={200}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t('declaration.suppliers.declarationId')}
            description={t('declaration.suppliers.declarationIdHint')}
            placeholder="SA-1234-ABCD"
            value={declarationId}
            onChange={(e) => setDeclarationId(e.currentTarget.value)}
            error={errors.declarationId}
            maxLength={32}
            autoCapitalize="characters"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t('declaration.suppliers.corporateNumber')}
            description={t('declaration.suppliers.corporateNumberHint')}
            placeholder="7000012050002"
            value={corporateNumber}
            onChange={(e) => setCorporateNumber(e.currentTarget.value)}
            onBlur={() => setCorporateNumber(normaliseDigits(corporateNumber))}
            error={errors.corporateNumber}
            inputMode="numeric"
            maxLength={20}
          />
        </Grid.Col>
      </Grid>
    </FormCard>
  );
}

function SupplierTable({ orgId, items, editable }: { orgId: string; items: Supplier[]; editable: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: (s: Supplier) => api(`/api/v1/orgs/${orgId}/suppliers/${s.id}`, { method: 'DELETE' }),
    onSuccess: async (_r, s) => {
      notifications.show({ color: 'gray', message: t('declaration.suppliers.removed', { name: s.label }) });
      await qc.invalidateQueries({ queryKey: suppliersKey(orgId) });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="supplier-list-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="supplier-list-title">
          {t('declaration.suppliers.listTitle')}
        </Title>
        <Badge variant="light" color="gray">
          {t('declaration.suppliers.count', { count: items.length })}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('declaration.suppliers.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('declaration.suppliers.col.name')}</Table.Th>
                <Table.Th>{t('declaration.suppliers.col.level')}</Table.Th>
                <Table.Th>{t('declaration.suppliers.col.declaredAt')}</Table.Th>
                <Table.Th>{t('declaration.suppliers.col.diagnosis')}</Table.Th>
                {editable ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {s.label}
                    </Text>
                    {s.corporateNumber ? (
                      <Text size="xs" c="dimmed">
                        {t('declaration.suppliers.corporateNumberShort', { n: s.corporateNumber })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {s.declaration ? (
                      <Stack gap={2}>
                        <LevelBadge star={s.declaration.star} />
                        <Anchor
                          href={`/verify/${s.declaration.id}`}
                          target="_blank"
                          rel="noopener noreferrer"
                          size="xs"
                          ff="monospace"
                        >
                          {s.declaration.id}
                        </Anchor>
                      </Stack>
                    ) : s.onMamori ? (
                      <Badge variant="outline" color="gray" tt="none">
                        {t('declaration.suppliers.noDeclaration')}
                      </Badge>
                    ) : (
                      <Badge variant="outline" color="gray" tt="none">
                        {t('declaration.suppliers.notOnMamori')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.declaration ? formatDate(s.declaration.declaredAt, lang) : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    {s.latestDiagnosis ? (
                      <>
                        <Text size="sm" fw={700}>
                          {t('declaration.suppliers.score', { total: s.latestDiagnosis.total })}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {formatDate(s.latestDiagnosis.at, lang)}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {s.diagnosisShared
                          ? t('declaration.suppliers.noDiagnosis')
                          : t('declaration.suppliers.private')}
                      </Text>
                    )}
                  </Table.Td>
                  {editable ? (
                    <Table.Td>
                      <Button
                        variant="subtle"
                        color="red"
                        size="compact-sm"
                        leftSection={<IconTrash size={14} />}
                        onClick={() => remove.mutate(s)}
                        loading={remove.isPending && remove.variables?.id === s.id}
                        aria-label={t('declaration.suppliers.removeNamed', { name: s.label })}
                      >
                        {t('declaration.suppliers.remove')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t('declaration.suppliers.note')}
      </Text>
    </Card>
  );
}

function Buyers({ orgId, items, editable }: { orgId: string; items: Buyer[]; editable: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const consent = useMutation({
    mutationFn: (v: { buyer: Buyer; granted: boolean }) =>
      api(`/api/v1/orgs/${orgId}/buyers/consent`, {
        method: 'PUT',
        body: { buyerOrgId: v.buyer.orgId, granted: v.granted },
      }),
    onSuccess: async (_r, v) => {
      notifications.show({
        color: 'teal',
        message: v.granted
          ? t('declaration.buyers.granted', { name: v.buyer.name })
          : t('declaration.buyers.revoked', { name: v.buyer.name }),
      });
      await qc.invalidateQueries({ queryKey: buyersKey(orgId) });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="buyers-title">
      <Title order={2} size="h4" id="buyers-title">
        {t('declaration.buyers.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('declaration.buyers.lead')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('declaration.buyers.empty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((b) => (
            <Card component="li" key={b.orgId} withBorder padding="sm" radius="md">
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Text fw={600}>{b.name}</Text>
                <Switch
                  label={t('declaration.buyers.share')}
                  aria-label={t('declaration.buyers.shareNamed', { name: b.name })}
                  checked={
                    consent.isPending && consent.variables?.buyer.orgId === b.orgId
                      ? consent.variables.granted
                      : b.diagnosisShared
                  }
                  disabled={!editable}
                  onChange={(e) => consent.mutate({ buyer: b, granted: e.currentTarget.checked })}
                  labelPosition="left"
                />
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {!editable && items.length > 0 ? (
        <Text size="xs" c="dimmed" mt="sm">
          {t('declaration.buyers.onlyOwner')}
        </Text>
      ) : null}
    </Card>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Modal,
  Pagination,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { IconPlus, IconSearch } from '../../../../web/src/icons.tsx';
import {
  type Confidentiality,
  type Contractor,
  type ContractorInput,
  contractorsKey,
  cornerKey,
  type Declared,
  useContractors,
  useCorner,
} from './owners-api.ts';

const CONF: readonly Confidentiality[] = ['yes', 'no', 'unknown'];
const DECL: readonly Declared[] = ['none', 'one_star', 'two_star'];
const CONF_COLOR: Record<Confidentiality, string> = { yes: 'teal', no: 'red', unknown: 'yellow' };

const empty: ContractorInput = {
  name: '',
  entrusted: '',
  confidentiality: 'unknown',
  declared: 'none',
  declarationId: null,
  corporateNumber: null,
  note: '',
};

const inputOf = (c: Contractor): ContractorInput => ({
  name: c.name,
  entrusted: c.entrusted,
  confidentiality: c.confidentiality,
  declared: c.declared,
  declarationId: c.declarationId,
  corporateNumber: c.corporateNumber,
  note: c.note ?? '',
});

/** /orgs/:orgId/owners/contractors — the companies the organisation entrusts information to. */
export function ContractorsPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const corner = useCorner(orgId);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const allowed = corner.data?.canEdit === true;
  const list = useContractors(orgId, q.trim(), page, allowed);
  const [editing, setEditing] = useState<{ contractor: Contractor | null } | null>(null);
  const [deleting, setDeleting] = useState<Contractor | null>(null);
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: (c: Contractor) =>
      api(`/api/v1/orgs/${orgId}/owners/contractors/${c.id}`, { method: 'DELETE' }),
    onSuccess: async (_r, c) => {
      notifications.show({ color: 'teal', message: t('owners.contractors.deleted', { name: c.name }) });
      setDeleting(null);
      await qc.invalidateQueries({ queryKey: ['owners', orgId] });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });

  const header = (
    <>
      <Anchor component={Link} to={`/orgs/${orgId}/owners`} size="sm">
        ← {t('owners.contractors.back')}
      </Anchor>
      <PageHeader
        title={t('owners.contractors.title')}
        description={t('owners.contractors.lead')}
        actions={
          allowed ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ contractor: null })}>
              {t('owners.contractors.add')}
            </Button>
          ) : null
        }
      />
    </>
  );
  if (corner.isPending) return <PageLoader />;
  if (corner.isError || !allowed)
    return (
      <>
        {header}
        <ErrorAlert error={corner.error ?? t('owners.contractors.forbidden')} />
      </>
    );

  const data = list.data;
  const s = corner.data.contractors;
  return (
    <>
      {header}
      <Stack gap="md">
        {s.withoutTerms + s.unknownTerms > 0 ? (
          <Alert color="yellow" variant="light">
            {t('owners.contractors.noTermsWarning')}
          </Alert>
        ) : null}
        <Group justify="space-between" gap="sm">
          <TextInput
            aria-label={t('owners.contractors.search')}
            placeholder={t('owners.contractors.search')}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            style={{ flex: '1 1 260px', maxWidth: 420 }}
          />
          {data ? (
            <Text size="sm" c="dimmed">
              {t('owners.contractors.total', { count: data.total })}
            </Text>
          ) : null}
        </Group>
        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <ErrorAlert error={list.error} />
        ) : data && data.items.length === 0 ? (
          <Alert color="gray" variant="light">
            {q.trim() ? t('owners.contractors.noMatch') : t('owners.contractors.empty')}
          </Alert>
        ) : data ? (
          <>
            <Box visibleFrom="md">
              <Table verticalSpacing="sm" striped={false} highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('owners.contractors.name')}</Table.Th>
                    <Table.Th>{t('owners.contractors.entrusted')}</Table.Th>
                    <Table.Th>{t('owners.contractors.confidentiality')}</Table.Th>
                    <Table.Th>{t('owners.contractors.declared')}</Table.Th>
                    <Table.Th>{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((c) => (
                    <Table.Tr key={c.id} data-testid={`contractor-${c.id}`}>
                      <Table.Td>
                        <Text fw={600} size="sm">
                          {c.name}
                        </Text>
                        {c.note ? (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {c.note}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{c.entrusted}</Text>
                      </Table.Td>
                      <Table.Td>
                        <ConfBadge value={c.confidentiality} />
                      </Table.Td>
                      <Table.Td>
                        <Declaration c={c} />
                      </Table.Td>
                      <Table.Td>
                        <RowActions
                          c={c}
                          onEdit={() => setEditing({ contractor: c })}
                          onDelete={() => setDeleting(c)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Box>
            <Stack gap="sm" hiddenFrom="md">
              {data.items.map((c) => (
                <Card key={c.id} withBorder padding="md" radius="md">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Text fw={700}>{c.name}</Text>
                    <ConfBadge value={c.confidentiality} withLabel />
                  </Group>
                  <Text size="sm" mt={4}>
                    {c.entrusted}
                  </Text>
                  <Box mt="xs">
                    <Declaration c={c} withLabel />
                  </Box>
                  {c.note ? (
                    <Text size="xs" c="dimmed" mt={4}>
                      {c.note}
                    </Text>
                  ) : null}
                  <Group justify="flex-end" mt="xs">
                    <RowActions
                      c={c}
                      onEdit={() => setEditing({ contractor: c })}
                      onDelete={() => setDeleting(c)}
                    />
                  </Group>
                </Card>
              ))}
            </Stack>
            {data.total > data.pageSize ? (
              <Group justify="center">
                <Pagination
                  total={Math.ceil(data.total / data.pageSize)}
                  value={page}
                  onChange={setPage}
                  getControlProps={(control) => ({ 'aria-label': control })}
                />
              </Group>
            ) : null}
          </>
        ) : null}
      </Stack>
      <ContractorForm orgId={orgId} state={editing} onClose={() => setEditing(null)} />
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('owners.contractors.deleteTitle')}
        centered
      >
        <Stack gap="md">
          <Text>{t('owners.contractors.deleteBody', { name: deleting?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => deleting && remove.mutate(deleting)}
            >
              {t('owners.contractors.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function ConfBadge({ value, withLabel }: { value: Confidentiality; withLabel?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge tt="none" color={CONF_COLOR[value]} variant="light" style={{ flexShrink: 0 }}>
      {withLabel ? `${t('owners.contractors.confShort')}: ` : ''}
      {t(`owners.contractors.conf.${value}`)}
    </Badge>
  );
}

/** What the owner recorded, and what the registry says when the contractor is in it. */
function Declaration({ c, withLabel }: { c: Contractor; withLabel?: boolean }) {
  const { t } = useTranslation();
  const r = c.registry;
  return (
    <Stack gap={2}>
      <Text size="sm">
        {withLabel ? (
          <Text span size="sm" c="dimmed">
            SECURITY ACTION:{' '}
          </Text>
        ) : null}
        {t(`owners.contractors.decl.${c.declared}`)}
      </Text>
      {r ? (
        <Text size="xs" c={r.status === 'active' ? 'teal.8' : 'red.8'}>
          {t('owners.contractors.registry')}:{' '}
          {r.status === 'active'
            ? t('owners.contractors.registryActive', { stars: '★'.repeat(r.star) })
            : t('owners.contractors.registryEnded', {
                status: t(`owners.contractors.status.${r.status}`),
              })}{' '}
          <Anchor
            href={r.verifyUrl}
            target="_blank"
            rel="noopener"
            size="xs"
            aria-label={t('owners.contractors.verifyFor', { name: c.name })}
          >
            {t('owners.contractors.verify')}（{r.id}）
          </Anchor>
        </Text>
      ) : c.declarationId ? (
        <Text size="xs" c="dimmed">
          {c.declarationId} · {t('owners.contractors.notInRegistry')}
        </Text>
      ) : null}
      {c.mismatch ? (
        <Text size="xs" c="orange.8" fw={600}>
          {t('owners.contractors.mismatch')}
        </Text>
      ) : null}
    </Stack>
  );
}

function RowActions({ c, onEdit, onDelete }: { c: Contractor; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="xs"
        variant="subtle"
        onClick={onEdit}
        aria-label={t('owners.contractors.editFor', { name: c.name })}
      >
        {t('owners.contractors.edit')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={onDelete}
        aria-label={t('owners.contractors.deleteFor', { name: c.name })}
      >
        {t('owners.contractors.delete')}
      </Button>
    </Group>
  );
}

function ContractorForm(props: {
  orgId: string;
  state: { contractor: Contractor | null } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<ContractorInput>(empty);
  const [openedFor, setOpenedFor] = useState<{ contractor: Contractor | null } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  if (props.state && openedFor !== props.state) {
    setOpenedFor(props.state);
    setDraft(props.state.contractor ? inputOf(props.state.contractor) : empty);
    setFields({});
  }
  const editing = props.state?.contractor ?? null;
  const set = <K extends keyof ContractorInput>(k: K, v: ContractorInput[K]) =>
    setDraft((d) => ({ ...d, [k]: v }));

  const save = useMutation({
    mutationFn: (body: ContractorInput) =>
      editing
        ? api<Contractor>(`/api/v1/orgs/${props.orgId}/owners/contractors/${editing.id}`, {
            method: 'PATCH',
            body,
          })
        : api<Contractor>(`/api/v1/orgs/${props.orgId}/owners/contractors`, { method: 'POST', body }),
    onSuccess: async (c) => {
      notifications.show({
        color: 'teal',
        message: t(editing ? 'owners.contractors.updated' : 'owners.contractors.saved', { name: c.name }),
      });
      await qc.invalidateQueries({ queryKey: contractorsKey(props.orgId) });
      await qc.invalidateQueries({ queryKey: cornerKey(props.orgId) });
      props.onClose();
    },
    onError: (err) => setFields(err instanceof ApiError ? err.fields : {}),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!draft.name.trim()) f.name = t('owners.errors.name');
    if (!draft.entrusted.trim()) f.entrusted = t('owners.errors.entrusted');
    setFields(f);
    if (Object.keys(f).length > 0) return;
    save.mutate({
      ...draft,
      name: draft.name.trim(),
      entrusted: draft.entrusted.trim(),
      declarationId: draft.declarationId?.trim() || null,
      corporateNumber: draft.corporateNumber?.trim() || null,
      note: draft.note.trim(),
    });
  };

  return (
    <Modal
      opened={props.state !== null}
      onClose={props.onClose}
      title={editing ? t('owners.contractors.editTitle') : t('owners.contractors.addTitle')}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {save.isError && !(save.error instanceof ApiError && Object.keys(save.error.fields).length > 0) ? (
            <ErrorAlert error={save.error} />
          ) : null}
          <TextInput
            label={t('owners.contractors.name')}
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={fields.name}
            maxLength={200}
            required
            data-autofocus
          />
          <TextInput
            label={t('owners.contractors.entrusted')}
            description={t('owners.contractors.entrustedHint')}
            value={draft.entrusted}
            onChange={(e) => set('entrusted', e.currentTarget.value)}
            error={fields.entrusted}
            maxLength={500}
            required
          />
          <Radio.Group
            label={t('owners.contractors.confidentiality')}
            description={t('owners.contractors.confidentialityHint')}
            value={draft.confidentiality}
            onChange={(v) => set('confidentiality', v as Confidentiality)}
            error={fields.confidentiality}
          >
            <Group gap="lg" mt={6}>
              {CONF.map((v) => (
                <Radio key={v} value={v} label={t(`owners.contractors.conf.${v}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Radio.Group
            label={t('owners.contractors.declared')}
            description={t('owners.contractors.declaredHint')}
            value={draft.declared}
            onChange={(v) => set('declared', v as Declared)}
            error={fields.declared}
          >
            <Group gap="lg" mt={6}>
              {DECL.map((v) => (
                <Radio key={v} value={v} label={t(`owners.contractors.decl.${v}`)} />
              ))}
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput
              label={`${t('owners.contractors.declarationId')}${t('common.optionalSuffix')}`}
              description={t('owners.contractors.declarationIdHint')}
              placeholder="SA-XXXX-XXXX"
              value={draft.declarationId ?? ''}
              onChange={(e) => set('declarationId', e.currentTarget.value)}
              error={fields.declarationId}
              maxLength={32}
              inputWrapperOrder={['label', 'description', 'input', 'error']}
            />
            <TextInput
              label={`${t('owners.contractors.corporateNumber')}${t('common.optionalSuffix')}`}
              description={t('owners.contractors.corporateNumberHint')}
              value={draft.corporateNumber ?? ''}
              onChange={(e) => set('corporateNumber', e.currentTarget.value)}
              error={fields.corporateNumber}
              inputMode="numeric"
              maxLength={13}
            />
          </SimpleGrid>
          <Textarea
            label={`${t('owners.contractors.note')}${t('common.optionalSuffix')}`}
            value={draft.note}
            onChange={(e) => set('note', e.currentTarget.value)}
            error={fields.note}
            autosize
            minRows={2}
            maxRows={5}
            maxLength={2000}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {editing ? t('common.saveChanges') : t('owners.contractors.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

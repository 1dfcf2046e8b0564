import {
  Anchor,
  Box,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../../web/src/api.ts';
import { ErrorAlert } from '../../../../web/src/components/Page.tsx';
import { useLang } from '../../../../web/src/i18n.ts';
import { useMe } from '../../../../web/src/me.ts';
import { roleLabel } from '../../../../web/src/reference.ts';
import {
  type ActionPatch,
  type ActionStatus,
  addMonths,
  cornerKey,
  type OwnerAction,
  STATUSES,
  todayJst,
  useOrgMembers,
} from './owners-api.ts';

interface Draft {
  status: ActionStatus;
  responsibleUserId: string | null;
  reviewDate: string;
  note: string;
}

const draftOf = (a: OwnerAction): Draft => ({
  status: a.status,
  responsibleUserId: a.responsibleUserId,
  reviewDate: a.reviewDate ?? '',
  note: a.note ?? '',
});

/**
 * Records one action: its state, who is responsible, the next review date and a note.
 * The responsible member who is not an editor sees only the state and the note.
 */
export function ActionForm(props: {
  orgId: string;
  action: OwnerAction | null;
  full: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const me = useMe();
  const a = props.action;
  const members = useOrgMembers(props.orgId, !!a && props.full);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [openedFor, setOpenedFor] = useState<OwnerAction | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  if (a && openedFor !== a) {
    setOpenedFor(a);
    setDraft(draftOf(a));
    setFields({});
  }
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d));

  const save = useMutation({
    mutationFn: (body: ActionPatch) =>
      api<OwnerAction>(`/api/v1/orgs/${props.orgId}/owners/actions/${a?.no}`, { method: 'PATCH', body }),
    onSuccess: async (saved) => {
      // The server mails a newly chosen member, but not someone who chose themselves.
      const told =
        !!saved.responsibleUserId &&
        saved.responsibleUserId !== a?.responsibleUserId &&
        saved.responsibleUserId !== me.data?.user.id;
      notifications.show({
        color: 'teal',
        message: told
          ? t('owners.form.savedNotified', { no: saved.no, name: saved.responsibleName })
          : t('owners.form.saved', { no: saved.no }),
      });
      await qc.invalidateQueries({ queryKey: ['owners', props.orgId] });
      await qc.invalidateQueries({ queryKey: cornerKey(props.orgId) });
      props.onClose();
    },
    onError: (err) => setFields(err instanceof ApiError ? err.fields : {}),
  });

  if (!a || !draft) return <Modal opened={false} onClose={props.onClose} />;

  const suggestion = addMonths(todayJst(), a.reviewMonths);
  const chooseStatus = (v: string) => {
    const status = v as ActionStatus;
    set('status', status);
    // Marking an action done is the moment to decide when to look at it again.
    if (props.full && status === 'done' && !draft.reviewDate) set('reviewDate', suggestion);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: ActionPatch = { status: draft.status, note: draft.note.trim() };
    if (props.full) {
      body.responsibleUserId = draft.responsibleUserId;
      body.reviewDate = draft.reviewDate || null;
    }
    save.mutate(body);
  };

  const memberOptions = (members.data?.members ?? []).map((m) => ({
    value: m.userId,
    label: `${m.name}（${roleLabel(m.role, lang)}）`,
  }));

  return (
    <Modal opened onClose={props.onClose} title={t('owners.form.title', { no: a.no })} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fw={700}>{a.title}</Text>
          {save.isError && !(save.error instanceof ApiError && Object.keys(save.error.fields).length > 0) ? (
            <ErrorAlert error={save.error} />
          ) : null}
          <Stack gap={6}>
            <Text size="sm" fw={500} id="owners-status-label">
              {t('owners.form.status')}
            </Text>
            <SegmentedControl
              aria-labelledby="owners-status-label"
              value={draft.status}
              onChange={chooseStatus}
              data={STATUSES.map((s) => ({ value: s, label: t(`owners.status.${s}`) }))}
              fullWidth
              color={draft.status === 'done' ? 'teal' : draft.status === 'in_progress' ? 'brand' : 'gray'}
            />
            {fields.status ? (
              <Text size="xs" c="red">
                {fields.status}
              </Text>
            ) : null}
          </Stack>
          {props.full ? (
            <>
              <Select
                label={t('owners.form.responsible')}
                description={t('owners.form.responsibleHint')}
                placeholder={t('owners.corner.noResponsible')}
                data={memberOptions}
                value={draft.responsibleUserId}
                onChange={(v) => set('responsibleUserId', v)}
                error={fields.responsibleUserId}
                clearable
                searchable
                nothingFoundMessage={t('common.nothingFound')}
                comboboxProps={{ withinPortal: true }}
              />
              <TextInput
                type="date"
                label={t('owners.form.reviewDate')}
                description={t('owners.form.reviewHint', { months: a.reviewMonths })}
                value={draft.reviewDate}
                onChange={(e) => set('reviewDate', e.currentTarget.value)}
                error={fields.reviewDate}
                inputWrapperOrder={['label', 'description', 'input', 'error']}
              />
              {draft.reviewDate !== suggestion ? (
                <Box mt={-8}>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => set('reviewDate', suggestion)}
                  >
                    {t('owners.form.suggest', { months: a.reviewMonths })}
                  </Anchor>
                </Box>
              ) : null}
            </>
          ) : null}
          <Textarea
            label={`${t('owners.form.note')}${t('common.optionalSuffix')}`}
            description={t('owners.form.noteHint')}
            value={draft.note}
            onChange={(e) => set('note', e.currentTarget.value)}
            error={fields.note}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

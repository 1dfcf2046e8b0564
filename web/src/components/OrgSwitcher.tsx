import { Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api, errorMessage } from '../api.ts';
import { useLang } from '../i18n.ts';
import { IconBuilding } from '../icons.tsx';
import { activeOrg, refreshSession, useMe } from '../me.ts';
import { roleLabel } from '../reference.ts';

/** Select of the user's organisations; choosing one makes it the active organisation. */
export function OrgSwitcher({ withLabel = false }: { withLabel?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const activate = useMutation({
    mutationFn: (orgId: string) =>
      api<{ activeOrgId: string }>(`/api/v1/orgs/${orgId}/activate`, { method: 'POST' }),
    onSuccess: async (_res, orgId) => {
      const previous = activeOrg(me.data)?.id;
      await refreshSession(qc);
      // Stay on the same kind of page for the newly chosen organisation.
      if (previous && location.pathname.startsWith(`/orgs/${previous}/`)) {
        navigate(location.pathname.replace(`/orgs/${previous}/`, `/orgs/${orgId}/`));
      }
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  const orgs = me.data?.orgs ?? [];
  if (orgs.length === 0) return null;
  const current = activeOrg(me.data);
  return (
    <Select
      label={withLabel ? t('common.orgSwitcher.label') : undefined}
      aria-label={withLabel ? undefined : t('common.orgSwitcher.label')}
      data={orgs.map((o) => ({ value: o.id, label: o.name }))}
      renderOption={({ option }) => {
        const org = orgs.find((o) => o.id === option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {org ? (
              <Text size="xs" c="dimmed">
                {t('common.orgSwitcher.option', {
                  kind: t(`orgs.kinds.${org.kind}`),
                  role: roleLabel(org.role, lang),
                })}
              </Text>
            ) : null}
          </Stack>
        );
      }}
      value={current?.id ?? null}
      onChange={(v) => {
        if (v && v !== current?.id) activate.mutate(v);
      }}
      allowDeselect={false}
      disabled={activate.isPending}
      w={withLabel ? '100%' : 260}
      leftSection={<IconBuilding size={16} />}
      comboboxProps={{ withinPortal: true }}
      data-testid="org-switcher"
    />
  );
}

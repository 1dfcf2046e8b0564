import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { AdminList } from './AdminList.tsx';

interface AdminUser {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  isOperator: boolean;
  createdAt: string;
}

export function AdminUsersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <AdminList<AdminUser>
      title={t('admin.users.title')}
      description={t('admin.users.lead')}
      endpoint="/api/v1/admin/users"
      filterParam="q"
      filterLabel={t('admin.users.search')}
      columns={[
        {
          key: 'name',
          label: t('auth.fields.name'),
          render: (u) => (
            <Text size="sm" fw={600}>
              {u.name}
            </Text>
          ),
        },
        { key: 'email', label: t('auth.fields.email'), render: (u) => u.email },
        {
          key: 'status',
          label: t('admin.users.status'),
          render: (u) => (
            <Group gap={4}>
              <Badge size="sm" variant="light" color={u.emailVerified ? 'teal' : 'yellow'}>
                {u.emailVerified ? t('account.profile.verified') : t('account.profile.unverified')}
              </Badge>
              {u.twoFactorEnabled ? (
                <Badge size="sm" variant="light" color="brand">
                  {t('admin.users.twoFactor')}
                </Badge>
              ) : null}
              {u.isOperator ? (
                <Badge size="sm" variant="filled" color="grape">
                  {t('admin.users.operator')}
                </Badge>
              ) : null}
            </Group>
          ),
        },
        { key: 'created', label: t('admin.users.registered'), render: (u) => formatDate(u.createdAt, lang) },
      ]}
    />
  );
}

import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { EMPLOYEE_BANDS, INDUSTRIES, PREFECTURES, refLabel } from '../../../../web/src/reference.ts';
import { AdminList } from './AdminList.tsx';

interface AdminOrg {
  id: string;
  name: string;
  kind: 'sme' | 'provider';
  prefecture: string;
  industry: string;
  employees: string;
  memberCount: number;
  createdAt: string;
}

export function AdminOrgsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <AdminList<AdminOrg>
      title={t('admin.orgs.title')}
      description={t('admin.orgs.lead')}
      endpoint="/api/v1/admin/orgs"
      filterParam="q"
      filterLabel={t('admin.orgs.search')}
      minWidth={860}
      columns={[
        {
          key: 'name',
          label: t('orgs.fields.name'),
          render: (o) => (
            <Text size="sm" fw={600}>
              {o.name}
            </Text>
          ),
        },
        {
          key: 'kind',
          label: t('orgs.fields.kind'),
          render: (o) => (
            <Badge variant="light" color={o.kind === 'sme' ? 'brand' : 'grape'}>
              {t(`orgs.kinds.${o.kind}`)}
            </Badge>
          ),
        },
        {
          key: 'prefecture',
          label: t('orgs.fields.prefecture'),
          render: (o) => refLabel(PREFECTURES, o.prefecture, lang),
        },
        {
          key: 'industry',
          label: t('orgs.fields.industry'),
          render: (o) => refLabel(INDUSTRIES, o.industry, lang),
        },
        {
          key: 'employees',
          label: t('orgs.fields.employees'),
          render: (o) => refLabel(EMPLOYEE_BANDS, o.employees, lang),
        },
        { key: 'members', label: t('admin.orgs.members'), render: (o) => o.memberCount },
        { key: 'created', label: t('admin.createdAt'), render: (o) => formatDate(o.createdAt, lang) },
      ]}
    />
  );
}

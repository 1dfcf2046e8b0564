import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../../web/src/i18n.ts';
import { EMPLOYEE_BANDS, INDUSTRIES, PREFECTURES, refLabel } from '../../../../web/src/reference.ts';
import type { Org } from './org-api.ts';

function Detail({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Stack>
  );
}

/** An organisation's profile as read-only label/value pairs. */
export function OrgDetails({ org, withName = false }: { org: Org; withName?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: withName ? 2 : 4 }} spacing="md" verticalSpacing="md">
      {withName ? <Detail label={t('orgs.fields.name')} value={org.name} /> : null}
      {withName ? <Detail label={t('orgs.fields.kind')} value={t(`orgs.kinds.${org.kind}`)} /> : null}
      <Detail label={t('orgs.fields.prefecture')} value={refLabel(PREFECTURES, org.prefecture, lang)} />
      <Detail label={t('orgs.fields.industry')} value={refLabel(INDUSTRIES, org.industry, lang)} />
      <Detail label={t('orgs.fields.employees')} value={refLabel(EMPLOYEE_BANDS, org.employees, lang)} />
      <Detail
        label={t('orgs.fields.corporateNumber')}
        value={org.corporateNumber ?? t('orgs.dashboard.notSet')}
      />
      {org.website || withName ? (
        <Detail
          label={t('orgs.fields.website')}
          value={
            org.website ? (
              <Anchor href={org.website} target="_blank" rel="noopener noreferrer" size="sm">
                {org.website}
              </Anchor>
            ) : (
              t('orgs.dashboard.notSet')
            )
          }
        />
      ) : null}
    </SimpleGrid>
  );
}

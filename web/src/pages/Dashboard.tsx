import { Stack } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader, PageLoader } from '../components/Page.tsx';
import { useMe } from '../me.ts';
import { modules } from '../modules.ts';

function greetingKey(): string {
  const h = new Date().getHours();
  if (h < 11) return 'dashboard.greeting.morning';
  if (h < 18) return 'dashboard.greeting.day';
  return 'dashboard.greeting.evening';
}

/** The signed-in home: a greeting and every module's dashboard widgets. */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <PageLoader />;
  const widgets = modules.flatMap((m) => m.dashboard ?? []).sort((a, b) => a.order - b.order);
  return (
    <>
      <PageHeader
        title={t(greetingKey(), { name: me.data.user.name })}
        description={t('dashboard.lead')}
        docTitle={t('dashboard.title')}
      />
      <Stack gap="lg">
        {widgets.map((w) => (
          <Fragment key={w.id}>{w.element}</Fragment>
        ))}
      </Stack>
    </>
  );
}

import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../../web/src/api.ts';
import { formatYen } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';

interface SubsidyYear {
  fiscalYear: number;
  minSubsidy: number;
  maxSubsidy: number;
  rate: number[];
  smallBusinessRate: number[];
  confirmed: boolean;
  note: string | null;
  source: 'content' | 'operator';
}

/** The operator keeps the subsidy rules per fiscal year current (IT導入補助金 and its successor). */
export function AdminSubsidyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const years = useQuery({
    queryKey: ['subsidy-years'],
    queryFn: () => api<SubsidyYear[]>('/api/v1/subsidy/years'),
  });
  const [form, setForm] = useState({
    fiscalYear: new Date().getFullYear() + 1,
    minSubsidy: 50_000,
    maxSubsidy: 1_500_000,
    rateNum: 1,
    rateDen: 2,
    smallNum: 2,
    smallDen: 3,
    confirmed: false,
    noteJa: '',
    noteEn: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      api(`/api/v1/admin/subsidy/years/${form.fiscalYear}`, {
        method: 'PUT',
        body: {
          minSubsidy: form.minSubsidy,
          maxSubsidy: form.maxSubsidy,
          rate: [form.rateNum, form.rateDen],
          smallBusinessRate: [form.smallNum, form.smallDen],
          confirmed: form.confirmed,
          note: { ja: form.noteJa, en: form.noteEn },
        },
      }),
    onSuccess: () => {
      setErrors({});
      notifications.show({
        color: 'teal',
        message: t('services.subsidyAdmin.saved', { year: form.fiscalYear }),
      });
      void qc.invalidateQueries({ queryKey: ['subsidy-years'] });
    },
    onError: (err) => {
      if (err instanceof ApiError) {
        setErrors(err.fields);
        notifications.show({ color: 'red', message: err.message });
      }
    },
  });
  const edit = (y: SubsidyYear) =>
    setForm({
      fiscalYear: y.fiscalYear,
      minSubsidy: y.minSubsidy,
      maxSubsidy: y.maxSubsidy,
      rateNum: y.rate[0] ?? 1,
      rateDen: y.rate[1] ?? 2,
      smallNum: y.smallBusinessRate[0] ?? 1,
      smallDen: y.smallBusinessRate[1] ?? 2,
      confirmed: y.confirmed,
      noteJa: y.note ?? '',
      noteEn: '',
    });
  const num = (key: keyof typeof form) => (v: string | number) =>
    setForm((f) => ({ ...f, [key]: Number(v) || 0 }));

  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Title order={1}>{t('services.subsidyAdmin.title')}</Title>
        <Text c="dimmed">{t('services.subsidyAdmin.lead')}</Text>
      </div>
      <Card withBorder padding="lg">
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('services.subsidyAdmin.year')}</Table.Th>
                <Table.Th>{t('services.subsidyAdmin.range')}</Table.Th>
                <Table.Th>{t('services.subsidyAdmin.rate')}</Table.Th>
                <Table.Th>{t('services.subsidyAdmin.smallRate')}</Table.Th>
                <Table.Th>{t('services.subsidyAdmin.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(years.data ?? []).map((y) => (
                <Table.Tr key={y.fiscalYear}>
                  <Table.Td>{t('services.subsidyAdmin.fy', { year: y.fiscalYear })}</Table.Td>
                  <Table.Td>
                    {formatYen(y.minSubsidy, lang)}〜{formatYen(y.maxSubsidy, lang)}
                  </Table.Td>
                  <Table.Td>{y.rate.join('/')}</Table.Td>
                  <Table.Td>{y.smallBusinessRate.join('/')}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Badge color={y.confirmed ? 'teal' : 'orange'} variant="light">
                        {t(
                          y.confirmed
                            ? 'services.subsidyAdmin.confirmed'
                            : 'services.subsidyAdmin.unconfirmed',
                        )}
                      </Badge>
                      <Badge color="gray" variant="outline">
                        {t(`services.subsidyAdmin.source.${y.source}`)}
                      </Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => edit(y)}>
                      {t('services.subsidyAdmin.edit', { year: y.fiscalYear })}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Card withBorder padding="lg" component="form" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
        <Stack>
          <Title order={2} size="h4">
            {t('services.subsidyAdmin.formTitle')}
          </Title>
          <Group grow align="flex-start">
            <NumberInput
              label={t('services.subsidyAdmin.year')}
              value={form.fiscalYear}
              onChange={num('fiscalYear')}
              min={2000}
              max={2100}
            />
            <NumberInput
              label={t('services.subsidyAdmin.min')}
              value={form.minSubsidy}
              onChange={num('minSubsidy')}
              thousandSeparator=","
              min={0}
              error={errors.minSubsidy}
            />
            <NumberInput
              label={t('services.subsidyAdmin.max')}
              value={form.maxSubsidy}
              onChange={num('maxSubsidy')}
              thousandSeparator=","
              min={1}
            />
          </Group>
          <Group grow align="flex-start">
            <NumberInput
              label={t('services.subsidyAdmin.rateNum')}
              value={form.rateNum}
              onChange={num('rateNum')}
              min={1}
              error={errors.rate}
            />
            <NumberInput
              label={t('services.subsidyAdmin.rateDen')}
              value={form.rateDen}
              onChange={num('rateDen')}
              min={1}
            />
            <NumberInput
              label={t('services.subsidyAdmin.smallNum')}
              value={form.smallNum}
              onChange={num('smallNum')}
              min={1}
              error={errors.smallBusinessRate}
            />
            <NumberInput
              label={t('services.subsidyAdmin.smallDen')}
              value={form.smallDen}
              onChange={num('smallDen')}
              min={1}
            />
          </Group>
          <Switch
            label={t('services.subsidyAdmin.confirmedSwitch')}
            checked={form.confirmed}
            onChange={(e) => setForm((f) => ({ ...f, confirmed: e.currentTarget.checked }))}
          />
          <Textarea
            label={t('services.subsidyAdmin.noteJa')}
            value={form.noteJa}
            onChange={(e) => setForm((f) => ({ ...f, noteJa: e.currentTarget.value }))}
          />
          <Textarea
            label={t('services.subsidyAdmin.noteEn')}
            value={form.noteEn}
            onChange={(e) => setForm((f) => ({ ...f, noteEn: e.currentTarget.value }))}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('services.subsidyAdmin.save')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}

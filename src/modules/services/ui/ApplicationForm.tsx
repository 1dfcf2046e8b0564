import {
  Box,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  type NumberInputProps,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../../web/src/i18n.ts';
import { PREFECTURES, refOptions } from '../../../../web/src/reference.ts';
import { type FormErrors, type FormValues, normaliseUrl } from './application-form.ts';
import { CheckList } from './parts.tsx';
import {
  type CheckItem,
  DESK_CHANNELS,
  type DeskChannel,
  hasDevices,
  hasNetwork,
  SERVICE_TYPES,
  type ServiceType,
  type Standard,
  type Tier,
  yen,
} from './services-api.ts';

type Setter = <K extends keyof FormValues>(key: K, value: FormValues[K]) => void;

function Section({
  id,
  title,
  lead,
  checks,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  checks?: CheckItem[];
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {lead ? (
        <Text size="sm" c="dimmed" mt={2}>
          {lead}
        </Text>
      ) : null}
      <Stack gap="md" mt="md">
        {children}
        {checks && checks.length > 0 ? <CheckList items={checks} compact /> : null}
      </Stack>
    </Card>
  );
}

/** A yen / count input: '' when empty, whole numbers only. */
function IntInput(
  props: Omit<NumberInputProps, 'value' | 'onChange'> & {
    value: number | '';
    onChange: (v: number | '') => void;
    yenUnit?: boolean;
  },
) {
  const lang = useLang();
  const { value, onChange, yenUnit, ...rest } = props;
  return (
    <NumberInput
      {...rest}
      value={value}
      onChange={(v) =>
        onChange(typeof v === 'number' ? v : v === '' ? '' : Number.isNaN(Number(v)) ? '' : Number(v))
      }
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator={yenUnit ? ',' : undefined}
      suffix={yenUnit && lang === 'ja' ? ' 円' : rest.suffix}
      prefix={yenUnit && lang !== 'ja' ? '¥' : rest.prefix}
    />
  );
}

export function ApplicationForm({
  values: v,
  set,
  errors,
  standard,
  checks,
  disabled,
}: {
  values: FormValues;
  set: Setter;
  errors: FormErrors;
  standard: Standard | undefined;
  checks: CheckItem[] | undefined;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const pick = (...ids: string[]) => (checks ?? []).filter((c) => ids.includes(c.id));
  const tier = standard?.tiers.find((x) => x.id === v.tier);
  const caps = tier?.caps;

  return (
    <Box component="fieldset" disabled={disabled} m={0} p={0} style={{ border: 0, minWidth: 0 }}>
      <Stack gap="lg">
        <Section id="form-basic" title={t('services.section.basic')} lead={t('services.form.basicLead')}>
          <TextInput
            label={t('services.fields.name')}
            value={v.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            required
            maxLength={200}
          />
          <Box>
            <Text component="span" size="sm" fw={500} display="block" mb={4} id="form-tier-label">
              {t('services.fields.tier')}
            </Text>
            <SegmentedControl
              aria-labelledby="form-tier-label"
              value={v.tier}
              onChange={(x) => set('tier', x as Tier)}
              data={[
                { value: '1', label: t('services.tier.1') },
                { value: '2', label: t('services.tier.2') },
              ]}
              disabled={disabled}
            />
            {tier ? (
              <Text size="xs" c="dimmed" mt={4}>
                {tier.description}
              </Text>
            ) : null}
          </Box>
          <Radio.Group
            label={t('services.fields.type')}
            value={v.type}
            onChange={(x) => set('type', x as ServiceType)}
            required
          >
            <Stack gap="xs" mt={6}>
              {SERVICE_TYPES.map((type) => (
                <Radio
                  key={type}
                  value={type}
                  label={t(`services.type.${type}`)}
                  description={t(`services.typeHint.${type}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('services.fields.summary')}
            description={t('services.form.summaryHint', { count: v.summary.length })}
            value={v.summary}
            onChange={(e) => set('summary', e.currentTarget.value)}
            error={errors.summary}
            required
            autosize
            minRows={2}
            maxLength={300}
          />
          <Textarea
            label={t('services.fields.description')}
            description={t('services.form.descriptionHint')}
            value={v.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errors.description}
            required
            autosize
            minRows={4}
            maxLength={5000}
          />
          <Textarea
            label={t('services.fields.easeDescription')}
            description={t('services.form.easeHint')}
            value={v.easeDescription}
            onChange={(e) => set('easeDescription', e.currentTarget.value)}
            error={errors.easeDescription}
            autosize
            minRows={3}
            maxLength={2000}
          />
          <CheckList items={pick('ease')} compact />
          <Switch
            label={t('services.form.nationwide')}
            checked={v.allPrefectures}
            onChange={(e) => set('allPrefectures', e.currentTarget.checked)}
          />
          {v.allPrefectures ? null : (
            <MultiSelect
              label={t('services.fields.prefectures')}
              description={t('services.form.prefecturesHint')}
              data={refOptions(PREFECTURES, lang)}
              value={v.prefectures}
              onChange={(x) => set('prefectures', x)}
              error={errors.prefectures}
              searchable
              required
              hidePickedOptions
              nothingFoundMessage={t('common.nothingFound')}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <TextInput
            label={t('services.fields.url') + t('common.optionalSuffix')}
            value={v.url}
            onChange={(e) => set('url', e.currentTarget.value)}
            onBlur={() => set('url', normaliseUrl(v.url))}
            error={errors.url}
            type="url"
            inputMode="url"
            placeholder="https://example.co.jp/otasuke"
            maxLength={300}
          />
        </Section>

        <Section
          id="form-monitoring"
          title={t('services.section.monitoring')}
          lead={t('services.form.monitoringLead')}
          checks={pick('monitoring', 'tier2_devices')}
        >
          <TextInput
            label={t('services.fields.monitoredDevices')}
            description={t('services.form.monitoredDevicesHint')}
            value={v.monitoredDevices}
            onChange={(e) => set('monitoredDevices', e.currentTarget.value)}
            error={errors.monitoredDevices}
            required
            maxLength={300}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <IntInput
              label={t('services.fields.monitoringHours')}
              description={t('services.form.monitoringHoursHint')}
              value={v.monitoringHours}
              onChange={(x) => set('monitoringHours', x)}
              error={errors.monitoringHours}
              min={0}
              max={24}
              clampBehavior="strict"
              suffix={lang === 'ja' ? ' 時間' : ' h'}
              required
            />
            <IntInput
              label={t('services.fields.maxMonitoredDevices') + t('common.optionalSuffix')}
              description={
                v.tier === '2' && hasNetwork(v.type) && tier?.minMonitoredDevices
                  ? t('services.form.maxDevicesTier2', { min: tier.minMonitoredDevices })
                  : t('services.form.maxDevicesHint')
              }
              value={v.maxMonitoredDevices}
              onChange={(x) => set('maxMonitoredDevices', x)}
              error={errors.maxMonitoredDevices}
              min={1}
              max={1_000_000}
              suffix={lang === 'ja' ? ' 台' : undefined}
            />
          </SimpleGrid>
        </Section>

        <Section
          id="form-desk"
          title={t('services.section.desk')}
          lead={t('services.form.deskLead')}
          checks={pick('desk')}
        >
          <Checkbox.Group
            label={t('services.fields.deskChannels')}
            value={v.deskChannels}
            onChange={(x) => set('deskChannels', x as DeskChannel[])}
            error={errors.deskChannels}
          >
            <Group gap="md" mt={6}>
              {DESK_CHANNELS.map((c) => (
                <Checkbox key={c} value={c} label={t(`services.channel.${c}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('services.fields.deskHours')}
              placeholder={t('services.form.deskHoursPlaceholder')}
              value={v.deskHours}
              onChange={(e) => set('deskHours', e.currentTarget.value)}
              error={errors.deskHours}
              required
              maxLength={200}
            />
            <IntInput
              label={t('services.fields.firstResponseMinutes')}
              description={t('services.form.firstResponseHint')}
              value={v.firstResponseMinutes}
              onChange={(x) => set('firstResponseMinutes', x)}
              error={errors.firstResponseMinutes}
              min={1}
              max={10_080}
              suffix={lang === 'ja' ? ' 分' : ' min'}
              required
            />
          </SimpleGrid>
        </Section>

        <Section
          id="form-onsite"
          title={t('services.section.onsite')}
          lead={t('services.form.onsiteLead')}
          checks={pick('onsite')}
        >
          <Switch
            label={t('services.form.onsiteAvailable')}
            checked={v.onsiteAvailable}
            onChange={(e) => set('onsiteAvailable', e.currentTarget.checked)}
          />
          {v.onsiteAvailable ? (
            <>
              <Checkbox
                label={t('services.form.remoteOnly')}
                description={t('services.form.remoteOnlyHint')}
                checked={v.onsiteRemoteOnly}
                onChange={(e) => set('onsiteRemoteOnly', e.currentTarget.checked)}
              />
              <Textarea
                label={t('services.fields.onsiteTerms')}
                description={t('services.form.onsiteTermsHint')}
                value={v.onsiteTerms}
                onChange={(e) => set('onsiteTerms', e.currentTarget.value)}
                error={errors.onsiteTerms}
                autosize
                minRows={2}
                maxLength={2000}
              />
              <IntInput
                label={t('services.fields.onsiteWithinHours') + t('common.optionalSuffix')}
                value={v.onsiteWithinHours}
                onChange={(x) => set('onsiteWithinHours', x)}
                error={errors.onsiteWithinHours}
                min={1}
                max={720}
                suffix={lang === 'ja' ? ' 時間' : ' h'}
                maw={260}
              />
            </>
          ) : null}
        </Section>

        <Section
          id="form-insurance"
          title={t('services.section.insurance')}
          lead={t('services.form.insuranceLead')}
          checks={pick('insurance')}
        >
          <Switch
            label={t('services.form.hasInsurance')}
            checked={v.hasInsurance}
            onChange={(e) => set('hasInsurance', e.currentTarget.checked)}
          />
          {v.hasInsurance ? (
            <>
              <TextInput
                label={t('services.fields.insurer')}
                value={v.insurer}
                onChange={(e) => set('insurer', e.currentTarget.value)}
                error={errors.insurer}
                required
                maxLength={200}
              />
              <Checkbox
                label={t('services.form.coversInitialResponse')}
                checked={v.coversInitialResponse}
                onChange={(e) => set('coversInitialResponse', e.currentTarget.checked)}
              />
              <Textarea
                label={t('services.fields.coverage')}
                description={t('services.form.coverageHint')}
                value={v.coverage}
                onChange={(e) => set('coverage', e.currentTarget.value)}
                error={errors.coverage}
                autosize
                minRows={2}
                maxLength={2000}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <IntInput
                  label={t('services.fields.limitYen') + t('common.optionalSuffix')}
                  value={v.limitYen}
                  onChange={(x) => set('limitYen', x)}
                  error={errors.limitYen}
                  min={0}
                  max={100_000_000}
                  yenUnit
                />
                <IntInput
                  label={t('services.fields.copayYen') + t('common.optionalSuffix')}
                  description={t('services.form.copayHint')}
                  value={v.copayYen}
                  onChange={(x) => set('copayYen', x)}
                  error={errors.copayYen}
                  min={0}
                  max={100_000_000}
                  yenUnit
                />
              </SimpleGrid>
            </>
          ) : null}
        </Section>

        <Section
          id="form-price"
          title={t('services.section.priceForm')}
          lead={
            caps
              ? t('services.form.capsHint', {
                  tier: tier?.name ?? '',
                  network: yen(caps.networkMonthly, lang),
                  device: yen(caps.endpointMonthlyPerDevice, lang),
                  sum: yen(caps.networkMonthly + caps.endpointMonthlyPerDevice, lang),
                })
              : (tier?.capsNote ?? undefined)
          }
          checks={pick('price', 'from_one_device')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {hasNetwork(v.type) ? (
              <IntInput
                label={t('services.fields.monthlyNetworkFee')}
                value={v.monthlyNetworkFee}
                onChange={(x) => set('monthlyNetworkFee', x)}
                error={errors.monthlyNetworkFee}
                min={0}
                max={100_000_000}
                yenUnit
                required
              />
            ) : null}
            {hasDevices(v.type) ? (
              <IntInput
                label={t('services.fields.monthlyFeePerDevice')}
                value={v.monthlyFeePerDevice}
                onChange={(x) => set('monthlyFeePerDevice', x)}
                error={errors.monthlyFeePerDevice}
                min={0}
                max={100_000_000}
                yenUnit
                required
              />
            ) : null}
            <IntInput
              label={t('services.fields.initialFee') + t('common.optionalSuffix')}
              description={t('services.form.initialFeeHint')}
              value={v.initialFee}
              onChange={(x) => set('initialFee', x)}
              error={errors.initialFee}
              min={0}
              max={100_000_000}
              yenUnit
            />
            <IntInput
              label={t('services.fields.minDevices')}
              value={v.minDevices}
              onChange={(x) => set('minDevices', x)}
              error={errors.minDevices}
              min={1}
              max={100_000}
              suffix={lang === 'ja' ? ' 台' : undefined}
              required
            />
            <IntInput
              label={t('services.fields.minTermMonths')}
              value={v.minTermMonths}
              onChange={(x) => set('minTermMonths', x)}
              error={errors.minTermMonths}
              min={1}
              max={120}
              suffix={lang === 'ja' ? ' か月' : ' months'}
              required
            />
          </SimpleGrid>
        </Section>

        <Section
          id="form-contact"
          title={t('services.section.contact')}
          lead={t('services.form.contactLead')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('services.fields.contactName')}
              value={v.contactName}
              onChange={(e) => set('contactName', e.currentTarget.value)}
              error={errors.contactName}
              required
              maxLength={200}
              autoComplete="name"
            />
            <TextInput
              label={t('services.fields.contactPhone')}
              value={v.contactPhone}
              onChange={(e) => set('contactPhone', e.currentTarget.value)}
              error={errors.contactPhone}
              required
              type="tel"
              inputMode="tel"
              placeholder="03-1234-5678"
              maxLength={20}
              autoComplete="tel"
            />
          </SimpleGrid>
          <TextInput
            label={t('services.fields.contactEmail')}
            value={v.contactEmail}
            onChange={(e) => set('contactEmail', e.currentTarget.value)}
            error={errors.contactEmail}
            required
            type="email"
            inputMode="email"
            maxLength={254}
            autoComplete="email"
          />
        </Section>
      </Stack>
    </Box>
  );
}

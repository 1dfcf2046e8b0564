import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Lang, useLang } from '../../../../web/src/i18n.ts';
import {
  IconActivity,
  IconLifebuoy,
  IconMail,
  IconMessage,
  IconShieldCheck,
  IconUser,
} from '../../../../web/src/icons.tsx';
import { FactRows, FactSection, prefectureText } from './parts.tsx';
import { type Application, hasDevices, hasNetwork, yen } from './services-api.ts';

export function minutesText(n: number | null | undefined, t: TFunction): string {
  if (n == null) return '—';
  if (n >= 60 && n % 60 === 0) return t('services.facts.withinHours', { count: n / 60 });
  return t('services.facts.withinMinutes', { count: n });
}

export function channelsText(a: Application, t: TFunction): string {
  return a.deskChannels.length
    ? a.deskChannels.map((c) => t(`services.channel.${c}`)).join(t('services.listSeparator'))
    : '—';
}

export function onsiteText(a: Application, t: TFunction): string {
  if (!a.onsite.available || a.onsite.remoteOnly) return t('services.facts.onsiteNone');
  return a.onsiteWithinHours
    ? t('services.facts.onsiteWithin', { count: a.onsiteWithinHours })
    : t('services.facts.onsiteYes');
}

export function insuranceText(a: Application, t: TFunction, lang: Lang): string {
  if (!a.insurance) return t('services.facts.insuranceNone');
  const parts = [a.insurance.insurer];
  if (a.insurance.limitYen != null)
    parts.push(t('services.facts.limit', { amount: yen(a.insurance.limitYen, lang) }));
  if (a.insurance.copayYen != null)
    parts.push(
      a.insurance.copayYen === 0
        ? t('services.facts.noCopay')
        : t('services.facts.copay', { amount: yen(a.insurance.copayYen, lang) }),
    );
  return parts.join(t('services.listSeparator'));
}

export function monitoringText(a: Application, t: TFunction): string {
  return a.monitoringHours >= 24
    ? t('services.facts.hours24')
    : t('services.facts.hoursPerDay', { count: a.monitoringHours });
}

/** Every detail of an application in sections (the public page and the operator's review). */
export function ServiceFacts({ data, withContact = true }: { data: Application; withContact?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const a = data;
  const priceRows: [string, string][] = [];
  if (hasNetwork(a.type))
    priceRows.push([
      t('services.price.network'),
      a.monthlyNetworkFee != null ? yen(a.monthlyNetworkFee, lang) : '—',
    ]);
  if (hasDevices(a.type))
    priceRows.push([
      t('services.price.device'),
      a.monthlyFeePerDevice != null ? yen(a.monthlyFeePerDevice, lang) : '—',
    ]);
  priceRows.push(
    [
      t('services.price.initial'),
      a.initialFee ? yen(a.initialFee, lang) : a.initialFee === 0 ? t('services.price.free') : '—',
    ],
    [t('services.price.minDevices'), t('services.facts.devices', { count: a.minDevices })],
    [t('services.price.minTerm'), t('services.facts.months', { count: a.minTermMonths })],
  );

  return (
    <Stack gap="xl">
      <FactSection
        id="svc-sec-monitoring"
        title={t('services.section.monitoring')}
        icon={<IconActivity size={18} />}
      >
        <FactRows
          rows={[
            [t('services.fields.type'), t(`services.type.${a.type}`)],
            [t('services.fields.monitoringHours'), monitoringText(a, t)],
            [t('services.fields.monitoredDevices'), a.monitoredDevices],
            ...(a.maxMonitoredDevices
              ? ([
                  [
                    t('services.fields.maxMonitoredDevices'),
                    t('services.facts.devicesUpTo', { count: a.maxMonitoredDevices }),
                  ],
                ] as [string, string][])
              : []),
          ]}
        />
      </FactSection>
      <FactSection id="svc-sec-desk" title={t('services.section.desk')} icon={<IconMessage size={18} />}>
        <FactRows
          rows={[
            [t('services.fields.deskChannels'), channelsText(a, t)],
            [t('services.fields.deskHours'), a.deskHours],
            [t('services.fields.firstResponse'), minutesText(a.firstResponseMinutes, t)],
          ]}
        />
      </FactSection>
      <FactSection id="svc-sec-onsite" title={t('services.section.onsite')} icon={<IconLifebuoy size={18} />}>
        <FactRows
          rows={[
            [t('services.facts.onsite'), onsiteText(a, t)],
            ...(a.onsite.terms
              ? ([[t('services.fields.onsiteTerms'), a.onsite.terms]] as [string, string][])
              : []),
          ]}
        />
      </FactSection>
      <FactSection
        id="svc-sec-insurance"
        title={t('services.section.insurance')}
        icon={<IconShieldCheck size={18} />}
      >
        {a.insurance ? (
          <FactRows
            rows={[
              [t('services.fields.insurer'), a.insurance.insurer],
              [
                t('services.facts.initialResponse'),
                a.insurance.coversInitialResponse
                  ? t('services.facts.covered')
                  : t('services.facts.notCovered'),
              ],
              ...(a.insurance.coverage
                ? ([[t('services.fields.coverage'), a.insurance.coverage]] as [string, string][])
                : []),
              [
                t('services.fields.limitYen'),
                a.insurance.limitYen != null ? yen(a.insurance.limitYen, lang) : '—',
              ],
              [
                t('services.fields.copayYen'),
                a.insurance.copayYen == null
                  ? '—'
                  : a.insurance.copayYen === 0
                    ? t('services.facts.none')
                    : yen(a.insurance.copayYen, lang),
              ],
            ]}
          />
        ) : (
          <Text size="sm">{t('services.facts.insuranceNone')}</Text>
        )}
      </FactSection>
      <FactSection id="svc-sec-price" title={t('services.section.price')}>
        <FactRows rows={priceRows} />
        <Text size="xs" c="dimmed" mt={4}>
          {t('services.price.taxExcluded')}
        </Text>
      </FactSection>
      <FactSection id="svc-sec-ease" title={t('services.section.ease')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {a.easeDescription || '—'}
        </Text>
      </FactSection>
      <FactSection id="svc-sec-area" title={t('services.fields.prefectures')}>
        {a.prefectures.includes('all') ? (
          <Badge variant="light" color="teal" tt="none" size="lg">
            {t('services.nationwide')}
          </Badge>
        ) : (
          <Text size="sm">{prefectureText(a.prefectures, lang, t)}</Text>
        )}
      </FactSection>
      {withContact ? (
        <FactSection id="svc-sec-contact" title={t('services.section.contact')} icon={<IconUser size={18} />}>
          <FactRows
            rows={[
              [t('services.fields.contactName'), a.contact.name],
              [
                t('services.fields.contactEmail'),
                <Group key="mail" gap={6} wrap="nowrap">
                  <IconMail size={16} />
                  <Anchor href={`mailto:${a.contact.email}`} size="sm">
                    {a.contact.email}
                  </Anchor>
                </Group>,
              ],
              [
                t('services.fields.contactPhone'),
                <Anchor key="tel" href={`tel:${a.contact.phone.replace(/[^0-9+]/g, '')}`} size="sm">
                  {a.contact.phone}
                </Anchor>,
              ],
              ...(a.url
                ? ([
                    [
                      t('services.fields.url'),
                      <Anchor key="url" href={a.url} target="_blank" rel="noopener noreferrer" size="sm">
                        {a.url}
                      </Anchor>,
                    ],
                  ] as [string, ReactNode][])
                : []),
            ]}
          />
        </FactSection>
      ) : null}
    </Stack>
  );
}

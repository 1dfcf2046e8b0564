import { Sparkline } from '@mantine/charts';
import { Alert, Box, Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import type { ListedSensor } from './desk-api.ts';
import { When } from './parts.tsx';

/** How much a sensor sent in the last 24 hours, with an hourly sparkline. */
export function SensorTraffic({ sensor }: { sensor: ListedSensor }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { traffic } = sensor;
  return (
    <Group gap="sm" wrap="nowrap" data-testid="sensor-traffic">
      <Text size="xs" c="dimmed">
        {t('monitoringDesk.sensors.traffic', {
          last24h: formatNumber(traffic.last24h, lang),
          thisHour: formatNumber(traffic.thisHour, lang),
        })}
      </Text>
      <Box role="img" aria-label={t('monitoringDesk.sensors.trafficChart')} style={{ flex: 'none' }}>
        <Sparkline
          w={120}
          h={28}
          data={traffic.hours.map((h) => h.events)}
          curveType="linear"
          color="teal"
          fillOpacity={0.3}
          strokeWidth={1.5}
        />
      </Box>
    </Group>
  );
}

/**
 * The lines a sensor sent that Mamori could not read, by reason, with the latest example:
 * what whoever set up the device needs to fix its log format.
 */
export function SensorParseFailures({ sensor }: { sensor: ListedSensor }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!sensor.parseFailures.length) return null;
  return (
    <Alert
      mt="sm"
      color="yellow"
      variant="light"
      title={t('monitoringDesk.sensors.failuresTitle')}
      data-testid="parse-failures"
    >
      <Text size="sm" mb="xs">
        {t('monitoringDesk.sensors.failuresLead')}
      </Text>
      {sensor.traffic.failedLast24h > 0 ? (
        <Text size="sm" fw={600} mb="xs">
          {t('monitoringDesk.sensors.failedLast24h', {
            formatted: formatNumber(sensor.traffic.failedLast24h, lang),
          })}
        </Text>
      ) : null}
      <Stack gap="xs">
        {sensor.parseFailures.map((f) => (
          <Stack key={f.reason} gap={2} data-testid="parse-failure">
            <Text size="sm">
              <Text span fw={600}>
                {t(`monitoringDesk.parseReason.${f.reason}`, {
                  defaultValue: t('monitoringDesk.parseReason.other', { reason: f.reason }),
                })}
              </Text>
              {' ・ '}
              {t('monitoringDesk.sensors.failureCount', { formatted: formatNumber(f.count, lang) })}
              {' ・ '}
              {t('monitoringDesk.sensors.failureLast')}
              <When iso={f.lastAt} />
            </Text>
            {f.sample ? (
              <Text size="xs" c="dimmed">
                {t('monitoringDesk.sensors.failureSample')}：
                <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                  {f.sample.slice(0, 200)}
                </Code>
              </Text>
            ) : null}
          </Stack>
        ))}
      </Stack>
    </Alert>
  );
}

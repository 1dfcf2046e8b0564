import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The お助け隊 service standard as data (content/services/standard.json). */
const text = z.object({ ja: z.string(), en: z.string() });
export const standardSchema = z.object({
  version: z.string(),
  title: text,
  taxNote: text,
  tiers: z.array(
    z.object({
      id: z.enum(['1', '2']),
      name: text,
      description: text,
      caps: z
        .object({
          networkMonthly: z.number().int().min(0),
          endpointMonthlyPerDevice: z.number().int().min(0),
        })
        .nullable(),
      capsConfirmed: z.boolean(),
      capsNote: text.optional(),
      minMonitoredDevices: z.number().int().min(1).nullable(),
    }),
  ),
  requirements: z.array(z.object({ id: z.string(), title: text, description: text })),
});
export type Standard = z.infer<typeof standardSchema>;

export function loadStandard(
  file = path.resolve(import.meta.dirname, '../../../content/services/standard.json'),
): Standard {
  const parsed = standardSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`content/services/standard.json is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** What an application states, as far as the standard can check it automatically. */
export interface ServiceOffer {
  tier: '1' | '2';
  type: 'network' | 'endpoint' | 'both';
  monthlyNetworkFee?: number | null | undefined;
  monthlyFeePerDevice?: number | null | undefined;
  minDevices: number;
  maxMonitoredDevices?: number | null | undefined;
  deskChannels: string[];
  monitoringHours: number;
  onsite: { available: boolean; remoteOnly: boolean };
  insurance: { insurer: string; coversInitialResponse: boolean } | null;
  easeDescription: string;
}

export type CheckStatus = 'ok' | 'fail' | 'review';
export interface CheckResult {
  id: string;
  status: CheckStatus;
  /** i18n key of the explanation under services.check.* */
  reason: string;
  params?: Record<string, unknown>;
}

/**
 * Pure: every requirement the standard lets us check without a person. What needs a
 * person's judgement (ease of use, tier 2 without confirmed caps) is 'review'.
 */
export function checkOffer(std: Standard, offer: ServiceOffer): CheckResult[] {
  const tier = std.tiers.find((x) => x.id === offer.tier);
  const caps = tier?.caps ?? null;
  const net = offer.type !== 'endpoint';
  const dev = offer.type !== 'network';
  const results: CheckResult[] = [];

  results.push(
    offer.deskChannels.length > 0
      ? { id: 'desk', status: 'ok', reason: 'desk_ok' }
      : { id: 'desk', status: 'fail', reason: 'desk_missing' },
  );
  results.push(
    offer.monitoringHours >= 24
      ? { id: 'monitoring', status: 'ok', reason: 'monitoring_ok' }
      : {
          id: 'monitoring',
          status: 'fail',
          reason: 'monitoring_hours',
          params: { hours: offer.monitoringHours },
        },
  );
  results.push(
    !offer.onsite.available || offer.onsite.remoteOnly
      ? { id: 'onsite', status: 'fail', reason: 'onsite_missing' }
      : { id: 'onsite', status: 'ok', reason: 'onsite_ok' },
  );
  results.push(
    offer.easeDescription.trim().length >= 20
      ? { id: 'ease', status: 'review', reason: 'ease_review' }
      : { id: 'ease', status: 'fail', reason: 'ease_missing' },
  );
  results.push(
    !offer.insurance || !offer.insurance.insurer.trim()
      ? { id: 'insurance', status: 'fail', reason: 'insurance_missing' }
      : !offer.insurance.coversInitialResponse
        ? { id: 'insurance', status: 'fail', reason: 'insurance_initial' }
        : { id: 'insurance', status: 'ok', reason: 'insurance_ok' },
  );

  if (net && (offer.monthlyNetworkFee === undefined || offer.monthlyNetworkFee === null)) {
    results.push({ id: 'price', status: 'fail', reason: 'price_network_missing' });
  } else if (dev && (offer.monthlyFeePerDevice === undefined || offer.monthlyFeePerDevice === null)) {
    results.push({ id: 'price', status: 'fail', reason: 'price_device_missing' });
  } else if (!caps) {
    results.push({ id: 'price', status: 'review', reason: 'price_no_caps' });
  } else {
    const over: string[] = [];
    const netFee = offer.monthlyNetworkFee ?? 0;
    const devFee = offer.monthlyFeePerDevice ?? 0;
    if (offer.type === 'network' && netFee > caps.networkMonthly) over.push('network');
    if (offer.type === 'endpoint' && devFee > caps.endpointMonthlyPerDevice) over.push('endpoint');
    // Combined: not above the sum of the two caps (network + one device).
    if (offer.type === 'both' && netFee + devFee > caps.networkMonthly + caps.endpointMonthlyPerDevice)
      over.push('both');
    results.push(
      over.length
        ? {
            id: 'price',
            status: 'fail',
            reason: `price_over_${over[0]}`,
            params: {
              network: caps.networkMonthly,
              device: caps.endpointMonthlyPerDevice,
              sum: caps.networkMonthly + caps.endpointMonthlyPerDevice,
            },
          }
        : { id: 'price', status: 'ok', reason: 'price_ok' },
    );
  }

  results.push(
    offer.minDevices <= 1
      ? { id: 'from_one_device', status: 'ok', reason: 'one_device_ok' }
      : {
          id: 'from_one_device',
          status: 'fail',
          reason: 'one_device_missing',
          params: { min: offer.minDevices },
        },
  );
  if (offer.tier === '2' && net && tier?.minMonitoredDevices) {
    const n = offer.maxMonitoredDevices ?? 0;
    results.push(
      n >= tier.minMonitoredDevices
        ? { id: 'tier2_devices', status: 'ok', reason: 'tier2_devices_ok' }
        : {
            id: 'tier2_devices',
            status: 'fail',
            reason: 'tier2_devices_low',
            params: { min: tier.minMonitoredDevices },
          },
    );
  }
  return results;
}

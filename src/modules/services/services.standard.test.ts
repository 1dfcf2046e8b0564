import { describe, expect, it } from 'vitest';
import { checkOffer, loadStandard, type ServiceOffer } from './services.standard.ts';

const std = loadStandard();
const good: ServiceOffer = {
  tier: '1',
  type: 'network',
  monthlyNetworkFee: 10_000,
  minDevices: 1,
  deskChannels: ['phone', 'mail'],
  monitoringHours: 24,
  onsite: { available: true, remoteOnly: false },
  insurance: { insurer: '○○損害保険', coversInitialResponse: true },
  easeDescription: '機器を送付し、電源とLANケーブルをつなぐだけで監視が始まります。',
};
const status = (o: ServiceOffer, id: string) => checkOffer(std, o).find((r) => r.id === id)?.status;

describe('price caps (tier 1)', () => {
  it('network type: ¥10,000 passes, ¥10,001 fails', () => {
    expect(status(good, 'price')).toBe('ok');
    expect(status({ ...good, monthlyNetworkFee: 10_001 }, 'price')).toBe('fail');
    expect(status({ ...good, monthlyNetworkFee: 9_999 }, 'price')).toBe('ok');
  });

  it('endpoint type: ¥2,000 per device passes, ¥2,001 fails', () => {
    const ep = { ...good, type: 'endpoint' as const, monthlyNetworkFee: null, monthlyFeePerDevice: 2_000 };
    expect(status(ep, 'price')).toBe('ok');
    expect(status({ ...ep, monthlyFeePerDevice: 2_001 }, 'price')).toBe('fail');
    expect(checkOffer(std, { ...ep, monthlyFeePerDevice: 2_001 }).find((r) => r.id === 'price')?.reason).toBe(
      'price_over_endpoint',
    );
  });

  it('combined type: not above the sum of the two caps', () => {
    const both = { ...good, type: 'both' as const, monthlyNetworkFee: 9_000, monthlyFeePerDevice: 3_000 };
    expect(status(both, 'price')).toBe('ok');
    expect(status({ ...both, monthlyFeePerDevice: 3_001 }, 'price')).toBe('fail');
  });

  it('a missing fee for the chosen type fails rather than passing silently', () => {
    expect(status({ ...good, monthlyNetworkFee: null }, 'price')).toBe('fail');
    expect(status({ ...good, type: 'both', monthlyFeePerDevice: undefined }, 'price')).toBe('fail');
  });

  it('tier 2 has no confirmed caps: the price goes to a person, and 50 devices are required for network types', () => {
    const t2 = { ...good, tier: '2' as const, monthlyNetworkFee: 50_000, maxMonitoredDevices: 49 };
    expect(status(t2, 'price')).toBe('review');
    expect(status(t2, 'tier2_devices')).toBe('fail');
    expect(status({ ...t2, maxMonitoredDevices: 50 }, 'tier2_devices')).toBe('ok');
    expect(checkOffer(std, good).some((r) => r.id === 'tier2_devices')).toBe(false);
  });
});

describe('the other requirements', () => {
  it('needs on-site support, not remote only', () => {
    expect(status({ ...good, onsite: { available: true, remoteOnly: true } }, 'onsite')).toBe('fail');
    expect(status({ ...good, onsite: { available: false, remoteOnly: false } }, 'onsite')).toBe('fail');
  });

  it('needs insurance that covers the initial response', () => {
    expect(status({ ...good, insurance: null }, 'insurance')).toBe('fail');
    expect(status({ ...good, insurance: { insurer: 'x', coversInitialResponse: false } }, 'insurance')).toBe(
      'fail',
    );
  });

  it('needs 24-hour monitoring, a desk, and a contract from one device', () => {
    expect(status({ ...good, monitoringHours: 12 }, 'monitoring')).toBe('fail');
    expect(status({ ...good, deskChannels: [] }, 'desk')).toBe('fail');
    expect(status({ ...good, minDevices: 5 }, 'from_one_device')).toBe('fail');
  });

  it('leaves ease of use to the reviewer when described', () => {
    expect(status(good, 'ease')).toBe('review');
    expect(status({ ...good, easeDescription: '簡単' }, 'ease')).toBe('fail');
  });
});

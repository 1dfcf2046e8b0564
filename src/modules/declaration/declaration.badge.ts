import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { FONTS } from '../../kernel/documents/pdf.ts';
import { type Lang, t } from '../../kernel/i18n/index.ts';

/** Our own mark (not IPA's logo): the star level, the ID and where to verify it. */
export interface BadgeInput {
  id: string;
  star: number;
  status: string;
  orgName: string;
  lang: Lang;
  verifyHost: string;
}

let fonts: Array<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }> | undefined;
const loadFonts = () =>
  (fonts ??= [
    { name: 'Noto Sans JP', data: readFileSync(FONTS.regular), weight: 400, style: 'normal' },
    { name: 'Noto Sans JP', data: readFileSync(FONTS.bold), weight: 700, style: 'normal' },
  ]);

type Node = {
  type: string;
  props: { style?: Record<string, unknown>; children?: Array<Node | string> | Node | string };
};
const el = (type: string, style: Record<string, unknown>, children?: Node['props']['children']): Node => ({
  type,
  props: { style, children },
});

const WIDTH = 360;
const HEIGHT = 132;

// Badges are requested by every page that embeds them: render once per look.
const cache = new Map<string, string>();

export async function renderBadgeSvg(b: BadgeInput): Promise<string> {
  const key = JSON.stringify(b);
  const hit = cache.get(key);
  if (hit) return hit;
  const active = b.status === 'active';
  const color = !active ? '#868e96' : b.star === 2 ? '#1864ab' : '#1c7ed6';
  const tr = (k: string) => t(b.lang, `declaration.badge.${k}`);
  const stars = '★'.repeat(b.star);
  const tree = el(
    'div',
    {
      width: WIDTH,
      height: HEIGHT,
      display: 'flex',
      borderRadius: 12,
      border: `3px solid ${color}`,
      background: '#ffffff',
      fontFamily: 'Noto Sans JP',
      overflow: 'hidden',
    },
    [
      el(
        'div',
        {
          width: 96,
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          justifyContent: 'center',
          background: color,
          color: '#fff',
        },
        [
          el('div', { fontSize: b.star === 2 ? 30 : 38, fontWeight: 700, letterSpacing: 2 }, stars),
          el(
            'div',
            { fontSize: 13, fontWeight: 700, marginTop: 4 },
            tr(b.star === 2 ? 'twoStar' : 'oneStar'),
          ),
        ],
      ),
      el(
        'div',
        {
          flex: 1,
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          padding: '8px 14px',
          color: '#1f2933',
        },
        [
          el('div', { fontSize: 15, fontWeight: 700, color }, 'SECURITY ACTION'),
          el('div', { fontSize: 13, fontWeight: 700 }, tr('selfDeclared')),
          el(
            'div',
            {
              fontSize: 12,
              marginTop: 4,
              color: '#52606d',
              overflow: 'hidden',
              whiteSpace: 'nowrap',
              textOverflow: 'ellipsis',
            },
            b.orgName,
          ),
          el(
            'div',
            {
              fontSize: 11,
              marginTop: 2,
              color: active ? '#52606d' : '#c92a2a',
              fontWeight: active ? 400 : 700,
            },
            active ? `ID ${b.id}` : tr(b.status === 'revoked' ? 'revoked' : 'withdrawn'),
          ),
          el('div', { fontSize: 10, color: '#7b8794' }, `${tr('verifyAt')} ${b.verifyHost}`),
        ],
      ),
    ],
  );
  const svg = await satori(tree as never, { width: WIDTH, height: HEIGHT, fonts: loadFonts() });
  if (cache.size > 2000) cache.clear();
  cache.set(key, svg);
  return svg;
}

export async function renderBadgePng(b: BadgeInput): Promise<Buffer> {
  const svg = await renderBadgeSvg(b);
  return new Resvg(svg, { fitTo: { mode: 'width', value: WIDTH * 2 } }).render().asPng();
}

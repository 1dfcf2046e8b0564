import type { Lang } from '../../kernel/i18n/index.ts';
import { rulesById } from './monitoring.pipeline.ts';

/** The three kinds of trouble an SME owner recognises, plus the health of the sensors themselves. */
export type ThreatCategory = 'mail' | 'malware' | 'access' | 'health';
export const threatCategories = ['mail', 'malware', 'access'] as const;

/** Which kind of trouble a rule is about, from the log source it reads. */
export function ruleCategory(ruleId: string): ThreatCategory {
  if (ruleId === 'sensor-silent') return 'health';
  const source = rulesById.get(ruleId)?.def.logsource?.category;
  if (source === 'mail') return 'mail';
  if (source === 'antivirus' || source === 'edr') return 'malware';
  return 'access';
}

/** A rule's plain-words explanation (content/rules/*.yaml `explain`) in the reader's language. */
export function explainRule(ruleId: string, lang: Lang) {
  const rule = rulesById.get(ruleId);
  return {
    ruleId,
    title: rule?.def.title[lang] ?? ruleId,
    what: rule?.def.explain.what[lang] ?? '',
    actions: rule?.def.explain.actions[lang] ?? [],
    category: ruleCategory(ruleId),
  };
}

export const ruleExists = (ruleId: string) => rulesById.has(ruleId);

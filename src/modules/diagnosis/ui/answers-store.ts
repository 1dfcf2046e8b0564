import { ANSWERS, type Answer, type Answers, ITEM_COUNT } from './diagnosis-api.ts';

/** Answers in progress live in this tab only (sessionStorage): nothing leaves the browser unsaved. */
const SESSION_KEY = 'mamori.diagnosis.answers';
/**
 * When a visitor chooses to sign up / sign in to save, the answers are also kept in localStorage,
 * because the confirmation link of a new account usually opens in another tab. Cleared on save.
 */
const PENDING_KEY = 'mamori.diagnosis.pending';
const PENDING_TTL_MS = 2 * 24 * 60 * 60 * 1000;

function sanitize(value: unknown): Partial<Answers> {
  const out: Partial<Answers> = {};
  if (!value || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const no = Number(k);
    if (Number.isInteger(no) && no >= 1 && no <= ITEM_COUNT && ANSWERS.includes(v as Answer)) {
      out[String(no)] = v as Answer;
    }
  }
  return out;
}

function read(storage: Storage, key: string): unknown {
  try {
    const raw = storage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export function loadAnswers(): Partial<Answers> {
  const session = sanitize(read(sessionStorage, SESSION_KEY));
  if (Object.keys(session).length > 0) return session;
  const pending = read(localStorage, PENDING_KEY) as { savedAt?: number; answers?: unknown } | null;
  if (pending && typeof pending.savedAt === 'number' && Date.now() - pending.savedAt < PENDING_TTL_MS) {
    const answers = sanitize(pending.answers);
    storeAnswers(answers);
    return answers;
  }
  return {};
}

export function storeAnswers(answers: Partial<Answers>): void {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(answers));
  } catch {}
}

/** Keeps the answers across the sign-up / sign-in round trip (possibly in another tab). */
export function keepForSignIn(answers: Partial<Answers>): void {
  try {
    localStorage.setItem(PENDING_KEY, JSON.stringify({ savedAt: Date.now(), answers }));
  } catch {}
}

export function clearAnswers(): void {
  try {
    sessionStorage.removeItem(SESSION_KEY);
    localStorage.removeItem(PENDING_KEY);
  } catch {}
}

export function answeredCount(answers: Partial<Answers>): number {
  return Object.keys(answers).length;
}

export function isComplete(answers: Partial<Answers>): answers is Answers {
  return answeredCount(answers) === ITEM_COUNT;
}

export function missingItems(answers: Partial<Answers>): number[] {
  return Array.from({ length: ITEM_COUNT }, (_, i) => i + 1).filter((no) => !answers[String(no)]);
}

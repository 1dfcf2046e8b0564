/**
 * Parsers for what sensors send: syslog (RFC 3164, RFC 5424, Yamaha RTX lines without a
 * header), CEF, FortiGate-style key=value, Suricata EVE, Wazuh alerts, ECS documents and
 * plain {"@timestamp","message"}. Hand-written because the npm syslog parsers mis-handle
 * real vendor lines. Every parser is total: it returns a result or a reason, never throws.
 */

export type Fields = Record<string, string | number | boolean>;

export interface Parsed {
  format: 'eve' | 'wazuh' | 'ecs' | 'json' | 'cef' | 'kv' | 'rtx' | 'syslog';
  /** Event time; the receive time when the line carries none. */
  timestamp: Date;
  fields: Fields;
}

export type ParseResult = { ok: true; event: Parsed } | { ok: false; reason: string };

export interface ParseContext {
  receivedAt: Date;
  sourceIp?: string | undefined;
}

export const MAX_LINE_BYTES = 64 * 1024;
const MAX_DEPTH = 16;

const fail = (reason: string): ParseResult => ({ ok: false, reason });

function validDate(d: Date): Date | null {
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Flattens nested JSON into ECS-style dotted keys, keeping scalars and arrays of scalars. */
export function flatten(obj: unknown, prefix = '', out: Fields = {}, depth = 0): Fields {
  if (depth > MAX_DEPTH || obj === null || typeof obj !== 'object') return out;
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = v;
    else if (Array.isArray(v)) {
      const scalars = v.filter((x) => typeof x === 'string' || typeof x === 'number');
      if (scalars.length) out[key] = scalars.join(',');
    } else flatten(v, key, out, depth + 1);
  }
  return out;
}

function jsonDepthOk(s: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) return false;
    } else if (c === 125 || c === 93) depth--;
  }
  return true;
}

// ---- JSON formats ----

const eveCategory: Record<string, string> = {
  alert: 'intrusion_detection',
  anomaly: 'network',
  flow: 'network',
  dns: 'network',
  http: 'web',
  tls: 'network',
  fileinfo: 'file',
  smtp: 'email',
};

function fromEve(o: Record<string, unknown>, ctx: ParseContext): Parsed {
  const f = flatten(o);
  const type = String(o.event_type);
  const alert = (o.alert ?? {}) as Record<string, unknown>;
  const fields: Fields = {
    'event.module': 'suricata',
    'event.dataset': `suricata.${type}`,
    'event.kind': type === 'alert' ? 'alert' : 'event',
    'event.category': eveCategory[type] ?? 'network',
    'observer.product': 'Suricata',
  };
  if (f.src_ip !== undefined) fields['source.ip'] = f.src_ip;
  if (f.src_port !== undefined) fields['source.port'] = f.src_port;
  if (f.dest_ip !== undefined) fields['destination.ip'] = f.dest_ip;
  if (f.dest_port !== undefined) fields['destination.port'] = f.dest_port;
  if (f.proto !== undefined) fields['network.protocol'] = String(f.proto).toLowerCase();
  if (f['http.hostname'] !== undefined) fields['url.domain'] = f['http.hostname'];
  if (f['dns.rrname'] !== undefined) fields['destination.domain'] = f['dns.rrname'];
  if (f['fileinfo.sha256'] !== undefined) fields['file.hash.sha256'] = f['fileinfo.sha256'];
  if (type === 'alert') {
    fields['rule.name'] = String(alert.signature ?? '');
    fields['rule.id'] = String(alert.signature_id ?? '');
    // EVE severity 1 is the most severe; ECS-style higher-is-worse: map 1→4, 2→3, 3→2.
    const sev = Number(alert.severity ?? 3);
    fields['event.severity'] = Math.max(1, 5 - (Number.isFinite(sev) ? sev : 3));
    fields['event.action'] = String(alert.action ?? 'allowed');
    fields['mamori.verdict'] = true;
  }
  const ts = typeof o.timestamp === 'string' ? validDate(new Date(o.timestamp)) : null;
  return { format: 'eve', timestamp: ts ?? ctx.receivedAt, fields };
}

function fromWazuh(o: Record<string, unknown>, ctx: ParseContext): Parsed {
  const f = flatten(o);
  const level = Number(f['rule.level'] ?? 0);
  const fields: Fields = {
    'event.module': 'wazuh',
    'event.kind': 'alert',
    'event.category': String(f['rule.groups'] ?? '').includes('authentication') ? 'authentication' : 'host',
    'rule.name': String(f['rule.description'] ?? ''),
    'rule.id': String(f['rule.id'] ?? ''),
    'event.severity': level >= 12 ? 4 : level >= 7 ? 3 : level >= 4 ? 2 : 1,
    'observer.product': 'Wazuh',
    'mamori.verdict': level >= 7,
  };
  if (f['agent.name'] !== undefined) fields['host.name'] = f['agent.name'];
  if (f['data.srcip'] !== undefined) fields['source.ip'] = f['data.srcip'];
  if (f['data.srcuser'] !== undefined) fields['user.name'] = f['data.srcuser'];
  if (f['data.dstuser'] !== undefined) fields['user.name'] = f['data.dstuser'];
  if (f.full_log !== undefined) fields.message = f.full_log;
  if (String(f['rule.groups'] ?? '').includes('authentication_failed')) fields['event.outcome'] = 'failure';
  const ts = typeof o.timestamp === 'string' ? validDate(new Date(o.timestamp)) : null;
  return { format: 'wazuh', timestamp: ts ?? ctx.receivedAt, fields };
}

export function parseJson(text: string, ctx: ParseContext): ParseResult {
  if (!jsonDepthOk(text)) return fail('json_too_deep');
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return fail('invalid_json');
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return fail('not_an_object');
  const rec = o as Record<string, unknown>;
  if (
    typeof rec.event_type === 'string' &&
    ('src_ip' in rec || 'dest_ip' in rec || rec.event_type === 'stats')
  ) {
    return { ok: true, event: fromEve(rec, ctx) };
  }
  if (
    rec.rule &&
    typeof rec.rule === 'object' &&
    'level' in (rec.rule as object) &&
    ('agent' in rec || 'manager' in rec)
  ) {
    return { ok: true, event: fromWazuh(rec, ctx) };
  }
  const raw = rec['@timestamp'];
  const ts = typeof raw === 'string' || typeof raw === 'number' ? validDate(new Date(raw)) : null;
  if (raw !== undefined && raw !== null && !ts) return fail('invalid_timestamp');
  // Flattened without the time (rather than deleting it after: a deleted key makes V8 keep
  // the object as a slow dictionary, and every rule then reads it slowly).
  const { '@timestamp': _time, ...rest } = rec;
  const fields = flatten(rest);
  const isEcs = Object.keys(fields).some(
    (k) => k.startsWith('event.') || k.startsWith('source.') || k.startsWith('host.'),
  );
  if (!isEcs && fields.message === undefined) return fail('unknown_json_shape');
  if (fields['event.kind'] === 'alert' || fields['event.category'] === 'malware')
    fields['mamori.verdict'] = true;
  return { ok: true, event: { format: isEcs ? 'ecs' : 'json', timestamp: ts ?? ctx.receivedAt, fields } };
}

// ---- CEF ----

function cefUnescapeHeader(s: string): string {
  return s.replace(/\\([|\\])/g, '$1');
}

function cefUnescapeValue(s: string): string {
  return s.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

const cefKeys: Record<string, string> = {
  src: 'source.ip',
  spt: 'source.port',
  dst: 'destination.ip',
  dpt: 'destination.port',
  suser: 'user.name',
  duser: 'user.name',
  shost: 'host.name',
  dhost: 'destination.domain',
  proto: 'network.protocol',
  act: 'event.action',
  request: 'url.full',
  fname: 'file.name',
  fileHash: 'file.hash.sha256',
  msg: 'message',
  outcome: 'event.outcome',
  cat: 'event.category',
};

export function parseCef(payload: string, ctx: ParseContext): ParseResult {
  const start = payload.indexOf('CEF:');
  if (start < 0) return fail('not_cef');
  const body = payload.slice(start + 4);
  // Split the 7 header fields on unescaped pipes.
  const header: string[] = [];
  let cur = '';
  let i = 0;
  for (; i < body.length && header.length < 7; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      cur += c + body[i + 1];
      i++;
    } else if (c === '|') {
      header.push(cefUnescapeHeader(cur));
      cur = '';
    } else cur += c;
  }
  if (header.length < 7) return fail('cef_header_incomplete');
  const ext = body.slice(i);
  const fields: Fields = {
    'observer.vendor': header[1] ?? '',
    'observer.product': header[2] ?? '',
    'rule.id': header[4] ?? '',
    'rule.name': header[5] ?? '',
  };
  const sev = header[6] ?? '';
  const num = Number(sev);
  const level = Number.isFinite(num)
    ? num
    : ({ low: 2, medium: 5, high: 8, 'very-high': 10 }[sev.toLowerCase()] ?? 0);
  fields['event.severity'] = level >= 9 ? 4 : level >= 7 ? 3 : level >= 4 ? 2 : 1;
  // Extension: key=value pairs where values may contain spaces; a key starts at ` key=`.
  const re = /(?:^|\s)([A-Za-z0-9_.\-[\]]+)=/g;
  const marks: Array<{ key: string; start: number; valueStart: number }> = [];
  for (let m = re.exec(ext); m; m = re.exec(ext)) {
    if (m.index > 0 && ext[m.index - 1] === '\\') continue;
    marks.push({ key: m[1] as string, start: m.index, valueStart: m.index + m[0].length });
  }
  marks.forEach((mk, k) => {
    const end = k + 1 < marks.length ? (marks[k + 1] as { start: number }).start : ext.length;
    const value = cefUnescapeValue(ext.slice(mk.valueStart, end).trim());
    fields[cefKeys[mk.key] ?? `cef.${mk.key}`] = value;
  });
  const rt = fields['cef.rt'];
  const ts =
    typeof rt === 'string' ? validDate(/^\d+$/.test(rt) ? new Date(Number(rt)) : new Date(rt)) : null;
  const action = String(fields['event.action'] ?? '').toLowerCase();
  if (/block|deny|drop|quarantin|detect|alert/.test(action) || level >= 7) fields['mamori.verdict'] = true;
  return { ok: true, event: { format: 'cef', timestamp: ts ?? ctx.receivedAt, fields } };
}

// ---- key=value (FortiGate and friends) ----

const kvKeys: Record<string, string> = {
  srcip: 'source.ip',
  srcport: 'source.port',
  dstip: 'destination.ip',
  dstport: 'destination.port',
  proto: 'network.transport',
  service: 'network.protocol',
  action: 'event.action',
  user: 'user.name',
  srcname: 'host.name',
  hostname: 'url.domain',
  url: 'url.full',
  filename: 'file.name',
  virus: 'threat.indicator.description',
  attack: 'rule.name',
  msg: 'message',
  devname: 'observer.name',
  status: 'event.outcome',
};

export function parseKeyValue(payload: string, ctx: ParseContext): ParseResult {
  const fields: Fields = {};
  const re = /([A-Za-z_][A-Za-z0-9_.-]*)=("((?:[^"\\]|\\.)*)"|[^\s]*)/g;
  let count = 0;
  for (let m = re.exec(payload); m; m = re.exec(payload)) {
    const key = m[1] as string;
    const value = m[3] !== undefined ? m[3].replace(/\\(.)/g, '$1') : (m[2] as string);
    fields[kvKeys[key] ?? `kv.${key}`] = value;
    count++;
    if (count > 500) break;
  }
  if (count < 3) return fail('not_key_value');
  fields['observer.vendor'] =
    fields['kv.devid'] !== undefined || fields['kv.logid'] !== undefined ? 'Fortinet' : 'unknown';
  const type = String(fields['kv.type'] ?? '');
  const sub = String(fields['kv.subtype'] ?? '');
  fields['event.category'] =
    sub === 'virus'
      ? 'malware'
      : sub === 'ips'
        ? 'intrusion_detection'
        : sub === 'webfilter'
          ? 'web'
          : type === 'event' && sub === 'vpn'
            ? 'authentication'
            : 'network';
  const action = String(fields['event.action'] ?? '').toLowerCase();
  if (type === 'utm' && /block|deny|dropped|detected|quarantine/.test(action))
    fields['mamori.verdict'] = true;
  if (/deny|block|drop/.test(action)) fields['event.outcome'] ??= 'failure';
  if (String(fields['kv.logdesc'] ?? '').match(/fail/i)) fields['event.outcome'] = 'failure';
  const d = fields['kv.date'];
  const t = fields['kv.time'];
  const ts =
    d && t
      ? validDate(
          new Date(`${d}T${t}${fields['kv.tz'] ? String(fields['kv.tz']).replace(/^"|"$/g, '') : '+09:00'}`),
        )
      : null;
  return { ok: true, event: { format: 'kv', timestamp: ts ?? ctx.receivedAt, fields } };
}

// ---- Yamaha RTX (no header: the receive time and the sender's address stand in) ----

export function parseRtx(payload: string, ctx: ParseContext): ParseResult {
  const m = /^\s*\[(INSPECT|IP|NAT|IKE|IPSEC|PP|LAN|TUNNEL|L2TP|SSH|AUTH|[A-Z]+)\]\s*(.*)$/.exec(payload);
  if (!m) return fail('not_rtx');
  const tag = m[1] as string;
  const rest = m[2] as string;
  const fields: Fields = {
    'observer.vendor': 'Yamaha',
    'observer.product': 'RTX',
    'event.dataset': `rtx.${tag.toLowerCase()}`,
    message: payload.trim(),
  };
  if (ctx.sourceIp) fields['observer.ip'] = ctx.sourceIp;
  const flow =
    /(TCP|UDP|ICMP)\s+(\d{1,3}(?:\.\d{1,3}){3})(?:[.:](\d+))?\s*>\s*(\d{1,3}(?:\.\d{1,3}){3})(?:[.:](\d+))?/.exec(
      rest,
    );
  if (flow) {
    fields['network.transport'] = (flow[1] as string).toLowerCase();
    fields['source.ip'] = flow[2] as string;
    if (flow[3]) fields['source.port'] = Number(flow[3]);
    fields['destination.ip'] = flow[4] as string;
    if (flow[5]) fields['destination.port'] = Number(flow[5]);
  }
  if (/\[in\]/.test(rest)) fields['network.direction'] = 'inbound';
  if (/\[out\]/.test(rest)) fields['network.direction'] = 'outbound';
  if (tag === 'INSPECT' || /Rejected|reject|filter/i.test(rest)) {
    fields['event.category'] = 'network';
    fields['event.action'] = 'deny';
    fields['event.outcome'] = 'failure';
  }
  if (/login failed|authentication failed|Password mismatch/i.test(rest)) {
    fields['event.category'] = 'authentication';
    fields['event.outcome'] = 'failure';
  }
  return { ok: true, event: { format: 'rtx', timestamp: ctx.receivedAt, fields } };
}

// ---- syslog framing ----

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Header {
  facility?: number;
  severity?: number;
  timestamp?: Date;
  host?: string;
  app?: string;
  structured?: Fields;
  message: string;
}

function parseHeader(line: string, ctx: ParseContext): Header {
  let rest = line;
  const h: Header = { message: line };
  const pri = /^<(\d{1,3})>/.exec(rest);
  if (pri) {
    const p = Number(pri[1]);
    if (p <= 191) {
      h.facility = p >> 3;
      h.severity = p & 7;
    }
    rest = rest.slice(pri[0].length);
  }
  // RFC 5424: VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP SD [SP MSG]
  const r5424 = /^1 (\S+) (\S+) (\S+) (\S+) (\S+) /.exec(rest);
  if (r5424) {
    const ts = r5424[1] === '-' ? null : validDate(new Date(r5424[1] as string));
    if (ts) h.timestamp = ts;
    if (r5424[2] !== '-') h.host = r5424[2] as string;
    if (r5424[3] !== '-') h.app = r5424[3] as string;
    rest = rest.slice(r5424[0].length);
    const sd: Fields = {};
    if (rest.startsWith('-')) rest = rest.slice(1);
    else {
      let guard = 0;
      while (rest.startsWith('[') && guard++ < 32) {
        const end = findSdEnd(rest);
        if (end < 0) break;
        const element = rest.slice(1, end);
        const id = element.split(' ', 1)[0] ?? '';
        for (const m of element.matchAll(/(\S+?)="((?:[^"\\]|\\.)*)"/g))
          sd[`sd.${id}.${m[1]}`] = (m[2] as string).replace(/\\(["\\\]])/g, '$1');
        rest = rest.slice(end + 1);
      }
    }
    if (Object.keys(sd).length) h.structured = sd;
    h.message = rest.replace(/^ /, '').replace(/^\uFEFF/, '');
    return h;
  }
  // RFC 3164: Mmm dd hh:mm:ss HOST TAG: MSG (year and zone are not sent: assume the receive year, JST)
  const r3164 = /^([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d) (\S+) /.exec(rest);
  if (r3164 && MONTHS.includes(r3164[1] as string)) {
    const month = MONTHS.indexOf(r3164[1] as string);
    const year = ctx.receivedAt.getUTCFullYear();
    const ts = validDate(
      new Date(
        Date.UTC(year, month, Number(r3164[2]), Number(r3164[3]) - 9, Number(r3164[4]), Number(r3164[5])),
      ),
    );
    if (ts)
      h.timestamp =
        ts.getTime() > ctx.receivedAt.getTime() + 86_400_000 ? new Date(ts.getTime() - 365 * 86_400_000) : ts;
    h.host = r3164[6] as string;
    rest = rest.slice(r3164[0].length);
    const tag = /^([A-Za-z0-9_./-]{1,48})(?:\[\d+\])?: /.exec(rest);
    if (tag) {
      h.app = tag[1] as string;
      rest = rest.slice(tag[0].length);
    }
    h.message = rest;
    return h;
  }
  h.message = rest;
  return h;
}

function findSdEnd(s: string): number {
  let inQuote = false;
  for (let i = 1; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '"') inQuote = !inQuote;
    else if (c === ']' && !inQuote) return i;
  }
  return -1;
}

/** One line from any source: NDJSON body line or a syslog message. */
export function parseLine(input: string, ctx: ParseContext): ParseResult {
  if (input.includes('\0')) return fail('nul_character');
  if (!input.isWellFormed()) return fail('broken_unicode');
  const result = parseAny(input, ctx);
  // Only a JSON escape (\u0000, a lone \ud800) can put either into a field of a clean line.
  const unstorable = result.ok && input.includes('\\u') ? unstorableReason(result.event.fields) : null;
  return unstorable ? fail(unstorable) : result;
}

function parseAny(input: string, ctx: ParseContext): ParseResult {
  if (input.length === 0 || input.trim().length === 0) return fail('empty');
  if (input.length > MAX_LINE_BYTES) return fail('too_long');
  if (input.includes('\uFFFD')) return fail('invalid_utf8');
  const trimmed = input.trim();
  if (trimmed.startsWith('{')) return parseJson(trimmed, ctx);

  const h = parseHeader(trimmed, ctx);
  const msg = h.message.trim();
  let result: ParseResult;
  if (msg.includes('CEF:')) result = parseCef(msg, ctx);
  else if (msg.startsWith('{')) result = parseJson(msg, ctx);
  else if (/^\s*\[[A-Z]+\]/.test(msg)) result = parseRtx(msg, ctx);
  else {
    const kv = parseKeyValue(msg, ctx);
    result = kv.ok
      ? kv
      : { ok: true, event: { format: 'syslog', timestamp: ctx.receivedAt, fields: { message: msg } } };
  }
  if (!result.ok) return result;
  const e = result.event;
  if (h.timestamp && (e.format === 'syslog' || e.format === 'rtx' || e.timestamp === ctx.receivedAt))
    e.timestamp = h.timestamp;
  if (h.host && e.fields['host.name'] === undefined) e.fields['host.name'] = h.host;
  if (h.app) e.fields['process.name'] ??= h.app;
  if (h.severity !== undefined) e.fields['log.syslog.severity.code'] = h.severity;
  if (h.facility !== undefined) e.fields['log.syslog.facility.code'] = h.facility;
  if (h.structured) Object.assign(e.fields, h.structured);
  return result;
}

/**
 * PostgreSQL text and jsonb hold neither NUL nor half of a surrogate pair; JSON escapes
 * (`\u0000`, a lone `\ud800`) can smuggle both in, and one such value would fail its whole batch.
 */
function unstorableReason(fields: Fields): 'nul_character' | 'broken_unicode' | null {
  for (const [k, v] of Object.entries(fields)) {
    for (const s of typeof v === 'string' ? [k, v] : [k]) {
      if (s.includes('\0')) return 'nul_character';
      if (!s.isWellFormed()) return 'broken_unicode';
    }
  }
  return null;
}

/**
 * The flags of every instruction as BuildKit's Dockerfile frontend defines them (instructions/
 * parse.go, bflag.go, commands_runmount.go), and a reader that splits them off an instruction
 * the way BuildKit's `extractBuilderFlags` does: leading words that start with `--`, quotes
 * removed, `\` escaping the next character, `--` alone ending the flags. Every character of a
 * flag's value keeps its offset in the file, so a finding lands on the exact bad word.
 *
 * Shared by the flag rules of this folder; also meant for completion and hover.
 */
import { joinLogical, mapLogical, type DockerfileModel, type InstructionInfo } from '../../model';

/** `bool`: `--link`, `--link=true|false`; `string`: needs `=value`, once; `strings`: `=value`, repeatable. */
export type FlagKind = 'bool' | 'string' | 'strings';

export interface FlagSpec {
  name: string;
  kind: FlagKind;
  /** One line, English: what the flag does (for hover and completion). */
  doc: string;
  /** The values BuildKit accepts, when it is a fixed set. */
  values?: readonly string[];
  /** What the value must look like (checked by flag-value-invalid). */
  check?: 'duration' | 'retries' | 'platform' | 'checksum' | 'chmod' | 'from';
}

const PLATFORM: FlagSpec = { name: 'platform', kind: 'string', check: 'platform', doc: 'Platform of the image, e.g. linux/amd64 or $BUILDPLATFORM' };
const CHOWN: FlagSpec = { name: 'chown', kind: 'string', doc: 'Owner of the copied files: user[:group], names or numeric ids' };
const CHMOD: FlagSpec = { name: 'chmod', kind: 'string', check: 'chmod', doc: 'Permissions of the copied files: octal (0755) or symbolic (u=rwx,go=rx)' };
const LINK: FlagSpec = { name: 'link', kind: 'bool', doc: 'Copy into an independent layer (survives base-image changes without a rebuild)' };
const EXCLUDE: FlagSpec = { name: 'exclude', kind: 'strings', doc: 'A path pattern to leave out (repeatable)' };
const DURATION = (name: string, doc: string): FlagSpec => ({ name, kind: 'string', check: 'duration', doc });

/**
 * Flags per instruction. STOPSIGNAL and ARG are missing on purpose: BuildKit never parses their
 * flags (nor those of `HEALTHCHECK NONE`). Every other instruction without an entry takes none.
 */
export const INSTRUCTION_FLAGS: Readonly<Record<string, readonly FlagSpec[]>> = {
  FROM: [PLATFORM],
  RUN: [
    { name: 'mount', kind: 'strings', doc: 'Mount a bind, cache, tmpfs, secret or ssh mount for this command (repeatable)' },
    { name: 'network', kind: 'string', values: ['default', 'none', 'host'], doc: 'Network of the command: default, none or host' },
    { name: 'security', kind: 'string', values: ['insecure', 'sandbox'], doc: 'insecure runs the command with extended privileges (needs the security.insecure entitlement)' },
    { name: 'device', kind: 'strings', doc: 'A CDI device for the command (labs channel; repeatable)' },
  ],
  COPY: [
    { name: 'from', kind: 'string', check: 'from', doc: 'Copy from a build stage, an image or a named context instead of the build context' },
    CHOWN,
    CHMOD,
    LINK,
    { name: 'parents', kind: 'bool', doc: 'Keep the parent folders of the sources (labs channel)' },
    EXCLUDE,
  ],
  ADD: [
    CHOWN,
    CHMOD,
    LINK,
    { name: 'checksum', kind: 'string', check: 'checksum', doc: 'Expected digest of a remote source, e.g. sha256:…' },
    { name: 'keep-git-dir', kind: 'bool', doc: 'Keep the .git folder of a git source' },
    { name: 'unpack', kind: 'bool', doc: 'Whether to unpack a local or remote archive' },
    EXCLUDE,
  ],
  HEALTHCHECK: [
    DURATION('interval', 'Time between checks (default 30s)'),
    DURATION('timeout', 'Time a check may take (default 30s)'),
    DURATION('start-period', 'Grace period after start during which failures do not count (default 0s)'),
    DURATION('start-interval', 'Time between checks during the start period (default 5s)'),
    { name: 'retries', kind: 'string', check: 'retries', doc: 'Consecutive failures before the container is unhealthy (default 3)' },
  ],
};

/** Instructions whose flags BuildKit never reads (they are dropped silently). */
export const FLAGS_IGNORED = new Set(['ARG', 'STOPSIGNAL']);

/** A flag as BuildKit splits it off: the name as written (case-sensitive) and the value, quotes removed. */
export interface ScannedFlag {
  /** Offsets of the whole word, `--name=value`. */
  start: number;
  end: number;
  name: string;
  nameStart: number;
  nameEnd: number;
  /** null: no `=`. */
  value: string | null;
  /** Offsets of the value (equal when empty or absent). */
  valueStart: number;
  valueEnd: number;
  /** The file offset of each character of `value` (quotes and escapes removed). */
  valueOffsets: number[];
}

/**
 * The flags of an instruction (or an ONBUILD trigger) from the text after its keyword, read on
 * Docker's logical line (continuations joined). Stops at the first word that is not a flag.
 */
export function scanFlags(model: DockerfileModel, ins: InstructionInfo): ScannedFlag[] {
  // Four rules read the flags of every instruction: read them once per parse.
  let flags = scanned.get(ins);
  if (!flags) scanned.set(ins, (flags = readFlags(model, ins)));
  return flags;
}

const scanned = new WeakMap<InstructionInfo, ScannedFlag[]>();

function readFlags(model: DockerfileModel, ins: InstructionInfo): ScannedFlag[] {
  const from = ins.keywordEnd;
  // Flags come first: looking at the instruction's first 4 KB of text is enough and keeps a
  // huge RUN cheap.
  const to = Math.min(ins.end, from + 4096);
  // No flag: nothing to join (the common case).
  let first = from;
  while (first < to && (model.text.charCodeAt(first) === 32 || model.text.charCodeAt(first) === 9)) first++;
  if (first >= to || (model.text.charCodeAt(first) !== 45 && model.text[first] !== model.escape)) return [];
  const logical = joinLogical(model.text, from, to, model.escape);
  const s = logical.text;
  const at = (i: number) => mapLogical(logical, i);
  const atEnd = (i: number) => mapLogical(logical, i, true);
  const out: ScannedFlag[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isSpace(s.charCodeAt(pos))) pos++;
    if (pos + 1 >= s.length || s[pos] !== '-' || s[pos + 1] !== '-') return out;
    const wordStart = pos;
    let word = '';
    const offsets: number[] = [];
    let quote = '';
    let blankOk = false;
    for (; pos < s.length; pos++) {
      const ch = s[pos];
      if (quote) {
        if (ch === quote) {
          quote = '';
          continue;
        }
        if (ch === '\\' && pos + 1 < s.length) pos++;
        word += s[pos];
        offsets.push(at(pos));
        continue;
      }
      if (isSpace(ch.charCodeAt(0))) break;
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
        continue;
      }
      if (ch === '\\') {
        if (pos + 1 >= s.length) continue;
        pos++;
      }
      word += s[pos];
      offsets.push(at(pos));
    }
    if (word === '--') return out;
    if (!blankOk && word.length === 0) return out;
    const start = at(wordStart);
    const end = atEnd(pos);
    const eq = word.indexOf('=');
    const name = word.slice(2, eq < 0 ? word.length : eq);
    const nameStart = offsets[2] ?? end;
    const nameEnd = eq < 0 ? end : offsets[eq];
    let value: string | null = null;
    let valueStart = end;
    let valueEnd = end;
    let valueOffsets: number[] = [];
    if (eq >= 0) {
      value = word.slice(eq + 1);
      valueOffsets = offsets.slice(eq + 1);
      valueStart = valueOffsets.length > 0 ? valueOffsets[0] : offsets[eq] + 1;
      valueEnd = valueOffsets.length > 0 ? valueOffsets[valueOffsets.length - 1] + 1 : valueStart;
      // A closing quote belongs to the value's range.
      if (valueEnd < end && (model.text[valueEnd] === '"' || model.text[valueEnd] === "'")) valueEnd++;
    }
    out.push({ start, end, name, nameStart, nameEnd, value, valueStart, valueEnd, valueOffsets });
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}

export interface FlaggedInstruction {
  ins: InstructionInfo;
  /** The flags it accepts; undefined when BuildKit ignores its flags. */
  specs: readonly FlagSpec[] | undefined;
  flags: ScannedFlag[];
}

const flaggedCache = new WeakMap<DockerfileModel, FlaggedInstruction[]>();

/** The instructions (and ONBUILD triggers) that have flags, read once per parse for every flag rule. */
export function flaggedInstructions(model: DockerfileModel): FlaggedInstruction[] {
  let list = flaggedCache.get(model);
  if (list) return list;
  list = [];
  for (const ins of withTriggers(model)) {
    const flags = scanFlags(model, ins);
    if (flags.length > 0) list.push({ ins, specs: flagsOf(model, ins), flags });
  }
  flaggedCache.set(model, list);
  return list;
}

/** Every instruction, each ONBUILD followed by its trigger instruction. */
export function withTriggers(model: DockerfileModel): InstructionInfo[] {
  const out: InstructionInfo[] = [];
  for (const ins of model.instructions) {
    out.push(ins);
    if (ins.trigger) out.push(ins.trigger);
  }
  return out;
}

/** The flags an instruction accepts; undefined when BuildKit ignores its flags. */
export function flagsOf(model: DockerfileModel, ins: InstructionInfo): readonly FlagSpec[] | undefined {
  if (FLAGS_IGNORED.has(ins.keyword)) return undefined;
  if (ins.keyword === 'HEALTHCHECK' && healthcheckType(model, ins) === 'NONE') return undefined;
  return INSTRUCTION_FLAGS[ins.keyword] ?? [];
}

/** `CMD`, `NONE` or whatever word follows HEALTHCHECK's flags (upper case), '' when none. */
export function healthcheckType(model: DockerfileModel, ins: InstructionInfo): string {
  const flags = scanFlags(model, ins);
  const after = flags.length > 0 ? flags[flags.length - 1].end : ins.keywordEnd;
  const arg = ins.args.find((a) => a.start >= after);
  return arg ? arg.value.toUpperCase() : '';
}

/** Edit distance with swaps of neighbours counted as one edit (returns max+1 once it exceeds `max`). */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, i) => i)];
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(rows[i - 1][j] + 1, cur[j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    rows.push(cur);
  }
  return rows[a.length][b.length];
}

/**
 * The closest of `candidates` to `word` (case-insensitive), when it is close enough to be a
 * typo: a distance of at most 2 (1 for words of up to three letters; a third of longer words), or a
 * candidate the word is a prefix of (`--keep-git` → `--keep-git-dir`).
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  const limit = w.length <= 3 ? 1 : Math.max(2, Math.floor(w.length / 3));
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), limit);
    if (d <= limit && d < bestD) {
      best = c;
      bestD = d;
    }
  }
  if (best === undefined && w.length >= 3) best = candidates.find((c) => c.toLowerCase().startsWith(w));
  return best;
}

// ---------------------------------------------------------------------------------------------
// RUN --mount

export type MountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';
export const MOUNT_TYPES: readonly MountType[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];

export interface MountOptionSpec {
  /** The names BuildKit accepts for it (first: the canonical one). */
  names: readonly string[];
  /** The mount types it applies to; BuildKit rejects it on others only where `strict`. */
  types: readonly MountType[];
  /** BuildKit fails when it is given for another type. */
  strict?: boolean;
  value: 'type' | 'any' | 'bool' | 'sharing' | 'octal' | 'uint' | 'size' | 'from';
  /** May be written without `=value` (`ro`, `required`). */
  bare?: boolean;
  doc: string;
}

export const MOUNT_OPTIONS: readonly MountOptionSpec[] = [
  { names: ['type'], types: MOUNT_TYPES, value: 'type', doc: 'bind (default), cache, tmpfs, secret or ssh' },
  { names: ['target', 'dst', 'destination'], types: MOUNT_TYPES, value: 'any', doc: 'Mount path inside the build container' },
  { names: ['source', 'src'], types: ['bind', 'cache', 'secret'], value: 'any', doc: 'Path in `from` (bind, cache) or the secret id (secret)' },
  { names: ['from'], types: ['bind', 'cache', 'ssh'], value: 'from', doc: 'Stage, image or named context to mount from (no variables)' },
  { names: ['readonly', 'ro'], types: MOUNT_TYPES, value: 'bool', bare: true, doc: 'Read-only mount' },
  { names: ['readwrite', 'rw'], types: MOUNT_TYPES, value: 'bool', bare: true, doc: 'Writable mount (writes are discarded for bind mounts)' },
  { names: ['id'], types: ['cache', 'secret', 'ssh'], value: 'any', doc: 'Cache id (cache), secret id (secret) or ssh agent id (ssh)' },
  { names: ['sharing'], types: ['cache'], strict: true, value: 'sharing', doc: 'shared (default), private or locked' },
  { names: ['required'], types: ['secret', 'ssh'], strict: true, value: 'bool', bare: true, doc: 'Fail when the secret or ssh agent is not provided' },
  { names: ['size'], types: ['tmpfs'], strict: true, value: 'size', doc: 'Size limit of the tmpfs, e.g. 64m' },
  { names: ['mode'], types: ['cache', 'secret', 'ssh'], strict: true, value: 'octal', doc: 'File mode in octal, e.g. 0755' },
  { names: ['uid'], types: ['cache', 'secret', 'ssh'], strict: true, value: 'uint', doc: 'User id of the mount' },
  { names: ['gid'], types: ['cache', 'secret', 'ssh'], strict: true, value: 'uint', doc: 'Group id of the mount' },
  { names: ['env'], types: ['secret'], value: 'any', doc: 'Expose the secret as this environment variable' },
];

export const MOUNT_OPTION_BY_NAME: ReadonlyMap<string, MountOptionSpec> = new Map(MOUNT_OPTIONS.flatMap((o) => o.names.map((n) => [n, o] as [string, MountOptionSpec])));

/** One `key=value` field of a `--mount` value, with file offsets. */
export interface MountField {
  key: string;
  value: string | null;
  start: number;
  end: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

/**
 * The comma-separated fields of a `--mount` value as Go's encoding/csv reads them (a field may
 * be double-quoted to hold commas), with offsets through `flag.valueOffsets`.
 */
export function mountFields(flag: ScannedFlag): MountField[] | null {
  const v = flag.value ?? '';
  const off = (i: number) => (i < flag.valueOffsets.length ? flag.valueOffsets[i] : flag.valueEnd);
  const offEnd = (i: number) => (i > 0 && i - 1 < flag.valueOffsets.length ? flag.valueOffsets[i - 1] + 1 : off(i));
  const out: MountField[] = [];
  let i = 0;
  while (i <= v.length) {
    const fieldStart = i;
    let text = '';
    const idx: number[] = [];
    if (v[i] === '"') {
      i++;
      for (;;) {
        if (i >= v.length) return null; // unterminated quote: BuildKit fails to parse the csv
        if (v[i] === '"') {
          if (v[i + 1] === '"') {
            text += '"';
            idx.push(i);
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += v[i];
        idx.push(i);
        i++;
      }
      if (i < v.length && v[i] !== ',') return null;
    } else {
      while (i < v.length && v[i] !== ',') {
        if (v[i] === '"') return null; // a bare quote inside a field
        text += v[i];
        idx.push(i);
        i++;
      }
    }
    const eq = text.indexOf('=');
    const keyText = eq < 0 ? text : text.slice(0, eq);
    out.push({
      key: keyText.toLowerCase(),
      value: eq < 0 ? null : text.slice(eq + 1),
      start: off(fieldStart),
      end: offEnd(i),
      keyEnd: eq < 0 ? offEnd(i) : off(idx[eq]),
      valueStart: eq < 0 ? offEnd(i) : eq + 1 < idx.length ? off(idx[eq + 1]) : off(idx[eq]) + 1,
      valueEnd: offEnd(i),
    });
    i++; // the comma
  }
  return out;
}

/** Go's strconv.ParseBool. */
export function isGoBool(v: string): boolean {
  return ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v);
}

/** docker/go-units RAMInBytes: `64m`, `1.5GiB`, `1024`. */
export function isRamSize(v: string): boolean {
  return /^\d+(?:\.\d+)*\s?[kKmMgGtTpP]?[iI]?[bB]?$/.test(v);
}

/** Go's time.ParseDuration; returns nanoseconds, or null when it does not parse. */
export function parseGoDuration(v: string): number | null {
  const m = /^([-+]?)(.*)$/.exec(v)!;
  let rest = m[2];
  if (rest === '0') return 0;
  if (rest === '') return null;
  const units: Record<string, number> = { ns: 1, us: 1e3, '\u00b5s': 1e3, '\u03bcs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  let total = 0;
  while (rest.length > 0) {
    const part = /^(\d*)(?:\.(\d*))?([^\d.]*)/.exec(rest)!;
    if (part[0].length === 0 || (part[1] === '' && (part[2] ?? '') === '')) return null;
    const unit = units[part[3]];
    if (unit === undefined) return null;
    total += Number(`${part[1] || '0'}.${part[2] || '0'}`) * unit;
    rest = rest.slice(part[0].length);
  }
  return m[1] === '-' ? -total : total;
}

/** The unit of a duration BuildKit rejects for its unit (for the message), or null. */
export function badDurationUnit(v: string): string | null {
  const m = /[a-zA-Z\u00b5\u03bc]+/g;
  for (const u of v.match(m) ?? []) if (!['ns', 'us', '\u00b5s', '\u03bcs', 'ms', 's', 'm', 'h'].includes(u)) return u;
  return null;
}

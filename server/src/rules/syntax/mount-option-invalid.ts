/**
 * mount-option-invalid — a `RUN --mount=…` BuildKit rejects: an unknown mount type or option
 * (with "did you mean"), an option of another mount type (`size` on a cache, `sharing` on a
 * bind, `mode`/`uid`/`gid` on a bind or tmpfs, `required` outside secret/ssh), a malformed
 * value (`sharing=exclusive`, `mode=755x`, `uid=root`, `ro=yes`, `size=big`), `from=$VAR`,
 * a field without `=`, a secret without id/source/target/env.
 * (A bind/cache/tmpfs without target mounts over the working directory, or fails when that is
 * `/`: only the build knows, so it is not reported.)
 */
import { t } from '../../l10n';
import type { Fix, Rule } from '../types';
import {
  closest, flaggedInstructions, isGoBool, isRamSize, MOUNT_OPTION_BY_NAME, MOUNT_OPTIONS, MOUNT_TYPES, mountFields,
  type MountField, type MountType,
} from './_flags';
import en from './mount-option-invalid.md';
import zhCn from './mount-option-invalid.zh-cn.md';

const ALL_KEYS = MOUNT_OPTIONS.flatMap((o) => o.names);
const SHARING = ['shared', 'private', 'locked'];

export const mountOptionInvalid: Rule = {
  id: 'mount-option-invalid',
  defaultSeverity: 'error',
  scope: 'instruction',
  related: {},
  description: 'Invalid RUN --mount option',
  docs: { en, 'zh-cn': zhCn },
  fixSummary: 'closest option or value (unsafe)',
  check({ model, report }) {
    const fix = (title: string, start: number, end: number, newText: string): Fix[] =>
      model.text.slice(start, end).includes('"') || model.text.slice(start, end).includes('\\') ? [] : [{ title, edits: [{ start, end, newText }], safety: 'unsafe' }];
    for (const { ins, flags } of flaggedInstructions(model)) {
      if (ins.keyword !== 'RUN') continue;
      for (const f of flags) {
        if (f.name !== 'mount' || f.value === null) continue;
        if (f.value === '') {
          report({ start: f.start, end: f.end, message: t('--mount= needs options, e.g. --mount=type=cache,target=/root/.cache') });
          continue;
        }
        const fields = mountFields(f);
        if (!fields) {
          report({ start: f.valueStart, end: f.valueEnd, message: t('--mount: unbalanced double quote in the option list') });
          continue;
        }
        // BuildKit reads the fields in order: `required` and `size` are judged by the type so far.
        let type: MountType = 'bind';
        let typeKnown = true;
        const given = new Map<string, MountField>();
        for (const field of fields) {
          const spec = MOUNT_OPTION_BY_NAME.get(field.key);
          const v = field.value;
          if (!spec) {
            if (field.key === '' && v === null) {
              report({ start: field.start, end: Math.max(field.end, field.start + 1), message: t('--mount: empty option (a stray comma)') });
              continue;
            }
            if (v === null && !closest(field.key, ALL_KEYS)) {
              report({ start: field.start, end: field.end, message: t('--mount: invalid field "{0}": options are key=value (a value with commas needs the whole field in escaped quotes)', field.key) });
              continue;
            }
            const guess = closest(field.key, ALL_KEYS);
            report({
              start: field.start,
              end: field.keyEnd,
              message: guess ? t('--mount: unknown option "{0}" (did you mean {1}?)', field.key, guess) : t('--mount: unknown option "{0}"', field.key),
              fixes: guess ? fix(t('Change to {0}', guess), field.start, field.keyEnd, guess) : [],
            });
            continue;
          }
          given.set(spec.names[0], field);
          if (v === null) {
            if (!spec.bare) {
              report({ start: field.start, end: field.end, message: t('--mount: "{0}" needs a value: {0}=…', field.key) });
            } else if (spec.strict && !spec.types.includes(type)) {
              report({ start: field.start, end: field.end, message: t('--mount: "{0}" is not an option of type={1} mounts (write type= first)', field.key, type) });
            }
            continue;
          }
          if (spec.value === 'from' && /\$./.test(v)) {
            report({ start: field.valueStart, end: field.valueEnd, message: t('--mount: from= does not expand variables; define an alias stage (FROM ${X} AS x) and mount from it') });
            continue;
          }
          if (spec.strict && (spec.value === 'size' || spec.names[0] === 'required') && !spec.types.includes(type)) {
            report({ start: field.start, end: field.keyEnd, message: t('--mount: "{0}" is not an option of type={1} mounts (write type= first)', field.key, type) });
            continue;
          }
          if (v.includes('$')) {
            if (spec.value === 'type') typeKnown = false;
            continue;
          }
          const bad = (message: string, fixes: Fix[] = []) => report({ start: field.valueStart, end: Math.max(field.valueEnd, field.valueStart), message, fixes });
          switch (spec.value) {
            case 'type': {
              const lower = v.toLowerCase() as MountType;
              if (MOUNT_TYPES.includes(lower)) {
                type = lower;
              } else {
                typeKnown = false;
                const guess = closest(v, MOUNT_TYPES);
                bad(guess ? t('--mount: unknown type "{0}" (did you mean {1}?)', v, guess) : t('--mount: unknown type "{0}": use bind, cache, tmpfs, secret or ssh', v),
                  guess ? fix(t('Change to {0}', guess), field.valueStart, field.valueEnd, guess) : []);
              }
              break;
            }
            case 'bool':
              if (!isGoBool(v)) bad(t('--mount: {0}={1} is not a boolean (true or false)', field.key, v));
              break;
            case 'sharing':
              if (!SHARING.includes(v.toLowerCase())) {
                const guess = closest(v, SHARING);
                bad(t('--mount: sharing={0} is not valid: use shared, private or locked', v), guess ? fix(t('Change to {0}', guess), field.valueStart, field.valueEnd, guess) : []);
              }
              break;
            case 'octal':
              if (!/^[0-7]+$/.test(v) || Number.parseInt(v, 8) > 0xffffffff) bad(t('--mount: mode={0} is not an octal number such as 0755', v));
              break;
            case 'uint':
              if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) bad(t('--mount: {0}={1} must be a numeric id', field.key, v));
              break;
            case 'size':
              if (!isRamSize(v)) bad(t('--mount: size={0} is not a size such as 64m or 1g', v));
              break;
            default:
              break;
          }
        }
        // What BuildKit checks once all fields are read.
        if (!typeKnown) continue;
        const whole = { start: f.start, end: f.end };
        const misplaced = (name: string, allowed: string) => {
          const field = given.get(name);
          if (field) report({ start: field.start, end: field.keyEnd, message: t('--mount: "{0}" is not an option of type={1} mounts ({2})', field.key, type, allowed) });
        };
        if (type === 'bind' || type === 'tmpfs') for (const k of ['mode', 'uid', 'gid']) misplaced(k, t('only cache, secret and ssh mounts take it'));
        if (type !== 'cache') misplaced('sharing', t('only cache mounts take it'));
        if (type === 'secret') {
          misplaced('from', t('a secret comes from the build command, not from a stage'));
          if (!given.has('id') && !given.has('source') && !given.has('target') && !given.has('env')) {
            report({ ...whole, message: t('--mount=type=secret needs id= (or target=, env=) to name the secret') });
          }
          const src = given.get('source');
          if (src && given.has('id')) report({ start: src.start, end: src.keyEnd, message: t('--mount: a secret takes id= or source=, not both') });
        }
      }
    }
  },
};

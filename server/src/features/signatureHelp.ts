/**
 * Signature help for the instructions with positional forms: the argument under the cursor is
 * the active parameter (COPY/ADD: every argument but the last is a source, the last one the
 * destination; HEALTHCHECK has two forms, `CMD …` and `NONE`).
 */
import { MarkupKind, type SignatureHelp, type SignatureHelpParams, type SignatureInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../l10n';
import { modelFor } from './document';
import { INSTRUCTION_DOCS } from './instructions';
import { heredocAt, instructionAt } from './reference/context';

export const SIGNATURE_TRIGGERS = [' '];

interface Form {
  /** Parameter labels, in order; the first may be the flags. */
  params: string[];
  /** Documentation of each parameter (English, localised). */
  docs: string[];
  /** Whether the last parameter repeats (`<key>=<value>...`). */
  repeats?: boolean;
}

const FLAGS_DOC = 'Options, before the other arguments.';

const FORMS: Record<string, Form[]> = {
  COPY: [{ params: ['[--from=… --chown=… --chmod=… --link]', '<src>...', '<dest>'], docs: [FLAGS_DOC, 'Files or folders to copy (wildcards allowed), relative to the build context or the --from stage.', 'Where to copy to in the image: a folder when it ends with / or there are several sources; relative to WORKDIR.'] }],
  ADD: [{ params: ['[--chown=… --chmod=… --checksum=… --link]', '<src>...', '<dest>'], docs: [FLAGS_DOC, 'Local files, URLs or git repositories to add; local tar archives are unpacked.', 'Where to copy to in the image: a folder when it ends with / or there are several sources; relative to WORKDIR.'] }],
  FROM: [{ params: ['[--platform=<platform>]', '<image>[:<tag>|@<digest>]', 'AS', '<name>'], docs: [FLAGS_DOC, 'The base image, or the name of an earlier stage.', 'Names this stage.', 'The stage name, for FROM <name> and COPY --from=<name> in later stages.'] }],
  HEALTHCHECK: [
    { params: ['[--interval=… --timeout=… --start-period=… --retries=…]', 'CMD', '<command>'], docs: [FLAGS_DOC, 'Runs the check command in the container.', 'The command that checks the container: exit status 0 is healthy, 1 is unhealthy.'] },
    { params: ['NONE'], docs: ['Disables the health check inherited from the base image.'] },
  ],
  ONBUILD: [{ params: ['<INSTRUCTION>', '<arguments>'], docs: ['An instruction to run when the image is used as the base of another build.', 'The arguments of that instruction.'] }],
  EXPOSE: [{ params: ['<port>[/<protocol>]...'], docs: ['A port (tcp by default, or /udp) the container listens on; several may follow.'], repeats: true }],
  USER: [{ params: ['<user>[:<group>]'], docs: ['A user name or UID, and optionally a group name or GID.'] }],
  ENV: [{ params: ['<key>=<value>...'], docs: ['Environment variables to set; quote values that contain spaces.'], repeats: true }],
  LABEL: [{ params: ['<key>=<value>...'], docs: ['Labels to add to the image; quote values that contain spaces.'], repeats: true }],
  ARG: [{ params: ['<name>[=<default value>]...'], docs: ['Build arguments, with an optional default value.'], repeats: true }],
  WORKDIR: [{ params: ['<path>'], docs: ['The working folder (created when missing); a relative path is relative to the previous WORKDIR.'] }],
  STOPSIGNAL: [{ params: ['<signal>'], docs: ['A signal name such as SIGTERM, or its number.'] }],
  VOLUME: [{ params: ['<path>...'], docs: ['Mount points, as a JSON array or separated by spaces.'], repeats: true }],
  MAINTAINER: [{ params: ['<name>'], docs: ['The author (deprecated: use LABEL org.opencontainers.image.authors).'] }],
};

export function signatureHelp(doc: TextDocument, params: SignatureHelpParams): SignatureHelp | null {
  const model = modelFor(doc);
  if (!model) return null;
  const { line } = params.position;
  if (line >= model.lines.lineCount) return null;
  const text = model.lines.lineText(line);
  const offset = model.lines.starts[line] + Math.min(params.position.character, text.length);
  const loc = instructionAt(model, line, offset);
  if (!loc || offset <= loc.ins.keywordEnd || heredocAt(model, loc.ins, line)) return null;
  const ins = loc.ins;
  const forms = FORMS[ins.keyword];
  if (!forms) return null;
  if (ins.json && (ins.keyword === 'COPY' || ins.keyword === 'ADD' || ins.keyword === 'VOLUME')) return null;
  // The arguments before the cursor, and whether the cursor is inside one or after a blank.
  const inFlag = ins.flags.some((f) => offset >= f.start && offset <= f.end);
  const args = ins.args;
  let current = args.findIndex((a) => offset >= a.start && offset <= a.end);
  const typingNew = current < 0;
  if (typingNew) current = args.filter((a) => a.end < offset).length;
  const total = typingNew ? args.length + 1 : args.length;
  let active: number;
  let activeSignature = 0;
  switch (ins.keyword) {
    case 'COPY':
    case 'ADD':
      active = inFlag ? 0 : current >= 1 && current === total - 1 ? 2 : 1;
      break;
    case 'FROM':
      active = inFlag ? 0 : Math.min(current + 1, 3);
      break;
    case 'HEALTHCHECK':
      if (args[0]?.value.toUpperCase() === 'NONE') {
        activeSignature = 1;
        active = 0;
      } else active = inFlag ? 0 : Math.min(current + 1, 2);
      break;
    case 'ONBUILD':
      active = Math.min(current, 1);
      break;
    default: {
      const n = forms[0].params.length;
      active = Math.min(current, n - 1);
    }
  }
  const summary = INSTRUCTION_DOCS[ins.keyword]?.summary;
  const signatures: SignatureInformation[] = forms.map((f) => ({
    label: `${ins.keyword} ${f.params.join(' ')}`,
    documentation: summary ? { kind: MarkupKind.Markdown, value: t(summary) } : undefined,
    parameters: paramRanges(ins.keyword, f.params).map((r, i) => ({ label: r, documentation: { kind: MarkupKind.Markdown, value: t(f.docs[i]) } })),
  }));
  return { signatures, activeSignature, activeParameter: active };
}

/** Parameter labels as [start, end] offsets into the signature label (unambiguous). */
function paramRanges(keyword: string, params: string[]): [number, number][] {
  const out: [number, number][] = [];
  let at = keyword.length + 1;
  for (const p of params) {
    out.push([at, at + p.length]);
    at += p.length + 1;
  }
  return out;
}

/** The English texts of this file, for the l10n meta-test. */
export function signatureMessages(): string[] {
  return [...new Set(Object.values(FORMS).flatMap((forms) => forms.flatMap((f) => f.docs)))];
}

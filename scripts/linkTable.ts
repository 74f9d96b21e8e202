import { format } from 'prettier';
import { FIELD_KEYS, FIELDS, type Field } from '../src/config/fields.ts';
import { MODELS } from '../src/config/models.ts';
import { en } from '../src/i18n/en.tsx';

// The table of link keys in docs/link.md, made from the field table (src/config/fields.ts) and
// the models' own defaults, so the two never drift: `npm run link:table` writes it, and
// `npm run lint` fails when docs/link.md's differs.

const code = (s: string | number) => `\`${s}\``;

function values(f: Field): string {
  if (f.kind === 'choice') return f.options.map(code).join(', ');
  const range = `${f.min} … ${f.max}`;
  return f.kind === 'int' ? `integer ${range}` : range;
}

function defaults(key: (typeof FIELD_KEYS)[number]): string {
  const f = FIELDS[key];
  const show = (v: string | number) => (f.kind === 'choice' ? code(v) : String(v));
  const own = Object.values(MODELS).flatMap((m) => {
    const v = m.defaults[key];
    return v === undefined ? [] : [`${en.models[m.id]}: ${show(v)}`];
  });
  return [show(f.default), ...own.map((o) => `(${o})`)].join(' ');
}

export async function linkTable(): Promise<string> {
  const rows = FIELD_KEYS.map((key) => {
    const f = FIELDS[key];
    return `| ${code(key)} | ${en.fields[key].label} | ${values(f)} | ${defaults(key)} |`;
  });
  const table = ['| key | the control | values | default |', '| --- | --- | --- | --- |', ...rows];
  return format(table.join('\n'), { parser: 'markdown', proseWrap: 'preserve' });
}

// Writes docs/link.md's table of link keys from the field table (scripts/linkTable.ts), or with
// --check fails when that table is not what the field table makes.
import { readFileSync, writeFileSync } from 'node:fs';
import { runnerImport } from 'vite';

const START = '<!-- link-table: made by `npm run link:table` from src/config/fields.ts -->';
const END = '<!-- /link-table -->';
const docPath = new URL('../docs/link.md', import.meta.url);

const { module } = await runnerImport(new URL('./linkTable.ts', import.meta.url).pathname);
const table = await module.linkTable();
const doc = readFileSync(docPath, 'utf8');
const start = doc.indexOf(START);
const end = doc.indexOf(END);
if (start < 0 || end < start) {
  console.error(`docs/link.md has no ${START} … ${END} section.`);
  process.exit(1);
}
const next = `${doc.slice(0, start + START.length)}\n\n${table}\n${doc.slice(end)}`;
if (process.argv.includes('--check')) {
  if (next !== doc) {
    console.error(
      'docs/link.md: the link table differs from src/config/fields.ts. Run `npm run link:table`.',
    );
    process.exit(1);
  }
  console.log('docs/link.md: the link table matches src/config/fields.ts.');
} else {
  writeFileSync(docPath, next);
  console.log('docs/link.md: link table written.');
}

// Writes the README's table of link keys from the field table (scripts/linkTable.ts), or with
// --check fails when the README's table is not what the field table makes.
import { readFileSync, writeFileSync } from 'node:fs';
import { runnerImport } from 'vite';

const START = '<!-- link-table: made by `npm run readme:table` from src/config/fields.ts -->';
const END = '<!-- /link-table -->';
const readmePath = new URL('../README.md', import.meta.url);

const { module } = await runnerImport(new URL('./linkTable.ts', import.meta.url).pathname);
const table = await module.linkTable();
const readme = readFileSync(readmePath, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  console.error(`README.md has no ${START} … ${END} section.`);
  process.exit(1);
}
const next = `${readme.slice(0, start + START.length)}\n\n${table}\n${readme.slice(end)}`;
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error(
      'README.md: the link table differs from src/config/fields.ts. Run `npm run readme:table`.',
    );
    process.exit(1);
  }
  console.log('README.md: the link table matches src/config/fields.ts.');
} else {
  writeFileSync(readmePath, next);
  console.log('README.md: link table written.');
}

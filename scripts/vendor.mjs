// Copies the files Trama.Web serves from node_modules into wwwroot/lib, so the app (and its
// published output) works with no internet and no npm at run time. Run `npm ci && npm run vendor`
// after changing a version in package.json, and commit the result.
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lib = join(root, 'src', 'Trama.Web', 'wwwroot', 'lib');
const modules = join(root, 'node_modules');

rmSync(lib, { recursive: true, force: true });

function copy(pkg, from, to = from) {
  const target = join(lib, pkg, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(modules, pkg, from), target, { recursive: true });
}

const bi = 'bootstrap-italia';
copy(bi, 'dist/css/bootstrap-italia.min.css', 'css/bootstrap-italia.min.css');
copy(bi, 'dist/js/bootstrap-italia.bundle.min.js', 'js/bootstrap-italia.bundle.min.js');
copy(bi, 'dist/svg/sprites.svg', 'svg/sprites.svg');
copy(bi, 'LICENSE', 'LICENSE');
// Only woff2: every browser Trama supports reads it, and the other formats triple the size.
for (const family of ['Titillium_Web', 'Roboto_Mono']) {
  const dir = join(modules, bi, 'dist', 'fonts', family);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.woff2') || f === 'LICENSE.txt')) {
    copy(bi, `dist/fonts/${family}/${file}`, `fonts/${family}/${file}`);
  }
}

copy('htmx.org', 'dist/htmx.min.js', 'htmx.min.js');
copy('htmx.org', 'LICENSE', 'LICENSE');

copy('leaflet', 'dist/leaflet.js', 'leaflet.js');
copy('leaflet', 'dist/leaflet.css', 'leaflet.css');
copy('leaflet', 'dist/images', 'images');
copy('leaflet', 'LICENSE', 'LICENSE');

const versions = Object.fromEntries(
  [bi, 'htmx.org', 'leaflet'].map((p) => [p, JSON.parse(readFileSync(join(modules, p, 'package.json'), 'utf8')).version]),
);
writeFileSync(join(lib, 'versions.json'), JSON.stringify(versions, null, 2) + '\n');
console.log('wwwroot/lib refreshed:', versions);

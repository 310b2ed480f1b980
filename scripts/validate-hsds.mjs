// Validates HSDS API responses against the official HSDS 3.0 JSON Schemas and OpenAPI document
// (shared/hsds) with Ajv, a JSON Schema 2020-12 validator. Used by the integration tests.
// Usage: node scripts/validate-hsds.mjs <hsds folder> <responses.json>
// responses.json: [{ "path": "/services/{id}", "body": {...} }, ...] with the OpenAPI path template.
// Prints one line per response ("ok" or the errors) and exits 1 when any response is invalid.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [hsds, responsesFile] = process.argv.slice(2);
const base = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
// The schemas carry documentation keywords of their own (name, constraints, core…): not strict.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);

for (const [folder, prefix] of [[hsds, base], [join(hsds, 'compiled'), base + 'compiled/']]) {
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
    const schema = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    delete schema.$id;
    ajv.addSchema(schema, prefix + file);
  }
}

const openapi = JSON.parse(readFileSync(join(hsds, 'openapi.json'), 'utf8'));
const componentsId = 'https://trama.local/hsds/openapi-components.json';
ajv.addSchema({ $defs: openapi.components.schemas }, componentsId);
const local = (node) => JSON.parse(JSON.stringify(node).replaceAll('"#/components/schemas/', `"${componentsId}#/$defs/`));

const validators = new Map();
function validatorFor(path) {
  if (!validators.has(path)) {
    const operation = openapi.paths[path]?.get;
    if (!operation) throw new Error(`No GET ${path} in the HSDS OpenAPI document`);
    const schema = operation.responses['200'].content['application/json'].schema;
    validators.set(path, ajv.compile(local(schema)));
  }
  return validators.get(path);
}

let failed = 0;
for (const { path, body } of JSON.parse(readFileSync(responsesFile, 'utf8'))) {
  const validate = validatorFor(path);
  if (validate(body)) {
    console.log(`ok ${path}`);
  } else {
    failed++;
    console.log(`INVALID ${path}: ` + validate.errors.slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; '));
  }
}
process.exit(failed ? 1 : 0);

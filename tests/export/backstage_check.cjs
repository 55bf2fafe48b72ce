// Checks Backstage catalog files as Backstage's catalog does: each file is read with `yaml`
// (the parser of the catalog backend), every document is enforced through the entity policies
// of @backstage/catalog-model and must be accepted by one of its kind validators, and every
// entity ref of a relation field (as the package's catalog model declares them: spec.owner,
// spec.system, spec.dependsOn...) must parse and name an entity of the same file, of an
// allowed kind. Names must be unique per kind, without regard to case.
//
// Usage: node backstage_check.cjs FILE.yaml...
// Prints one JSON object: {"FILE.yaml": {"entities": [...as parsed], "errors": ["..."]}, ...}.
'use strict';

const fs = require('fs');
const YAML = require('yaml');
const model = require('@backstage/catalog-model');
const alpha = require('@backstage/catalog-model/alpha');

const policy = model.EntityPolicies.allOf([
  new model.DefaultNamespaceEntityPolicy(),
  new model.NoForeignRootFieldsEntityPolicy(),
  new model.FieldFormatEntityPolicy(),
  new model.SchemaValidEntityPolicy(),
]);
const validators = [
  model.componentEntityV1alpha1Validator,
  model.systemEntityV1alpha1Validator,
  model.resourceEntityV1alpha1Validator,
  model.apiEntityV1alpha1Validator,
  model.groupEntityV1alpha1Validator,
  model.domainEntityV1alpha1Validator,
];
const catalogModel = alpha.compileCatalogModel([alpha.defaultCatalogEntityModel]);

function at(entity, path) {
  return path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), entity);
}

function label(entity) {
  const name = entity && entity.metadata ? entity.metadata.name : undefined;
  return `${entity && entity.kind}:${name}`;
}

async function checkFile(file) {
  const errors = [];
  const entities = [];
  const text = fs.readFileSync(file, 'utf8');
  for (const document of YAML.parseAllDocuments(text)) {
    if (document.errors && document.errors.length) {
      errors.push(`YAML: ${document.errors[0].message}`);
      continue;
    }
    const json = document.toJSON();
    if (json === null || json === undefined) continue;
    entities.push(json);
  }
  const known = new Map();
  for (const entity of entities) {
    const copy = JSON.parse(JSON.stringify(entity));
    try {
      const enforced = await policy.enforce(copy);
      let accepted = false;
      for (const validator of validators) {
        if (await validator.check(enforced)) accepted = true;
      }
      if (!accepted) errors.push(`${label(entity)}: no kind validator accepts it`);
      const ref = model.stringifyEntityRef(enforced).toLocaleLowerCase('en-US');
      if (known.has(ref)) errors.push(`${label(entity)}: a second entity named ${ref}`);
      known.set(ref, enforced.kind);
    } catch (error) {
      errors.push(`${label(entity)}: ${error.message}`);
    }
  }
  for (const entity of entities) {
    let kind;
    try {
      kind = catalogModel.getKind({ kind: entity.kind, apiVersion: entity.apiVersion, spec: entity.spec });
    } catch (error) {
      errors.push(`${label(entity)}: ${error.message}`);
      continue;
    }
    if (!kind) continue;
    const namespace = (entity.metadata && entity.metadata.namespace) || 'default';
    for (const field of kind.relationFields) {
      const value = at(entity, field.path);
      if (value === undefined) continue;
      for (const target of Array.isArray(value) ? value : [value]) {
        let ref;
        try {
          ref = model.parseEntityRef(target, { defaultKind: field.defaultKind, defaultNamespace: namespace });
        } catch (error) {
          errors.push(`${label(entity)}: ${field.path} ${JSON.stringify(target)}: ${error.message}`);
          continue;
        }
        const key = model.stringifyEntityRef(ref).toLocaleLowerCase('en-US');
        if (!known.has(key)) {
          errors.push(`${label(entity)}: ${field.path} ${JSON.stringify(target)} names no entity of the file`);
        } else if (field.allowedKinds &&
                   !field.allowedKinds.map((k) => k.toLowerCase()).includes(ref.kind.toLowerCase())) {
          errors.push(`${label(entity)}: ${field.path} ${JSON.stringify(target)} is a ${ref.kind}, not one of ${field.allowedKinds}`);
        }
      }
    }
  }
  return { entities, errors };
}

async function main() {
  const out = {};
  for (const file of process.argv.slice(2)) {
    try {
      out[file] = await checkFile(file);
    } catch (error) {
      out[file] = { entities: [], errors: [`${error.message}`] };
    }
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(2);
});

import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import { buildGrassrootsSchema, SCHEMA_FILE } from '../../src/graphql/build-schema.js';
import codegenConfig from '../../codegen.js';
import { CHANGE_MEASURES, ESTIMATE_FIELDS, ESTIMATE_MEASURES } from '../../src/domain/change-measures.js';

describe('committed artefacts match the code', () => {
  it('schema/schema.graphql is what the code-first schema emits (run npm run emit-schema)', async () => {
    const emitted = printSchema(await buildGrassrootsSchema()) + '\n';
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(emitted);
  });

  it('src/client/sdk.ts is what codegen.ts generates (run npm run codegen)', async () => {
    const [output] = await generate(
      { ...codegenConfig, cwd: new URL('../..', import.meta.url).pathname, silent: true },
      false,
    );
    expect(await readFile(new URL('../../src/client/sdk.ts', import.meta.url), 'utf8')).toBe(output!.content);
  });

  it("the SQL layer's change measures and estimate fields are the API's: a field added to one is built by the other", async () => {
    // A ranking builds only the estimate fields asked for, by these lists: a field missing here
    // would come back NULL.
    const schema = await buildGrassrootsSchema();
    const fieldsOf = (name: string) => {
      const type = schema.getType(name);
      return type && 'getFields' in type ? Object.keys(type.getFields()).sort() : [];
    };
    expect(fieldsOf('Estimate')).toEqual([...ESTIMATE_FIELDS].sort());
    expect(fieldsOf('Change')).toEqual([...CHANGE_MEASURES].sort());
    const change = schema.getType('Change');
    const estimates = Object.values(change && 'getFields' in change ? change.getFields() : {})
      .filter((f) => String(f.type).replace(/!$/, '') === 'Estimate')
      .map((f) => f.name)
      .sort();
    expect(estimates).toEqual([...ESTIMATE_MEASURES].sort());
  });

  it('every type and field carries a description', async () => {
    const schema = await buildGrassrootsSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

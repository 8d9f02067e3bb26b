import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import { buildGrassrootsSchema, SCHEMA_FILE } from '../../src/graphql/build-schema.js';
import codegenConfig from '../../codegen.js';

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

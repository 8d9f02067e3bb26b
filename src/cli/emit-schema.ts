import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { buildGrassrootsSchema, SCHEMA_FILE } from '../graphql/build-schema.js';

/** Writes schema/schema.graphql from the code-first schema; a test keeps the two in step. */
const schema = await buildGrassrootsSchema();
await writeFile(SCHEMA_FILE, printSchema(schema) + '\n');
console.log(`wrote ${SCHEMA_FILE}`);

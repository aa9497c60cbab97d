import type { ProcessDefinition } from '@onewindow/definition-types';
import { describe, expect, it } from 'vitest';
import { stageSchema } from './new-project-page';

const definition = (key: string, properties: object, required: string[]) =>
  ({ key, attributesSchema: { type: 'object', properties, required } }) as unknown as ProcessDefinition;

describe('a project stage form', () => {
  it('asks once for every attribute the stage’s processes declare, required where any of them requires it', () => {
    const definitions = [
      definition('building-permit', { floorAreaM2: { type: 'number' } }, ['floorAreaM2']),
      definition('grid-connection', { loadKw: { type: 'number' }, floorAreaM2: { type: 'number' } }, ['loadKw']),
      definition('street-works', { streetName: { type: 'string' } }, []),
    ];
    const schema = stageSchema(definitions, ['building-permit', 'grid-connection']);
    expect(Object.keys(schema.properties).sort()).toEqual(['floorAreaM2', 'loadKw']);
    expect(schema.required?.sort()).toEqual(['floorAreaM2', 'loadKw']);
    expect(stageSchema(definitions, undefined).properties).toEqual({});
  });
});

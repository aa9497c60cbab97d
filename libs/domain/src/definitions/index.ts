import type { ProcessDefinition } from '../definition/process-definition.types';
import { buildingPermitDefinition } from './building-permit.definition';
import { gridConnectionDefinition } from './grid-connection.definition';
import { landUseDefinition } from './land-use.definition';

export { buildingPermitDefinition, gridConnectionDefinition, landUseDefinition };

export const builtInDefinitions: ProcessDefinition[] = [
  buildingPermitDefinition,
  landUseDefinition,
  gridConnectionDefinition,
];

export function builtInDefinition(key: string, version?: number): ProcessDefinition | undefined {
  return builtInDefinitions.find((d) => d.key === key && (version === undefined || d.version === version));
}

/** The built-ins as JSON text, as an administrator would publish them (definitions are data). */
export function builtInDefinitionsAsJson(): Record<string, string> {
  return Object.fromEntries(builtInDefinitions.map((d) => [`${d.key}.v${d.version}.json`, JSON.stringify(d, null, 2)]));
}

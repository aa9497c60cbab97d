import type { CaseState } from './case-state.types';
import type { ProcessContext } from './process-context.types';

/**
 * The engine's own rules change between releases, and a case keeps the rules it was started under: the auditor
 * rebuilds an old case exactly as the engine decided it then. A case records them in its start transition and
 * its state; cases started before they did run under the first rules, or under those their workflow history
 * shows (`ProcessContext.historicEngineRules`).
 *
 * 1: the first rules. An issued permit is a fact on the chain and nothing more.
 * 2: issued permits have a lifecycle: they are revoked, suspended, reinstated or varied, and expire by a timer.
 */
export const ENGINE_RULES = { first: 1, permitLifecycle: 2 } as const;

/** The rules every case started now runs under. */
export const CURRENT_ENGINE_RULES: number = ENGINE_RULES.permitLifecycle;

export function engineRulesOf(ctx: ProcessContext, state: CaseState): number {
  return state.engineRules ?? ctx.historicEngineRules ?? ENGINE_RULES.first;
}

export function hasPermitLifecycle(ctx: ProcessContext, state: CaseState): boolean {
  return engineRulesOf(ctx, state) >= ENGINE_RULES.permitLifecycle;
}

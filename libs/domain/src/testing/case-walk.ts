import { type Actor, SYSTEM_ACTOR } from '../actor';
import { builtInCalendar } from '../calendar/calendars';
import { DomainError } from '../domain-error';
import type { ProcessDefinition } from '../definition/process-definition.types';
import type { CaseEvent } from '../engine/case-event.types';
import type { CaseState } from '../engine/case-state.types';
import { apply, startCase } from '../engine/case-engine';
import { nextTimer } from '../engine/finalize';
import { CURRENT_ENGINE_RULES } from '../engine/engine-rules';
import type { ProcessContext } from '../engine/process-context.types';
import { applicant } from './case-driver';

/** A state a walked case passed through, and the moment it was looked at. */
export interface VisitedState {
  ctx: ProcessContext;
  state: CaseState;
  at: string;
}

export interface WalkOptions {
  definition: ProcessDefinition;
  attributes: Record<string, string | number | boolean>;
  seed: number;
  walks: number;
  /** Events tried per walk, at most (timer firings not counted). */
  maxEvents: number;
  /** The events that could be tried in `state` at `at`; the reducer refuses the ones that do not apply. */
  moves(state: CaseState, at: string): CaseEvent[];
}

/** Pauses between two looks at a case: minutes, hours, days and weeks, so that every kind of timer falls due. */
const PAUSES_MS = [5 * 60_000, 3 * 3_600_000, 2 * 86_400_000, 12 * 86_400_000];

/**
 * Spec and bench helper: seeded random walks through a definition. At each look the due timers fire, then one
 * of the moves the reducer accepts is taken; every state passed through is kept, closed ones included.
 */
export function walkCases(options: WalkOptions): VisitedState[] {
  const calendar = builtInCalendar(options.definition.jurisdiction);
  if (!calendar) throw new Error(`no calendar ${options.definition.jurisdiction}`);
  const ctx: ProcessContext = { definition: options.definition, calendar };
  const random = seededRandom(options.seed);
  const visited: VisitedState[] = [];
  for (let walk = 0; walk < options.walks; walk++) {
    let at = '2026-03-02T09:00:00.000Z';
    const submission = {
      requestId: `walk-${walk}`,
      applicant,
      attributes: options.attributes,
      at,
      engineRules: CURRENT_ENGINE_RULES,
    };
    let state = startCase(ctx, submission).state;
    visited.push({ ctx, state, at });
    for (let taken = 0; taken < options.maxEvents; taken++) {
      at = new Date(Date.parse(at) + PAUSES_MS[Math.floor(random() * PAUSES_MS.length)]).toISOString();
      for (let timer = nextTimer(state); timer && timer.dueAt <= at; timer = nextTimer(state)) {
        state = apply(ctx, state, { type: 'timer', timerId: timer.id, at, actor: SYSTEM_ACTOR }).state;
        visited.push({ ctx, state, at });
      }
      if (state.closed && state.timers.length === 0) break;
      const next = firstAccepted(ctx, state, shuffled(options.moves(state, at), random));
      if (!next) continue;
      state = next;
      visited.push({ ctx, state, at });
    }
  }
  return visited;
}

/**
 * Who might act on a case of `definition`: its applicant, a clerk, a second clerk and a supervisor of each
 * department that owns a step, a supervisor of no department, the system and an auditor.
 */
export function walkActors(definition: ProcessDefinition): Actor[] {
  const departments = new Set<string>();
  for (const step of definition.steps) {
    departments.add(step.owner.department);
    if (step.kind === 'parallel') for (const member of step.members) departments.add(member.owner.department);
  }
  const staff = [...departments].flatMap((department): Actor[] => [
    { id: `${department}-clerk`, role: 'clerk', department },
    { id: `${department}-clerk-2`, role: 'clerk', department },
    { id: `${department}-supervisor`, role: 'supervisor', department },
  ]);
  return [
    applicant,
    ...staff,
    { id: 'supervisor', role: 'supervisor' },
    SYSTEM_ACTOR,
    { id: 'auditor', role: 'auditor' },
  ];
}

/** The applicant's upload of each document type the definition declares. */
export function uploadMoves(definition: ProcessDefinition, at: string): CaseEvent[] {
  return (definition.documents ?? []).map((document) => ({
    type: 'upload-document',
    documentType: document.key,
    fileName: `${document.key}.pdf`,
    sha256: 'a'.repeat(64),
    size: 1024,
    contentType: 'application/pdf',
    at,
    actor: applicant,
  }));
}

function firstAccepted(ctx: ProcessContext, state: CaseState, events: CaseEvent[]): CaseState | undefined {
  for (const event of events) {
    try {
      return apply(ctx, state, event).state;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return undefined;
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** mulberry32: a small deterministic generator, so a walk is the same on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The two per-call costs the status page pays in the api process, measured alone: the legal actions
// (`legalActions` over states of walked cases, as each kind of caller) and the verification of a
// development token (`TokenService.verify`). `npm run bench:hot-paths -- [--seconds=2]`
import 'reflect-metadata';
import { AppConfig, loadConfig } from '@onewindow/config';
import { builtInDefinitions, type Actor, type ProcessDefinition } from '@onewindow/domain';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadavg } from 'node:os';
import { uploadMoves, walkActors, walkCases, type VisitedState } from '../libs/domain/src/testing/case-walk';
import { candidateActions, legalActions } from '../apps/api/src/modules/requests/legal-actions';
import { TokenService } from '../apps/api/src/core/auth/token.service';
import { parseArgs } from 'node:util';

const SECONDS = Number(parseArgs({ options: { seconds: { type: 'string', default: '2' } } }).values.seconds);

const ATTRIBUTES: Record<string, Record<string, string | number | boolean>> = {
  'building-permit': { floorAreaM2: 25_000, inspectionRequired: true },
  'land-use': { development: 'major' },
  'grid-connection': { supplySource: 'single', loadKw: 12_000 },
};

/** Calls `fn` in rounds until `SECONDS` have passed (after a warm-up); microseconds per call. */
async function perCall(calls: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(calls, 200); i++) await fn();
  let done = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(SECONDS * 1e9);
  while (process.hrtime.bigint() < deadline) {
    for (let i = 0; i < calls; i++) await fn();
    done += calls;
  }
  return Number(process.hrtime.bigint() - start) / 1e3 / done;
}

function walkedStates(definition: ProcessDefinition): VisitedState[] {
  const actors = walkActors(definition);
  return walkCases({
    definition,
    attributes: ATTRIBUTES[definition.key] ?? {},
    seed: 7,
    walks: 12,
    maxEvents: 40,
    moves: (state, at) => [
      ...uploadMoves(definition, at),
      ...actors.flatMap((actor) => candidateActions(state, actor).map(({ draft }) => ({ ...draft, actor, at }))),
    ],
  });
}

/** The applicant, and a clerk and a supervisor of each department holding a step: who opens the page. */
function readers(visit: VisitedState): Actor[] {
  const departments = new Set(visit.state.activeSteps.map((s) => s.owner.department));
  return [
    visit.state.applicant,
    ...[...departments].flatMap((department): Actor[] => [
      { id: `${department}-clerk`, role: 'clerk', department },
      { id: `${department}-supervisor`, role: 'supervisor', department },
    ]),
  ];
}

async function legalActionsFigures(): Promise<void> {
  const visits = builtInDefinitions.flatMap(walkedStates);
  const open = visits.filter((v) => !v.state.closed);
  const closed = visits.filter((v) => v.state.closed);
  console.log(`legal actions: ${visits.length} states of walked cases (${open.length} open, ${closed.length} closed)`);
  for (const [label, group] of [
    ['open cases', open],
    ['closed cases', closed],
  ] as const) {
    const calls = group.flatMap((visit) => readers(visit).map((actor) => ({ visit, actor })));
    let next = 0;
    const us = await perCall(calls.length, () => {
      const { visit, actor } = calls[next++ % calls.length];
      return legalActions(visit.ctx, visit.state, actor, visit.at);
    });
    console.log(`  ${label.padEnd(12)} ${us.toFixed(1).padStart(7)} us per call (${calls.length} state x caller)`);
  }
}

async function tokenFigures(): Promise<void> {
  const config = loadConfig({ ONEWINDOW_MODE: 'development' });
  @Module({ providers: [{ provide: AppConfig, useValue: config }, TokenService] })
  class TokenModule {}
  const app = await NestFactory.createApplicationContext(TokenModule, { logger: false });
  const tokens = app.get(TokenService);
  const token = await tokens.issue({ id: 'acme-battery', role: 'applicant' });
  const verify = await perCall(500, () => tokens.verify(token));
  const issue = await perCall(500, () => tokens.issue({ id: 'acme-battery', role: 'applicant' }));
  console.log(`development token: verify ${verify.toFixed(1)} us per call, issue ${issue.toFixed(1)} us per call`);
  await app.close();
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, load average ${loadavg()[0].toFixed(1)}, ${SECONDS} s per figure`);
  await legalActionsFigures();
  await tokenFigures();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

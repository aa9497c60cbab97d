import { readFile } from 'node:fs/promises';
import { round } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  sampledMs: number;
  /** Share of sampled non-idle time by where the code lives (self time). */
  byArea: Array<{ area: string; ms: number; share: number }>;
  /** The project's own functions by inclusive time (self and everything they call), biggest first. */
  ownInclusive: Array<{ fn: string; ms: number; share: number }>;
  /** All functions by self time. */
  topSelf: Array<{ fn: string; ms: number; share: number }>;
}

const AREAS: Array<[RegExp, string]> = [
  [/node_modules\/typeorm\//, 'typeorm'],
  [/node_modules\/pg(-[a-z]+)?\//, 'pg driver'],
  [/node_modules\/@temporalio\//, 'temporal sdk'],
  [/node_modules\/@nestjs\//, 'nest'],
  [/node_modules\/(express|router|body-parser|finalhandler|send|serve-static|path-to-regexp)\//, 'express'],
  [/node_modules\/jose\//, 'jose (JWT)'],
  [/node_modules\/class-(validator|transformer)\//, 'class-validator/transformer'],
  [/node_modules\/helmet\//, 'helmet'],
  [/node_modules\/(protobufjs|@grpc|long)\//, 'grpc/protobuf'],
  [/node_modules\//, 'other packages'],
  [/\/libs\/domain\//, 'libs/domain'],
  [/\/libs\/persistence\//, 'libs/persistence'],
  [/\/apps\/api\//, 'apps/api'],
  [/\/apps\/worker\//, 'apps/worker'],
  [/\/(workflows|activities)\//, 'workflows/activities'],
  [/\/libs\//, 'other libs'],
  [/\/bench\//, 'bench'],
  [/^node:|^internal\//, 'node core'],
];

function areaOf(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : 'native';
  return AREAS.find(([pattern]) => pattern.test(frame.url))?.[1] ?? 'other';
}

const OWN = /\/dist\/(apps|libs|workflows|activities)\//;

function label(frame: ProfileNode['callFrame']): string {
  const file = frame.url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/dist\//, '')
    .replace(/^.*\/node_modules\//, '');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

/** Self time by area and function, and inclusive time of the project's own functions, from a .cpuprofile. */
export async function summarizeProfile(path: string, top = 15): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') return;
    busy += ms;
    self.set(label(node.callFrame), (self.get(label(node.callFrame)) ?? 0) + ms);
    areas.set(areaOf(node.callFrame), (areas.get(areaOf(node.callFrame)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (!OWN.test(frame.url)) continue;
      const key = label(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  });
  const rank = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, ms]) => ({ key, ms: round(ms, 0), share: round(ms / busy, 3) }));
  return {
    sampledMs: round(busy, 0),
    byArea: rank(areas).map(({ key, ...rest }) => ({ area: key, ...rest })),
    ownInclusive: rank(inclusive).map(({ key, ...rest }) => ({ fn: key, ...rest })),
    topSelf: rank(self).map(({ key, ...rest }) => ({ fn: key, ...rest })),
  };
}

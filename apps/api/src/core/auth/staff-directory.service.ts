import { AppConfig } from '@onewindow/config';
import type { Actor } from '@onewindow/domain';
import { StaffMemberRepository } from '@onewindow/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { findDemoUser } from './demo-users';

/** Remembered sign-ins per process, so a busy clerk does not cost a write per request. */
const REMEMBERED_LIMIT = 10_000;

/**
 * The staff a step may be handed to: in development the seeded users, with an identity provider
 * everyone on staff whose verified token the API has seen (with the role and department it named).
 */
@Injectable()
export class StaffDirectory {
  private readonly logger = new Logger('StaffDirectory');
  private readonly remembered = new Set<string>();

  constructor(
    private readonly config: AppConfig,
    private readonly members: StaffMemberRepository,
  ) {}

  /** Called for every verified caller; applicants are not staff and are not kept. */
  remember(actor: Actor): void {
    if (this.config.devTokensAccepted || actor.role === 'applicant') return;
    const key = `${actor.id}\u0000${actor.role}\u0000${actor.department ?? ''}\u0000${actor.name ?? ''}`;
    if (this.remembered.has(key)) return;
    if (this.remembered.size >= REMEMBERED_LIMIT) this.remembered.clear();
    this.remembered.add(key);
    const member = { id: actor.id, role: actor.role, department: actor.department ?? null, name: actor.name ?? null };
    this.members.remember(member).catch((error: unknown) => {
      this.remembered.delete(key);
      this.logger.warn({ msg: 'could not remember a staff member', actor: actor.id, err: String(error) });
    });
  }

  async find(id: string): Promise<Actor | undefined> {
    if (this.config.devTokensAccepted) return findDemoUser(id);
    const member = await this.members.find(id);
    if (!member) return undefined;
    return {
      id: member.id,
      role: member.role as Actor['role'],
      ...(member.department ? { department: member.department } : {}),
      ...(member.name ? { name: member.name } : {}),
    };
  }
}

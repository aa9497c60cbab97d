import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface StaffMember {
  id: string;
  role: string;
  department: string | null;
  name: string | null;
}

/** Staff as their latest verified sign-in described them. */
@Injectable()
export class StaffMemberRepository {
  constructor(private readonly db: DataSource) {}

  async remember(member: StaffMember): Promise<void> {
    await this.db.query(
      `INSERT INTO staff_members (id, role, department, name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE
         SET role = EXCLUDED.role, department = EXCLUDED.department, name = EXCLUDED.name, last_seen_at = now()`,
      [member.id, member.role, member.department, member.name],
    );
  }

  async find(id: string): Promise<StaffMember | undefined> {
    const rows: StaffMember[] = await this.db.query(
      `SELECT id, role, department, name FROM staff_members WHERE id = $1`,
      [id],
    );
    return rows[0];
  }
}

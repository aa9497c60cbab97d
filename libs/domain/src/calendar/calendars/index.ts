import type { WorkingCalendar } from '../working-calendar.types';
import { cnCalendar } from './cn.calendar';
import { gbEngCalendar } from './gb-eng.calendar';
import { usCaCalendar } from './us-ca.calendar';

export { cnCalendar, gbEngCalendar, usCaCalendar };

export const builtInCalendars: WorkingCalendar[] = [cnCalendar, gbEngCalendar, usCaCalendar];

export function builtInCalendar(id: string): WorkingCalendar | undefined {
  return builtInCalendars.find((c) => c.id === id);
}

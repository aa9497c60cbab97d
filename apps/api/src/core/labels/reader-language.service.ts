import { DEFAULT_LANGUAGE, languageOf, type Language } from '@onewindow/domain';
import { NotificationPreferencesRepository } from '@onewindow/persistence';
import { Injectable } from '@nestjs/common';

/** How long a stored preference is reused before it is read again (replicas share no cache to invalidate). */
const REMEMBER_MS = 5_000;
const MAX_REMEMBERED = 10_000;

/**
 * The language a caller reads: the one it asks for (`Accept-Language`), else the language its user chose
 * in their preferences (a script or an integration sends no header), else English.
 */
@Injectable()
export class ReaderLanguage {
  private readonly remembered = new Map<string, { language: Language; until: number }>();

  constructor(private readonly preferences: NotificationPreferencesRepository) {}

  async of(acceptLanguage: string | undefined, userId: string | undefined): Promise<Language> {
    if (acceptLanguage?.trim()) return languageOf(acceptLanguage);
    if (!userId) return DEFAULT_LANGUAGE;
    const now = Date.now();
    const known = this.remembered.get(userId);
    if (known && known.until > now) return known.language;
    const language = languageOf((await this.preferences.find(userId))?.language);
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(userId, { language, until: now + REMEMBER_MS });
    return language;
  }
}

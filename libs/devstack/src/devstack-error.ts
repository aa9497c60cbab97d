/**
 * An error the user fixes by doing something (install a tool, free a port), not by reading code.
 * The stack is dropped so the remedy in the message is the first and only thing printed.
 */
export class DevstackSetupError extends Error {
  override readonly name = 'DevstackSetupError';

  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}

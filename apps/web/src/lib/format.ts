/** The one formatter of dates, shared with the notifications so a deadline reads the same in both. */
export * from '@onewindow/reading-dates';

/** Solid tag colours with white text at WCAG AA contrast (Ant Design's light presets fall short). */
export const TAG = {
  blue: '#1d4ed8',
  green: '#166534',
  red: '#b91c1c',
  orange: '#9a3412',
  purple: '#6b21a8',
  grey: '#475569',
} as const;

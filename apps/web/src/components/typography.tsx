import type { HTMLAttributes } from 'react';
import './typography.css';

/**
 * Headings, text and paragraphs styled as Ant Design's Typography. Theirs brings the editable and
 * copyable text (Input, TextArea, Form, Tooltip) with it, some 40 kB gzipped on every page; these
 * are the plain elements.
 */
type Tone = 'secondary';

function classes(...names: Array<string | false | undefined>): string {
  return names.filter(Boolean).join(' ');
}

function Title({ level = 1, className, ...rest }: HTMLAttributes<HTMLHeadingElement> & { level?: 1 | 2 | 3 | 4 | 5 }) {
  const Heading = `h${level}` as const;
  return <Heading className={classes('ow-title', className)} {...rest} />;
}

function Text({
  type,
  strong,
  className,
  children,
  ...rest
}: HTMLAttributes<HTMLSpanElement> & { type?: Tone; strong?: boolean }) {
  return (
    <span className={classes('ow-text', type && `ow-text-${type}`, className)} {...rest}>
      {strong ? <strong>{children}</strong> : children}
    </span>
  );
}

function Paragraph({ type, className, ...rest }: HTMLAttributes<HTMLParagraphElement> & { type?: Tone }) {
  return <p className={classes('ow-paragraph', type && `ow-text-${type}`, className)} {...rest} />;
}

export const Typography = { Title, Text, Paragraph };

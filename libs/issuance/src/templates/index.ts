import type { DocumentKind } from '@onewindow/domain';
import { decisionNoticeV1 } from './decision-notice.template';
import { extensionNoticeV1, informationNoticeV1, receiptV1 } from './notice.templates';
import { permitV1 } from './permit.template';
import type { DocumentTemplate } from './template.types';

export type * from './template.types';

/** Every template version ever issued with: an issued document names its version and re-renders from it. */
export const DOCUMENT_TEMPLATES: readonly DocumentTemplate[] = [
  decisionNoticeV1,
  permitV1,
  receiptV1,
  informationNoticeV1,
  extensionNoticeV1,
];

export class MissingTemplateError extends Error {}

export class TemplateCatalog {
  constructor(private readonly templates: readonly DocumentTemplate[] = DOCUMENT_TEMPLATES) {}

  /** The version new documents of `kind` are drawn with. */
  current(kind: DocumentKind): DocumentTemplate {
    const versions = this.templates.filter((t) => t.kind === kind).sort((a, b) => b.version - a.version);
    if (!versions[0]) throw new MissingTemplateError(`No document template for '${kind}'`);
    return versions[0];
  }

  /** The version an issued document names, to re-render it exactly. */
  version(kind: DocumentKind, version: number): DocumentTemplate {
    const template = this.templates.find((t) => t.kind === kind && t.version === version);
    if (!template) throw new MissingTemplateError(`No document template '${kind}' version ${version}`);
    return template;
  }

  /** At start: every kind a definition declares must have a template, or the process refuses to start. */
  assertCovers(kinds: Iterable<DocumentKind>, where: string): void {
    for (const kind of kinds) {
      if (!this.templates.some((t) => t.kind === kind)) {
        throw new MissingTemplateError(`${where} issues '${kind}' documents, but no template for '${kind}' exists`);
      }
    }
  }
}

import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Custom search attributes the dev server registers at start and every cluster must have. */
export const searchAttributes = {
  requestType: defineSearchAttributeKey('OwRequestType', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('OwStatus', SearchAttributeType.KEYWORD),
  currentSteps: defineSearchAttributeKey('OwCurrentSteps', SearchAttributeType.KEYWORD_LIST),
  departments: defineSearchAttributeKey('OwDepartments', SearchAttributeType.KEYWORD_LIST),
  nextDueAt: defineSearchAttributeKey('OwNextDueAt', SearchAttributeType.DATETIME),
  jurisdiction: defineSearchAttributeKey('OwJurisdiction', SearchAttributeType.KEYWORD),
} as const;

/** The same keys in the form `temporal operator search-attribute create` takes. */
export const SEARCH_ATTRIBUTE_TYPES = {
  OwRequestType: 'Keyword',
  OwStatus: 'Keyword',
  OwCurrentSteps: 'KeywordList',
  OwDepartments: 'KeywordList',
  OwNextDueAt: 'Datetime',
  OwJurisdiction: 'Keyword',
} as const satisfies Record<string, string>;

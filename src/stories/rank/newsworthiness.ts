/** Topics of international affairs (issue 14). */
export const INTERNATIONAL_TOPICS = ['politics', 'conflict', 'economy', 'climate'] as const;

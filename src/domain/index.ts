/** The domain's public API: see README.md in this folder for the contract. */
export * from './answers.ts';
export * from './assessment.ts';
export * from './bank/index.ts';
export * from './data-error.ts';
export * from './interview.ts';
export * from './health-consent.ts';
export * from './scoring.ts';
export * from './baselines.ts';
export * from './cohort.ts';
export * from './compact-answers.ts';
export * from './outcome-counts.ts';
export * from './outcomes.ts';
export * from './progress.ts';
export * from './directory.ts';
export * from './resident.ts';
export * from './signposting.ts';

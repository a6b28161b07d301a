export * from './platform.ts';
export * from './campaign.ts';

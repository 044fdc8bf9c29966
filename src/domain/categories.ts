import { z } from 'zod';

/**
 * What a demand can reach, on the Stored Communications Act ladder (DOMAIN §1 rows 1-4, 9, 11).
 * `tollBillingRecords` is split out because an NSL reaches it and nothing else beyond
 * name, address and length of service (DOMAIN §1 row 11, OLC 2008).
 */
export const DATA_CATEGORIES = [
  'basicSubscriberInfo',
  'tollBillingRecords',
  'nonContentRecords',
  'content',
  'realTimeNonContent',
] as const;

export const DataCategory = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategory>;

export const CATEGORY_TITLES: Record<DataCategory, string> = {
  basicSubscriberInfo: 'basic subscriber information (name, address, session times, IPs, payment)',
  tollBillingRecords: 'local and long-distance toll billing records',
  nonContentRecords: 'non-content records (logs, correspondents, transactional data)',
  content: 'stored content',
  realTimeNonContent: 'real-time non-content (dialing, routing, addressing, signalling)',
};

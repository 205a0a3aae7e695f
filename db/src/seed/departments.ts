// The industry departments of the seeded city (which venue categories each signs for, and how
// slow it is to sign: the Economy and IT Bureau holds closures up) and the patrol cadence by grade.
import type { RiskLevel, VenueCategory } from '@svm/contract/constants';

export const DEPARTMENTS: {
  code: string;
  name: string;
  nameEn: string;
  categories: VenueCategory[];
  slowness: number;
}[] = [
  {
    code: 'market',
    name: '市场监督管理局',
    nameEn: 'Market Regulation Bureau',
    categories: ['retail', 'repair', 'ebike', 'other'],
    slowness: 1.2,
  },
  { code: 'commerce', name: '商务局', nameEn: 'Commerce Bureau', categories: ['catering'], slowness: 1 },
  {
    code: 'culture',
    name: '文化广电旅游局',
    nameEn: 'Culture and Tourism Bureau',
    categories: ['entertainment', 'lodging'],
    slowness: 1,
  },
  { code: 'education', name: '教育局', nameEn: 'Education Bureau', categories: ['training'], slowness: 0.9 },
  // the party that holds closures up
  {
    code: 'economy',
    name: '经济和信息化局',
    nameEn: 'Economy and IT Bureau',
    categories: ['workshop', 'warehouse'],
    slowness: 3,
  },
];

export const CADENCE: Record<RiskLevel, number> = { high: 7, medium: 14, low: 30 };

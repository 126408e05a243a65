/**
 * Golden values read by hand from the five seed reports (src/data/reports). Each figure here was
 * read off the source text, not produced by the parser; the line numbers are the source lines.
 */
import type { Template } from '../../src/schema/index.ts';

export interface Golden {
  file: string;
  agency: string;
  year: number;
  template: Template;
  publishedOn: string | null;
  proactiveTotal: number | null;
  /** label, items, printed share */
  categories: [string, number, number | null][];
  /** item/measure → value (unit, raw where it matters) */
  article20: Record<string, number | null>;
  article20Raw?: Record<string, string>;
  article20Unit?: Record<string, string | null>;
  /** Table 三: every row is 0 in every column unless listed; listed rows give all seven columns. */
  applicationsAllZero: boolean;
  applications?: Record<string, (number | null)[]>;
  /** Table 四: fifteen cells in printed order. */
  reviews: (number | null)[];
  reviewsLine: number | null;
  fees: number | null;
  status: 'ok' | 'warnings';
  lines?: Record<string, number>;
}

const z3 = [0, 0, 0];
const blank7 = [null, null, null, null, null, null, null];
const np7 = [0, null, null, null, null, null, 0];
const zeros15 = Array(15).fill(0);

export const GOLDEN: Golden[] = [
  {
    file: '000_49efb77cae9f07bc.txt', agency: '长治市中小企业服务中心', year: 2023, template: '2021', publishedOn: '2024-01-22',
    proactiveTotal: 100,
    categories: [['政策法规类', 29, 29], ['工作动态类', 16, 16], ['通知通告类', 33, 33], ['其他', 22, 22]],
    article20: { 'rules/issued': 0, 'rules/repealed': 0, 'rules/in_force': 0, 'normative_documents/issued': 0, 'normative_documents/repealed': 0,
      'normative_documents/in_force': 0, 'licensing/decisions': 0, 'penalty/decisions': 0, 'enforcement/decisions': 0, 'fees/amount': 0 },
    article20Unit: { 'fees/amount': '万元' },
    applicationsAllZero: true,
    reviews: zeros15, reviewsLine: 455, fees: 0, status: 'ok',
    lines: { proactiveTotal: 20, 'applications/new_received': 141, 'applications/handled_total': 323, 'applications/rejected_confirmation': 281 },
  },
  {
    file: '001_83e47e52eeac055c.txt', agency: '长治市中小企业局', year: 2019, template: '2019', publishedOn: '2020-01-23',
    proactiveTotal: 49,
    categories: [['政策法规类', 24, 48.9], ['工作动态类', 12, 24.5], ['通知公告类', 11, 22.5], ['其他', 2, 4.1]],
    article20: { 'rules/made': 0, 'rules/published': 0, 'rules/public_total': 0, 'normative_documents/made': 0, 'normative_documents/published': 1,
      'normative_documents/public_total': 1, 'licensing/previous_year_count': 0, 'licensing/change': 0, 'licensing/decisions': 0,
      'other_services/previous_year_count': 0, 'other_services/change': 0, 'other_services/decisions': 0, 'penalty/previous_year_count': 0,
      'penalty/change': 0, 'penalty/decisions': 0, 'enforcement/previous_year_count': 0, 'enforcement/change': 0, 'enforcement/decisions': 0,
      'fees/previous_year_count': 0, 'fees/change': 0, 'procurement/projects': 4, 'procurement/amount': 56525 },
    applicationsAllZero: false,
    // Only 自然人 and 总计 are filled; every other cell of the DOCX table is blank.
    applications: { new_received: np7, carried_over: np7, handled_total: np7, carried_forward: np7 },
    // One cell filled: the tenth, 未经复议直接起诉 · 总计.
    reviews: [null, null, null, null, null, null, null, null, null, 0, null, null, null, null, null], reviewsLine: 92, fees: null, status: 'ok',
    lines: { proactiveTotal: 13, 'article20/normative_documents/published': 38, 'article20/procurement/amount': 53, 'applications/new_received': 60, 'applications/carried_forward': 85 },
  },
  {
    file: '002_f4cbcc3e5ae112d9.txt', agency: '长子县中小企业服务中心', year: 2020, template: '2019', publishedOn: '2021-01-29',
    proactiveTotal: null, categories: [],
    article20: { 'rules/made': 0, 'rules/published': 0, 'rules/public_total': 0, 'normative_documents/made': 0, 'normative_documents/published': 0,
      'normative_documents/public_total': 0, 'licensing/previous_year_count': 0, 'licensing/change': 0, 'licensing/decisions': 0,
      'other_services/previous_year_count': 0, 'other_services/change': 1, 'other_services/decisions': 0, 'penalty/previous_year_count': 0,
      'penalty/change': 0, 'penalty/decisions': 0, 'enforcement/previous_year_count': 0, 'enforcement/change': 0, 'enforcement/decisions': 0,
      'fees/previous_year_count': 0, 'fees/change': 0, 'procurement/projects': 0, 'procurement/amount': 0 },
    article20Raw: { 'other_services/change': '＋1' },
    applicationsAllZero: true,
    reviews: zeros15, reviewsLine: 452, fees: null, status: 'warnings',
    lines: { 'article20/other_services/change': 94, 'applications/carried_over': 194, 'applications/other': 330 },
  },
  {
    file: '003_1246336c5afa29b6.txt', agency: '夏县小企业发展促进中心', year: 2023, template: '2021', publishedOn: null,
    proactiveTotal: null, categories: [],
    article20: { 'rules/issued': 0, 'rules/repealed': 0, 'rules/in_force': 0, 'normative_documents/issued': 0, 'normative_documents/repealed': 0,
      'normative_documents/in_force': 1, 'licensing/decisions': 0, 'penalty/decisions': 0, 'enforcement/decisions': 0, 'fees/amount': 0 },
    applicationsAllZero: true,
    reviews: zeros15, reviewsLine: 388, fees: null, status: 'warnings',
    lines: { 'article20/normative_documents/in_force': 37, 'applications/unable_not_held': 222 },
  },
  {
    file: '004_a98c0ac17b1197e3.txt', agency: '稷山县工业信息化和科技局', year: 2023, template: '2021', publishedOn: null,
    proactiveTotal: null, categories: [],
    article20: { 'rules/issued': 0, 'rules/repealed': 0, 'rules/in_force': 0, 'normative_documents/issued': 0, 'normative_documents/repealed': 0,
      'normative_documents/in_force': 0, 'licensing/decisions': 0, 'penalty/decisions': 0, 'enforcement/decisions': 0, 'fees/amount': 0 },
    applicationsAllZero: true,
    reviews: zeros15, reviewsLine: 373, fees: 0, status: 'warnings',
    lines: { 'applications/new_received': 146, 'applications/other_other': 253, fees: 395 },
  },
];

export { blank7, z3 };

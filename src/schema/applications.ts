import type { Label, Template } from './template.ts';

/** Table 三's header cells that span columns or rows (the form prints them; no value sits under them alone). */
export const APPLICATIONS_HEADINGS = {
  applicants: { zh: '申请人情况', en: 'Applicants' },
  legalPersons: { zh: '法人或其他组织', en: 'Legal persons and other organisations' },
  results: { zh: '三、本年度办理结果', en: 'Results this year' },
} as const satisfies Record<string, Label>;

/** Table 三 columns: who applied. Order is the prescribed column order. */
export const APPLICANTS = [
  { key: 'natural_person', zh: '自然人', en: 'Natural persons' },
  { key: 'commercial', zh: '商业企业', en: 'Commercial enterprises' },
  { key: 'research', zh: '科研机构', en: 'Research institutions' },
  { key: 'social_welfare', zh: '社会公益组织', en: 'Social welfare organisations' },
  { key: 'legal_service', zh: '法律服务机构', en: 'Legal service organisations' },
  { key: 'other_org', zh: '其他', en: 'Other organisations' },
  { key: 'total', zh: '总计', en: 'Total' },
] as const;
export type Applicant = (typeof APPLICANTS)[number]['key'];
export const APPLICANT_KEYS: readonly Applicant[] = APPLICANTS.map((a) => a.key);
/** The six applicant columns that sum to 总计. */
export const APPLICANT_PARTS: readonly Applicant[] = APPLICANT_KEYS.filter((k) => k !== 'total');

/**
 * Groups of result rows. Sub-rows of a group sum to nothing printed (there is no subtotal row);
 * `summary` publishes their sum under the group's column name.
 */
export const RESULT_GROUPS = [
  { key: 'granted', zh: '（一）予以公开', en: 'Granted' },
  { key: 'partially_granted', zh: '（二）部分公开', en: 'Partially granted' },
  { key: 'denied', zh: '（三）不予公开', en: 'Denied' },
  { key: 'unable_to_provide', zh: '（四）无法提供', en: 'Unable to provide' },
  { key: 'not_processed', zh: '（五）不予处理', en: 'Not processed' },
  { key: 'other_processing', zh: '（六）其他处理', en: 'Other processing' },
] as const;
export type ResultGroup = (typeof RESULT_GROUPS)[number]['key'];

export interface ApplicationRow extends Label {
  key: string;
  /** 'result' rows are the parts of （七）总计. */
  role: 'new' | 'carried_over' | 'result' | 'total' | 'carried_forward';
  group?: ResultGroup;
  /** Finds the row from its printed label (which may carry wrapped fragments of neighbours). */
  match: RegExp;
  templates: readonly Template[];
}

const both = ['2019', '2021'] as const;
const row = (key: string, zh: string, en: string, role: ApplicationRow['role'], match: RegExp, group?: ResultGroup,
  templates: readonly Template[] = both): ApplicationRow => ({ key, zh, en, role, match, templates, ...(group ? { group } : {}) });

/** Every row of table 三 over both versions, in prescribed order. */
export const APPLICATION_ROWS: readonly ApplicationRow[] = [
  row('new_received', '一、本年新收政府信息公开申请数量', 'New applications received this year', 'new', /本年新收|新收.{0,6}申请/),
  row('carried_over', '二、上年结转政府信息公开申请数量', 'Applications carried over from last year', 'carried_over', /上年结转|上年度结转/),
  row('granted', '（一）予以公开', 'Granted', 'result', /予以公开/, 'granted'),
  row('partially_granted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'Partially granted', 'result', /部分公开/, 'partially_granted'),
  row('denied_state_secret', '1.属于国家秘密', 'Denied: state secret', 'result', /国家秘/, 'denied'),
  row('denied_prohibited_by_law', '2.其他法律行政法规禁止公开', 'Denied: prohibited by other laws', 'result', /法规禁止|禁止公开/, 'denied'),
  row('denied_three_safeties', '3.危及“三安全一稳定”', 'Denied: endangers the "three safeties and one stability"', 'result', /三安全|一稳定/, 'denied'),
  row('denied_third_party', '4.保护第三方合法权益', 'Denied: protects third-party rights', 'result', /第三方/, 'denied'),
  row('denied_internal_affairs', '5.属于三类内部事务信息', 'Denied: internal affairs', 'result', /内部事/, 'denied'),
  row('denied_process_info', '6.属于四类过程性信息', 'Denied: process information', 'result', /过程性/, 'denied'),
  row('denied_enforcement_files', '7.属于行政执法案卷', 'Denied: enforcement case files', 'result', /执法案/, 'denied'),
  row('denied_query_matter', '8.属于行政查询事项', 'Denied: administrative query matter', 'result', /查询事|行政查/, 'denied'),
  row('unable_not_held', '1.本机关不掌握相关政府信息', 'Unable: information not held', 'result', /不掌握/, 'unable_to_provide'),
  row('unable_needs_creation', '2.没有现成信息需要另行制作', 'Unable: would need to be created', 'result', /另行制作|现成信息/, 'unable_to_provide'),
  row('unable_unclear', '3.补正后申请内容仍不明确', 'Unable: still unclear after correction', 'result', /仍不明确|补正后/, 'unable_to_provide'),
  row('rejected_petition', '1.信访举报投诉类申请', 'Not processed: petitions and complaints', 'result', /信访|举报投诉/, 'not_processed'),
  row('rejected_repeat', '2.重复申请', 'Not processed: repeated application', 'result', /重复申请/, 'not_processed'),
  row('rejected_publication', '3.要求提供公开出版物', 'Not processed: asks for publications', 'result', /出版物/, 'not_processed'),
  row('rejected_mass_repeat', '4.无正当理由大量反复申请', 'Not processed: mass repeated applications', 'result', /大量反复|反复申请/, 'not_processed'),
  row('rejected_confirmation', '5.要求行政机关确认或重新出具已获取信息', 'Not processed: asks to confirm or reissue information', 'result', /确认或重新|重新出具|已获取信/, 'not_processed'),
  row('other', '（六）其他处理', 'Other processing', 'result', /其他处理/, 'other_processing', ['2019']),
  row('other_no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'Other: applicant did not correct in time', 'result', /逾期不补正|不补正/, 'other_processing', ['2021']),
  row('other_unpaid_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'Other: applicant did not pay the fee', 'result', /缴纳费用|收费通知/, 'other_processing', ['2021']),
  row('other_other', '3.其他', 'Other: other', 'result', /(^|\d\s*[.．、]?\s*)其他\s*$/, 'other_processing', ['2021']),
  row('handled_total', '（七）总计', 'Total handled', 'total', /总计/),
  row('carried_forward', '四、结转下年度继续办理', 'Carried forward to next year', 'carried_forward', /结转下年|下年度继续/),
];

/** The rows of one version, in prescribed order (23 in 2019, 25 in 2021). */
export function applicationRows(template: Template): ApplicationRow[] {
  return APPLICATION_ROWS.filter((r) => r.templates.includes(template));
}

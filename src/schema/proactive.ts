/** Categories of proactively disclosed items commonly named in section 一; others get a derived key.
 * The first match wins, so narrower categories come first. */
export const PROACTIVE_CATEGORIES = [
  { key: 'interpretation', zh: '政策解读类', en: 'Policy interpretations', match: /解读/ },
  { key: 'policy', zh: '政策法规类', en: 'Policies and regulations', match: /政策|法规|文件/ },
  { key: 'work_news', zh: '工作动态类', en: 'Work news', match: /动态|新闻|要闻/ },
  { key: 'notices', zh: '通知公告类', en: 'Notices and announcements', match: /通知|公告|通告/ },
  { key: 'personnel', zh: '人事信息类', en: 'Personnel information', match: /人事|任免/ },
  { key: 'finance', zh: '财政资金类', en: 'Budgets and finance', match: /财政|预决算|资金/ },
  { key: 'other', zh: '其他', en: 'Other', match: /^其他/ },
] as const;

import pkg from '../../package.json' with { type: 'json' };
import type { PackageMeta } from './datapackage.ts';

/**
 * What the published data package says about itself. Its schema version follows package.json; the
 * data version (date and hash of the tables) is computed by writeTables (src/files/version.ts).
 */
export const PACKAGE: PackageMeta = {
  name: 'disclosure-atlas',
  schemaVersion: pkg.version,
  title: { zh: '政府信息公开年报数据', en: 'Disclosure Atlas: Chinese government information-disclosure annual reports' },
  description: {
    zh: '从各级行政机关《政府信息公开工作年度报告》文本中提取并核对的数据：主动公开、依申请公开（表三）、行政复议和行政诉讼（表四）等。空白为空值，不是零；每个数值都记有来源行号。',
    en: 'Data extracted and checked from the annual reports on government information disclosure that every Chinese government agency publishes: proactive disclosure, applications (table 三), review and litigation (table 四). A blank is NULL, never zero; every value records its source line.',
  },
  keywords: ['政府信息公开', 'government information disclosure', 'open government', 'China', 'transparency'],
  licenses: [{ name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
  sources: [{ title: '各机关政府信息公开工作年度报告 Annual reports on government information disclosure, as published by each agency' }],
};

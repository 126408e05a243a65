/**
 * The agency embed page (src/components/EmbedAgency.astro): reads ?id=<lineage>&m=<measure>,
 * fetches the agency's data file of the page's data version and draws the chart with the shared
 * module (src/shared/agency-chart.ts) — title, wide and phone versions, caption, data table. A
 * missing or unknown id, an unknown measure or a file that does not load is said in words.
 */
import { AGENCY_CHART_NARROW, AGENCY_CHART_WIDTH, AGENCY_MEASURES, agencyChart, isAgencyMeasure } from '../shared/agency-chart.ts';
import { loadAgencyData } from './agency-data.ts';
import { chartWords, t, type Lang } from '../site/i18n.ts';
import { tooltips } from './tooltip.ts';

export async function agencyEmbed(root: HTMLElement): Promise<void> {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'zh';
  const params = new URLSearchParams(location.search);
  const id = (params.get('id') ?? '').trim();
  const measure = params.get('m') ?? AGENCY_MEASURES[0];
  const problem = root.querySelector<HTMLElement>('[data-problem]')!;
  const say = (text: string) => {
    problem.textContent = text;
    problem.hidden = false;
  };
  if (!isAgencyMeasure(measure)) {
    say(t(lang, 'agencyEmbedBadMeasure', { measure, measures: AGENCY_MEASURES.join(', ') }));
    return;
  }
  say(t(lang, 'agencyEmbedLoading'));
  const data = await loadAgencyData(`${root.dataset.json ?? ''}${id}.json`, id);
  if ('key' in data) {
    problem.setAttribute('role', 'alert');
    say(data.key === 'agencyEmbedNotFound' ? t(lang, data.key, { id: id || '—' }) : t(lang, data.key));
    return;
  }
  const chart = agencyChart(data, measure, lang, chartWords(lang), document);
  problem.hidden = true;
  document.title = `${chart.title} · ${t(lang, 'siteName')}`;
  root.id = chart.id;
  root.querySelector('h1')!.textContent = chart.title;
  const plot = root.querySelector<HTMLElement>('.plot')!;
  plot.dataset.chart = chart.id;
  plot.querySelector('.v-wide')!.innerHTML = chart.svg(AGENCY_CHART_WIDTH);
  plot.querySelector('.v-narrow')!.innerHTML = chart.svg(AGENCY_CHART_NARROW);
  plot.hidden = false;
  root.querySelector('[data-description]')!.textContent = chart.description;
  root.querySelector<HTMLAnchorElement>('a[data-credit-link]')!.href = `${root.dataset.agencyHref ?? ''}${data.lineage_id}/#${chart.id}`;
  const head = document.createElement('tr');
  chart.table.head.forEach((h, i) => {
    const th = document.createElement('th');
    th.scope = 'col';
    if (i > 0) th.className = 'num';
    th.textContent = h;
    head.append(th);
  });
  root.querySelector('thead')!.replaceChildren(head);
  root.querySelector('tbody')!.replaceChildren(...chart.table.rows.map((r) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = r.label;
    tr.append(th, ...r.cells.map((v) => {
      const td = document.createElement('td');
      td.className = 'num';
      td.textContent = chartWords(lang).fmt(v);
      return td;
    }));
    return tr;
  }));
  root.querySelector('details')!.hidden = false;
  tooltips(root);
}

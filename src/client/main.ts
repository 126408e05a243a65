/** The site's only script: small enhancements over pages that work without it. */
import { absoluteUrls } from './absolute.ts';
import { chartActions } from './actions.ts';
import { langSwitchKeepsHash } from './lang-switch.ts';
import { sortable } from './sortable.ts';
import { inlineSource } from './source.ts';
import { tooltips } from './tooltip.ts';

langSwitchKeepsHash();
// A report page's source loads at once when the page is opened at one of its lines (#L22).
inlineSource();

// The search box loads its code and its index only when the reader focuses it or types. (The 404
// page has one per language, one of them hidden.)
for (const searchInput of document.querySelectorAll<HTMLInputElement>('input[data-search]')) {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void import('./search.ts').then((m) => m.searchBox(searchInput));
  };
  searchInput.addEventListener('focus', start);
  searchInput.addEventListener('input', start);
  if (document.activeElement === searchInput) start();
}

// An agency page's chart downloads and embed dialog: made from the agency's data file when asked (code loaded on the first click).
document.addEventListener('click', (e) => {
  const button = (e.target as Element).closest?.<HTMLButtonElement>('button[data-agency-export], button[data-agency-embed]');
  if (!button) return;
  void import('./agency-exports.ts').then((m) => (button.dataset.agencyExport ? m.agencyExport(button) : m.agencyEmbedDialog(button)));
});

// After the first frame: nothing here may delay the first chart.
requestAnimationFrame(() => setTimeout(() => {
  tooltips();
  chartActions();
  sortable();
  absoluteUrls();
  // Citations (report and data pages): today's date and this origin, code loaded only there.
  if (document.querySelector('[data-cite]')) void import('./cite.ts').then((m) => m.citations());
}, 0));

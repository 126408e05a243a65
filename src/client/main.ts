/** The site's only script: small enhancements over pages that work without it. */
import { absoluteUrls } from './absolute.ts';
import { chartActions } from './actions.ts';
import { sortable } from './sortable.ts';
import { tooltips } from './tooltip.ts';

// The search box loads its code and its index only when the reader focuses it or types.
const searchInput = document.querySelector<HTMLInputElement>('input[data-search]');
if (searchInput) {
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

// After the first frame: nothing here may delay the first chart.
requestAnimationFrame(() => setTimeout(() => {
  tooltips();
  chartActions();
  sortable();
  absoluteUrls();
  // Citations (report and data pages): today's date and this origin, code loaded only there.
  if (document.querySelector('[data-cite]')) void import('./cite.ts').then((m) => m.citations());
}, 0));

/** The site's only script: small enhancements over pages that work without it. */
import { absoluteUrls } from './absolute.ts';
import { chartActions } from './actions.ts';
import { sortable } from './sortable.ts';
import { tooltips } from './tooltip.ts';

// After the first frame: nothing here may delay the first chart.
requestAnimationFrame(() => setTimeout(() => {
  tooltips();
  chartActions();
  sortable();
  absoluteUrls();
}, 0));

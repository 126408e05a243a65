/**
 * Sortable tables, as progressive enhancement: <table data-sortable> gets a button in each column
 * header. Cells sort by data-sort if present, else by text; numbers numerically, blanks last.
 */
export function sortable(root: ParentNode = document): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
    const heads = [...table.tHead?.rows[0]?.cells ?? []];
    const body = table.tBodies[0];
    if (!body) continue;
    heads.forEach((th, col) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.append(...th.childNodes);
      th.append(button);
      button.addEventListener('click', () => {
        const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        heads.forEach((h) => h.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', dir);
        const key = (row: HTMLTableRowElement) => {
          const cell = row.cells[col];
          return cell?.dataset.sort ?? cell?.textContent?.trim() ?? '';
        };
        const rows = [...body.rows];
        const numeric = rows.every((r) => { const k = key(r); return k === '' || k === '—' || !Number.isNaN(Number(k.replace(/,/g, ''))); });
        rows.sort((a, b) => {
          const x = key(a), y = key(b);
          const blankX = x === '' || x === '—', blankY = y === '' || y === '—';
          if (blankX || blankY) return blankX === blankY ? 0 : blankX ? 1 : -1;
          const c = numeric ? Number(x.replace(/,/g, '')) - Number(y.replace(/,/g, '')) : x.localeCompare(y, document.documentElement.lang);
          return dir === 'ascending' ? c : -c;
        });
        body.append(...rows);
      });
    });
  }
}

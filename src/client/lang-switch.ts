/**
 * The language switch keeps the reader's place: the anchor they are at (#L22 on a report page,
 * a section, a notebook) goes with the link. Pages whose state lives in the query string (compare)
 * set that part themselves; this keeps only the hash, read when the link is about to be used.
 */
export function langSwitchKeepsHash(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('a.lang-switch')];
  if (!links.length) return;
  const sync = () => {
    for (const a of links) {
      const target = new URL(a.href);
      if (target.hash === location.hash) continue;
      target.hash = location.hash;
      a.href = target.href;
    }
  };
  sync();
  window.addEventListener('hashchange', sync);
  // A page may rewrite its hash with history.replaceState (no event): read it again on use.
  for (const a of links) for (const type of ['pointerdown', 'focus', 'click']) a.addEventListener(type, sync);
}

/** Building elements in the browser: properties assigned (never HTML parsed), children as nodes or text. */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { dataset?: Record<string, string> } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] => {
  const { dataset, ...rest } = props;
  const e = document.createElement(tag);
  Object.assign(e, rest);
  if (dataset) Object.assign(e.dataset, dataset);
  e.append(...children);
  return e;
};

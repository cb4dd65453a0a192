/**
 * An agency's axis label, cut from the front: agencies shown together usually share their region
 * ("平潭综合实验区交通与建设局", "平潭综合实验区市场监督管理局"), so a label cut at its end would show
 * only the shared part and lose the year after it. The full name stays in the tooltip.
 */
export function agencyAxisLabel(name: string, maxChars = 11): string {
  const chars = [...name];
  return chars.length <= maxChars ? name : `…${chars.slice(-(maxChars - 1)).join('')}`;
}

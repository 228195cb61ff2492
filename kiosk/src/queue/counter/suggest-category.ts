/**
 * The finish category to preselect for a ticket of a service: the one sharing the longest run
 * of characters with the service's name (奖品领取 → 奖品领取, 投诉 → 投诉登记, 商户服务（标价签
 * 打印…）→ 标价签打印), or none, so the clerk picks one rather than accept a wrong default. A
 * run counts from three characters, or when one name begins with all of the other; a shared
 * word like 服务 or 咨询 inside another name (活动咨询) is no match.
 */
export function suggestCategory(
  categories: readonly string[],
  serviceName: string,
): string | undefined {
  let best: string | undefined;
  let bestLength = 0;
  for (const c of categories) {
    const n = longestCommonRun(c, serviceName);
    const counts = n >= 3 || (n >= 2 && (c.startsWith(serviceName) || serviceName.startsWith(c)));
    if (counts && n > bestLength) {
      best = c;
      bestLength = n;
    }
  }
  return best;
}

function longestCommonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (a[i + k] !== undefined && a[i + k] === b[j + k]) k++;
      best = Math.max(best, k);
    }
  return best;
}

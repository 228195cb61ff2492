/** A merchant and its floor as one line; a merchant not given has no floor worth repeating. */
export const where = (o: { merchant: string; floor: string }) =>
  o.floor === o.merchant ? o.merchant : `${o.merchant} ${o.floor}`;

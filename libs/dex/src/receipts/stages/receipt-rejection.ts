/** A log of the receipt that produced no trade, with the reason: nothing is dropped silently. */
export interface ReceiptRejection {
  readonly logIndex: number;
  readonly reason: string;
}

import { z } from 'zod';

/**
 * Open hiring (decision 023): no CV, no interview, no selection. A candidate reads what the work asks
 * of the body, judges for themself that they can do it, and joins the vacancy's waiting list; the
 * employer takes the next in line. These are the words and checks both sides share.
 */

export const requirementsReadMessage = 'Lees wat het werk van je lichaam vraagt. Zet dan een vinkje als je dit werk kunt doen.';

/** A form sends the check box as "ja" (or nothing); the API sends true. */
export const joinSchema = z.object({
  requirementsRead: z
    .preprocess((v) => (v === 'ja' || v === 'on' ? true : v), z.literal(true, { error: requirementsReadMessage }))
    .describe('true: de kandidaat heeft gelezen wat het werk van het lichaam vraagt, en kan dit werk doen'),
});

export const notOpenHiring = 'Deze vacature werkt niet met open hiring. Er is geen wachtlijst.';
export const alreadyWaiting = 'Je staat al op de wachtlijst van deze vacature.';
export const alreadyInContact = 'Je hebt al contact met deze werkgever over deze vacature. Kijk bij je contacten.';
export const notWaiting = 'Je staat niet op de wachtlijst van deze vacature.';
export const vacancyNotOpen = 'Deze vacature is niet meer open. U kunt niemand meer van de wachtlijst nemen.';
export const nobodyWaiting = 'Er staat niemand op de wachtlijst. Als iemand zich meldt, kunt u die persoon nemen.';

/** The employer sees the first few in line by pseudonym; each one shown counts as a profile view (decision 013). */
export const queueHeadSize = 5;

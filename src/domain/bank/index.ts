/** Question bank version 1 and scale version 1, validated once on import. */
import bankV1Data from './bank-v1.json';
import scaleV1Data from './scale-v1.json';
import { loadBank, loadScale } from './schema.ts';

export const bankV1 = loadBank(bankV1Data);
export const scaleV1 = loadScale(scaleV1Data);

export { LOCALES, loadBank, loadBankText, loadScale, textAt } from './schema.ts';
export type { Bank, BankText, Locale, Scale, Skill } from './schema.ts';

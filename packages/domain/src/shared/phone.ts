/** A mainland mobile (11 digits) or landline (区号-号码[-分机], or a local 7–8 digit number). */
export const MAINLAND_PHONE_PATTERN = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|\d{7,8})$/;

/** Whether a contact number is a mainland mobile or landline; spaces and brackets people type are ignored. */
export function isMainlandPhone(phone: string): boolean {
  return MAINLAND_PHONE_PATTERN.test(phone.replace(/[\s()（）]/g, ''));
}

import * as z from 'zod/mini';
import { email } from './email.js';
import { formErrors, identifier, type FormErrors } from './login.js';
import '../i18n/fr/app-catalogue.js';

/**
 * The lost-password form: the identifier as on the login screen, and the e-mail address checked
 * by the one e-mail validator of the widget (schemas/email.ts), so an address the step 1 form
 * refuses is refused here too.
 */
export const passwordResetForm = z.object({
  identifier: identifier('passwordReset.identifier.required'),
  email: email({ required: 'passwordReset.email.required', format: 'passwordReset.email.format' }),
});

export interface PasswordResetValues {
  identifier: string;
  email: string;
}

/**
 * email.ts's length cap and hidden-character check speak with the steps' strings, not loaded on the
 * first screens: the input's maxlength keeps the first out of reach, and the fallback words both.
 */
export const passwordResetErrors = (values: PasswordResetValues): FormErrors<keyof PasswordResetValues> =>
  formErrors(passwordResetForm, values, { identifier: 'passwordReset.identifier.required', email: 'passwordReset.email.format' });

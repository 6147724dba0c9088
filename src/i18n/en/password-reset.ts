import type { passwordReset as frPasswordReset } from '../fr/password-reset.js';
import type { Translation } from '../translation.js';

/** <reinscription-password-reset>: the manual's « Mot de passe perdu » (forgotten password) screen. */
export const passwordReset = {
  'passwordReset.heading': 'Forgotten your password?',
  'passwordReset.intro':
    'Enter your username and the email address you gave the conservatoire. We will email you a new password, and the old one will stop working.',
  'passwordReset.identifier.label': 'Username',
  'passwordReset.identifier.required': 'Enter your username',
  'passwordReset.email.label': 'Email address',
  'passwordReset.email.required': 'Enter your email address',
  'passwordReset.email.format': 'Enter your full email address, for example name@example.com',
  // « Valider » is the manual's word; « Submit » is the word this form uses for sending its final answer.
  'passwordReset.submit': 'Submit',
  'passwordReset.submitting': 'Sending…',
  // The same text whatever the account, so the screen cannot be used to test which accounts exist.
  'passwordReset.sent':
    'If the username and email address match an account, we have just sent a new password to that address. It replaces the old one. Check your spam or junk folder too.',
  'passwordReset.backToLogin': 'Back to sign in',
} as const satisfies Translation<typeof frPasswordReset>;

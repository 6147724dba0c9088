import type { login as frLogin } from '../fr/login.js';
import type { Translation } from '../translation.js';

/** <reinscription-login>: the « Sign in » screen of the family account (espace famille). */
export const login = {
  'login.heading': 'Sign in to your family account (espace famille)',
  'login.intro': 'Enter the username and password the conservatoire gave you. You can copy and paste them.',
  'login.identifier.label': 'Username',
  'login.identifier.required': 'Enter your username',
  'login.password.label': 'Password',
  'login.password.required': 'Enter your password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.forgotPassword': 'Forgotten your password?',
  // Deliberately does not say which of the two was wrong: that would reveal which usernames exist.
  'login.invalidCredentials': 'The username or password is wrong. Check them, or ask for a new password with “Forgotten your password?”.',
} as const satisfies Translation<typeof frLogin>;

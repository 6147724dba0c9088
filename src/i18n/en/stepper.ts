import type { stepper as frStepper } from '../fr/stepper.js';
import type { Translation } from '../translation.js';

/** The stepper above every step: « Step 2 of 6: Authorisations », « Next step: Documents ». */
export const stepper = {
  'stepper.title.1': 'Update your details',
  'stepper.title.2': 'Authorisations',
  'stepper.title.3': 'Documents',
  'stepper.title.4': 'Courses',
  'stepper.title.5': 'Summary',
  'stepper.title.6': 'Confirmation',
  'stepper.heading': (p: { current: number; total: number; title: string }) => `Step ${p.current} of ${p.total}: ${p.title}`,
  'stepper.next': (p: { title: string }) => `Next step: ${p.title}`,
  'stepper.nav': 'Re-registration steps',
  // Read after a visited step's title, so a screen-reader user knows the button goes back there.
  'stepper.visited': ' (step already visited)',
  'stepper.upcoming': ' (step to come)',
} as const satisfies Translation<typeof frStepper>;

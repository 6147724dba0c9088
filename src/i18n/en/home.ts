import type { home as frHome, When } from '../fr/home.js';
import type { Translation } from '../translation.js';
import { count, plural } from './numbers.js';

/** The family home: greeting, students and their status, the re-registration dates, declining. */
export const home = {
  'home.heading': 'Your re-registrations',
  'home.greeting': (p: { name: string }) => `Hello ${p.name}`,
  'home.logout': 'Sign out',
  'home.signedOut': 'Sign in to see your students and their re-registrations.',

  'home.students.title': 'Students',
  'home.students.empty': 'No students are linked to your account. If this is a mistake, email the conservatoire.',
  'home.status.prefix': 'Status: ',
  'home.status.a-faire': 'To do',
  'home.status.brouillon': 'In progress',
  'home.status.brouillonAt': (p: { step: number }) => `In progress – continue from step ${p.step}`,
  'home.status.envoyee': 'Re-registration submitted',
  'home.status.envoyee-incomplete': 'Submitted, documents missing',
  'home.status.ne-se-reinscrit-pas': 'Not re-registering',
  'home.reference': (p: { reference: string }) => `Reference: ${p.reference}`,
  'home.student.deadline': (p: When) => `Submit by ${p.date} at ${p.time}`,
  'home.student.sentAt': (p: When) => `Submitted on ${p.date} at ${p.time}`,
  'home.student.missing': (p: { name: string }) => `Documents to provide for ${p.name}:`,
  'home.student.missingFamilyOnly': 'Only family documents are missing (see below).',
  'home.student.missingUntil': (p: When) => `Add them by ${p.date} at ${p.time}.`,
  'home.family.missing.title': 'Documents to provide for the family',
  'home.family.missing.note': 'They count for all your children: add them only once, from “Add missing documents” for any one of them.',

  'home.campaign.title': (p: { schoolYear: string }) => `Re-registration ${p.schoolYear}`,
  'home.campaign.until': (p: When) => `Until ${p.date} at ${p.time}`,
  'home.campaign.instructions': 'For each student, say whether they are re-registering.',
  'home.campaign.notYet': (p: When) => `Re-registration opens on ${p.date} at ${p.time}.`,
  'home.campaign.notYetUntil': (p: When) => `It stays open until ${p.date} at ${p.time}.`,
  'home.campaign.closedSince': (p: When) => `Online re-registration closed on ${p.date} at ${p.time}.`,
  'home.campaign.closed': 'Online re-registration is closed.',
  'home.campaign.documentsUntil': (p: When) => `You can still add missing documents until ${p.date} at ${p.time}.`,

  'home.reregister': 'Re-register',
  'home.resume': 'Continue the re-registration',
  'home.decline': 'Do not re-register',
  'home.addDocuments': 'Add missing documents',
  'home.viewReceipt': 'View the summary',

  'home.decline.title': (p: { name: string }) => `Confirm: ${p.name} is not re-registering`,
  'home.decline.explanation': (p: { name: string; schoolYear: string }) =>
    `The conservatoire will be told that ${p.name} is not re-registering for ${p.schoolYear}.`,
  'home.decline.reason': 'Reason',
  // English puts only 1 in the singular: « 0 characters left ».
  'home.decline.counter': (p: { remaining: number }) => `${count(p.remaining)} ${plural(p.remaining, 'character', 'characters')} left`,
  'home.decline.confirm': 'Confirm',
  'home.decline.done': (p: { name: string }) => `Saved: ${p.name} is not re-registering.`,

  'home.privacy': (p: { controller: string }) => `Personal data: ${p.controller}`,
} as const satisfies Translation<typeof frHome>;

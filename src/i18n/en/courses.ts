import type { courses as frCourses } from '../fr/courses.js';
import type { Translation } from '../translation.js';
import { count, plural } from './numbers.js';

/** <reinscription-courses>: step 4 « Courses » (this year's courses, additional information). */
export const courses = {
  'courses.heading': 'Courses and additional information',
  'courses.intro':
    'These are the courses taken this year. You cannot change them here: to ask for a change, write it in “Additional information” at the bottom of the page.',
  'courses.caption': (p: { name: string }) => `${p.name}’s courses`,
  'courses.col.cursus': 'Programme (cursus)',
  'courses.col.cours': 'Course',
  'courses.col.teacher': 'Teacher',
  'courses.col.cycle': 'Cycle',
  'courses.col.active': 'Active',
  'courses.none': 'No courses are recorded for this student. If this is a mistake, write it in “Additional information”.',
  'courses.administrative.label': 'Administrative re-registration',
  'courses.administrative.hint': (p: { previousYear: string }) =>
    `For students who took the Découverte Instrumentale (instrument discovery year) in ${p.previousYear}. Tick the box, then enter the instrument chosen ` +
    'and the day for FM1C1 (first-year music theory, formation musicale) and the Domin’ut choir: the conservatoire will contact you to confirm the registration.',
  'courses.administrative.instrument.label': 'Instrument chosen by the student',
  'courses.administrative.instrument.hint': 'For example: clarinet',
  'courses.administrative.instrument.required': 'Enter the instrument the student has chosen, for example clarinet',
  'courses.administrative.instrument.tooLong': 'The name of the instrument must be 100 characters or fewer',
  'courses.administrative.day.label': 'Preferred day for FM1C1 and the Domin’ut choir',
  'courses.administrative.day.hint': 'For example: Wednesday or Saturday',
  'courses.administrative.day.required': 'Enter the preferred day for FM1C1 and the Domin’ut choir, for example Wednesday',
  'courses.administrative.day.tooLong': 'The day must be 100 characters or fewer',
  'courses.notes.heading': 'Your requests and preferences',
  'courses.additionalInfo.label': 'Additional information',
  'courses.additionalInfo.remaining': (p: { count: number }) => `${count(p.count)} ${plural(p.count, 'character', 'characters')} left`,
  'courses.additionalInfo.over': (p: { count: number }) => `${count(p.count)} ${plural(p.count, 'character', 'characters')} too many`,
  'courses.additionalInfo.tooLong': (p: { max: number; over: number }) =>
    `Additional information must be ${count(p.max)} ${plural(p.max, 'character', 'characters')} or fewer: shorten it by ${count(p.over)} ${plural(p.over, 'character', 'characters')}`,
  'courses.serverRefused': (p: { field: string }) =>
    `The conservatoire’s server did not accept “${p.field}”. Check your answer, then continue to the next step.`,
} as const satisfies Translation<typeof frCourses>;

import { count, plural } from './numbers.js';

/** <reinscription-courses>: step 4 « Cours » (this year's courses, additional information). */
export const courses = {
  'courses.heading': 'Cours et information complémentaire',
  'courses.intro':
    'Voici les cours suivis cette année. Ils ne se modifient pas ici\u00a0: pour demander un changement, écrivez-le dans «\u202fInformation complémentaire\u202f», en bas de la page.',
  'courses.caption': (p: { name: string }) => `Cours de ${p.name}`,
  'courses.col.cursus': 'Cursus',
  'courses.col.cours': 'Cours',
  'courses.col.teacher': 'Enseignant',
  'courses.col.cycle': 'Cycle',
  'courses.col.active': 'Actif',
  'courses.none': 'Aucun cours n’est enregistré pour cet élève. Si c’est une erreur, écrivez-le dans «\u202fInformation complémentaire\u202f».',
  'courses.administrative.label': 'Réinscription administrative',
  'courses.administrative.hint': (p: { previousYear: string }) =>
    `Pour les élèves qui ont fait la Découverte Instrumentale en ${p.previousYear}. Cochez la case, puis indiquez l’instrument choisi ` +
    'et le jour pour la FM1C1 et la chorale Domin’ut\u00a0: le conservatoire vous contactera pour confirmer l’inscription.',
  'courses.administrative.instrument.label': 'Instrument choisi par l’élève',
  'courses.administrative.instrument.hint': 'Par exemple\u00a0: clarinette',
  'courses.administrative.instrument.required': 'Indiquez l’instrument choisi par l’élève, par exemple clarinette',
  'courses.administrative.instrument.tooLong': 'Le nom de l’instrument doit faire au plus 100\u00a0caractères',
  'courses.administrative.day.label': 'Jour souhaité pour la FM1C1 et la chorale Domin’ut',
  'courses.administrative.day.hint': 'Par exemple\u00a0: mercredi ou samedi',
  'courses.administrative.day.required': 'Indiquez le jour souhaité pour la FM1C1 et la chorale Domin’ut, par exemple mercredi',
  'courses.administrative.day.tooLong': 'Le jour doit faire au plus 100\u00a0caractères',
  'courses.notes.heading': 'Vos demandes et préférences',
  'courses.additionalInfo.label': 'Information complémentaire',
  'courses.additionalInfo.remaining': (p: { count: number }) => `${count(p.count)}\u00a0${plural(p.count, 'caractère restant', 'caractères restants')}`,
  'courses.additionalInfo.over': (p: { count: number }) => `${count(p.count)}\u00a0${plural(p.count, 'caractère en trop', 'caractères en trop')}`,
  'courses.additionalInfo.tooLong': (p: { max: number; over: number }) =>
    `L’information complémentaire doit faire au plus ${count(p.max)}\u00a0caractères\u00a0: raccourcissez-la de ${count(p.over)}\u00a0${plural(p.over, 'caractère', 'caractères')}`,
  'courses.serverRefused': (p: { field: string }) =>
    `Le serveur du conservatoire a refusé «\u202f${p.field}\u202f»\u00a0: vérifiez votre réponse, puis passez à l’étape suivante.`,
} as const;

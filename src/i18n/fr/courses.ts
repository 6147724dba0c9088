import { count, plural } from './numbers.js';

/** <reinscription-courses>: step 4 « Cours » (this year's courses, additional information). */
export const courses = {
  'courses.heading': 'Cours et information complémentaire',
  'courses.intro':
    'Voici les cours suivis cette année. Ils ne se modifient pas ici : pour demander un changement, écrivez-le dans « Information complémentaire », en bas de la page.',
  'courses.caption': (p: { name: string }) => `Cours de ${p.name}`,
  'courses.col.cursus': 'Cursus',
  'courses.col.cours': 'Cours',
  'courses.col.ha': 'Ha',
  'courses.col.teacher': 'Enseignant',
  'courses.col.cycle': 'Cycle',
  'courses.col.active': 'Actif',
  'courses.none': "Aucun cours n'est enregistré pour cet élève. Si c'est une erreur, écrivez-le dans « Information complémentaire ».",
  'courses.administrative.label': 'Réinscription administrative',
  'courses.administrative.hint': (p: { previousYear: string }) =>
    `Pour les élèves qui ont fait la Découverte Instrumentale en ${p.previousYear}. Précisez ensuite dans « Information complémentaire » ` +
    "l'instrument choisi et le jour pour la FM1C1 et la chorale Domin'ut.",
  'courses.notes.heading': 'Vos demandes et préférences',
  'courses.additionalInfo.label': 'Information complémentaire',
  'courses.additionalInfo.remaining': (p: { count: number }) => `${count(p.count)} ${plural(p.count, 'caractère restant', 'caractères restants')}`,
  'courses.additionalInfo.over': (p: { count: number }) => `${count(p.count)} ${plural(p.count, 'caractère en trop', 'caractères en trop')}`,
  'courses.additionalInfo.tooLong': (p: { max: number; over: number }) =>
    `L'information complémentaire doit faire au plus ${count(p.max)} caractères : raccourcissez-la de ${count(p.over)} ${plural(p.over, 'caractère', 'caractères')}`,
} as const;

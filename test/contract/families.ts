import type { SeedFamily } from '../../src/mocks/seed.js';

/**
 * A second family for the isolation tests, in the shape the control interface's `seed` takes
 * (src/mocks/seed.ts's SeedFamily): its own identifier, e-mail and students.
 */
export const OTHER_FAMILY: SeedFamily = {
  id: 'famille-bernard',
  account: { identifier: 'LIMONEST-0002', password: 'autre-famille-2027', email: 'camille.bernard@example.fr' },
  guardian: {
    civilite: 'MME',
    lastName: 'BERNARD',
    firstName: 'Camille',
    birthDate: '1980-07-02',
    birthPlace: 'Villeurbanne',
    birthDepartment: '69',
    country: 'FR',
    address: '3 rue des Tilleuls',
    postalCode: '69760',
    city: 'Limonest',
    phoneHome: '',
    phoneMobile: '+33639980071',
    phoneWork: '',
    email: 'camille.bernard@example.fr',
    situationFamiliale: 'MARIE',
    pcs: '3',
    profession: 'Ingénieure',
    extraPhones: [],
  },
  paymentMode: 'single',
  bankChanged: null,
  students: [
    {
      id: 'bernard-emma',
      coordinates: {
        civilite: 'MME',
        lastName: 'BERNARD',
        firstName: 'Emma',
        birthDate: '2013-10-11',
        birthPlace: 'Lyon',
        birthDepartment: '69',
        situationFamiliale: '',
        useGuardianAddress: true,
        address: '3 rue des Tilleuls',
        postalCode: '69760',
        city: 'Limonest',
        phoneHome: '',
        phoneMobile: '',
        phoneWork: '',
        email: '',
        emergencyContact: 'Paul BERNARD (père)',
        emergencyPhone: '+33639980072',
        school: 'Collège Jean-Philippe Rameau, Champagne-au-Mont-d’Or',
        schoolLevel: '4e',
      },
      courses: [{ cursus: 'Violon', cours: '', teacher: 'Lydie DAGOSTINO', cycle: '1C3', active: true, discipline: 'musique' }],
      administrativeReregistrationApplies: false,
    },
  ],
};

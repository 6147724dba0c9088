import type { validation as frValidation } from '../fr/validation.js';
import type { Translation } from '../translation.js';

/**
 * Validation messages (RGAA 11.11, GOV.UK): each says what to do and gives an example of what is
 * expected. Never « invalid », « please » or « required ». Each message names the person and the
 * field, because the error summary lists them out of context and the guardian's and the student's
 * fields share labels. List values (titles, marital statuses, school year groups) come from the
 * conservatoire in French, so the examples quote them in French with an English gloss.
 */
export const validation = {
  // ------------------------------------------------ Guardian
  'validation.guardian.civilite.list': 'Choose the guardian’s title from the list, for example Madame (Mrs)',
  'validation.guardian.lastName.required': 'Enter the guardian’s last name, for example D’Agostino',
  'validation.guardian.lastName.characters':
    'The guardian’s last name can only contain letters, spaces, apostrophes and hyphens, for example N’Diaye or Le Bihan',
  'validation.guardian.firstName.required': 'Enter the guardian’s first name, for example Jean-Marc',
  'validation.guardian.firstName.characters': 'The guardian’s first name can only contain letters, spaces, apostrophes and hyphens, for example Jean-Marc',
  'validation.guardian.birthDate.required': 'Enter the guardian’s date of birth, for example 14 03 1985',
  'validation.guardian.birthDate.incomplete': 'The guardian’s date of birth must include a day, a month and a year, for example 14 03 1985',
  'validation.guardian.birthDate.year': 'Enter the guardian’s year of birth as 4 digits, for example 1985',
  'validation.guardian.birthDate.real': 'The guardian’s date of birth must be a real date: a day from 1 to 31 and a month from 1 to 12, for example 14 03 1985',
  'validation.guardian.birthDate.past': 'The guardian’s date of birth must be in the past, for example 14 03 1985',
  'validation.guardian.birthDate.tooYoung': 'The legal guardian must be 18 or over: check the year of birth, for example 1985',
  'validation.guardian.birthDate.tooOld': 'Check the guardian’s year of birth: it makes them over 110, for example 1985 rather than 1885',
  'validation.guardian.birthPlace.characters':
    'The guardian’s place of birth can only contain letters, numbers, spaces, apostrophes and hyphens, for example Saint-Étienne or L’Haÿ-les-Roses',
  'validation.guardian.birthDepartment.list': 'Choose the guardian’s département of birth from the list, for example 69 – Rhône, or “Born outside France”',
  'validation.guardian.address.required': 'Enter the guardian’s address: number and street, for example 12 rue de la Poste',
  'validation.guardian.address.characters':
    'The guardian’s address can only contain letters, numbers and common punctuation, for example 12 bis, rue de l’Église',
  'validation.guardian.country.list': 'Choose the country where the guardian lives from the list, for example France',
  'validation.guardian.postalCode.required': 'Enter the guardian’s postcode, for example 69760',
  'validation.guardian.postalCode.format': 'Enter the guardian’s postcode as 5 digits, for example 69760',
  'validation.guardian.postalCode.unknown': 'The guardian’s postcode does not exist: check the first two digits, for example 69760 for Limonest',
  'validation.guardian.postalCode.abroad':
    'The guardian’s postcode outside France can only contain letters, numbers, spaces and hyphens (12 characters at most), for example 1200 or SW1A 1AA',
  'validation.guardian.city.required': 'Enter the guardian’s town or city, for example Limonest',
  'validation.guardian.city.characters':
    'The guardian’s town or city can only contain letters, numbers, spaces, apostrophes and hyphens, for example Saint-Didier-au-Mont-d’Or',
  'validation.guardian.phoneHome.format':
    'Enter the guardian’s home phone number as 10 digits, for example 04 78 12 34 56, or with the country code, for example +41 22 123 45 67',
  'validation.guardian.phoneMobile.format':
    'Enter the guardian’s mobile phone number as 10 digits, for example 06 12 34 56 78, or with the country code, for example +41 79 123 45 67',
  'validation.guardian.phoneWork.format':
    'Enter the guardian’s work phone number as 10 digits, for example 04 72 12 34 56, or with the country code, for example +41 22 123 45 67',
  'validation.guardian.phoneReachable': 'Enter at least one number to reach the guardian on, mobile or home, for example 06 12 34 56 78',
  'validation.guardian.email.required': 'Enter the guardian’s email address, for example firstname.lastname@example.com',
  'validation.guardian.email.format': 'Enter the guardian’s full email address, with an @ and a domain, for example firstname.lastname@example.com',
  'validation.guardian.situationFamiliale.list': 'Choose the guardian’s marital status from the list, for example Marié(e) (married)',
  'validation.guardian.pcs.list': 'Choose the guardian’s occupational category from the list, for example Employés (employees)',
  'validation.guardian.profession.characters': 'The guardian’s occupation can only contain letters, numbers and common punctuation, for example Nurse',
  'validation.guardian.extraPhone1.format':
    'Enter the guardian’s other phone number 1 as 10 digits, for example 06 12 34 56 78, or with the country code, for example +41 79 123 45 67',
  'validation.guardian.extraPhone2.format':
    'Enter the guardian’s other phone number 2 as 10 digits, for example 06 12 34 56 78, or with the country code, for example +41 79 123 45 67',
  'validation.guardian.extraPhone3.format':
    'Enter the guardian’s other phone number 3 as 10 digits, for example 06 12 34 56 78, or with the country code, for example +41 79 123 45 67',

  // ------------------------------------------------ Student
  'validation.student.civilite.list': 'Choose the student’s title from the list, for example Monsieur (Mr)',
  'validation.student.lastName.required': 'Enter the student’s last name, for example Moreau',
  'validation.student.lastName.characters':
    'The student’s last name can only contain letters, spaces, apostrophes and hyphens, for example N’Diaye or Le Bihan',
  'validation.student.firstName.required': 'Enter the student’s first name, for example Gianni',
  'validation.student.firstName.characters': 'The student’s first name can only contain letters, spaces, apostrophes and hyphens, for example Marie-Ève',
  'validation.student.birthDate.required': 'Enter the student’s date of birth, for example 02 09 2014',
  'validation.student.birthDate.incomplete': 'The student’s date of birth must include a day, a month and a year, for example 02 09 2014',
  'validation.student.birthDate.year': 'Enter the student’s year of birth as 4 digits, for example 2014',
  'validation.student.birthDate.real': 'The student’s date of birth must be a real date: a day from 1 to 31 and a month from 1 to 12, for example 02 09 2014',
  'validation.student.birthDate.past': 'The student’s date of birth must be in the past, for example 02 09 2014',
  'validation.student.birthDate.tooYoung': 'The student must be 3 or over: check the year of birth, for example 2014',
  'validation.student.birthDate.tooOld': 'Check the student’s year of birth: it makes them over 110, for example 2014 rather than 1914',
  'validation.student.birthPlace.characters':
    'The student’s place of birth can only contain letters, numbers, spaces, apostrophes and hyphens, for example Saint-Étienne or L’Haÿ-les-Roses',
  'validation.student.birthDepartment.list': 'Choose the student’s département of birth from the list, for example 69 – Rhône, or “Born outside France”',
  'validation.student.situationFamiliale.list': 'Choose the student’s marital status from the list, for example Célibataire (single)',
  'validation.student.address.characters':
    'The student’s address can only contain letters, numbers and common punctuation, for example 12 bis, rue de l’Église',
  'validation.student.postalCode.format': 'Enter the student’s postcode as 5 digits, for example 69760',
  'validation.student.postalCode.unknown': 'The student’s postcode does not exist: check the first two digits, for example 69760 for Limonest',
  'validation.student.postalCode.abroad':
    'The student’s postcode outside France can only contain letters, numbers, spaces and hyphens (12 characters at most), for example 1200 or SW1A 1AA',
  'validation.student.city.characters':
    'The student’s town or city can only contain letters, numbers, spaces, apostrophes and hyphens, for example Saint-Didier-au-Mont-d’Or',
  'validation.student.phoneHome.format':
    'Enter the student’s home phone number as 10 digits, for example 04 78 12 34 56, or with the country code, for example +41 22 123 45 67',
  'validation.student.phoneMobile.format':
    'Enter the student’s mobile phone number as 10 digits, for example 06 12 34 56 78, or with the country code, for example +41 79 123 45 67',
  'validation.student.phoneWork.format':
    'Enter the student’s work phone number as 10 digits, for example 04 72 12 34 56, or with the country code, for example +41 22 123 45 67',
  'validation.student.email.format': 'Enter the student’s full email address, with an @ and a domain, for example firstname.lastname@example.com',
  'validation.student.emergencyContact.required': 'Enter the emergency contact for this student under 18, for example Marie Martin (grandmother)',
  'validation.student.emergencyContact.characters':
    'The student’s emergency contact can only contain letters, numbers and common punctuation, for example Marie Martin (grandmother)',
  'validation.student.emergencyPhone.required': 'Enter the phone number of the student’s emergency contact, for example 06 12 34 56 78',
  'validation.student.emergencyPhone.format':
    'Enter the student’s emergency phone number as 10 digits, for example 06 12 34 56 78, or with the country code, for example +41 79 123 45 67',
  'validation.student.school.required': 'Enter the student’s school, for example École Jean de la Fontaine, Limonest',
  'validation.student.school.characters': 'The student’s school can only contain letters, numbers and common punctuation, for example Collège Jean Moulin',
  'validation.student.schoolLevel.required': 'Choose the student’s school year group for next school year, for example CM1 (age 9 to 10)',
  'validation.student.schoolLevel.list': 'Choose the student’s school year group from the list, for example CM1 (age 9 to 10)',

  // ------------------------------------------------ Lengths (the inputs' maxlength already stops typing beyond)
  'validation.name.tooLong': 'The last name or first name must be 100 characters or fewer: for example, keep only the first of several first names',
  'validation.place.tooLong': 'The place must be 100 characters or fewer: shorten it, for example St-Didier-au-Mont-d’Or',
  'validation.address.tooLong': 'The address must be 200 characters or fewer: shorten it, for example “bd” for “boulevard”',
  'validation.email.tooLong': 'The email address must be 254 characters or fewer, for example firstname.lastname@example.com',
  'validation.profession.tooLong': 'The occupation must be 100 characters or fewer: shorten it, for example Nurse',
  'validation.emergencyContact.tooLong':
    'The emergency contact must be 200 characters or fewer: keep the name and how they are related, for example Marie Martin (grandmother)',
  'validation.school.tooLong': 'The school must be 200 characters or fewer: shorten it, for example Collège J. Moulin',

  // ------------------------------------------------ Hidden characters (names, places, addresses, free texts)
  'validation.controlCharacters':
    'This field contains hidden or control characters, for example a tab or a formatting mark copied with the text: remove them or type the text again',

  // ------------------------------------------------ Payment method
  'validation.paymentMode.required': 'Choose your preferred payment method from those offered, for example Règlement en une fois (single payment)',
  'validation.bankChanged.required': 'Say whether you have changed bank account: choose Yes or No',
  'validation.upToDate.required': 'Say whether these details are up to date: choose Yes or No',
} as const satisfies Translation<typeof frValidation>;

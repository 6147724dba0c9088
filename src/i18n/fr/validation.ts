/**
 * Validation messages (RGAA 11.11, DSFR, GOV.UK): each says what to do and gives an example of
 * what is expected. Never « invalide », « veuillez » or « obligatoire ». Each message names the
 * person and the field, because the error summary lists them out of context and the guardian's
 * and the student's fields share labels.
 */
export const validation = {
  // ------------------------------------------------ Responsable
  'validation.guardian.civilite.list': 'Choisissez la civilité du responsable dans la liste, par exemple Madame',
  'validation.guardian.lastName.required': 'Saisissez le nom de famille du responsable, par exemple D’Agostino',
  'validation.guardian.lastName.characters':
    'Le nom du responsable ne peut contenir que des lettres, des espaces, des apostrophes et des tirets, par exemple N’Diaye ou Le Bihan',
  'validation.guardian.firstName.required': 'Saisissez le prénom du responsable, par exemple Jean-Marc',
  'validation.guardian.firstName.characters':
    'Le prénom du responsable ne peut contenir que des lettres, des espaces, des apostrophes et des tirets, par exemple Jean-Marc',
  'validation.guardian.birthDate.required': 'Saisissez la date de naissance du responsable, par exemple 14 03 1985',
  'validation.guardian.birthDate.incomplete': 'La date de naissance du responsable doit comporter un jour, un mois et une année, par exemple 14 03 1985',
  'validation.guardian.birthDate.year': 'Saisissez l’année de naissance du responsable sur 4\u00a0chiffres, par exemple 1985',
  'validation.guardian.birthDate.real':
    'La date de naissance du responsable doit être une date qui existe\u00a0: jour de 1 à 31, mois de 1 à 12, par exemple 14 03 1985',
  'validation.guardian.birthDate.past': 'La date de naissance du responsable doit être dans le passé, par exemple 14 03 1985',
  'validation.guardian.birthDate.tooYoung': 'Le responsable légal doit avoir au moins 18\u00a0ans\u00a0: vérifiez l’année de naissance, par exemple 1985',
  'validation.guardian.birthDate.tooOld':
    'Vérifiez l’année de naissance du responsable\u00a0: elle donne plus de 110\u00a0ans, par exemple 1985 plutôt que 1885',
  'validation.guardian.birthPlace.characters':
    'Le lieu de naissance du responsable ne peut contenir que des lettres, des chiffres, des espaces, des apostrophes et des tirets, par exemple Saint-Étienne ou L’Haÿ-les-Roses',
  'validation.guardian.birthDepartment.list':
    'Choisissez le département de naissance du responsable dans la liste, par exemple 69\u00a0– Rhône, ou «\u202fNé(e) à l’étranger\u202f»',
  'validation.guardian.address.required': 'Saisissez l’adresse du responsable\u00a0: numéro et voie, par exemple 12 rue de la Poste',
  'validation.guardian.address.characters':
    'L’adresse du responsable ne peut contenir que des lettres, des chiffres et la ponctuation courante, par exemple 12 bis, rue de l’Église',
  'validation.guardian.country.list': 'Choisissez le pays où vit le responsable dans la liste, par exemple France',
  'validation.guardian.postalCode.required': 'Saisissez le code postal du responsable, par exemple 69760',
  'validation.guardian.postalCode.format': 'Saisissez le code postal du responsable à 5\u00a0chiffres, par exemple 69760',
  'validation.guardian.postalCode.unknown':
    'Le code postal du responsable n’existe pas\u00a0: vérifiez les deux premiers chiffres, par exemple 69760 pour Limonest',
  'validation.guardian.postalCode.abroad':
    'Le code postal étranger du responsable ne peut contenir que des lettres, des chiffres, des espaces et des tirets (12\u00a0caractères au plus), par exemple 1200 ou SW1A 1AA',
  'validation.guardian.city.required': 'Saisissez la ville du responsable, par exemple Limonest',
  'validation.guardian.city.characters':
    'La ville du responsable ne peut contenir que des lettres, des chiffres, des espaces, des apostrophes et des tirets, par exemple Saint-Didier-au-Mont-d’Or',
  'validation.guardian.phoneHome.format':
    'Saisissez le téléphone du domicile du responsable à 10\u00a0chiffres, par exemple 04 78 12 34 56, ou avec l’indicatif du pays, par exemple +41 22 123 45 67',
  'validation.guardian.phoneMobile.format':
    'Saisissez le mobile du responsable à 10\u00a0chiffres, par exemple 06 12 34 56 78, ou avec l’indicatif du pays, par exemple +41 79 123 45 67',
  'validation.guardian.phoneWork.format':
    'Saisissez le téléphone professionnel du responsable à 10\u00a0chiffres, par exemple 04 72 12 34 56, ou avec l’indicatif du pays, par exemple +41 22 123 45 67',
  'validation.guardian.phoneReachable': 'Saisissez au moins un numéro où joindre le responsable, mobile ou domicile, par exemple 06 12 34 56 78',
  'validation.guardian.email.required': 'Saisissez l’adresse e-mail du responsable, par exemple prenom.nom@exemple.fr',
  'validation.guardian.email.format': 'Saisissez l’adresse e-mail du responsable en entier, avec un @ et un domaine, par exemple prenom.nom@exemple.fr',
  'validation.guardian.situationFamiliale.list': 'Choisissez la situation familiale du responsable dans la liste, par exemple Marié(e)',
  'validation.guardian.pcs.list': 'Choisissez le code socio-professionnel du responsable dans la liste, par exemple Employés',
  'validation.guardian.profession.characters':
    'La profession du responsable ne peut contenir que des lettres, des chiffres et la ponctuation courante, par exemple Infirmier',
  'validation.guardian.extraPhone1.format':
    'Saisissez le téléphone supplémentaire 1 à 10\u00a0chiffres, par exemple 06 12 34 56 78, ou avec l’indicatif du pays, par exemple +41 79 123 45 67',
  'validation.guardian.extraPhone2.format':
    'Saisissez le téléphone supplémentaire 2 à 10\u00a0chiffres, par exemple 06 12 34 56 78, ou avec l’indicatif du pays, par exemple +41 79 123 45 67',
  'validation.guardian.extraPhone3.format':
    'Saisissez le téléphone supplémentaire 3 à 10\u00a0chiffres, par exemple 06 12 34 56 78, ou avec l’indicatif du pays, par exemple +41 79 123 45 67',

  // ------------------------------------------------ Élève
  'validation.student.civilite.list': 'Choisissez la civilité de l’élève dans la liste, par exemple Monsieur',
  'validation.student.lastName.required': 'Saisissez le nom de famille de l’élève, par exemple Moreau',
  'validation.student.lastName.characters':
    'Le nom de l’élève ne peut contenir que des lettres, des espaces, des apostrophes et des tirets, par exemple N’Diaye ou Le Bihan',
  'validation.student.firstName.required': 'Saisissez le prénom de l’élève, par exemple Gianni',
  'validation.student.firstName.characters':
    'Le prénom de l’élève ne peut contenir que des lettres, des espaces, des apostrophes et des tirets, par exemple Marie-Ève',
  'validation.student.birthDate.required': 'Saisissez la date de naissance de l’élève, par exemple 02 09 2014',
  'validation.student.birthDate.incomplete': 'La date de naissance de l’élève doit comporter un jour, un mois et une année, par exemple 02 09 2014',
  'validation.student.birthDate.year': 'Saisissez l’année de naissance de l’élève sur 4\u00a0chiffres, par exemple 2014',
  'validation.student.birthDate.real':
    'La date de naissance de l’élève doit être une date qui existe\u00a0: jour de 1 à 31, mois de 1 à 12, par exemple 02 09 2014',
  'validation.student.birthDate.past': 'La date de naissance de l’élève doit être dans le passé, par exemple 02 09 2014',
  'validation.student.birthDate.tooYoung': 'L’élève doit avoir au moins 3\u00a0ans\u00a0: vérifiez l’année de naissance, par exemple 2014',
  'validation.student.birthDate.tooOld': 'Vérifiez l’année de naissance de l’élève\u00a0: elle donne plus de 110\u00a0ans, par exemple 2014 plutôt que 1914',
  'validation.student.birthPlace.characters':
    'Le lieu de naissance de l’élève ne peut contenir que des lettres, des chiffres, des espaces, des apostrophes et des tirets, par exemple Saint-Étienne ou L’Haÿ-les-Roses',
  'validation.student.birthDepartment.list':
    'Choisissez le département de naissance de l’élève dans la liste, par exemple 69\u00a0– Rhône, ou «\u202fNé(e) à l’étranger\u202f»',
  'validation.student.situationFamiliale.list': 'Choisissez la situation familiale de l’élève dans la liste, par exemple Célibataire',
  'validation.student.address.characters':
    'L’adresse de l’élève ne peut contenir que des lettres, des chiffres et la ponctuation courante, par exemple 12 bis, rue de l’Église',
  'validation.student.postalCode.format': 'Saisissez le code postal de l’élève à 5\u00a0chiffres, par exemple 69760',
  'validation.student.postalCode.unknown': 'Le code postal de l’élève n’existe pas\u00a0: vérifiez les deux premiers chiffres, par exemple 69760 pour Limonest',
  'validation.student.postalCode.abroad':
    'Le code postal étranger de l’élève ne peut contenir que des lettres, des chiffres, des espaces et des tirets (12\u00a0caractères au plus), par exemple 1200 ou SW1A 1AA',
  'validation.student.city.characters':
    'La ville de l’élève ne peut contenir que des lettres, des chiffres, des espaces, des apostrophes et des tirets, par exemple Saint-Didier-au-Mont-d’Or',
  'validation.student.phoneHome.format':
    'Saisissez le téléphone du domicile de l’élève à 10\u00a0chiffres, par exemple 04 78 12 34 56, ou avec l’indicatif du pays, par exemple +41 22 123 45 67',
  'validation.student.phoneMobile.format':
    'Saisissez le mobile de l’élève à 10\u00a0chiffres, par exemple 06 12 34 56 78, ou avec l’indicatif du pays, par exemple +41 79 123 45 67',
  'validation.student.phoneWork.format':
    'Saisissez le téléphone professionnel de l’élève à 10\u00a0chiffres, par exemple 04 72 12 34 56, ou avec l’indicatif du pays, par exemple +41 22 123 45 67',
  'validation.student.email.format': 'Saisissez l’adresse e-mail de l’élève en entier, avec un @ et un domaine, par exemple prenom.nom@exemple.fr',
  'validation.student.emergencyContact.required':
    'Saisissez la personne à prévenir en cas d’urgence pour cet élève mineur, par exemple Marie Martin (grand-mère)',
  'validation.student.emergencyContact.characters':
    'La personne à prévenir ne peut contenir que des lettres, des chiffres et la ponctuation courante, par exemple Marie Martin (grand-mère)',
  'validation.student.emergencyPhone.required': 'Saisissez le téléphone de la personne à prévenir en cas d’urgence, par exemple 06 12 34 56 78',
  'validation.student.emergencyPhone.format':
    'Saisissez le téléphone d’urgence à 10\u00a0chiffres, par exemple 06 12 34 56 78, ou avec l’indicatif du pays, par exemple +41 79 123 45 67',
  'validation.student.school.required': 'Saisissez l’établissement scolaire de l’élève, par exemple École Jean de la Fontaine, Limonest',
  'validation.student.school.characters':
    'L’établissement scolaire ne peut contenir que des lettres, des chiffres et la ponctuation courante, par exemple Collège Jean Moulin',
  'validation.student.schoolLevel.required': 'Choisissez le niveau scolaire de l’élève à la rentrée prochaine, par exemple CM1',
  'validation.student.schoolLevel.list': 'Choisissez le niveau scolaire de l’élève dans la liste, par exemple CM1',

  // ------------------------------------------------ Longueurs (the inputs' maxlength already stops typing beyond)
  'validation.name.tooLong': 'Le nom ou le prénom doit faire 100\u00a0caractères au plus\u00a0: gardez par exemple le premier prénom seulement',
  'validation.place.tooLong': 'Le lieu doit faire 100\u00a0caractères au plus\u00a0: abrégez-le, par exemple St-Didier-au-Mont-d’Or',
  'validation.address.tooLong': 'L’adresse doit faire 200\u00a0caractères au plus\u00a0: abrégez-la, par exemple «\u202fbd\u202f» pour «\u202fboulevard\u202f»',
  'validation.email.tooLong': 'L’adresse e-mail doit faire 254\u00a0caractères au plus, par exemple prenom.nom@exemple.fr',
  'validation.profession.tooLong': 'La profession doit faire 100\u00a0caractères au plus\u00a0: abrégez-la, par exemple Infirmier',
  'validation.emergencyContact.tooLong':
    'La personne à prévenir doit faire 200\u00a0caractères au plus\u00a0: gardez le nom et le lien, par exemple Marie Martin (grand-mère)',
  'validation.school.tooLong': 'L’établissement scolaire doit faire 200\u00a0caractères au plus\u00a0: abrégez-le, par exemple Collège J. Moulin',

  // ------------------------------------------------ Caractères invisibles (names, places, addresses, free texts)
  'validation.controlCharacters':
    'Ce champ contient des caractères invisibles ou de contrôle, par exemple une tabulation ou une marque de mise en forme copiée avec le texte\u00a0: retirez-les ou retapez le texte au clavier',

  // ------------------------------------------------ Mode de règlement
  'validation.paymentMode.required': 'Choisissez le mode de règlement souhaité parmi ceux proposés, par exemple le règlement en une fois',
  'validation.bankChanged.required': 'Indiquez si vous avez changé de compte bancaire\u00a0: choisissez Oui ou Non',
  'validation.upToDate.required': 'Indiquez si ces informations sont à jour\u00a0: choisissez Oui ou Non',
} as const;

<?php

/**
 * The PHP Validator gives the mock's verdicts: every case below was run through the contract's zod schema and the
 * mock's fieldErrorsOf() (src/mocks/handlers.ts), and its answer written here (paths, message ids, the value with
 * unknown keys dropped); testTheCasesAreStillTheMocksVerdicts() runs them through zod again (with Node), so a
 * change of the contract that changes a verdict fails here until the case is updated.
 * « @guardian » and « @student » stand for the seed's guardian and student; « @repeat:x:N » for N times x.
 *
 * @package ReinscriptionWizard
 */

namespace ReinscriptionWizard\Tests;

use PHPUnit\Framework\TestCase;
use ReinscriptionWizard\Backend\Validator;

class ValidatorTest extends TestCase
{
    /** @var Validator|null */
    private static $validator = null;

    private static function validator(): Validator
    {
        if (self::$validator === null) {
            self::$validator = Validator::fromFile(dirname(__DIR__, 2) . '/wordpress/reinscription-wizard/data/openapi.json');
        }
        return self::$validator;
    }

    /** @return array<string, array{0: array, 1: \stdClass}> */
    public function mockCases(): array
    {
        $assoc = json_decode(self::CASES, true);
        $objects = json_decode(self::CASES, false);
        $out = [];
        foreach ($assoc['cases'] as $i => $case) {
            $out[$case['name']] = [$case, $objects->cases[$i], $assoc['guardian'], $assoc['student'], $objects];
        }
        return $out;
    }

    /** @dataProvider mockCases */
    public function testSameVerdictAsTheMock(array $case, \stdClass $raw, array $guardian, array $student, \stdClass $all): void
    {
        $input = self::expand($raw->input, $all->guardian, $all->student);
        $result = self::validator()->validate($case['schema'], $input, !$case['absent']);
        $this->assertEquals($case['errors'], $result['errors'], $case['name'] . ': field errors');
        if (!$case['errors']) {
            $this->assertEquals(self::expand($case['value'], $guardian, $student), $result['value'], $case['name'] . ': value');
        }
    }

    public function testAnIntegerWrittenAsAFloatIsAnInteger(): void
    {
        $this->assertSame(['errors' => [], 'value' => 6.0], self::validator()->validate(['type' => 'integer'], Validator::decode('6.0')));
        $checked = self::validator()->validate(['type' => 'integer', 'minimum' => 1, 'maximum' => 6], Validator::decode('6.5'));
        $this->assertSame(['' => ['validation.invalidType']], $checked['errors']);
    }

    public function testEmptyObjectAndEmptyListStayApart(): void
    {
        $this->assertSame([], self::validator()->validate('DeclineRequest', Validator::decode('{}'))['errors']);
        $this->assertSame(['' => ['validation.invalidType']], self::validator()->validate('DeclineRequest', Validator::decode('[]'))['errors']);
        $ok = null;
        $this->assertNull(Validator::decode('{"a":', $ok));
        $this->assertFalse($ok);
    }

    public function testLengthsAreInCodePointsAsTheContractsZodCounts(): void
    {
        $this->assertSame(0, Validator::length(''));
        $this->assertSame(3, Validator::length('abc'));
        $this->assertSame(1, Validator::length('é'));
        $this->assertSame(1, Validator::length('😀'));
        $this->assertSame(2, Validator::length("a\u{1F600}"));
    }

    public function testPatternsAreJavaScriptRegexes(): void
    {
        // No final newline before $, and \s with JavaScript's Unicode spaces (a no-break space is no URL character).
        $phone = ['$ref' => '#/components/schemas/Phone'];
        $this->assertSame(['' => ['validation.format']], self::validator()->validate($phone, "+33465710012\n")['errors']);
        $url = ['$ref' => '#/components/schemas/HttpsUrl'];
        $this->assertSame([], self::validator()->validate($url, 'https://www.limonest.fr/a')['errors']);
        $this->assertSame(['' => ['validation.format']], self::validator()->validate($url, "https://www.limonest.fr/\u{a0}a")['errors']);
    }

    public function testEveryOperationHasItsSchemas(): void
    {
        $ops = self::validator()->operations();
        $this->assertCount(14, $ops);
        $this->assertSame('POST', $ops['submit']['method']);
        $this->assertSame('/students/{studentId}/submission', $ops['submit']['path']);
        $this->assertNotNull(self::validator()->requestSchema('login'));
        $this->assertNotNull(self::validator()->requestSchema('upload'));
        $this->assertNull(self::validator()->requestSchema('campaign'));
        $this->assertNotNull(self::validator()->responseSchema('submit', 201));
        $this->assertNull(self::validator()->responseSchema('logout', 204));
    }

    /** The verdicts written here are what zod and the mock's fieldErrorsOf() say today (skipped without Node). */
    public function testTheCasesAreStillTheMocksVerdicts(): void
    {
        $root = dirname(__DIR__, 2);
        if (!is_dir($root . '/node_modules/tsx') || trim((string) shell_exec('command -v node')) === '') {
            $this->markTestSkipped('node and tsx are needed to run the contract\'s zod schemas');
        }
        $file = tempnam(sys_get_temp_dir(), 'rw-cases');
        file_put_contents($file, self::CASES);
        $script = "import * as z from 'zod/mini'; import * as c from './src/api/contract.ts'; import * as b from './src/api/blocks.ts';"
            . " import { fieldErrorsOf } from './src/mocks/handlers.ts'; import { readFileSync } from 'node:fs';"
            . ' const all = JSON.parse(readFileSync(process.env.RW_CASES, "utf8"));'
            . ' const x = (v) => v === "@guardian" ? all.guardian : v === "@student" ? all.student'
            . ' : typeof v === "string" && /^@repeat:/.test(v) ? v.split(":")[1].repeat(Number(v.split(":")[2]))'
            . ' : Array.isArray(v) ? v.map(x) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, w]) => [k, x(w)])) : v;'
            . ' console.log(JSON.stringify(all.cases.map((k) => { const r = z.safeParse(c[k.schema] ?? b[k.schema],'
            . ' k.absent ? undefined : x(k.input), { reportInput: true }); return r.success ? {} : fieldErrorsOf(r.error.issues); })));';
        $command = 'cd ' . escapeshellarg($root) . ' && NPM_CONFIG_UPDATE_NOTIFIER=false RW_CASES=' . escapeshellarg($file)
            . ' npx tsx -e ' . escapeshellarg($script);
        $out = (string) shell_exec($command . ' 2>&1');
        unlink($file);
        // The verdicts are the one line of JSON; npm may print notices around it.
        $verdicts = preg_match('/^\[.*\]$/m', $out, $m) ? json_decode($m[0], true) : null;
        $this->assertIsArray($verdicts, (string) $out);
        foreach (json_decode(self::CASES, true)['cases'] as $i => $case) {
            $this->assertEquals($case['errors'], $verdicts[$i], $case['name'] . ': the mock says otherwise now');
        }
    }

    /** The markers of the cases back to their values. */
    private static function expand($value, $guardian, $student)
    {
        if ($value === '@guardian') {
            return $guardian;
        }
        if ($value === '@student') {
            return $student;
        }
        if (is_string($value) && preg_match('/^@repeat:(.+):(\d+)$/su', $value, $m)) {
            return str_repeat($m[1], (int) $m[2]);
        }
        if ($value instanceof \stdClass) {
            $out = new \stdClass();
            foreach (get_object_vars($value) as $k => $v) {
                $out->$k = self::expand($v, $guardian, $student);
            }
            return $out;
        }
        if (is_array($value)) {
            foreach ($value as $k => $v) {
                $value[$k] = self::expand($v, $guardian, $student);
            }
        }
        return $value;
    }

    private const CASES = <<<'JSON'
{
 "guardian": {
  "civilite": "Mademoiselle",
  "lastName": "D'AGOSTINO",
  "firstName": "Lydie",
  "birthDate": "1984-03-14",
  "birthPlace": "Lyon",
  "birthDepartment": "69",
  "country": "FR",
  "address": "14 chemin du Puy-d’Or",
  "postalCode": "69760",
  "city": "Limonest",
  "phoneHome": "+33465710012",
  "phoneMobile": "+33639980042",
  "phoneWork": "",
  "email": "lydie.dagostino@example.fr",
  "situationFamiliale": "SEPARE",
  "pcs": "4",
  "profession": "Professeure de musique",
  "extraPhones": []
 },
 "student": {
  "civilite": "M",
  "lastName": "MOREAU",
  "firstName": "Gianni",
  "birthDate": "2014-05-09",
  "birthPlace": "Lyon",
  "birthDepartment": "69",
  "situationFamiliale": "",
  "useGuardianAddress": true,
  "address": "14 chemin du Puy-d’Or",
  "postalCode": "69760",
  "city": "Limonest",
  "phoneHome": "",
  "phoneMobile": "",
  "phoneWork": "",
  "email": "",
  "emergencyContact": "Marco MOREAU (père)",
  "emergencyPhone": "+33639980043",
  "school": "Collège Jean-Philippe Rameau, Champagne-au-Mont-d’Or",
  "schoolLevel": "5e"
 },
 "cases": [
  {
   "name": "login ok",
   "schema": "LoginRequest",
   "absent": false,
   "input": {
    "identifier": "LIMONEST-0001",
    "password": "conservatoire"
   },
   "errors": {},
   "value": {
    "identifier": "LIMONEST-0001",
    "password": "conservatoire"
   }
  },
  {
   "name": "login absent",
   "schema": "LoginRequest",
   "absent": true,
   "input": null,
   "errors": {
    "": [
     "validation.required"
    ]
   },
   "value": null
  },
  {
   "name": "login null",
   "schema": "LoginRequest",
   "absent": false,
   "input": null,
   "errors": {
    "": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "login list",
   "schema": "LoginRequest",
   "absent": false,
   "input": [],
   "errors": {
    "": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "login string",
   "schema": "LoginRequest",
   "absent": false,
   "input": "x",
   "errors": {
    "": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "login empty object",
   "schema": "LoginRequest",
   "absent": false,
   "input": {},
   "errors": {
    "identifier": [
     "validation.required"
    ],
    "password": [
     "validation.required"
    ]
   },
   "value": null
  },
  {
   "name": "login extra key dropped",
   "schema": "LoginRequest",
   "absent": false,
   "input": {
    "identifier": "a",
    "password": "b",
    "remember": true
   },
   "errors": {},
   "value": {
    "identifier": "a",
    "password": "b"
   }
  },
  {
   "name": "login empty strings",
   "schema": "LoginRequest",
   "absent": false,
   "input": {
    "identifier": "",
    "password": ""
   },
   "errors": {
    "identifier": [
     "validation.required"
    ],
    "password": [
     "validation.required"
    ]
   },
   "value": null
  },
  {
   "name": "login too long",
   "schema": "LoginRequest",
   "absent": false,
   "input": {
    "identifier": "@repeat:a:101",
    "password": "@repeat:b:201"
   },
   "errors": {
    "identifier": [
     "validation.tooLong"
    ],
    "password": [
     "validation.tooLong"
    ]
   },
   "value": null
  },
  {
   "name": "login emoji counted as two",
   "schema": "LoginRequest",
   "absent": false,
   "input": {
    "identifier": "a",
    "password": "@repeat:😀:101"
   },
   "errors": {},
   "value": {
    "identifier": "a",
    "password": "@repeat:😀:101"
   }
  },
  {
   "name": "login emoji at the limit",
   "schema": "LoginRequest",
   "absent": false,
   "input": {
    "identifier": "@repeat:é:100",
    "password": "@repeat:😀:100"
   },
   "errors": {},
   "value": {
    "identifier": "@repeat:é:100",
    "password": "@repeat:😀:100"
   }
  },
  {
   "name": "login numbers",
   "schema": "LoginRequest",
   "absent": false,
   "input": {
    "identifier": 12,
    "password": true
   },
   "errors": {
    "identifier": [
     "validation.invalidType"
    ],
    "password": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "reset ok",
   "schema": "PasswordResetRequest",
   "absent": false,
   "input": {
    "identifier": "x",
    "email": "a@b.fr"
   },
   "errors": {},
   "value": {
    "identifier": "x",
    "email": "a@b.fr"
   }
  },
  {
   "name": "reset short",
   "schema": "PasswordResetRequest",
   "absent": false,
   "input": {
    "identifier": "x",
    "email": "ab"
   },
   "errors": {
    "email": [
     "validation.tooShort"
    ]
   },
   "value": null
  },
  {
   "name": "reset empty",
   "schema": "PasswordResetRequest",
   "absent": false,
   "input": {
    "identifier": "",
    "email": ""
   },
   "errors": {
    "identifier": [
     "validation.required"
    ],
    "email": [
     "validation.tooShort"
    ]
   },
   "value": null
  },
  {
   "name": "reset email as a list",
   "schema": "PasswordResetRequest",
   "absent": false,
   "input": {
    "identifier": [],
    "email": [
     "x"
    ]
   },
   "errors": {
    "identifier": [
     "validation.invalidType",
     "validation.tooShort"
    ],
    "email": [
     "validation.invalidType",
     "validation.tooShort"
    ]
   },
   "value": null
  },
  {
   "name": "family phones as a string",
   "schema": "FamilyUpdate",
   "absent": false,
   "input": {
    "guardian": {
     "civilite": "Mademoiselle",
     "lastName": "D'AGOSTINO",
     "firstName": "Lydie",
     "birthDate": "1984-03-14",
     "birthPlace": "Lyon",
     "birthDepartment": "69",
     "country": "FR",
     "address": "14 chemin du Puy-d’Or",
     "postalCode": "69760",
     "city": "Limonest",
     "phoneHome": "+33465710012",
     "phoneMobile": "+33639980042",
     "phoneWork": [],
     "email": "lydie.dagostino@example.fr",
     "situationFamiliale": "SEPARE",
     "pcs": "4",
     "profession": "Professeure de musique",
     "extraPhones": "+33612345678"
    },
    "paymentMode": [],
    "bankChanged": null
   },
   "errors": {
    "guardian.phoneWork": [
     "validation.invalidType"
    ],
    "guardian.extraPhones": [
     "validation.invalidType",
     "validation.tooLong"
    ],
    "paymentMode": [
     "validation.invalidType",
     "validation.tooShort"
    ]
   },
   "value": null
  },
  {
   "name": "family ok",
   "schema": "FamilyUpdate",
   "absent": false,
   "input": {
    "guardian": "@guardian",
    "paymentMode": "single",
    "bankChanged": null
   },
   "errors": {},
   "value": {
    "guardian": "@guardian",
    "paymentMode": "single",
    "bankChanged": null
   }
  },
  {
   "name": "family nulls",
   "schema": "FamilyUpdate",
   "absent": false,
   "input": {
    "guardian": "@guardian",
    "paymentMode": null,
    "bankChanged": null
   },
   "errors": {},
   "value": {
    "guardian": "@guardian",
    "paymentMode": null,
    "bankChanged": null
   }
  },
  {
   "name": "family payment empty",
   "schema": "FamilyUpdate",
   "absent": false,
   "input": {
    "guardian": "@guardian",
    "paymentMode": "",
    "bankChanged": "yes"
   },
   "errors": {
    "paymentMode": [
     "validation.required",
     "validation.format"
    ],
    "bankChanged": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "family payment bad",
   "schema": "FamilyUpdate",
   "absent": false,
   "input": {
    "guardian": "@guardian",
    "paymentMode": "par chèque",
    "bankChanged": 1
   },
   "errors": {
    "paymentMode": [
     "validation.format"
    ],
    "bankChanged": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "family missing",
   "schema": "FamilyUpdate",
   "absent": false,
   "input": {
    "guardian": "@guardian"
   },
   "errors": {
    "paymentMode": [
     "validation.required"
    ],
    "bankChanged": [
     "validation.required"
    ]
   },
   "value": null
  },
  {
   "name": "family guardian null",
   "schema": "FamilyUpdate",
   "absent": false,
   "input": {
    "guardian": null,
    "paymentMode": null,
    "bankChanged": null
   },
   "errors": {
    "guardian": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "family guardian empty",
   "schema": "FamilyUpdate",
   "absent": false,
   "input": {
    "guardian": {},
    "paymentMode": null,
    "bankChanged": null
   },
   "errors": {
    "guardian.civilite": [
     "validation.required"
    ],
    "guardian.lastName": [
     "validation.required"
    ],
    "guardian.firstName": [
     "validation.required"
    ],
    "guardian.birthDate": [
     "validation.required"
    ],
    "guardian.birthPlace": [
     "validation.required"
    ],
    "guardian.birthDepartment": [
     "validation.required"
    ],
    "guardian.country": [
     "validation.required"
    ],
    "guardian.address": [
     "validation.required"
    ],
    "guardian.postalCode": [
     "validation.required"
    ],
    "guardian.city": [
     "validation.required"
    ],
    "guardian.phoneHome": [
     "validation.required"
    ],
    "guardian.phoneMobile": [
     "validation.required"
    ],
    "guardian.phoneWork": [
     "validation.required"
    ],
    "guardian.email": [
     "validation.required"
    ],
    "guardian.situationFamiliale": [
     "validation.required"
    ],
    "guardian.pcs": [
     "validation.required"
    ],
    "guardian.profession": [
     "validation.required"
    ],
    "guardian.extraPhones": [
     "validation.required"
    ]
   },
   "value": null
  },
  {
   "name": "family phones",
   "schema": "FamilyUpdate",
   "absent": false,
   "input": {
    "guardian": {
     "civilite": "Mademoiselle",
     "lastName": "D'AGOSTINO",
     "firstName": "Lydie",
     "birthDate": "1984-03-14",
     "birthPlace": "Lyon",
     "birthDepartment": "69",
     "country": "FR",
     "address": "14 chemin du Puy-d’Or",
     "postalCode": "69760",
     "city": "Limonest",
     "phoneHome": "+33465710012\n",
     "phoneMobile": "06 12 34 56 78",
     "phoneWork": "",
     "email": "lydie.dagostino@example.fr",
     "situationFamiliale": "SEPARE",
     "pcs": "4",
     "profession": "Professeure de musique",
     "extraPhones": [
      "+33123456789",
      "x",
      "+33123456789",
      "+33123456789"
     ]
    },
    "paymentMode": null,
    "bankChanged": true
   },
   "errors": {
    "guardian.phoneHome": [
     "validation.format"
    ],
    "guardian.phoneMobile": [
     "validation.format"
    ],
    "guardian.extraPhones": [
     "validation.tooLong"
    ]
   },
   "value": null
  },
  {
   "name": "family dates",
   "schema": "FamilyUpdate",
   "absent": false,
   "input": {
    "guardian": {
     "civilite": "Mademoiselle",
     "lastName": "D'AGOSTINO",
     "firstName": "Lydie",
     "birthDate": "2023-02-29",
     "birthPlace": "Lyon",
     "birthDepartment": "69",
     "country": "FR",
     "address": "14 chemin du Puy-d’Or",
     "postalCode": "69760",
     "city": "Limonest",
     "phoneHome": "+33465710012",
     "phoneMobile": "+33639980042",
     "phoneWork": "",
     "email": "lydie.dagostino@example.fr",
     "situationFamiliale": "SEPARE",
     "pcs": "4",
     "profession": "Professeure de musique",
     "extraPhones": []
    },
    "paymentMode": null,
    "bankChanged": true
   },
   "errors": {
    "guardian.birthDate": [
     "validation.format"
    ]
   },
   "value": null
  },
  {
   "name": "family date number",
   "schema": "FamilyUpdate",
   "absent": false,
   "input": {
    "guardian": {
     "civilite": "Mademoiselle",
     "lastName": "@repeat:x:101",
     "firstName": "Lydie",
     "birthDate": 19840314,
     "birthPlace": "Lyon",
     "birthDepartment": "69",
     "country": "FRA",
     "address": "14 chemin du Puy-d’Or",
     "postalCode": "69760",
     "city": "Limonest",
     "phoneHome": "+33465710012",
     "phoneMobile": "+33639980042",
     "phoneWork": "",
     "email": "lydie.dagostino@example.fr",
     "situationFamiliale": "SEPARE",
     "pcs": "4",
     "profession": "Professeure de musique",
     "extraPhones": []
    },
    "paymentMode": null,
    "bankChanged": true
   },
   "errors": {
    "guardian.lastName": [
     "validation.tooLong"
    ],
    "guardian.birthDate": [
     "validation.invalidType"
    ],
    "guardian.country": [
     "validation.tooLong"
    ]
   },
   "value": null
  },
  {
   "name": "family leap day",
   "schema": "FamilyUpdate",
   "absent": false,
   "input": {
    "guardian": {
     "civilite": "Mademoiselle",
     "lastName": "D'AGOSTINO",
     "firstName": "Lydie",
     "birthDate": "2024-02-29",
     "birthPlace": "Lyon",
     "birthDepartment": "69",
     "country": "FR",
     "address": "14 chemin du Puy-d’Or",
     "postalCode": "69760",
     "city": "Limonest",
     "phoneHome": "+33465710012",
     "phoneMobile": "+33639980042",
     "phoneWork": "",
     "email": "not checked here",
     "situationFamiliale": "SEPARE",
     "pcs": "4",
     "profession": "Professeure de musique",
     "extraPhones": []
    },
    "paymentMode": null,
    "bankChanged": true
   },
   "errors": {},
   "value": {
    "guardian": {
     "civilite": "Mademoiselle",
     "lastName": "D'AGOSTINO",
     "firstName": "Lydie",
     "birthDate": "2024-02-29",
     "birthPlace": "Lyon",
     "birthDepartment": "69",
     "country": "FR",
     "address": "14 chemin du Puy-d’Or",
     "postalCode": "69760",
     "city": "Limonest",
     "phoneHome": "+33465710012",
     "phoneMobile": "+33639980042",
     "phoneWork": "",
     "email": "not checked here",
     "situationFamiliale": "SEPARE",
     "pcs": "4",
     "profession": "Professeure de musique",
     "extraPhones": []
    },
    "paymentMode": null,
    "bankChanged": true
   }
  },
  {
   "name": "family extra keys",
   "schema": "FamilyUpdate",
   "absent": false,
   "input": {
    "guardian": {
     "civilite": "Mademoiselle",
     "lastName": "D'AGOSTINO",
     "firstName": "Lydie",
     "birthDate": "1984-03-14",
     "birthPlace": "Lyon",
     "birthDepartment": "69",
     "country": "FR",
     "address": "14 chemin du Puy-d’Or",
     "postalCode": "69760",
     "city": "Limonest",
     "phoneHome": "+33465710012",
     "phoneMobile": "+33639980042",
     "phoneWork": "",
     "email": "lydie.dagostino@example.fr",
     "situationFamiliale": "SEPARE",
     "pcs": "4",
     "profession": "Professeure de musique",
     "extraPhones": [],
     "nickname": "L"
    },
    "paymentMode": null,
    "bankChanged": true,
    "id": "x"
   },
   "errors": {},
   "value": {
    "guardian": "@guardian",
    "paymentMode": null,
    "bankChanged": true
   }
  },
  {
   "name": "draft ok",
   "schema": "DraftRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "step": 3
   },
   "errors": {},
   "value": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "step": 3
   }
  },
  {
   "name": "draft step float",
   "schema": "DraftRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "step": 2.5
   },
   "errors": {
    "step": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "draft step 6.0",
   "schema": "DraftRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "step": 6
   },
   "errors": {},
   "value": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "step": 6
   }
  },
  {
   "name": "draft step 0",
   "schema": "DraftRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "step": 0
   },
   "errors": {
    "step": [
     "validation.tooSmall"
    ]
   },
   "value": null
  },
  {
   "name": "draft step 7",
   "schema": "DraftRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "step": 7
   },
   "errors": {
    "step": [
     "validation.tooBig"
    ]
   },
   "value": null
  },
  {
   "name": "draft step huge",
   "schema": "DraftRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "step": 100000000000000000000
   },
   "errors": {
    "step": [
     "validation.tooBig"
    ]
   },
   "value": null
  },
  {
   "name": "draft step string",
   "schema": "DraftRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "step": "3"
   },
   "errors": {
    "step": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "draft step null",
   "schema": "DraftRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "step": null
   },
   "errors": {
    "step": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "draft no answers",
   "schema": "DraftRequest",
   "absent": false,
   "input": {
    "step": 1
   },
   "errors": {
    "answers": [
     "validation.required"
    ]
   },
   "value": null
  },
  {
   "name": "draft authorisations",
   "schema": "DraftRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "peut-être",
      "sortie": 3
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "step": 5
   },
   "errors": {
    "answers.authorisations.image": [
     "validation.unknownValue"
    ],
    "answers.authorisations.sortie": [
     "validation.unknownValue"
    ]
   },
   "value": null
  },
  {
   "name": "draft authorisations absent",
   "schema": "DraftRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {},
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "step": 5
   },
   "errors": {
    "answers.authorisations.image": [
     "validation.unknownValue"
    ],
    "answers.authorisations.sortie": [
     "validation.unknownValue"
    ]
   },
   "value": null
  },
  {
   "name": "draft student bits",
   "schema": "DraftRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": {
      "civilite": "M",
      "lastName": "MOREAU",
      "firstName": "Gianni",
      "birthPlace": "Lyon",
      "birthDepartment": "69",
      "situationFamiliale": "",
      "useGuardianAddress": "true",
      "address": "14 chemin du Puy-d’Or",
      "postalCode": "69760",
      "city": "Limonest",
      "phoneHome": "",
      "phoneMobile": "",
      "phoneWork": "",
      "email": "",
      "emergencyContact": "Marco MOREAU (père)",
      "emergencyPhone": "0639980043",
      "school": "Collège Jean-Philippe Rameau, Champagne-au-Mont-d’Or",
      "schoolLevel": "5e"
     },
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "step": 1
   },
   "errors": {
    "answers.student.birthDate": [
     "validation.required"
    ],
    "answers.student.useGuardianAddress": [
     "validation.invalidType"
    ],
    "answers.student.emergencyPhone": [
     "validation.format"
    ]
   },
   "value": null
  },
  {
   "name": "draft admin details",
   "schema": "DraftRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": true,
     "additionalInfo": "",
     "administrativeDetails": {
      "instrument": "Violon"
     }
    },
    "step": 4
   },
   "errors": {
    "answers.administrativeDetails.day": [
     "validation.required"
    ]
   },
   "value": null
  },
  {
   "name": "draft admin null",
   "schema": "DraftRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": "",
     "administrativeDetails": null
    },
    "step": 4
   },
   "errors": {
    "answers.administrativeDetails": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "draft additional info",
   "schema": "DraftRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": "@repeat:x:4001"
    },
    "step": 4
   },
   "errors": {
    "answers.additionalInfo": [
     "validation.tooLong"
    ]
   },
   "value": null
  },
  {
   "name": "submission ok",
   "schema": "SubmissionRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "acceptance": {
     "rulesVersion": "2027-2028",
     "authorisationVersions": {
      "image": "2024-1",
      "sortie": "2024-1"
     },
     "acceptedAt": "2026-12-02T13:45:00.000Z"
    },
    "changes": [
     {
      "field": "guardian.city",
      "label": "Ville",
      "before": "Lyon",
      "after": "Limonest"
     }
    ]
   },
   "errors": {},
   "value": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "acceptance": {
     "rulesVersion": "2027-2028",
     "authorisationVersions": {
      "image": "2024-1",
      "sortie": "2024-1"
     },
     "acceptedAt": "2026-12-02T13:45:00.000Z"
    },
    "changes": [
     {
      "field": "guardian.city",
      "label": "Ville",
      "before": "Lyon",
      "after": "Limonest"
     }
    ]
   }
  },
  {
   "name": "submission acceptance",
   "schema": "SubmissionRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "acceptance": {
     "rulesVersion": "@repeat:x:41",
     "authorisationVersions": {
      "image": "2024-1"
     },
     "acceptedAt": "2026-12-02T10:00:00"
    },
    "changes": [
     {
      "field": "guardian.city",
      "label": "Ville",
      "before": "Lyon",
      "after": "Limonest"
     }
    ]
   },
   "errors": {
    "acceptance.rulesVersion": [
     "validation.tooLong"
    ],
    "acceptance.authorisationVersions.sortie": [
     "validation.required"
    ],
    "acceptance.acceptedAt": [
     "validation.format"
    ]
   },
   "value": null
  },
  {
   "name": "submission offset",
   "schema": "SubmissionRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "acceptance": {
     "rulesVersion": "2027-2028",
     "authorisationVersions": {
      "image": "2024-1",
      "sortie": "2024-1"
     },
     "acceptedAt": "2026-12-02T10:00:00.123456+01:00"
    },
    "changes": [
     {
      "field": "guardian.city",
      "label": "Ville",
      "before": "Lyon",
      "after": "Limonest"
     }
    ]
   },
   "errors": {},
   "value": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "acceptance": {
     "rulesVersion": "2027-2028",
     "authorisationVersions": {
      "image": "2024-1",
      "sortie": "2024-1"
     },
     "acceptedAt": "2026-12-02T10:00:00.123456+01:00"
    },
    "changes": [
     {
      "field": "guardian.city",
      "label": "Ville",
      "before": "Lyon",
      "after": "Limonest"
     }
    ]
   }
  },
  {
   "name": "submission bad time",
   "schema": "SubmissionRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "acceptance": {
     "rulesVersion": "2027-2028",
     "authorisationVersions": {
      "image": "2024-1",
      "sortie": "2024-1"
     },
     "acceptedAt": "2026-12-02T24:00:00Z"
    },
    "changes": [
     {
      "field": "guardian.city",
      "label": "Ville",
      "before": "Lyon",
      "after": "Limonest"
     }
    ]
   },
   "errors": {
    "acceptance.acceptedAt": [
     "validation.format"
    ]
   },
   "value": null
  },
  {
   "name": "submission changes",
   "schema": "SubmissionRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "acceptance": {
     "rulesVersion": "2027-2028",
     "authorisationVersions": {
      "image": "2024-1",
      "sortie": "2024-1"
     },
     "acceptedAt": "2026-12-02T13:45:00.000Z"
    },
    "changes": [
     {
      "field": "a"
     },
     3,
     {
      "field": "b",
      "label": "l",
      "before": "@repeat:x:501",
      "after": null
     }
    ]
   },
   "errors": {
    "changes.0.label": [
     "validation.required"
    ],
    "changes.0.before": [
     "validation.required"
    ],
    "changes.0.after": [
     "validation.required"
    ],
    "changes.1": [
     "validation.invalidType"
    ],
    "changes.2.before": [
     "validation.tooLong"
    ],
    "changes.2.after": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "submission changes object",
   "schema": "SubmissionRequest",
   "absent": false,
   "input": {
    "answers": {
     "guardian": "@guardian",
     "student": "@student",
     "paymentMode": "direct-debit",
     "bankChanged": false,
     "authorisations": {
      "image": "oui",
      "sortie": "non"
     },
     "administrativeReregistration": false,
     "additionalInfo": ""
    },
    "acceptance": {
     "rulesVersion": "2027-2028",
     "authorisationVersions": {
      "image": "2024-1",
      "sortie": "2024-1"
     },
     "acceptedAt": "2026-12-02T13:45:00.000Z"
    },
    "changes": {}
   },
   "errors": {
    "changes": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "decline ok",
   "schema": "DeclineRequest",
   "absent": false,
   "input": {
    "reason": "Déménagement"
   },
   "errors": {},
   "value": {
    "reason": "Déménagement"
   }
  },
  {
   "name": "decline empty",
   "schema": "DeclineRequest",
   "absent": false,
   "input": {},
   "errors": {},
   "value": {}
  },
  {
   "name": "decline null",
   "schema": "DeclineRequest",
   "absent": false,
   "input": {
    "reason": null
   },
   "errors": {
    "reason": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "decline long",
   "schema": "DeclineRequest",
   "absent": false,
   "input": {
    "reason": "@repeat:x:1001"
   },
   "errors": {
    "reason": [
     "validation.tooLong"
    ]
   },
   "value": null
  },
  {
   "name": "decline list",
   "schema": "DeclineRequest",
   "absent": false,
   "input": [],
   "errors": {
    "": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "upload ok",
   "schema": "UploadFields",
   "absent": false,
   "input": {
    "typeCode": "iban"
   },
   "errors": {},
   "value": {
    "typeCode": "iban"
   }
  },
  {
   "name": "upload bad",
   "schema": "UploadFields",
   "absent": false,
   "input": {
    "typeCode": "",
    "studentId": "a b"
   },
   "errors": {
    "typeCode": [
     "validation.required",
     "validation.format"
    ],
    "studentId": [
     "validation.format"
    ]
   },
   "value": null
  },
  {
   "name": "upload long",
   "schema": "UploadFields",
   "absent": false,
   "input": {
    "typeCode": "@repeat:x:65",
    "studentId": "gianni"
   },
   "errors": {
    "typeCode": [
     "validation.tooLong"
    ]
   },
   "value": null
  },
  {
   "name": "upload missing",
   "schema": "UploadFields",
   "absent": false,
   "input": {
    "studentId": "gianni"
   },
   "errors": {
    "typeCode": [
     "validation.required"
    ]
   },
   "value": null
  },
  {
   "name": "rich text ok",
   "schema": "RichText",
   "absent": false,
   "input": [
    {
     "type": "paragraph",
     "content": [
      {
       "type": "text",
       "text": "Voir "
      },
      {
       "type": "link",
       "text": "le site",
       "href": "https://www.payfip.gouv.fr"
      },
      {
       "type": "strong",
       "text": "!"
      }
     ]
    },
    {
     "type": "list",
     "items": [
      [
       {
        "type": "text",
        "text": "un"
       }
      ],
      []
     ]
    }
   ],
   "errors": {},
   "value": [
    {
     "type": "paragraph",
     "content": [
      {
       "type": "text",
       "text": "Voir "
      },
      {
       "type": "link",
       "text": "le site",
       "href": "https://www.payfip.gouv.fr"
      },
      {
       "type": "strong",
       "text": "!"
      }
     ]
    },
    {
     "type": "list",
     "items": [
      [
       {
        "type": "text",
        "text": "un"
       }
      ],
      []
     ]
    }
   ]
  },
  {
   "name": "rich text broken",
   "schema": "RichText",
   "absent": false,
   "input": [
    {
     "type": "paragraph",
     "content": [
      {
       "type": "bold",
       "text": "x"
      },
      {
       "type": "link",
       "text": "y",
       "href": "http://insecure"
      },
      {
       "type": "link",
       "text": "y",
       "href": "https://a b"
      }
     ]
    },
    {
     "type": "zz"
    },
    3,
    {
     "type": "list",
     "items": [
      [
       {
        "type": "text"
       }
      ],
      "x"
     ]
    },
    {}
   ],
   "errors": {
    "2": [
     "validation.invalidType"
    ],
    "0.content.0.type": [
     "validation.unknownValue"
    ],
    "0.content.1.href": [
     "validation.format"
    ],
    "0.content.2.href": [
     "validation.format"
    ],
    "1.type": [
     "validation.unknownValue"
    ],
    "3.items.0.0.text": [
     "validation.required"
    ],
    "3.items.1": [
     "validation.invalidType"
    ],
    "4.type": [
     "validation.unknownValue"
    ]
   },
   "value": null
  },
  {
   "name": "payment mode",
   "schema": "PaymentMode",
   "absent": false,
   "input": {
    "code": "x",
    "label": "y",
    "explanation": [],
    "asksBankChange": "no",
    "extra": 1
   },
   "errors": {
    "asksBankChange": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "document type",
   "schema": "DocumentType",
   "absent": false,
   "input": {
    "code": "x",
    "label": "y",
    "scope": "all",
    "condition": {
     "age": "old",
     "paymentMode": ""
    },
    "optional": false
   },
   "errors": {
    "scope": [
     "validation.unknownValue"
    ],
    "condition.paymentMode": [
     "validation.required",
     "validation.format"
    ],
    "condition.age": [
     "validation.unknownValue"
    ]
   },
   "value": null
  },
  {
   "name": "document condition list",
   "schema": "DocumentType",
   "absent": false,
   "input": {
    "code": "x",
    "label": "y",
    "scope": "family",
    "condition": [],
    "optional": false
   },
   "errors": {
    "condition": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "translation records",
   "schema": "CampaignTranslation",
   "absent": false,
   "input": {
    "paymentModes": {
     "single": {
      "label": "One go"
     },
     "bad": {
      "label": 3
     }
    },
    "documentTypes": []
   },
   "errors": {
    "documentTypes": [
     "validation.invalidType"
    ],
    "paymentModes.bad.label": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "error body",
   "schema": "ErrorBody",
   "absent": false,
   "input": {
    "code": "x",
    "fieldErrors": {
     "a": [
      "x"
     ],
     "b": 3,
     "c": [
      4
     ],
     "": [
      "validation.required"
     ]
    }
   },
   "errors": {
    "fieldErrors.b": [
     "validation.invalidType"
    ],
    "fieldErrors.c.0": [
     "validation.invalidType"
    ]
   },
   "value": null
  },
  {
   "name": "link",
   "schema": "DocumentLink",
   "absent": false,
   "input": {
    "url": "http://127.0.0.1:8080/?rest_route=/reinscription/v1/files/abc",
    "expiresAt": "2026-12-02T10:00:00.000Z"
   },
   "errors": {},
   "value": {
    "url": "http://127.0.0.1:8080/?rest_route=/reinscription/v1/files/abc",
    "expiresAt": "2026-12-02T10:00:00.000Z"
   }
  },
  {
   "name": "link bad",
   "schema": "DocumentLink",
   "absent": false,
   "input": {
    "url": "not a url",
    "expiresAt": "2026-12-02"
   },
   "errors": {
    "url": [
     "validation.format"
    ],
    "expiresAt": [
     "validation.format"
    ]
   },
   "value": null
  },
  {
   "name": "document",
   "schema": "UploadedDocument",
   "absent": false,
   "input": {
    "id": "doc-1",
    "typeCode": "iban",
    "scope": "family",
    "studentId": null,
    "fileName": "rib.pdf",
    "size": -1,
    "mimeType": "application/pdf",
    "uploadedAt": "2026-12-02T10:00:00.000Z"
   },
   "errors": {
    "size": [
     "validation.tooSmall"
    ]
   },
   "value": null
  },
  {
   "name": "session",
   "schema": "Session",
   "absent": false,
   "input": {
    "token": "short",
    "expiresAt": "2026-12-02T10:00:00.000Z",
    "serverNow": "2026-12-02T10:00:00.000Z"
   },
   "errors": {
    "token": [
     "validation.tooShort"
    ]
   },
   "value": null
  },
  {
   "name": "reset response",
   "schema": "PasswordResetResponse",
   "absent": false,
   "input": {
    "accepted": false
   },
   "errors": {
    "accepted": [
     "validation.unknownValue"
    ]
   },
   "value": null
  },
  {
   "name": "family summary",
   "schema": "Family",
   "absent": false,
   "input": {
    "id": "f",
    "guardian": "@guardian",
    "paymentMode": null,
    "bankChanged": null,
    "students": [
     {
      "id": "gianni",
      "lastName": "M",
      "firstName": "G",
      "status": "perdu",
      "draftStep": 9,
      "missingDocuments": [
       "ok",
       ""
      ]
     }
    ]
   },
   "errors": {
    "students.0.status": [
     "validation.unknownValue"
    ],
    "students.0.draftStep": [
     "validation.tooBig"
    ],
    "students.0.missingDocuments.1": [
     "validation.required",
     "validation.format"
    ]
   },
   "value": null
  }
 ]
}
JSON;
}

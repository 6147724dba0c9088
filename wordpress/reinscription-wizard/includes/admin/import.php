<?php

/**
 * Tools → Import families: the secretary's CSV import, in four steps on one screen: upload, column mapping,
 * preview (the first rows as they will be imported, with their errors), dry run (what would be created, updated
 * or left unchanged; nothing written), then the import itself (one transaction). The file's text and the mapping
 * wait between steps in a transient of the user (an hour).
 *
 * @package ReinscriptionWizard
 */

use ReinscriptionWizard\Backend\Import;

if (!defined('ABSPATH')) {
    exit;
}

const REINSCRIPTION_WIZARD_IMPORT_PAGE = 'reinscription-wizard-import';

/** Rows shown by the preview. */
const REINSCRIPTION_WIZARD_IMPORT_PREVIEW_ROWS = 10;

/** Errors listed at most (the count says how many there are). */
const REINSCRIPTION_WIZARD_IMPORT_MAX_ERRORS = 200;

/** Tools → Import families. */
function reinscription_wizard_add_import_page()
{
    add_management_page(
        __('Import families', 'reinscription-wizard'),
        __('Import families', 'reinscription-wizard'),
        'manage_options',
        REINSCRIPTION_WIZARD_IMPORT_PAGE,
        'reinscription_wizard_render_import_page'
    );
}

/** The transient of the current user's import in progress. */
function reinscription_wizard_import_key()
{
    return 'reinscription_wizard_import_' . get_current_user_id();
}

/**
 * The import in progress: name, text (UTF-8), encoding, delimiter, mapping; null when there is none.
 *
 * @return array|null
 */
function reinscription_wizard_import_state()
{
    $state = get_transient(reinscription_wizard_import_key());
    return is_array($state) && isset($state['text'], $state['name']) ? $state : null;
}

/**
 * Saves the import in progress.
 *
 * @param array $state The state.
 */
function reinscription_wizard_save_import_state(array $state)
{
    set_transient(reinscription_wizard_import_key(), $state, HOUR_IN_SECONDS);
}

/**
 * The documented fields' labels, in the order of the screen.
 *
 * @return array<string, string>
 */
function reinscription_wizard_import_labels()
{
    return [
        'family_identifier'             => __('Family identifier (their login)', 'reinscription-wizard'),
        'family_id'                     => __('Family code (internal, optional)', 'reinscription-wizard'),
        'email'                         => __('Account e-mail (asked by « Mot de passe perdu »)', 'reinscription-wizard'),
        'payment_mode'                  => __('Payment mode (code of the campaign)', 'reinscription-wizard'),
        'guardian_civilite'             => __('Guardian: title', 'reinscription-wizard'),
        'guardian_last_name'            => __('Guardian: last name', 'reinscription-wizard'),
        'guardian_first_name'           => __('Guardian: first name', 'reinscription-wizard'),
        'guardian_birth_date'           => __('Guardian: date of birth', 'reinscription-wizard'),
        'guardian_birth_place'          => __('Guardian: place of birth', 'reinscription-wizard'),
        'guardian_birth_department'     => __('Guardian: département of birth', 'reinscription-wizard'),
        'guardian_country'              => __('Guardian: country (two letters, FR by default)', 'reinscription-wizard'),
        'guardian_address'              => __('Guardian: address', 'reinscription-wizard'),
        'guardian_postal_code'          => __('Guardian: postcode', 'reinscription-wizard'),
        'guardian_city'                 => __('Guardian: town', 'reinscription-wizard'),
        'guardian_phone_home'           => __('Guardian: home phone', 'reinscription-wizard'),
        'guardian_phone_mobile'         => __('Guardian: mobile phone', 'reinscription-wizard'),
        'guardian_phone_work'           => __('Guardian: work phone', 'reinscription-wizard'),
        'guardian_email'                => __('Guardian: e-mail (the account e-mail by default)', 'reinscription-wizard'),
        'guardian_situation_familiale'  => __('Guardian: family situation (code)', 'reinscription-wizard'),
        'guardian_pcs'                  => __('Guardian: socio-professional category (code)', 'reinscription-wizard'),
        'guardian_profession'           => __('Guardian: occupation', 'reinscription-wizard'),
        'guardian_extra_phone_1'        => __('Guardian: extra phone 1', 'reinscription-wizard'),
        'guardian_extra_phone_2'        => __('Guardian: extra phone 2', 'reinscription-wizard'),
        'guardian_extra_phone_3'        => __('Guardian: extra phone 3', 'reinscription-wizard'),
        'student_id'                    => __('Student: identifier', 'reinscription-wizard'),
        'student_civilite'              => __('Student: title', 'reinscription-wizard'),
        'student_last_name'             => __('Student: last name', 'reinscription-wizard'),
        'student_first_name'            => __('Student: first name', 'reinscription-wizard'),
        'student_birth_date'            => __('Student: date of birth', 'reinscription-wizard'),
        'student_birth_place'           => __('Student: place of birth', 'reinscription-wizard'),
        'student_birth_department'      => __('Student: département of birth', 'reinscription-wizard'),
        'student_situation_familiale'   => __('Student: family situation (code)', 'reinscription-wizard'),
        'student_use_guardian_address'  => __('Student: uses the guardian\'s address', 'reinscription-wizard'),
        'student_address'               => __('Student: address', 'reinscription-wizard'),
        'student_postal_code'           => __('Student: postcode', 'reinscription-wizard'),
        'student_city'                  => __('Student: town', 'reinscription-wizard'),
        'student_phone_home'            => __('Student: home phone', 'reinscription-wizard'),
        'student_phone_mobile'          => __('Student: mobile phone', 'reinscription-wizard'),
        'student_phone_work'            => __('Student: work phone', 'reinscription-wizard'),
        'student_email'                 => __('Student: e-mail', 'reinscription-wizard'),
        'student_emergency_contact'     => __('Student: person to contact in an emergency', 'reinscription-wizard'),
        'student_emergency_phone'       => __('Student: emergency phone', 'reinscription-wizard'),
        'student_school'                => __('Student: school', 'reinscription-wizard'),
        'student_school_level'          => __('Student: school level (code)', 'reinscription-wizard'),
        'administrative_reregistration' => __('Student: administrative re-registration', 'reinscription-wizard'),
        'course_cursus'                 => __('Course: cursus', 'reinscription-wizard'),
        'course_cours'                  => __('Course: class', 'reinscription-wizard'),
        'course_ha'                     => __('Course: Ha', 'reinscription-wizard'),
        'course_teacher'                => __('Course: teacher', 'reinscription-wizard'),
        'course_cycle'                  => __('Course: cycle', 'reinscription-wizard'),
        'course_active'                 => __('Course: active', 'reinscription-wizard'),
        'course_discipline'             => __('Course: discipline', 'reinscription-wizard'),
    ];
}

/**
 * How a field's cells are written, by type.
 *
 * @param string $type A type of Import::fields().
 */
function reinscription_wizard_import_format($type)
{
    $formats = [
        'text'       => __('text', 'reinscription-wizard'),
        'id'         => __('letters, digits, - and _ (64 at most)', 'reinscription-wizard'),
        'email'      => __('e-mail address', 'reinscription-wizard'),
        'date'       => __('DD/MM/YYYY or YYYY-MM-DD', 'reinscription-wizard'),
        'phone'      => __('phone number, e.g. 06 12 34 56 78 or +41 79 123 45 67', 'reinscription-wizard'),
        'country'    => __('two letters, e.g. FR', 'reinscription-wizard'),
        'boolean'    => __('oui or non (also yes/no, 1/0)', 'reinscription-wizard'),
        'discipline' => __('musique, danse or théâtre', 'reinscription-wizard'),
    ];
    return $formats[ $type ] ?? $type;
}

/**
 * An error code of Import, said in words.
 *
 * @param string $code The code.
 */
function reinscription_wizard_import_message($code)
{
    $messages = [
        'required'             => __('is required but empty', 'reinscription-wizard'),
        'unmapped'             => __('is required: choose the column it is read from', 'reinscription-wizard'),
        'column-twice'         => __('reads a column already given to another field', 'reinscription-wizard'),
        'invalid-id'           => __('may only hold letters, digits, - and _ (64 at most)', 'reinscription-wizard'),
        'invalid-email'        => __('is not an e-mail address', 'reinscription-wizard'),
        'invalid-date'         => __('is not a date (DD/MM/YYYY or YYYY-MM-DD)', 'reinscription-wizard'),
        'invalid-phone'        => __('is not a phone number', 'reinscription-wizard'),
        'invalid-country'      => __('is not a two-letter country code (FR)', 'reinscription-wizard'),
        'invalid-boolean'      => __('is not oui or non', 'reinscription-wizard'),
        'invalid-discipline'   => __('is not musique, danse or théâtre', 'reinscription-wizard'),
        'too-long'             => __('is too long', 'reinscription-wizard'),
        'unknown-payment-mode' => __('is not a payment mode code of the campaign', 'reinscription-wizard'),
        'inconsistent'         => __('differs from an earlier row of the same family or student', 'reinscription-wizard'),
        'student-other-family' => __('is already the identifier of a student of another family', 'reinscription-wizard'),
        'duplicate-course'     => __('appears twice for this student', 'reinscription-wizard'),
        'family-id-taken'      => __('is already the code of another family', 'reinscription-wizard'),
    ];
    return $messages[ $code ] ?? $code;
}

/**
 * The campaign's payment mode codes, to check the payment_mode column (null: not checked).
 *
 * @return string[]|null
 */
function reinscription_wizard_import_payment_modes()
{
    if (!class_exists('\ReinscriptionWizard\Backend\Campaign')) {
        return null;
    }
    try {
        $body = \ReinscriptionWizard\Backend\Campaign::body();
    } catch (\Throwable $e) {
        return null;
    }
    return array_values(
        array_filter(
            array_map(
                static function ($mode) {
                    return is_array($mode) && isset($mode['code']) ? (string) $mode['code'] : '';
                },
                $body['paymentModes'] ?? []
            )
        )
    );
}

/** The page: handles the step the form posted, then shows the next one. */
function reinscription_wizard_render_import_page()
{
    if (!current_user_can('manage_options')) {
        wp_die(esc_html__('You are not allowed to import families.', 'reinscription-wizard'), 403);
    }
    echo '<div class="wrap reinscription-wizard-import"><h1>' . esc_html(get_admin_page_title()) . '</h1>';
    $step = isset($_POST['reinscription_wizard_step']) ? sanitize_key(wp_unslash($_POST['reinscription_wizard_step'])) : '';
    if ('' !== $step) {
        check_admin_referer('reinscription_wizard_import');
    }
    $state = reinscription_wizard_import_state();
    switch ($step) {
        case 'upload':
            $state = reinscription_wizard_import_upload();
            if (null !== $state) {
                reinscription_wizard_import_mapping_form($state, []);
            } else {
                reinscription_wizard_import_upload_form();
            }
            break;
        case 'preview':
        case 'dryrun':
        case 'import':
            if (null === $state) {
                reinscription_wizard_import_notice(
                    'error',
                    __(
                        'The uploaded file is no longer here (an hour has passed, or another import was started): upload it again.',
                        'reinscription-wizard'
                    )
                );
                reinscription_wizard_import_upload_form();
                break;
            }
            if ('preview' === $step) {
                $read = Import::read($state['text']);
                // Import::cleanMapping keeps known fields and header indexes only.
                $posted = isset($_POST['mapping']) ? wp_unslash($_POST['mapping']) : [];
                $state['mapping'] = Import::cleanMapping($posted, count($read['headers']));
                reinscription_wizard_save_import_state($state);
                $problems = Import::mappingErrors($state['mapping']);
                if ($problems) {
                    reinscription_wizard_import_mapping_form($state, $problems);
                    break;
                }
                reinscription_wizard_import_preview($state);
            } elseif ('dryrun' === $step) {
                reinscription_wizard_import_dry_run($state, false);
            } else {
                reinscription_wizard_import_dry_run($state, true);
            }
            break;
        case 'mapping':
            if (null !== $state) {
                reinscription_wizard_import_mapping_form($state, []);
                break;
            }
            reinscription_wizard_import_upload_form();
            break;
        default:
            if ('restart' === $step) {
                delete_transient(reinscription_wizard_import_key());
            }
            reinscription_wizard_import_upload_form();
    }
    echo '</div>';
}

/**
 * A notice inside the page.
 *
 * @param string $kind    success, error, warning or info.
 * @param string $message The text (escaped here).
 */
function reinscription_wizard_import_notice($kind, $message)
{
    echo '<div class="notice notice-' . esc_attr($kind) . ' inline"><p>' . esc_html($message) . '</p></div>';
}

/**
 * The opening of a step's form (same page, nonce, the step's hidden field is the submit button's value).
 *
 * @param bool $multipart Whether the form sends a file.
 */
function reinscription_wizard_import_form_open($multipart = false)
{
    printf(
        '<form method="post" action="%1$s"%2$s>',
        esc_url(admin_url('tools.php?page=' . REINSCRIPTION_WIZARD_IMPORT_PAGE)),
        $multipart ? ' enctype="multipart/form-data"' : ''
    );
    wp_nonce_field('reinscription_wizard_import');
}

/**
 * A submit button for a step.
 *
 * @param string $step    The step it posts.
 * @param string $label   Its text.
 * @param bool   $primary Whether it is the main action.
 */
function reinscription_wizard_import_button($step, $label, $primary = true)
{
    printf(
        '<button type="submit" name="reinscription_wizard_step" value="%1$s" class="button%2$s">%3$s</button> ',
        esc_attr($step),
        $primary ? ' button-primary' : '',
        esc_html($label)
    );
}

/** What every step reminds: one row per course, no passwords, what a re-import keeps. */
function reinscription_wizard_import_rules()
{
    echo '<ul class="ul-disc">';
    $items = [
        [
            __(
                'One row per course of a student: the family\'s and the student\'s columns are repeated on each of their rows.',
                'reinscription-wizard'
            ),
            __('A student without a course has one row with the course columns empty.', 'reinscription-wizard'),
        ],
        [
            '<strong>' . esc_html__('No password is imported.', 'reinscription-wizard') . '</strong>',
            __(
                'Families log in the first time through « Mot de passe perdu » (lost password) with their identifier and their account e-mail.',
                'reinscription-wizard'
            ),
            __('A password is sent to that address, as the re-registration manual says.', 'reinscription-wizard'),
        ],
        [
            __('Importing again updates the families and the students, found by their identifiers.', 'reinscription-wizard'),
            __('Their passwords, a payment mode already chosen, drafts, sent re-registrations and pieces are never changed.', 'reinscription-wizard'),
            __('Students missing from the file are kept.', 'reinscription-wizard'),
        ],
        [
            __(
                'Files: CSV in UTF-8 (with or without BOM) or Windows-1252 (Excel), separated by semicolons or commas (detected).',
                'reinscription-wizard'
            ),
        ],
    ];
    foreach ($items as $sentences) {
        $escaped = array_map(
            static function ($sentence) {
                return 0 === strpos($sentence, '<strong>') ? $sentence : esc_html($sentence);
            },
            $sentences
        );
        // Each sentence escaped above (the <strong> one is built escaped).
        echo '<li>' . implode(' ', $escaped) . '</li>';
    }
    echo '</ul>';
}

/** Step 1: the file. */
function reinscription_wizard_import_upload_form()
{
    echo '<p>' . esc_html__(
        'Import the families who may re-register, with their students and this year\'s courses, from a spreadsheet saved as CSV.',
        'reinscription-wizard'
    )
        . ' ' . esc_html__('Nothing is written before the dry run and your confirmation.', 'reinscription-wizard') . '</p>';
    reinscription_wizard_import_rules();
    reinscription_wizard_import_form_open(true);
    echo '<table class="form-table" role="presentation"><tr><th scope="row"><label for="reinscription_wizard_csv">'
        . esc_html__('CSV file', 'reinscription-wizard') . '</label></th><td>';
    echo '<input type="file" id="reinscription_wizard_csv" name="reinscription_wizard_csv" accept=".csv,text/csv,text/plain" required>';
    printf(
        '<p class="description">%1$s <a href="%2$s" download>%3$s</a></p>',
        esc_html(sprintf(
            /* translators: %s: the largest file accepted, e.g. « 5 MB ». */
            __('At most %s.', 'reinscription-wizard'),
            size_format(Import::MAX_BYTES)
        )),
        esc_url(plugins_url('data/import-example.csv', REINSCRIPTION_WIZARD_FILE)),
        esc_html__('Download an example file', 'reinscription-wizard')
    );
    echo '</td></tr></table>';
    reinscription_wizard_import_button('upload', __('Upload and map the columns', 'reinscription-wizard'));
    echo '</form>';
    reinscription_wizard_import_columns();
}

/** The documented columns, as a table. */
function reinscription_wizard_import_columns()
{
    echo '<h2>' . esc_html__('Columns', 'reinscription-wizard') . '</h2>';
    echo '<p>' . esc_html__(
        'The headers of the file may have these names, or any other: the next step lets you say which column holds each field.',
        'reinscription-wizard'
    )
        . ' ' . esc_html__(
            'It guesses them from usual French headers too (Identifiant, Responsable nom, Élève prénom, Cursus…).',
            'reinscription-wizard'
        ) . '</p>';
    echo '<table class="widefat striped"><thead><tr><th scope="col">' . esc_html__('Column', 'reinscription-wizard') . '</th>'
        . '<th scope="col">' . esc_html__('Field', 'reinscription-wizard') . '</th>'
        . '<th scope="col">' . esc_html__('Format', 'reinscription-wizard') . '</th></tr></thead><tbody>';
    $labels = reinscription_wizard_import_labels();
    foreach (Import::fields() as $key => $field) {
        printf(
            '<tr><td><code>%1$s</code></td><td>%2$s%3$s</td><td>%4$s</td></tr>',
            esc_html($key),
            esc_html($labels[ $key ] ?? $key),
            $field['required'] ? ' <strong>(' . esc_html__('required', 'reinscription-wizard') . ')</strong>' : '',
            esc_html(reinscription_wizard_import_format($field['type']))
        );
    }
    echo '</tbody></table>';
}

/**
 * Reads the uploaded file into a new import state, or says why it cannot.
 *
 * @return array|null
 */
function reinscription_wizard_import_upload()
{
    // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- a file entry, checked below; its bytes are only parsed.
    $file = isset($_FILES['reinscription_wizard_csv']) && is_array($_FILES['reinscription_wizard_csv']) ? $_FILES['reinscription_wizard_csv'] : null;
    if (null === $file || UPLOAD_ERR_NO_FILE === (int) $file['error']) {
        reinscription_wizard_import_notice('error', __('Choose a CSV file.', 'reinscription-wizard'));
        return null;
    }
    if (UPLOAD_ERR_OK !== (int) $file['error'] || !is_uploaded_file($file['tmp_name'])) {
        reinscription_wizard_import_notice('error', __('The file could not be received: try again.', 'reinscription-wizard'));
        return null;
    }
    if ((int) $file['size'] > Import::MAX_BYTES) {
        reinscription_wizard_import_notice(
            'error',
            __('This file is too big for a list of families: is it really the CSV export?', 'reinscription-wizard')
        );
        return null;
    }
    $bytes = (string) file_get_contents($file['tmp_name']);
    $read = Import::read($bytes);
    if (count($read['headers']) < 2 || !$read['rows']) {
        reinscription_wizard_import_notice(
            'error',
            __('This file has no header line and rows of data separated by semicolons or commas.', 'reinscription-wizard')
                . ' ' . __('Save the spreadsheet as CSV and try again.', 'reinscription-wizard')
        );
        return null;
    }
    $decoded = Import::decode($bytes);
    $state = [
        'name'     => sanitize_file_name(wp_unslash($file['name'])),
        'text'     => $decoded['text'],
        'encoding' => $read['encoding'],
        'mapping'  => Import::guessMapping($read['headers']),
    ];
    reinscription_wizard_save_import_state($state);
    return $state;
}

/**
 * One line about the file: its name, rows, encoding and separator.
 *
 * @param array $state The import state.
 * @param array $read  Import::read()'s result.
 */
function reinscription_wizard_import_file_line(array $state, array $read)
{
    $separators = [
        ';'  => __('semicolon', 'reinscription-wizard'),
        ','  => __('comma', 'reinscription-wizard'),
        "\t" => __('tab', 'reinscription-wizard'),
    ];
    echo '<p>' . esc_html(
        sprintf(
            /* translators: 1: file name, 2: number of data rows, 3: encoding (UTF-8, Windows-1252…), 4: separator name. */
            __('File %1$s: %2$d rows, %3$s, separated by %4$s.', 'reinscription-wizard'),
            $state['name'],
            count($read['rows']),
            $state['encoding'],
            $separators[ $read['delimiter'] ] ?? $read['delimiter']
        )
    ) . '</p>';
}

/**
 * Step 2: which column each field reads.
 *
 * @param array $state    The import state.
 * @param array $problems Import::mappingErrors().
 */
function reinscription_wizard_import_mapping_form(array $state, array $problems)
{
    $read = Import::read($state['text']);
    echo '<h2>' . esc_html__('Column mapping', 'reinscription-wizard') . '</h2>';
    reinscription_wizard_import_file_line($state, $read);
    $labels = reinscription_wizard_import_labels();
    foreach ($problems as $problem) {
        $label = $labels[ $problem['field'] ] ?? $problem['field'];
        reinscription_wizard_import_notice('error', $label . ' ' . reinscription_wizard_import_message($problem['code']));
    }
    foreach ($read['headers'] as $header) {
        if (in_array(Import::normalize($header), ['password', 'mot_de_passe', 'mdp', 'mot_passe'], true)) {
            reinscription_wizard_import_notice(
                'warning',
                sprintf(
                    /* translators: %s: a column's header. */
                    __(
                        'The column « %s » is ignored: no password is imported, families get one through « Mot de passe perdu ».',
                        'reinscription-wizard'
                    ),
                    $header
                )
            );
        }
    }
    echo '<p>' . esc_html__('For each field, the column of your file it is read from, as guessed from the headers.', 'reinscription-wizard')
        . ' ' . esc_html__('Check it, change what is wrong, then look at the preview.', 'reinscription-wizard') . '</p>';
    reinscription_wizard_import_form_open();
    $first = $read['rows'][0]['cells'] ?? [];
    echo '<table class="widefat striped reinscription-wizard-mapping"><thead><tr><th scope="col">' . esc_html__('Field', 'reinscription-wizard')
        . '</th><th scope="col">' . esc_html__('Column of the file', 'reinscription-wizard') . '</th></tr></thead><tbody>';
    foreach (Import::fields() as $key => $field) {
        $id = 'reinscription-wizard-map-' . $key;
        $label = $labels[ $key ] ?? $key;
        printf(
            '<tr><th scope="row"><label for="%1$s">%2$s</label>%3$s<br><code>%4$s</code></th><td><select id="%1$s" name="mapping[%4$s]">',
            esc_attr($id),
            esc_html($label),
            $field['required'] ? ' <strong>(' . esc_html__('required', 'reinscription-wizard') . ')</strong>' : '',
            esc_attr($key)
        );
        printf('<option value="">%s</option>', esc_html__('— not in the file —', 'reinscription-wizard'));
        foreach ($read['headers'] as $index => $header) {
            $sample = isset($first[ $index ]) && '' !== $first[ $index ] ? $first[ $index ] : '';
            $text = '' !== $sample ? sprintf(
                /* translators: 1: a column's header, 2: its value on the first row. */
                __('%1$s (e.g. %2$s)', 'reinscription-wizard'),
                $header,
                wp_html_excerpt($sample, 40, '…')
            ) : $header;
            printf(
                '<option value="%1$d"%2$s>%3$s</option>',
                (int) $index,
                selected($state['mapping'][ $key ] ?? null, $index, false),
                esc_html($text)
            );
        }
        echo '</select></td></tr>';
    }
    echo '</tbody></table><p>';
    reinscription_wizard_import_button('preview', __('Preview', 'reinscription-wizard'));
    reinscription_wizard_import_button('restart', __('Choose another file', 'reinscription-wizard'), false);
    echo '</p></form>';
}

/**
 * The errors of a check, as a list (at most REINSCRIPTION_WIZARD_IMPORT_MAX_ERRORS).
 *
 * @param array $errors [{line, field, code}] or [{family, field, code}].
 */
function reinscription_wizard_import_error_list(array $errors)
{
    if (!$errors) {
        return;
    }
    $labels = reinscription_wizard_import_labels();
    echo '<div class="notice notice-error inline"><p><strong>' . esc_html(
        sprintf(
            /* translators: %d: number of errors. */
            _n(
                '%d error: fix the file, then upload it again.',
                '%d errors: fix the file, then upload it again.',
                count($errors),
                'reinscription-wizard'
            ),
            count($errors)
        )
    ) . '</strong></p><ul class="ul-disc">';
    foreach (array_slice($errors, 0, REINSCRIPTION_WIZARD_IMPORT_MAX_ERRORS) as $error) {
        $where = isset($error['line'])
            /* translators: %d: a row number of the spreadsheet (the header is row 1). */
            ? sprintf(__('Row %d', 'reinscription-wizard'), $error['line'])
            /* translators: %s: a family identifier. */
            : sprintf(__('Family %s', 'reinscription-wizard'), $error['family']);
        echo '<li>' . esc_html(
            sprintf(
                /* translators: 1: where (« Row 5 », « Family LIMONEST-0001 »), 2: a field's name, 3: what is wrong with it. */
                __('%1$s: %2$s %3$s', 'reinscription-wizard'),
                $where,
                $labels[ $error['field'] ] ?? $error['field'],
                reinscription_wizard_import_message($error['code'])
            )
        ) . '</li>';
    }
    echo '</ul></div>';
}

/**
 * Step 3: the first rows as they will be imported, each with its errors, and every error of the file.
 *
 * @param array $state The import state.
 */
function reinscription_wizard_import_preview(array $state)
{
    $read = Import::read($state['text']);
    $built = Import::build($read['rows'], $state['mapping'], reinscription_wizard_import_payment_modes());
    echo '<h2>' . esc_html__('Preview', 'reinscription-wizard') . '</h2>';
    reinscription_wizard_import_file_line($state, $read);
    echo '<p>' . esc_html(
        sprintf(
            /* translators: %d: number of rows shown. */
            __('The first %d rows as they will be imported (phones and dates as they will be stored):', 'reinscription-wizard'),
            min(REINSCRIPTION_WIZARD_IMPORT_PREVIEW_ROWS, count($built['rows']))
        )
    ) . '</p>';
    $labels = reinscription_wizard_import_labels();
    $columns = [
        __('Row', 'reinscription-wizard')     => [],
        __('Family', 'reinscription-wizard')  => [
            'family_identifier', 'email', 'guardian_last_name', 'guardian_first_name', 'guardian_phone_mobile',
        ],
        __('Student', 'reinscription-wizard') => [
            'student_id', 'student_last_name', 'student_first_name', 'student_birth_date', 'administrative_reregistration',
        ],
        __('Course', 'reinscription-wizard')  => ['course_cursus', 'course_teacher', 'course_cycle', 'course_discipline', 'course_active'],
        __('Errors', 'reinscription-wizard')  => [],
    ];
    echo '<table class="widefat striped reinscription-wizard-preview"><thead><tr>';
    foreach (array_keys($columns) as $title) {
        echo '<th scope="col">' . esc_html($title) . '</th>';
    }
    echo '</tr></thead><tbody>';
    foreach (array_slice($built['rows'], 0, REINSCRIPTION_WIZARD_IMPORT_PREVIEW_ROWS) as $row) {
        echo '<tr' . ($row['errors'] ? ' class="reinscription-wizard-row-error"' : '') . '><td>' . (int) $row['line'] . '</td>';
        foreach (array_slice($columns, 1, 3) as $fields) {
            $parts = [];
            foreach ($fields as $field) {
                if (!array_key_exists($field, $row['values'])) {
                    continue;
                }
                $value = $row['values'][ $field ];
                if (is_bool($value)) {
                    $value = sprintf(
                        /* translators: 1: a field's name, 2: yes or no. */
                        __('%1$s: %2$s', 'reinscription-wizard'),
                        $labels[ $field ],
                        $value ? __('yes', 'reinscription-wizard') : __('no', 'reinscription-wizard')
                    );
                }
                $parts[] = esc_html((string) $value);
            }
            // Each part escaped above.
            echo '<td>' . implode('<br>', $parts) . '</td>';
        }
        echo '<td>';
        foreach ($row['errors'] as $field => $code) {
            echo esc_html(($labels[ $field ] ?? $field) . ' ' . reinscription_wizard_import_message($code)) . '<br>';
        }
        echo '</td></tr>';
    }
    echo '</tbody></table>';
    reinscription_wizard_import_error_list($built['errors']);
    reinscription_wizard_import_form_open();
    echo '<p>';
    if (!$built['errors']) {
        reinscription_wizard_import_button('dryrun', __('Dry run', 'reinscription-wizard'));
    }
    reinscription_wizard_import_button('mapping', __('Back to the column mapping', 'reinscription-wizard'), false);
    reinscription_wizard_import_button('restart', __('Choose another file', 'reinscription-wizard'), false);
    echo '</p></form>';
}

/**
 * Step 4 (dry run: nothing written) and 5 (the import): what the file does to the database.
 *
 * @param array $state The import state.
 * @param bool  $write Whether to write.
 */
function reinscription_wizard_import_dry_run(array $state, $write)
{
    $read = Import::read($state['text']);
    $built = Import::build($read['rows'], $state['mapping'] ?? [], reinscription_wizard_import_payment_modes());
    $plan = Import::plan($built['families'], Import::load($built['families']));
    $errors = array_merge($built['errors'], $plan['errors']);
    echo '<h2>' . esc_html($write ? __('Import', 'reinscription-wizard') : __('Dry run', 'reinscription-wizard')) . '</h2>';
    reinscription_wizard_import_file_line($state, $read);
    $written = false;
    if ($write && !$errors) {
        $written = Import::write($plan['families']);
        if ($written) {
            delete_transient(reinscription_wizard_import_key());
            reinscription_wizard_import_notice('success', __('Import done: the families below are in the database.', 'reinscription-wizard'));
        } else {
            reinscription_wizard_import_notice(
                'error',
                __('The database refused a write: nothing was imported (the whole import was cancelled).', 'reinscription-wizard')
            );
        }
    } elseif (!$write) {
        reinscription_wizard_import_notice(
            'info',
            __('Dry run: nothing has been written. This is what the import would do:', 'reinscription-wizard')
        );
    }
    $c = $plan['counts'];
    $rows = [
        __('Families', 'reinscription-wizard') => $c['families'],
        __('Students', 'reinscription-wizard') => $c['students'],
        __('Courses', 'reinscription-wizard')  => $c['courses'],
    ];
    echo '<table class="widefat striped reinscription-wizard-counts" style="max-width:48em"><thead><tr><th scope="col"></th><th scope="col">'
        . esc_html($written ? __('Created', 'reinscription-wizard') : __('To create', 'reinscription-wizard')) . '</th><th scope="col">'
        . esc_html($written ? __('Updated', 'reinscription-wizard') : __('To update', 'reinscription-wizard')) . '</th><th scope="col">'
        . esc_html__('Unchanged', 'reinscription-wizard') . '</th></tr></thead><tbody>';
    foreach ($rows as $title => $n) {
        printf(
            '<tr><th scope="row">%1$s</th><td>%2$d</td><td>%3$d</td><td>%4$d</td></tr>',
            esc_html($title),
            (int) $n['create'],
            (int) $n['update'],
            (int) $n['unchanged']
        );
    }
    echo '</tbody></table>';
    $notes = [
        [
            'info',
            $c['students']['kept'],
            /* translators: %d: number of students. */
            _n(
                '%d student of these families is not in the file: kept as is.',
                '%d students of these families are not in the file: kept as is.',
                $c['students']['kept'],
                'reinscription-wizard'
            ),
        ],
        [
            'warning',
            $c['courses']['remove'],
            /* translators: %d: number of courses. */
            _n(
                '%d course of these students is not in the file any more: it will no longer be shown.',
                '%d courses of these students are not in the file any more: they will no longer be shown.',
                $c['courses']['remove'],
                'reinscription-wizard'
            ),
        ],
    ];
    foreach ($notes as list($kind, $n, $message)) {
        if ($n > 0) {
            reinscription_wizard_import_notice($kind, sprintf($message, $n));
        }
    }
    reinscription_wizard_import_error_list($errors);
    if ($written) {
        echo '<p>' . esc_html__(
            'Tell the families to log in the first time through « Mot de passe perdu » with their identifier and their account e-mail.',
            'reinscription-wizard'
        ) . '</p>';
        printf(
            '<p><a class="button" href="%1$s">%2$s</a></p>',
            esc_url(admin_url('tools.php?page=' . REINSCRIPTION_WIZARD_IMPORT_PAGE)),
            esc_html__('Import another file', 'reinscription-wizard')
        );
        return;
    }
    reinscription_wizard_import_form_open();
    echo '<p>';
    if (!$errors) {
        echo esc_html__('The import writes everything in one go, or nothing if the database refuses a row.', 'reinscription-wizard') . '</p><p>';
        reinscription_wizard_import_button('import', __('Import', 'reinscription-wizard'));
    }
    reinscription_wizard_import_button('mapping', __('Back to the column mapping', 'reinscription-wizard'), false);
    reinscription_wizard_import_button('restart', __('Choose another file', 'reinscription-wizard'), false);
    echo '</p></form>';
}

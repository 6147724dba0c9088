<?php

// Written by hand (no build step): the editor script's dependencies; the version is stamped by build-wordpress.mjs.
return [
    'dependencies' => [ 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ],
    'version'      => '0.1.0',
];

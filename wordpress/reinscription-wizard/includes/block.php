<?php
/**
 * The « Réinscriptions au conservatoire » block: block.json, a server-side render reusing the shortcode, and a
 * small editor script written without a build step.
 *
 * @package ReinscriptionWizard
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Registers the block from block/block.json. */
function reinscription_wizard_register_block() {
	if ( function_exists( 'register_block_type' ) ) {
		register_block_type( dirname( REINSCRIPTION_WIZARD_FILE ) . '/block' );
	}
}

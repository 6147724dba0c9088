/**
 * The block in the editor: a placeholder (the form itself only runs on the published page) and its settings in the
 * sidebar. Plain ES5 with wp.* globals, so the plugin needs no build step; strings through wp.i18n, translated by
 * languages/reinscription-wizard-{locale}-{md5 of "block/editor.js"}.json.
 */
( function ( blocks, element, blockEditor, components, i18n ) {
	'use strict';
	var el = element.createElement;
	var __ = i18n.__;

	function field( props, name, options ) {
		return el(
			components.TextControl,
			Object.assign( {}, options, {
				value: props.attributes[ name ],
				onChange: function ( v ) {
					var change = {};
					change[ name ] = v;
					props.setAttributes( change );
				},
			} )
		);
	}

	blocks.registerBlockType( 'reinscription-wizard/form', {
		edit: function ( props ) {
			return el(
				'div',
				blockEditor.useBlockProps(),
				el(
					blockEditor.InspectorControls,
					null,
					el(
						components.PanelBody,
						{ title: __( 'Form settings', 'reinscription-wizard' ) },
						field( props, 'apiUrl', {
							label: __( 'API address', 'reinscription-wizard' ),
							help: __( 'Empty: the address of Settings → Re-registration.', 'reinscription-wizard' ),
							type: 'url',
						} ),
						field( props, 'contactEmail', {
							label: __( 'Contact e-mail', 'reinscription-wizard' ),
							help: __( 'Empty: the e-mail of Settings → Re-registration.', 'reinscription-wizard' ),
							type: 'email',
						} ),
						field( props, 'deadline', {
							label: __( 'Deadline (optional)', 'reinscription-wizard' ),
							help: __( 'Empty: the deadline of Settings → Re-registration. Shown only to visitors without JavaScript.', 'reinscription-wizard' ),
						} )
					)
				),
				el( components.Placeholder, {
					icon: 'welcome-learn-more',
					label: __( 'Conservatory re-registration', 'reinscription-wizard' ),
					instructions: __( 'The re-registration form will show here on the published page.', 'reinscription-wizard' ),
				} )
			);
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n );

/**
 * The block in the editor: a placeholder (the form itself only runs on the published page) and two settings in the
 * sidebar. Plain ES5 with wp.* globals, so the plugin needs no build step.
 */
( function ( blocks, element, blockEditor, components ) {
	'use strict';
	var el = element.createElement;

	blocks.registerBlockType( 'reinscription-wizard/form', {
		edit: function ( props ) {
			var a = props.attributes;
			return el(
				'div',
				blockEditor.useBlockProps(),
				el(
					blockEditor.InspectorControls,
					null,
					el(
						components.PanelBody,
						{ title: 'Réglages du formulaire' },
						el( components.TextControl, {
							label: 'Adresse de l’API',
							help: 'Vide : celle de Réglages → Réinscriptions.',
							type: 'url',
							value: a.apiUrl,
							onChange: function ( v ) {
								props.setAttributes( { apiUrl: v } );
							},
						} ),
						el( components.TextControl, {
							label: 'E-mail de contact',
							help: 'Vide : celui de Réglages → Réinscriptions.',
							type: 'email',
							value: a.contactEmail,
							onChange: function ( v ) {
								props.setAttributes( { contactEmail: v } );
							},
						} )
					)
				),
				el( components.Placeholder, {
					icon: 'welcome-learn-more',
					label: 'Réinscriptions au conservatoire',
					instructions: 'Le formulaire de réinscription s’affichera ici sur la page publiée.',
				} )
			);
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components );

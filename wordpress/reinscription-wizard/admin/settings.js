/**
 * Settings → Re-registration: « Test the connection » (of the API address, or of this site's own REST address when
 * « This WordPress site » is the chosen server). Strings through wp.i18n, translated by
 * languages/reinscription-wizard-{locale}-{md5 of "admin/settings.js"}.json.
 *
 * The browser calls {url}/campaign exactly as the widget will (cross-origin, mode cors). When that fails, fetch only
 * says « TypeError » for both an unreachable address and a CORS refusal, so the WordPress server is asked to fetch
 * the same URL (admin-ajax, nonce + manage_options) to tell them apart. Configuration comes from the button's
 * data- attributes, not from an inline script of ours (the translations come through WordPress's own
 * wp_set_script_translations).
 */
(function ( i18n ) {
	'use strict';
	var __ = i18n.__;
	var sprintf = i18n.sprintf;

	var button = document.getElementById( 'reinscription-wizard-test' );
	var input = document.getElementById( 'reinscription_wizard_api_url' );
	var output = document.getElementById( 'reinscription-wizard-test-result' );
	if ( ! button || ! input || ! output ) {
		return;
	}

	function say( kind, text ) {
		var p = document.createElement( 'p' );
		p.textContent = text;
		output.className = 'notice inline notice-' + kind;
		output.replaceChildren( p );
	}

	function withTimeout( ms ) {
		if ( typeof AbortSignal !== 'undefined' && AbortSignal.timeout ) {
			return AbortSignal.timeout( ms );
		}
		return undefined;
	}

	function askServer( url ) {
		var body = new URLSearchParams();
		body.set( 'action', 'reinscription_wizard_test' );
		body.set( 'nonce', button.dataset.nonce || '' );
		body.set( 'url', url );
		return fetch( button.dataset.ajaxUrl, { method: 'POST', credentials: 'same-origin', body: body } ).then(
			function ( res ) {
				return res.json().catch( function () {
					return { success: false, data: { message: 'HTTP ' + res.status } };
				} );
			}
		);
	}

	function origins() {
		var site = button.dataset.siteOrigin || window.location.origin;
		if ( site === window.location.origin ) {
			return site;
		}
		/* translators: 1: the public site's origin, 2: the admin's origin (when they differ). */
		return sprintf( __( '%1$s and %2$s', 'reinscription-wizard' ), site, window.location.origin );
	}

	/** « …/campaign answers HTTP 404. Is this really the API address? », with or without « no campaign ». */
	function unexpectedStatus( url, status, noCampaign ) {
		return noCampaign
			? /* translators: 1: the API address typed in, 2: an HTTP status code. */
				sprintf( __( 'Unexpected answer: %1$s/campaign answers HTTP %2$s without a re-registration campaign. Is this really the API address?', 'reinscription-wizard' ), url, status )
			: /* translators: 1: the API address typed in, 2: an HTTP status code. */
				sprintf( __( 'Unexpected answer: %1$s/campaign answers HTTP %2$s. Is this really the API address?', 'reinscription-wizard' ), url, status );
	}

	function explainFailure( url ) {
		return askServer( url ).then( function ( answer ) {
			if ( ! answer || ! answer.success ) {
				say( 'error', ( answer && answer.data && answer.data.message ) || __( 'The test failed: reload the page and try again.', 'reinscription-wizard' ) );
				return;
			}
			var r = answer.data;
			if ( ! r.reachable ) {
				/* translators: %s: the error of the WordPress HTTP API, e.g. « cURL error 7: Failed to connect… ». */
				say( 'error', sprintf( __( 'Address unreachable from the WordPress server: %s', 'reinscription-wizard' ), r.error ) );
				return;
			}
			if ( r.status < 200 || r.status > 299 || ! r.schoolYear ) {
				say( 'error', unexpectedStatus( url, r.status, ! r.schoolYear ) );
				return;
			}
			if ( r.allowOrigin !== '*' && r.allowOrigin !== r.origin ) {
				/* translators: %s: this site's origin, e.g. https://www.limonest.fr. */
				say( 'error', sprintf( __( 'The server answers but refuses calls from this site (CORS): add %s to its list of allowed origins.', 'reinscription-wizard' ), origins() ) );
				return;
			}
			say( 'error', __( 'The WordPress server reaches this address and it allows this site, but your browser could not call it: check its HTTPS certificate, or a firewall between visitors and the API.', 'reinscription-wizard' ) );
		} );
	}

	/** With « This WordPress site » chosen, the test calls this site's own REST address instead of the field's. */
	function chosenUrl() {
		var site = document.querySelector( 'input[name="reinscription_wizard_backend"][value="site"]' );
		if ( site && site.checked && button.dataset.siteApiUrl ) {
			return button.dataset.siteApiUrl;
		}
		return input.value.trim().replace( /\/+$/, '' );
	}

	button.addEventListener( 'click', function () {
		var url = chosenUrl();
		if ( ! /^https?:\/\/[^/\s]+/i.test( url ) ) {
			say( 'error', __( 'The API address must start with https://, for example https://reinscriptions.limonest.fr/api/v1.', 'reinscription-wizard' ) );
			return;
		}
		if ( window.location.protocol === 'https:' && /^http:/i.test( url ) ) {
			say( 'error', __( 'This site uses https: the browser will refuse to call an http:// address. Use the https:// address of the API.', 'reinscription-wizard' ) );
			return;
		}
		button.disabled = true;
		say( 'info', __( 'Testing…', 'reinscription-wizard' ) );
		fetch( url + '/campaign', { mode: 'cors', credentials: 'omit', headers: { Accept: 'application/json' }, signal: withTimeout( 10000 ) } )
			.then(
				function ( res ) {
					if ( ! res.ok ) {
						say( 'error', unexpectedStatus( url, res.status, false ) );
						return;
					}
					return res.json().then(
						function ( data ) {
							if ( data && typeof data.schoolYear === 'string' ) {
								/* translators: %s: the school year of the campaign, e.g. 2027-2028. */
								say( 'success', sprintf( __( 'Connection successful: campaign %s', 'reinscription-wizard' ), data.schoolYear ) );
							} else {
								say( 'error', __( 'Unexpected answer: the answer does not describe a re-registration campaign. Is this really the API address?', 'reinscription-wizard' ) );
							}
						},
						function () {
							/* translators: %s: the API address typed in. */
							say( 'error', sprintf( __( 'Unexpected answer: %s/campaign does not return JSON. Is this really the API address?', 'reinscription-wizard' ), url ) );
						}
					);
				},
				function () {
					// TypeError (unreachable or CORS) or timeout: the server tells which.
					return explainFailure( url );
				}
			)
			.catch( function ( e ) {
				/* translators: %s: a JavaScript error message. */
				say( 'error', sprintf( __( 'The test failed: %s', 'reinscription-wizard' ), e && e.message ? e.message : String( e ) ) );
			} )
			.then( function () {
				button.disabled = false;
			} );
	} );
})( window.wp.i18n );

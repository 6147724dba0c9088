/**
 * Réglages → Réinscriptions: « Tester la connexion ».
 *
 * The browser calls {url}/campaign exactly as the widget will (cross-origin, mode cors). When that fails, fetch only
 * says « TypeError » for both an unreachable address and a CORS refusal, so the WordPress server is asked to fetch
 * the same URL (admin-ajax, nonce + manage_options) to tell them apart. Configuration comes from the button's
 * data- attributes: no inline script.
 */
(function () {
	'use strict';

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
		var list = [ button.dataset.siteOrigin || window.location.origin ];
		if ( list.indexOf( window.location.origin ) < 0 ) {
			list.push( window.location.origin );
		}
		return list.join( ' et ' );
	}

	function explainFailure( url ) {
		return askServer( url ).then( function ( answer ) {
			if ( ! answer || ! answer.success ) {
				say( 'error', ( answer && answer.data && answer.data.message ) || 'Le test a échoué : rechargez la page et réessayez.' );
				return;
			}
			var r = answer.data;
			if ( ! r.reachable ) {
				say( 'error', 'Adresse injoignable depuis le serveur WordPress : ' + r.error );
				return;
			}
			if ( r.status < 200 || r.status > 299 || ! r.schoolYear ) {
				say( 'error', 'Réponse inattendue : ' + url + '/campaign répond HTTP ' + r.status + ( r.schoolYear ? '' : ' sans campagne de réinscription' ) + '. Est-ce bien l’adresse de l’API ?' );
				return;
			}
			if ( r.allowOrigin !== '*' && r.allowOrigin !== r.origin ) {
				say( 'error', 'Le serveur répond mais refuse les appels depuis ce site (CORS) : ajoutez ' + origins() + ' à sa liste d’origines autorisées.' );
				return;
			}
			say( 'error', 'Le serveur WordPress joint cette adresse et elle autorise ce site, mais votre navigateur n’a pas pu l’appeler : vérifiez son certificat HTTPS, ou un pare-feu entre les visiteurs et l’API.' );
		} );
	}

	button.addEventListener( 'click', function () {
		var url = input.value.trim().replace( /\/+$/, '' );
		if ( ! /^https?:\/\/[^/\s]+/i.test( url ) ) {
			say( 'error', 'L’adresse de l’API doit commencer par https://, par exemple https://reinscriptions.limonest.fr/api/v1.' );
			return;
		}
		if ( window.location.protocol === 'https:' && /^http:/i.test( url ) ) {
			say( 'error', 'Ce site est en https : le navigateur refusera d’appeler une adresse en http://. Utilisez l’adresse en https:// de l’API.' );
			return;
		}
		button.disabled = true;
		say( 'info', 'Test en cours…' );
		fetch( url + '/campaign', { mode: 'cors', credentials: 'omit', headers: { Accept: 'application/json' }, signal: withTimeout( 10000 ) } )
			.then(
				function ( res ) {
					if ( ! res.ok ) {
						say( 'error', 'Réponse inattendue : ' + url + '/campaign répond HTTP ' + res.status + '. Est-ce bien l’adresse de l’API ?' );
						return;
					}
					return res.json().then(
						function ( data ) {
							if ( data && typeof data.schoolYear === 'string' ) {
								say( 'success', 'Connexion réussie : campagne ' + data.schoolYear );
							} else {
								say( 'error', 'Réponse inattendue : la réponse ne décrit pas une campagne de réinscription. Est-ce bien l’adresse de l’API ?' );
							}
						},
						function () {
							say( 'error', 'Réponse inattendue : ' + url + '/campaign ne renvoie pas du JSON. Est-ce bien l’adresse de l’API ?' );
						}
					);
				},
				function () {
					// TypeError (unreachable or CORS) or timeout: the server tells which.
					return explainFailure( url );
				}
			)
			.catch( function ( e ) {
				say( 'error', 'Le test a échoué : ' + ( e && e.message ? e.message : String( e ) ) );
			} )
			.then( function () {
				button.disabled = false;
			} );
	} );
})();

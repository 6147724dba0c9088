import { routes, type RouteName } from '../api/routes.js';

/**
 * Fault scenarios of the mock backend, switchable at run time (tests, the demo's panel, the Node
 * mock server's `/__mock/scenario`). Each one imitates a failure the widget must explain in French.
 */
export const SCENARIO_NAMES = [
  'none',
  'network-error',
  'slow',
  'server-error',
  'session-expired',
  'validation-error',
  'rate-limited',
  'lost-response',
  'mail-error',
  'forbidden',
  'not-found',
  'conflict',
  'too-large',
  'unavailable',
  'malformed-json',
  'contract-break',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** For a demo panel. */
export const SCENARIO_DESCRIPTIONS: Record<ScenarioName, string> = {
  none: 'Fonctionnement normal',
  'network-error': 'Serveur injoignable (erreur réseau)',
  slow: 'Serveur lent (3 secondes par réponse)',
  'server-error': 'Erreur du serveur (500)',
  'session-expired': 'Session expirée (401 sur les appels authentifiés)',
  'validation-error': 'Données refusées par le serveur (422 sur les envois)',
  'rate-limited': 'Trop de tentatives (429, réessayer dans 30 s)',
  'lost-response': 'Réponse perdue : le serveur enregistre puis la connexion coupe',
  'mail-error': "Serveur de courriel en panne : la réinscription est enregistrée, le récapitulatif n'est pas envoyé",
  forbidden: 'Action interdite pour ce compte (403)',
  'not-found': 'Information introuvable sur le serveur (404)',
  conflict: 'Dossier modifié entre-temps (409 sur les envois)',
  'too-large': 'Requête trop volumineuse pour le serveur (413 sur les envois)',
  unavailable: 'Serveur indisponible pour maintenance (503, réessayer dans 30 s)',
  'malformed-json': "Réponse illisible : le serveur annonce du JSON mais n'en envoie pas",
  'contract-break': 'Réponse inattendue : du JSON qui ne suit pas le contrat de la route',
};

export const RETRY_AFTER_SECONDS = 30;
export const SLOW_DELAY_MS = 3000;

export interface ScenarioOptions {
  /** Only these routes fail; the others behave normally. */
  routes?: RouteName[];
  /** Fail this many matching calls, then go back to 'none'. */
  times?: number;
  /** For 'slow'. */
  delayMs?: number;
  /** For 'validation-error': the paths and message ids to refuse, instead of the route's own field. */
  fieldErrors?: Record<string, string[]>;
}

export const isScenarioName = (name: unknown): name is ScenarioName => typeof name === 'string' && (SCENARIO_NAMES as readonly string[]).includes(name);

/**
 * Whether a scenario makes sense for a route: a session cannot expire on a public route; only
 * routes with a request body can be refused for it (422) or find it too large (413); only routes
 * that write can lose their answer after committing; only writes to the family's file (not the
 * session's own routes) can conflict with another change (409); only
 * routes whose success has a body can get one that is not JSON or breaks the contract (the client
 * reads no body on a 204); and the mail server matters to the submission (its receipt e-mail).
 * The fault table (scripts/fault-table.mjs) reads this to mark the other cells « — ».
 */
export function scenarioApplies(name: ScenarioName, route: RouteName): boolean {
  const r = routes[route];
  switch (name) {
    case 'none':
      return false;
    case 'session-expired':
      return r.auth;
    case 'validation-error':
    case 'too-large':
      return 'request' in r;
    case 'lost-response':
      return r.method !== 'GET';
    case 'conflict':
      return r.auth && r.method !== 'GET' && !r.path.startsWith('/session');
    case 'malformed-json':
    case 'contract-break':
      return 'response' in r;
    case 'mail-error':
      return route === 'submit';
    default:
      return true;
  }
}

export class Scenarios extends EventTarget {
  #name: ScenarioName = 'none';
  #options: ScenarioOptions = {};

  get name(): ScenarioName {
    return this.#name;
  }

  get options(): Readonly<ScenarioOptions> {
    return this.#options;
  }

  set(name: ScenarioName, options: ScenarioOptions = {}): void {
    if (!isScenarioName(name)) throw new Error(`Unknown scenario ${String(name)}`);
    for (const route of options.routes ?? []) if (!(route in routes)) throw new Error(`Unknown route ${route}`);
    this.#name = name;
    this.#options = { ...options, routes: options.routes ? [...options.routes] : undefined };
    this.dispatchEvent(new Event('change'));
  }

  reset(): void {
    this.set('none');
  }

  /**
   * The fault to apply to this call, counting it against `times`; null when the call should
   * behave normally.
   */
  take(route: RouteName): Fault | null {
    const name = this.#name;
    if (name === 'none' || !scenarioApplies(name, route)) return null;
    if (this.#options.routes && !this.#options.routes.includes(route)) return null;
    const fault: Fault = { name, delayMs: this.#options.delayMs ?? SLOW_DELAY_MS, fieldErrors: this.#options.fieldErrors };
    if (this.#options.times !== undefined) {
      this.#options.times -= 1;
      if (this.#options.times <= 0) this.reset();
    }
    return fault;
  }
}

export interface Fault {
  name: Exclude<ScenarioName, 'none'>;
  delayMs: number;
  fieldErrors?: Record<string, string[]> | undefined;
}

export const createScenarios = (): Scenarios => new Scenarios();

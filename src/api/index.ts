/** The backend contract for integrators: schemas, routes, the typed client and its errors. */
export * from './contract.js';
export * from './blocks.js';
export { routes, fillPath, type Route, type RouteName } from './routes.js';
export { ApiClient, clientFor, type ClientOptions } from './client.js';
export { ApiError, isApiError, type ApiErrorKind } from './errors.js';

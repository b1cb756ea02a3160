import type { AppContext } from './app-context.js';
import type { Services } from './services.js';

/** What handlers receive: the app's parts and the service objects of the open database. */
export interface ServiceContext extends AppContext {
  services: Services;
}

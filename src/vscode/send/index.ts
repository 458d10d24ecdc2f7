/**
 * The test-send commands — Send Test Request…, Fetch Lead Describe from Org, Manage Connected
 * Content Credentials… — in a bundle of their own in the Node build (dist/extension-send.js),
 * loaded the first time one runs, so they cost the extension proper nothing (ADR 006). The web
 * build never loads it: in VS Code for the Web the request would come from the browser and hit
 * CORS, so the commands are hidden there and say so if run (ADR 017).
 */
export { fetchDescribe } from './fetch-describe';
export { manageCredentials } from './manage-credentials';
export { sendTestRequest } from './send-test-request';
export type { SendDialogs, SendServices } from './send-services';

export type SendFeature = typeof import('./index');

/** The lightning module's pages, loaded as one chunk when the first is opened. */
export { DevicesPage } from './DevicesPage';
export { TestsPage } from './TestsPage';
export { CampaignPage } from './CampaignPage';
export { RectificationsPage } from './RectificationsPage';
export { TripsPage } from './TripsPage';

/** The trimming planner's pages, loaded as one chunk when the first is opened. */
export { BoardPage } from './BoardPage';
export { OutagesPage } from './OutagesPage';
export { TeamsCalendarPage } from './TeamsCalendarPage';

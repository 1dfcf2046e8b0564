/** The monitoring module's public surface for other modules (service desk, reports). */

export { describeRule, type MonthlyFigures, monitoredOrgs, monthlyFigures } from './monitoring.figures.ts';
export {
  canMove,
  getIncident,
  type IncidentDto,
  type IncidentStatus,
  incidentStatuses,
  listIncidentSteps,
  moveIncident,
  nextStatuses,
} from './monitoring.incidents.ts';

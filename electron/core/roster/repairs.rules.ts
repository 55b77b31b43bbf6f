/** A repair call judged against its area's promise (DOMAIN.md §6.1); times are local 'YYYY-MM-DDTHH:MM'. */
export interface RepairJudgement {
  arrivalMinutes: number | null;
  restoreMinutes: number | null;
  arrivalBreach: boolean;
  restoreBreach: boolean;
}

export const minutesBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}:00Z`) - Date.parse(`${from}:00Z`)) / 60_000);

/**
 * Arrival counts from the call to the crew on site, restoration from the call to power back. A
 * promise is broken only when the time is over it: 30 minutes exactly keeps a 30-minute promise.
 * A call still open is not judged yet.
 */
export function judgeRepair(
  call: { receivedAt: string; arrivedAt: string | null; restoredAt: string | null },
  promise: { arrivalMinutes: number; restoreMinutes: number | null },
): RepairJudgement {
  const arrivalMinutes = call.arrivedAt ? minutesBetween(call.receivedAt, call.arrivedAt) : null;
  const restoreMinutes = call.restoredAt ? minutesBetween(call.receivedAt, call.restoredAt) : null;
  return {
    arrivalMinutes,
    restoreMinutes,
    arrivalBreach: arrivalMinutes !== null && arrivalMinutes > promise.arrivalMinutes,
    restoreBreach:
      restoreMinutes !== null && promise.restoreMinutes !== null && restoreMinutes > promise.restoreMinutes,
  };
}

export const average = (values: number[]) =>
  values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;

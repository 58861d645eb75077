// Goals through the patient's own routes, or a clinician's for one patient: the same shapes.
import { api } from '../api/client';
import type { Goal, GoalList, GoalStatus } from './types';

export interface GoalsApi {
  list(): Promise<GoalList>;
  add(text: string, target_on: string | null): Promise<Goal>;
  setStatus(goalId: string, status: GoalStatus): Promise<Goal>;
}

export function goalsApi(patientId?: string): GoalsApi {
  if (!patientId) {
    return {
      list: () => api.get('/me/goals'),
      add: (text, target_on) => api.post('/me/goals', { body: { text, target_on } }),
      setStatus: (goal_id, status) => api.patch('/me/goals/{goal_id}', { path: { goal_id }, body: { status } }),
    };
  }
  const patient_id = patientId;
  return {
    list: () => api.get('/clinician/patients/{patient_id}/goals', { path: { patient_id } }),
    add: (text, target_on) => api.post('/clinician/patients/{patient_id}/goals', { path: { patient_id }, body: { text, target_on } }),
    setStatus: (goal_id, status) => api.patch('/clinician/patients/{patient_id}/goals/{goal_id}', { path: { patient_id, goal_id }, body: { status } }),
  };
}

// Shapes from the HTTP contract (shared/docs/api.md). Framework-free; also used by the service worker.

export type Role = 'patient' | 'clinician' | 'coach';
export type Decision = 'progress' | 'hold' | 'back_off';
export type Referral = null | 'routine' | 'soon' | 'urgent' | 'emergency';
export type Component = 'tendon' | 'running' | 'neural' | 'sitting';
export type Severity = 'info' | 'caution' | 'warning' | 'critical';
export type Readiness = 'ready' | 'modified' | 'not_ready' | 'unknown';

export const RED_FLAGS = [
  'saddle_numbness',
  'bladder_bowel_change',
  'both_legs',
  'new_weakness',
  'pop_with_bruising',
  'fever_unwell',
  'night_rest_pain',
] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

export type GlideType = 'slider' | 'tensioner';
export type Paresthesia = 'none' | 'settled' | 'lasting';
export type SymptomExtent = 'none' | 'buttock' | 'thigh' | 'below_knee' | 'foot';

/** Exactly the log fields of api.md (the server rejects unknown fields with 422). */
export interface LogBody {
  morning_pain: number | null;
  sitting_pain: number | null;
  loading_pain: number | null;
  sprint_pain: number | null;
  glide_pain: number | null;
  sitting_tolerance_min: number | null;
  loading_stage: number | null;
  sprint_speed_pct: number | null;
  glide_type: GlideType | null;
  paresthesia: Paresthesia | null;
  symptom_extent: SymptomExtent | null;
  red_flags: RedFlag[];
  sleep: number | null;
  fatigue: number | null;
  stress: number | null;
  soreness: number | null;
  session_rpe: number | null;
  session_min: number | null;
  notes: string | null;
}

export const LOG_FIELDS: readonly (keyof LogBody)[] = [
  'morning_pain',
  'sitting_pain',
  'loading_pain',
  'sprint_pain',
  'glide_pain',
  'sitting_tolerance_min',
  'loading_stage',
  'sprint_speed_pct',
  'glide_type',
  'paresthesia',
  'symptom_extent',
  'red_flags',
  'sleep',
  'fatigue',
  'stress',
  'soreness',
  'session_rpe',
  'session_min',
  'notes',
];

/** A stored log as the server returns it (extra server fields allowed). */
export type LogRecord = Partial<LogBody> & {
  log_date: string;
  decision?: Decision | null | { decision?: Decision };
  guidance?: Guidance | null;
  [extra: string]: unknown;
};

export interface Reason {
  rule: string;
  component: Component | 'all';
  severity: Severity;
  message: string;
}

export interface Guidance {
  date: string;
  decision: Decision;
  referral: Referral;
  components: Partial<Record<Component, { decision: Decision; rules: string[] }>>;
  reasons: Reason[];
  phase: number | null;
  phase_ready: boolean;
  ruleset: string;
}

export interface LogWithGuidance {
  log: LogRecord;
  guidance: Guidance | null;
}

export interface Me {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  phase?: number | null;
  phase_started_on?: string | null;
  thresholds?: Record<string, number> | null;
  timezone?: string | null;
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldProblem[];
}

export interface Share {
  id: string;
  kind: 'code' | 'link';
  scope: 'clinician' | 'coach';
  status: string;
  holder_name: string | null;
  created_at: string;
  expires_at: string | null;
  redeemed_at: string | null;
  code?: string;
}

export interface NewShare {
  id: string;
  code: string;
  scope: 'clinician' | 'coach';
  expires_at: string;
}

export interface AccessEntry {
  at: string;
  actor_name: string;
  actor_role: string;
  action: string;
}

export interface PatientRow {
  patient_id: string;
  display_name: string;
  phase: number | null;
  last_log_date: string | null;
  days_since_log: number | null;
  decision: Decision | null;
  referral: Referral;
  flags: string[];
  morning_pain_7d: (number | null)[];
  trend: 'improving' | 'stable' | 'worsening' | null;
  adherence_14d: number | null;
  updated_at: string;
}

export interface AthleteRow {
  athlete_id: string;
  display_name: string;
  readiness: Readiness;
  restrictions: string[];
  as_of: string | null;
}

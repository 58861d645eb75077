// Names for the contract's shapes (shared/docs/api.md), all taken from the generated schema: a
// renamed or removed field is a tsc error wherever the front end uses it. Framework-free; also
// used by the service worker.
import type { components } from './schema';

type Schemas = components['schemas'];

export type Role = Schemas['UserOut']['role'];
export type Guidance = Schemas['GuidanceOut'];
export type Decision = Guidance['decision'];
export type Referral = Guidance['referral'];
export type Component = keyof Schemas['ComponentsOut'];
export type Reason = Schemas['ReasonOut'];
export type Severity = Reason['severity'];
export type Readiness = Schemas['AthleteReadiness']['readiness'];
export type LogWithGuidance = Schemas['LogWithGuidance'];
export type TokenResponse = Schemas['TokenOut'];
export type FieldProblem = Schemas['FieldError'];
/** Problem details as read from any error answer: each member may be missing (a proxy's 502 page). */
export type Problem = Partial<Omit<Schemas['Problem'], 'errors'>> & { errors?: FieldProblem[] };
export type Share = Schemas['ShareOut'];
export type NewShare = Schemas['ShareCodeOut'];
export type AccessEntry = Schemas['AccessEntryOut'];
export type PatientRow = Schemas['DashboardRow'];
export type PatientRecord = Schemas['PatientRecord'];
export type Thresholds = Schemas['ThresholdsOut'];
export type AthleteRow = Schemas['AthleteReadiness'];
export type ReferralItem = Schemas['ReferralItemOut'];
/** A red-flag episode still open on a date (guardrails.md "Red-flag episodes"). */
export type Episode = Schemas['EpisodeOut'];
export type EpisodeLevel = Episode['level'];
/** A clinician's recorded check of a patient's red flags. */
export type Clearance = Schemas['ClearanceOut'];

/**
 * Exactly the log fields of the contract, every one present (`null` = not logged): the form
 * always sends the whole day, and the server rejects unknown fields with 422.
 */
export type LogBody = Required<Schemas['LogIn']>;
export type RedFlag = LogBody['red_flags'][number];

/** The red flags in the order the form lists them. */
export const RED_FLAGS = [
  'saddle_numbness',
  'bladder_bowel_change',
  'both_legs',
  'sexual_dysfunction',
  'new_weakness',
  'pop_with_bruising',
  'fever_unwell',
  'night_rest_pain',
] as const satisfies readonly RedFlag[];

export const LOG_FIELDS = [
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
  'red_flags_reviewed',
  'sleep',
  'fatigue',
  'stress',
  'soreness',
  'session_rpe',
  'session_min',
  'notes',
  'performed',
] as const satisfies readonly (keyof LogBody)[];

// Both lists name every value of the contract: a flag or a field added to the API fails here.
type NoneMissing<All, Listed extends All> = [Exclude<All, Listed>] extends [never] ? true : false;
type Assert<T extends true> = T;
export type EveryRedFlagListed = Assert<NoneMissing<RedFlag, (typeof RED_FLAGS)[number]>>;
export type EveryLogFieldListed = Assert<NoneMissing<keyof LogBody, (typeof LOG_FIELDS)[number]>>;

/** A day as this phone caches it: a listed or saved log, with its guidance when known. */
export type LogRecord = Partial<Omit<Schemas['LogListItem'], 'log_date'>> & {
  log_date: string;
  guidance?: Guidance | null;
};

type UserOut = Schemas['UserOut'];
type PatientPlan = Omit<Schemas['PatientMeOut'], keyof UserOut>;
/**
 * The signed-in user (GET /me answers a `UserOut`, or a `PatientMeOut` with the plan). Started
 * offline from the stored tokens alone, the profile has no time zone yet.
 */
export type Me = Omit<UserOut, 'timezone'> & Partial<Pick<UserOut, 'timezone'>> & Partial<PatientPlan>;

// The programme (issue 13): the plan as the patient's Today page shows it and logs against it.
/** A guidance as the log answers give it: each component with its plan (`current`, `next`, `change`, `step`). */
export type PlannedGuidance = Schemas['PlannedGuidanceOut'];
export type PlannedComponent = Schemas['PlannedComponentOut'];
export type PlanStep = PlannedComponent['step'];
export type Prescription = Schemas['PrescriptionOut'];
export type ExerciseDose = Schemas['ExerciseDoseOut'];
export type Plan = Schemas['app__programme__schemas__PlanOut'];
export type Performed = NonNullable<LogBody['performed']>;
export type DoseIn = Schemas['DoseIn'];
export type Band = NonNullable<Prescription['band']>;

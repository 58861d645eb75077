// Names for the outcome shapes (issue 15), all from the generated schema.
import type { components } from '../api/schema';

type S = components['schemas'];

export type CheckIns = S['CheckInsOut'];
export type CheckIn = S['CheckInOut'];
export type GlobalChange = CheckIn['global_change'];
export type MeasureTrend = S['MeasureTrend'];
export type ActivityTrend = S['ActivityTrend'];
export type Direction = Exclude<MeasureTrend['direction'], null>;
export type Goal = S['GoalOut'];
export type GoalStatus = Goal['status'];
export type GoalList = S['GoalList'];
export type TestOut = S['TestOut'];
export type TestIn = S['TestIn'];
export type TestKind = S['TestKindOut'];
export type Phase = S['PhasePage'];
export type Criterion = S['CriterionOut'];
export type Card = S['CardOut'];
export type Note = S['NoteOut'];
export type SharedNote = S['SharedNoteOut'];
export type Review = S['ReturnToSportReview'];
export type Summary = S['VisitSummary'];
export type CheckInBrief = S['CheckInBrief'];

// What the guidance card says, worked out from the server's guidance (no DOM, no Preact):
// - each component's row: its decision, or "Ready, waiting" when it was ready to step up but
//   PR-0 (one change at a time) or GA-1 (something else needs care) held it, with that reason;
//   MD-1 (missing data) also gives its reason in the row;
// - the headline names the component(s) that set the overall decision, with their reason, so a
//   hold never reads "ease off" and a back-off never reads "keep";
// - RF-5 (warning signs from an earlier day not yet checked) is lifted to the top;
// - "Why" keeps every other reason, each once, in the server's order.
import type { Component, Decision, Guidance, Reason, Severity } from '../api/types';
import { COMPONENT_ADVICE, COMPONENT_LABEL, COMPONENTS, DECISION_SUMMARY } from '../words';

/** Rules that hold a component that was ready to step up. */
const WAITING_RULES: ReadonlySet<string> = new Set(['PR-0', 'GA-1']);
/** Rules whose reason is about one component's hold: shown in that component's row. */
const ROW_RULES: ReadonlySet<string> = new Set(['PR-0', 'GA-1', 'MD-1']);
/** What the guidance applies to: today's session (only the morning check so far), the next session (today's is logged), or a past day. */
export type GuidanceFor = 'today' | 'next' | 'day';

/** The headline when today's session is already logged: said of the next session, never "today". */
const NEXT_SUMMARY: Record<Decision, string> = {
  progress: 'You can add one small step in your next session — one thing at a time.',
  hold: 'Keep the same load in your next session. Don’t add anything yet.',
  back_off: 'Ease off in your next session: reduce the load.',
};

const SEVERITY_RANK: Record<Severity, number> = { info: 0, caution: 1, warning: 2, critical: 3 };

export type ComponentState = Decision | 'waiting';

export interface ComponentView {
  component: Component;
  label: string;
  decision: Decision;
  /** `waiting`: ready to step up, held by PR-0 or GA-1 */
  state: ComponentState;
  advice: string;
  /** the row's own reasons (PR-0, GA-1, MD-1) */
  why: string[];
}

export interface GuidanceView {
  decision: Decision;
  /** an urgent or emergency referral: every component backs off */
  noTraining: boolean;
  /** "Set by running" (null when the reason is about the whole day, or nothing set it) */
  lead: string | null;
  summary: string;
  components: ComponentView[];
  /** the "Why" list: every reason not shown in a row or at the top */
  reasons: Reason[];
  /** RF-5: warning signs reported on an earlier day and not checked yet */
  rf5: Reason | null;
}

const lowerList = (cs: Component[]) => {
  const words = cs.map((c) => COMPONENT_LABEL[c].toLowerCase());
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
};

/** The reason behind `rule` for component `c`: its own first, else the one shared by several components. */
function reasonFor(reasons: readonly Reason[], rule: string, c: Component): Reason | undefined {
  return reasons.find((r) => r.rule === rule && r.component === c) ?? reasons.find((r) => r.rule === rule);
}

export function guidanceView(g: Guidance, applies: GuidanceFor = 'today'): GuidanceView {
  const next = applies === 'next';
  const decision: Decision = g.decision in DECISION_SUMMARY ? g.decision : 'hold';
  const noTraining = g.referral === 'urgent' || g.referral === 'emergency';
  const reasons = Array.isArray(g.reasons) ? g.reasons : [];
  const rf5 = reasons.find((r) => r.rule === 'RF-5') ?? null;
  const shown = new Set<Reason>(rf5 ? [rf5] : []);
  const present = COMPONENTS.filter((c) => g.components?.[c]);

  const components: ComponentView[] = present.map((c) => {
    const comp = g.components[c];
    const cd: Decision = comp.decision in DECISION_SUMMARY ? comp.decision : 'hold';
    const rules = comp.rules ?? [];
    const waiting = cd === 'hold' && rules.length > 0 && rules.every((r) => WAITING_RULES.has(r));
    const why: string[] = [];
    for (const rule of rules.filter((r) => ROW_RULES.has(r))) {
      const r = reasonFor(reasons, rule, c);
      if (!r) continue;
      shown.add(r);
      why.push(r.message);
    }
    let advice = COMPONENT_ADVICE[c][cd];
    // A plan with no running yet (phase 1): "keep the same speed" would contradict it.
    const planned = (comp as { current?: { band?: string | null } | null }).current; // PlannedGuidance only
    const noRunningPlanned = c === 'running' && planned != null && planned.band == null;
    if (noTraining) advice = 'Not today.';
    else if (noRunningPlanned && cd !== 'back_off') advice = 'No running in your plan for now.';
    else if (waiting) advice = next ? 'Keep your current level in your next session.' : 'Keep your current level today.';
    return { component: c, label: COMPONENT_LABEL[c], decision: cd, state: waiting ? 'waiting' : cd, advice, why };
  });

  // The headline: which component(s) set the overall decision, and the most serious reason why.
  const setters = present.filter((c) => {
    const comp = g.components[c];
    return comp.decision === decision && (comp.rules ?? []).length > 0 && !(comp.rules ?? []).every((r) => r === 'PR-0');
  });
  const strong = setters.filter((c) => g.components[c].rules.some((r) => !ROW_RULES.has(r)));
  const deciding = strong.length ? strong : setters;
  let primary: Reason | undefined;
  for (const c of deciding) {
    for (const rule of g.components[c].rules) {
      if (deciding === strong && ROW_RULES.has(rule)) continue;
      const r = reasonFor(reasons, rule, c);
      if (r && (!primary || SEVERITY_RANK[r.severity] > SEVERITY_RANK[primary.severity])) primary = r;
    }
  }
  let lead: string | null = null;
  let summary: string = (next ? NEXT_SUMMARY : DECISION_SUMMARY)[decision];
  if (noTraining) {
    summary = 'No training today.';
  } else if (primary?.rule === 'RF-5') {
    summary = 'Keep everything at its current level until a clinician has checked you.'; // RF-5 itself is shown above
  } else if (primary) {
    summary = primary.message;
    if (primary.component !== 'all') {
      const rule = primary.rule;
      const by = deciding.filter((c) => g.components[c].rules.includes(rule));
      const also = deciding.filter((c) => !by.includes(c));
      if (by.length) lead = `Set by ${lowerList(by)}${also.length ? ` (also ${lowerList(also)})` : ''}`;
    }
  } else if (decision === 'hold') {
    summary = next ? 'Nothing needs to change for your next session: keep your current levels.' : 'Nothing needs to change today: keep your current levels.';
  }

  return { decision, noTraining, lead, summary, components, reasons: reasons.filter((r) => !shown.has(r)), rf5 };
}

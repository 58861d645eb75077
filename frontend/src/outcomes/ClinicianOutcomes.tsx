// The "Outcomes" tab of a clinician's patient page: check-in trends, objective tests, goals,
// notes and the return-to-sport review. None of it is an input of the daily rules.
import { api } from '../api/client';
import { Loading, Notice } from '../ui/Page';
import { CheckInTrends } from './CheckInTrends';
import { ClinicianNotes } from './ClinicianNotes';
import { GoalsPanel } from './GoalsPanel';
import { ReturnToSport } from './ReturnToSport';
import { TestForm } from './TestForm';
import { TestList } from './TestList';
import { useLoad } from './useLoad';
import './outcomes.css';

function Tests({ id }: { id: string }) {
  const kinds = useLoad(() => api.get('/test-kinds'));
  const tests = useLoad(() => api.get('/clinician/patients/{patient_id}/tests', { path: { patient_id: id } }), id);
  return (
    <section class="card" aria-labelledby="tests-h">
      <h2 id="tests-h" class="h-section">
        Objective tests
      </h2>
      {tests.error && <Notice kind="error">{tests.error}</Notice>}
      {tests.data ? <TestList tests={tests.data.tests} /> : !tests.error && <Loading />}
      <h3 class="h-sub">Record a test</h3>
      {kinds.data ? <TestForm kinds={kinds.data.kinds} idPrefix="ctest" save={(body) => api.post('/clinician/patients/{patient_id}/tests', { path: { patient_id: id }, body }).then(() => tests.reload())} /> : <Loading />}
    </section>
  );
}

export function ClinicianOutcomes({ id }: { id: string }) {
  const checkIns = useLoad(() => api.get('/clinician/patients/{patient_id}/check-ins', { path: { patient_id: id } }), id);
  return (
    <div class="stack outcomes">
      <p class="hint">
        Trends to discuss with the patient: check-ins, tests, goals and notes never change the daily guidance.{' '}
        <a href={`/clinician/patients/${encodeURIComponent(id)}/summary`}>Visit summary (printable)</a>
      </p>
      {checkIns.error && <Notice kind="error">{checkIns.error}</Notice>}
      {checkIns.data ? <CheckInTrends data={checkIns.data} title="Weekly check-ins" note="The patient's own ratings, week by week. Trends only: they never change the daily guidance." /> : !checkIns.error && <Loading />}
      <Tests id={id} />
      <GoalsPanel patientId={id} heading="Goals with the patient" />
      <ClinicianNotes id={id} />
      <ReturnToSport id={id} />
    </div>
  );
}

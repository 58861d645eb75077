// A clinician's patient page: the patient's name, then tabs (Overview, Logs, Plan, Outcomes, Assessment). The chosen
// tab is in the URL (?tab=plan). Adding a tab is one entry in `tabs`.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { todayIn } from '../dates';
import { api } from '../api/client';
import { ApiError, NetworkError, problemMessage } from '../api/http';
import type { PatientRecord } from '../api/types';
import { Notice, PageTitle } from '../ui/Page';
import { buildDays } from '../clinician/days';
import { LogsTab } from '../clinician/LogsTab';
import { OverviewTab } from '../clinician/OverviewTab';
import { PlanTab } from '../clinician/PlanTab';
import { ClinicianOutcomes } from '../outcomes/ClinicianOutcomes';
import { ClinicianIntake } from '../intake/ClinicianIntake';
import { Tabs, type TabDef } from '../clinician/Tabs';

export default function ClinicianPatientPage({ id }: { id: string }) {
  const [data, setData] = useState<PatientRecord | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(): Promise<PatientRecord | null> {
    try {
      const d = await api.get('/clinician/patients/{patient_id}', { path: { patient_id: id } });
      setData(d);
      setError(null);
      return d;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setError('This patient was not found, or you no longer have access.');
      else if (e instanceof NetworkError) setError('You are offline. Connect to see this patient.');
      else setError(e instanceof ApiError ? problemMessage(e.problem) : 'Could not load this patient.');
      return null;
    }
  }

  useEffect(() => {
    void load();
  }, [id]);

  const profile = data?.profile;
  const name = profile?.display_name ?? 'Patient';
  const today = todayIn(profile?.timezone ?? null);
  const days = useMemo(() => (data ? buildDays(data) : []), [data]);

  const tabs: TabDef[] = data
    ? [
        { id: 'overview', label: 'Overview', render: () => <OverviewTab id={id} record={data} days={days} today={today} reload={load} /> },
        { id: 'logs', label: 'Logs', render: () => <LogsTab name={name} days={days} today={today} /> },
        { id: 'plan', label: 'Plan', render: () => <PlanTab id={id} /> },
        { id: 'outcomes', label: 'Outcomes', render: () => <ClinicianOutcomes id={id} /> },
        { id: 'assessment', label: 'Assessment', render: () => <ClinicianIntake key={`intake-${id}`} id={id} /> },
      ]
    : [];

  return (
    <div class="patient-page">
      <p class="crumbs">
        <a href="/clinician">← All patients</a>
      </p>
      <PageTitle title={name}>{name}</PageTitle>
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <p class="loading">Loading…</p>}
      {data && <Tabs tabs={tabs} label={`${name}’s record`} />}
    </div>
  );
}

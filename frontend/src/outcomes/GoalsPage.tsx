import { PageTitle } from '../ui/Page';
import { GoalsPanel } from './GoalsPanel';
import './outcomes.css';

export default function GoalsPage() {
  return (
    <>
      <PageTitle title="Goals">Your goals</PageTitle>
      <p class="subtitle">Goals are for you and your clinician to see progress. They do not change your daily guidance.</p>
      <GoalsPanel heading="Goals" />
      <p>
        <a href="/progress">Back to progress</a>
      </p>
    </>
  );
}

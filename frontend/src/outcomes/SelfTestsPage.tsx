// Self-tests (/me/tests): the kinds a patient may record alone, and every test so far.
import { api } from '../api/client';
import { Loading, Notice, PageTitle } from '../ui/Page';
import { TestForm } from './TestForm';
import { TestList } from './TestList';
import { useLoad } from './useLoad';
import './outcomes.css';

export default function SelfTestsPage() {
  const kinds = useLoad(() => api.get('/test-kinds'));
  const tests = useLoad(() => api.get('/me/tests'));
  const own = kinds.data?.kinds.filter((k) => k.self_test) ?? [];
  return (
    <>
      <PageTitle title="Self-tests">Self-tests</PageTitle>
      <p class="subtitle">Record a test you did on your own. Like the check-in, tests are trends for you and your clinician and never change your daily guidance.</p>
      <section class="card" aria-labelledby="selftest-h">
        <h2 id="selftest-h" class="h-section">
          Record a test
        </h2>
        {kinds.error && <Notice kind="error">{kinds.error}</Notice>}
        {!kinds.data && !kinds.error && <Loading />}
        {kinds.data && <TestForm kinds={own} idPrefix="selftest" save={(body) => api.post('/me/tests', { body }).then(() => tests.reload())} />}
      </section>
      <section class="card" aria-labelledby="mytests-h">
        <h2 id="mytests-h" class="h-section">
          Your tests
        </h2>
        {tests.error && <Notice kind="error">{tests.error}</Notice>}
        {tests.data ? <TestList tests={tests.data.tests} /> : !tests.error && <Loading />}
      </section>
    </>
  );
}

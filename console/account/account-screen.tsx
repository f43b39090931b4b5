import { useState } from 'preact/hooks';
import type { Agent } from '../../protocol/types';
import type { TeamApi } from '../net/team-api';
import { TextField } from '../format/text-field';
import { BusyForm } from '../format/busy-form';

export interface AccountScreenProps {
  api: TeamApi;
  agent: Agent;
  /** The server took the new name. */
  onAgentUpdated(agent: Agent): void;
}

type Outcome = { ok: boolean; text: string } | null;

/** The signed-in agent's own account: the display name visitors see, and the password. */
export function AccountScreen({ api, agent, onAgentUpdated }: AccountScreenProps) {
  const [name, setName] = useState(agent.name);
  const [nameBusy, setNameBusy] = useState(false);
  const [nameOutcome, setNameOutcome] = useState<Outcome>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [passBusy, setPassBusy] = useState(false);
  const [passOutcome, setPassOutcome] = useState<Outcome>(null);

  const saveName = async () => {
    setNameBusy(true);
    const r = await api.rename(name.trim());
    setNameBusy(false);
    if (!r.ok) return setNameOutcome({ ok: false, text: r.message });
    onAgentUpdated(r.data);
    setNameOutcome({ ok: true, text: `Saved. Visitors see "${r.data.name}" on your next messages.` });
  };
  const savePassword = async () => {
    setPassBusy(true);
    const r = await api.changePassword(current, next);
    setPassBusy(false);
    if (!r.ok) return setPassOutcome({ ok: false, text: r.message });
    setCurrent('');
    setNext('');
    const others = r.data.endedSessions;
    setPassOutcome({
      ok: true,
      text: `Password changed.${others ? ` Signed out ${others} other session${others === 1 ? '' : 's'}.` : ''}`,
    });
  };
  const say = (o: Outcome, id: string) =>
    o &&
    (o.ok ? (
      <p id={id} class="set-notice" role="status">
        {o.text}
      </p>
    ) : (
      <p id={id} class="field-error" role="alert">
        {o.text}
      </p>
    ));

  return (
    <main class="settings account" aria-labelledby="account-title">
      <header class="set-head">
        <h2 id="account-title">Your account</h2>
        <span class="muted">
          {agent.email} · {agent.role === 'admin' ? 'Admin' : 'Agent'}
        </span>
      </header>
      <BusyForm class="set-section account-form" aria-labelledby="account-name-title" busy={nameBusy} onSubmit={() => void saveName()}>
        <h3 id="account-name-title">Display name</h3>
        <TextField label="Name visitors see" type="text" required maxLength={80} autocomplete="name" value={name} onValue={setName} />
        {say(nameOutcome, 'account-name-outcome')}
        <button type="submit" class="btn btn-primary" disabled={nameBusy}>
          Save name
        </button>
      </BusyForm>
      <BusyForm class="set-section account-form" aria-labelledby="account-pass-title" busy={passBusy} onSubmit={() => void savePassword()}>
        <h3 id="account-pass-title">Password</h3>
        <input type="text" autocomplete="username" value={agent.email} hidden readOnly />
        <TextField label="Current password" type="password" required autocomplete="current-password" value={current} onValue={setCurrent} />
        <TextField
          label="New password (at least 8 characters)"
          type="password"
          required
          minLength={8}
          autocomplete="new-password"
          value={next}
          onValue={setNext}
        />
        <p class="muted">Your other sessions sign out; this one stays.</p>
        {say(passOutcome, 'account-pass-outcome')}
        <button type="submit" class="btn btn-primary" disabled={passBusy}>
          Change password
        </button>
      </BusyForm>
    </main>
  );
}

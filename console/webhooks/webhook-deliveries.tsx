import { useCallback, useEffect, useState } from 'preact/hooks';
import type { WebhookApi, WebhookDelivery } from '../net/webhook-api';
import { formatUntil } from '../team/when';
import { LoadedList } from '../format/loaded-list';

export interface WebhookDeliveriesProps {
  api: WebhookApi;
  endpointId: string;
  /** Changes when something was queued here (a test event), so the list is read again. */
  version: number;
}

/** What a delivery's state says to a person. */
function stateOf(d: WebhookDelivery): string {
  const code = d.responseStatus === null ? '' : ` (${d.responseStatus})`;
  if (d.status === 'delivered') return `delivered${code}`;
  if (d.status === 'failed') return `failed${code}: ${d.lastError ?? ''}`;
  if (d.attempts === 0) return 'queued';
  return `retrying${code}: ${d.lastError ?? ''}`;
}

/** An endpoint's latest deliveries with their state, answer code and time, and "Send again" for those done with. */
export function WebhookDeliveries({ api, endpointId, version }: WebhookDeliveriesProps) {
  const [list, setList] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await api.deliveries(endpointId);
    if (r.ok) setList(r.data);
    else setError(r.message);
  }, [api, endpointId]);
  // `version` is not read: it changes when something was queued, which is when to read again.
  useEffect(() => void load(), [load, version]);
  const again = async (d: WebhookDelivery) => {
    const r = await api.sendAgain(d.id);
    if (!r.ok) return setError(r.message);
    await load();
  };
  return (
    <div class="webhook-deliveries">
      <button type="button" class="btn btn-small" onClick={() => void load()}>
        Refresh deliveries
      </button>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <LoadedList items={list} loading="Loading deliveries…" empty="No deliveries yet." label="Recent deliveries">
        {(d) => (
          <li key={d.id} class="team-invite-item">
            <code>{d.eventType}</code>
            <span>{stateOf(d)}</span>
            <span class="muted">{formatUntil(d.deliveredAt ?? d.updatedAt)}</span>
            {(d.status === 'delivered' || d.status === 'failed') && (
              <button type="button" class="btn btn-small" aria-label={`Send ${d.eventType} again`} onClick={() => void again(d)}>
                Send again
              </button>
            )}
          </li>
        )}
      </LoadedList>
    </div>
  );
}
